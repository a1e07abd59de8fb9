// A certificate's facts (parse.ts's CertificateInfo) read with our DER reader alone, exactly as
// Node's X509Certificate would report them, or undefined wherever that is not certain: then
// parse.ts asks X509Certificate. Certain means the encodings OpenSSL reads back unchanged and
// facts that need no OpenSSL judgement: a minimal positive serial, UTCTime/GeneralizedTime in
// their one DER form with a real calendar date, an RSA or named-curve EC key (public-key-facts),
// at most one EKU extension of well-formed OIDs, no basicConstraints asserting a CA (X509_check_ca
// also weighs key usage and the validity of every extension), and subject ≠ issuer (a
// self-signature needs X509_check_issued). Imports only sibling x509 modules.

import * as der from './der.js';
import { tbsParts, type TbsParts } from './certificate.js';
import { decodeSubjectAltName } from './extensions.js';
import { describeKeyFacts } from './keys.js';
import { commonNameOf, formatName } from './names.js';
import { OID } from './oids.js';
import type { CertificateInfo } from './parse.js';
import { publicKeyFacts } from './public-key-facts.js';

type DerPart = Pick<CertificateInfo, 'thumbprint' | 'subject' | 'issuer' | 'commonName' | 'sans' | 'signatureAlgorithm'>;

interface RawExtension { oid: string; value: Buffer }

function extensionList(extensions: der.Node | undefined): RawExtension[] {
  return (extensions ? der.children(extensions) : []).map((extension) => {
    const parts = der.children(extension);
    return { oid: der.readOid(parts[0]!), value: parts[parts.length - 1]!.content };
  });
}

/** The value of the first extension with this OID, reading no further than it. */
function extensionValue(extensions: der.Node | undefined, oid: string): Buffer | undefined {
  for (const extension of extensions ? der.children(extensions) : []) {
    const parts = der.children(extension);
    if (der.readOid(parts[0]!) === oid) return parts[parts.length - 1]!.content;
  }
  return undefined;
}

/** What both readers take from the DER: names, SANs (the first SAN extension), the signature algorithm. */
export function readDerPart(certificateDer: Buffer, thumbprint: string, parts: TbsParts = tbsParts(certificateDer)): DerPart {
  const san = extensionValue(parts.extensions, OID.subjectAltName);
  const [, algorithm] = der.children(der.read(certificateDer));
  return {
    thumbprint,
    subject: formatName(parts.subject),
    issuer: formatName(parts.issuer),
    commonName: commonNameOf(parts.subject),
    sans: san ? decodeSubjectAltName(san) : [],
    signatureAlgorithm: der.readOid(der.children(algorithm!)[0]!),
  };
}

/** OBJ_obj2txt's numeric form; undefined for an encoding OpenSSL refuses (or text it would cut). */
function oidText(node: der.Node): string | undefined {
  const bytes = node.content;
  if (node.tag !== der.Tag.Oid || !bytes.length || bytes[bytes.length - 1]! & 0x80) return undefined;
  const arcs: number[] = [];
  let value = 0, start = true;
  for (const byte of bytes) {
    if (start && byte === 0x80) return undefined;   // a padded subidentifier
    if (value > 2 ** 45) return undefined;          // beyond exact numbers
    value = value * 128 + (byte & 0x7f);
    start = !(byte & 0x80);
    if (start) { arcs.push(value); value = 0; }
  }
  const first = arcs[0]!;
  const text = [first < 40 ? 0 : first < 80 ? 1 : 2, first < 80 ? first % 40 : first - 80, ...arcs.slice(1)].join('.');
  return text.length < 200 ? text : undefined;
}

/** Node's keyUsage (the EKU OIDs): one EKU extension, a SEQUENCE OF well-formed OIDs and nothing after it. */
function extendedKeyUsages(extensions: RawExtension[]): string[] | undefined {
  const found = extensions.filter((e) => e.oid === OID.extKeyUsage);
  if (!found.length) return [];
  if (found.length > 1) return undefined;
  const sequence = der.read(found[0]!.value);
  if (sequence.tag !== der.Tag.Sequence || sequence.raw.length !== found[0]!.value.length) return undefined;
  const oids = der.children(sequence).map(oidText);
  return oids.every((oid) => oid !== undefined) ? oids as string[] : undefined;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** The instant Node's validFrom/validTo text names, for the DER forms (seconds, Z) of a real date. */
function readTime(node: der.Node): Date | undefined {
  const text = node.content.toString('latin1');
  const match = node.tag === der.Tag.UtcTime ? /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(text)
    : node.tag === der.Tag.GeneralizedTime ? /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/.exec(text) : null;
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const fullYear = node.tag === der.Tag.UtcTime ? (year < 50 ? 2000 : 1900) + year : year;
  const monthDays = month === 2 && leapYear(fullYear) ? 29 : DAYS_IN_MONTH[month - 1];
  if (fullYear < 1950 || !monthDays || day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 59) return undefined;
  return new Date(Date.UTC(fullYear, month - 1, day, hour, minute, second));
}

/** The facts from the DER alone, or undefined where only X509Certificate can say. Never throws. */
export function readCertificateFacts(certificateDer: Buffer, thumbprint: string): CertificateInfo | undefined {
  try {
    const parts = tbsParts(certificateDer);
    if (parts.subject.raw.equals(parts.issuer.raw)) return undefined;
    const serial = der.readPositiveInteger(parts.serial);
    const [from, to, more] = der.children(parts.validity);
    const notBefore = from && readTime(from), notAfter = to && readTime(to);
    const key = publicKeyFacts(parts.spki);
    const extensions = extensionList(parts.extensions);
    const ekus = extendedKeyUsages(extensions);
    const mayBeCA = extensions.some((e) => e.oid === OID.basicConstraints && !(e.value.length === 2 && e.value[0] === der.Tag.Sequence && e.value[1] === 0));
    if (!serial || !notBefore || !notAfter || more || !key || !ekus || mayBeCA) return undefined;
    const { alg, size } = describeKeyFacts(key.type, key);
    const { subject, issuer, commonName, sans, signatureAlgorithm } = readDerPart(certificateDer, thumbprint, parts);
    return { thumbprint, subject, issuer, commonName, serialNumber: serial.toString('hex').toUpperCase(), notBefore, notAfter,
      sans, ekus, keyAlgorithm: alg, keySize: size, isCA: false, selfSigned: false, signatureAlgorithm };
  } catch { return undefined; }
}
