// What a certificate says, read once into a plain object: the properties Windows shows on an
// X509Certificate2 (Thumbprint, Subject, Issuer, NotBefore, NotAfter, SerialNumber, DnsNameList,
// EnhancedKeyUsageList) plus what chain building and the store index need. Names are read from
// the DER so they show in the Windows order. Thumbprints are the SHA-1 of the DER.
//
// The facts come from our DER reader (certificate-facts.ts: about 15 µs) whenever it can say
// for certain what Node's X509Certificate would (about 250 µs, most of it OpenSSL decoding the
// key), and from X509Certificate otherwise: a CA or self-issued certificate, an unusual key or
// encoding. Either way the facts are the same. parseCertificate does not judge whether OpenSSL
// accepts a certificate: toX509 does (a CertError 'Malformed' when it does not), and whatever
// enters the store or an import has passed it.
//
// A certificate just issued is parsed by several steps of one request (storing it, indexing it,
// judging its chain), so the last few parses are kept by thumbprint: the native X509Certificate
// (immutable) and the facts read from it (handed out as copies, since callers may change them).

import { X509Certificate } from 'node:crypto';
import { CertError } from '../errors.js';
import { tbsParts } from './certificate.js';
import { readCertificateFacts, readDerPart } from './certificate-facts.js';
import { describeKey } from './keys.js';
import { EKU_NAMES, OID } from './oids.js';
import { thumbprintOf } from './thumbprint.js';

export interface CertificateInfo {
  thumbprint: string;
  subject: string;
  issuer: string;
  commonName?: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  /** DNS names and IP addresses of the SAN, in order. */
  sans: string[];
  /** EKU OIDs; empty means no EKU extension (any purpose). */
  ekus: string[];
  keyAlgorithm: string;
  keySize: number;
  isCA: boolean;
  selfSigned: boolean;
  signatureAlgorithm: string;
}

export { thumbprintOf };

/** Accepts any case, spaces, colons (as copied from a certificate dialog); 40 hex digits out. */
export function normalizeThumbprint(input: string): string {
  const hex = input.replace(/[\s:\u200e\u200f-]/g, '').toUpperCase();
  if (!/^[0-9A-F]{40}$/.test(hex))
    throw new CertError('InvalidArgument', `'${input}' is not a thumbprint (40 hexadecimal digits).`, { target: input });
  return hex;
}

const RECENT = 32;
const recentX509 = new Map<string, X509Certificate>();
const recentInfo = new Map<string, CertificateInfo>();
/** The X509Certificate parsed lately for this thumbprint, if any (a validator reuses the store's parse). */
export const recentX509Of = (thumbprint: string): X509Certificate | undefined => recentX509.get(thumbprint);

function remember<T>(map: Map<string, T>, key: string, value: T): T {
  if (map.size >= RECENT) map.delete(map.keys().next().value!);
  map.set(key, value);
  return value;
}

export function toX509(certificateDer: Buffer, thumbprint = thumbprintOf(certificateDer)): X509Certificate {
  const known = recentX509.get(thumbprint);
  if (known) return known;
  try { return remember(recentX509, thumbprint, new X509Certificate(certificateDer)); } catch (error) {
    throw new CertError('Malformed', `Not a valid X.509 certificate: ${(error as Error).message}`, { cause: error });
  }
}

/** The facts; a certificate our DER reader cannot read at all is refused by toX509 as Malformed. */
export function parseCertificate(certificateDer: Buffer, x509?: X509Certificate): CertificateInfo {
  const thumbprint = thumbprintOf(certificateDer);
  const info = recentInfo.get(thumbprint) ?? remember(recentInfo, thumbprint, readCertificateFacts(certificateDer, thumbprint)
    ?? readWithX509(certificateDer, thumbprint, x509 ?? toX509(certificateDer, thumbprint)));
  return { ...info, sans: [...info.sans], ekus: [...info.ekus], notBefore: new Date(info.notBefore), notAfter: new Date(info.notAfter) };
}

/** The facts as X509Certificate reports them: where the DER reader cannot be sure of OpenSSL's view. */
export function readWithX509(certificateDer: Buffer, thumbprint: string, x509: X509Certificate): CertificateInfo {
  const parts = tbsParts(certificateDer);
  const { subject, issuer, commonName, sans, signatureAlgorithm } = readDerPart(certificateDer, thumbprint, parts);
  const key = describeKey(x509.publicKey);
  return {
    thumbprint, subject, issuer, commonName,
    serialNumber: x509.serialNumber.toUpperCase(),
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
    sans,
    ekus: x509.keyUsage ?? [],
    keyAlgorithm: key.alg,
    keySize: key.size,
    isCA: x509.ca,
    selfSigned: parts.subject.raw.equals(parts.issuer.raw) && x509.checkIssued(x509),
    signatureAlgorithm,
  };
}

/** Windows' EnhancedKeyUsageList entries: `Server Authentication (1.3.6.1.5.5.7.3.1)`. */
export const ekuDisplay = (ekus: string[]): string[] =>
  ekus.map((oid) => (EKU_NAMES[oid] ? `${EKU_NAMES[oid]} (${oid})` : oid));

export const hasServerAuth = (info: Pick<CertificateInfo, 'ekus'>): boolean =>
  info.ekus.length === 0 || info.ekus.includes(OID.serverAuth);
