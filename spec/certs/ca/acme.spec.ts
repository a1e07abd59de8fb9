// The ACME back end against a real pebble on 127.0.0.1 (spec/support/servers.ts): pebble resolves
// every name to 127.0.0.1 through pebble-challtestsrv, so http-01 reaches cscert's own responder
// and dns-01 reads the TXT records the hook publishes. No PEBBLE_VA_ALWAYS_VALID: every
// challenge is really validated. Faults pebble cannot be made to commit (a server answering
// garbage) come from a tiny HTTP server of the suite's own, on 127.0.0.1 too.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import '../../../lib/certs/ca/index.js';
import { createAuthority, type CertificateAuthority } from '../../../lib/certs/authority.js';
import { CertError } from '../../../lib/certs/errors.js';
import { openStore } from '../../../lib/certs/store/store.js';
import { fromPem, toPem } from '../../../lib/certs/x509/pem-text.js';
import { csrFor, issued, openssl, rejection, snapshot, tempDir } from '../helpers.js';
import { freePort, requireBinaries, startHttpServer, startPebble, type Pebble } from '../../support/servers.js';

const INSTALL = 'apt-get install pebble';


const accountsCreated = (pebble: Pebble) => (pebble.log().match(/There are now \d+ accounts in memory/g) ?? []).length;

