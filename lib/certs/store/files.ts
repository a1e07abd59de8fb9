// Durable file changes. A single file is replaced atomically (temp file, fsync, rename, fsync
// of the directory), so readers never see half a file. A change to several files, once journal.ts
// has made it durable, is written to temp files (prepareWrites), renamed and appended
// (publishPrepared), then synced in a background round (syncOwed); or all synced one by one when
// replayed after a crash (applyChanges). Replaying is idempotent. Imports Node built-ins only.

import { close, closeSync, fstatSync, fsync, open, readSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export type FileChange =
  | { op: 'write'; path: string; data: Buffer; mode?: number }
  | { op: 'append'; path: string; data: Buffer }
  | { op: 'delete'; path: string };

export function fsyncDirectory(directory: string): void {
  const fd = openSync(directory, 'r');
  try { fsyncSync(fd); } finally { closeSync(fd); }
}

export const TEMP_MARK = '.tmp-';

/** Store files this process has written outside a journaled batch (LockMemory forgets what it read when this moves). */
let writtenDirectly = 0;
export const directWrites = () => writtenDirectly;

/**
 * Stretches of time in which only this process's journaled batches change the store: one begins
 * whenever the store lock is taken afresh (journal.ts commitBatch) and whenever this process
 * writes a file outside a batch. Within one, a log's size or the journal's links seen earlier
 * still stand, and are not asked of the file system again (an fstat each, at every batch).
 */
let freshHolds = 0;
export const currentStretch = () => freshHolds + writtenDirectly;
export const beginStretch = (): void => { freshHolds++; };

export function atomicWrite(path: string, data: Buffer | string, mode = 0o644, options: { syncDirectory?: boolean } = {}): void {
  writtenDirectly++;
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
  const fd = openSync(temp, 'wx', mode);
  try { writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data); fsyncSync(fd); } finally { closeSync(fd); }
  try { renameSync(temp, path); } catch (error) { rmSync(temp, { force: true }); throw error; }
  if (options.syncDirectory !== false) fsyncDirectory(dirname(path));
}

function appendDurably(path: string, data: Buffer): void {
  const fd = openForAppend(path);
  try {
    appendAfterWhole(fd, fstatSync(fd).size, data);
    fsyncSync(fd);
  } finally { closeSync(fd); }
}

/** Opens a log for appending, making its folder only when it is missing (one system call as a rule). */
function openForAppend(path: string): number {
  try { return openSync(path, 'a+', 0o644); } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    return openSync(path, 'a+', 0o644);
  }
}

/** Appends `data` to a log of `size` bytes; a torn line from a crashed append must not swallow it. */
function appendAfterWhole(fd: number, size: number, data: Buffer): number {
  const last = Buffer.alloc(1);
  const torn = size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a;
  const bytes = torn ? Buffer.concat([Buffer.from('\n'), data]) : data;
  writeSync(fd, bytes);
  return size + bytes.length;
}

/**
 * Logs this process appends to (the index, request logs), kept open: an append is then an
 * fstat and a write instead of five system calls, and only a write within the stretch of its
 * last one (currentStretch). A log replaced or removed since (compacted, by this process or
 * another) has no links left and is opened again; one whose size is not where this process's
 * last append ended was appended to by someone else, and is checked for a torn last line first.
 */
const openLogs = new Map<string, { fd: number; end: number; stretch: number }>();
const OPEN_LOGS_LIMIT = 16;

function appendToOpenLog(path: string, data: Buffer): void {
  const stretch = currentStretch();
  let log = openLogs.get(path);
  if (log && log.stretch === stretch) { writeSync(log.fd, data); log.end += data.length; return; }
  let stat = log && fstatSync(log.fd);
  if (log && stat!.nlink === 0) { closeSync(log.fd); openLogs.delete(path); log = undefined; }
  if (!log) {
    if (openLogs.size >= OPEN_LOGS_LIMIT) { const [oldest, { fd }] = openLogs.entries().next().value!; closeSync(fd); openLogs.delete(oldest); }
    const fd = openForAppend(path);
    openLogs.set(path, (log = { fd, end: -1, stretch }));
    stat = fstatSync(fd);
  }
  log.stretch = stretch;
  if (stat!.size === log.end) { writeSync(log.fd, data); log.end += data.length; }
  else log.end = appendAfterWhole(log.fd, stat!.size, data);
}

/** A file's bytes, or undefined when it is missing; asks first, as a thrown ENOENT costs more than the read (most lookups of an issuance miss). */
export function readIfExists(path: string): Buffer | undefined {
  if (!existsSync(path)) return undefined;
  try { return readFileSync(path); } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;   // removed meanwhile
    throw error;
  }
}

/** The last `bytes` of a file (all of it when shorter), or undefined when it is missing; through its descriptor when it is a log kept open. */
export function readTail(path: string, bytes: number): Buffer | undefined {
  const log = openLogs.get(path);
  if (log) {
    const stat = fstatSync(log.fd);
    if (stat.nlink > 0) return tailOf(log.fd, stat.size, bytes);
  }
  let fd: number;
  try { fd = openSync(path, 'r'); } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try { return tailOf(fd, fstatSync(fd).size, bytes); } finally { closeSync(fd); }
}

function tailOf(fd: number, size: number, bytes: number): Buffer {
  const tail = Buffer.alloc(Math.min(size, bytes));
  return tail.subarray(0, readSync(fd, tail, 0, tail.length, size - tail.length));
}

