// The password forms and key derivations of PKCS#12 (RFC 7292): a password is a BMPString
// (UTF-16BE with a two-byte terminator) for the PKCS#12 KDF and MAC, but plain UTF-8 bytes for
// PBES2/PBKDF2 (RFC 8018), which OpenSSL 3, Java and NSS use. An empty password has two PKCS#12
// forms: 00 00 (OpenSSL's "") and nothing at all (Windows' "null" password). Imports only Node
// built-ins, the iterated hash and its worker threads.

import { createHash, pbkdf2 } from 'node:crypto';
import { CertError } from '../errors.js';
import { iterateHash } from './iterated-hash.js';
import { iterateHashOffThread } from './pkcs12-kdf-workers.js';

/** Above the 600,000 NSS and GnuTLS use by default; refusing more keeps a hostile file from pinning a core. */
export const MAX_ITERATIONS = 2_000_000;
/**
 * Iterations one file may ask for in all (each output block of each derivation counts): a
 * usual file needs 3 to 6 derivations of 2,048 to 600,000; a hostile one of many bags, each
 * under MAX_ITERATIONS, would otherwise hold the cores for minutes.
 */
export const MAX_TOTAL_ITERATIONS = 10 * MAX_ITERATIONS;

/** Output bytes per block of each hash the derivations use. */
const DIGEST_BYTES: Record<string, number> = { sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 };

/** The password as PKCS#12 wants it: UTF-16BE with a two-byte terminator. */
export const bmpPassword = (password: string): Buffer =>
  Buffer.concat([Buffer.from(password, 'utf16le').swap16(), Buffer.alloc(2)]);

export function checkIterations(iterations: number): number {
  if (!Number.isSafeInteger(iterations) || iterations < 1)
    throw new CertError('Malformed', `Not a valid PFX file: an iteration count of ${iterations}.`);
  if (iterations > MAX_ITERATIONS)
    throw new CertError('Unsupported', `The PFX file asks for ${iterations.toLocaleString('en-US')} key-derivation iterations; ` +
      `at most ${MAX_ITERATIONS.toLocaleString('en-US')} are accepted.`, { hint: 'Export the file again with the usual settings (2,048 to 600,000 iterations).' });
  return iterations;
}

/** One password, in the forms the file's algorithms need; derived keys are shared by equal parameters. */
export class Pkcs12Password {
  readonly utf8: Buffer;
  /** PKCS#12 encodings still possible; verifying the MAC narrows them to the one that matched. */
  candidates: Buffer[];
  private readonly derived = new Map<string, Promise<Buffer>>();
  /** Iterations asked for so far, against `budget`. */
  private spent = 0;

  constructor(text: string, private readonly budget = MAX_TOTAL_ITERATIONS) {
    this.utf8 = Buffer.from(text, 'utf8');
    this.candidates = text ? [bmpPassword(text)] : [bmpPassword(''), Buffer.alloc(0)];
  }

  /** PBKDF2 on libuv's thread pool: several bags derive in parallel while the MAC is checked. */
  pbkdf2(salt: Buffer, iterations: number, length: number, prf: string): Promise<Buffer> {
    return this.shared(`pbkdf2/${salt.toString('hex')}/${iterations}/${length}/${prf}`, iterations * blocks(length, prf), () => new Promise((resolve, reject) =>
      pbkdf2(this.utf8, salt, checkIterations(iterations), length, prf, (error, key) => (error ? reject(error) : resolve(key)))));
  }

  /** The PKCS#12 KDF of one candidate form, its long chains on worker threads: a file's keys, IVs and MAC key derive side by side. */
  pkcs12Key(candidate: Buffer, salt: Buffer, id: number, iterations: number, length: number, hash = 'sha1'): Promise<Buffer> {
    return this.shared(`pkcs12/${candidate.toString('hex')}/${salt.toString('hex')}/${id}/${iterations}/${length}/${hash}`,
      iterations * blocks(length, hash), () => pkcs12KdfOffThread(candidate, salt, id, iterations, length, hash));
  }

