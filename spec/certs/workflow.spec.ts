import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertAssignable, CertError, createAuthority, importCertificates, openStore, requestCertificate, retrieveRequest,
  type CsConfig, type DomainEnv, type Store,
} from '../../lib/certs/index.js';
import { snapshot, tempDir } from './helpers.js';

const FE = 'atl-cs-001.litwareinc.com';
const TYPES = ['Default', 'WebServicesInternal', 'WebServicesExternal', 'OAuthTokenIssuer'] as const;

function config(storeRoot: string, settings: Record<string, unknown>): CsConfig {
  return {
    store: storeRoot, computerFqdn: FE, defaultAuthority: 'ca\\lab',
    authorities: { 'ca\\lab': { name: 'ca\\lab', kind: 'local', settings } },
    defaults: { keySize: 2048, keyAlg: 'ECDH_P256', template: 'WebServer', privateKeyExportable: false, organization: 'Litware' },
    topology: { sipDomains: ['litwareinc.com'], simpleUrls: { meet: 'https://meet.litwareinc.com' },
      pools: [{ fqdn: 'pool1.litwareinc.com', role: 'FrontEnd', computers: [FE],
        webServices: { internalFqdn: 'pool1int.litwareinc.com', externalFqdn: 'pool1ext.litwareinc.com' } }] },
  };
}

