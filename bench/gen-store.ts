// Fills a store with N leaf certificates (SPEC §8 scale target: 10,000) issued by the store's
// embedded CA, each in My with its private key, through the store's own transactions so the
// index and files are exactly what cscert writes. One RSA-2048 key pair serves every
// certificate: 10,000 fresh keys would take 20 minutes and change nothing a listing reads.
// The store must already have its CA (run one `Request-CsCertificate -New` first).
// Run: node --import tsx bench/gen-store.ts <store dir> [count]
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCertificate, createDomainEnv, fromPem, openStore } from '../lib/certs/index.js';
import { tbsParts } from '../lib/certs/x509/certificate.js';
import { spkiDer } from '../lib/certs/x509/keys.js';
import { encodeName } from '../lib/certs/x509/names.js';

const BATCH = 1000;

export async function fillStore(root: string, count: number): Promise<void> {
  const caDir = join(root, 'ca', readdirSync(join(root, 'ca'))[0]!);
  const issuingDer = fromPem(readFileSync(join(caDir, 'issuing.pem'), 'utf8'), 'CERTIFICATE');
  const parts = tbsParts(issuingDer);
  const issuer = { subjectDer: Buffer.from(parts.subject.raw), spki: Buffer.from(parts.spki.raw),
    privateKey: createPrivateKey(readFileSync(join(caDir, 'issuing.key.pem'))) };
  const leafKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const spki = spkiDer(leafKey.publicKey);
  const env = createDomainEnv({ storeRoot: root, env: process.env });
  const store = await openStore(root, env);
  const notBefore = new Date(Date.now() - 86_400_000);
  for (let done = 0; done < count; done += BATCH) await store.transaction(async (tx) => {
    for (let i = done; i < Math.min(count, done + BATCH); i++) {
      const name = `host${i}.pool${i % 50}.contoso.local`;
      const certificate = createCertificate({ subjectDer: encodeName({ commonName: name, organization: 'Contoso' }), spki, issuer,
        sans: [name, `sip${i % 7}.contoso.local`], notBefore, notAfter: new Date(notBefore.getTime() + (30 + i % 700) * 86_400_000) });
      await tx.add('My', certificate, { key: leafKey.privateKey, friendlyName: `bench ${i}` });
    }
  });
}

if (process.argv[1] === import.meta.filename) {
  const start = performance.now();
  await fillStore(process.argv[2]!, Number(process.argv[3] ?? 10_000));
  console.log(`filled ${process.argv[2]} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}
