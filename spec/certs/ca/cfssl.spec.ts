// The CFSSL back end against real `cfssl serve` processes on 127.0.0.1 (spec/support/servers.ts):
// one whose profiles require the HMAC auth key (authsign only), one without (sign). A server
// that answers garbage is a tiny HTTP server of the suite's own, on 127.0.0.1 too.
import { expect } from 'chai';
import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import '../../../lib/certs/ca/index.js';
import { createAuthority, type CertificateAuthority } from '../../../lib/certs/authority.js';
import { CertError } from '../../../lib/certs/errors.js';
import { openStore } from '../../../lib/certs/store/store.js';
import { fromPem, toPem } from '../../../lib/certs/x509/pem-text.js';
import { csrFor, issued, openssl, rejection, snapshot, tempDir } from '../helpers.js';
import { freePort, requireBinaries, startCfssl, startHttpServer, type Cfssl } from '../../support/servers.js';

const INSTALL = 'apt-get install golang-cfssl';
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';


const ekusOf = (der: Buffer) => new X509Certificate(der).keyUsage ?? [];

describe('CFSSL authority against cfssl serve', function () {
  this.timeout(30_000);
  let withAuth: Cfssl;
  let open: Cfssl;
  let dir: ReturnType<typeof tempDir>;
  const env = () => ({ now: () => new Date(), storeRoot: join(dir.path, 'store') });
  const authority = (settings: Record<string, unknown>): CertificateAuthority =>
    createAuthority({ name: 'signer', kind: 'cfssl', settings }, env());
  const signer = (extra: Record<string, unknown> = {}) =>
    authority({ url: withAuth.url, authKeyEnv: 'CSCERT_TEST_CFSSL_KEY', profiles: { WebServer: 'server', WebServerClient: 'client-server' }, ...extra });
  const storeBytes = async () => { await openStore(env().storeRoot, env()); return snapshot(env().storeRoot); };

  before(async function () {
    requireBinaries(this, ['cfssl'], INSTALL);
    [withAuth, open] = await Promise.all([startCfssl({ auth: true }), startCfssl()]);
  });
  after(() => { withAuth?.stop(); open?.stop(); });
  beforeEach(() => { dir = tempDir(); process.env.CSCERT_TEST_CFSSL_KEY = withAuth.authKey; });
  afterEach(() => { dir.remove(); delete process.env.CSCERT_TEST_CFSSL_KEY; });

  describe('signing', () => {
    it("signs through authsign with the key from the environment, and openssl verifies it against the root from /info", async () => {
      const result = issued(await signer().issue({ csr: await csrFor(['pool1.litwareinc.com', 'sip.litwareinc.com']) }));
      expect(result.chain).to.deep.equal([fromPem(withAuth.rootPem, 'CERTIFICATE')]);
      expect(new X509Certificate(result.certificate).subjectAltName).to.equal('DNS:pool1.litwareinc.com, DNS:sip.litwareinc.com');
      writeFileSync(join(dir.path, 'leaf.pem'), toPem('CERTIFICATE', result.certificate));
      const verified = openssl(['verify', '-CAfile', withAuth.rootFile, '-purpose', 'sslserver', join(dir.path, 'leaf.pem')]);
      expect(verified.ok, verified.output).to.equal(true);
    });

    const templates: [string | undefined, string[]][] = [[undefined, [SERVER_AUTH]], ['WebServer', [SERVER_AUTH]], ['webserverclient', [SERVER_AUTH, CLIENT_AUTH]]];
    for (const [template, ekus] of templates) it(`maps -Template ${template ?? '(default)'} to its profile, which decides the EKUs`, async () => {
      const result = issued(await signer().issue({ csr: await csrFor(['eku.litwareinc.com']), template }));
      expect(ekusOf(result.certificate)).to.have.members(ekus);
    });

    it('signs through sign when the server needs no auth key', async () => {
      const result = issued(await authority({ url: open.url }).issue({ csr: await csrFor(['open.litwareinc.com']) }));
      expect(new X509Certificate(result.certificate).verify(new X509Certificate(fromPem(open.rootPem, 'CERTIFICATE')).publicKey)).to.equal(true);
    });

    it('is Denied with the policy CFSSL names when a profile refuses the names', async () => {
      const result = await signer({ profiles: { WebServer: 'restricted' } }).issue({ csr: await csrFor(['pool1.litwareinc.com']) });
      expect(result).to.include({ status: 'Denied', reason: 'Request does not match policy whitelist (code 5500)' });
    });

    it("offers the CA's root as a file to import, and is trusted once it is in Root", async () => {
      const ca = signer();
      issued(await ca.issue({ csr: await csrFor(['describe.litwareinc.com']) }));
      const described = await ca.describe();
      expect(described).to.include({ identity: 'signer', kind: 'cfssl', trusted: false });
      expect(readFileSync(described.rootCertificatePath!, 'utf8')).to.equal(toPem('CERTIFICATE', fromPem(withAuth.rootPem, 'CERTIFICATE')));
      await (await openStore(env().storeRoot, env())).add('Root', fromPem(withAuth.rootPem, 'CERTIFICATE'));
      expect(await ca.describe()).to.include({ trusted: true });
    });
  });

  describe('faults, each leaving the store as it was', () => {
    it("reports a wrong auth key with CFSSL's message, never quoting the key", async () => {
      process.env.CSCERT_TEST_CFSSL_KEY = 'a1'.repeat(16);
      const before = await storeBytes();
      const error = await rejection(signer().issue({ csr: await csrFor(['badkey.litwareinc.com']) }));
      expect(error.code).to.equal('Failed');
      expect(error.message).to.match(/^The CFSSL server 'signer' \(http:\/\/127\.0\.0\.1:\d+\) failed signing the request: invalid token/);
      expect(`${error.message} ${error.hint}`).not.to.include('a1'.repeat(16));
      expect(await storeBytes()).to.deep.equal(before);
    });

    it('names the variable when the auth key is not set', async () => {
      delete process.env.CSCERT_TEST_CFSSL_KEY;
      const error = await rejection(signer().issue({ csr: await csrFor(['nokey.litwareinc.com']) }));
      expect(error).to.include({ code: 'InvalidConfig', target: 'authorities.signer.authKeyEnv' });
    });

    it('says to set authKeyEnv when the server only serves authsign', async () => {
      const error = await rejection(authority({ url: withAuth.url }).issue({ csr: await csrFor(['noauth.litwareinc.com']) }));
      expect(error.code).to.equal('Failed');
      expect(error.message).to.include('set authKeyEnv');
    });

    it('reports an unreachable server by its address', async () => {
      const before = await storeBytes();
      const error = await rejection(authority({ url: `http://127.0.0.1:${await freePort()}` }).issue({ csr: await csrFor(['down.litwareinc.com']) }));
      expect(error.code).to.equal('Failed');
      expect(error.message).to.match(/^The CFSSL server 'signer' \(http:\/\/127\.0\.0\.1:\d+\) cannot be reached: ECONNREFUSED/);
      expect(await storeBytes()).to.deep.equal(before);
    });

    const garbage: [string, string][] = [
      ['an HTML page', '<html><body>It works!</body></html>'],
      ['JSON that is not a CFSSL answer', '{"hello":"world"}'],
      ['success without a readable certificate', '{"success":true,"result":{"certificate":"-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\\n"}}'],
    ];
    for (const [what, body] of garbage) it(`reports a server that answers ${what} as not CFSSL`, async () => {
      const server = await startHttpServer((_request, response) => { response.writeHead(200, { 'Content-Type': 'text/html' }).end(body); });
      try {
        const before = await storeBytes();
        const error = await rejection(authority({ url: server.url }).issue({ csr: await csrFor(['junk.litwareinc.com']) }));
        expect(error.code).to.equal('Failed');
        expect(error.message).to.match(/^The CFSSL server 'signer' \(http:\/\/127\.0\.0\.1:\d+\) did not answer as a CFSSL server/);
        expect(await storeBytes()).to.deep.equal(before);
      } finally { await server.stop(); }
    });
  });

  describe('settings', () => {
    const wrong: [string, Record<string, unknown>, string][] = [
      ['no url', {}, 'authorities.signer.url'],
      ['a url that is not http', { url: 'ftp://127.0.0.1' }, 'authorities.signer.url'],
      ['an auth key in the file', { url: 'http://127.0.0.1:1', authKey: 'deadbeef' }, 'authorities.signer.authKey'],
      ['profiles that are not names', { url: 'http://127.0.0.1:1', profiles: { WebServer: 3 } }, 'authorities.signer.profiles'],
    ];
    for (const [what, settings, target] of wrong) it(`refuses ${what} as InvalidConfig at ${target}`, () => {
      expect(() => authority(settings)).to.throw(CertError).that.includes({ code: 'InvalidConfig', target });
    });
  });
});
