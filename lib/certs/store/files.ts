// Durable file changes. A single file is replaced atomically (temp file, fsync, rename, fsync
// of the directory), so readers never see half a file. A change to several files goes through
// a journal: the whole list of writes, appends and deletes is written atomically first, then
// applied; a crash leaves either no journal (nothing happened) or a complete one that the next
// opener replays. Replaying is idempotent. Imports Node built-ins only.

import { closeSync, fstatSync, readSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export type FileChange =
  | { op: 'write'; path: string; data: Buffer; mode?: number }
  | { op: 'append'; path: string; data: Buffer }
  | { op: 'delete'; path: string };

function fsyncDirectory(directory: string): void {
  const fd = openSync(directory, 'r');
  try { fsyncSync(fd); } finally { closeSync(fd); }
}

export const TEMP_MARK = '.tmp-';

export function atomicWrite(path: string, data: Buffer | string, mode = 0o644, options: { syncDirectory?: boolean } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
  const fd = openSync(temp, 'wx', mode);
  try { writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data); fsyncSync(fd); } finally { closeSync(fd); }
  try { renameSync(temp, path); } catch (error) { rmSync(temp, { force: true }); throw error; }
  if (options.syncDirectory !== false) fsyncDirectory(dirname(path));
}

function appendDurably(path: string, data: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'a+', 0o644);
  try {
    // A torn line from a crashed append must not swallow the next one.
    const size = fstatSync(fd).size;
    const last = Buffer.alloc(1);
    const torn = size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a;
    writeSync(fd, torn ? Buffer.concat([Buffer.from('\n'), data]) : data);
    fsyncSync(fd);
  } finally { closeSync(fd); }
}

export function readIfExists(path: string): Buffer | undefined {
  try { return readFileSync(path); } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Applies the changes in order; each directory is fsynced once at the end, not per file. */
export function applyChanges(root: string, changes: FileChange[]): void {
  const touched = new Set<string>();
  for (const change of changes) {
    const path = join(root, change.path);
    touched.add(dirname(path));
    if (change.op === 'write') atomicWrite(path, change.data, change.mode, { syncDirectory: false });
    else if (change.op === 'append') appendDurably(path, change.data);
    else rmSync(path, { force: true });
  }
  for (const directory of touched) if (existsSync(directory)) fsyncDirectory(directory);
}

interface JournalFile { format: 1; changes: { op: string; path: string; data?: string; mode?: number }[] }

/**
 * Writes the journal, applies it, removes it: all the changes or, after a crash, replay. A
 * single file write needs no journal: its rename is already all or nothing. The journal's
 * removal is not fsynced: if a crash undoes it, the next opener replays, which is idempotent.
 */
export function commitChanges(root: string, journalPath: string, changes: FileChange[]): void {
  if (!changes.length) return;
  if (changes.length === 1 && changes[0]!.op === 'write') return applyChanges(root, changes);
  const journal: JournalFile = { format: 1, changes: changes.map((c) => ({ op: c.op, path: c.path,
    ...('data' in c ? { data: c.data.toString('base64') } : {}), ...('mode' in c && c.mode ? { mode: c.mode } : {}) })) };
  const path = join(root, journalPath);
  atomicWrite(path, JSON.stringify(journal), 0o600);
  applyChanges(root, changes);
  rmSync(path, { force: true });
}

/** Finishes a change a crashed process left behind; true when there was one. */
export function replayJournal(root: string, journalPath: string): boolean {
  const text = readIfExists(join(root, journalPath));
  if (!text) return false;
  const journal = JSON.parse(text.toString()) as JournalFile;
  applyChanges(root, journal.changes.map((c) => ({ ...c, data: Buffer.from(c.data ?? '', 'base64') }) as FileChange));
  rmSync(join(root, journalPath), { force: true });
  return true;
}

/** Temp files of writers that died before renaming (called under the lock, so none are live). */
export function removeTempFiles(directory: string): void {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.isDirectory()) removeTempFiles(join(directory, entry.name));
    else if (entry.name.includes(TEMP_MARK)) rmSync(join(directory, entry.name), { force: true });
  }
}