/** Applies the changes in order; each directory is fsynced once at the end, not per file. */
export function applyChanges(root: string, changes: FileChange[]): void {
  writtenDirectly++;
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

/** Syncs a file or directory by its path: open, fsync and close on the thread pool, with callbacks (no FileHandle object and promise hops per file). */
function syncPath(path: string): Promise<void> {
  return new Promise((resolve, reject) => open(path, 'r', (error, fd) => {
    if (error) { if (error.code === 'ENOENT') resolve(); else reject(error); return; }   // ENOENT: deleted later in the same batch
    fsync(fd, (syncError) => close(fd, () => (syncError ? reject(syncError) : resolve())));
  }));
}

const fsyncAsync = (fd: number) => new Promise<void>((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));

/** Files written but not yet synced (kept open, so the sync round opens nothing) and directories to sync. */
export interface Owed { files: Map<string, number>; paths: Set<string> }

/** A change whose new contents already sit in a temp file beside their place, not yet renamed onto it. */
export interface Prepared { change: FileChange; temp?: string; fd?: number }

/**
 * Writes the new contents of every file to a temp file beside it: nothing a reader can see yet,
 * and nothing a crash leaves but temp files (removeTempFiles).
 */
export function prepareWrites(root: string, changes: FileChange[]): Prepared[] {
  const prepared: Prepared[] = [];
  try {
    for (const change of changes) {
      if (change.op !== 'write') { prepared.push({ change }); continue; }
      const { fd, temp } = createTemp(join(root, change.path), change.mode ?? 0o644);
      prepared.push({ change, temp, fd });
      writeSync(fd, change.data);
    }
  } catch (error) { discardPrepared(prepared); throw error; }
  return prepared;
}

/** Makes prepared changes visible in their order: renames, appends, deletions; adds to `owed` what needs a sync. */
export function publishPrepared(root: string, prepared: Prepared[], owed: Owed): void {
  for (const [i, { change, temp, fd }] of prepared.entries()) {
    try { publishOne(root, change, temp, fd, owed); } catch (error) { discardPrepared(prepared.slice(i)); throw error; }
  }
}

/**
 * Descriptors of written files kept open for their background sync, across all rounds: past this
 * many (a backlog of syncs behind a long run of batches) a file is closed at once and synced by
 * its path, so a process never nears the usual limit of 1,024 open files.
 */
const KEPT_OPEN_LIMIT = 256;
let keptOpen = 0;
const closeKept = (fd: number) => { keptOpen--; close(fd, ignore); };

function publishOne(root: string, change: FileChange, temp: string | undefined, fd: number | undefined, owed: Owed): void {
  const path = join(root, change.path);
  owed.paths.add(dirname(path));
  if (change.op !== 'append') { const log = openLogs.get(path); if (log) log.stretch = -1; }   // a log replaced or removed: its descriptor is stale
  if (change.op === 'write') {
    renameSync(temp!, path);
    const earlier = owed.files.get(path);
    if (earlier !== undefined) { owed.files.delete(path); closeKept(earlier); }   // replaced since: only the last one needs syncing
    if (keptOpen < KEPT_OPEN_LIMIT) { keptOpen++; owed.files.set(path, fd!); } else { close(fd!, ignore); owed.paths.add(path); }
  } else if (change.op === 'append') { appendToOpenLog(path, change.data); owed.paths.add(path); }
  else rmSync(path, { force: true });
}

/** Removes the temp files of prepared changes not published (the batch did not happen, or is finished another way). */
export function discardPrepared(prepared: Prepared[]): void {
  for (const { temp, fd } of prepared) if (temp) { close(fd!, ignore); rmSync(temp, { force: true }); }
}

/** Temp files of this process are numbered; 'wx' refuses a name a dead process left behind. */
let tempCounter = 0;

/** Creates a temp file beside `path`, making the directory only when it is missing (one system call as a rule). */
function createTemp(path: string, mode: number): { fd: number; temp: string } {
  for (;;) {
    const temp = `${path}${TEMP_MARK}${process.pid}-${++tempCounter}`;
    try { return { fd: openSync(temp, 'wx', mode), temp }; } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') mkdirSync(dirname(path), { recursive: true });
      else if (code !== 'EEXIST') throw error;
    }
  }
}

/** Syncs of a background round in flight at once: a few, so the disk is never flooded ahead of the journal's own sync. */
const SYNCS_AT_ONCE = 2;

/** One round of syncs, SYNCS_AT_ONCE at a time; the files are closed on the thread pool too, none of it on the caller's thread. */
export async function syncOwed(owed: Owed): Promise<void> {
  const jobs = [...[...owed.files.values()].map((fd) => () => fsyncAsync(fd)), ...[...owed.paths].map((path) => () => syncPath(path))];
  let next = 0, failure: unknown;
  const worker = async () => {
    while (next < jobs.length) try { await jobs[next++]!(); } catch (error) { failure ??= error; }
  };
  try { await Promise.all(Array.from({ length: SYNCS_AT_ONCE }, worker)); } finally { for (const fd of owed.files.values()) closeKept(fd); }
  if (failure) throw failure;
}

const ignore = () => undefined;

/** Syncs files and their directories that another process wrote and did not sync (a live owner's journal). */
export async function syncPaths(root: string, relativePaths: string[]): Promise<void> {
  const targets = new Set<string>();
  for (const path of relativePaths) { targets.add(join(root, path)); targets.add(dirname(join(root, path))); }
  await Promise.all([...targets].map(syncPath));
}

/** Temp files of writers that died before renaming (called under the lock, so none are live). */
export function removeTempFiles(directory: string): void {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.isDirectory()) removeTempFiles(join(directory, entry.name));
    else if (entry.name.includes(TEMP_MARK)) rmSync(join(directory, entry.name), { force: true });
  }
}