describe('certificate workflow', () => {
  let dir: ReturnType<typeof tempDir>;
  let env: DomainEnv;
  let store: Store;
  beforeEach(async () => {
    dir = tempDir();
    env = { now: () => new Date(), storeRoot: join(dir.path, 'store') };
    store = await openStore(env.storeRoot, env);
  });
  afterEach(() => dir.remove());

  it('requests, issues and assigns in one step through a trusted embedded CA', async () => {
    const result = await requestCertificate(config(env.storeRoot, {}), store, env, { types: [...TYPES], assign: true });
    expect(result).to.include({ status: 'Issued', canAssign: true, assigned: true, subject: 'CN=pool1.litwareinc.com' });
    expect(result.thumbprint).to.match(/^[0-9A-F]{40}$/);
    expect((await store.assignments(FE)).map((a) => [a.usage, a.thumbprint]))
      .to.deep.equal(TYPES.filter((t) => t !== 'OAuthTokenIssuer').map((t) => [t, result.thumbprint]));
    expect((await store.assignments('global')).map((a) => a.usage)).to.deep.equal(['OAuthTokenIssuer']);
    expect(await store.request(result.requestId)).to.include({ status: 'Issued', thumbprint: result.thumbprint });
  });

  it('makes the store and its CA afresh for a request after the store was deleted under a standing lease (Remove-Item takes no lock)', async () => {
    const leased = { ...env, lockLeaseMs: 10_000 };
    const leasedStore = await openStore(env.storeRoot, leased);
    for (let i = 0; i < 2; i++) await requestCertificate(config(env.storeRoot, {}), leasedStore, leased, { types: ['Default'] });   // on lease from the second
    dir.remove();
    const again = await requestCertificate(config(env.storeRoot, {}), leasedStore, leased, { types: ['Default'] });
    expect(again).to.include({ status: 'Issued', canAssign: true });
    const files = Object.keys(snapshot(env.storeRoot));
    expect(files).to.include.members(['store.json', `My/${again.thumbprint}.pem`]);
    expect(files.filter((f) => /^(Root|CA)\/[0-9A-F]{40}\.pem$/.test(f)), files.join(' ')).to.have.length(2);
    expect(await leasedStore.request(again.requestId)).to.include({ status: 'Issued', thumbprint: again.thumbprint });
  });

  it('requests the names its caller computed and showed, when given them, instead of computing them again', async () => {
    const names = { subject: 'shown.litwareinc.com', sans: ['shown.litwareinc.com', 'sip.litwareinc.com'] };
    const result = await requestCertificate(config(env.storeRoot, {}), store, env, { types: ['Default'], names });
    expect(result).to.include({ status: 'Issued', subject: 'CN=shown.litwareinc.com' });
    expect(result.alternativeNames).to.deep.equal(names.sans);
  });

  it('leaves no request and no key behind when the CA fails (an unreachable ACME server)', async () => {
    const unreachable = config(env.storeRoot, {});
    unreachable.authorities['acme\\down'] = { name: 'acme\\down', kind: 'acme', settings: { directory: 'https://127.0.0.1:1/dir', termsOfServiceAgreed: true } };
    await requestCertificate(unreachable, store, env, { types: ['Default'] });     // the store exists, with its CA
    const before = snapshot(env.storeRoot);
    const failure = await requestCertificate(unreachable, store, env, { types: ['Default'], ca: 'acme\\down' }).catch((e: unknown) => e);
    expect(failure).to.be.instanceOf(CertError).with.property('code', 'Failed');
    expect(snapshot(env.storeRoot)).to.deep.equal(before);
  });

  it('refuses to assign while the root is untrusted, naming it, and assigns once it is imported (SPEC §1 step 4)', async () => {
    const cfg = config(env.storeRoot, { trust: false });
    const result = await requestCertificate(cfg, store, env, { types: ['Default'], assign: true });
    expect(result).to.include({ status: 'Issued', canAssign: false, assigned: false });
    expect(result.message).to.contain("'CN=lab Root, O=cscert'").and.contain('Trusted Root store (Root)');
    expect(result.chain!.links.map((l) => l.status)).to.deep.equal(['Present', 'Missing', 'Missing']);
    const error = await assertAssignable(store, result.thumbprint!, env.now()).catch((e) => e);
    expect(error).to.be.instanceOf(CertError).with.property('code', 'Untrusted');
    const { rootCertificatePath, issuingCertificatePath } = await createAuthority(cfg.authorities['ca\\lab']!, env).describe();
    const [root] = await importCertificates(store, readFileSync(rootCertificatePath!));
    expect(root).to.include({ store: 'Root', subject: 'CN=lab Root, O=cscert', hasPrivateKey: false });
    const stillRefused = await assertAssignable(store, result.thumbprint!, env.now()).catch((e) => e);
    expect(stillRefused).to.be.instanceOf(CertError).with.property('code', 'MissingIntermediate');
    expect(stillRefused.message).to.contain("'CN=lab, O=cscert'").and.contain('intermediate store (CA)');
    await importCertificates(store, readFileSync(issuingCertificatePath!));
    expect((await assertAssignable(store, result.thumbprint!, env.now())).canAssign).to.equal(true);
  });

  it('keeps a manual CA\'s request Pending, then completes it on retrieve after approval', async () => {
    const cfg = config(env.storeRoot, { policy: 'manual' });
    const pending = await requestCertificate(cfg, store, env, { types: ['Default'] });
    expect(pending.status).to.equal('Pending');
    const { caRequestId } = (await store.request(pending.requestId))!;
    expect((await retrieveRequest(cfg, store, env, pending.requestId)).status).to.equal('Pending');
    await createAuthority(cfg.authorities['ca\\lab']!, env).approve!(caRequestId!);
    const done = await retrieveRequest(cfg, store, env, pending.requestId);
    expect(done).to.include({ status: 'Issued', canAssign: true });
    expect(await store.get(done.thumbprint!)).to.include({ hasPrivateKey: true });
    const record = (await store.request(pending.requestId))!;
    expect(record).to.include({ status: 'Issued', thumbprint: done.thumbprint });
    expect(record.chain).to.have.length(2);
    expect(await store.requestKey(pending.requestId)).to.equal(undefined);   // the key moved to My
  });

  it('joins the CA\'s answer to an offline request\'s key on import', async () => {
    const cfg = config(env.storeRoot, {});
    const offline = await requestCertificate(cfg, store, env, { types: ['Default'], offline: true, privateKeyExportable: true });
    expect(offline.status).to.equal('Offline');
    expect(offline.csrPem).to.contain('BEGIN CERTIFICATE REQUEST');
    const answer = await createAuthority(cfg.authorities['ca\\lab']!, env).issue({ csr: Buffer.from(offline.csrPem!) });
    if (answer.status !== 'Issued') throw new Error(answer.message);
    const [imported] = await importCertificates(store, answer.certificate);
    expect(imported).to.include({ store: 'My', hasPrivateKey: true, requestId: offline.requestId });
    expect(await store.get(imported!.thumbprint)).to.include({ exportable: true });
    expect(await store.request(offline.requestId)).to.include({ status: 'Issued' });
  });

  it('refuses a topology type the computer does not need before making a key', async () => {
    const error = await requestCertificate(config(env.storeRoot, {}), store, env, { types: ['Internal'] }).catch((e) => e);
    expect(error).to.be.instanceOf(CertError).with.property('code', 'NotNeeded');
    expect(await store.requests()).to.deep.equal([]);
  });
});
