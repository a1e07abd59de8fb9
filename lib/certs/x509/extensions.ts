// X.509 v3 extensions, encoded (for CSRs and certificates) and decoded (from CSRs, where
// X509Certificate cannot help). Server certificates need serverAuth, a SAN that repeats the
// subject's FQDN, and a CDP (reference §2); CA certificates need keyCertSign and basicConstraints.
// Imports Node built-ins, der and oids.

import { hash } from 'node:crypto';
import { isIP } from 'node:net';
import * as der from './der.js';
import { OID } from './oids.js';

export interface Extension { oid: string; critical: boolean; value: Buffer }

export const encodeExtension = (e: Extension): Buffer => e.critical
  ? der.sequence(der.oid(e.oid), der.boolean(true), der.octetString(e.value))
  : der.sequence(der.oid(e.oid), der.octetString(e.value));

export const encodeExtensions = (list: Extension[]): Buffer => der.sequence(...list.map(encodeExtension));

function ipBytes(address: string): Buffer {
  if (isIP(address) === 4) return Buffer.from(address.split('.').map(Number));
  const [head = '', tail = ''] = address.split('::');
  const groups = (text: string) => (text ? text.split(':') : []);
  const missing = 8 - groups(head).length - groups(tail).length;
  const all = [...groups(head), ...Array(address.includes('::') ? missing : 0).fill('0'), ...groups(tail)];
  return Buffer.from(all.flatMap((g) => { const n = parseInt(g, 16); return [n >> 8, n & 0xff]; }));
}

/** isIP, asked only of what could be an address: IPv4 is digits and dots, IPv6 has a colon (isIP's regex is slow). */
const isAddress = (name: string) => (name.includes(':') || /^[\d.]+$/.test(name)) && isIP(name) !== 0;

/** DNS names, and IP addresses as iPAddress entries. */
export function subjectAltName(names: string[]): Extension {
  const entries = names.map((name) => isAddress(name)
    ? der.implicitPrimitive(7, ipBytes(name)) : der.implicitPrimitive(2, Buffer.from(name, 'latin1')));
  return { oid: OID.subjectAltName, critical: false, value: der.sequence(...entries) };
}

export type KeyUsageBit = 'digitalSignature' | 'keyEncipherment' | 'keyAgreement' | 'keyCertSign' | 'cRLSign';
const KEY_USAGE_BITS: Record<KeyUsageBit, number> =
  { digitalSignature: 0, keyEncipherment: 2, keyAgreement: 4, keyCertSign: 5, cRLSign: 6 };

/** A named bit list: DER drops trailing zero bits and counts them as unused. */
export function keyUsage(bits: KeyUsageBit[]): Extension {
  let value = 0;
  for (const bit of bits) value |= 0x80 >> KEY_USAGE_BITS[bit];
  let unused = 0;
  while (unused < 7 && !(value & (1 << unused))) unused++;
  return { oid: OID.keyUsage, critical: true, value: der.tlv(der.Tag.BitString, Buffer.from([unused, value])) };
}

export const extKeyUsage = (oids: string[]): Extension =>
  ({ oid: OID.extKeyUsage, critical: false, value: der.sequence(...oids.map(der.oid)) });

export function basicConstraints(ca: boolean, pathLength?: number): Extension {
  const parts = ca ? [der.boolean(true), ...(pathLength === undefined ? [] : [der.integer(pathLength)])] : [];
  return { oid: OID.basicConstraints, critical: true, value: der.sequence(...parts) };
}

/** RFC 5280 method 1: SHA-1 of the subjectPublicKey bits. */
export function keyIdentifier(spki: Buffer): Buffer {
  const [, bits] = der.children(der.read(spki));
  return hash('sha1', der.readBitString(bits!), 'buffer');
}

export const subjectKeyIdentifier = (spki: Buffer): Extension =>
  ({ oid: OID.subjectKeyIdentifier, critical: false, value: der.octetString(keyIdentifier(spki)) });

export const authorityKeyIdentifier = (issuerSpki: Buffer): Extension =>
  ({ oid: OID.authorityKeyIdentifier, critical: false,
    value: der.sequence(der.implicitPrimitive(0, keyIdentifier(issuerSpki))) });

export const authorityInfoAccess = (caIssuersUrl: string): Extension => ({
  oid: OID.authorityInfoAccess, critical: false,
  value: der.sequence(der.sequence(der.oid(OID.caIssuers), der.implicitPrimitive(6, Buffer.from(caIssuersUrl, 'latin1')))),
});

/** DistributionPoint { distributionPoint [0] { fullName [0] { uniformResourceIdentifier [6] } } } */
export const crlDistributionPoints = (url: string): Extension => ({
  oid: OID.crlDistributionPoints, critical: false,
  value: der.sequence(der.sequence(der.implicitConstructed(0,
    der.implicitConstructed(0, der.implicitPrimitive(6, Buffer.from(url, 'latin1')))))),
});

// ---- decoding ----

export function decodeExtensions(sequence: der.Node): Extension[] {
  return der.children(sequence).map((node) => {
    const parts = der.children(node);
    const critical = parts.length === 3 && parts[1]!.content[0] !== 0;
    return { oid: der.readOid(parts[0]!), critical, value: parts[parts.length - 1]!.content };
  });
}

function formatIp(bytes: Buffer): string {
  if (bytes.length === 4) return [...bytes].join('.');
  const groups: string[] = [];
  for (let i = 0; i < bytes.length; i += 2) groups.push(bytes.readUInt16BE(i).toString(16));
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

/** DNS names and IP addresses of a SAN extension value. */
export function decodeSubjectAltName(value: Buffer): string[] {
  return der.children(der.read(value)).flatMap((entry) =>
    entry.tag === 0x82 ? [entry.content.toString('latin1')] : entry.tag === 0x87 ? [formatIp(entry.content)] : []);
}

export const decodeExtKeyUsage = (value: Buffer): string[] => der.children(der.read(value)).map(der.readOid);
