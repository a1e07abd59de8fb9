// The long hash chains of the PKCS#12 KDF on worker threads. A GnuTLS 3DES file at 600,000
// iterations needs 13 chains (the MAC's, and for each of four encrypted pieces two for the key
// and one for the IV); one after another on the main thread they take most of a second even at
// OpenSSL's speed, side by side on every core a fraction of it. A worker runs the same written-out hash as iterated-hash.ts,
// handed over as source text (no file path to find, in the bundle or not). Workers start on
// first need, hold the process open only while they work, and end after a second without work,
// so neither a one-off command nor the interactive shell keeps them. A chain too short to be worth
// a worker, or whose worker fails to start or dies, runs on this thread. Imports Node built-ins
// and iterated-hash.ts.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { bytesOf, iterateHash, iterationSource, iterationSources, wordsOf } from './iterated-hash.js';

/** Chains shorter than this run here: starting a worker and optimising its code there costs 30-60 ms. */
export const OFF_THREAD_ROUNDS = 100_000;
const IDLE_MS = 1000;
const MAX_WORKERS = 4;

interface Job { hash: string; digest: Buffer; rounds: number; resolve: (digest: Buffer) => void }
interface Thread { worker: Worker; job?: Job }

// CommonJS run by the worker: compiles each hash's body once, then answers one chain per message.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const iterate = {};
for (const [hash, body] of Object.entries(workerData)) iterate[hash] = new Function('state', 'rounds', body);
parentPort.on('message', ({ hash, state, rounds }) => parentPort.postMessage(iterate[hash](state, rounds)));
`;

const threads: Thread[] = [];
const queue: Job[] = [];
let idleTimer: NodeJS.Timeout | undefined;
/** Set when a worker could not start or died: from then on every chain runs here. */
let workersFailed = false;

/** `digest` hashed `rounds` more times with `hash`, on a worker thread when that pays. */
export function iterateHashOffThread(hash: string, digest: Buffer, rounds: number): Promise<Buffer> {
  if (rounds < OFF_THREAD_ROUNDS || workersFailed || iterationSource(hash, digest.length) === undefined)
    return Promise.resolve(iterateHash(hash, digest, rounds));
  return new Promise((resolve) => {
    queue.push({ hash, digest, rounds, resolve });
    dispatch();
  });
}

function dispatch(): void {
  clearTimeout(idleTimer);
  for (let job = queue[0]; job; job = queue[0]) {
    const thread = threads.find((t) => !t.job) ?? (threads.length < poolSize() ? start() : undefined);
    if (!thread) return;
    queue.shift();
    thread.job = job;
    thread.worker.ref();
    thread.worker.postMessage({ hash: job.hash, state: wordsOf(job.digest), rounds: job.rounds });
  }
  if (threads.every((t) => !t.job)) idleTimer = setTimeout(stopAll, IDLE_MS).unref();
}

const poolSize = () => Math.max(1, Math.min(MAX_WORKERS, availableParallelism()));

function start(): Thread | undefined {
  let worker: Worker;
  try {
    // execArgv: [] keeps loaders the main thread was started with (tsx under mocha) out of the worker.
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: iterationSources(), execArgv: [] });
  } catch {
    fail(undefined);
    return undefined;
  }
  const thread: Thread = { worker };
  threads.push(thread);
  worker.on('message', (state: Int32Array) => {
    const job = thread.job!;
    thread.job = undefined;
    worker.unref();
    job.resolve(bytesOf(state));
    dispatch();
  });
  worker.on('error', () => fail(thread));
  worker.on('exit', () => fail(thread));
  return thread;
}

/** A worker that could not start, failed or ended: its chain and every queued one run here, and no worker starts again. */
function fail(thread: Thread | undefined): void {
  if (thread) {
    const index = threads.indexOf(thread);
    if (index < 0) return;   // already handled ('error' is followed by 'exit'), or stopped while idle
    threads.splice(index, 1);
  }
  workersFailed = true;
  for (const job of [...(thread?.job ? [thread.job] : []), ...queue.splice(0)]) job.resolve(iterateHash(job.hash, job.digest, job.rounds));
}

/** For tests and diagnostics: workers alive now, and whether chains have fallen back to this thread for good. */
export const workerState = () => ({ workers: threads.length, failed: workersFailed });

function stopAll(): void {
  for (const thread of threads.splice(0)) void thread.worker.terminate();
}
