// A certificate read once for validation: every field and extension the rules look at, decoded
// from the DER with our own reader (Node's X509Certificate hides name constraints, AKI, pathLen
// and criticality) plus the native X509Certificate for signatures and OpenSSL's verdict on the
// form. A certificate this process built (the embedded CA's answer being judged for the status)
// skips the native parse: its form is our DER writer's and its signer is known. Decoding never
// throws: what cannot be read becomes a `defects` entry, so one odd certificate is a problem,
// not a crash. Imports Node built-ins and lib/certs/x509 only.

import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { signerOfBuilt } from '../x509/certificate.js';
import * as der from '../x509/der.js';
import { formatAttributes, nameAttributes, type NameAttribute } from '../x509/names.js';
import { recentX509Of, thumbprintOf } from '../x509/parse.js';
import { publicKeyFacts } from '../x509/public-key-facts.js';
import { decodeKnownExtensions, type DecodedExtensions, type RawExtension } from './extension-decoders.js';

/** Where a certificate of a path came from; 'Response': sent by the CA with its answer, in no store. */
export type CertificateSource = 'Leaf' | 'CA' | 'Root' | 'Given' | 'Fetched' | 'Response';

export interface KeyFacts { type: string; bits: number; curve?: string }

export interface CertificateModel extends DecodedExtensions {
  der: Buffer;
  x509?: X509Certificate;
  thumbprint: string;
  subject: string;
  issuer: string;
  subjectRaw: Buffer;
  issuerRaw: Buffer;
  /** The SubjectPublicKeyInfo as encoded. */
  spki: Buffer;
  /** Built by this process: the SPKI of the key that signed it (then there is no x509). */
  signedBy?: Buffer;
  /** The subject's CN values, in encoded order. */
  commonNames: string[];
  /** Number of RDNs: 0 is an empty name. */
  subjectRdnCount: number;
  issuerRdnCount: number;
  version: number;
  serial: Buffer;
  tbsSignatureAlgorithm: Buffer;
  outerSignatureAlgorithm: Buffer;
  signatureOid: string;
  notBefore: Date;
  notAfter: Date;
  key?: KeyFacts;
  extensions: RawExtension[];
  /** Subject and issuer encode the same name: a self-issued (perhaps re-keyed) CA certificate. */
  selfIssued: boolean;
  /** Self-issued and verified by its own key: a root. */
  selfSigned: boolean;
  /** An EC key given with explicit curve parameters instead of a named curve. */
  explicitCurve: boolean;
  /** Why parts of the certificate could not be read. */
  defects: string[];
}

