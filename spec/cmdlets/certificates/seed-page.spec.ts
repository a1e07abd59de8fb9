// The page the project started from (SPEC §1, seeds/): "Online Certificate Request Status", step
// by step, through real scripts in the in-process test host.
import { expect } from 'chai';
import { testHost, type TestHost } from '../../support/test-host.js';
import { plain } from '../../support/plain.js';

const THREE = 'Default,WebServicesInternal,WebServicesExternal';
const untrustedConfig = "Set-Content -Path .cscertrc.json -Value '" + JSON.stringify({
  authorities: { 'lab\\untrusted-ca': { kind: 'local', trust: false } }, defaultAuthority: 'lab\\untrusted-ca' }) + "'";

const run = async (host: TestHost, code: string) => {
  const result = await host.run(code);
  return { ...result, objects: result.output.map(plain) as Record<string, unknown>[] };
};

describe('the Online Certificate Request Status page', function () {
  this.timeout(60_000);

  describe('with the assign check box (-Assign)', () => {
    it('returns the thumbprint that identifies the certificate and assigns the three default usages', async () => {
      const host = await testHost();
      const { objects, errors } = await run(host, `Request-CsCertificate -New -Type ${THREE} -Assign`);
      expect(errors).to.deep.equal([]);
      expect(objects[0]).to.include({ RequestStatus: 'Issued', ChainStatus: 'Trusted', CanAssign: true, Assigned: true });
      expect(objects[0]!.Thumbprint).to.match(/^[0-9A-F]{40}$/);
      expect(objects[0]!.Use).to.deep.equal(THREE.split(','));
      const assigned = (await run(host, 'Get-CsCertificate')).objects;
      expect(assigned.map((r) => r.Use)).to.have.members(THREE.split(','));
      expect(new Set(assigned.map((r) => r.Thumbprint))).to.deep.equal(new Set([objects[0]!.Thumbprint]));
    });
  });

  describe('without the check box', () => {
    it('assigns nothing until Set-CsCertificate assigns it in a separate step', async () => {
      const host = await testHost();
      const requested = await run(host, `$s = Request-CsCertificate -New -Type ${THREE}; $s; Get-CsCertificate`);
      expect(requested.objects).to.have.length(1);
      expect(requested.objects[0]).to.include({ Assigned: false, CanAssign: true });
      const set = await run(host, `Set-CsCertificate -Type ${THREE} -Thumbprint ${requested.objects[0]!.Thumbprint}; Get-CsCertificate`);
      expect(set.errors).to.deep.equal([]);
      expect(set.objects.map((r) => r.Use)).to.have.members(THREE.split(','));
    });
  });

  describe('View Certificate Details', () => {
    it('shows every property of the certificate and its chain', async () => {
      const host = await testHost();
      await run(host, `Request-CsCertificate -New -Type ${THREE} -Assign`);
      const { objects, text } = await run(host, 'Get-CsCertificateStatus | Format-List *');
      expect(objects).to.have.length(1);
      for (const label of ['RequestStatus', 'Thumbprint', 'Issuer', 'SerialNumber', 'EnhancedKeyUsageList', 'AssignedTo', 'Chain'])
        expect(text).to.match(new RegExp(`^${label}\\s+:`, 'm'));
      expect(text, 'the signature algorithm as Windows names it').to.match(/^SignatureAlgorithm\s+: sha256RSA$/m);
      const status = (await run(host, 'Get-CsCertificateStatus')).objects[0]!;
      expect((status.Chain as { Status: string; Store: string }[]).map((l) => `${l.Status}/${l.Store}`))
        .to.deep.equal(['Present/My', 'Present/CA', 'Trusted/Root']);
    });
  });

  describe('when the CA is not trusted (trust: false)', () => {
    it('says the root is untrusted, refuses assignment, and succeeds once the CA certificates are imported', async () => {
      const host = await testHost();
      await run(host, untrustedConfig);
      const requested = (await run(host, `Request-CsCertificate -New -Type ${THREE} -Assign`));
      const status = requested.objects[0]!;
      expect(status).to.include({ RequestStatus: 'Issued', ChainStatus: 'UntrustedRoot', CanAssign: false, Assigned: false });
      expect(status.Message).to.match(/root 'CN=untrusted-ca Root, O=cscert' is not in the Trusted Root store/);
      expect((await run(host, 'Get-CsCertificate')).objects).to.deep.equal([]);

      const refused = await run(host, `Set-CsCertificate -Type Default -Thumbprint ${status.Thumbprint}`);
      expect(refused.errors.map((e) => [e.error.id, e.error.category])).to.deep.equal([['UntrustedRoot', 'SecurityError']]);
      expect(refused.errors[0]!.error.message).to.include('untrusted-ca Root');
      expect(refused.errors[0]!.error.hint).to.match(/Import/);

      const imported = await run(host, '$ca = Get-CsCertificateAuthority; Import-CsCertificate -Path $ca.RootCertificatePath; Import-CsCertificate -Path $ca.IssuingCertificatePath');
      expect(imported.errors).to.deep.equal([]);
      const assigned = await run(host, `Set-CsCertificate -Type ${THREE} -Thumbprint ${status.Thumbprint}; Get-CsCertificate`);
      expect(assigned.errors).to.deep.equal([]);
      expect(assigned.objects).to.have.length(3);
    });

    it('names the missing intermediate once the root alone is imported', async () => {
      const host = await testHost();
      await run(host, untrustedConfig);
      const status = (await run(host, `Request-CsCertificate -New -Type Default`)).objects[0]!;
      const NOT_INSTALLED = 'Not installed (sent by the CA)';
      const storesOf = async () => ((await run(host, 'Get-CsCertificateStatus')).objects[0]!.Chain as { Status: string; Store: string }[])
        .map((l) => `${l.Status}/${l.Store}`);
      // The CA's certificates came with its answer: the chain says they are not installed, not where they came from.
      expect(await storesOf()).to.deep.equal(['Present/My', `Missing/${NOT_INSTALLED}`, `Missing/${NOT_INSTALLED}`]);
      await run(host, '$ca = Get-CsCertificateAuthority; Import-CsCertificate -Path $ca.RootCertificatePath');
      expect(await storesOf()).to.deep.equal(['Present/My', `Missing/${NOT_INSTALLED}`, 'Trusted/Root']);
      const refused = await run(host, `Set-CsCertificate -Type Default -Thumbprint ${status.Thumbprint}`);
      expect(refused.errors.map((e) => e.error.id)).to.deep.equal(['MissingIntermediate']);
      expect(refused.errors[0]!.error.message).to.include("CN=untrusted-ca");
    });
  });
});
