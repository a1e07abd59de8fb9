// PEM armour: base64 in 64-character lines between BEGIN/END labels. Bundle reading (several
// certificates, PKCS#7, detection by content) lives in pem.ts; this is only the text form.

import { CertError } from '../errors.js';

export function toPem(label: string, der: Buffer): string {
  const base64 = der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${base64}\n-----END ${label}-----\n`;
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