describe('ACME authority against pebble', function () {
  this.timeout(60_000);
  let pebble: Pebble;
  let dir: ReturnType<typeof tempDir>;
  const env = () => ({ now: () => new Date(), storeRoot: join(dir.path, 'store') });
  const settings = (extra: Record<string, unknown> = {}) => ({ directory: pebble.directory, caBundle: pebble.tlsCaFile,
    termsOfServiceAgreed: true, http: { address: '127.0.0.1', port: pebble.httpPort }, ...extra });
  const authority = (extra: Record<string, unknown> = {}): CertificateAuthority =>
    createAuthority({ name: 'pebble', kind: 'acme', settings: settings(extra) }, env());
  /** The store as it is now, created first so that a failure has something to leave unchanged. */
  const storeBytes = async () => { await openStore(env().storeRoot, env()); return snapshot(env().storeRoot); };

  before(async function () {
    requireBinaries(this, ['pebble', 'pebble-challtestsrv'], INSTALL);
    pebble = await startPebble();
  });
  after(() => pebble?.stop());
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => dir.remove());

  describe('with http-01 answered by cscert', () => {
    it("issues for the subject and SANs, with pebble's intermediate as the chain, and openssl verifies it against pebble's root", async () => {
      const result = issued(await authority().issue({ csr: await csrFor(['pool1.litwareinc.com', 'sip.litwareinc.com']) }));
      const [root, intermediate] = [fromPem(await pebble.root(), 'CERTIFICATE'), fromPem(await pebble.intermediate(), 'CERTIFICATE')];
      expect(result.chain).to.deep.equal([intermediate]);
      expect(new X509Certificate(result.certificate).subjectAltName).to.equal('DNS:pool1.litwareinc.com, DNS:sip.litwareinc.com');
      expect(result.caRequestId).to.match(/^https:\/\/127\.0\.0\.1:\d+\/my-order\//);
      writeFileSync(join(dir.path, 'root.pem'), toPem('CERTIFICATE', root));
      writeFileSync(join(dir.path, 'chain.pem'), toPem('CERTIFICATE', intermediate));
      writeFileSync(join(dir.path, 'leaf.pem'), toPem('CERTIFICATE', result.certificate));
      const verified = openssl(['verify', '-CAfile', join(dir.path, 'root.pem'), '-untrusted', join(dir.path, 'chain.pem'),
        '-purpose', 'sslserver', join(dir.path, 'leaf.pem')]);
      expect(verified.ok, verified.output).to.equal(true);
    });

    it('registers one account for two requests and keeps its key in the store, readable by the owner only', async () => {
      const before = accountsCreated(pebble);
      issued(await authority().issue({ csr: await csrFor(['reuse-1.litwareinc.com']) }));
      issued(await authority().issue({ csr: await csrFor(['reuse-2.litwareinc.com']) }));
      expect(accountsCreated(pebble) - before).to.equal(1);
      const keyFile = join(env().storeRoot, 'ca', 'pebble', 'account.key.pem');
      expect(statSync(keyFile).mode & 0o777).to.equal(0o600);
      expect(JSON.parse(readFileSync(join(env().storeRoot, 'ca', 'pebble', 'account.json'), 'utf8')))
        .to.include({ directory: pebble.directory }).and.have.property('url').that.matches(/\/my-account\//);
    });

    it("shows the chain it was sent as Get-CsCertificateAuthority's issuing certificate, untrusted until the root is imported", async () => {
      const ca = authority();
      issued(await ca.issue({ csr: await csrFor(['describe.litwareinc.com']) }));
      const described = await ca.describe();
      expect(described).to.include({ identity: 'pebble', kind: 'acme', trusted: false });
      expect(readFileSync(described.issuingCertificatePath!, 'utf8')).to.equal(await pebble.intermediate());
      await (await openStore(env().storeRoot, env())).add('Root', fromPem(await pebble.root(), 'CERTIFICATE'));
      expect(await ca.describe()).to.include({ trusted: true });
    });

    it("is Denied with pebble's problem detail when the challenge fails, and the store is left as it was", async () => {
      issued(await authority().issue({ csr: await csrFor(['account-first.litwareinc.com']) }));
      const before = await storeBytes();
      const elsewhere = authority({ http: { address: '127.0.0.1', port: await freePort() } });   // pebble calls httpPort; nobody answers
      const result = await elsewhere.issue({ csr: await csrFor(['denied.litwareinc.com']) });
      expect(result).to.include({ status: 'Denied' });
      expect(result.status === 'Denied' && result.reason).to.match(/denied\.litwareinc\.com.*connection refused/i);
      expect(await storeBytes()).to.deep.equal(before);
    });
  });

  describe('with dns-01 through the hook', () => {
    /** A hook that publishes to pebble-challtestsrv and notes each call. */
    const hook = () => {
      const script = join(dir.path, 'dns-hook.mjs');
      writeFileSync(script, `import { appendFileSync } from 'node:fs';
const [action, name, value] = process.argv.slice(2);
appendFileSync(${JSON.stringify(join(dir.path, 'hook.log'))}, action + ' ' + name + '\\n');
const path = action === 'present' ? 'set-txt' : 'clear-txt';
const answer = await fetch(${JSON.stringify(pebble.dnsManagement)} + '/' + path, { method: 'POST', body: JSON.stringify({ host: name + '.', value }) });
if (!answer.ok) { console.error('challtestsrv said ' + answer.status); process.exit(1); }
`);
      return `${JSON.stringify(process.execPath)} ${script}`;
    };
    const hookCalls = () => readFileSync(join(dir.path, 'hook.log'), 'utf8').trim().split('\n');

    it('publishes the TXT record with the hook, which pebble really looks up, and removes it once issued', async () => {
      const result = issued(await authority({ challenge: 'dns-01', dnsHook: hook() }).issue({ csr: await csrFor(['dns.litwareinc.com']) }));
      expect(new X509Certificate(result.certificate).subjectAltName).to.equal('DNS:dns.litwareinc.com');
      expect(hookCalls()).to.deep.equal(['present _acme-challenge.dns.litwareinc.com', 'cleanup _acme-challenge.dns.litwareinc.com']);
    });

    it('answers Pending with the order URL when told not to wait, and retrieve completes the order with the CSR it kept', async () => {
      const pending = await authority({ challenge: 'dns-01', dnsHook: hook(), waitSeconds: 0 }).issue({ csr: await csrFor(['later.litwareinc.com']) });
      expect(pending).to.include({ status: 'Pending' });
      expect(pending.status === 'Pending' && pending.caRequestId).to.match(/\/my-order\//);
      expect(hookCalls()).to.deep.equal(['present _acme-challenge.later.litwareinc.com']);   // the record stays while pending
      const result = issued(await authority({ challenge: 'dns-01', dnsHook: hook(), waitSeconds: 30 })
        .retrieve!((pending as { caRequestId: string }).caRequestId));
      expect(new X509Certificate(result.certificate).subjectAltName).to.equal('DNS:later.litwareinc.com');
      expect(hookCalls()).to.include('cleanup _acme-challenge.later.litwareinc.com');
      expect(spawnSync('sh', ['-c', `ls ${join(env().storeRoot, 'ca', 'pebble', 'orders')}`], { encoding: 'utf8' }).stdout).to.equal('');
    });

    it("fails with the hook's own words when the hook fails, and the store is left as it was", async () => {
      issued(await authority().issue({ csr: await csrFor(['account-first-2.litwareinc.com']) }));
      const before = await storeBytes();
      const error = await rejection(authority({ challenge: 'dns-01', dnsHook: 'echo "zone litwareinc.com is read-only" >&2; exit 3 #' })
        .issue({ csr: await csrFor(['hook-fails.litwareinc.com']) }));
      expect(error.code).to.equal('Failed');
      expect(error.message).to.include('exited with 3').and.include('zone litwareinc.com is read-only');
      expect(await storeBytes()).to.deep.equal(before);
    });
  });

  describe('when the server or the network fails', () => {
    it("reports a refused account with pebble's message, and keeps no key", async () => {
      const before = await storeBytes();
      const error = await rejection(authority({ termsOfServiceAgreed: false }).issue({ csr: await csrFor(['tos.litwareinc.com']) }));
      expect(error.code).to.equal('Failed');
      expect(error.message).to.match(/creating the account: .*terms of service/i);
      expect(await storeBytes()).to.deep.equal(before);
    });

    it('reports an unreachable server by its address, and leaves the store as it was', async () => {
      const before = await storeBytes();
      const error = await rejection(authority({ directory: `https://127.0.0.1:${await freePort()}/dir` }).issue({ csr: await csrFor(['down.litwareinc.com']) }));
      expect(error.code).to.equal('Failed');
      expect(error.message).to.match(/^Cannot reach the ACME server 'pebble' \(https:\/\/127\.0\.0\.1:\d+\/dir\) while creating the account: .*ECONNREFUSED/);
      expect(await storeBytes()).to.deep.equal(before);
    });

    it("reports a server whose TLS certificate is not trusted, with how to trust it", async () => {
      const error = await rejection(authority({ caBundle: undefined }).issue({ csr: await csrFor(['tls.litwareinc.com']) }));
      expect(error.code).to.equal('Failed');
      expect(error.message).to.match(/TLS certificate .* is not trusted/);
      expect(error.hint).to.match(/caBundle.*NODE_EXTRA_CA_CERTS/);
    });

    const garbage: [string, (path: string) => [number, string, string]][] = [
      ['an HTML page for the directory', () => [200, 'text/html', '<html><body>It works!</body></html>']],
      ['a directory whose every link answers HTML', (path) => path === '/dir'
        ? [200, 'application/json', JSON.stringify({ newNonce: 'NONCE', newAccount: 'ACCOUNT', newOrder: 'ORDER' })]
        : [200, 'text/html', '<html>maintenance</html>']],
    ];
    for (const [what, answer] of garbage) it(`reports a server that answers ${what} as not ACME, and leaves the store as it was`, async () => {
      const server = await startHttpServer((request, response) => {
        const [status, type, body] = answer(request.url ?? '/');
        response.writeHead(status, { 'Content-Type': type }).end(body.replace(/NONCE|ACCOUNT|ORDER/g, (m) => `http://${request.headers.host}/${m.toLowerCase()}`));
      });
      try {
        const before = await storeBytes();
        const error = await rejection(authority({ directory: `${server.url}/dir`, caBundle: undefined }).issue({ csr: await csrFor(['junk.litwareinc.com']) }));
        expect(error.code).to.equal('Failed');
        expect(error.message).to.match(/ACME server 'pebble' \(http:\/\/127\.0\.0\.1:\d+\/dir\) (did not answer as an ACME server|failed creating the account)/);
        expect(await storeBytes()).to.deep.equal(before);
      } finally { await server.stop(); }
    });
  });

  describe('with External Account Binding', () => {
    const hmacKey = 'zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W';
    let bound: Pebble;
    const eabAuthority = (extra: Record<string, unknown>) => createAuthority({ name: 'pebble', kind: 'acme',
      settings: { ...settings(extra), directory: bound.directory, caBundle: bound.tlsCaFile } }, env());
    before(async function () {
      requireBinaries(this, ['pebble', 'pebble-challtestsrv'], INSTALL);
      bound = await startPebble({ eab: { 'kid-1': hmacKey } });
    });
    after(() => bound?.stop());
    afterEach(() => { delete process.env.CSCERT_TEST_EAB_KEY; });

    it('binds the new account to the key from the environment, and issues', async () => {
      process.env.CSCERT_TEST_EAB_KEY = hmacKey;
      issued(await eabAuthority({ eab: { kid: 'kid-1', hmacKeyEnv: 'CSCERT_TEST_EAB_KEY' }, http: { address: '127.0.0.1', port: bound.httpPort } })
        .issue({ csr: await csrFor(['eab.litwareinc.com']) }));
    });

    const refusals: [string, Record<string, unknown>, string | undefined, RegExp][] = [
      ['without a binding', {}, undefined, /creating the account: .*externalAccountBinding/],
      ['with a wrong key, never quoting it', { eab: { kid: 'kid-1', hmacKeyEnv: 'CSCERT_TEST_EAB_KEY' } }, 'bm90LXRoZS1rZXktYXQtYWxs', /creating the account: /],
    ];
    for (const [what, extra, key, pattern] of refusals) it(`refuses the account ${what}, and keeps no key`, async () => {
      if (key) process.env.CSCERT_TEST_EAB_KEY = key;
      const before = await storeBytes();
      const error = await rejection(eabAuthority(extra).issue({ csr: await csrFor(['eab-refused.litwareinc.com']) }));
      expect(error.code).to.equal('Failed');
      expect(error.message).to.match(pattern);
      if (key) expect(`${error.message} ${error.hint}`).not.to.include(key);
      expect(await storeBytes()).to.deep.equal(before);
    });

    it('names the variable, not a value, when the EAB key is not set', async () => {
      const error = await rejection(eabAuthority({ eab: { kid: 'kid-1', hmacKeyEnv: 'CSCERT_TEST_EAB_KEY' } }).issue({ csr: await csrFor(['eab-unset.litwareinc.com']) }));
      expect(error.code).to.equal('InvalidConfig');
      expect(error.message).to.equal('The environment variable CSCERT_TEST_EAB_KEY (named by authorities.pebble.eab.hmacKeyEnv) is not set.');
    });
  });

  describe('trust through NODE_EXTRA_CA_CERTS', () => {
    it('reaches pebble with no caBundle when the variable names its TLS CA (in a fresh process, as Node reads it at start)', () => {
      const script = join(dir.path, 'issue.mts');
      const lib = join(import.meta.dirname, '../../../lib/certs');
      writeFileSync(script, `import '${lib}/ca/index.ts';
import { createAuthority } from '${lib}/authority.ts';
import { createCsr } from '${lib}/x509/csr.ts';
import { generateKey } from '${lib}/x509/keys.ts';
const csr = createCsr({ subject: { commonName: 'extra.litwareinc.com' }, sans: ['extra.litwareinc.com'], keyPair: await generateKey({ alg: 'ECDH_P256' }) });
const ca = createAuthority({ name: 'pebble', kind: 'acme', settings: ${JSON.stringify({ ...settings(), caBundle: undefined })} },
  { now: () => new Date(), storeRoot: ${JSON.stringify(join(dir.path, 'store'))} });
console.log((await ca.issue({ csr })).status);
`);
      const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 45_000,
        env: { ...process.env, NODE_EXTRA_CA_CERTS: pebble.tlsCaFile } });
      expect(run.stdout.trim(), run.stderr).to.equal('Issued');
      expect(existsSync(join(dir.path, 'store', 'ca', 'pebble', 'account.key.pem'))).to.equal(true);
    });
  });
});

