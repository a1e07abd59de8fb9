// Private keys as files: PKCS#8 PEM, encrypted (AES-256-CBC, PBES2) when the environment supplies
// a passphrase (SPEC §5 "optional at-rest encryption"). The passphrase comes from the environment
// variable the configuration names (`keyPassphraseEnv`, default CSCERT_KEY_PASSPHRASE); naming one
// makes encryption required. The first encrypted key leaves `keys.json` beside store.json: a
// scrypt check of the passphrase, so a missing (PassphraseMissing) or wrong (WrongPassword) passphrase
// is refused before a key is written with it (a store whose keys need two passphrases would be half unreadable), not only
// when a key is read. Neither the passphrase nor a key ever appears in an error. Imports Node
// built-ins, errors and x509's key encodings.

import { createPrivateKey, randomBytes, scryptSync, timingSafeEqual, type KeyObject } from 'node:crypto';
import { CertError } from '../errors.js';
import type { DomainEnv } from '../env.js';
import { pkcs8Der } from '../x509/keys.js';
import { toPem } from '../x509/pem-text.js';

export const DEFAULT_PASSPHRASE_VARIABLE = 'CSCERT_KEY_PASSPHRASE';
export const KEYS_FILE = 'keys.json';

/** keys.json: how to check a passphrase against the one the store's keys are encrypted with. */
export interface KeysFile { format: 1; kdf: 'scrypt'; cost: number; salt: string; check: string }

const variableOf = (env: Pick<DomainEnv, 'keyPassphraseEnv'>) => env.keyPassphraseEnv ?? DEFAULT_PASSPHRASE_VARIABLE;
const SCRYPT_COST = 16384;
const derive = (passphrase: string, salt: Buffer, cost: number) => scryptSync(passphrase, salt, 32, { N: cost, r: 8, p: 1 });
/** Passphrases already checked in this process, per keys.json text: scrypt is slow on purpose. */
const checked = new Map<string, string>();

/** PKCS#8 PEM, as Node's export writes it; without a passphrase assembled by pkcs8Der (OpenSSL's encoder is slow per call). */
export function encodeKey(key: KeyObject, passphrase?: string): Buffer {
  return Buffer.from(passphrase
    ? key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase })
    : toPem('PRIVATE KEY', pkcs8Der(key)));
}

/**
 * Before a key is written: refuses a missing or wrong passphrase; returns the keys.json text to
 * write when this is the store's first encrypted key.
 */
export function checkKeyProtection(env: Pick<DomainEnv, 'keyPassphrase' | 'keyPassphraseEnv'>, keysFile: Buffer | undefined): string | undefined {
  const variable = variableOf(env);
  const passphrase = env.keyPassphrase;
  if (!passphrase) {
    if (keysFile || env.keyPassphraseEnv)
      throw new CertError('PassphraseMissing', `The store encrypts private keys, and the environment variable ${variable} that holds the passphrase is not set.`,
        { target: variable, hint: `Set ${variable} to the store's passphrase, then run the command again.` });
    return undefined;
  }
  if (!keysFile) {
    const salt = randomBytes(16);
    return JSON.stringify({ format: 1, kdf: 'scrypt', cost: SCRYPT_COST, salt: salt.toString('base64'),
      check: derive(passphrase, salt, SCRYPT_COST).toString('base64') } satisfies KeysFile, null, 2);
  }
  const text = keysFile.toString();
  if (checked.get(text) === passphrase) return undefined;
  let record: KeysFile;
  try { record = JSON.parse(text) as KeysFile; } catch (error) {
    throw new CertError('Malformed', `The store's ${KEYS_FILE} is not valid JSON.`, { target: KEYS_FILE, cause: error });
  }
  const expected = Buffer.from(record.check, 'base64');
  const actual = derive(passphrase, Buffer.from(record.salt, 'base64'), record.cost);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual))
    throw new CertError('WrongPassword', `The passphrase in ${variable} is not the one the store's private keys are encrypted with.`,
      { target: variable, hint: `Set ${variable} to the passphrase the store was created with.` });
  checked.set(text, passphrase);
  return undefined;
}

export function decodeKey(pem: Buffer, passphrase: string | undefined, target: string, variable = DEFAULT_PASSPHRASE_VARIABLE): KeyObject {
  const encrypted = pem.includes('ENCRYPTED PRIVATE KEY');
  if (encrypted && !passphrase)
    throw new CertError('PassphraseMissing', `The private key of '${target}' is encrypted, and the environment variable ${variable} that holds the passphrase is not set.`,
      { target, hint: `Set ${variable} to the passphrase the store was written with.` });
  try { return createPrivateKey(encrypted ? { key: pem, passphrase } : { key: pem }); } catch (error) {
    throw encrypted
      ? new CertError('WrongPassword', `The passphrase in ${variable} does not decrypt the private key of '${target}'.`,
        { target, hint: `Set ${variable} to the passphrase the store was written with.` })
      : new CertError('Malformed', `The private key file of '${target}' cannot be read.`, { target });
  }
}
