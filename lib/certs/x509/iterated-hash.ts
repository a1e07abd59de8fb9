// H applied to its own output many times over: the inner loop of the PKCS#12 key derivation
// (RFC 7292 appendix B). Node's crypto does not offer it (OpenSSL runs it only inside its own
// PKCS#12 and PKCS#8 readers), and one crypto.hash call per round costs 0.8 µs: NSS and GnuTLS
// write 600,000 iterations, and a GnuTLS 3DES file needs 13 such chains. SHA-1 and SHA-256 (every
// high-count file's hashes) therefore run here as one padded block per round, with all 80 (64)
// steps written out so that V8 keeps the 16 schedule words and the working variables in
// registers: 0.11 µs a round for SHA-1, OpenSSL's own PKCS#12 loop takes 0.10. The same steps in
// loops over arrays ran 2-6 times slower. They are generated once, from FIPS 180-4 §6.1.2 and
// §6.2.2, rather than typed out 144 times; pkcs12-kdf-workers.ts runs the same source on other
// threads. Other hashes (SHA-384/512 MACs, seen with low counts only) go through crypto.hash.
// Imports only Node built-ins.

import { hash as oneShotHash } from 'node:crypto';

/** Hashes a digest of the function's own size `rounds` times; the digest as big-endian 32-bit words. */
type IterateWords = (state: Int32Array, rounds: number) => Int32Array;

const SHA1_IV = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
const SHA1_K = [0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6];
const SHA256_IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const SHA256_K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];

// Source-text helpers: 32-bit words as signed literals (what `| 0` arithmetic keeps them as), rotations.
const word = (value: number) => String(value | 0);
const rotl = (x: string, n: number) => `((${x} << ${n}) | (${x} >>> ${32 - n}))`;
const rotr = (x: string, n: number) => rotl(x, 32 - n);

/** The working variables' roles at step t: each step's result takes the role of `a` instead of every variable moving one along. */
const roles = (names: string[], t: number) => names.map((_, i) => names[(i - (t % names.length) + names.length) % names.length]!);

/**
 * The body of a function (state, rounds) hashing a digest of n words `rounds` times. The message
 * is the digest itself, so every block is the same padding around it: words 0..n-1 the digest,
 * word n 0x80000000, word 15 the bit length. `steps` writes out the compression on w0..w15 and
 * the named variables.
 */
function source(iv: number[], names: string[], steps: string[]): string {
  const n = iv.length;
  const schedule = Array.from({ length: 16 }, (_, i) => `w${i} = ${i < n ? `s${i}` : i === n ? word(0x80000000) : i === 15 ? n * 32 : 0}`);
  const body = [
    `let ${iv.map((_, i) => `s${i} = state[${i}]`).join(', ')};`,
    'for (let round = 0; round < rounds; round++) {',
    `  let ${schedule.join(', ')};`,
    `  let ${names.map((name, i) => `${name} = ${word(iv[i]!)}`).join(', ')};`,
    ...steps.map((line) => `  ${line}`),
    `  ${names.map((name, i) => `s${i} = (${word(iv[i]!)} + ${name}) | 0;`).join(' ')}`,
    '}',
    `return Int32Array.of(${iv.map((_, i) => `s${i}`).join(', ')});`,
  ];
  return body.join('\n');
}

/** FIPS 180-4 §6.1.2: W_t for t >= 16 overwrites W_(t-16) in the 16-word window. */
function sha1Steps(): string[] {
  const steps: string[] = [];
  for (let t = 0; t < 80; t++) {
    const [a, b, c, d, e] = roles(['a', 'b', 'c', 'd', 'e'], t) as [string, string, string, string, string];
    const w = `w${t % 16}`;
    if (t >= 16) steps.push(`${w} = ${rotl(`(w${(t - 3) % 16} ^ w${(t - 8) % 16} ^ w${(t - 14) % 16} ^ ${w})`, 1)};`);
    const f = t < 20 ? `((${b} & ${c}) | (~${b} & ${d}))` : t >= 40 && t < 60 ? `((${b} & ${c}) | (${b} & ${d}) | (${c} & ${d}))` : `(${b} ^ ${c} ^ ${d})`;
    steps.push(`${e} = (${rotl(a, 5)} + ${f} + ${e} + ${word(SHA1_K[Math.floor(t / 20)]!)} + ${w}) | 0; ${b} = ${rotl(b, 30)};`);
  }
  return steps;
}