describe('ACME authority settings', () => {
  const wrong: [string, Record<string, unknown>, string][] = [
    ['no directory', {}, 'authorities.pebble.directory'],
    ['a directory that is not a URL', { directory: 'pebble:14000' }, 'authorities.pebble.directory'],
    ['a challenge ACME has but cscert does not answer', { directory: 'https://127.0.0.1:1/dir', challenge: 'tls-alpn-01' }, 'authorities.pebble.challenge'],
    ['dns-01 without a hook', { directory: 'https://127.0.0.1:1/dir', challenge: 'dns-01' }, 'authorities.pebble.dnsHook'],
    ['an EAB key in the file', { directory: 'https://127.0.0.1:1/dir', eab: { kid: 'kid-1', hmacKey: 'secret' } }, 'authorities.pebble.eab.hmacKey'],
    ['a port out of range', { directory: 'https://127.0.0.1:1/dir', http: { port: 70000 } }, 'authorities.pebble.http.port'],
  ];
  for (const [what, settings, target] of wrong) it(`refuses ${what} as InvalidConfig at ${target}`, () => {
    expect(() => createAuthority({ name: 'pebble', kind: 'acme', settings }, { now: () => new Date(), storeRoot: '/nonexistent' }))
      .to.throw(CertError).that.includes({ code: 'InvalidConfig', target });
  });
});
