// Password-based encryption and MACs of PKCS#12 (RFC 7292) and PBES2 (RFC 8018), computed
// with Node's crypto. The PKCS#12 key derivation (appendix B) is written out here because Node
// has none; RC2 (old Windows and OpenSSL 1.x files) is not in OpenSSL 3's default provider, so
// only that cipher comes from node-forge, loaded when such a file is met.

import { createCipheriv, createDecipheriv, createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { CertError } from '../errors.js';
import * as der from './der.js';

export const PBE = {
  sha1And3DES: '1.2.840.113549.1.12.1.3', sha1And2DES: '1.2.840.113549.1.12.1.4',
  sha1And128RC2: '1.2.840.113549.1.12.1.5', sha1And40RC2: '1.2.840.113549.1.12.1.6',
  pbes2: '1.2.840.113549.1.5.13', pbkdf2: '1.2.840.113549.1.5.12',
} as const;

const PRF: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1', '1.2.840.113549.2.8': 'sha224', '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384', '1.2.840.113549.2.11': 'sha512',
};
const CIPHERS: Record<string, { name: string; keyLength: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 }, '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 }, '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24 },
};
export const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1', '2.16.840.1.101.3.4.2.1': 'sha256', '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512', '2.16.840.1.101.3.4.2.4': 'sha224',
};
const BLOCK: Record<string, number> = { sha1: 64, sha224: 64, sha256: 64, sha384: 128, sha512: 128 };

/** The password as PKCS#12 wants it: UTF-16BE with a two-byte terminator. */
export const bmpPassword = (password: string): Buffer =>
  Buffer.concat([Buffer.from(password, 'utf16le').swap16(), Buffer.alloc(2)]);

