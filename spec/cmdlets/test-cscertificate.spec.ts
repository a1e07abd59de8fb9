import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createCertificate } from '../../lib/certs/x509/certificate.js';
import { generateKey, spkiDer } from '../../lib/certs/x509/keys.js';
import { encodeName } from '../../lib/certs/x509/names.js';
import { OID } from '../../lib/certs/x509/oids.js';
import { toPem } from '../../lib/certs/x509/pem-text.js';
import { testHost, type TestHost } from '../support/test-host.js';
import { makePki } from '../certs/helpers.js';

const property = (object: unknown, name: string) => (object as { get(n: string): unknown }).get(name);

describe('Test-CsCertificate', () => {
  let host: TestHost;
  before(async () => {
    host = await testHost();
    const setup = await host.run('$c = Request-CsCertificate -New -Type Default\n$c.Thumbprint; $c.AlternativeNames[0]\n'
      + '$ca = (Get-CsCertificateAuthority)[0]\nExport-CsCertificate -Thumbprint $c.Thumbprint -Path pool.cer\n$ca.RootCertificatePath; $ca.IssuingCertificatePath');
    expect(setup.errors).to.deep.equal([]);
    const [thumbprint, name, root, issuing] = setup.output as string[];
    Object.assign(host, { thumbprint, name, root, issuing });
  });
  const the = (key: 'thumbprint' | 'name' | 'root' | 'issuing') => (host as unknown as Record<string, string>)[key];

  describe('a certificate in the store', () => {
    it('returns $true for the name it was issued for, warning nothing', async () => {
      const run = await host.run(`Test-CsCertificate -Thumbprint ${the('thumbprint')} -DnsName ${the('name')}`);
      expect(run.output).to.deep.equal([true]);
      expect(run.warnings).to.deep.equal([]);
    });

    it('returns $false for another name and warns with the names it has', async () => {
      const run = await host.run(`Test-CsCertificate ${the('thumbprint')} -DnsName other.example.com`);
      expect(run.output).to.deep.equal([false]);
      expect(run.warnings[0]).to.contain("not valid for 'other.example.com'").and.contain(the('name'));
    });

    it('with -Detailed returns the chain with the store of each link and no problems', async () => {
      const [result] = (await host.run(`Test-CsCertificate ${the('thumbprint')} -Detailed`)).output;
      expect(property(result, 'Valid')).to.equal(true);
      expect((property(result, 'Chain') as unknown[]).map((l) => [property(l, 'Status'), property(l, 'Store')]))
        .to.deep.equal([['Present', 'My'], ['Present', 'CA'], ['Trusted', 'Root']]);
      expect(property(result, 'Problems')).to.deep.equal([]);
    });

    it('reports an unknown thumbprint as CertificateNotFound', async () => {
      const run = await host.run(`Test-CsCertificate ${'AB'.repeat(20)}`);
      expect(run.errors.map((e) => [e.error.id, e.error.category])).to.deep.equal([['CertificateNotFound', 'ObjectNotFound']]);
    });
  });

  describe('a certificate file', () => {
    it('validates against -TrustedPath and -IntermediatePath instead of the stores', async () => {
      const [result] = (await host.run(`Test-CsCertificate -Path pool.cer -TrustedPath '${the('root')}' -IntermediatePath '${the('issuing')}' -Detailed`)).output;
      expect(property(result, 'Valid')).to.equal(true);
      expect((property(result, 'Chain') as unknown[]).map((l) => property(l, 'Store'))).to.deep.equal(['Given', 'Given', 'Given']);
    });

    it('names the root it lacks when -TrustedPath holds another root', async () => {
      const other = await makePki();
      writeFileSync(join(host.dir, 'work', 'other-root.pem'), toPem('CERTIFICATE', other.root));
      const run = await host.run(`Test-CsCertificate -Path pool.cer -TrustedPath other-root.pem`);
      expect(run.output).to.deep.equal([false]);
      expect(run.warnings[0]).to.match(/^The root CA certificate 'CN=cscert-ca Root.*' that issued .* is not in the trusted file 'other-root.pem'\. Import it/);
    });
  });

  describe('-AllowFetch', () => {
    let server: Server;
    before(async () => {
      const pki = await makePki();
      server = createServer((_request, response) => response.end(pki.issuing));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const key = await generateKey({ alg: 'ECDH_P256' });
      const leaf = createCertificate({ subjectDer: encodeName({ commonName: 'pool1.litwareinc.com' }), spki: spkiDer(key.publicKey),
        issuer: { subjectDer: encodeName({ commonName: 'Test Issuing CA', organization: 'Litware' }), spki: spkiDer(pki.issuingKey.publicKey), privateKey: pki.issuingKey.privateKey },
        notBefore: new Date('2029-06-01Z'), notAfter: new Date('2030-06-01Z'), sans: ['pool1.litwareinc.com'], ekus: [OID.serverAuth],
        aiaUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/issuing.cer` });
      writeFileSync(join(host.dir, 'work', 'fetch-leaf.pem'), toPem('CERTIFICATE', leaf));
      writeFileSync(join(host.dir, 'work', 'fetch-root.pem'), toPem('CERTIFICATE', pki.root));
    });
    after(() => new Promise((resolve) => server.close(resolve)));

    it('leaves the intermediate missing without it, saying where it could be fetched', async () => {
      const run = await host.run('$r = Test-CsCertificate -Path fetch-leaf.pem -TrustedPath fetch-root.pem -Detailed; $r.Chain | ForEach-Object Status; $r.Problems[-1].Message');
      expect(run.output.slice(0, 2)).to.deep.equal(['Present', 'Missing']);
      expect(run.output[2]).to.contain('/issuing.cer').and.contain('-AllowFetch');
    });

    it('fetches the intermediate from the AIA URL with it', async () => {
      const run = await host.run('$r = Test-CsCertificate -Path fetch-leaf.pem -TrustedPath fetch-root.pem -AllowFetch -Detailed; $r.Valid; $r.Chain | ForEach-Object Store');
      expect(run.output).to.deep.equal([true, 'Given', 'Fetched', 'Given']);
    });
  });
});
