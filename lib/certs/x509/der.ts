// A small DER writer and reader: just what CSRs, certificates and PFX files need. node-forge's
// ASN.1 is RSA-centred and slow to load; EC keys arrive from Node as finished SubjectPublicKeyInfo
// DER that we embed as-is, so a few dozen lines of TLV code serve every key type.
// Imports only Node built-ins.

import { CertError } from '../errors.js';

export type Der = Buffer;

export const Tag = {
  Boolean: 0x01, Integer: 0x02, BitString: 0x03, OctetString: 0x04, Null: 0x05, Oid: 0x06,
  Utf8String: 0x0c, PrintableString: 0x13, Ia5String: 0x16, BmpString: 0x1e,
  UtcTime: 0x17, GeneralizedTime: 0x18, Sequence: 0x30, Set: 0x31,
} as const;

// Each element is written into one buffer sized up front: its header, then its content or
// children copied in once (concatenating a header onto content allocated three buffers per
// element, and a SEQUENCE copied its children twice).
const headerLength = (length: number) => (length < 0x80 ? 2 : length < 0x100 ? 3 : length < 0x10000 ? 4 : length < 0x1000000 ? 5 : 6);

/** Tag and length, minimal as DER requires; returns where the content starts. */
function writeHeader(out: Buffer, tag: number, length: number): number {
  out[0] = tag;
  if (length < 0x80) { out[1] = length; return 2; }
  const count = headerLength(length) - 2;
  out[1] = 0x80 | count;
  for (let i = count, rest = length; i > 0; i--, rest = Math.floor(rest / 256)) out[1 + i] = rest & 0xff;
  return 2 + count;
}

/** One element from its content pieces, copied in order. */
function element(tag: number, pieces: readonly Buffer[]): Der {
  let length = 0;
  for (const piece of pieces) length += piece.length;
  const out = Buffer.allocUnsafe(headerLength(length) + length);
  let offset = writeHeader(out, tag, length);
  for (const piece of pieces) offset += piece.copy(out, offset);
  return out;
}

export const tlv = (tag: number, content: Buffer): Der => element(tag, [content]);

export const sequence = (...items: Der[]): Der => element(Tag.Sequence, items);
/** DER sorts SET OF elements by their encodings. */
export const set = (...items: Der[]): Der => element(Tag.Set, [...items].sort(Buffer.compare));
export const nullValue = (): Der => Buffer.from([Tag.Null, 0]);
export const boolean = (value: boolean): Der => Buffer.from([Tag.Boolean, 1, value ? 0xff : 0]);
export const octetString = (content: Buffer): Der => tlv(Tag.OctetString, content);
const ZERO = Buffer.from([0]);
/** No unused bits, then the content. */
export const bitString = (content: Buffer): Der => element(Tag.BitString, [ZERO, content]);
export const utf8 = (text: string): Der => tlv(Tag.Utf8String, Buffer.from(text, 'utf8'));
export const printable = (text: string): Der => tlv(Tag.PrintableString, Buffer.from(text, 'latin1'));
export const ia5 = (text: string): Der => tlv(Tag.Ia5String, Buffer.from(text, 'latin1'));
export const bmp = (text: string): Der => tlv(Tag.BmpString, Buffer.from(text, 'utf16le').swap16());
/** [n] EXPLICIT: wraps a whole element. */
export const explicit = (n: number, inner: Der): Der => tlv(0xa0 | n, inner);
/** [n] IMPLICIT on a constructed type, e.g. a SET OF attributes. */
export const implicitConstructed = (n: number, content: Buffer): Der => tlv(0xa0 | n, content);
/** [n] IMPLICIT on a primitive, e.g. dNSName [2] IA5String. */
export const implicitPrimitive = (n: number, content: Buffer): Der => tlv(0x80 | n, content);

/** A non-negative big-endian integer given as bytes; a leading zero keeps it positive. */
export function unsignedInteger(bytes: Buffer): Der {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  return element(Tag.Integer, trimmed[0]! & 0x80 ? [ZERO, trimmed] : [trimmed]);
}

