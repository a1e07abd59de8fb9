// The certificate cmdlets through real scripts: failures by id and category with the store
// unchanged byte for byte, and the workflows around a request (pending approval, offline file,
// PFX round trip, rolling, removal, the configuration test).
import { expect } from 'chai';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testHost, type TestHost } from '../../support/test-host.js';
import { plain } from '../../support/plain.js';
import { openssl, snapshot } from '../../certs/helpers.js';

type Row = Record<string, unknown>;
const run = async (host: TestHost, code: string) => {
  const result = await host.run(code);
  return { ...result, objects: result.output.map(plain) as Row[], ids: result.errors.map((e) => e.error.id) };
};
const storeOf = (host: TestHost) => host.env.CSCERT_STORE!;

/** A host whose store holds one issued, exportable, unassigned certificate; returns its thumbprint. */
async function hostWithCertificate(): Promise<{ host: TestHost; thumbprint: string }> {
  const host = await testHost();
  const { objects } = await run(host, 'Request-CsCertificate -New -Type Default -PrivateKeyExportable $true');
  return { host, thumbprint: objects[0]!.Thumbprint as string };
}

describe('certificate cmdlet failures', function () {
  this.timeout(60_000);
  const failures: [string, (t: string) => string, string, string][] = [
    ['-Roll without -EffectiveDate', (t) => `Set-CsCertificate -Type Default -Thumbprint ${t} -Roll`, 'RollWithoutEffectiveDate', 'InvalidArgument'],
    ["the reference's 43-character thumbprint", () => 'Set-CsCertificate -Type Default -Thumbprint "B142918E463981A76503828BB1278391B716280987B"', 'InvalidThumbprint', 'InvalidArgument'],
    ['a thumbprint the store lacks', () => `Set-CsCertificate -Type Default -Thumbprint ${'AB'.repeat(20)}`, 'CertificateNotFound', 'ObjectNotFound'],
    ['an unknown CA', () => 'Request-CsCertificate -New -Type Default -CA "nowhere\\ca"', 'UnknownCertificationAuthority', 'ObjectNotFound'],
    ['a type this role does not need', () => 'Request-CsCertificate -New -Type AccessEdgeExternal', 'CertificateTypeNotNeeded', 'InvalidArgument'],
    ['a wrong PFX password', (t) => `Export-CsCertificate -Thumbprint ${t} -Path c.pfx -Password right; Import-CsCertificate -Path c.pfx -Password wrong`, 'WrongPassword', 'AuthenticationError'],
    ['a file that is no certificate', () => 'Set-Content junk.cer "not a certificate"; Import-CsCertificate -Path junk.cer', 'MalformedCertificateFile', 'InvalidData'],
    ['a missing file', () => 'Import-CsCertificate -Path missing.pfx', 'CertificateFileNotFound', 'ObjectNotFound'],
    ['an unknown -Identity', (t) => `Set-CsCertificate -Type Default -Thumbprint ${t} -Identity site:Redmond`, 'InvalidIdentity', 'InvalidArgument'],
  ];
  for (const [situation, code, id, category] of failures)
    it(`reports ${situation} as ${id} and leaves the store unchanged`, async () => {
      const { host, thumbprint } = await hostWithCertificate();
      await run(host, `Export-CsCertificate -Thumbprint ${thumbprint} -Path c.pfx -Password right`);
      const before = snapshot(storeOf(host));
      const { errors } = await run(host, code(thumbprint));
      expect(errors.map((e) => [e.error.id, e.error.category])).to.deep.equal([[id, category]]);
      expect(errors[0]!.error.hint).to.be.a('string').and.not.empty;
      expect(snapshot(storeOf(host))).to.deep.equal(before);
    });

  it('names the configured CAs when -CA names none of them', async () => {
    const { errors } = await run(await testHost(), 'Request-CsCertificate -New -Type Default -CA "nowhere\\ca"');
    expect(errors[0]!.error.message).to.match(/configured ones are: .*cscert-ca/);
  });

  it('refuses to export a key that was not marked exportable', async () => {
    const host = await testHost();
    const { ids } = await run(host, '$s = Request-CsCertificate -New -Type Default; Export-CsCertificate -Thumbprint $s.Thumbprint -Path c.pfx -Password p');
    expect(ids).to.deep.equal(['PrivateKeyNotExportable']);
  });

  it('never shows a password in output, verbose text or errors', async () => {
    const { host, thumbprint } = await hostWithCertificate();
    const r = await run(host, `Export-CsCertificate -Thumbprint ${thumbprint} -Path c.pfx -Password Sup3rSecret -Verbose; ` +
      'Import-CsCertificate -Path c.pfx -Password WrongSecret -Verbose');
    expect(r.text + r.stderr + r.verbose.join('\n')).to.not.match(/Sup3rSecret|WrongSecret/);
  });
});

