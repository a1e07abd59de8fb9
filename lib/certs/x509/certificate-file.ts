// One certificate file as Import-CsCertificate meets it: any bytes a user points at, whatever
// the extension says. Told apart by content (pem.ts), a PFX opened with its password (pkcs12.ts),
// keys in PEM decrypted; every certificate checked to parse before the store sees it. Failures
// are CertErrors naming the file: Malformed for damage, WrongPassword, InvalidArgument for a
// well-formed file that holds nothing to import. Knows nothing of the store.

import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { CertError } from '../errors.js';
import { readBundle, type BundleKind } from './pem.js';
import { readPkcs12 } from './pkcs12.js';

/** No certificate file comes near this (a PFX with a long chain is under 20 KiB); larger is the wrong file. */
export const MAX_CERTIFICATE_FILE_BYTES = 16 * 1024 * 1024;

export interface CertificateFileContents {
  kind: BundleKind;
  /** The certificate of the (first) key first, then the rest in file order. */
  certificates: Buffer[];
  /** The friendlyName of each certificate (PFX only), in the order of `certificates`. */
  friendlyNames: (string | undefined)[];
  keys: KeyObject[];
}

export interface ReadFileOptions {
  /** undefined: none given (a PFX is then tried with the empty password). */
  password?: string;
  /** The file's name or path, for messages. */
  source?: string;
}

export async function readCertificateFile(bytes: Buffer, options: ReadFileOptions = {}): Promise<CertificateFileContents> {
  const name = options.source ? `'${options.source}'` : 'The file';
  try {
    return checked(await readContents(bytes, options.password, name), name);
  } catch (error) {
    throw named(error, name, options.source);
  }
}

async function readContents(bytes: Buffer, password: string | undefined, name: string): Promise<CertificateFileContents> {
  if (!bytes.length) throw new CertError('Malformed', `${name} is empty.`);
  if (bytes.length > MAX_CERTIFICATE_FILE_BYTES)
    throw new CertError('Malformed', `${name} is ${(bytes.length / 1048576).toFixed(1)} MiB; certificate files are at most 16 MiB.`,
      { hint: 'Check that -Path names the certificate file (.pfx, .cer, .pem or .p7b).' });
  const bundle = readBundle(bytes);
  if (bundle.kind === 'pkcs12') return readPfx(bytes, password, name);
  if (bundle.kind === 'csr') throw new CertError('InvalidArgument', `${name} is a certificate request (PKCS#10), not a certificate.`,
    { hint: "Send the request to the CA, then import the CA's answer." });
  const keys = bundle.privateKeys.map((pem, index) => privateKeyOf(pem, bundle.encryptedKeys?.[index] ?? false, password, name));
  return { kind: bundle.kind, certificates: bundle.certificates, friendlyNames: bundle.certificates.map(() => undefined), keys };
}

async function readPfx(bytes: Buffer, password: string | undefined, name: string): Promise<CertificateFileContents> {
  try {
    const contents = await readPkcs12(bytes, password ?? '');
    return { kind: 'pkcs12', certificates: contents.certificates, friendlyNames: contents.friendlyNames, keys: contents.privateKeys };
  } catch (error) {
    if (password === undefined && error instanceof CertError && error.code === 'WrongPassword')
      throw new CertError('WrongPassword', `${name} is a PFX file protected by a password.`, { hint: 'Give its password with -Password.', cause: error });
    throw error;
  }
}

function privateKeyOf(pem: string, encrypted: boolean, password: string | undefined, name: string): KeyObject {
  try { return createPrivateKey(encrypted ? { key: pem, passphrase: password ?? '' } : pem); } catch (error) {
    if (encrypted) throw new CertError('WrongPassword', `The private key in ${name} cannot be decrypted with the password given.`,
      { hint: 'Give the password of the key with -Password.', cause: error });
    throw new CertError('Malformed', `${name} holds a PEM private key that cannot be read: ${(error as Error).message}.`, { cause: error });
  }
}

/** Something to import, and every certificate readable (the store parses them again; this names the file). */
function checked(contents: CertificateFileContents, name: string): CertificateFileContents {
  if (!contents.certificates.length) {
    const why = contents.keys.length ? 'holds a private key but no certificate'
      : contents.kind === 'pkcs7' ? 'is a PKCS#7 bundle without certificates' : 'holds no certificate';
    throw new CertError('InvalidArgument', `${name} ${why}.`, { hint: 'Import the file that holds the certificate.' });
  }
  contents.certificates.forEach((certificate, index) => {
    try { new X509Certificate(certificate); } catch (error) {
      throw new CertError('Malformed', `${name}: certificate ${index + 1} is not a valid X.509 certificate (${(error as Error).message}).`, { cause: error });
    }
  });
  return contents;
}

/** Errors from the readers below that do not say which file they are about get its name. */
function named(error: unknown, name: string, source: string | undefined): unknown {
  if (!(error instanceof CertError) || error.target !== undefined || !source || error.message.includes(name)) return error;
  const message = `${name}: ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`;
  return new CertError(error.code, message, { target: source, hint: error.hint, cause: error.cause ?? error });
}
