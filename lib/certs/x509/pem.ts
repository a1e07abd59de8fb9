// Reading certificate files whatever their extension says: PEM text (one or many blocks, keys
// and requests too), a DER certificate, a PKCS#7 bundle (.p7b, PEM or DER) or a PFX, told
// apart by content. Writing PEM chains and .p7b bundles. PFX contents are pkcs12.ts's job;
// here a PFX is only recognised.

import { CertError } from '../errors.js';
import * as der from './der.js';
import { readPemBlocks, toPem } from './pem-text.js';

export { toPem, pemBlocks, fromPem } from './pem-text.js';

const SIGNED_DATA = '1.2.840.113549.1.7.2';
const DATA = '1.2.840.113549.1.7.1';

export type BundleKind = 'pem' | 'der' | 'pkcs7' | 'pkcs12' | 'csr';

export interface Bundle {
  kind: BundleKind;
  /** Certificates in file order, as DER. */
  certificates: Buffer[];
  /** Private keys found in PEM text, as the PEM blocks were written (createPrivateKey reads every variant). */
  privateKeys: string[];
  /** Which of `privateKeys` are under a password (ENCRYPTED PRIVATE KEY, or Proc-Type: 4,ENCRYPTED). */
  encryptedKeys?: boolean[];
  /** A certificate request (PKCS#10), as DER. */
  request?: Buffer;
}

const CERTIFICATE_LABELS = ['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE'];
const PRIVATE_KEY_LABELS = ['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'ENCRYPTED PRIVATE KEY'];
const REQUEST_LABELS = ['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST'];
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The file as text when it is PEM: a UTF-8 byte-order mark, or UTF-16 as Notepad saves "Unicode", is allowed. */
function pemText(bytes: Buffer): string | undefined {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = bytes.subarray(2).toString('utf16le');
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = Buffer.from(bytes.subarray(2, bytes.length & ~1)).swap16().toString('utf16le');
  else text = (bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes).toString('latin1');
  return text.slice(0, 65536).includes('-----BEGIN ') ? text : undefined;
}

export function readBundle(bytes: Buffer): Bundle {
  const text = pemText(bytes);
  return text === undefined ? readDer(bytes) : readPemText(text);
}

function readPemText(text: string): Bundle {
  const bundle: Bundle = { kind: 'pem', certificates: [], privateKeys: [], encryptedKeys: [] };
  for (const block of readPemBlocks(text)) {
    if (CERTIFICATE_LABELS.includes(block.label)) bundle.certificates.push(firstElement(block.der, block.label));
    else if (block.label === 'PKCS7') { bundle.kind = 'pkcs7'; bundle.certificates.push(...pkcs7Certificates(block.der)); }
    else if (REQUEST_LABELS.includes(block.label)) {
      bundle.request = block.der;
      if (!bundle.certificates.length) bundle.kind = 'csr';
    } else if (PRIVATE_KEY_LABELS.includes(block.label)) {
      bundle.privateKeys.push(block.text);
      bundle.encryptedKeys!.push(block.encrypted || block.label === 'ENCRYPTED PRIVATE KEY');
    }
  }
  if (bundle.kind === 'pem' && !bundle.certificates.length && !bundle.request && !bundle.privateKeys.length)
    throw new CertError('Malformed', 'The file holds no certificate, request or key in PEM form.');
  return bundle;
}

/** A TRUSTED CERTIFICATE block appends OpenSSL trust settings after the certificate. */
function firstElement(bytes: Buffer, label: string): Buffer {
  try { return Buffer.from(der.read(bytes).raw); } catch (error) {
    throw new CertError('Malformed', `The PEM block '${label}' does not hold a certificate: ${(error as Error).message}`, { cause: error });
  }
}

function readDer(bytes: Buffer): Bundle {
  const top = der.read(bytes, 0, { ber: true });
  const items = der.children(top);
  if (items[0]?.tag === der.Tag.Oid && der.readOid(items[0]) === SIGNED_DATA)
    return { kind: 'pkcs7', certificates: pkcs7Certificates(bytes), privateKeys: [] };
  if (items[0]?.tag === der.Tag.Integer && items[0].content.equals(Buffer.from([3])) && items.length >= 2)
    return { kind: 'pkcs12', certificates: [], privateKeys: [] };
  if (bytes[1] === 0x80) throw new CertError('Malformed', 'The file uses BER indefinite lengths, which only PKCS#7 and PFX files may.');
  if (items[0]?.tag === der.Tag.Sequence && der.children(items[0])[0]?.tag === der.Tag.Integer
      && der.children(items[0])[0]!.content.equals(Buffer.from([0])) && items.length === 3)
    return { kind: 'csr', certificates: [], privateKeys: [], request: Buffer.from(top.raw) };
  if (items.length === 3 && items[0]?.tag === der.Tag.Sequence)
    return { kind: 'der', certificates: [Buffer.from(top.raw)], privateKeys: [] };
  throw new CertError('Malformed', 'The file is not a certificate, PKCS#7 bundle, PFX or request.');
}

/** certificates [0] IMPLICIT SET OF Certificate inside SignedData. */
function pkcs7Certificates(bytes: Buffer): Buffer[] {
  const [type, content] = der.children(der.read(bytes, 0, { ber: true }));
  if (der.readOid(type!) !== SIGNED_DATA) throw new CertError('Unsupported', 'Only PKCS#7 SignedData bundles are read.');
  const signedData = content && der.children(content)[0];
  if (signedData?.tag !== der.Tag.Sequence) throw new CertError('Malformed', 'The PKCS#7 bundle has no SignedData content.');
  const certificates = der.children(signedData).find((node) => node.tag === 0xa0);
  return certificates ? der.children(certificates).filter((node) => node.tag === der.Tag.Sequence).map((node) => Buffer.from(node.raw)) : [];
}

/** A degenerate SignedData (no signers) holding the certificates: a .p7b. */
export function writePkcs7(certificates: Buffer[]): Buffer {
  const signedData = der.sequence(der.integer(1), der.set(), der.sequence(der.oid(DATA)),
    der.implicitConstructed(0, Buffer.concat(certificates)), der.set());
  return der.sequence(der.oid(SIGNED_DATA), der.explicit(0, signedData));
}

export const certificatesToPem = (certificates: Buffer[]): string =>
  certificates.map((certificate) => toPem('CERTIFICATE', certificate)).join('');
