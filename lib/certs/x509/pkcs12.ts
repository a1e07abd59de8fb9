// PFX / PKCS#12 files: reading a password-protected file into its private keys, certificates and
// friendly names, whatever wrote it (Windows, OpenSSL 1.x/3.x, Java keytool, NSS, GnuTLS; see
// corpora/pkcs12). The container is walked with our DER reader in BER mode (Java and NSS write
// indefinite lengths) and decrypted with Node's crypto, so EC keys work too. The MAC is checked
// before anything is trusted: a MAC that fails is a wrong password, unless the password still
// decrypts the contents, which means the file was altered. Writing is pkcs12-write.ts's job.

import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { CertError } from '../errors.js';
import * as der from './der.js';
import { decrypt, macMatches, Pkcs12Password, prefetch, type Encryption } from './pkcs12-crypto.js';
import { PKCS12_OID as OIDS } from './pkcs12-oids.js';

export type { Encryption };
export { writePkcs12, type WritePkcs12Options } from './pkcs12-write.js';

export interface Pkcs12Contents {
  /** The first key that has its certificate in the file (else the first key). */
  privateKey?: KeyObject;
  /** Every private key, in file order. */
  privateKeys: KeyObject[];
  /** The certificate matching `privateKey` first, then the rest in file order. */
  certificates: Buffer[];
  /** The friendlyName of each certificate, in the order of `certificates`. */
  friendlyNames: (string | undefined)[];
  /** The friendly name of `privateKey`'s certificate (or of the key). */
  friendlyName?: string;
}

interface Attributes { friendlyName?: string; localKeyId?: string }
interface Found { keys: (Attributes & { key: KeyObject })[]; certificates: (Attributes & { der: Buffer })[] }
/** A piece of the authenticated safe: plain bags, or ciphertext to open with the password. */
type Unit = { bags: der.Node[] } | { algorithm: der.Node; data: Buffer };

/** Safe contents inside safe contents: real files use one level. */
const MAX_NESTING = 4;

const malformed = (why: string, cause?: unknown) => new CertError('Malformed', `Not a valid PFX file: ${why}.`, { cause });

export async function readPkcs12(file: Buffer, password: string): Promise<Pkcs12Contents> {
  try {
    return await readContainer(file, new Pkcs12Password(password));
  } catch (error) {
    if (error instanceof CertError) throw error;
    throw malformed('its structure is damaged', error);   // a missing field met as undefined
  }
}

async function readContainer(file: Buffer, password: Pkcs12Password): Promise<Pkcs12Contents> {
  const [version, authSafe, macData] = der.children(der.read(file, 0, { ber: true }));
  if (version?.tag !== der.Tag.Integer || der.readInteger(version) !== 3n || authSafe?.tag !== der.Tag.Sequence)
    throw malformed('not a version 3 PFX');
  const [contentType, wrapped] = der.children(authSafe);
  const type = der.readOid(contentType!);
  if (type === OIDS.signedData) throw new CertError('Unsupported', 'PFX files protected by a public key rather than a password are not supported.');
  if (type !== OIDS.data || !wrapped) throw malformed(`authenticated safe of type ${type}`);
  const authSafeBytes = der.readOctets(der.children(wrapped)[0]!);
  const units = der.children(der.read(authSafeBytes, 0, { ber: true })).map(unitOf);
  for (const unit of units) startDerivations(unit, password);
  if (macData) await checkMac(macData, authSafeBytes, units, password);
  const verified = macData !== undefined;
  const found: Found = { keys: [], certificates: [] };
  const opened = await Promise.all(units.map((unit) => openUnit(unit, password, verified)));
  for (const bags of opened) await readBags(bags, { password, verified, found }, 0);
  return orderContents(found);
}

function unitOf(contentInfo: der.Node): Unit {
  const [type, content] = der.children(contentInfo);
  const oid = der.readOid(type!);
  if (oid === OIDS.data) return { bags: der.children(der.read(der.readOctets(der.children(content!)[0]!), 0, { ber: true })) };
  if (oid !== OIDS.encryptedData) throw new CertError('Unsupported', `PFX content of type ${oid} is not supported (public-key encrypted).`);
  const [, encryptedContentInfo] = der.children(der.children(content!)[0]!);
  const [, algorithm, encrypted] = der.children(encryptedContentInfo!);
  if (!algorithm || !encrypted) throw malformed('encrypted content without its algorithm or data');
  // encryptedContent [0] IMPLICIT OCTET STRING: primitive (0x80) or, in BER, constructed (0xa0)
  return { algorithm, data: der.readOctets(encrypted) };
}

/** The encrypted pieces in sight before decrypting anything: encrypted safes and shrouded keys in plain ones. */
function ciphertexts(unit: Unit): { algorithm: der.Node; data: Buffer }[] {
  if ('algorithm' in unit) return [unit];
  return unit.bags.flatMap((bag) => {
    const [bagId, value] = der.children(bag);
    if (!bagId || !value || der.readOid(bagId) !== OIDS.shroudedKeyBag) return [];
    const [algorithm, data] = der.children(der.children(value)[0]!);
    return algorithm && data ? [{ algorithm, data: data.content }] : [];
  });
}

