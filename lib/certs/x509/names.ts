// Distinguished names: building one from request fields, and showing one the way Windows does
// (`CN=pool1.litwareinc.com, O=Litware, C=US`: most specific first, state as `S=`), because
// scripts compare Subject strings against what the real cmdlets print. Imports der and oids.

import * as der from './der.js';
import { OID } from './oids.js';

export interface SubjectFields {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  locality?: string;
  state?: string;
  /** Two-letter ISO code. */
  country?: string;
}

const LABELS: Record<string, string> = {
  [OID.commonName]: 'CN', [OID.organization]: 'O', [OID.organizationalUnit]: 'OU', [OID.locality]: 'L',
  [OID.state]: 'S', [OID.country]: 'C', [OID.email]: 'E', [OID.domainComponent]: 'DC',
  [OID.serialNumber]: 'SERIALNUMBER',
};

const attribute = (type: string, value: Der) => der.set(der.sequence(der.oid(type), value));
type Der = Buffer;

/** RDNs in the conventional order, country first; Windows displays them reversed. */
export function encodeName(fields: SubjectFields): Der {
  const rdns: Der[] = [];
  if (fields.country) rdns.push(attribute(OID.country, der.printable(fields.country)));
  if (fields.state) rdns.push(attribute(OID.state, der.utf8(fields.state)));
  if (fields.locality) rdns.push(attribute(OID.locality, der.utf8(fields.locality)));
  if (fields.organization) rdns.push(attribute(OID.organization, der.utf8(fields.organization)));
  if (fields.organizationalUnit) rdns.push(attribute(OID.organizationalUnit, der.utf8(fields.organizationalUnit)));
  rdns.push(attribute(OID.commonName, der.utf8(fields.commonName)));
  return der.sequence(...rdns);
}

export interface NameAttribute { label: string; oid: string; value: string }

// The same few names (the issuing CA's above all) are read again with every certificate: the
// attributes of the last ones read are kept by their encoding, frozen, and handed out in a new array.
const recentNames = new Map<string, readonly NameAttribute[]>();
const RECENT_NAMES = 256;

/** The attributes of a Name in encoded order. */
export function nameAttributes(name: der.Node): NameAttribute[] {
  const key = name.raw.toString('latin1');
  let attributes = recentNames.get(key);
  if (!attributes) {
    attributes = readAttributes(name);
    if (recentNames.size >= RECENT_NAMES) recentNames.delete(recentNames.keys().next().value!);
    recentNames.set(key, attributes);
  }
  return [...attributes];
}

function readAttributes(name: der.Node): readonly NameAttribute[] {
  return Object.freeze(der.children(name).flatMap((rdn) => der.children(rdn).map((pair) => {
    const [type, value] = der.children(pair);
    const oid = der.readOid(type!);
    return Object.freeze({ label: LABELS[oid] ?? `OID.${oid}`, oid, value: der.readString(value!) });
  })));
}

function quote(value: string): string {
  return /[,+=";<>#]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The Windows form: most specific attribute first, `, ` between. */
export const formatName = (name: der.Node): string => formatAttributes(nameAttributes(name));

/** formatName from attributes already read. */
export const formatAttributes = (attributes: NameAttribute[]): string =>
  [...attributes].reverse().map((a) => `${a.label}=${quote(a.value)}`).join(', ');

export const commonNameOf = (name: der.Node): string | undefined =>
  nameAttributes(name).reverse().find((a) => a.oid === OID.commonName)?.value;