  private shared(id: string, cost: number, derive: () => Promise<Buffer>): Promise<Buffer> {
    let result = this.derived.get(id);
    if (!result) {
      this.spent += Number.isSafeInteger(cost) && cost > 0 ? cost : 0;   // a bad count is refused by checkIterations
      result = this.spent > this.budget ? Promise.reject(new CertError('Unsupported',
        `The PFX file asks for more than ${this.budget.toLocaleString('en-US')} key-derivation iterations in all; it is not read.`,
        { hint: 'Export the file again with the usual settings (2,048 to 600,000 iterations, one protected bag for the key and one for the certificates).' }))
        : derive();
      result.catch(() => undefined);   // awaited later; a prefetch nobody reads must not become an unhandled rejection
      this.derived.set(id, result);
    }
    return result;
  }
}

/** Output blocks that make `length` bytes from `hash`: each is a chain of the iterations. */
const blocks = (length: number, hash: string) => Math.max(1, Math.ceil(length / (DIGEST_BYTES[hash] ?? 20)));

const BLOCK: Record<string, number> = { sha1: 64, sha224: 64, sha256: 64, sha384: 128, sha512: 128 };

/**
 * RFC 7292 appendix B.2, id 1 = key, 2 = IV, 3 = MAC key. Each output block is a hash chain of
 * `iterations` rounds; the derivation yields [first digest, rounds still to go] and is handed the
 * chain's end, so that one definition serves the synchronous and the worker-thread drivers below.
 */
function* derivation(password: Buffer, salt: Buffer, id: number, iterations: number, length: number, hash: string): Generator<[Buffer, number], Buffer, Buffer> {
  const v = BLOCK[hash];
  if (!v) throw new CertError('Unsupported', `The PKCS#12 key derivation with ${hash} is not supported.`);
  checkIterations(iterations);
  const fill = (data: Buffer) => {
    const out = Buffer.alloc(v * Math.ceil(data.length / v));
    for (let i = 0; i < out.length; i++) out[i] = data[i % data.length]!;
    return out;
  };
  let input: Buffer = Buffer.concat([fill(salt), fill(password)]);
  const diversifier = Buffer.alloc(v, id);
  const result: Buffer[] = [];
  for (let produced = 0; produced < length;) {
    const a = yield [createHash(hash).update(diversifier).update(input).digest(), iterations - 1];
    result.push(a);
    produced += a.length;
    if (produced < length) input = addBlock(input, fill(a).subarray(0, v), v);
  }
  return Buffer.concat(result).subarray(0, length);
}

/** The PKCS#12 KDF on this thread (writing a PFX: 2,048 iterations). */
export function pkcs12Kdf(password: Buffer, salt: Buffer, id: number, iterations: number, length: number, hash = 'sha1'): Buffer {
  const steps = derivation(password, salt, id, iterations, length, hash);
  let step = steps.next();
  while (!step.done) step = steps.next(iterateHash(hash, ...step.value));
  return step.value;
}

/** The PKCS#12 KDF with its long chains on a worker thread, so a file's chains run on every core. */
export async function pkcs12KdfOffThread(password: Buffer, salt: Buffer, id: number, iterations: number, length: number, hash = 'sha1'): Promise<Buffer> {
  const steps = derivation(password, salt, id, iterations, length, hash);
  let step = steps.next();
  while (!step.done) step = steps.next(await iterateHashOffThread(hash, ...step.value));
  return step.value;
}

/** I_j = (I_j + B + 1) mod 2^(v*8), for every v-byte block of I. */
function addBlock(input: Buffer, b: Buffer, v: number): Buffer {
  const next = Buffer.from(input);
  for (let block = 0; block < next.length; block += v) {
    let carry = 1;
    for (let k = v - 1; k >= 0; k--) {
      const sum = next[block + k]! + b[k]! + carry;
      next[block + k] = sum & 0xff;
      carry = sum >> 8;
    }
  }
  return next;
}
