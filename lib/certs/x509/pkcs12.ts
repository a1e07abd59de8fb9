// PFX / PKCS#12 files: reading a password-protected file into its private key and certificates,
// and writing one, either modern (AES-256 under PBES2, SHA-256 MAC: OpenSSL 3's default) or
// legacy (3DES and a SHA-1 MAC, which Windows Server 2012/2016 still need). The container is
// walked with our DER reader and decrypted with Node's crypto, so EC keys work too.
// Today's limits: DER only (no BER indefinite lengths), one private key per file.

import { createPrivateKey, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import { CertError } from '../errors.js';
import * as der from './der.js';
import { thumbprintOf } from './parse.js';
import { bmpPassword, decrypt, DIGESTS, encrypt, mac, type Encryption } from './pkcs12-crypto.js';

export type { Encryption } from './pkcs12-crypto.js';

const OIDS = {
  data: '1.2.840.113549.1.7.1', encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1', shroudedKeyBag: '1.2.840.113549.1.12.10.1.2', certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1', friendlyName: '1.2.840.113549.1.9.20', localKeyId: '1.2.840.113549.1.9.21',
  sha1: '1.3.14.3.2.26', sha256: '2.16.840.1.101.3.4.2.1',
};

export interface Pkcs12Contents {
  privateKey?: KeyObject;
  /** The certificate matching the key first, then the rest in file order. */
  certificates: Buffer[];
  friendlyName?: string;
}

const malformed = (why: string) => new CertError('Malformed', `Not a valid PFX file: ${why}.`);

export function readPkcs12(file: Buffer, password: string): Pkcs12Contents {
  let pfx: der.Node[];
  try { pfx = der.children(der.read(file)); } catch { throw malformed('not DER'); }
  const [version, authSafe, macData] = pfx;
  if (!version || der.readInteger(version) !== 3n || !authSafe) throw malformed('not version 3');
  const [contentType, wrapped] = der.children(authSafe);
  if (der.readOid(contentType!) !== OIDS.data) throw new CertError('Unsupported', 'Public-key protected PFX files are not supported.');
  const authSafeBytes = der.children(wrapped!)[0]!.content;
  if (macData) verifyMac(macData, authSafeBytes, password);
  const keys: { key: KeyObject; localKeyId?: string; friendlyName?: string }[] = [];
  const certificates: { der: Buffer; localKeyId?: string }[] = [];
  for (const contentInfo of der.children(der.read(authSafeBytes))) {
    for (const bag of der.children(der.read(safeContents(contentInfo, password)))) {
      const [bagId, value, attributes] = der.children(bag);
      const inner = der.children(value!)[0]!;
      const attrs = readAttributes(attributes);
      const oid = der.readOid(bagId!);
      if (oid === OIDS.certBag) {
        const [certType, certValue] = der.children(inner);
        if (der.readOid(certType!) === OIDS.x509Certificate)
          certificates.push({ der: Buffer.from(der.children(certValue!)[0]!.content), localKeyId: attrs.localKeyId });
      } else if (oid === OIDS.keyBag || oid === OIDS.shroudedKeyBag) {
        const pkcs8 = oid === OIDS.keyBag ? inner.raw : decryptShrouded(inner, password);
        keys.push({ key: createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }), ...attrs });
      }
    }
  }
  return orderContents(keys[0], certificates);
}

function orderContents(key: { key: KeyObject; localKeyId?: string; friendlyName?: string } | undefined,
  certificates: { der: Buffer; localKeyId?: string }[]): Pkcs12Contents {
  if (!key) return { certificates: certificates.map((c) => c.der) };
  const matches = (c: { der: Buffer; localKeyId?: string }) =>
    (key.localKeyId && c.localKeyId === key.localKeyId) || new X509Certificate(c.der).checkPrivateKey(key.key);
  const leaf = certificates.find(matches);
  const rest = certificates.filter((c) => c !== leaf).map((c) => c.der);
  return { privateKey: key.key, certificates: leaf ? [leaf.der, ...rest] : rest, friendlyName: key.friendlyName };
}

/** The MAC proves the password before anything is decrypted; "" and no password both occur. */
function verifyMac(macData: der.Node, content: Buffer, password: string): void {
  const [digestInfo, saltNode, iterationNode] = der.children(macData);
  const [algorithm, digest] = der.children(digestInfo!);
  const hash = DIGESTS[der.readOid(der.children(algorithm!)[0]!)];
  if (!hash) throw new CertError('Unsupported', 'The PFX MAC algorithm is not supported.');
  const iterations = iterationNode ? Number(der.readInteger(iterationNode)) : 1;
  const candidates = password ? [bmpPassword(password)] : [bmpPassword(''), Buffer.alloc(0)];
  if (!candidates.some((pass) => mac(hash, pass, saltNode!.content, iterations, content).equals(digest!.content)))
    throw new CertError('WrongPassword', 'The password is not correct for this PFX file.');
}

