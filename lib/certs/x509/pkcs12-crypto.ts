// Password-based encryption and MACs of PKCS#12 (RFC 7292) and PBES2 (RFC 8018), computed with
// Node's crypto: PBKDF2 natively on the thread pool, the PKCS#12 KDF in pkcs12-kdf.ts (its long
// chains on worker threads), ciphers and HMAC natively. RC2 (old
// Windows and OpenSSL 1.x files) is not in OpenSSL 3's default provider, so only that cipher
// comes from node-forge, loaded when such a file is met. Imports Node built-ins, node-forge
// (lazily) and the DER reader.

import { createCipheriv, createDecipheriv, createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import { CertError } from '../errors.js';
import * as der from './der.js';
import { bmpPassword, checkIterations, pkcs12Kdf, type Pkcs12Password } from './pkcs12-kdf.js';

export { bmpPassword, pkcs12Kdf, Pkcs12Password, MAX_ITERATIONS } from './pkcs12-kdf.js';

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
const PKCS12_PBE: Record<string, (key: Buffer, iv: Buffer, data: Buffer) => Buffer> = {
  [PBE.sha1And3DES]: (key, iv, data) => decipher('des-ede3-cbc', key, iv, data),
  [PBE.sha1And2DES]: (key, iv, data) => decipher('des-ede-cbc', key.subarray(0, 16), iv, data),
  [PBE.sha1And40RC2]: (key, iv, data) => rc2Decrypt(key.subarray(0, 5), iv, data, 40),
  [PBE.sha1And128RC2]: (key, iv, data) => rc2Decrypt(key.subarray(0, 16), iv, data, 128),
};
const PBE_KEY_LENGTH: Record<string, number> = { [PBE.sha1And3DES]: 24, [PBE.sha1And2DES]: 16, [PBE.sha1And40RC2]: 5, [PBE.sha1And128RC2]: 16 };

const iterationsOf = (node: der.Node | undefined): number => checkIterations(node ? Number(der.readInteger(node)) : 1);

function rc2Decrypt(key: Buffer, iv: Buffer, data: Buffer, effectiveBits: number): Buffer {
  const forge = createRequire(import.meta.url)('node-forge') as typeof import('node-forge');
  const cipher = forge.rc2.createDecryptionCipher(forge.util.createBuffer(key.toString('binary')), effectiveBits);
  cipher.start(forge.util.createBuffer(iv.toString('binary')));
  cipher.update(forge.util.createBuffer(data.toString('binary')));
  if (!cipher.finish()) throw new Error('bad padding');
  return Buffer.from(cipher.output.getBytes(), 'binary');
}

function decipher(name: string, key: Buffer, iv: Buffer, data: Buffer): Buffer {
  const d = createDecipheriv(name, key, iv);
  return Buffer.concat([d.update(data), d.final()]);
}

/** Decrypted bytes are one DER (or BER) element and nothing else: how a right password shows. */
function isElement(plain: Buffer): boolean {
  try { return der.read(plain, 0, { ber: true }).raw.length === plain.length; } catch { return false; }
}

const notDecrypted = () => new CertError('WrongPassword', 'The password does not decrypt the PFX file.',
  { hint: 'Give the password the file was exported with (-Password); for a file without one, give an empty password.' });

/**
 * Starts the slow part of a decryption (PBKDF2, or the PKCS#12 KDF when the password has one
 * PKCS#12 form) now, so that it overlaps the MAC check and the other pieces' derivations.
 */
export function prefetch(algorithm: der.Node, password: Pkcs12Password): void {
  try {
    const [oidNode, params] = der.children(algorithm);
    const oid = der.readOid(oidNode!);
    if (oid === PBE.pbes2) void pbes2Key(params!, password).catch(() => undefined);
    else if (PKCS12_PBE[oid] && password.candidates.length === 1) void pkcs12KeyAndIv(oid, params!, password.candidates[0]!, password).catch(() => undefined);
  } catch { /* a damaged algorithm is reported when the content is decrypted */ }
}

/** The key and IV of a PKCS#12 PBE algorithm (RFC 7292 appendix C), derived side by side. */
function pkcs12KeyAndIv(oid: string, params: der.Node, candidate: Buffer, password: Pkcs12Password): Promise<[Buffer, Buffer]> {
  const [saltNode, iterationNode] = der.children(params);
  const salt = saltNode!.content, iterations = iterationsOf(iterationNode);
  return Promise.all([password.pkcs12Key(candidate, salt, 1, iterations, PBE_KEY_LENGTH[oid]!), password.pkcs12Key(candidate, salt, 2, iterations, 8)]);
}

/** Decrypts under an AlgorithmIdentifier; a password that yields no valid plaintext is WrongPassword. */
export async function decrypt(algorithm: der.Node, data: Buffer, password: Pkcs12Password): Promise<Buffer> {
  const [oidNode, params] = der.children(algorithm);
  const oid = der.readOid(oidNode!);
  if (oid === PBE.pbes2) {
    const { key, cipher, iv } = await pbes2Key(params!, password);
    try {
      const plain = decipher(cipher, key, iv, data);
      if (isElement(plain)) return plain;
    } catch { /* bad padding: the wrong key */ }
    throw notDecrypted();
  }
  const run = PKCS12_PBE[oid];
  if (!run) throw new CertError('Unsupported', `The PFX encryption algorithm ${oid} is not supported.`, { target: oid });
  for (const candidate of password.candidates) {
    const [key, iv] = await pkcs12KeyAndIv(oid, params!, candidate, password);
    try {
      const plain = run(key, iv, data);
      if (isElement(plain)) { password.candidates = [candidate]; return plain; }
    } catch { /* bad padding: the wrong key */ }
  }
  throw notDecrypted();
}

async function pbes2Key(params: der.Node, password: Pkcs12Password): Promise<{ key: Buffer; cipher: string; iv: Buffer }> {
  const [kdf, scheme] = der.children(params);
  const [kdfOid, kdfParams] = der.children(kdf!);
  if (der.readOid(kdfOid!) !== PBE.pbkdf2) throw new CertError('Unsupported', 'Only PBKDF2 is supported in PBES2 (not scrypt).');
  const fields = der.children(kdfParams!);
  const salt = fields[0]!.content, iterations = iterationsOf(fields[1]);
  const prfNode = fields.find((f, i) => i >= 2 && f.tag === der.Tag.Sequence);
  const prf = prfNode ? PRF[der.readOid(der.children(prfNode)[0]!)] : 'sha1';
  const [cipherOid, ivNode] = der.children(scheme!);
  const cipher = CIPHERS[der.readOid(cipherOid!)];
  if (!cipher || !prf) throw new CertError('Unsupported', 'The PBES2 cipher or PRF of the PFX file is not supported.');
  if (ivNode?.tag !== der.Tag.OctetString) throw new CertError('Malformed', 'Not a valid PFX file: a PBES2 cipher without its IV.');
  return { key: await password.pbkdf2(salt, iterations, cipher.keyLength, prf), cipher: cipher.name, iv: ivNode.content };
}

/**
 * The MAC proves the password before anything is decrypted. Returns whether one of the password's
 * PKCS#12 forms matches, and narrows the password to that form ("" versus a Windows null password).
 * Every form's MAC key derives at once: at 600,000 iterations the second form would cost as much again.
 */
export async function macMatches(macData: der.Node, content: Buffer, password: Pkcs12Password): Promise<boolean> {
  const [digestInfo, saltNode, iterationNode] = der.children(macData);
  const [algorithm, digest] = der.children(digestInfo!);
  const oid = der.readOid(der.children(algorithm!)[0]!);
  const hash = DIGESTS[oid];
  if (!hash) throw new CertError('Unsupported', `The PFX MAC algorithm ${oid} is not supported.`, { target: oid });
  if (saltNode?.tag !== der.Tag.OctetString || digest?.tag !== der.Tag.OctetString) throw new CertError('Malformed', 'Not a valid PFX file: a damaged MAC.');
  const iterations = iterationsOf(iterationNode), candidates = password.candidates;
  const keys = await Promise.all(candidates.map((pass) => password.pkcs12Key(pass, saltNode.content, 3, iterations, digestLength(hash), hash)));
  const match = keys.findIndex((key) => {
    const computed = createHmac(hash, key).update(content).digest();
    return computed.length === digest.content.length && timingSafeEqual(computed, digest.content);
  });
  if (match >= 0) password.candidates = [candidates[match]!];
  return match >= 0;
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

const digestLength = (hash: string) => createHash(hash).digest().length;

/** The PKCS#12 MAC on this thread (writing a PFX). */
export function mac(hash: string, password: Buffer, salt: Buffer, iterations: number, data: Buffer): Buffer {
  return createHmac(hash, pkcs12Kdf(password, salt, 3, iterations, digestLength(hash), hash)).update(data).digest();
}
