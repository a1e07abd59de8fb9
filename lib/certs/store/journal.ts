// The store's write-ahead journal. A batch of file changes is made durable by one append and
// one fdatasync to the writing process's own journal file (`journal-<pid>-<tag>.log`); then its
// files' new contents are written to temp files and renamed, and synced in the background
// (files.ts). A record stays in the journal until its files are synced; the journal
// file is removed once all of them are: past JOURNAL_LIMIT the process goes
// on in a new journal at once and the old one goes when its syncs end (rotate), and after a
// moment of idleness and before the process exits, it waits for them (checkpoint). A crash at
// any instant leaves complete records, which are replayed, a process's journals in the order
// it made them, and at most one torn last record, which was never applied and is dropped.
//
// Only one process's journals hold records not yet synced: before appending, a writer holding
// the store lock settles every other process's journal (`settleJournals`). A live owner has
// already written its files (the page cache is shared), so they only need syncing; a dead
// owner's journal is replayed, because a machine crash may have lost what was not synced.
// Readers never lock and settle only dead owners' journals (openStore), never a live writer's.
//
// Line format: a header `{"format":2,"pid":…,"host":…,"seq":…}`, then one line per batch:
// `<sha256 of the JSON> <JSON array of changes, data in base64>`. The file is laid out with
// zeros ahead of the records (PREALLOCATE bytes at a time, synced once): a record written over
// blocks that already hold data is made durable by fdatasync alone, without the file system's
// own journal commit for a new size, which other writers' syncs make the caller wait for
// (0.2-0.9 ms a batch here, against about 0.1). Readers stop at the first line that is not a
// whole record, the zeros included. Imports Node built-ins, files.ts and lock.ts.

