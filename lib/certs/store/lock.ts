// One writer at a time, across processes and within one: an in-process queue, then a lock file
// created with O_EXCL ('wx') holding the owner's pid. A lock whose owner is dead (a crash) is
// taken over; waiting is bounded and ends in CertError 'Locked' naming the holder. Readers
// never lock: every file they read is replaced atomically.
//
// A writer may keep the lock for a moment after its work (a lease), so a script's changes one
// after another take it once, and what the writer read stays true between them (`fresh` tells
// the work whether anyone else could have written since). A waiting process announces itself
// (`<lock>.waiting`): the holder then lets go at its next change and stands back until the
// waiter has the lock; a lease left idle lapses after its time (lease-keeper.ts: a thread of its
// own, so a script's long computation cannot hold it), and at the latest when the process
// exits. A lease is kept from a process's second hold of a lock on. Imports Node built-ins,
// errors and lease-keeper.ts.

import { closeSync, existsSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname as readHostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { CertError } from '../errors.js';
import { startLeaseKeeper, type LeaseKeeper } from './lease-keeper.js';

/**
 * `token`: which process of that pid (processToken). In a container every run may have the same
 * pid, so a lock or journal left by a run that died can carry this process's pid.
 */
interface LockOwner { pid: number; host: string; since: string; token?: string }

/**
 * Tells this process from an earlier one that had its pid: its start time (clock ticks since
 * boot, Linux), the same in every thread of it. Elsewhere undefined, and a lock or journal
 * carrying this pid is taken for this process's own, as before tokens.
 */
export const processToken = startTime();

function startTime(): string | undefined {
  try { const stat = readFileSync('/proc/self/stat', 'utf8'); return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]; } catch { return undefined; }
}

const queues = new Map<string, Promise<unknown>>();
/** Asked once: every batch takes the lock, and os.hostname() is a system call. */
let host: string | undefined;
const hostname = () => (host ??= readHostname());

/** The keeper of each lock this process has kept on lease (lease-keeper.ts), by path. */
const keepers = new Map<string, LeaseKeeper | undefined>();
/** Locks this process has held and let go: a lease is kept from the second hold on, so a one-off command starts no keeper. */
const heldBefore = new Set<string>();
/** How long a waiter announced in `<lock>.waiting` may take to pick the lock up once let go (it polls at most WAITER_POLL_MS apart). */
const HAND_OVER_MS = 50;
const WAITER_POLL_MS = 10;
const waitingPath = (lockPath: string) => `${lockPath}.waiting`;

export interface LockHold {
  /** The lock was taken now, not kept from this process's last work: other processes may have changed what it guards. */
  fresh: boolean;
}

/**
 * Runs `work` holding the lock at `lockPath`; serializes callers in this process first.
 * `keepFor`: how long to keep the lock after work that returned `value`, for this process's next
 * work (which then runs with `fresh` false) unless another process asks for it; 0 (and work
 * that throws) lets it go before the caller hears.
 */
export async function withLock<T>(lockPath: string, timeoutMs: number, work: (hold: LockHold) => Promise<T> | T,
  options: { keepFor?: (value: T) => number } = {}): Promise<T> {
  const previous = queues.get(lockPath) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(async () => {
    const fresh = !(await keepLease(lockPath));
    if (fresh) await acquire(lockPath, timeoutMs);
    let keepMs = 0;
    try { const value = await work({ fresh }); keepMs = options.keepFor?.(value) ?? 0; return value; } finally {
      if (!(keepMs > 0 && lease(lockPath, keepMs))) { release(lockPath); keepers.get(lockPath)?.released(); }
      heldBefore.add(lockPath);
    }
  });
  queues.set(lockPath, run);
  try { return await run; } finally { if (queues.get(lockPath) === run) queues.delete(lockPath); }
}

/** Puts the lock on lease for `ms` (its keeper lets it go then, or when asked for); let go at exit in any case. False: not kept. */
function lease(lockPath: string, ms: number): boolean {
  if (!heldBefore.has(lockPath)) return false;
  if (!keepers.has(lockPath) || keepers.get(lockPath)?.ended) {
    if (!keepers.size) process.once('exit', releaseLeases);
    keepers.set(lockPath, startLeaseKeeper(lockPath));
  }
  return keepers.get(lockPath)?.lease(Date.now() + ms) ?? false;
}

/** Whether this process keeps the lock at `lockPath` on lease now (tests: a lease's lock file is no change of theirs). */
export const onLease = (lockPath: string): boolean => keepers.get(lockPath)?.onLease ?? false;

function releaseLeases(): void {
  for (const [lockPath, keeper] of keepers) if (keeper?.end()) letGo(lockPath);
}