describe('certificate workflows', function () {
  this.timeout(60_000);

  it('holds a request Pending at a manual CA until approved, then installs and assigns it on -Retrieve', async () => {
    const host = await testHost();
    writeFileSync(join(host.dir, 'work', '.cscertrc.json'), JSON.stringify({ authorities: { 'lab\\manual': { kind: 'local', policy: 'manual' } } }));
    const pending = (await run(host, 'Request-CsCertificate -New -Type Default -Assign')).objects[0]!;
    expect(pending).to.include({ RequestStatus: 'Pending', Thumbprint: null });
    expect((await run(host, 'Request-CsCertificate -List')).objects.map((r) => r.RequestStatus)).to.deep.equal(['Pending']);
    const approved = await run(host, `Approve-CsCertificateRequest -RequestId ${pending.RequestId}`);
    expect(approved.objects[0]).to.include({ RequestStatus: 'Issued' });
    const retrieved = (await run(host, `Request-CsCertificate -Retrieve -RequestId ${pending.RequestId}`)).objects[0]!;
    expect(retrieved).to.include({ RequestStatus: 'Issued', Assigned: true });
    expect((await run(host, 'Get-CsCertificate')).objects.map((r) => r.Thumbprint)).to.deep.equal([retrieved.Thumbprint]);
  });

  it('reports a denied request as Denied with the reason', async () => {
    const host = await testHost();
    writeFileSync(join(host.dir, 'work', '.cscertrc.json'), JSON.stringify({ authorities: { 'lab\\manual': { kind: 'local', policy: 'manual' } } }));
    const r = await run(host, '$r = Request-CsCertificate -New -Type Default; Deny-CsCertificateRequest $r.RequestId -Reason "Use the pool name."; Request-CsCertificate -Retrieve -RequestId $r.RequestId');
    expect(r.objects.map((o) => o.RequestStatus)).to.deep.equal(['Denied', 'Denied']);
    expect(r.objects[1]!.Message).to.include('Use the pool name.');
  });

  it('writes an offline request as a PKCS#10 file and keeps it in REQUEST', async () => {
    const host = await testHost();
    const r = await run(host, 'Request-CsCertificate -New -Type WebServicesExternal -Output WebServicesExternal.cer; ' +
      'Get-Content WebServicesExternal.cer -TotalCount 1; (Get-ChildItem Cert:\\LocalMachine\\REQUEST).Count');
    expect(r.errors).to.deep.equal([]);
    expect(r.objects[0]).to.include({ RequestStatus: 'Offline', Thumbprint: null });
    expect(r.output.slice(1)).to.deep.equal(['-----BEGIN CERTIFICATE REQUEST-----', 1]);
  });

  // The certificate-type extension (1.3.6.1.4.1.311.20.2) holds the template's name as a BMPString; openssl
  // prints its bytes as text, each UTF-16BE high byte (0) a dot: "...W.e.b.S.e.r.v.e.r".
  for (const [given, template] of [['-Template SfB5YrExpiry', 'SfB5YrExpiry'], ['no -Template', 'WebServer']] as const)
    it(`names the template in an offline request's file (${given}), and openssl still verifies it`, async () => {
      const host = await testHost();
      const r = await run(host, `Request-CsCertificate -New -Type Default -Output d.req ${given.startsWith('-') ? given : ''}`);
      expect(r.errors).to.deep.equal([]);
      const shown = openssl(['req', '-verify', '-noout', '-text', '-in', join(host.dir, 'work', 'd.req')]);
      expect(shown.ok, shown.output).to.equal(true);
      const [, value] = /1\.3\.6\.1\.4\.1\.311\.20\.2: *\n *(\S+)/.exec(shown.output) ?? [];
      expect(value).to.equal(`..${[...template].map((c) => `.${c}`).join('')}`);
    });

  it('exports a PFX and imports it back with its private key', async () => {
    const { host, thumbprint } = await hostWithCertificate();
    const r = await run(host, `Export-CsCertificate -Thumbprint ${thumbprint} -Path a.pfx -Password p -IncludeChain; ` +
      `Remove-Item Cert:\\LocalMachine\\My\\${thumbprint}; Test-Path Cert:\\LocalMachine\\My\\${thumbprint}; ` +
      `Import-CsCertificate -Path a.pfx -Password p; (Get-Item Cert:\\LocalMachine\\My\\${thumbprint}).HasPrivateKey`);
    expect(r.errors).to.deep.equal([]);
    expect(r.output).to.deep.equal([false, true]);
  });

  it('stages a rolled certificate beside the current one until its effective date', async () => {
    const host = await testHost();
    const r = await run(host, '$old = Request-CsCertificate -New -Type AudioVideoAuthentication -Assign -ErrorAction SilentlyContinue; ' +
      '$a = Request-CsCertificate -New -Type Default -Assign; $b = Request-CsCertificate -New -Type Default; ' +
      'Set-CsCertificate -Type Default -Thumbprint $b.Thumbprint -Roll -EffectiveDate "1/2/2030 6:00 AM"; ' +
      'Get-CsCertificate -Type Default | Select-Object Thumbprint, EffectiveDate, PreviousThumbprint; $a.Thumbprint; $b.Thumbprint');
    const [current, staged, a, b] = r.objects as unknown as [Row, Row, string, string];
    expect(current).to.include({ Thumbprint: a, EffectiveDate: null });
    expect(staged).to.include({ Thumbprint: b, PreviousThumbprint: a });
  });

  it('removes an assignment in use only with -Force, and never deletes the certificate', async () => {
    const host = await testHost();
    const r = await run(host, '$s = Request-CsCertificate -New -Type WebServicesExternal -Assign; Remove-CsCertificate -Type WebServicesExternal; ' +
      '@(Get-CsCertificate).Count; Remove-CsCertificate -Type WebServicesExternal -Force; @(Get-CsCertificate).Count; Test-Path "Cert:\\LocalMachine\\My\\$($s.Thumbprint)"');
    expect(r.output).to.deep.equal([1, 0, true]);
  });

  it('tests every usage of a Front End: three assigned, OAuthTokenIssuer missing', async () => {
    const host = await testHost();
    const r = await run(host, 'Request-CsCertificate -New -Type Default,WebServicesInternal,WebServicesExternal -Assign | Out-Null; Test-CsCertificateConfiguration');
    expect(r.objects.map((o) => [o.Use, o.Status])).to.deep.equal([['Default', 'OK'], ['WebServicesInternal', 'OK'],
      ['WebServicesExternal', 'OK'], ['OAuthTokenIssuer', 'Error']]);
    expect(r.objects[3]!.Issues).to.deep.equal(['NotAssigned']);
  });

  it('reads the topology like the community scripts do', async () => {
    const r = await run(await testHost(), '$pool = (Get-CsComputer -Local).Pool; (Get-CsPool $pool).Computers.Count; (Get-CsSipDomain).IsDefault');
    expect(r.errors).to.deep.equal([]);
    expect(r.output).to.deep.equal([1, true]);
  });
});

