// PEM armour: base64 in 64-character lines between BEGIN/END labels. Bundle reading (several
// certificates, PKCS#7, detection by content) lives in pem.ts; this is only the text form.

import { CertError } from '../errors.js';

export function toPem(label: string, der: Buffer): string {
  const base64 = der.toString('base64');
  const lines: string[] = [`-----BEGIN ${label}-----`];
  let at = 0;
  do lines.push(base64.slice(at, (at += 64))); while (at < base64.length);
  lines.push(`-----END ${label}-----`, '');
  return lines.join('\n');
}

export interface PemBlock { label: string; der: Buffer }

export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  const pattern = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  for (const match of text.matchAll(pattern))
    blocks.push({ label: match[1]!, der: Buffer.from(match[2]!.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64') });
  return blocks;
}

/** The first block with one of the labels; Malformed when there is none. */
export function fromPem(text: string, ...labels: string[]): Buffer {
  const block = pemBlocks(text).find((b) => labels.includes(b.label));
  if (!block) throw new CertError('Malformed', `No PEM block labelled ${labels.join(' or ')} found.`);
  return block.der;
}

export interface StrictPemBlock extends PemBlock {
  /** The block as written, RFC 1421 headers included (an encrypted traditional key needs its DEK-Info). */
  text: string;
  /** Proc-Type: 4,ENCRYPTED: an OpenSSL traditional key under a password. */
  encrypted: boolean;
}

const BEGIN = /-----BEGIN ([^-\r\n]{1,64})-----/g;

/**
 * Every block of a file a user gave us, checked: each BEGIN has its END with the same label, and
 * the body is base64 (after RFC 1421 headers). Text outside blocks is ignored, as OpenSSL does.
 */
export function readPemBlocks(text: string): StrictPemBlock[] {
  const blocks: StrictPemBlock[] = [];
  for (const begin of text.matchAll(BEGIN)) {
    const label = begin[1]!, bodyStart = begin.index! + begin[0].length;
    const end = text.indexOf('-----END ', bodyStart);
    const nextBegin = text.indexOf('-----BEGIN ', bodyStart);
    if (end < 0 || (nextBegin >= 0 && nextBegin < end))
      throw new CertError('Malformed', `The PEM block '${label}' has no END line: the file is truncated or damaged.`);
    const endLine = /^-----END ([^-\r\n]{1,64})-----/.exec(text.slice(end));
    if (endLine?.[1] !== label)
      throw new CertError('Malformed', `The PEM block that begins as '${label}' ends as '${endLine?.[1] ?? '?'}': the file is damaged or mislabelled.`);
    blocks.push(decodeBody(label, text.slice(bodyStart, end), text.slice(begin.index!, end + endLine[0].length)));
  }
  return blocks;
}

function decodeBody(label: string, body: string, text: string): StrictPemBlock {
  const lines = body.split(/\r?\n|\r/).map((line) => line.trim()).filter(Boolean);
  const headers = lines.filter((line) => /^[A-Za-z-]+:/.test(line));
  const base64 = lines.filter((line) => !/^[A-Za-z-]+:/.test(line)).join('');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 === 1)
    throw new CertError('Malformed', `The PEM block '${label}' is not valid base64: the file is damaged.`);
  const der = Buffer.from(base64, 'base64');
  if (!der.length) throw new CertError('Malformed', `The PEM block '${label}' is empty.`);
  return { label, der, text, encrypted: headers.some((h) => /^Proc-Type:\s*4,ENCRYPTED/i.test(h)) };
}
