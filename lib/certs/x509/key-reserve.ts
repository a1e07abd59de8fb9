// EC keys made ahead on a worker thread, for scripts that request many certificates. A key costs
// ~70 µs to make, ~70 µs to turn into a KeyObject (createPrivateKey from its JWK) and ~20 µs
// more at its first signature, which converts it for OpenSSL 3's provider (the CSR's signature:
// 44-56 µs with a fresh key, 30 µs with one signed with before). The worker makes each key and
// signs with it once, so all three leave the thread that runs the script, which takes a finished
// key (the KeyObjects travel by postMessage) and goes on. The reserve starts with a curve's
// second key in a process (a one-off command never starts a thread), keeps RESERVE keys per
// curve, never holds the process open, and ends after a second without demand. A key is only
// ever taken when one is ready: otherwise, and for good once the worker fails, the caller makes
// its own. Keys are made as generateEcKeyPair makes them: never used as the generation job
// returned them (keys.ts). Imports Node built-ins only.

import type { JsonWebKey, KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';

export interface ReservedEcKey { jwk: JsonWebKey; privateKey: KeyObject; publicKey: KeyObject }

/** Keys kept ready per curve: more than a -Parallel batch takes between two refills. */
const RESERVE = 16;
const IDLE_MS = 1000;

// CommonJS run by the worker: makes `count` keys on `curve` and sends them in one message (each
// message is an event on the script's thread).
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createPrivateKey, createPublicKey, generateKeyPairSync, sign } = require('node:crypto');
parentPort.on('message', ({ curve, count }) => {
  const keys = [];
  for (let i = 0; i < count; i++) {
    const jwk = generateKeyPairSync('ec', { namedCurve: curve, publicKeyEncoding: { format: 'jwk' }, privateKeyEncoding: { format: 'jwk' } }).privateKey;
    const privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
    sign('sha256', Buffer.alloc(32), privateKey);   // the first signature converts an imported key for OpenSSL 3's provider: here, not on the script's thread
    keys.push({ jwk, privateKey, publicKey: createPublicKey(privateKey) });
  }
  parentPort.postMessage({ curve, keys });
});
`;

let worker: Worker | undefined;
let failed = false;
let idleTimer: NodeJS.Timeout | undefined;
const ready = new Map<string, ReservedEcKey[]>();
/** Keys asked of the worker and not yet arrived, per curve. */
const coming = new Map<string, number>();
/** Keys made here per curve before the reserve starts. */
const demand = new Map<string, number>();
/** Keys handed out from the reserve since the process started. */
let taken = 0;

/** A key made ahead on `curve` (an OpenSSL name), or undefined: then the caller makes one. */
export function takeReservedEcKey(curve: string): ReservedEcKey | undefined {
  if (failed) return undefined;
  const seen = (demand.get(curve) ?? 0) + 1;
  demand.set(curve, seen);
  if (seen < 2) return undefined;
  const key = ready.get(curve)?.shift();
  if (key) taken++;
  refill(curve);
  return key;
}

function refill(curve: string): void {
  const missing = RESERVE - (ready.get(curve)?.length ?? 0) - (coming.get(curve) ?? 0);
  if (missing >= RESERVE / 2 && ensureWorker()) {   // asked in halves: a message costs the caller more than a key
    coming.set(curve, (coming.get(curve) ?? 0) + missing);
    worker!.postMessage({ curve, count: missing });
  }
  clearTimeout(idleTimer);
  idleTimer = setTimeout(stop, IDLE_MS).unref();
}

function ensureWorker(): boolean {
  if (worker) return true;
  try {
    // execArgv: [] keeps loaders the main thread was started with (tsx under mocha) out of the worker.
    worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
  } catch { failed = true; return false; }
  const started = worker;
  started.on('message', ({ curve, keys }: { curve: string; keys: ReservedEcKey[] }) => {
    if (worker !== started) return;   // stopped meanwhile
    coming.set(curve, (coming.get(curve) ?? keys.length) - keys.length);
    ready.set(curve, [...(ready.get(curve) ?? []), ...keys]);
  });
  const fail = () => { if (worker !== started) return; failed = true; worker = undefined; ready.clear(); coming.clear(); };
  started.on('error', fail);
  started.on('exit', fail);
  started.unref();   // after the listeners, which hold the process open: a script never waits for keys it did not take
  return true;
}

/** Ends the worker and forgets its keys: nothing asked for them for a second. */
function stop(): void {
  const ending = worker;
  worker = undefined;
  ready.clear(); coming.clear(); demand.clear();
  void ending?.terminate();
}

/** For tests and diagnostics: whether the worker runs, keys ready per curve, keys handed out, and whether the reserve gave up for good. */
export const reserveState = () => ({ running: worker !== undefined, ready: Object.fromEntries([...ready].map(([curve, keys]) => [curve, keys.length])), taken, failed });
