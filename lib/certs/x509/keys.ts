// Key pairs, their encodings and the signatures made with them, always with Node's native
// crypto: pure-JS RSA key generation is 9-15x slower and pure-JS signing 80x slower
// (perf-baselines.md). Key generation is async so a batch can keep both cores busy.
//
// SubjectPublicKeyInfo and PKCS#8 are assembled here without OpenSSL 3's encoder framework
// (export({type:'spki'}) and {type:'pkcs8'} go through it: 70-150 µs a call), byte for byte what
// the encoder writes: RSA keys from their PKCS#1 export, EC keys generateKey made from the values
// their generation reported. An imported EC key may be encoded otherwise (a compressed point,
// explicit curve parameters, no public key), which only the encoder reproduces. Keys are never
// used as a generation job handed them back: see generateKey. Imports Node crypto, der, oids and
// key-reserve.

import { createPrivateKey, createPublicKey, generateKeyPair as generateKeyPairCallback, generateKeyPairSync, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { CertError } from '../errors.js';
import * as der from './der.js';
import { takeReservedEcKey } from './key-reserve.js';
import { OID } from './oids.js';

export type KeyAlgorithm = 'RSA' | 'ECDH_P256' | 'ECDH_P384' | 'ECDH_P521';
export const KEY_ALGORITHMS: readonly KeyAlgorithm[] = ['RSA', 'ECDH_P256', 'ECDH_P384', 'ECDH_P521'];
export const RSA_KEY_SIZES = [1024, 2048, 3072, 4096] as const;

export interface KeyPair { publicKey: KeyObject; privateKey: KeyObject }

const CURVES: Record<Exclude<KeyAlgorithm, 'RSA'>, string> = {
  ECDH_P256: 'prime256v1', ECDH_P384: 'secp384r1', ECDH_P521: 'secp521r1',
};

/** Key generation whose results come out encoded (see generateKey): never a KeyObject of the job's own. */
const generateEncoded = promisify(generateKeyPairCallback) as unknown as
  (type: string, options: object) => Promise<{ publicKey: Buffer; privateKey: Buffer }>;
const generateJwkSync = generateKeyPairSync as (type: 'ec', options: object) => unknown;

/** The public half of each private key generateKey made, so the store can match a key to a certificate without OpenSSL. */
const publicHalves = new WeakMap<KeyObject, KeyObject>();
const rememberHalf = (pair: KeyPair): KeyPair => { publicHalves.set(pair.privateKey, pair.publicKey); return pair; };
/** The SubjectPublicKeyInfo and PKCS#8 of each EC key generateKey made, built from the values its generation reported. */
const ecSpkis = new WeakMap<KeyObject, Buffer>();
const ecPkcs8s = new WeakMap<KeyObject, Buffer>();

/** The SubjectPublicKeyInfo of a private key generateKey made in this process; undefined for any other key. */
export function generatedSpki(privateKey: KeyObject): Buffer | undefined {
  const publicKey = publicHalves.get(privateKey);
  return publicKey && spkiDer(publicKey);
}

/**
 * A new key pair. Node 20 deadlocks when a KeyObject that a generation job returned is used in a
 * call that allocates while holding the key's lock (a JWK export, asymmetricKeyDetails) at the
 * moment a collection destroys that finished job, whose destructor takes the same lock: a hang
 * every few thousand keys under load. So the job hands back encodings only, and the KeyObjects
 * are made from them (createPrivateKey: a key of its own, with no job behind it).
 */
export async function generateKey(options: { alg: KeyAlgorithm; size?: number }): Promise<KeyPair> {
  if (options.alg === 'RSA') {
    const size = options.size ?? 2048;
    if (!(RSA_KEY_SIZES as readonly number[]).includes(size))
      throw new CertError('InvalidArgument', `Unsupported RSA key size ${size}; use 1024, 2048, 3072 or 4096.`);
    const pair = await generateEncoded('rsa', { modulusLength: size, publicExponent: 0x10001,
      publicKeyEncoding: { type: 'spki', format: 'der' }, privateKeyEncoding: { type: 'pkcs8', format: 'der' } });
    const privateKey = createPrivateKey({ key: pair.privateKey, format: 'der', type: 'pkcs8' });   // ~0.5 ms against ~100 ms of generation
    return rememberHalf({ publicKey: createPublicKey(privateKey), privateKey });
  }
  // A script's keys come made ahead by a worker (key-reserve.ts) when one is ready; otherwise on
  // this thread: an EC key costs tens of microseconds, less than a hop to the thread pool, where
  // it would also queue behind the store's background syncs.
  const reserved = CURVES[options.alg] ? takeReservedEcKey(CURVES[options.alg]) : undefined;
  return reserved ? adoptEcKey(reserved.jwk, reserved.privateKey, reserved.publicKey) : generateEcKeyPair(options.alg);
}

/** A new EC key pair, made at once (generateKey's EC half; also the ACME account key). */
export function generateEcKeyPair(alg: Exclude<KeyAlgorithm, 'RSA'>): KeyPair {
  const namedCurve = CURVES[alg];
  if (!namedCurve) throw new CertError('InvalidArgument', `Unknown key algorithm '${alg}'.`);
  const jwk = (generateJwkSync('ec', { namedCurve, publicKeyEncoding: { format: 'jwk' }, privateKeyEncoding: { format: 'jwk' } }) as
    { privateKey: JsonWebKey }).privateKey;
  const privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
  return adoptEcKey(jwk, privateKey, createPublicKey(privateKey));
}

/** Remembers an EC key pair made from `jwk` with its encodings, built from the JWK's values. */
function adoptEcKey(jwk: JsonWebKey, privateKey: KeyObject, publicKey: KeyObject): KeyPair {
  const curve = EC_CURVES[jwk.crv!];
  if (curve) {
    ecSpkis.set(publicKey, Buffer.concat([curve.spkiPrefix, pointOf(jwk)]));
    // ECPrivateKey { version 1, privateKey, [1] publicKey }: the curve is named by the AlgorithmIdentifier.
    ecPkcs8s.set(privateKey, der.sequence(der.integer(0), curve.algorithm, der.octetString(der.sequence(
      der.integer(1), der.octetString(Buffer.from(jwk.d!, 'base64url')), der.explicit(1, der.bitString(pointOf(jwk)))))));
  }
  return rememberHalf({ publicKey, privateKey });
}

const RSA_ALGORITHM = der.sequence(der.oid(OID.rsaEncryption), der.nullValue());
/** By JWK curve name: the AlgorithmIdentifier, and the SPKI bytes before the uncompressed point (04 || x || y). */
const EC_CURVES: Record<string, { algorithm: Buffer; spkiPrefix: Buffer }> = Object.fromEntries(
  ([['P-256', '1.2.840.10045.3.1.7', 65], ['P-384', '1.3.132.0.34', 97], ['P-521', '1.3.132.0.35', 133]] as const).map(([crv, oid, pointLength]) => {
    const algorithm = der.sequence(der.oid(OID.ecPublicKey), der.oid(oid));
    const spki = der.sequence(algorithm, der.bitString(Buffer.alloc(pointLength)));
    return [crv, { algorithm, spkiPrefix: spki.subarray(0, spki.length - pointLength) }];
  }));

/** The uncompressed point 04 || x || y; JWK pads x and y to the curve's size, as X9.62 does. */
const pointOf = (jwk: JsonWebKey) => Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]);