import { closeSync, fdatasyncSync, fstatSync, ftruncateSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { applyChanges, beginStretch, currentStretch, fsyncDirectory, prepareWrites, publishPrepared, readIfExists, removeTempFiles, syncOwed, syncPaths,
  type FileChange, type Owed } from './files.js';
import { processAlive, processToken } from './lock.js';

/** Bytes after which the journal is checkpointed at the next batch (about 200 P-256 issuances). */
const JOURNAL_LIMIT = 1 << 20;
/** Bytes of zeros laid out ahead of the records at a time (about 60 P-256 issuances). */
const PREALLOCATE = 1 << 18;
/** Files a background sync round covers: rounds of many files merge into few disk commits and meet fewer writers. */
const SYNC_ROUND = 64;
/** Idle time after the last batch before the journal is checkpointed. */
const IDLE_CHECKPOINT_MS = 100;
const NAME = /^journal-\d+-[0-9a-f]+\.log$/;
/** The journal of format-1 stores (cscert before the write-ahead journal): present only after a crash. */
const LEGACY_JOURNAL = 'journal.json';

interface SerializedChange { op: string; path: string; data?: string; mode?: number }
/**
 * `seq`: the journal's place among its process's journals (two may hold unsynced records: see
 * rotate). `token`: which process of that pid (lock.ts processToken).
 */
interface Header { format: 2; pid: number; host: string; seq?: number; token?: string }

const noneOwed = (): Owed => ({ files: new Map(), paths: new Set() });
const digest = (text: string) => createHash('sha256').update(text).digest('hex');

const serialize = (changes: FileChange[]): string => JSON.stringify(changes.map((c) => ({ op: c.op, path: c.path,
  ...('data' in c ? { data: c.data.toString('base64') } : {}), ...('mode' in c && c.mode ? { mode: c.mode } : {}) })));

const deserialize = (changes: SerializedChange[]): FileChange[] =>
  changes.map((c) => ({ ...c, data: Buffer.from(c.data ?? '', 'base64') }) as FileChange);

/** This process's journal in one store: appended under the store lock, checkpointed once its files are synced. */
class OwnJournal {
  private fd?: number;
  private name = '';
  private size = 0;
  /** Bytes of the file laid out so far (records and the zeros ahead of them). */
  private laidOut = 0;
  /** Files of the batches appended since the last sync round started; each round syncs SYNC_ROUND of them at once. */
  private unsynced: Owed = noneOwed();
  private syncing: Promise<boolean>[] = [];
  private idle?: NodeJS.Timeout;
  /** Journals let go of at JOURNAL_LIMIT whose files are still being synced. */
  private readonly retiring = new Set<Promise<void>>();

  constructor(private readonly root: string) {}

  /** This process's journals in the store still its own: the current one and any retiring. */
  readonly names = new Set<string>();

  /**
   * Commits a batch (holding the store lock): durable once its record is appended and
   * fdatasynced, then applied, its files synced in the background. The record is synced here,
   * on this thread, not on the thread pool: there the temp files and the batch's reading work
   * went on while it synced, but the handoff cost more than it hid (0.6 ms from dispatch to
   * callback, against 0.2 ms for the call in place; one request after another and with
   * -Parallel alike, issuance was faster in place).
   */
  commit(changes: FileChange[]): void {
    if (this.fd !== undefined && (this.size >= JOURNAL_LIMIT || this.takenOver())) this.rotate();
    if (this.fd === undefined) this.create();
    this.checkedIn = currentStretch();
    const list = serialize(changes);
    const line = Buffer.from(`${digest(list)} ${list}\n`);
    if (this.size + line.length > this.laidOut) this.layOut(this.size + line.length);
    try {
      writeSync(this.fd!, line, 0, line.length, this.size);
      fdatasyncSync(this.fd!);
    } catch (error) {   // not durable: the batch did not happen; a torn line must not precede the next one
      try { ftruncateSync(this.fd!, this.size); this.laidOut = this.size; } catch { this.abandon(); }
      throw error;
    }
    this.size += line.length;
    try {
      publishPrepared(this.root, prepareWrites(this.root, changes), this.unsynced);
    } catch {
      // The record is durable, so the batch happened: finish it the slow way, every file synced.
      applyChanges(this.root, changes);
    }
    if (this.unsynced.files.size + this.unsynced.paths.size >= SYNC_ROUND) this.startSyncRound();
    clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.checkpoint(), IDLE_CHECKPOINT_MS).unref();
  }

  /** Lays zeros out past `end` (a whole PREALLOCATE beyond it) and syncs them: the records written there later need no new size. */
  private layOut(end: number): void {
    const target = end + PREALLOCATE;
    const zeros = Buffer.alloc(target - this.laidOut);
    writeSync(this.fd!, zeros, 0, zeros.length, this.laidOut);
    fdatasyncSync(this.fd!);
    this.laidOut = target;
  }

  /** Syncs the files written since the last round, and their directories, in the background. */
  private startSyncRound(): void {
    const owed = this.unsynced;
    this.unsynced = noneOwed();
    if (owed.files.size || owed.paths.size) this.syncing.push(syncOwed(owed).then(() => true, () => false));
  }

  /** The stretch (files.ts) in which the journal was last found still this process's own. */
  private checkedIn = -1;

  /**
   * Another writer settled this journal (synced what it names and unlinked it): start a new one.
   * Only a writer holding the lock settles, so within one stretch of this process's hold it stays.
   */
  private takenOver(): boolean {
    return this.checkedIn !== currentStretch() && fstatSync(this.fd!).nlink === 0;
  }

  /**
   * Lets the journal go at JOURNAL_LIMIT and goes on in a new one at once: its files' syncs,
   * under way in the background, end in its removal (retire) while batches go on. Waiting for
   * them here held the lock for 35-80 ms of every megabyte. Should the process die meanwhile,
   * both journals are replayed, the older first (Header.seq).
   */
  private rotate(): void {
    const retired = this.retire().finally(() => this.retiring.delete(retired));
    this.retiring.add(retired);
  }

  /** Waits for the owed syncs, then removes the journal (and any retiring one); if one failed, leaves it for settleJournals to sync again. */
  async checkpoint(): Promise<void> {
    clearTimeout(this.idle);
    await Promise.all([this.retire(), ...this.retiring]);
  }

  private async retire(): Promise<void> {
    if (this.fd === undefined) return;
    this.startSyncRound();
    const fd = this.fd, name = this.name, rounds = this.syncing;
    this.fd = undefined; this.syncing = [];
    const synced = (await Promise.all(rounds)).every(Boolean);
    closeSync(fd);
    if (synced) rmSync(join(this.root, name), { force: true });   // unsynced removal is safe: replaying synced records is idempotent
    this.names.delete(name);   // removed, or left for settleJournals like any other process's
  }

  get busy(): boolean { return this.fd !== undefined || this.retiring.size > 0; }

  private create(): void {
    this.name = `journal-${process.pid}-${randomBytes(4).toString('hex')}.log`;
    const header = Buffer.from(journalHeader(process.pid, hostname(), ++journalsMade, processToken));
    const fd = openSync(join(this.root, this.name), 'wx', 0o600);   // 0600: records carry private keys
    try {
      writeSync(fd, header);
      this.fd = fd; this.size = this.laidOut = header.length;
      this.names.add(this.name);
      this.layOut(this.size);   // synced with the header
      fsyncDirectory(this.root);   // the file's name must survive a crash as well as its contents
    } catch (error) { this.fd = undefined; this.names.delete(this.name); closeSync(fd); rmSync(join(this.root, this.name), { force: true }); throw error; }
  }

  /** A journal that cannot be trusted to append to any more: left for settleJournals, which syncs what it names. */
  private abandon(): void {
    try { closeSync(this.fd!); } catch { /* already unusable */ }
    this.startSyncRound();   // closes what it syncs; whatever fails, settleJournals syncs again
    this.names.delete(this.name);   // no longer this process's own: the next batch settles it like another's
    this.fd = undefined; this.syncing = [];
  }
}

