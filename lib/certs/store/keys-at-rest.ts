// Private keys as files: PKCS#8 PEM, encrypted with AES-256 when the environment supplies a
// passphrase (SPEC §5 "optional at-rest encryption"). The passphrase never appears in errors.

import { createPrivateKey, type KeyObject } from 'node:crypto';
import { CertError } from '../errors.js';

export function encodeKey(key: KeyObject, passphrase?: string): Buffer {
  const pem = passphrase
    ? key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase })
    : key.export({ type: 'pkcs8', format: 'pem' });
  return Buffer.from(pem);
}

export function decodeKey(pem: Buffer, passphrase: string | undefined, target: string): KeyObject {
  const encrypted = pem.includes('ENCRYPTED PRIVATE KEY');
  if (encrypted && !passphrase)
    throw new CertError('WrongPassword', `The private key of '${target}' is encrypted and no passphrase is set.`,
      { target, hint: 'Set CSCERT_KEY_PASSPHRASE to the passphrase the store was written with.' });
  try { return createPrivateKey(encrypted ? { key: pem, passphrase } : { key: pem }); } catch (error) {
    throw encrypted
      ? new CertError('WrongPassword', `The passphrase does not decrypt the private key of '${target}'.`, { target })
      : new CertError('Malformed', `The private key file of '${target}' cannot be read.`, { target, cause: error });
  }
}
