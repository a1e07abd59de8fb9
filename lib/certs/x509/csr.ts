// PKCS#10 certificate requests (RFC 2986): built with our DER writer, signed natively with the
// request's own key, and parsed back with the signature checked, so the CA and an offline
// request's file share one format. Every CSR built here passes `openssl req -verify`.

import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { CertError } from '../errors.js';
import * as der from './der.js';
import * as ext from './extensions.js';
import { spkiDer, signStructure, type KeyPair } from './keys.js';
import { encodeName, formatName, commonNameOf, type SubjectFields } from './names.js';
import { OID, SIGNATURE_HASH } from './oids.js';
import { toPem, fromPem } from './pem-text.js';

export interface CsrOptions {
  subject: SubjectFields;
  sans: string[];
  keyPair: KeyPair;
  /** Adds clientAuth beside serverAuth (the cmdlets' -ClientEKU). */
  clientEku?: boolean;
  /**
   * An AD CS template name (e.g. WebServer), carried as Microsoft's certificate-type extension so an
   * enterprise CA given the request file answers with that template (it refuses a request naming none).
   */
  template?: string;
}

/** szOID_ENROLL_CERTTYPE_EXTENSION: the template's name as a BMPString. */
export const CERTIFICATE_TEMPLATE_NAME_OID = '1.3.6.1.4.1.311.20.2';

/** The extensions a server certificate request asks for. */
function requestedExtensions(options: CsrOptions, publicKey: KeyObject): ext.Extension[] {
  const rsa = publicKey.asymmetricKeyType === 'rsa';
  const list = [
    ext.keyUsage(rsa ? ['digitalSignature', 'keyEncipherment'] : ['digitalSignature', 'keyAgreement']),
    ext.extKeyUsage(options.clientEku ? [OID.serverAuth, OID.clientAuth] : [OID.serverAuth]),
  ];
  if (options.sans.length) list.unshift(ext.subjectAltName(options.sans));
  if (options.template) list.push({ oid: CERTIFICATE_TEMPLATE_NAME_OID, critical: false, value: der.bmp(options.template) });
  return list;
}

export const createCsr = (options: CsrOptions): Buffer => buildCsr(options).der;

/**
 * Builds and signs a CSR, and returns it as parseCsr would: a CA in this process can take it
 * without parsing it back or checking a signature just made.
 */
export function buildCsr(options: CsrOptions): ParsedCsr {
  const { publicKey, privateKey } = options.keyPair;
  const extensions = requestedExtensions(options, publicKey);
  const extensionRequest = der.sequence(der.oid(OID.extensionRequest), der.set(ext.encodeExtensions(extensions)));
  const subjectDer = encodeName(options.subject), spki = spkiDer(publicKey);
  const san = extensions.find((e) => e.oid === OID.subjectAltName);
  const info = der.sequence(der.integer(0), subjectDer, spki, der.implicitConstructed(0, extensionRequest));
  const subject = der.read(subjectDer);
  return { der: signStructure(info, privateKey), subject: formatName(subject), commonName: commonNameOf(subject), subjectDer,
    sans: san ? ext.decodeSubjectAltName(san.value) : [], ekus: options.clientEku ? [OID.serverAuth, OID.clientAuth] : [OID.serverAuth],
    spki, publicKey };
}

export const csrToPem = (csrDer: Buffer): string => toPem('CERTIFICATE REQUEST', csrDer);

export interface ParsedCsr {
  der: Buffer;
  /** Windows form, e.g. `CN=pool1.litwareinc.com, O=Litware`. */
  subject: string;
  commonName?: string;
  /** The Name exactly as encoded, for copying into a certificate. */
  subjectDer: Buffer;
  sans: string[];
  ekus: string[];
  spki: Buffer;
  publicKey: KeyObject;
}

/** Parses a CSR (PEM or DER) and checks its signature; a bad one is Malformed. */
export function parseCsr(input: Buffer | string): ParsedCsr {
  const bytes = typeof input === 'string' || input.subarray(0, 11).toString() === '-----BEGIN '
    ? fromPem(input.toString(), 'CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST') : input;
  try {
    const [info, algorithm, signature] = der.children(der.read(bytes));
    const [, subject, spki, attributes] = der.children(info!);
    const publicKey = createPublicKey({ key: spki!.raw, format: 'der', type: 'spki' });
    const hash = SIGNATURE_HASH[der.readOid(der.children(algorithm!)[0]!)];
    if (!hash || !verify(hash, info!.raw, publicKey, der.readBitString(signature!)))
      throw new CertError('Malformed', 'The certificate request signature does not verify.');
    const extensions = attributes ? requestedExtensionsOf(attributes) : [];
    const san = extensions.find((e) => e.oid === OID.subjectAltName);
    const eku = extensions.find((e) => e.oid === OID.extKeyUsage);
    return {
      der: bytes, subject: formatName(subject!), commonName: commonNameOf(subject!), subjectDer: subject!.raw,
      sans: san ? ext.decodeSubjectAltName(san.value) : [], ekus: eku ? ext.decodeExtKeyUsage(eku.value) : [],
      spki: spki!.raw, publicKey,
    };
  } catch (error) {
    if (error instanceof CertError) throw error;
    throw new CertError('Malformed', `Not a valid certificate request: ${(error as Error).message}`, { cause: error });
  }
}

function requestedExtensionsOf(attributes: der.Node): ext.Extension[] {
  for (const attribute of der.children(attributes)) {
    const [type, values] = der.children(attribute);
    if (der.readOid(type!) === OID.extensionRequest) return ext.decodeExtensions(der.children(values!)[0]!);
  }
  return [];
}
