// Decoders for the X.509 v3 extensions chain validation understands (RFC 5280 §4.2): basic
// constraints, key usage, EKU, subject alternative names, name constraints, AKI, SKI, AIA and
// policy constraints. An extension that does not decode is recorded as a defect and left out,
// so the rules see "malformed" rather than a crash. Imports lib/certs/x509/der only.

import * as der from '../x509/der.js';

export interface RawExtension { oid: string; critical: boolean; value: Buffer }

export type GeneralNameType = 'other' | 'email' | 'dns' | 'x400' | 'dn' | 'edi' | 'uri' | 'ip' | 'rid';

export interface GeneralName { type: GeneralNameType; /** Text for email/dns/uri; bytes for ip, dn (the Name's DER), other. */ text?: string; bytes: Buffer }

export interface NameConstraints { permitted?: GeneralName[]; excluded?: GeneralName[]; critical: boolean }

export interface DecodedExtensions {
  basicConstraints?: { ca: boolean; pathLength?: number; critical: boolean };
  keyUsage?: Set<KeyUsageName>;
  extendedKeyUsage?: { oids: string[]; critical: boolean };
  subjectAltName?: { names: GeneralName[]; critical: boolean };
  nameConstraints?: NameConstraints;
  authorityKeyIdentifier?: { keyId?: Buffer; hasIssuer: boolean; hasSerial: boolean; critical: boolean };
  subjectKeyIdentifier?: { keyId: Buffer; critical: boolean };
  authorityInfoAccess?: { caIssuers: string[]; critical: boolean };
  policyConstraints?: { critical: boolean };
}

export const EXTENSION_OID = {
  basicConstraints: '2.5.29.19', keyUsage: '2.5.29.15', extendedKeyUsage: '2.5.29.37', subjectAltName: '2.5.29.17',
  nameConstraints: '2.5.29.30', authorityKeyIdentifier: '2.5.29.35', subjectKeyIdentifier: '2.5.29.14',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1', policyConstraints: '2.5.29.36',
} as const;

export const KEY_USAGE_NAMES = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment',
  'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'] as const;
export type KeyUsageName = typeof KEY_USAGE_NAMES[number];

const NAME_TYPES: GeneralNameType[] = ['other', 'email', 'dns', 'x400', 'dn', 'edi', 'uri', 'ip', 'rid'];

export function decodeGeneralName(node: der.Node): GeneralName {
  if ((node.tag & 0xc0) !== 0x80) throw new Error('a GeneralName must be context-tagged');
  const type = NAME_TYPES[node.tag & 0x1f];
  if (!type) throw new Error(`unknown GeneralName tag ${node.tag}`);
  if (type === 'dn') return { type, bytes: der.children(node)[0]!.raw };
  const text = type === 'email' || type === 'dns' || type === 'uri' ? node.content.toString('latin1') : undefined;
  return { type, text, bytes: node.content };
}

const generalNames = (value: Buffer) => der.children(der.read(value)).map(decodeGeneralName);

function keyUsage(value: Buffer): Set<KeyUsageName> {
  const node = der.read(value);
  if (node.tag !== der.Tag.BitString || node.content.length < 1) throw new Error('not a BIT STRING');
  const bits = der.readBitString(node);
  return new Set(KEY_USAGE_NAMES.filter((_, i) => ((bits[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0));
}

function basicConstraints(value: Buffer, critical: boolean) {
  const parts = der.children(der.read(value));
  const ca = parts[0]?.tag === der.Tag.Boolean && parts[0].content[0] !== 0;
  const length = parts.find((p) => p.tag === der.Tag.Integer);
  return { ca, pathLength: length ? Number(der.readInteger(length)) : undefined, critical };
}

function subtrees(node: der.Node): GeneralName[] {
  return der.children(node).map((subtree) => decodeGeneralName(der.children(subtree)[0]!));
}

function nameConstraints(value: Buffer, critical: boolean): NameConstraints {
  const parts = der.children(der.read(value));
  const permitted = parts.find((p) => p.tag === 0xa0);
  const excluded = parts.find((p) => p.tag === 0xa1);
  return { permitted: permitted && subtrees(permitted), excluded: excluded && subtrees(excluded), critical };
}

function authorityKeyIdentifier(value: Buffer, critical: boolean) {
  const parts = der.children(der.read(value));
  return { keyId: parts.find((p) => p.tag === 0x80)?.content, hasIssuer: parts.some((p) => p.tag === 0xa1),
    hasSerial: parts.some((p) => p.tag === 0x82), critical };
}

function authorityInfoAccess(value: Buffer, critical: boolean) {
  const caIssuers = der.children(der.read(value)).flatMap((description) => {
    const [method, location] = der.children(description);
    if (!method || !location) throw new Error('an AccessDescription needs a method and a location');
    const name = decodeGeneralName(location);
    return der.readOid(method) === '1.3.6.1.5.5.7.48.2' && name.type === 'uri' ? [name.text!] : [];
  });
  return { caIssuers, critical };
}

const DECODERS: Record<string, (value: Buffer, critical: boolean) => Partial<DecodedExtensions>> = {
  [EXTENSION_OID.basicConstraints]: (v, c) => ({ basicConstraints: basicConstraints(v, c) }),
  [EXTENSION_OID.keyUsage]: (v) => ({ keyUsage: keyUsage(v) }),
  [EXTENSION_OID.extendedKeyUsage]: (v, c) => ({ extendedKeyUsage: { oids: der.children(der.read(v)).map(der.readOid), critical: c } }),
  [EXTENSION_OID.subjectAltName]: (v, c) => ({ subjectAltName: { names: generalNames(v), critical: c } }),
  [EXTENSION_OID.nameConstraints]: (v, c) => ({ nameConstraints: nameConstraints(v, c) }),
  [EXTENSION_OID.authorityKeyIdentifier]: (v, c) => ({ authorityKeyIdentifier: authorityKeyIdentifier(v, c) }),
  [EXTENSION_OID.subjectKeyIdentifier]: (v, c) => ({ subjectKeyIdentifier: { keyId: der.read(v).content, critical: c } }),
  [EXTENSION_OID.authorityInfoAccess]: (v, c) => ({ authorityInfoAccess: authorityInfoAccess(v, c) }),
  [EXTENSION_OID.policyConstraints]: (_v, c) => ({ policyConstraints: { critical: c } }),
};

/** Decodes the extensions we know; an undecodable one becomes a defect naming it. */
export function decodeKnownExtensions(extensions: RawExtension[], defects: string[]): DecodedExtensions {
  const decoded: DecodedExtensions = {};
  for (const extension of extensions) {
    const decode = DECODERS[extension.oid];
    if (!decode) continue;
    try {
      const part = decode(extension.value, extension.critical);
      const read = der.read(extension.value);
      if (read.raw.length !== extension.value.length) throw new Error('trailing bytes');
      Object.assign(decoded, part);
    } catch (error) { defects.push(`extension ${extension.oid}: ${(error as Error).message}`); }
  }
  return decoded;
}