/** RFC 7292 appendix B.2: id 1 = key, 2 = IV, 3 = MAC key. */
export function pkcs12Kdf(password: Buffer, salt: Buffer, id: number, iterations: number, length: number, hash = 'sha1'): Buffer {
  const v = BLOCK[hash]!;
  const fill = (data: Buffer) => {
    if (!data.length) return Buffer.alloc(0);
    const out = Buffer.alloc(v * Math.ceil(data.length / v));
    for (let i = 0; i < out.length; i++) out[i] = data[i % data.length]!;
    return out;
  };
  let input = Buffer.concat([fill(salt), fill(password)]);
  const diversifier = Buffer.alloc(v, id);
  const result: Buffer[] = [];
  let produced = 0;
  while (produced < length) {
    let a = createHash(hash).update(diversifier).update(input).digest();
    for (let i = 1; i < iterations; i++) a = createHash(hash).update(a).digest();
    result.push(a);
    produced += a.length;
    const b = fill(a).subarray(0, v);
    const next = Buffer.from(input);
    for (let block = 0; block < next.length; block += v) {   // I_j = (I_j + B + 1) mod 2^(v*8)
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = next[block + k]! + b[k]! + carry;
        next[block + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
    input = next;
  }
  return Buffer.concat(result).subarray(0, length);
}

function rc2Decrypt(key: Buffer, iv: Buffer, data: Buffer, effectiveBits: number): Buffer {
  const forge = createRequire(import.meta.url)('node-forge') as typeof import('node-forge');
  const cipher = forge.rc2.createDecryptionCipher(forge.util.createBuffer(key.toString('binary')), effectiveBits);
  cipher.start(forge.util.createBuffer(iv.toString('binary')));
  cipher.update(forge.util.createBuffer(data.toString('binary')));
  if (!cipher.finish()) throw new Error('bad padding');
  return Buffer.from(cipher.output.getBytes(), 'binary');
}

/** Decrypts data under an AlgorithmIdentifier; a wrong password surfaces as WrongPassword. */
export function decrypt(algorithm: der.Node, data: Buffer, password: string): Buffer {
  const [oidNode, params] = der.children(algorithm);
  const oid = der.readOid(oidNode!);
  try {
    if (oid === PBE.pbes2) return pbes2Decrypt(params!, data, password);
    const [saltNode, iterationNode] = der.children(params!);
    const salt = saltNode!.content, iterations = Number(der.readInteger(iterationNode!));
    const pass = bmpPassword(password);
    const kdf = (id: number, length: number) => pkcs12Kdf(pass, salt, id, iterations, length);
    if (oid === PBE.sha1And3DES) return decipher('des-ede3-cbc', kdf(1, 24), kdf(2, 8), data);
    if (oid === PBE.sha1And40RC2) return rc2Decrypt(kdf(1, 5), kdf(2, 8), data, 40);
    if (oid === PBE.sha1And128RC2) return rc2Decrypt(kdf(1, 16), kdf(2, 8), data, 128);
  } catch (error) {
    if (error instanceof CertError) throw error;
    throw new CertError('WrongPassword', 'The password does not decrypt the file.', { cause: error });
  }
  throw new CertError('Unsupported', `The encryption algorithm ${oid} is not supported.`, { target: oid });
}

function decipher(name: string, key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const d = createDecipheriv(name, key, iv);
  return Buffer.concat([d.update(data), d.final()]);
}

function pbes2Decrypt(params: der.Node, data: Buffer, password: string): Buffer {
  const [kdf, scheme] = der.children(params);
  const [kdfOid, kdfParams] = der.children(kdf!);
  if (der.readOid(kdfOid!) !== PBE.pbkdf2) throw new CertError('Unsupported', 'Only PBKDF2 is supported in PBES2.');
  const fields = der.children(kdfParams!);
  const salt = fields[0]!.content, iterations = Number(der.readInteger(fields[1]!));
  const prfNode = fields.find((f, i) => i >= 2 && f.tag === der.Tag.Sequence);
  const prf = prfNode ? PRF[der.readOid(der.children(prfNode)[0]!)] : 'sha1';
  const [cipherOid, ivNode] = der.children(scheme!);
  const cipher = CIPHERS[der.readOid(cipherOid!)];
  if (!cipher || !prf) throw new CertError('Unsupported', 'The PBES2 cipher or PRF is not supported.');
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, cipher.keyLength, prf);
  return decipher(cipher.name, key, ivNode!.content, data);
}

export type Encryption = 'modern' | 'legacy';

/** AES-256-CBC under PBES2/PBKDF2-HMAC-SHA256 (modern), or PKCS#12 3DES with SHA-1 (legacy Windows). */
export function encrypt(data: Buffer, password: string, encryption: Encryption, iterations = 2048): { algorithm: Buffer; data: Buffer } {
  const salt = randomBytes(encryption === 'modern' ? 16 : 8);
  if (encryption === 'legacy') {
    const pass = bmpPassword(password);
    const cipher = createCipheriv('des-ede3-cbc', pkcs12Kdf(pass, salt, 1, iterations, 24), pkcs12Kdf(pass, salt, 2, iterations, 8));
    return { algorithm: der.sequence(der.oid(PBE.sha1And3DES), der.sequence(der.octetString(salt), der.integer(iterations))),
      data: Buffer.concat([cipher.update(data), cipher.final()]) };
  }
  const iv = randomBytes(16);
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const algorithm = der.sequence(der.oid(PBE.pbes2), der.sequence(
    der.sequence(der.oid(PBE.pbkdf2), der.sequence(der.octetString(salt), der.integer(iterations),
      der.sequence(der.oid('1.2.840.113549.2.9'), der.nullValue()))),
    der.sequence(der.oid('2.16.840.1.101.3.4.1.42'), der.octetString(iv))));
  return { algorithm, data: Buffer.concat([cipher.update(data), cipher.final()]) };
}

export function mac(hash: string, password: Buffer, salt: Buffer, iterations: number, data: Buffer): Buffer {
  const length = createHash(hash).digest().length;
  return createHmac(hash, pkcs12Kdf(password, salt, 3, iterations, length, hash)).update(data).digest();
}
