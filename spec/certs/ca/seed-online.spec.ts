// The seed page's untrusted-root case (SPEC §1 step 4) as it arises with real online CAs: pebble's
// and cfssl's roots are not in the store at first, so a request through the cmdlets is issued
// but cannot be assigned until the root (and pebble's intermediate) are imported.
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testHost, type TestHost } from '../../support/test-host.js';
import { plain } from '../../support/plain.js';
import { requireBinaries, startCfssl, startPebble, type Cfssl, type Pebble } from '../../support/servers.js';

const THREE = 'Default,WebServicesInternal,WebServicesExternal';

const run = async (host: TestHost, code: string) => {
  const result = await host.run(code);
  return { ...result, objects: result.output.map(plain) as Record<string, unknown>[] };
};

describe('the untrusted-root case with online CAs, through the cmdlets', function () {
  this.timeout(120_000);
  let pebble: Pebble;
  let cfssl: Cfssl;

  before(async function () {
    requireBinaries(this, ['pebble', 'pebble-challtestsrv', 'cfssl'], 'apt-get install pebble golang-cfssl');
    [pebble, cfssl] = await Promise.all([startPebble(), startCfssl({ auth: true })]);
    process.env.CSCERT_TEST_CFSSL_KEY = cfssl.authKey;
  });
  after(() => { pebble?.stop(); cfssl?.stop(); delete process.env.CSCERT_TEST_CFSSL_KEY; });

  /** A host whose configuration names both CAs. */
  async function hostWithOnlineCas(): Promise<TestHost> {
    // The host's clock stands still; a minute ahead, it is past the notBefore (issuance time) of what the CAs sign now.
    const host = await testHost({ now: new Date(Date.now() + 60_000) });
    writeFileSync(join(host.dir, 'work', '.cscertrc.json'), JSON.stringify({
      computerFqdn: 'atl-cs-001.litwareinc.com',
      topology: { sipDomains: ['litwareinc.com'], pools: [{ fqdn: 'pool1.litwareinc.com', role: 'FrontEnd', computers: ['atl-cs-001.litwareinc.com'],
        webServices: { internalFqdn: 'pool1int.litwareinc.com', externalFqdn: 'pool1ext.litwareinc.com' } }] },
      authorities: {
        pebble: { kind: 'acme', directory: pebble.directory, caBundle: pebble.tlsCaFile, termsOfServiceAgreed: true,
          http: { address: '127.0.0.1', port: pebble.httpPort } },
        signer: { kind: 'cfssl', url: cfssl.url, authKeyEnv: 'CSCERT_TEST_CFSSL_KEY', profiles: { WebServer: 'server' } },
      },
      defaultAuthority: 'pebble', defaults: { keyAlg: 'ECDH_P256' },
    }));
    return host;
  }

  it("issues through pebble, refuses assignment until pebble's root and intermediate are imported, then assigns", async function () {
    const host = await hostWithOnlineCas();
    const status = (await run(host, `Request-CsCertificate -New -Type ${THREE} -CA pebble -Assign`)).objects[0]!;
    expect(status).to.include({ RequestStatus: 'Issued', ChainStatus: 'UntrustedRoot', CanAssign: false, Assigned: false });
    expect((await run(host, 'Get-CsCertificate')).objects).to.deep.equal([]);
    writeFileSync(join(host.dir, 'work', 'pebble-root.pem'), await pebble.root());
    writeFileSync(join(host.dir, 'work', 'pebble-intermediate.pem'), await pebble.intermediate());
    const imported = await run(host, 'Import-CsCertificate -Path pebble-root.pem; Import-CsCertificate -Path pebble-intermediate.pem');
    expect(imported.errors).to.deep.equal([]);
    const assigned = await run(host, `Set-CsCertificate -Type ${THREE} -Thumbprint ${status.Thumbprint}; Get-CsCertificate`);
    expect(assigned.errors).to.deep.equal([]);
    expect(assigned.objects).to.have.length(3);
  });

  it("issues through cfssl, names its missing root, and assigns once the root Get-CsCertificateAuthority offers is imported", async function () {
    const host = await hostWithOnlineCas();
    const status = (await run(host, `Request-CsCertificate -New -Type Default -CA signer`)).objects[0]!;
    // cfssl signs with its root itself, and a missing issuer cannot be told apart from a missing intermediate
    expect(status).to.include({ RequestStatus: 'Issued', CanAssign: false });
    expect(status.ChainStatus).to.be.oneOf(['UntrustedRoot', 'MissingIntermediate']);
    expect(status.Message).to.include('CN=cscert test CFSSL Root');
    const refused = await run(host, `Set-CsCertificate -Type Default -Thumbprint ${status.Thumbprint}`);
    expect(refused.errors.map((e) => e.error.id)).to.deep.equal([status.ChainStatus]);
    const imported = await run(host, "Import-CsCertificate -Path (Get-CsCertificateAuthority | Where-Object Identity -eq 'signer').RootCertificatePath");
    expect(imported.errors).to.deep.equal([]);
    const assigned = await run(host, `Set-CsCertificate -Type Default -Thumbprint ${status.Thumbprint}; Get-CsCertificate`);
    expect(assigned.errors).to.deep.equal([]);
    expect(assigned.objects.map((r) => r.Use)).to.deep.equal(['Default']);
  });
});