function safeContents(contentInfo: der.Node, password: string): Buffer {
  const [type, content] = der.children(contentInfo);
  const oid = der.readOid(type!);
  if (oid === OIDS.data) return der.children(content!)[0]!.content;
  if (oid !== OIDS.encryptedData) throw new CertError('Unsupported', `PFX content of type ${oid} is not supported.`);
  const [, encryptedContentInfo] = der.children(der.children(content!)[0]!);
  const [, algorithm, encrypted] = der.children(encryptedContentInfo!);
  // encryptedContent [0] IMPLICIT OCTET STRING: primitive (0x80) or, in BER, constructed (0xa0)
  const data = encrypted!.tag === 0x80 ? encrypted!.content : Buffer.concat(der.children(encrypted!).map((n) => n.content));
  return decrypt(algorithm!, data, password);
}

function decryptShrouded(node: der.Node, password: string): Buffer {
  const [algorithm, data] = der.children(node);
  return decrypt(algorithm!, data!.content, password);
}

function readAttributes(node: der.Node | undefined): { friendlyName?: string; localKeyId?: string } {
  const result: { friendlyName?: string; localKeyId?: string } = {};
  for (const attribute of node ? der.children(node) : []) {
    const [type, values] = der.children(attribute);
    const value = der.children(values!)[0];
    const oid = der.readOid(type!);
    if (oid === OIDS.friendlyName && value) result.friendlyName = der.readString(value);
    if (oid === OIDS.localKeyId && value) result.localKeyId = value.content.toString('hex');
  }
  return result;
}

// ---- writing ----

export interface WritePkcs12Options {
  privateKey?: KeyObject;
  /** Leaf first, then its chain. */
  certificates: Buffer[];
  password: string;
  encryption?: Encryption;
  friendlyName?: string;
  iterations?: number;
}

function bag(type: string, value: Buffer, attributes: Buffer[]): Buffer {
  return der.sequence(der.oid(type), der.explicit(0, value), ...(attributes.length ? [der.set(...attributes)] : []));
}

const attribute = (type: string, value: Buffer) => der.sequence(der.oid(type), der.set(value));

export function writePkcs12(options: WritePkcs12Options): Buffer {
  const encryption = options.encryption ?? 'modern';
  const iterations = options.iterations ?? 2048;
  const [leaf] = options.certificates;
  const localKeyId = leaf ? Buffer.from(thumbprintOf(leaf), 'hex') : randomBytes(20);
  const keyAttributes = [attribute(OIDS.localKeyId, der.octetString(localKeyId)),
    ...(options.friendlyName ? [attribute(OIDS.friendlyName, der.bmp(options.friendlyName))] : [])];
  const certificateBags = options.certificates.map((certificate, index) => bag(OIDS.certBag,
    der.sequence(der.oid(OIDS.x509Certificate), der.explicit(0, der.octetString(certificate))),
    index === 0 && options.privateKey ? keyAttributes : []));
  const encryptedCertificates = encrypt(der.sequence(...certificateBags), options.password, encryption, iterations);
  const contents = [der.sequence(der.oid(OIDS.encryptedData), der.explicit(0, der.sequence(der.integer(0),
    der.sequence(der.oid(OIDS.data), encryptedCertificates.algorithm, der.implicitPrimitive(0, encryptedCertificates.data)))))];
  if (options.privateKey) {
    const pkcs8 = options.privateKey.export({ type: 'pkcs8', format: 'der' });
    const shrouded = encrypt(pkcs8, options.password, encryption, iterations);
    const keyBag = bag(OIDS.shroudedKeyBag, der.sequence(shrouded.algorithm, der.octetString(shrouded.data)), keyAttributes);
    contents.push(der.sequence(der.oid(OIDS.data), der.explicit(0, der.octetString(der.sequence(keyBag)))));
  }
  const authSafe = der.sequence(...contents);
  const hash = encryption === 'modern' ? 'sha256' : 'sha1';
  const salt = randomBytes(encryption === 'modern' ? 16 : 8);
  const digest = mac(hash, bmpPassword(options.password), salt, iterations, authSafe);
  const macData = der.sequence(der.sequence(der.sequence(der.oid(hash === 'sha256' ? OIDS.sha256 : OIDS.sha1), der.nullValue()),
    der.octetString(digest)), der.octetString(salt), der.integer(iterations));
  return der.sequence(der.integer(3), der.sequence(der.oid(OIDS.data), der.explicit(0, der.octetString(authSafe))), macData);
}