/** The SubjectPublicKeyInfo DER Node writes for any key type; embedded as-is in CSRs and certificates. */
export function spkiDer(publicKey: KeyObject): Buffer {
  if (publicKey.asymmetricKeyType === 'rsa')
    return der.sequence(RSA_ALGORITHM, der.bitString(publicKey.export({ type: 'pkcs1', format: 'der' })));
  return ecSpkis.get(publicKey) ?? publicKey.export({ type: 'spki', format: 'der' });
}

/** The unencrypted PKCS#8 PrivateKeyInfo DER Node writes for any key type. */
export function pkcs8Der(privateKey: KeyObject): Buffer {
  if (privateKey.asymmetricKeyType === 'rsa')
    return der.sequence(der.integer(0), RSA_ALGORITHM, der.octetString(privateKey.export({ type: 'pkcs1', format: 'der' })));
  return ecPkcs8s.get(privateKey) ?? privateKey.export({ type: 'pkcs8', format: 'der' });
}

interface SignatureChoice { hash: string; algorithmIdentifier: Buffer }

const RSA_SIGNATURE: SignatureChoice = { hash: 'sha256', algorithmIdentifier: der.sequence(der.oid(OID.sha256WithRSA), der.nullValue()) };
const ecdsa = (hash: string, oid: string): SignatureChoice => ({ hash, algorithmIdentifier: der.sequence(der.oid(oid)) });
const EC_SIGNATURES = new Map([['secp384r1', ecdsa('sha384', OID.ecdsaWithSHA384)], ['secp521r1', ecdsa('sha512', OID.ecdsaWithSHA512)]]);
const EC_DEFAULT_SIGNATURE = ecdsa('sha256', OID.ecdsaWithSHA256);

/** The signature algorithm a key signs with: SHA-256 for RSA, the curve's matching hash for EC (SHA-256 for P-256 and other curves). */
export function signatureAlgorithm(key: KeyObject): SignatureChoice {
  const choice = key.asymmetricKeyType === 'rsa' ? RSA_SIGNATURE
    : key.asymmetricKeyType === 'ec' ? EC_SIGNATURES.get(key.asymmetricKeyDetails?.namedCurve ?? '') ?? EC_DEFAULT_SIGNATURE : undefined;
  if (!choice) throw new CertError('Unsupported', `Keys of type '${key.asymmetricKeyType}' cannot sign certificates here.`);
  return { hash: choice.hash, algorithmIdentifier: Buffer.from(choice.algorithmIdentifier) };
}

/** Signs a TBS structure and returns the outer SEQUENCE { tbs, algorithm, BIT STRING signature }. */
export function signStructure(tbs: Buffer, privateKey: KeyObject): Buffer {
  const { hash, algorithmIdentifier } = signatureAlgorithm(privateKey);
  return der.sequence(tbs, algorithmIdentifier, der.bitString(sign(hash, tbs, privateKey)));
}

/** 'RSA' with modulus size, or the EC curve mapped back to the cmdlets' KeyAlg names. */
export const describeKey = (key: KeyObject): { alg: KeyAlgorithm | string; size: number } =>
  describeKeyFacts(String(key.asymmetricKeyType), key.asymmetricKeyDetails ?? {});

/** describeKey from the type and details Node reports (or public-key-facts.ts reads from the DER). */
export function describeKeyFacts(type: string, details: { modulusLength?: number; namedCurve?: string }): { alg: KeyAlgorithm | string; size: number } {
  if (type === 'rsa') return { alg: 'RSA', size: details.modulusLength ?? 0 };
  if (type === 'ec') {
    const entry = Object.entries(CURVES).find(([, curve]) => curve === details.namedCurve);
    const size = { prime256v1: 256, secp384r1: 384, secp521r1: 521 }[details.namedCurve as string] ?? 0;
    return { alg: entry?.[0] ?? `EC ${details.namedCurve}`, size };
  }
  return { alg: type, size: 0 };
}