describe('import and assign as one change', function () {
  this.timeout(60_000);
  for (const line of ['Import-CsCertificate -Identity global -Type OAuthTokenIssuer -Path .\\u.pfx -Password p',
    'Set-CsCertificate -Path .\\u.pfx -Password p -Type Default'])
    it(`${line.split(' ')[0]} keeps nothing of the file when the assignment is refused`, async () => {
      const maker = await testHost();
      writeFileSync(join(maker.dir, 'work', '.cscertrc.json'), JSON.stringify({ authorities: { 'lab\\untrusted-ca': { kind: 'local', trust: false } } }));
      await run(maker, '$t = (Request-CsCertificate -New -Type Default -PrivateKeyExportable $true).Thumbprint; Export-CsCertificate -Thumbprint $t -Path u.pfx -Password p');
      const host = await testHost();
      copyFileSync(join(maker.dir, 'work', 'u.pfx'), join(host.dir, 'work', 'u.pfx'));
      await run(host, 'Get-CsCertificate');   // opens the store
      const before = snapshot(storeOf(host));
      const { ids } = await run(host, line);
      expect(ids).to.have.length(1);
      expect(['UntrustedRoot', 'MissingIntermediate']).to.include(ids[0]);
      expect(snapshot(storeOf(host))).to.deep.equal(before);
    });
});
