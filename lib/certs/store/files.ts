// Durable file changes. A single file is replaced atomically (temp file, fsync, rename, fsync
// of the directory), so readers never see half a file. A change to several files goes through
// a journal: the whole list of writes, appends and deletes is made durable first, then
// applied; a crash leaves either no journal or a torn one (nothing happened: it is discarded)
// or a complete one that the next opener replays. Replaying is idempotent. A batch waits on
// the disk twice however many files it holds (commitBatch). Imports Node built-ins only.

import { closeSync, fstatSync, fsync, readSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';

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

function appendDurably(path: string, data: Buffer, options: { sync?: boolean } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'a+', 0o644);
  try {
    // A torn line from a crashed append must not swallow the next one.
    const size = fstatSync(fd).size;
    const last = Buffer.alloc(1);
    const torn = size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a;
    writeSync(fd, torn ? Buffer.concat([Buffer.from('\n'), data]) : data);
    if (options.sync !== false) fsyncSync(fd);
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

interface JournalFile {
  format: 1;
  /** SHA-256 of the JSON of `changes`; a journal torn while being written fails it and is discarded. */
  sha256?: string;
  changes: { op: string; path: string; data?: string; mode?: number }[];
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

async function syncPath(path: string): Promise<void> {
  let handle;
  try { handle = await open(path, 'r'); } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;   // deleted later in the same batch
    throw error;
  }
  try { await handle.sync(); } finally { await handle.close(); }
}

const fsyncAsync = (fd: number) => new Promise<void>((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));

/** Files written but not yet synced (kept open, so the sync round opens nothing) and directories to sync. */
interface Owed { files: Map<string, number>; paths: Set<string> }

/** Writes, renames and appends without waiting for the disk; returns what is owed a sync. */
function applyUnsynced(root: string, changes: FileChange[], owed: Owed): void {
  for (const change of changes) {
    const path = join(root, change.path);
    owed.paths.add(dirname(path));
    if (change.op === 'write') {
      mkdirSync(dirname(path), { recursive: true });
      const temp = `${path}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
      const fd = openSync(temp, 'wx', change.mode ?? 0o644);
      try { writeSync(fd, change.data); renameSync(temp, path); } catch (error) {
        closeSync(fd); rmSync(temp, { force: true }); throw error;
      }
      const earlier = owed.files.get(path);
      if (earlier !== undefined) closeSync(earlier);   // replaced in the same batch: only the last one counts
      owed.files.set(path, fd);
    } else if (change.op === 'append') { appendDurably(path, change.data, { sync: false }); owed.paths.add(path); }
    else rmSync(path, { force: true });
  }
}

async function syncOwed(owed: Owed): Promise<void> {
  try {
    await Promise.all([...[...owed.files.values()].map(fsyncAsync), ...[...owed.paths].map(syncPath)]);
  } finally { for (const fd of owed.files.values()) closeSync(fd); }
}

/**
 * Commits a batch: the journal is written and synced with its directory, then every file is
 * written, renamed and appended at once, then one concurrent round of fsyncs covers them all
 * and their directories (ext4 merges concurrent fsyncs into one commit), then the journal goes.
 * Files are renamed before they are synced: until the journal is removed a crash replays it,
 * so a file the disk lost is written again. A single file write needs no journal (its rename
 * is all or nothing) but must be synced before its rename. The journal's removal is not
 * synced: if a crash undoes it, the next opener replays, which is idempotent.
 */
export async function commitBatch(root: string, journalPath: string, changes: FileChange[]): Promise<void> {
  if (!changes.length) return;
  const only = changes.length === 1 && changes[0]!.op === 'write' ? changes[0] : undefined;
  if (only) {
    const path = join(root, only.path);
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
    writeFileSync(temp, only.data, { mode: only.mode ?? 0o644, flag: 'wx' });
    await syncPath(temp);
    renameSync(temp, path);
    return syncPath(dirname(path));
  }
  const journal = join(root, journalPath);
  const list = JSON.stringify(changes.map((c) => ({ op: c.op, path: c.path,
    ...('data' in c ? { data: c.data.toString('base64') } : {}), ...('mode' in c && c.mode ? { mode: c.mode } : {}) })));
  try {
    writeFileSync(journal, `{"format":1,"sha256":"${digest(list)}","changes":${list}}`, { mode: 0o600 });
    await Promise.all([syncPath(journal), syncPath(root)]);
  } catch (error) {   // not durable, nothing applied: the batch did not happen
    rmSync(journal, { force: true });
    throw error;
  }
  const owed: Owed = { files: new Map(), paths: new Set() };
  try {
    try { applyUnsynced(root, changes, owed); } finally { await syncOwed(owed); }
    rmSync(journal, { force: true });
  } catch {   // the journal is durable, so the batch happened: finish it the slow way (or the next opener will)
    replayJournal(root, journalPath);
  }
}

/** Finishes a change a crashed process left behind (or discards a torn journal); true when there was one. */
export function replayJournal(root: string, journalPath: string): boolean {
  const text = readIfExists(join(root, journalPath));
  if (!text) return false;
  const journal = parseJournal(text.toString());
  if (journal) applyChanges(root, journal.changes.map((c) => ({ ...c, data: Buffer.from(c.data ?? '', 'base64') }) as FileChange));
  rmSync(join(root, journalPath), { force: true });
  return true;
}

/** The journal, or undefined when a crash tore it before it was complete (then nothing was applied). */
function parseJournal(text: string): JournalFile | undefined {
  let journal: JournalFile;
  try { journal = JSON.parse(text) as JournalFile; } catch { return undefined; }
  if (!Array.isArray(journal.changes)) return undefined;
  if (journal.sha256 !== undefined && journal.sha256 !== digest(JSON.stringify(journal.changes))) return undefined;
  return journal;
}

/** Temp files of writers that died before renaming (called under the lock, so none are live). */
export function removeTempFiles(directory: string): void {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.isDirectory()) removeTempFiles(join(directory, entry.name));
    else if (entry.name.includes(TEMP_MARK)) rmSync(join(directory, entry.name), { force: true });
  }
}