/** DER UTCTime / GeneralizedTime → Date (RFC 5280 §4.1.2.5: two-digit years < 50 are 20xx). */
function readTime(node: der.Node): Date {
  const text = node.content.toString('latin1');
  const full = node.tag === der.Tag.UtcTime ? (Number(text.slice(0, 2)) < 50 ? '20' : '19') + text : text;
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(full);
  if (!m) throw new Error(`unreadable time '${text}'`);
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

/** As X509Certificate's public key reports them; read from the DER when that is certain (OpenSSL's decoder is slow). */
function keyFacts(x509: X509Certificate, spki: der.Node): KeyFacts {
  const read = publicKeyFacts(spki);
  if (read) return { type: read.type, bits: read.modulusLength ?? 0, curve: read.namedCurve };
  const key = x509.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  return { type: String(key.asymmetricKeyType), bits: details.modulusLength ?? 0, curve: details.namedCurve };
}

function decodeExtensionList(wrapper: der.Node | undefined, defects: string[]): RawExtension[] {
  if (!wrapper) return [];
  try {
    const [sequence] = der.children(wrapper);
    return der.children(sequence!).map((node) => {
      const parts = der.children(node);
      const critical = parts.length === 3 && parts[1]!.tag === der.Tag.Boolean && parts[1]!.content[0] !== 0;
      return { oid: der.readOid(parts[0]!), critical, value: parts[parts.length - 1]!.content };
    });
  } catch (error) { defects.push(`extensions: ${(error as Error).message}`); return []; }
}

const rdnCount = (name: der.Node) => der.children(name).length;

// Store certificates are judged again and again (every usage, every status page): parsing and the
// self-signature check cost ~0.3 ms per certificate, so models are kept by thumbprint.
const cache = new Map<string, CertificateModel>();
const CACHE_SIZE = 512;

/** Reads everything; a certificate whose outer structure is unreadable throws (the caller reports it as Malformed). */
export function modelCertificate(certificateDer: Buffer): CertificateModel {
  const thumbprint = thumbprintOf(certificateDer);
  const known = cache.get(thumbprint);
  if (known) return known;
  const model = readModel(certificateDer, thumbprint);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(thumbprint, model);
  return model;
}

function readModel(certificateDer: Buffer, thumbprint: string): CertificateModel {
  const defects: string[] = [];
  const [tbs, outerAlgorithm] = der.children(der.read(certificateDer));
  const fields = der.children(tbs!);
  const hasVersion = fields[0]!.tag === 0xa0;
  const version = hasVersion ? Number(der.readInteger(der.children(fields[0]!)[0]!)) + 1 : 1;
  const [serial, algorithm, issuer, validity, subject, spki] = fields.slice(hasVersion ? 1 : 0);
  const [notBefore, notAfter] = der.children(validity!);
  let x509: X509Certificate | undefined;
  let key: KeyFacts | undefined;
  const signedBy = signerOfBuilt(thumbprint);
  const known = signedBy && publicKeyFacts(spki!);
  if (known) key = { type: known.type, bits: known.modulusLength ?? 0, curve: known.namedCurve };
  // The parse the store made of a certificate just added, when there was one (x509/parse.ts keeps the last few).
  else try { x509 = recentX509Of(thumbprint) ?? new X509Certificate(certificateDer); key = keyFacts(x509, spki!); } catch (error) {
    defects.push(`key or structure rejected by the crypto library: ${(error as Error).message}`);
  }
  const extensions = decodeExtensionList(fields.find((f) => f.tag === 0xa3), defects);
  const decoded = decodeKnownExtensions(extensions, defects);
  const subjectAttributes = attributesOf(subject!), issuerAttributes = attributesOf(issuer!);
  const selfIssued = subject!.raw.equals(issuer!.raw) || sameDisplay(subjectAttributes, issuerAttributes);
  return {
    der: certificateDer, x509, thumbprint, signedBy: x509 ? undefined : signedBy,
    subject: shown(subjectAttributes), issuer: shown(issuerAttributes), subjectRaw: subject!.raw, issuerRaw: issuer!.raw, spki: spki!.raw,
    commonNames: subjectAttributes?.filter((a) => a.oid === '2.5.4.3').map((a) => a.value) ?? [],
    subjectRdnCount: rdnCount(subject!), issuerRdnCount: rdnCount(issuer!), version,
    serial: serial!.content, tbsSignatureAlgorithm: algorithm!.raw, outerSignatureAlgorithm: outerAlgorithm!.raw,
    signatureOid: der.readOid(der.children(outerAlgorithm!)[0]!),
    notBefore: readTime(notBefore!), notAfter: readTime(notAfter!), key, extensions, ...decoded,
    selfIssued, selfSigned: selfIssued && (x509 ? verifiesItself(x509) : !!signedBy?.equals(spki!.raw)), explicitCurve: hasExplicitCurve(spki!), defects,
  };
}

const publicKeys = new WeakMap<CertificateModel, KeyObject>();

/** The certificate's public key, for checking what it signed. */
export function publicKeyOf(model: CertificateModel): KeyObject {
  if (model.x509) return model.x509.publicKey;
  let key = publicKeys.get(model);
  if (!key) publicKeys.set(model, (key = createPublicKey({ key: model.spki, format: 'der', type: 'spki' })));
  return key;
}

function verifiesItself(x509: X509Certificate | undefined): boolean {
  try { return !!x509 && x509.verify(x509.publicKey); } catch { return false; }
}

/** SubjectPublicKeyInfo { AlgorithmIdentifier { id-ecPublicKey, parameters }, key }: a named curve is an OID. */
function hasExplicitCurve(spki: der.Node): boolean {
  try {
    const [algorithm, parameters] = der.children(der.children(spki)[0]!);
    return der.readOid(algorithm!) === '1.2.840.10045.2.1' && parameters?.tag === der.Tag.Sequence;
  } catch { return false; }
}

/** A name's attributes, read once for its display form, its CNs and comparing it; undefined when unreadable. */
function attributesOf(name: der.Node): NameAttribute[] | undefined {
  try { return nameAttributes(name); } catch { return undefined; }
}

const shown = (attributes: NameAttribute[] | undefined) => (attributes ? formatAttributes(attributes) || '(empty name)' : '(unreadable name)');
const comparable = (attributes: NameAttribute[]) => formatAttributes(attributes).toLowerCase().replace(/\s+/g, ' ').trim();
const sameDisplay = (a: NameAttribute[] | undefined, b: NameAttribute[] | undefined) => !!a && !!b && comparable(a) === comparable(b);

/** Names compare by encoding, then case-insensitively by display form (RFC 5280 §7.1, simplified). */
export function namesEqual(a: Buffer, b: Buffer): boolean {
  if (a.equals(b)) return true;
  try { return sameDisplay(nameAttributes(der.read(a)), nameAttributes(der.read(b))); } catch { return false; }
}
