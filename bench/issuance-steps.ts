// The steps of one P-256 issuance through the embedded CA, each timed alone in a warm process
// (median of rounds of 1,000 after a warm-up): what each costs of the 2 ms a certificate may
// take at 500 a second. In-process, no store, no shell. Run: npm run bench -- issue-steps
// Keys come from generateKey, as requests make them; the steps that export a key get a key never
// exported before at every call (OpenSSL caches a key's legacy form after its first export, and a
// request exports each key once).
import { generateKeyPairSync, X509Certificate, sign, createHash } from 'node:crypto';
import { createCsr, parseCsr } from '../lib/certs/x509/csr.js';
import { createCertificate } from '../lib/certs/x509/certificate.js';
import { generateKey, spkiDer, type KeyPair } from '../lib/certs/x509/keys.js';
import { encodeName } from '../lib/certs/x509/names.js';
import { parseCertificate } from '../lib/certs/x509/parse.js';
import { encodeKey } from '../lib/certs/store/keys-at-rest.js';
import { buildChain } from '../lib/certs/x509/chain.js';
import { toPem } from '../lib/certs/x509/pem-text.js';
import { median, printTable } from './timing.js';

const COUNT = 1000, ROUNDS = 5;
const rows: { step: string; 'µs per certificate': string }[] = [];
function time(step: string, run: (i: number) => unknown): void {
  for (let i = 0; i < 200; i++) run(i);
  const rounds = Array.from({ length: ROUNDS }, () => {
    const start = performance.now();
    for (let i = 0; i < COUNT; i++) run(i);
    return (performance.now() - start) / COUNT * 1000;
  });
  rows.push({ step, 'µs per certificate': median(rounds).toFixed(1) });
}

const caKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const caSpki = spkiDer(caKey.publicKey);
const rootName = encodeName({ commonName: 'Bench Root', organization: 'cscert' });
const issuingName = encodeName({ commonName: 'Bench CA', organization: 'cscert' });
const notBefore = new Date(Date.now() - 86_400_000), notAfter = new Date(Date.now() + 365 * 86_400_000);
const root = createCertificate({ subjectDer: rootName, spki: caSpki, selfSignKey: caKey.privateKey, notBefore, notAfter, ca: {} });
const issuing = createCertificate({ subjectDer: issuingName, spki: caSpki, issuer: { subjectDer: rootName, spki: caSpki, privateKey: caKey.privateKey },
  notBefore, notAfter, ca: { pathLength: 0 } });
const issuer = { subjectDer: issuingName, spki: caSpki, privateKey: caKey.privateKey };
const sans = ['pool01.litwareinc.com', 'sip.litwareinc.com', 'lyncdiscover.litwareinc.com'];
const subject = { commonName: 'pool01.litwareinc.com', organization: 'Litware', country: 'US' };

const p256 = (count: number) => Promise.all(Array.from({ length: count }, () => generateKey({ alg: 'ECDH_P256' })));
/** A source of keys no step has used yet: enough for the warm-up and every round. */
async function freshKeys(): Promise<() => KeyPair> {
  const pool = await p256(200 + ROUNDS * COUNT);
  let next = 0;
  return () => pool[next++]!;
}
const keys = await p256(COUNT + 200);
const csrs = keys.map((keyPair) => createCsr({ keyPair, sans, subject }));
const parsedCsrs = csrs.map((csr) => parseCsr(csr));
const certificates = parsedCsrs.map((csr) => createCertificate({ subjectDer: csr.subjectDer, spki: csr.spki, sans: csr.sans, issuer,
  notBefore, notAfter, ekus: ['1.3.6.1.5.5.7.3.1'] }));

const asyncStart = performance.now();
for (let i = 0; i < COUNT; i++) await generateKey({ alg: 'ECDH_P256' });
rows.push({ step: 'P-256 key pair, async (as requests make them)', 'µs per certificate': ((performance.now() - asyncStart) / COUNT * 1000).toFixed(1) });
time('P-256 key pair, sync', () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' }));
const forSpki = await freshKeys();
time('spkiDer (public key to SubjectPublicKeyInfo)', () => spkiDer(forSpki().publicKey));
const forCsr = await freshKeys();
time('createCsr (includes spkiDer and a P-256 signature)', () => createCsr({ keyPair: forCsr(), sans, subject }));
time('parseCsr (parse, key import, signature check)', (i) => parseCsr(csrs[i]!));
time('createCertificate (includes an RSA-2048 signature)', (i) => createCertificate({ subjectDer: parsedCsrs[i]!.subjectDer, spki: parsedCsrs[i]!.spki,
  sans, issuer, notBefore, notAfter, ekus: ['1.3.6.1.5.5.7.3.1'] }));
time('  of which: RSA-2048 signature alone', (i) => sign('sha256', certificates[i]!.subarray(0, 700), caKey.privateKey));
const forEncode = await freshKeys();
time('encodeKey (private key to PKCS#8 PEM)', () => encodeKey(forEncode().privateKey, undefined));
time('new X509Certificate', (i) => new X509Certificate(certificates[i]!));
time('parseCertificate, not cached (index entry facts)', (i) => parseCertificate(Buffer.from(certificates[i]!)));
time('SHA-1 thumbprint', (i) => createHash('sha1').update(certificates[i]!).digest('hex'));
time('toPem', (i) => toPem('CERTIFICATE', certificates[i]!));
time('buildChain (leaf, CA, root; server auth)', (i) => buildChain(certificates[i]!, { roots: [root], intermediates: [issuing], at: new Date(),
  requireServerAuth: true, unstored: [issuing, root] }));
printTable(`Steps of one P-256 issuance (median of ${ROUNDS} rounds of ${COUNT})`, rows, ['step', 'µs per certificate']);
