// Every PFX of corpora/pkcs12 (Windows, OpenSSL, Java, NSS, GnuTLS, pyca) through the path
// Import-CsCertificate takes, against the manifest's expected result; then a few end to end
// through the shell. The corpus is read in place from ../shared/corpora, never copied.

import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { assertAssignable, importCertificates, openStore, readPkcs12, type CertError, type Store } from '../../lib/certs/index.js';
import { parseCertificate } from '../../lib/certs/x509/parse.js';
import { testHost } from '../support/test-host.js';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { writePkcs12 } from '../../lib/certs/x509/pkcs12.js';
import { thumbprintOf } from '../../lib/certs/x509/parse.js';
import { makePki, openssl, snapshot, tempDir } from './helpers.js';

const CORPUS = resolve(import.meta.dirname, '../../../shared/corpora/pkcs12');

interface Entry {
  file: string; password: string; password_encodings_that_pass_mac: string[]; structure: string[];
  expected_import: 'accept' | 'accept-certificates-only' | 'reject';
  expected_key_present: boolean; expected_key_type: string | null; expected_leaf_subject_cn: string | null;
  expected_subject_cns: (string | null)[]; expected_cert_count: number; expected_ca_certs: number;
  expected_friendly_names: (string | null)[];
}

const entries: Entry[] = existsSync(CORPUS) ? JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')).files : [];

/** The manifest's spelling: RSA-2048, EC-secp256r1. */
function keyType(key: KeyObject): string {
  const details = key.asymmetricKeyDetails!;
  if (key.asymmetricKeyType === 'rsa') return `RSA-${details.modulusLength}`;
  return `EC-${details.namedCurve === 'prime256v1' ? 'secp256r1' : details.namedCurve}`;
}
// A Windows friendlyName ends in a C string's NUL; the store keeps the name without it.
const withoutNul = (name: string | null) => name?.replace(/\0+$/, '') ?? undefined;
const codeOf = (promise: Promise<unknown>) => promise.then(() => 'accepted', (error: CertError) => error.code ?? String(error));
const isEncrypted = (entry: Entry) => entry.structure.some((line) => /PBES2|pbeWith/.test(line));
const slow = (entry: Entry) => entry.structure.some((line) => /Iteration [1-9]\d{5}/.test(line));

describe('PKCS#12 corpus', function () {
  this.timeout(120_000);   // GnuTLS' 3DES at 600,000 iterations: 13 chains of the PKCS#12 KDF, under a second on 2 cores; CI may be slower
  before(() => expect(entries, `the manifest of ${CORPUS}: the corpora are read in place from ../shared`).to.not.be.empty);

  let dir: ReturnType<typeof tempDir>;
  let store: Store;
  beforeEach(async () => {
    dir = tempDir();
    store = await openStore(join(dir.path, 'store'), { now: () => new Date('2030-01-01Z'), storeRoot: join(dir.path, 'store') });
  });
  afterEach(() => dir.remove());

  const read = (entry: Entry) => readFileSync(join(CORPUS, entry.file));

  describe('reading every friendly name and CN the manifest lists', () => {
    // The 600,000-iteration files are read once, by the import table below.
    for (const entry of entries.filter((e) => !slow(e))) it(`${entry.file}: ${entry.expected_import}`, async () => {
      const contents = await readPkcs12(read(entry), entry.password);
      expect(contents.certificates.map((c) => parseCertificate(c).commonName ?? null)).to.deep.equal(entry.expected_subject_cns);
      expect(contents.friendlyNames).to.deep.equal(entry.expected_friendly_names.map(withoutNul));
      expect(contents.privateKey ? keyType(contents.privateKey) : null).to.equal(entry.expected_key_present ? entry.expected_key_type : null);
    });
  });

  describe('importing each file into a store', () => {
    for (const entry of entries) it(`${entry.file}: ${entry.expected_import}`, async () => {
      const before = snapshot(store.root);
      const importing = importCertificates(store, read(entry), { password: entry.password, source: entry.file });
      if (entry.expected_import === 'reject') {
        expect(await codeOf(importing)).to.equal('InvalidArgument');
        expect(snapshot(store.root)).to.deep.equal(before);
        return;
      }
      const imported = await importing;
      expect(imported).to.have.length(entry.expected_cert_count);
      if (entry.expected_import === 'accept-certificates-only') {
        expect(imported.map((c) => c.hasPrivateKey)).to.not.include(true);
        expect(await codeOf(assertAssignable(store, imported[0]!.thumbprint, new Date('2030-01-01Z')))).to.equal('NoPrivateKey');
        return;
      }
      const [leaf] = imported;
      expect(leaf).to.include({ store: 'My', hasPrivateKey: true });
      const names = await Promise.all(imported.map(async (c) => parseCertificate((await store.require(c.thumbprint)).der).commonName ?? null));
      expect(names).to.deep.equal(entry.expected_subject_cns);
      expect(keyType(await store.privateKey(leaf!.thumbprint))).to.equal(entry.expected_key_type);
      expect((await store.get(leaf!.thumbprint))?.friendlyName).to.equal(withoutNul(entry.expected_friendly_names[0]!));
      expect(imported.slice(1).map((c) => c.hasPrivateKey)).to.not.include(true);
    });
  });

  it('reads the key and chain the GnuTLS 3DES file (600,000 iterations, one encrypted safe per certificate) was made from', async () => {
    const pki = (name: string) => readFileSync(join(CORPUS, 'made-here/pki', name), 'utf8');
    const contents = await readPkcs12(readFileSync(join(CORPUS, 'made-here/gnutls/gnutls-certtool-3des.p12')), 'Corpus-Pfx-2026!');
    expect(contents.privateKey!.export({ type: 'pkcs8', format: 'pem' })).to.equal(createPrivateKey(pki('leaf.key')).export({ type: 'pkcs8', format: 'pem' }));
    expect(contents.certificates.map(thumbprintOf)).to.deep.equal(['leaf.pem', 'inter.pem', 'root.pem'].map((name) => thumbprintOf(new X509Certificate(pki(name)).raw)));
  });

  describe('refusing a wrong password', () => {
    // The 600,000-iteration files cost half a second each; pkcs12.spec.ts refuses a wrong password on one of that kind.
    for (const entry of entries.filter((e) => isEncrypted(e) && !slow(e) && e.expected_import !== 'reject'))
      it(`${entry.file}`, async () => {
        const before = snapshot(store.root);
        expect(await codeOf(importCertificates(store, read(entry), { password: `${entry.password}x` }))).to.equal('WrongPassword');
        expect(snapshot(store.root)).to.deep.equal(before);
      });
    it('opens a file with neither encryption nor MAC whatever the password', async () => {
      const entry = entries.find((e) => e.file.endsWith('openssl-nopbe-nomac.pfx'))!;
      expect(await importCertificates(store, read(entry), { password: 'anything' })).to.have.length(1);
    });
  });
});

