// Writing PFX files: modern (AES-256 under PBES2, SHA-256 MAC: OpenSSL 3's default, which
// Windows Server 2019 and later read) or legacy (3DES and a SHA-1 MAC, which Windows Server
// 2012/2016 still need). The key's certificate comes first and carries the friendly name and
// the localKeyId pairing it with the key, as Windows and OpenSSL write them.

import { randomBytes, type KeyObject } from 'node:crypto';
import * as der from './der.js';
import { thumbprintOf } from './parse.js';
import { bmpPassword, encrypt, mac, type Encryption } from './pkcs12-crypto.js';
import { PKCS12_OID as OIDS } from './pkcs12-oids.js';

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