const journals = new Map<string, OwnJournal>();
/** Journals this process has made, in any store: each one's Header.seq. */
let journalsMade = 0;
let exitHookInstalled = false;

/** This process's journal for the store at `root`. */
export function ownJournal(root: string): OwnJournal {
  let journal = journals.get(root);
  if (!journal) journals.set(root, (journal = new OwnJournal(root)));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // Checkpoint before a natural exit, so the next process finds no journal to settle.
    process.on('beforeExit', () => { for (const each of journals.values()) if (each.busy) void each.checkpoint(); });
  }
  return journal;
}

/** Checkpoints this process's journals now (tests; a host that exits without draining the event loop). */
export async function checkpointJournals(): Promise<void> {
  await Promise.all([...journals.values()].map((journal) => journal.checkpoint()));
}

interface ForeignJournal { name: string; header?: Header; records: FileChange[][] }

/** Journal files in the store root other than this process's current one, and whether an older version's journal.json is there. */
function foreignJournals(root: string): { names: string[]; legacy: boolean } {
  let names: string[];
  try { names = readdirSync(root); } catch { return { names: [], legacy: false }; }
  const own = journals.get(root)?.names;
  return { names: names.filter((name) => NAME.test(name) && !own?.has(name)), legacy: names.includes(LEGACY_JOURNAL) };
}

function readJournal(root: string, name: string): ForeignJournal | undefined {
  const text = readIfExists(join(root, name))?.toString();
  if (text === undefined) return undefined;
  const lines = text.split('\n');
  let header: Header | undefined;
  try { header = JSON.parse(lines[0]!) as Header; } catch { /* torn while being created: no record was written */ }
  const records: FileChange[][] = [];
  for (const line of lines.slice(1)) {
    const space = line.indexOf(' ');
    const list = line.slice(space + 1);
    if (space !== 64 || digest(list) !== line.slice(0, 64)) break;   // the torn last record: never applied
    records.push(deserialize(JSON.parse(list) as SerializedChange[]));
  }
  return { name, header, records };
}

const ownerAlive = (journal: ForeignJournal): boolean =>
  journal.header !== undefined && processAlive(journal.header);

