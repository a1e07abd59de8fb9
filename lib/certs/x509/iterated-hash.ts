// H applied to its own output many times over: the inner loop of the PKCS#12 key derivation
// (RFC 7292 appendix B), which Node's crypto does not offer. NSS and GnuTLS write PFX files with
// 600,000 iterations; one crypto.hash call per round costs about 1.7 µs, so SHA-1 and SHA-256
// (every such file's hash) run here as a single-block compression on 32-bit integers, 3-4 times
// faster. Other hashes (SHA-384/512 MACs, seen with low counts only) go through crypto.hash.
// Imports only Node built-ins.

import { hash as oneShotHash } from 'node:crypto';

const SHA256_K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);
// Int32Array, not number[]: constants above 2^31 would otherwise be doubles and slow every round.
const SHA256_IV = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
const SHA1_IV = new Int32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]);
const SHA1_K = new Int32Array([0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6]);

const toWords = (bytes: Buffer): Int32Array => {
  const words = new Int32Array(bytes.length / 4);
  for (let i = 0; i < words.length; i++) words[i] = bytes.readInt32BE(i * 4);
  return words;
};
const toBytes = (words: Int32Array): Buffer => {
  const bytes = Buffer.alloc(words.length * 4);
  for (let i = 0; i < words.length; i++) bytes.writeInt32BE(words[i]!, i * 4);
  return bytes;
};

/** SHA-256 of a 32-byte message, `rounds` times: each round is one padded block. */
function iterateSha256(digest: Buffer, rounds: number): Buffer {
  const state = toWords(digest), w = new Int32Array(64), iv = SHA256_IV, k = SHA256_K;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < 8; i++) w[i] = state[i]!;
    w[8] = 0x80000000 | 0; w[9] = 0; w[10] = 0; w[11] = 0; w[12] = 0; w[13] = 0; w[14] = 0; w[15] = 256;
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!, y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = iv[0]!, b = iv[1]!, c = iv[2]!, d = iv[3]!, e = iv[4]!, f = iv[5]!, g = iv[6]!, h = iv[7]!;
    for (let i = 0; i < 64; i++) {
      const t1 = (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + ((e & f) ^ (~e & g)) + k[i]! + w[i]!) | 0;
      const t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    state[0] = iv[0]! + a; state[1] = iv[1]! + b; state[2] = iv[2]! + c; state[3] = iv[3]! + d;
    state[4] = iv[4]! + e; state[5] = iv[5]! + f; state[6] = iv[6]! + g; state[7] = iv[7]! + h;
  }
  return toBytes(state);
}

/** SHA-1 of a 20-byte message, `rounds` times. */
function iterateSha1(digest: Buffer, rounds: number): Buffer {
  const state = toWords(digest), w = new Int32Array(80), iv = SHA1_IV;
  const k0 = SHA1_K[0]!, k1 = SHA1_K[1]!, k2 = SHA1_K[2]!, k3 = SHA1_K[3]!;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < 5; i++) w[i] = state[i]!;
    w[5] = 0x80000000 | 0; w[6] = 0; w[7] = 0; w[8] = 0; w[9] = 0; w[10] = 0; w[11] = 0; w[12] = 0; w[13] = 0; w[14] = 0; w[15] = 160;
    for (let i = 16; i < 80; i++) { const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!; w[i] = (x << 1) | (x >>> 31); }
    let a = iv[0]!, b = iv[1]!, c = iv[2]!, d = iv[3]!, e = iv[4]!;
    for (let i = 0; i < 20; i++) {
      const t = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + k0 + w[i]!) | 0;
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    }
    for (let i = 20; i < 40; i++) {
      const t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + k1 + w[i]!) | 0;
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    }
    for (let i = 40; i < 60; i++) {
      const t = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e + k2 + w[i]!) | 0;
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    }
    for (let i = 60; i < 80; i++) {
      const t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + k3 + w[i]!) | 0;
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    }
    state[0] = iv[0]! + a; state[1] = iv[1]! + b; state[2] = iv[2]! + c; state[3] = iv[3]! + d; state[4] = iv[4]! + e;
  }
  return toBytes(state);
}

/** `digest` hashed `rounds` more times with `hash` (a Node digest name). */
export function iterateHash(hash: string, digest: Buffer, rounds: number): Buffer {
  if (hash === 'sha256' && digest.length === 32) return iterateSha256(digest, rounds);
  if (hash === 'sha1' && digest.length === 20) return iterateSha1(digest, rounds);
  let value = digest;
  for (let round = 0; round < rounds; round++) value = oneShotHash(hash, value, 'buffer');
  return value;
}
