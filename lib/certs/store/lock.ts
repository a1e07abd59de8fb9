// One writer at a time, across processes and within one: an in-process queue, then a lock file
// created with O_EXCL ('wx') holding the owner's pid. A lock whose owner is dead (a crash) is
// taken over; waiting is bounded and ends in CertError 'Locked' naming the holder. Readers
// never lock: every file they read is replaced atomically. Imports Node built-ins and errors.

import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname as readHostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { CertError } from '../errors.js';

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

/** Runs `work` holding the lock at `lockPath`; serializes callers in this process first. */
export async function withLock<T>(lockPath: string, timeoutMs: number, work: () => Promise<T> | T): Promise<T> {
  const previous = queues.get(lockPath) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(async () => {
    await acquire(lockPath, timeoutMs);
    try { return await work(); } finally { release(lockPath); }
  });
  queues.set(lockPath, run);
  try { return await run; } finally { if (queues.get(lockPath) === run) queues.delete(lockPath); }
}

/** Removes the lock file: one system call (rmSync would stat it first). */
function release(lockPath: string): void {
  try { unlinkSync(lockPath); } catch (error) { if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; }
}

async function acquire(lockPath: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 2; ; delay = Math.min(delay * 2, 50)) {
    if (tryCreate(lockPath)) return;
    const owner = readOwner(lockPath);
    if (owner ? isStale(owner) : isAbandoned(lockPath)) { takeOverStale(lockPath, owner); continue; }
    if (Date.now() >= deadline)
      throw new CertError('Locked', `The certificate store is locked by process ${owner?.pid ?? '?'} on ${owner?.host ?? '?'} since ${owner?.since ?? '?'}.`,
        { target: lockPath, hint: 'Wait for the other cscert process to finish, then try again.' });
    await sleep(delay + Math.random() * delay);
  }
}

function tryCreate(lockPath: string): boolean {
  let fd: number;
  try { fd = openSync(lockPath, 'wx', 0o600); } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try { writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), token: processToken } satisfies LockOwner)); }
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
