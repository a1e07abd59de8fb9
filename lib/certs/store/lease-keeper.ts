// The keeper of a store lock's lease: a thread of its own that lets the lock go when the lease
// lapses, or at once when another process announces that it waits. A timer on the script's
// thread could not: a script that computes right after a change (a long loop runs as plain
// JavaScript) never lets its timers run, and held the lock, and every other writer, until it was
// done. The lease's state is one shared integer, changed by compare-and-swap only, so the
// keeper and the script's thread never both think they hold it: the keeper lets go only a lock
// still on lease, and the script takes back only one the keeper has not let go. The keeper looks
// every TICK_MS, holds nothing open, and ends a second after the last lease (so a test run that
// opens hundreds of stores does not keep hundreds of threads), or with the process. It also
// looks for a waiter's announcement while the lock is held or on lease, and says in a shared
// cell whether it found none: the script's thread reads the cell before each batch instead of
// asking the file system (a system call a request), and a waiter is seen at most a tick later.
// Until the keeper has looked (a new keeper, a lock let go) the cell says nothing, and the
// script's thread looks itself. Imports Node built-ins only.

import { unlinkSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** GONE: the keeper has ended (after IDLE_TICKS without a lease); it ends only from NONE, by compare-and-swap. */
const NONE = 0, LEASED = 1, HELD = 2, GONE = 3;
/** Shared cells: the lease's state, leases given so far, one that stays 0 (the keeper's clock), and CLEAR (below). */
const STATE = 0, LEASES = 1, TICK = 2, CLEAR = 3;
const TICK_MS = 5;
/** Ticks without a new lease, and none on, before the keeper ends (a process that goes on changing stores starts another). */
const IDLE_TICKS = 200;

// CommonJS run by the keeper thread. A waiter is `<lock>.waiting` naming a live process (lock.ts announce);
// waiterWaits decides it as lock.ts waiterAnnounced does, less the token: evaluated code cannot import it.
const KEEPER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { existsSync, readFileSync, unlinkSync } = require('node:fs');
const { hostname } = require('node:os');
const cells = new Int32Array(workerData.cells), deadline = new Float64Array(workerData.deadline);
const lockPath = workerData.lockPath, waitingPath = lockPath + '.waiting';
function waiterWaits() {
  let waiter;
  try { waiter = JSON.parse(readFileSync(waitingPath, 'utf8')); } catch { return true; }
  if (waiter.host !== hostname()) return true;
  try { process.kill(waiter.pid, 0); return true; } catch (error) { return error.code === 'EPERM'; }
}
let seen = -1, quiet = 0;
for (;;) {
  const leases = Atomics.load(cells, ${LEASES});
  const state = Atomics.load(cells, ${STATE});
  if (leases !== seen) { seen = leases; quiet = 0; }
  else if (++quiet > ${IDLE_TICKS} && Atomics.compareExchange(cells, ${STATE}, ${NONE}, ${GONE}) === ${NONE}) process.exit(0);
  const announced = state !== ${NONE} && existsSync(waitingPath);
  Atomics.store(cells, ${CLEAR}, state !== ${NONE} && !announced ? 1 : 0);
  if (state === ${LEASED} && (Date.now() >= deadline[0] || (announced && waiterWaits()))
    && Atomics.compareExchange(cells, ${STATE}, ${LEASED}, ${NONE}) === ${LEASED}) try { unlinkSync(lockPath); } catch {}
  Atomics.wait(cells, ${TICK}, 0, ${TICK_MS});
}
`;

export interface LeaseKeeper {
  /** The lock, held now, goes on lease until `deadline` (milliseconds since the epoch); false when the keeper is gone (then let it go now). */
  lease(deadline: number): boolean;
  /** Takes the lock back off lease for work: true when it is still held, false when the keeper let it go. */
  takeBack(): boolean;
  /** The lock, taken back, was let go by its holder. */
  released(): void;
  /** Ends a lease now (the process exits): true when the lock was still on lease, and is the caller's to let go. */
  end(): boolean;
  /** The keeper has ended: a new lease needs a new one. */
  readonly ended: boolean;
  /** The lock is on lease now. */
  readonly onLease: boolean;
  /** The keeper looked for a waiter's announcement at most a tick ago, the lock held or on lease, and found none. */
  readonly clearOfWaiters: boolean;
}

/** A keeper for the lock at `lockPath`, or undefined when no thread can be had (then the caller keeps no lease). */
export function startLeaseKeeper(lockPath: string): LeaseKeeper | undefined {
  const cellsBuffer = new SharedArrayBuffer(16), deadlineBuffer = new SharedArrayBuffer(8);
  const cells = new Int32Array(cellsBuffer), deadline = new Float64Array(deadlineBuffer);
  let thread: Worker;
  try {
    // execArgv: [] keeps loaders the main thread was started with (tsx under mocha) out of the thread.
    thread = new Worker(KEEPER_SOURCE, { eval: true, execArgv: [], workerData: { lockPath, cells: cellsBuffer, deadline: deadlineBuffer } });
  } catch { return undefined; }
  // However the thread ends, no lease is kept from then on, and one it left on lets the lock go.
  thread.on('exit', () => {
    if (Atomics.compareExchange(cells, STATE, LEASED, GONE) === LEASED) try { unlinkSync(lockPath); } catch { /* a dead process's lock, for the next writer */ }
    Atomics.store(cells, STATE, GONE);
  });
  thread.on('error', () => undefined);
  thread.unref();
  return {
    lease(at) {
      const state = Atomics.load(cells, STATE);
      if (state === GONE) return false;
      deadline[0] = at;
      if (Atomics.compareExchange(cells, STATE, state, LEASED) !== state) return false;   // the keeper ended meanwhile
      Atomics.add(cells, LEASES, 1);
      return true;
    },
    takeBack: () => Atomics.compareExchange(cells, STATE, LEASED, HELD) === LEASED,
    released() { Atomics.compareExchange(cells, STATE, HELD, NONE); },
    get ended() { return Atomics.load(cells, STATE) === GONE; },
    get onLease() { return Atomics.load(cells, STATE) === LEASED; },
    get clearOfWaiters() { return Atomics.load(cells, CLEAR) === 1; },
    end: () => Atomics.compareExchange(cells, STATE, LEASED, NONE) === LEASED,
  };
}