/** FIPS 180-4 §6.2.2: T1 is built in h's variable, which then becomes the new a; d's becomes the new e. */
function sha256Steps(): string[] {
  const steps: string[] = [];
  for (let t = 0; t < 64; t++) {
    const [a, b, c, d, e, f, g, h] = roles(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], t) as [string, string, string, string, string, string, string, string];
    const w = `w${t % 16}`;
    if (t >= 16) {
      const x = `w${(t - 15) % 16}`, y = `w${(t - 2) % 16}`;
      steps.push(`${w} = ((${rotr(x, 7)} ^ ${rotr(x, 18)} ^ (${x} >>> 3)) + (${rotr(y, 17)} ^ ${rotr(y, 19)} ^ (${y} >>> 10)) + w${(t - 7) % 16} + ${w}) | 0;`);
    }
    steps.push(`${h} = (${h} + (${rotr(e, 6)} ^ ${rotr(e, 11)} ^ ${rotr(e, 25)}) + ((${e} & ${f}) ^ (~${e} & ${g})) + ${word(SHA256_K[t]!)} + ${w}) | 0;`);
    steps.push(`${d} = (${d} + ${h}) | 0; ${h} = (${h} + (${rotr(a, 2)} ^ ${rotr(a, 13)} ^ ${rotr(a, 22)}) + ((${a} & ${b}) ^ (${a} & ${c}) ^ (${b} & ${c}))) | 0;`);
  }
  return steps;
}

const SOURCES: Record<string, { digestLength: number; source: () => string }> = {
  sha1: { digestLength: 20, source: () => source(SHA1_IV, ['a', 'b', 'c', 'd', 'e'], sha1Steps()) },
  sha256: { digestLength: 32, source: () => source(SHA256_IV, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], sha256Steps()) },
};
const sources = new Map<string, string>();

/** The written-out iteration for `hash` on digests of `digestLength` bytes, as a function body (state, rounds); else undefined. */
export function iterationSource(hash: string, digestLength: number): string | undefined {
  const entry = SOURCES[hash];
  if (!entry || entry.digestLength !== digestLength) return undefined;
  if (!sources.has(hash)) sources.set(hash, entry.source());
  return sources.get(hash);
}

/** Every hash written out here: its name and function body, for a worker thread to compile. */
export const iterationSources = (): Record<string, string> =>
  Object.fromEntries(Object.entries(SOURCES).map(([hash, { digestLength }]) => [hash, iterationSource(hash, digestLength)!]));

/** A digest as big-endian 32-bit words, and back. */
export const wordsOf = (digest: Uint8Array): Int32Array => {
  const bytes = Buffer.from(digest.buffer, digest.byteOffset, digest.byteLength), words = new Int32Array(digest.length / 4);
  for (let i = 0; i < words.length; i++) words[i] = bytes.readInt32BE(i * 4);
  return words;
};
export const bytesOf = (words: Int32Array): Buffer => {
  const bytes = Buffer.alloc(words.length * 4);
  for (let i = 0; i < words.length; i++) bytes.writeInt32BE(words[i]!, i * 4);
  return bytes;
};

/**
 * Compiled on first use: a process that opens no PFX pays nothing. Until V8 has optimised it (some
 * thousands of rounds, 20-60 ms) the written-out function runs 10 µs a round, so short runs (the
 * common 2,048 iterations) go through crypto.hash until this thread has run enough rounds with it.
 */
const compiled = new Map<string, { iterate: IterateWords; rounds: number }>();
export const WORTH_COMPILING = 20_000;

function compiledFor(hash: string, digest: Buffer, rounds: number): IterateWords | undefined {
  if (SOURCES[hash]?.digestLength !== digest.length) return undefined;
  let entry = compiled.get(hash);
  if (!entry && rounds < WORTH_COMPILING) return undefined;
  if (!entry) compiled.set(hash, entry = { iterate: new Function('state', 'rounds', iterationSource(hash, digest.length)!) as IterateWords, rounds: 0 });
  if (entry.rounds < WORTH_COMPILING && rounds < WORTH_COMPILING) return undefined;
  entry.rounds += rounds;
  return entry.iterate;
}

/** `digest` hashed `rounds` more times with `hash` (a Node digest name). */
export function iterateHash(hash: string, digest: Buffer, rounds: number): Buffer {
  const iterate = compiledFor(hash, digest, rounds);
  if (iterate) return bytesOf(iterate(wordsOf(digest), rounds));
  let value = digest;
  for (let round = 0; round < rounds; round++) value = oneShotHash(hash, value, 'buffer');
  return value;
}