describe('Import-CsCertificate with corpus files', function () {
  this.timeout(60_000);
  before(() => expect(entries, `the manifest of ${CORPUS}: the corpora are read in place from ../shared`).to.not.be.empty);
  const cases: [string, string, number][] = [
    ['made-here/openssl/openssl-chain-legacy.pfx', 'Corpus-Pfx-2026!', 3],
    ['made-here/java/java17-keytool-default.p12', 'Corpus-Pfx-2026!', 3],
    ['made-here/openssl/openssl-emoji-password.pfx', '🔑-Schlüssel', 1],
    ['third-party/golang-crypto/go-windows-azure-tools.pfx', '', 1],
  ];
  for (const [file, password, count] of cases) it(`imports ${file} with its key`, async () => {
    const host = await testHost();
    const run = await host.run(`Import-CsCertificate -Path '${join(CORPUS, file)}' -Password '${password}' -Verbose\n` +
      '(Get-ChildItem Cert:\\LocalMachine\\My)[0].HasPrivateKey');
    expect(run.errors).to.deep.equal([]);
    expect(run.verbose.filter((line) => line.includes('was imported'))).to.have.length(count);
    expect(run.output).to.deep.equal([true]);
  });
  it('refuses a wrong password with WrongPassword and imports nothing', async () => {
    const host = await testHost();
    const run = await host.run(`Import-CsCertificate -Path '${join(CORPUS, 'made-here/nss/nss-pk12util-legacy.p12')}' -Password 'wrong'\n` +
      '@(Get-ChildItem Cert:\\LocalMachine\\My).Count');
    expect(run.errors.map((e) => e.error.id)).to.deep.equal(['WrongPassword']);
    expect(run.output).to.deep.equal([0]);
  });
});

/** pyca/cryptography, the reader the corpus manifest was made with: key type, CNs and friendly names. */
const PYCA_READ = `
import sys, json
from cryptography.hazmat.primitives.serialization import pkcs12
p = pkcs12.load_pkcs12(open(sys.argv[1], 'rb').read(), sys.argv[2].encode())
cn = lambda c: c.subject.rfc4514_string()
print(json.dumps({'key': type(p.key).__name__, 'certs': [cn(c.certificate) for c in [p.cert] + p.additional_certs],
  'names': [c.friendly_name.decode() if c.friendly_name else None for c in [p.cert] + p.additional_certs]}))`;

describe('PFX files we write, opened by other readers', function () {
  this.timeout(60_000);
  const dir = tempDir();
  after(() => dir.remove());
  const password = 'Pässwörd-€-1';   // non-ASCII: UTF-8 for PBES2, BMPString for the MAC and 3DES
  for (const encryption of ['modern', 'legacy'] as const) it(`${encryption}: openssl 3 and pyca read the key, the chain and the friendly name`, async () => {
    const pki = await makePki({ leafAlg: 'RSA' });
    const path = join(dir.path, `${encryption}.pfx`);
    writeFileSync(path, writePkcs12({ privateKey: pki.leafKey.privateKey, certificates: [pki.leaf, pki.issuing, pki.root],
      password, encryption, friendlyName: 'pool1 – 2030' }));
    const info = openssl(['pkcs12', '-info', '-noout', '-in', path, '-passin', `pass:${password}`]);
    expect(info.ok, info.output).to.equal(true);
    expect(info.output).to.contain(encryption === 'modern' ? 'MAC: sha256' : 'MAC: sha1');
    const pyca = spawnSync('python3', ['-c', PYCA_READ, path, password], { encoding: 'utf8' });
    if (pyca.error || /No module named/.test(pyca.stderr)) return;   // pyca missing: openssl alone has spoken
    expect(pyca.status, pyca.stderr).to.equal(0);
    expect(JSON.parse(pyca.stdout)).to.deep.equal({ key: 'RSAPrivateKey',
      certs: ['CN=pool1.litwareinc.com', 'CN=Test Issuing CA,O=Litware', 'CN=Test Root,O=Litware'], names: ['pool1 – 2030', null, null] });
    const back = await readPkcs12(readFileSync(path), password);
    expect(back.certificates.map(thumbprintOf)).to.deep.equal([pki.leaf, pki.issuing, pki.root].map(thumbprintOf));
  });
});
