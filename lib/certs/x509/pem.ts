// Reading certificate files whatever their extension says: PEM text (one or many blocks, keys
// and requests too), a DER certificate, a PKCS#7 bundle (.p7b, PEM or DER) or a PFX, told
// apart by content. Writing PEM chains and .p7b bundles. PFX contents are pkcs12.ts's job;
// here a PFX is only recognised.

import { CertError } from '../errors.js';
import * as der from './der.js';
import { pemBlocks, toPem } from './pem-text.js';

export { toPem, pemBlocks, fromPem } from './pem-text.js';

const SIGNED_DATA = '1.2.840.113549.1.7.2';
const DATA = '1.2.840.113549.1.7.1';

export type BundleKind = 'pem' | 'der' | 'pkcs7' | 'pkcs12' | 'csr';

export interface Bundle {
  kind: BundleKind;
  /** Certificates in file order, as DER. */
  certificates: Buffer[];
  /** Private keys found in PEM text, as PEM (createPrivateKey reads every variant). */
  privateKeys: string[];
  /** A certificate request (PKCS#10), as DER. */
  request?: Buffer;
}

const PRIVATE_KEY_LABELS = ['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'ENCRYPTED PRIVATE KEY'];

export function readBundle(bytes: Buffer): Bundle {
  const text = bytes.subarray(0, 65536).toString('latin1');
  if (text.includes('-----BEGIN ')) return readPemText(bytes.toString('latin1'));
  return readDer(bytes);
}

function readPemText(text: string): Bundle {
  const bundle: Bundle = { kind: 'pem', certificates: [], privateKeys: [] };
  for (const block of pemBlocks(text)) {
    if (block.label === 'CERTIFICATE' || block.label === 'X509 CERTIFICATE' || block.label === 'TRUSTED CERTIFICATE')
      bundle.certificates.push(firstElement(block.der));
    else if (block.label === 'PKCS7') { bundle.kind = 'pkcs7'; bundle.certificates.push(...pkcs7Certificates(block.der)); }
    else if (block.label === 'CERTIFICATE REQUEST' || block.label === 'NEW CERTIFICATE REQUEST') {
      bundle.request = block.der;
      if (!bundle.certificates.length) bundle.kind = 'csr';
    } else if (PRIVATE_KEY_LABELS.includes(block.label))
      bundle.privateKeys.push(toPem(block.label, block.der));
  }
  if (!bundle.certificates.length && !bundle.request && !bundle.privateKeys.length)
    throw new CertError('Malformed', 'The file holds no certificate, request or key in PEM form.');
  return bundle;
}

/** A TRUSTED CERTIFICATE block appends OpenSSL trust settings after the certificate. */
const firstElement = (bytes: Buffer): Buffer => Buffer.from(der.read(bytes).raw);

function readDer(bytes: Buffer): Bundle {
  const top = der.read(bytes);
  const items = der.children(top);
  if (items[0]?.tag === der.Tag.Oid && der.readOid(items[0]) === SIGNED_DATA)
    return { kind: 'pkcs7', certificates: pkcs7Certificates(bytes), privateKeys: [] };
  if (items[0]?.tag === der.Tag.Integer && items[0].content.equals(Buffer.from([3])) && items.length >= 2)
    return { kind: 'pkcs12', certificates: [], privateKeys: [] };
  if (items[0]?.tag === der.Tag.Sequence && der.children(items[0])[0]?.tag === der.Tag.Integer
      && der.children(items[0])[0]!.content.equals(Buffer.from([0])) && items.length === 3)
    return { kind: 'csr', certificates: [], privateKeys: [], request: Buffer.from(top.raw) };
  if (items.length === 3 && items[0]?.tag === der.Tag.Sequence)
    return { kind: 'der', certificates: [Buffer.from(top.raw)], privateKeys: [] };
  throw new CertError('Malformed', 'The file is not a certificate, PKCS#7 bundle, PFX or request.');
}

/** certificates [0] IMPLICIT SET OF Certificate inside SignedData. */
function pkcs7Certificates(bytes: Buffer): Buffer[] {
  const [type, content] = der.children(der.read(bytes));
  if (der.readOid(type!) !== SIGNED_DATA) throw new CertError('Unsupported', 'Only PKCS#7 SignedData bundles are read.');
  const signedData = der.children(der.children(content!)[0]!);
  const certificates = signedData.find((node) => node.tag === 0xa0);
  return certificates ? der.children(certificates).map((node) => Buffer.from(node.raw)) : [];
}

/** A degenerate SignedData (no signers) holding the certificates: a .p7b. */
export function writePkcs7(certificates: Buffer[]): Buffer {
  const signedData = der.sequence(der.integer(1), der.set(), der.sequence(der.oid(DATA)),
    der.implicitConstructed(0, Buffer.concat(certificates)), der.set());
  return der.sequence(der.oid(SIGNED_DATA), der.explicit(0, signedData));
}

export const certificatesToPem = (certificates: Buffer[]): string =>
  certificates.map((certificate) => toPem('CERTIFICATE', certificate)).join('');
