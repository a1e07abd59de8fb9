// What an ACME authority keeps in the store, under <store>/ca/<name>/:
//
//   account.key.pem        the account key (P-256, PKCS#8, mode 0600, encrypted at rest like
//                          every store key when a passphrase is set)
//   account.json           { directory, url, createdAt }: the account the key is registered as
//   orders/<hash>.json     an order answered Pending: its URL and our CSR, which -Retrieve needs
//                          to finalize it; removed once the order is valid or invalid
//   chain.pem, root.pem    the CA certificates sent with the last certificate (online-chain.ts)
//   .lock                  held while the account is created, so parallel requests share one
//
// Nothing is written before the server has accepted it: a refused account leaves no key, a
// failed order no record. Imports Node built-ins, errors, the store's file and key helpers, x509 keys.

import { createHash, type KeyObject } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CertError } from '../errors.js';
import type { DomainEnv } from '../env.js';
import { atomicWrite, readIfExists } from '../store/files.js';
import { decodeKey, encodeKey } from '../store/keys-at-rest.js';
import { paths } from '../store/layout.js';
import { withLock } from '../store/lock.js';
import { generateEcKeyPair } from '../x509/keys.js';

export interface AcmeAccountRecord { directory: string; url: string; createdAt: string }
export interface PendingOrderRecord { url: string; csr: string; submittedAt: string }

export class AcmeState {
  readonly directory: string;

  constructor(readonly name: string, private readonly env: DomainEnv) {
    this.directory = join(env.storeRoot, paths.authority(name));
  }

  /** Serializes account creation across processes; the lock sits beside the folder, which may not exist yet. */
  lock<T>(work: () => Promise<T>): Promise<T> {
    return withLock(`${this.directory}.lock`, this.env.lockTimeoutMs ?? 15_000, work);
  }

  /** The stored account, if it was registered with this directory URL. */
  account(directoryUrl: string): { key: KeyObject; url: string } | undefined {
    const record = this.readJson<AcmeAccountRecord>('account.json');
    const keyPem = readIfExists(join(this.directory, 'account.key.pem'));
    if (!record || !keyPem || record.directory !== directoryUrl) return undefined;
    return { key: decodeKey(keyPem, this.env.keyPassphrase, `ACME account of ${this.name}`, this.env.keyPassphraseEnv), url: record.url };
  }

  /** The stored key whatever directory it served (a new directory registers the same key), or a new one. */
  keyForNewAccount(): KeyObject {
    const keyPem = readIfExists(join(this.directory, 'account.key.pem'));
    if (keyPem) return decodeKey(keyPem, this.env.keyPassphrase, `ACME account of ${this.name}`, this.env.keyPassphraseEnv);
    return generateEcKeyPair('ECDH_P256').privateKey;   // not generateKeyPairSync's own KeyObject: see generateKey
  }

  saveAccount(key: KeyObject, directoryUrl: string, url: string): void {
    this.ensureFolder();
    atomicWrite(join(this.directory, 'account.key.pem'), encodeKey(key, this.env.keyPassphrase), 0o600);
    const record: AcmeAccountRecord = { directory: directoryUrl, url, createdAt: this.env.now().toISOString() };
    atomicWrite(join(this.directory, 'account.json'), JSON.stringify(record, null, 2));
  }

  saveOrder(url: string, csrPem: string): void {
    this.ensureFolder();
    const record: PendingOrderRecord = { url, csr: csrPem, submittedAt: this.env.now().toISOString() };
    atomicWrite(this.orderPath(url), JSON.stringify(record, null, 2));
  }

  order(url: string): PendingOrderRecord {
    const record = this.readJson<PendingOrderRecord>(join('orders', `${orderFile(url)}`));
    if (!record || record.url !== url)
      throw new CertError('NotFound', `No pending ACME order '${url}' at CA '${this.name}'.`, { target: url });
    return record;
  }

  removeOrder(url: string): void { rmSync(this.orderPath(url), { force: true }); }

  private orderPath(url: string) { return join(this.directory, 'orders', orderFile(url)); }

  private ensureFolder() { mkdirSync(join(this.directory, 'orders'), { recursive: true, mode: 0o700 }); }

  private readJson<T>(relative: string): T | undefined {
    const text = readIfExists(join(this.directory, relative));
    if (!text) return undefined;
    try { return JSON.parse(text.toString()) as T; } catch (error) {
      throw new CertError('Malformed', `${join(this.directory, relative)} is not valid JSON.`, { target: this.name, cause: error });
    }
  }
}

/** Order URLs hold slashes and colons; the file is named by a hash of the URL. */
const orderFile = (url: string) => `${createHash('sha256').update(url).digest('hex').slice(0, 32)}.json`;
