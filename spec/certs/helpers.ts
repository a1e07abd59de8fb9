// Shared test helpers: temp directories, the real openssl binary, a small three-tier PKI.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IssuedCertificate } from '../../lib/certs/authority.js';
import { CertError } from '../../lib/certs/errors.js';
import { createCertificate } from '../../lib/certs/x509/certificate.js';
import { createCsr } from '../../lib/certs/x509/csr.js';
import { generateKey, spkiDer, type KeyAlgorithm, type KeyPair } from '../../lib/certs/x509/keys.js';
import { encodeName } from '../../lib/certs/x509/names.js';
import { toPem } from '../../lib/certs/x509/pem-text.js';
import { OID } from '../../lib/certs/x509/oids.js';
import { onLease } from '../../lib/certs/store/lock.js';

export function tempDir(prefix = 'cscert-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Runs openssl with an empty default CA file so only what we pass counts; output is stdout + stderr. */
export function openssl(args: string[], input?: Buffer | string): { ok: boolean; output: string } {
  const result = spawnSync('openssl', args, { input, env: { ...process.env, SSL_CERT_FILE: '/dev/null' } });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

export function writePem(dir: string, name: string, der: Buffer, label = 'CERTIFICATE'): string {
  const path = join(dir, name);
  writeFileSync(path, toPem(label, der));
  return path;
}

export interface Pki {
  root: Buffer; rootKey: KeyPair;
  issuing: Buffer; issuingKey: KeyPair;
  leaf: Buffer; leafKey: KeyPair;
}

export const JAN_2030 = new Date('2030-01-01T00:00:00Z');
const years = (date: Date, n: number) => new Date(Date.UTC(date.getUTCFullYear() + n, date.getUTCMonth(), date.getUTCDate()));

export async function makePki(options: { leafAlg?: KeyAlgorithm; caAlg?: KeyAlgorithm; now?: Date; sans?: string[] } = {}): Promise<Pki> {
  const now = options.now ?? JAN_2030;
  const rootKey = await generateKey({ alg: options.caAlg ?? 'ECDH_P256' });
  const issuingKey = await generateKey({ alg: options.caAlg ?? 'ECDH_P256' });
  const leafKey = await generateKey({ alg: options.leafAlg ?? 'ECDH_P256' });
  const rootName = encodeName({ commonName: 'Test Root', organization: 'Litware' });
  const issuingName = encodeName({ commonName: 'Test Issuing CA', organization: 'Litware' });
  const root = createCertificate({ subjectDer: rootName, spki: spkiDer(rootKey.publicKey), selfSignKey: rootKey.privateKey,
    notBefore: years(now, -1), notAfter: years(now, 10), ca: {} });
  const issuing = createCertificate({ subjectDer: issuingName, spki: spkiDer(issuingKey.publicKey),
    issuer: { subjectDer: rootName, spki: spkiDer(rootKey.publicKey), privateKey: rootKey.privateKey },
    notBefore: years(now, -1), notAfter: years(now, 5), ca: { pathLength: 0 } });
  const leaf = createCertificate({ subjectDer: encodeName({ commonName: 'pool1.litwareinc.com' }), spki: spkiDer(leafKey.publicKey),
    issuer: { subjectDer: issuingName, spki: spkiDer(issuingKey.publicKey), privateKey: issuingKey.privateKey },
    notBefore: years(now, -1), notAfter: years(now, 1), sans: options.sans ?? ['pool1.litwareinc.com'], ekus: [OID.serverAuth] });
  return { root, rootKey, issuing, issuingKey, leaf, leafKey };
}

/** A self-signed P-256 server certificate and its key, fast enough to make by the dozen. */
export async function makeLeaf(commonName: string, options: { notAfter?: Date } = {}): Promise<{ der: Buffer; key: KeyPair }> {
  const key = await generateKey({ alg: 'ECDH_P256' });
  const der = createCertificate({ subjectDer: encodeName({ commonName }), spki: spkiDer(key.publicKey), selfSignKey: key.privateKey,
    notBefore: new Date('2029-01-01Z'), notAfter: options.notAfter ?? new Date('2031-01-01Z'), sans: [commonName] });
  return { der, key };
}

/** Every file under a directory with its mode and bytes, to compare before and after. */
export function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = join(relative, entry.name);
      // A write-ahead journal is the store's redo log, not its state: a checkpoint removes it at any moment.
      if (!relative && /^journal-.*\.log$/.test(entry.name)) continue;
      // Nor is the lock file of a lease this process keeps: it lapses at any moment.
      if (!relative && entry.name === '.lock' && onLease(join(dir, entry.name))) continue;
      if (entry.isDirectory()) { result[path + '/'] = 'dir'; walk(path); }
      else result[path] = `${(statSync(join(dir, path)).mode & 0o777).toString(8)} ${readFileSync(join(dir, path)).toString('base64')}`;
    }
  };
  walk('');
  return result;
}

/** A P-256 CSR for the names (the first is the common name), as the request path makes one. */
export async function csrFor(sans: string[], alg: KeyAlgorithm = 'ECDH_P256'): Promise<Buffer> {
  return createCsr({ subject: { commonName: sans[0]!, organization: 'Litware' }, sans, keyPair: await generateKey({ alg }) });
}

/** The CA's answer, which the test expects to be Issued. */
export function issued(result: IssuedCertificate): Extract<IssuedCertificate, { status: 'Issued' }> {
  if (result.status !== 'Issued') throw new Error(`expected Issued, got ${result.status}: ${result.message}`);
  return result;
}

/** The CertError a promise rejects with (anything else fails the test). */
export async function rejection(promise: Promise<unknown>): Promise<CertError> {
  try { await promise; } catch (error) { if (error instanceof CertError) return error; throw error; }
  throw new Error('expected a CertError');
}