/** A lease's release at exit, where nobody could hear of a failure: the lock file is then left as a dead process's is. */
function letGo(lockPath: string): void {
  try { release(lockPath); } catch { /* taken over by the next writer once this process is gone */ }
}

/**
 * Takes up this process's lease on the lock, if it has one: true when the lock is still held.
 * When another process has announced that it waits, lets the lock go instead (or finds that the
 * keeper did) and stands back until that process has it (or a moment has passed), so a long
 * script cannot starve it by taking the lock again first.
 */
async function keepLease(lockPath: string): Promise<boolean> {
  const keeper = keepers.get(lockPath);
  if (!keeper) return false;   // never kept
  const kept = keeper.takeBack();
  // Held without a break, and the keeper found no announcement at most a tick ago: a system call fewer a batch.
  if (kept && keeper.clearOfWaiters) return true;
  if (!waiterAnnounced(lockPath)) return kept;
  if (kept) { release(lockPath); keeper.released(); }
  for (const deadline = Date.now() + HAND_OVER_MS; Date.now() < deadline && !existsSync(lockPath) && existsSync(waitingPath(lockPath));) await sleep(1);
  return false;
}

/** Another live process waits for the lock; an announcement its writer left behind when it died is removed. */
function waiterAnnounced(lockPath: string): boolean {
  if (!existsSync(waitingPath(lockPath))) return false;
  const waiter = readOwner(waitingPath(lockPath));
  if (!waiter || processAlive(waiter)) return true;
  rmSync(waitingPath(lockPath), { force: true });
  return false;
}

/** Says that this process waits for the lock: a holder keeping it on lease lets it go. */
function announce(lockPath: string): void {
  try { writeFileSync(waitingPath(lockPath), JSON.stringify(ownerRecord()), { mode: 0o600 }); } catch { /* the holder's lease lapses on its own */ }
}

/** Removes the lock file: one system call (rmSync would stat it first). */
function release(lockPath: string): void {
  try { unlinkSync(lockPath); } catch (error) { if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; }
}

const ownerRecord = (): LockOwner => ({ pid: process.pid, host: hostname(), since: new Date().toISOString(), token: processToken });

async function acquire(lockPath: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  try {
    for (let delay = 2; ; delay = Math.min(delay * 2, WAITER_POLL_MS)) {
      if (tryCreate(lockPath)) return;
      const owner = readOwner(lockPath);
      if (owner ? isStale(owner) : isAbandoned(lockPath)) { takeOverStale(lockPath, owner); continue; }
      if (Date.now() >= deadline)
        throw new CertError('Locked', `The certificate store is locked by process ${owner?.pid ?? '?'} on ${owner?.host ?? '?'} since ${owner?.since ?? '?'}.`,
          { target: lockPath, hint: 'Wait for the other cscert process to finish, then try again.' });
      if (!announced || !existsSync(waitingPath(lockPath))) announce(lockPath);   // again when another waiter got the lock and removed it
      announced = true;
      await sleep(delay + Math.random() * delay);
    }
  } finally { if (announced) rmSync(waitingPath(lockPath), { force: true }); }
}

function tryCreate(lockPath: string): boolean {
  let fd: number;
  try { fd = openSync(lockPath, 'wx', 0o600); } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try { writeSync(fd, JSON.stringify(ownerRecord())); }
  finally { closeSync(fd); }
  return true;
}

function readOwner(lockPath: string): LockOwner | undefined {
  try { return JSON.parse(readFileSync(lockPath, 'utf8')) as LockOwner; } catch { return undefined; }
}

/** Dead owner on this host. A lock from another host (shared disk) is never presumed stale. */
function isStale(owner: LockOwner): boolean {
  return !processAlive(owner);
}

/**
 * Whether a process that left a lock or a journal still runs; one on another host is presumed
 * to. One with this process's pid is this process only if it carries its token.
 */
export function processAlive(owner: { pid: number; host: string; token?: string }): boolean {
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return processToken === undefined || owner.token === processToken;
  try { process.kill(owner.pid, 0); return true; } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** A lock file left empty by a process killed between creating and writing it. */
function isAbandoned(lockPath: string): boolean {
  try { return Date.now() - statSync(lockPath).mtimeMs > 5000; } catch { return false; }
}

/** Moves the stale lock aside; if another process replaced it meanwhile, puts theirs back. */
function takeOverStale(lockPath: string, stale: LockOwner | undefined): void {
  const aside = `${lockPath}.stale-${randomBytes(4).toString('hex')}`;
  try { renameSync(lockPath, aside); } catch { return; }
  const moved = readOwner(aside);
  if (moved && (moved.pid !== stale?.pid || moved.since !== stale?.since)) {
    try { linkSync(aside, lockPath); } catch { /* a third process holds it now; theirs stands */ }
  }
  rmSync(aside, { force: true });
}