export function integer(value: number): Der {
  const bytes: number[] = [];
  let rest = value;
  do { bytes.unshift(rest & 0xff); rest = Math.floor(rest / 256); } while (rest > 0);
  return unsignedInteger(Buffer.from(bytes));
}

/** Encoded OIDs by dotted form: a certificate names the same few dozen again and again. */
const encodedOids = new Map<string, Der>();

/** An OBJECT IDENTIFIER; the buffer is shared between callers, who only copy it into elements. */
export function oid(dotted: string): Der {
  let encoded = encodedOids.get(dotted);
  if (!encoded) {
    encoded = encodeOid(dotted);
    if (encodedOids.size < 1024) encodedOids.set(dotted, encoded);
  }
  return encoded;
}

/** X.690 8.19: the first two arcs make one subidentifier (40 * X + Y, past 127 under 2.x), each in base 128. */
function encodeOid(dotted: string): Der {
  const parts = dotted.split('.').map(Number);
  const bytes: number[] = [];
  for (const part of [40 * parts[0]! + parts[1]!, ...parts.slice(2)]) {
    const group = [part & 0x7f];
    for (let rest = Math.floor(part / 128); rest > 0; rest = Math.floor(rest / 128)) group.unshift(0x80 | (rest & 0x7f));
    bytes.push(...group);
  }
  return tlv(Tag.Oid, Buffer.from(bytes));
}

const twoDigits = (n: number) => (n < 10 ? '0' : '') + n;

/** RFC 5280: UTCTime through 2049, GeneralizedTime from 2050; to the second, in UTC. */
export function time(date: Date): Der {
  const year = date.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return timeFromIso(date);
  const rest = twoDigits(date.getUTCMonth() + 1) + twoDigits(date.getUTCDate()) + twoDigits(date.getUTCHours())
    + twoDigits(date.getUTCMinutes()) + twoDigits(date.getUTCSeconds()) + 'Z';
  return year < 2050 && year >= 1950 ? tlv(Tag.UtcTime, Buffer.from(String(year).slice(2) + rest, 'latin1'))
    : tlv(Tag.GeneralizedTime, Buffer.from(year + rest, 'latin1'));
}

/** Years before 1000 or after 9999 (and invalid dates, which throw) as toISOString writes them. */
function timeFromIso(date: Date): Der {
  return tlv(Tag.GeneralizedTime, Buffer.from(date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z', 'latin1'));
}

// ---- reading ----
// Hostile input is expected here (any file a user points Import-CsCertificate at), so the reader
// checks every length against the bytes it has before it slices, and bounds its own recursion.
// BER's indefinite lengths (Java keytool and NSS write PFX files with them) are read only when
// the caller asks for BER; the mode carries over to the children of a node read that way.

export interface Node {
  tag: number;
  /** The whole element (header and content, and the end-of-contents octets of BER): what a signature covers. */
  raw: Buffer;
  content: Buffer;
  /** Read as BER: its children may use indefinite lengths too. */
  ber?: boolean;
}

export interface ReadOptions {
  /** Accept BER indefinite lengths on constructed elements (PKCS#12 and PKCS#7 from Java and NSS). */
  ber?: boolean;
}

/** Indefinite-length elements nested deeper than this are refused: real files nest fewer than 12. */
export const MAX_INDEFINITE_DEPTH = 64;

const malformedAt = (why: string, offset: number) => new CertError('Malformed', `Malformed DER: ${why} at byte ${offset}.`);

export function read(buffer: Buffer, offset = 0, options: ReadOptions = {}): Node {
  return readAt(buffer, offset, options.ber === true, 0);
}

function readAt(buffer: Buffer, offset: number, ber: boolean, depth: number): Node {
  if (offset + 2 > buffer.length) throw malformedAt('truncated header', offset);
  const tag = buffer[offset]!;
  if ((tag & 0x1f) === 0x1f) throw malformedAt('multi-byte tags are not supported', offset);
  let length = buffer[offset + 1]!;
  let headerLength = 2;
  if (length === 0x80) return readIndefinite(buffer, offset, tag, ber, depth);
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count > 4) throw malformedAt(`a length of ${count} bytes`, offset);
    if (offset + 2 + count > buffer.length) throw malformedAt('truncated length', offset);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buffer[offset + 2 + i]!;
    headerLength += count;
  }
  const end = offset + headerLength + length;
  if (end > buffer.length) throw malformedAt(`an element of ${length} bytes runs past the end (${buffer.length - offset - headerLength} left)`, offset);
  return { tag, raw: buffer.subarray(offset, end), content: buffer.subarray(offset + headerLength, end), ...(ber && { ber }) };
}

