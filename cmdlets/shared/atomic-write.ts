// Writes a file atomically: the bytes go to a temporary file beside it, are flushed to disk (fsync),
// and the temporary file is renamed over the target, so a reader (or a crash) sees the old content
// or the new, never half of it. An existing file keeps its permissions. Node built-ins only.
// Imports only Node built-ins.

import { randomBytes } from 'node:crypto';
import { chmod, open, rename, stat, unlink } from 'node:fs/promises';
import * as path from 'node:path';

export async function writeFileAtomic(target: string, data: Buffer): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = await stat(target).then(s => s.mode & 0o7777, () => undefined);
  const handle = await open(temp, 'wx', mode ?? 0o666);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await handle.close();
  try {
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}