/**
 * Settles other processes' journals; call holding the store lock. A live owner's records are
 * synced in place, a dead owner's replayed; then the journal is removed. `deadOnly` (readers):
 * leave live owners' journals alone. True when a dead owner's journal was replayed.
 */
export async function settleJournals(root: string, options: { deadOnly?: boolean } = {}): Promise<boolean> {
  const found = foreignJournals(root);
  let replayed = found.legacy && replayLegacyJournal(root);
  // One process's journals in the order it wrote them: two of them may name the same file.
  const inOrder = found.names.flatMap((name) => readJournal(root, name) ?? [])
    .sort((a, b) => (a.header?.pid ?? 0) - (b.header?.pid ?? 0) || (a.header?.seq ?? 0) - (b.header?.seq ?? 0));
  for (const journal of inOrder) {
    const name = journal.name;
    if (ownerAlive(journal)) {
      if (options.deadOnly) continue;
      await syncPaths(root, journal.records.flat().map((change) => change.path));
    } else {
      for (const changes of journal.records) applyChanges(root, changes);
      replayed = true;
    }
    rmSync(join(root, name), { force: true });
  }
  if (replayed) removeTempFiles(root);
  return replayed;
}

/** Whether a reader must settle journals: one was left by a process that is gone. */
export function deadJournalPresent(root: string): boolean {
  const found = foreignJournals(root);
  return found.legacy || found.names.some((name) => {
    const journal = readJournal(root, name);
    return journal !== undefined && !ownerAlive(journal);
  });
}

/**
 * Commits a batch (call holding the store lock): one append and one fdatasync of this process's
 * journal make it durable; then every file's contents go to a temp file that is renamed, the
 * appends are made, and background rounds of fsyncs cover them and their directories while the
 * caller goes on. Files are renamed before they are synced: until the journal lets go of the
 * batch, a crash replays it, so a file the disk lost is written again. One wait on the disk per
 * batch, however many files it holds. `sameHold`: the caller has held the lock without a break
 * since its last batch (a lease taken up), so no other process wrote meanwhile.
 * Throws only before anything was applied: then the batch did not happen.
 */
export async function commitBatch(root: string, changes: FileChange[], options: { sameHold?: boolean } = {}): Promise<void> {
  if (!options.sameHold) beginStretch();
  if (changes.length) ownJournal(root).commit(changes);
}

interface LegacyJournal {
  format: 1;
  /** SHA-256 of the JSON of `changes`; a journal torn while being written fails it and is discarded. */
  sha256?: string;
  changes: SerializedChange[];
}

/** Finishes a change an older cscert (journal.json, format 1) left behind after a crash; true when there was one. */
function replayLegacyJournal(root: string): boolean {
  const text = readIfExists(join(root, LEGACY_JOURNAL));
  if (!text) return false;
  const journal = parseLegacyJournal(text.toString());
  if (journal) applyChanges(root, deserialize(journal.changes));
  rmSync(join(root, LEGACY_JOURNAL), { force: true });
  return true;
}

/** The journal, or undefined when a crash tore it before it was complete (then nothing was applied). */
function parseLegacyJournal(text: string): LegacyJournal | undefined {
  let journal: LegacyJournal;
  try { journal = JSON.parse(text) as LegacyJournal; } catch { return undefined; }
  if (!Array.isArray(journal.changes)) return undefined;
  if (journal.sha256 !== undefined && journal.sha256 !== digest(JSON.stringify(journal.changes))) return undefined;
  return journal;
}

/** For tests of crash recovery: the journal line format. */
export const journalLine = (changes: FileChange[]): string => { const list = serialize(changes); return `${digest(list)} ${list}\n`; };
export const journalHeader = (pid: number, host = hostname(), seq?: number, token?: string): string =>
  JSON.stringify({ format: 2, pid, host, ...(seq === undefined ? {} : { seq }), ...(token === undefined ? {} : { token }) } satisfies Header) + '\n';
