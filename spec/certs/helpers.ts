// Shared test helpers: temp directories, the real openssl binary, a small three-tier PKI.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCertificate } from '../../lib/certs/x509/certificate.js';
import { generateKey, spkiDer, type KeyAlgorithm, type KeyPair } from '../../lib/certs/x509/keys.js';
import { encodeName } from '../../lib/certs/x509/names.js';
import { toPem } from '../../lib/certs/x509/pem-text.js';
import { OID } from '../../lib/certs/x509/oids.js';

export function tempDir(prefix = 'cscert-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Runs openssl with an empty default CA file so only what we pass counts. */
export function openssl(args: string[], input?: Buffer | string): { ok: boolean; output: string } {
  try {
    const output = execFileSync('openssl', args, { input, env: { ...process.env, SSL_CERT_FILE: '/dev/null' }, stdio: 'pipe' });
    return { ok: true, output: output.toString() };
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
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
