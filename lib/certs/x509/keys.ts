// Key pairs and the signatures made with them, always with Node's native crypto: pure-JS RSA
// key generation is 9-15x slower and pure-JS signing 80x slower (perf-baselines.md). Key
// generation is async so a batch can keep both cores busy. Imports Node crypto, der, oids.

import { generateKeyPair as generateKeyPairCallback, sign, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { CertError } from '../errors.js';
import * as der from './der.js';
import { OID } from './oids.js';

export type KeyAlgorithm = 'RSA' | 'ECDH_P256' | 'ECDH_P384' | 'ECDH_P521';
export const KEY_ALGORITHMS: readonly KeyAlgorithm[] = ['RSA', 'ECDH_P256', 'ECDH_P384', 'ECDH_P521'];
export const RSA_KEY_SIZES = [1024, 2048, 3072, 4096] as const;

export interface KeyPair { publicKey: KeyObject; privateKey: KeyObject }

const CURVES: Record<Exclude<KeyAlgorithm, 'RSA'>, string> = {
  ECDH_P256: 'prime256v1', ECDH_P384: 'secp384r1', ECDH_P521: 'secp521r1',
};

const generate = promisify(generateKeyPairCallback) as unknown as
  (type: string, options: object) => Promise<KeyPair>;

export async function generateKey(options: { alg: KeyAlgorithm; size?: number }): Promise<KeyPair> {
  if (options.alg === 'RSA') {
    const size = options.size ?? 2048;
    if (!(RSA_KEY_SIZES as readonly number[]).includes(size))
      throw new CertError('InvalidArgument', `Unsupported RSA key size ${size}; use 1024, 2048, 3072 or 4096.`);
    return generate('rsa', { modulusLength: size, publicExponent: 0x10001 });
  }
  const namedCurve = CURVES[options.alg];
  if (!namedCurve) throw new CertError('InvalidArgument', `Unknown key algorithm '${options.alg}'.`);
  return generate('ec', { namedCurve });
}

/** The SubjectPublicKeyInfo DER Node writes for any key type; embedded as-is in CSRs and certificates. */
export const spkiDer = (publicKey: KeyObject): Buffer => publicKey.export({ type: 'spki', format: 'der' });

interface SignatureChoice { hash: string; algorithmIdentifier: Buffer }

/** The signature algorithm a key signs with: SHA-256 for RSA, the curve's matching hash for EC. */
export function signatureAlgorithm(key: KeyObject): SignatureChoice {
  if (key.asymmetricKeyType === 'rsa')
    return { hash: 'sha256', algorithmIdentifier: der.sequence(der.oid(OID.sha256WithRSA), der.nullValue()) };
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    const [hash, oid] = curve === 'secp384r1' ? ['sha384', OID.ecdsaWithSHA384]
      : curve === 'secp521r1' ? ['sha512', OID.ecdsaWithSHA512] : ['sha256', OID.ecdsaWithSHA256];
    return { hash, algorithmIdentifier: der.sequence(der.oid(oid)) };
  }
  throw new CertError('Unsupported', `Keys of type '${key.asymmetricKeyType}' cannot sign certificates here.`);
}

/** Signs a TBS structure and returns the outer SEQUENCE { tbs, algorithm, BIT STRING signature }. */
export function signStructure(tbs: Buffer, privateKey: KeyObject): Buffer {
  const { hash, algorithmIdentifier } = signatureAlgorithm(privateKey);
  return der.sequence(tbs, algorithmIdentifier, der.bitString(sign(hash, tbs, privateKey)));
}

/** 'RSA' with modulus size, or the EC curve mapped back to the cmdlets' KeyAlg names. */
export function describeKey(key: KeyObject): { alg: KeyAlgorithm | string; size: number } {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') return { alg: 'RSA', size: details.modulusLength ?? 0 };
  if (key.asymmetricKeyType === 'ec') {
    const entry = Object.entries(CURVES).find(([, curve]) => curve === details.namedCurve);
    const size = { prime256v1: 256, secp384r1: 384, secp521r1: 521 }[details.namedCurve as string] ?? 0;
    return { alg: entry?.[0] ?? `EC ${details.namedCurve}`, size };
  }
  return { alg: String(key.asymmetricKeyType), size: 0 };
}
