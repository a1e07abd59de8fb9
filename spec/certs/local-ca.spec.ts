import { expect } from 'chai';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import '../../lib/certs/ca/index.js';
import { createAuthority, findAuthority, type CertificateAuthority } from '../../lib/certs/authority.js';
import { CertError } from '../../lib/certs/errors.js';
import { openStore } from '../../lib/certs/store/store.js';
import { buildChain } from '../../lib/certs/x509/chain.js';
import type { KeyAlgorithm } from '../../lib/certs/x509/keys.js';
import { OID } from '../../lib/certs/x509/oids.js';
import { parseCertificate } from '../../lib/certs/x509/parse.js';
import { toPem } from '../../lib/certs/x509/pem-text.js';
import { csrFor as sharedCsrFor, issued, openssl, tempDir } from './helpers.js';

const NAME = 'atl-ca-001.litwareinc.com\\myca';

const POOL_NAMES = ['pool1.litwareinc.com', 'sip.litwareinc.com'];
const csrFor = (alg: KeyAlgorithm = 'ECDH_P256', sans = POOL_NAMES) => sharedCsrFor(sans, alg);

describe('embedded CA (local)', () => {
  let dir: ReturnType<typeof tempDir>;
  let now: Date;
  const env = () => ({ now: () => now, storeRoot: join(dir.path, 'store') });
  const authority = (settings: Record<string, unknown> = {}): CertificateAuthority =>
    createAuthority({ name: NAME, kind: 'local', settings }, env());
  beforeEach(() => { dir = tempDir(); now = new Date(); });
  afterEach(() => dir.remove());

  describe('with policy auto', () => {
    for (const alg of ['RSA', 'ECDH_P256', 'ECDH_P384'] as const) it(`issues a ${alg} request at once, and openssl verifies it against the CA's files`, async () => {
      const ca = authority();
      const result = issued(await ca.issue({ csr: await csrFor(alg) }));
      const { rootCertificatePath, issuingCertificatePath } = await ca.describe();
      const leaf = join(dir.path, 'leaf.pem');
      writeFileSync(leaf, toPem('CERTIFICATE', result.certificate));
      const verified = openssl(['verify', '-CAfile', rootCertificatePath!, '-untrusted', issuingCertificatePath!, '-purpose', 'sslserver', leaf]);
      expect(verified.ok, verified.output).to.equal(true);
      const info = parseCertificate(result.certificate);
      expect(info).to.include({ subject: 'CN=pool1.litwareinc.com, O=Litware', keyAlgorithm: alg });
      expect(info.sans).to.deep.equal(['pool1.litwareinc.com', 'sip.litwareinc.com']);
      expect(info.ekus).to.deep.equal([OID.serverAuth]);
    });

    it('logs each request it issues as a line, with ids that continue across processes', async function () {
      this.timeout(30_000);
      const ca = authority();
      const first = issued(await ca.issue({ csr: await csrFor() })), second = issued(await ca.issue({ csr: await csrFor() }));
      const requests = join(env().storeRoot, 'ca', readdirSync(join(env().storeRoot, 'ca'))[0]!, 'requests');
      expect(readdirSync(requests)).to.deep.equal(['issued.jsonl']);
      const lines = readFileSync(join(requests, 'issued.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
      expect(lines.map((record) => [record.id, record.status])).to.deep.equal([[first.caRequestId, 'Issued'], [second.caRequestId, 'Issued']]);
      const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'issue-once.ts'), env().storeRoot, NAME],
        { encoding: 'utf8' });
      expect(child.status, child.stderr).to.equal(0);
      const third = issued(await ca.issue({ csr: await csrFor() }));   // this process last gave out the second id
      expect([first.caRequestId, second.caRequestId, child.stdout, third.caRequestId]).to.deep.equal(['1', '2', '3', '4']);
      expect((await ca.retrieve!('2')).status).to.equal('Issued');
      expect((await ca.retrieve!(child.stdout) as { certificate: Buffer }).certificate.length).to.be.greaterThan(0);
    });

    it('reads the request files of stores written before the log, and numbers on after them', async () => {
      const ca = authority();
      const old = issued(await ca.issue({ csr: await csrFor() }));
      const requests = join(env().storeRoot, 'ca', readdirSync(join(env().storeRoot, 'ca'))[0]!, 'requests');
      const record = JSON.parse(readFileSync(join(requests, 'issued.jsonl'), 'utf8'));
      rmSync(join(requests, 'issued.jsonl'));
      writeFileSync(join(requests, '1.json'), JSON.stringify(record, null, 2));   // as cscert kept it before
      expect((await ca.retrieve!('1') as { certificate: Buffer }).certificate).to.deep.equal(old.certificate);
      expect(issued(await createAuthority({ name: NAME, kind: 'local', settings: {} }, env()).issue({ csr: await csrFor() })).caRequestId).to.equal('2');
    });

    it('puts its root in Root and its issuing CA in CA, so the chain is trusted', async () => {
      const ca = authority();
      const result = issued(await ca.issue({ csr: await csrFor() }));
      const store = await openStore(env().storeRoot, env());
      const chain = buildChain(result.certificate, { ...(await store.chainCertificates()), at: now, requireServerAuth: true });
      expect(chain.trusted).to.equal(true);
      expect(chain.links.map((l) => [l.status, l.source])).to.deep.equal([['Present', 'Leaf'], ['Present', 'CA'], ['Trusted', 'Root']]);
      expect(await ca.describe()).to.include({ identity: NAME, kind: 'local', policy: 'auto', trusted: true });
    });

    it('adds clientAuth with -ClientEKU, and clamps validity to the issuing CA', async () => {
      const ca = authority({ validityDays: 100_000 });
      const result = issued(await ca.issue({ csr: await csrFor(), clientEku: true }));
      const info = parseCertificate(result.certificate);
      expect(info.ekus).to.deep.equal([OID.serverAuth, OID.clientAuth]);
      expect(info.notAfter).to.deep.equal(parseCertificate(result.chain[0]!).notAfter);
    });

    it('denies a template it does not have, with the message AD CS gives', async () => {
      const result = await authority().issue({ csr: await csrFor(), template: 'SmartcardLogon' });
      expect(result).to.include({ status: 'Denied', reason: 'The request was for a certificate template that is not supported.' });
    });

    it('issues from a template the configuration adds, with the EKUs it names', async () => {
      const result = issued(await authority({ templates: { jcila: { clientAuth: true } } }).issue({ csr: await csrFor(), template: 'JCILA' }));
      expect(parseCertificate(result.certificate).ekus).to.deep.equal([OID.serverAuth, OID.clientAuth]);
    });
  });

  describe('with policy manual', () => {
    it('answers Pending until approved, then Issued', async () => {
      const ca = authority({ policy: 'manual' });
      const pending = await ca.issue({ csr: await csrFor() });
      expect(pending.status).to.equal('Pending');
      const id = (pending as { caRequestId: string }).caRequestId;
      expect((await ca.pending!()).map((p) => p.caRequestId)).to.deep.equal([id]);
      expect((await ca.retrieve!(id)).status).to.equal('Pending');
      expect((await ca.approve!(id)).status).to.equal('Issued');
      expect((await ca.retrieve!(id)).status).to.equal('Issued');
      expect(await ca.pending!()).to.deep.equal([]);
    });

    it('answers Denied with the reason after a denial, and refuses to deny twice', async () => {
      const ca = authority({ policy: 'manual' });
      const { caRequestId } = (await ca.issue({ csr: await csrFor() })) as { caRequestId: string };
      expect(await ca.deny!(caRequestId, 'Not for this pool')).to.include({ status: 'Denied', reason: 'Not for this pool' });
      const error = await ca.deny!(caRequestId, 'again').catch((e) => e);
      expect(error).to.be.instanceOf(CertError).with.property('code', 'InvalidArgument');
    });
  });

  describe('with trust: false', () => {
    it('leaves Root empty, so the chain names the root to import', async () => {
      const ca = authority({ trust: false });
      const result = issued(await ca.issue({ csr: await csrFor() }));
      const store = await openStore(env().storeRoot, env());
      expect(await store.list('Root')).to.deep.equal([]);
      const chain = buildChain(result.certificate, { ...(await store.chainCertificates()), at: now });
      expect(chain.trusted).to.equal(false);
      expect(chain.problems[0]).to.include({ code: 'MissingIntermediate', subject: 'CN=myca, O=cscert' });
      const withIssuing = buildChain(result.certificate, { roots: [], intermediates: result.chain, at: now });
      expect(withIssuing.problems[0]).to.include({ code: 'Untrusted', subject: 'CN=myca Root, O=cscert' });
      expect(withIssuing.links.map((l) => l.status)).to.deep.equal(['Present', 'Present', 'Present']);
      expect((await ca.describe()).trusted).to.equal(false);
    });
  });

  it('rejects a malformed CSR before recording anything', async () => {
    const error = await authority().issue({ csr: Buffer.from('junk') }).catch((e) => e);
    expect(error).to.be.instanceOf(CertError).with.property('code', 'Malformed');
  });

  it('refuses an unknown CA kind as Unsupported, and finds CAs by name case-insensitively', () => {
    expect(() => createAuthority({ name: 'x', kind: 'msca' as 'local', settings: {} }, env())).to.throw(CertError).with.property('code', 'Unsupported');
    const authorities = { [NAME]: { name: NAME, kind: 'local' as const, settings: {} } };
    expect(findAuthority(authorities, 'ATL-CA-001.litwareinc.com\\MyCA', NAME).name).to.equal(NAME);
    expect(() => findAuthority(authorities, 'other', NAME)).to.throw(CertError).with.property('code', 'NotFound');
  });
});