/** PBKDF2 of every encrypted piece in sight starts on the thread pool while the MAC is computed here. */
function startDerivations(unit: Unit, password: Pkcs12Password): void {
  for (const { algorithm } of ciphertexts(unit)) prefetch(algorithm, password);
}

async function checkMac(macData: der.Node, authSafe: Buffer, units: Unit[], password: Pkcs12Password): Promise<void> {
  if (await macMatches(macData, authSafe, password)) return;
  // A wrong password, or a right one on an altered file: only decrypting tells them apart.
  const encrypted = units.flatMap(ciphertexts)[0];
  const opens = encrypted && await decrypt(encrypted.algorithm, encrypted.data, password).then(() => true, () => false);
  if (opens) throw malformed('the MAC does not match although the password decrypts the contents, so the file was altered or damaged');
  throw new CertError('WrongPassword', 'The password is not correct for this PFX file (MAC verification failed).',
    { hint: 'Give the password the file was exported with (-Password); for a file without one, give an empty password.' });
}

async function openUnit(unit: Unit, password: Pkcs12Password, macVerified: boolean): Promise<der.Node[]> {
  if ('bags' in unit) return unit.bags;
  return der.children(der.read(await decryptVerified(unit.algorithm, unit.data, password, macVerified), 0, { ber: true }));
}

/** Once the MAC has proved the password, content that will not decrypt is damage, not a wrong password. */
async function decryptVerified(algorithm: der.Node, data: Buffer, password: Pkcs12Password, macVerified: boolean): Promise<Buffer> {
  try { return await decrypt(algorithm, data, password); } catch (error) {
    if (macVerified && error instanceof CertError && error.code === 'WrongPassword')
      throw malformed('the MAC matches the password, but part of the contents does not decrypt with it', error);
    throw error;
  }
}

interface Reading { password: Pkcs12Password; verified: boolean; found: Found }

async function readBags(bags: der.Node[], reading: Reading, depth: number): Promise<void> {
  const { found } = reading;
  for (const bag of bags) {
    const [bagId, value, attributes] = der.children(bag);
    const oid = der.readOid(bagId!);
    const inner = der.children(value!)[0]!;
    if (oid === OIDS.certBag) readCertificateBag(inner, readAttributes(attributes), found);
    else if (oid === OIDS.keyBag || oid === OIDS.shroudedKeyBag) {
      const pkcs8 = oid === OIDS.keyBag ? inner.raw
        : await decryptVerified(der.children(inner)[0]!, der.children(inner)[1]!.content, reading.password, reading.verified);
      found.keys.push({ key: privateKeyOf(pkcs8), ...readAttributes(attributes) });
    } else if (oid === OIDS.safeContentsBag) {
      if (depth >= MAX_NESTING) throw malformed(`safe contents nested more than ${MAX_NESTING} deep`);
      await readBags(der.children(inner), reading, depth + 1);
    }   // CRL and secret bags carry nothing a certificate store keeps
  }
}

function readCertificateBag(inner: der.Node, attributes: Attributes, found: Found): void {
  const [certType, certValue] = der.children(inner);
  if (der.readOid(certType!) !== OIDS.x509Certificate) return;   // SDSI certificates: none in use
  found.certificates.push({ der: Buffer.from(der.readOctets(der.children(certValue!)[0]!)), ...attributes });
}

function privateKeyOf(pkcs8: Buffer): KeyObject {
  try { return createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }); } catch (error) {
    throw malformed(`a private key that cannot be read (${(error as Error).message})`, error);
  }
}

function readAttributes(node: der.Node | undefined): Attributes {
  const result: Attributes = {};
  for (const attribute of node ? der.children(node) : []) {
    const [type, values] = der.children(attribute);
    const value = values && der.children(values)[0];
    const oid = der.readOid(type!);
    // Windows writes the name as a C string: the terminating NUL is not part of it.
    if (oid === OIDS.friendlyName && value) result.friendlyName = der.readString(value).replace(/\0+$/, '');
    if (oid === OIDS.localKeyId && value) result.localKeyId = value.content.toString('hex');
  }
  return result;
}

/** The first key whose certificate is in the file leads; its certificate comes first. */
function orderContents(found: Found): Pkcs12Contents {
  const certificateOf = (key: Found['keys'][number]) => found.certificates.find((c) =>
    (key.localKeyId !== undefined && c.localKeyId === key.localKeyId) || matchesKey(c.der, key.key));
  const lead = found.keys.find((key) => certificateOf(key)) ?? found.keys[0];
  const leaf = lead && certificateOf(lead);
  const ordered = leaf ? [leaf, ...found.certificates.filter((c) => c !== leaf)] : found.certificates;
  return {
    ...(lead && { privateKey: lead.key }),
    privateKeys: found.keys.map((k) => k.key),
    certificates: ordered.map((c) => c.der),
    friendlyNames: ordered.map((c) => c.friendlyName ?? (c === leaf ? lead?.friendlyName : undefined)),
    friendlyName: leaf?.friendlyName ?? lead?.friendlyName,
  };
}

function matchesKey(certificate: Buffer, key: KeyObject): boolean {
  try { return new X509Certificate(certificate).checkPrivateKey(key); } catch { return false; }
}