/** BER: the content runs up to the end-of-contents octets (00 00) that close this element. */
function readIndefinite(buffer: Buffer, offset: number, tag: number, ber: boolean, depth: number): Node {
  if (!ber) throw malformedAt('an indefinite length (BER) where DER is required', offset);
  if (!(tag & 0x20)) throw malformedAt('an indefinite length on a primitive element', offset);
  if (depth >= MAX_INDEFINITE_DEPTH) throw malformedAt(`indefinite lengths nested more than ${MAX_INDEFINITE_DEPTH} deep`, offset);
  const start = offset + 2;
  let position = start;
  for (;;) {
    if (position + 2 > buffer.length) throw malformedAt('an indefinite-length element without its end-of-contents octets', offset);
    if (buffer[position] === 0 && buffer[position + 1] === 0)
      return { tag, raw: buffer.subarray(offset, position + 2), content: buffer.subarray(start, position), ber: true };
    position += readAt(buffer, position, true, depth + 1).raw.length;
  }
}

/** The elements inside a constructed element. */
export function children(node: Node): Node[] {
  const items: Node[] = [];
  for (let offset = 0; offset < node.content.length;) {
    const item = readAt(node.content, offset, node.ber === true, 0);
    if (item.tag === 0 && node.ber) throw malformedAt('stray end-of-contents octets', offset);
    items.push(item);
    offset += item.raw.length;
  }
  return items;
}

/** An OCTET STRING's bytes, also when BER splits it into a constructed string of pieces. */
export function readOctets(node: Node): Buffer {
  if (!(node.tag & 0x20)) return node.content;
  const pieces: Buffer[] = [];
  const collect = (parent: Node, depth: number) => {
    if (depth > MAX_INDEFINITE_DEPTH) throw new CertError('Malformed', 'Malformed DER: a constructed OCTET STRING nested too deep.');
    for (const piece of children(parent)) if (piece.tag & 0x20) collect(piece, depth + 1); else pieces.push(piece.content);
  };
  collect(node, 0);
  return Buffer.concat(pieces);
}

export function readOid(node: Node): string {
  if (node.tag !== Tag.Oid || !node.content.length) throw new CertError('Malformed', 'Malformed DER: expected an OBJECT IDENTIFIER.');
  const parts: number[] = [];
  let value = 0;
  for (const byte of node.content) {
    value = value * 128 + (byte & 0x7f);
    if (byte & 0x80) continue;
    if (parts.length) parts.push(value);
    else { const first = Math.min(Math.floor(value / 40), 2); parts.push(first, value - 40 * first); }   // X.690 8.19.4: 2.Y from 80 up
    value = 0;
  }
  return parts.join('.');
}

export function readString(node: Node): string {
  if (node.tag === Tag.BmpString) {
    if (node.content.length % 2) throw new CertError('Malformed', 'Malformed DER: a BMPString of an odd number of bytes.');
    return Buffer.from(node.content).swap16().toString('utf16le');
  }
  return node.content.toString(node.tag === Tag.Utf8String ? 'utf8' : 'latin1');
}

/** A positive INTEGER's magnitude, when minimally encoded (as DER requires and OpenSSL insists); else undefined. */
export function readPositiveInteger(node: Node | undefined): Buffer | undefined {
  if (node?.tag !== Tag.Integer || !node.content.length || node.content[0]! & 0x80) return undefined;
  if (node.content[0] === 0 && (node.content.length === 1 || !(node.content[1]! & 0x80))) return undefined;
  return node.content[0] === 0 ? node.content.subarray(1) : node.content;
}

export function readInteger(node: Node): bigint {
  return node.content.length ? BigInt('0x' + node.content.toString('hex')) : 0n;
}

/** A BIT STRING's bytes without the unused-bits count. */
export const readBitString = (node: Node): Buffer => node.content.subarray(1);
