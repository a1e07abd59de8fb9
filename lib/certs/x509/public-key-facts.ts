// What a SubjectPublicKeyInfo says about its key (type, modulus size, named curve), read with our
// DER reader instead of OpenSSL's decoder (X509Certificate.publicKey and createPublicKey decode
// through OpenSSL 3's decoder framework: 100-150 µs a key). Only for the encodings OpenSSL surely
// decodes to the same key: an RSA key under rsaEncryption with NULL parameters, and an
// uncompressed point on P-256, P-384 or P-521 that lies on its curve (OpenSSL refuses a point
// off the curve). Anything else is undefined: the caller asks OpenSSL. Imports der and oids.

import * as der from './der.js';
import { OID } from './oids.js';

/** As Node's asymmetricKeyType and asymmetricKeyDetails report them. */
export interface PublicKeyFacts { type: 'rsa' | 'ec'; modulusLength?: number; namedCurve?: string }

interface Curve { name: string; size: number; p: bigint; b: bigint }
/** Short Weierstrass curves y² = x³ − 3x + b over the prime field p (SEC 2, FIPS 186-4), by OID. */
const CURVE_LIST: Record<string, Curve> = {
  '1.2.840.10045.3.1.7': { name: 'prime256v1', size: 32, p: 2n ** 256n - 2n ** 224n + 2n ** 192n + 2n ** 96n - 1n,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn },
  '1.3.132.0.34': { name: 'secp384r1', size: 48, p: 2n ** 384n - 2n ** 128n - 2n ** 96n + 2n ** 32n - 1n,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn },
  '1.3.132.0.35': { name: 'secp521r1', size: 66, p: 2n ** 521n - 1n,
    b: 0x0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n },
};
// OIDs are compared as encoded: a non-minimal encoding of the same arcs is one OpenSSL refuses.
const encoded = (dotted: string) => der.oid(dotted).toString('hex');
const CURVES = new Map(Object.entries(CURVE_LIST).map(([oid, curve]) => [encoded(oid), curve]));
const RSA = encoded(OID.rsaEncryption), EC = encoded(OID.ecPublicKey);

const toBigInt = (bytes: Buffer) => BigInt('0x' + bytes.toString('hex'));

function onCurve(curve: Curve, point: Buffer): boolean {
  if (point.length !== 1 + 2 * curve.size || point[0] !== 4) return false;
  const x = toBigInt(point.subarray(1, 1 + curve.size)), y = toBigInt(point.subarray(1 + curve.size));
  const { p, b } = curve;
  return x < p && y < p && (y * y - (x * x * x - 3n * x + b)) % p === 0n;
}

const bitLength = (magnitude: Buffer) => (magnitude.length - 1) * 8 + magnitude[0]!.toString(2).length;

function rsaFacts(parameters: der.Node | undefined, key: Buffer): PublicKeyFacts | undefined {
  if (parameters?.tag !== der.Tag.Null || parameters.content.length) return undefined;
  const sequence = der.read(key);
  if (sequence.tag !== der.Tag.Sequence || sequence.raw.length !== key.length) return undefined;
  const [modulus, exponent, extra] = der.children(sequence);
  const n = der.readPositiveInteger(modulus);
  if (!n || !der.readPositiveInteger(exponent) || extra || n.length > 2048) return undefined;
  return { type: 'rsa', modulusLength: bitLength(n) };
}

function ecFacts(parameters: der.Node | undefined, point: Buffer): PublicKeyFacts | undefined {
  if (parameters?.tag !== der.Tag.Oid) return undefined;
  const curve = CURVES.get(parameters.raw.toString('hex'));
  return curve && onCurve(curve, point) ? { type: 'ec', namedCurve: curve.name } : undefined;
}

/** The key's facts, or undefined when only OpenSSL can tell (other types, odd encodings, a bad key). */
export function publicKeyFacts(spki: der.Node): PublicKeyFacts | undefined {
  try {
    const [algorithm, bits, extra] = der.children(spki);
    if (algorithm?.tag !== der.Tag.Sequence || bits?.tag !== der.Tag.BitString || extra || bits.content[0] !== 0) return undefined;
    const [type, parameters, more] = der.children(algorithm);
    if (!type || more) return undefined;
    const oid = type.raw.toString('hex'), key = der.readBitString(bits);
    return oid === RSA ? rsaFacts(parameters, key) : oid === EC ? ecFacts(parameters, key) : undefined;
  } catch { return undefined; }
}
