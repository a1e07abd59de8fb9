// The command lines of the reference's §4.2 (the SfB conceptual pages: OAuth certificate, staging
// with -Roll, mobility, certificate review, AOL client EKU) run in Contoso's deployment and do
// what the pages say. A `<thumb print>` placeholder is filled with a real thumbprint; the
// documentation's own 43-character thumbprint is refused. Also: -WhatIf on every changing
// certificate cmdlet changes nothing.
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTOSO_EDGE, contosoSetup } from '../../../cmdlets/shared/example-setup.js';
import { snapshot } from '../../certs/helpers.js';
import { plain } from '../../support/plain.js';
import { testHost, type TestHost } from '../../support/test-host.js';

type Row = Record<string, unknown>;

interface Contoso { host: TestHost; run(code: string): Promise<Awaited<ReturnType<TestHost['run']>> & { objects: Row[] }> }

/** A shell on a Contoso computer (the Front End unless named), its clock at `now`, its store shared when given. */
async function contoso(options: { computer?: string; now?: string; store?: string } = {}): Promise<Contoso> {
  const host = await testHost({ now: options.now ? new Date(options.now) : undefined,
    env: options.store ? { CSCERT_STORE: options.store } : {} });
  await host.run(contosoSetup(options.computer));
  return { host, run: async (code) => { const r = await host.run(code); return { ...r, objects: r.output.map(plain) as Row[] }; } };
}

const thumbprintOf = async (shell: Contoso, request: string) => (await shell.run(request)).objects[0]!.Thumbprint as string;
const uses = (rows: Row[]) => rows.map((r) => [r.Use, r.Thumbprint, r.PreviousThumbprint, r.EffectiveDate]);
const DOC_THUMBPRINT = 'B142918E463981A76503828BB1278391B716280987B';
const EDGE_EXTERNAL = 'Request-CsCertificate -New -Type AccessEdgeExternal,DataEdgeExternal,AudioVideoAuthentication';

describe('reference §4.2 examples', function () {
  this.timeout(120_000);

  describe('the server-to-server (OAuth) certificate', () => {
    it('Get-CsCertificate -Type OAuthTokenIssuer returns nothing until one is assigned', async () => {
      const shell = await contoso();
      expect((await shell.run('Get-CsCertificate -Type OAuthTokenIssuer')).objects).to.deep.equal([]);
    });

    it('Import-CsCertificate -Identity global -Type OAuthTokenIssuer imports the PFX and assigns it once, globally', async () => {
      const maker = await contoso();
      const made = await thumbprintOf(maker, 'Request-CsCertificate -New -Type OAuthTokenIssuer -PrivateKeyExportable $true');
      await maker.run(`Export-CsCertificate -Thumbprint ${made} -Path ServerToServerAuth.pfx -Password "P@ssw0rd" -IncludeChain`);
      const shell = await contoso();
      copyFileSync(join(maker.host.dir, 'work', 'ServerToServerAuth.pfx'), join(shell.host.dir, 'work', 'ServerToServerAuth.pfx'));
      const imported = await shell.run('Import-CsCertificate -Identity global -Type OAuthTokenIssuer -Path .\\ServerToServerAuth.pfx  -Password "P@ssw0rd"');
      expect(imported.errors).to.deep.equal([]);
      const [reference] = (await shell.run('Get-CsCertificate -Type OAuthTokenIssuer')).objects;
      expect(reference).to.include({ Thumbprint: made, Use: 'OAuthTokenIssuer', SourceScope: 'Global', Subject: 'CN=contoso.com, O=Contoso, C=US' });
    });

    it('$x = (Get-CsCertificate -Type Default).Thumbprint, then Set-CsCertificate -Identity global makes it the OAuth certificate at once', async () => {
      const shell = await contoso();
      const previous = await thumbprintOf(shell, 'Request-CsCertificate -New -Type OAuthTokenIssuer -Assign');
      const defaultCertificate = await thumbprintOf(shell, 'Request-CsCertificate -New -Type Default -Assign');
      const r = await shell.run('$x = (Get-CsCertificate -Type Default).Thumbprint\nSet-CsCertificate -Identity global -Type OAuthTokenIssuer -Thumbprint $x');
      expect(r.errors).to.deep.equal([]);
      const rows = (await shell.run('Get-CsCertificate -Type OAuthTokenIssuer')).objects;
      expect(uses(rows)).to.deep.equal([['OAuthTokenIssuer', defaultCertificate, previous, null]]);
    });

    it('... -EffectiveDate "7/1/2015" -Roll makes it current on July 1, 2015, the old one previous', async () => {
      const before = await contoso({ now: '2015-06-20T00:00:00Z' });
      const old = await thumbprintOf(before, 'Request-CsCertificate -New -Type OAuthTokenIssuer -Assign');
      const rolled = await thumbprintOf(before, 'Request-CsCertificate -New -Type Default -Assign');
      const r = await before.run('$x = (Get-CsCertificate -Type Default).Thumbprint\nSet-CsCertificate -Identity global -Type OAuthTokenIssuer -Thumbprint $x -EffectiveDate "7/1/2015" -Roll');
      expect(r.errors).to.deep.equal([]);
      const staged = (await before.run('Get-CsCertificate -Type OAuthTokenIssuer')).objects;
      expect(uses(staged)).to.deep.equal([['OAuthTokenIssuer', old, null, null], ['OAuthTokenIssuer', rolled, old, '2015-07-01T00:00:00.000Z']]);
      const after = await contoso({ now: '2015-07-02T00:00:00Z', store: before.host.env.CSCERT_STORE });
      const current = (await after.run('Get-CsCertificate -Type OAuthTokenIssuer')).objects;
      expect(uses(current)).to.deep.equal([['OAuthTokenIssuer', rolled, old, '2015-07-01T00:00:00.000Z']]);
    });
  });

  describe('staging A/V and OAuth certificates with -Roll', () => {
    it('stages the new A/V certificate for 7/22/2015 6:00 AM; after that it is current and Remove -Previous drops the old one', async () => {
      const edge = await contoso({ computer: CONTOSO_EDGE, now: '2015-07-20T00:00:00Z' });
      const old = await thumbprintOf(edge, `${EDGE_EXTERNAL} -Assign`);
      const fresh = await thumbprintOf(edge, EDGE_EXTERNAL);
      const r = await edge.run(`Set-CsCertificate -Type AudioVideoAuthentication -Thumbprint "${fresh}" -Roll -EffectiveDate "7/22/2015 6:00:00 AM"`);
      expect(r.errors).to.deep.equal([]);
      expect(uses((await edge.run('Get-CsCertificate -Type AudioVideoAuthentication')).objects)).to.deep.equal([
        ['AudioVideoAuthentication', old, null, null], ['AudioVideoAuthentication', fresh, old, '2015-07-22T06:00:00.000Z']]);
      expect(uses((await edge.run('Get-CsCertificate -Type AccessEdgeExternal')).objects), 'the other Edge usages keep the old one')
        .to.deep.equal([['AccessEdgeExternal', old, null, null]]);

      const later = await contoso({ computer: CONTOSO_EDGE, now: '2015-07-22T14:00:00Z', store: edge.host.env.CSCERT_STORE });
      expect(uses((await later.run('Get-CsCertificate -Type AudioVideoAuthentication')).objects)).to.deep.equal([
        ['AudioVideoAuthentication', fresh, old, '2015-07-22T06:00:00.000Z']]);
      expect((await later.run('Remove-CsCertificate -Type AudioVideoAuthentication -Previous')).errors).to.deep.equal([]);
      const [after] = (await later.run('Get-CsCertificate -Type AudioVideoAuthentication')).objects;
      expect(after).to.include({ Thumbprint: fresh, PreviousThumbprint: null });
      expect((await later.run(`Test-Path Cert:\\LocalMachine\\My\\${old}`)).output, 'removing un-assigns, never deletes').to.deep.equal([true]);
    });

    for (const [form, line] of [
      ['with -identity Global (the template, lower case)', (t: string) => `Set-CsCertificate -Type OAuthTokenIssuer -Thumbprint ${t} -Roll -EffectiveDate "7/21/2015 1:00:00 PM" -identity Global`],
      ['without -Identity (the worked example)', (t: string) => `Set-CsCertificate -Type OAuthTokenIssuer -Thumbprint "${t}" -Roll -EffectiveDate "7/21/2015 1:00:00 PM"`],
    ] as const)
      it(`stages the new OAuth certificate at the global scope ${form}; Remove -Previous drops the old one later`, async () => {
        const shell = await contoso({ now: '2015-07-20T00:00:00Z' });
        const old = await thumbprintOf(shell, 'Request-CsCertificate -New -Type OAuthTokenIssuer -Assign');
        const fresh = await thumbprintOf(shell, 'Request-CsCertificate -New -Type OAuthTokenIssuer');
        expect((await shell.run(line(fresh))).errors).to.deep.equal([]);
        const staged = (await shell.run('Get-CsCertificate -Identity global -Type OAuthTokenIssuer')).objects;
        expect(uses(staged)).to.deep.equal([['OAuthTokenIssuer', old, null, null], ['OAuthTokenIssuer', fresh, old, '2015-07-21T13:00:00.000Z']]);
        expect(staged.map((r) => r.SourceScope)).to.deep.equal(['Global', 'Global']);
        const later = await contoso({ now: '2015-07-23T00:00:00Z', store: shell.host.env.CSCERT_STORE });
        expect((await later.run('Remove-CsCertificate -Type OAuthTokenIssuer -Previous')).errors).to.deep.equal([]);
        expect(uses((await later.run('Get-CsCertificate -Type OAuthTokenIssuer')).objects)).to.deep.equal([
          ['OAuthTokenIssuer', fresh, null, '2015-07-21T13:00:00.000Z']]);
      });

    it("refuses the documentation's 43-character thumbprint by name, changing nothing", async () => {
      const edge = await contoso({ computer: CONTOSO_EDGE });
      await edge.run(`${EDGE_EXTERNAL} -Assign`);
      const before = snapshot(edge.host.env.CSCERT_STORE!);
      const r = await edge.run(`Set-CsCertificate -Type AudioVideoAuthentication -Thumbprint "${DOC_THUMBPRINT}" -Roll -EffectiveDate "7/22/2015 6:00:00 AM"`);
      expect(r.errors.map((e) => [e.error.id, e.error.category])).to.deep.equal([['InvalidThumbprint', 'InvalidArgument']]);
      expect(r.errors[0]!.error.message).to.contain(DOC_THUMBPRINT).and.contain('40 hexadecimal digits').and.contain('43');
      expect(snapshot(edge.host.env.CSCERT_STORE!)).to.deep.equal(before);
    });
  });

  describe('mobility (Autodiscover) certificates', () => {
    const sansOf = async (shell: Contoso, thumbprint: string) =>
      (await shell.run(`(Get-Item Cert:\\LocalMachine\\My\\${thumbprint}).DnsNameList`)).output as string[];

    it('Request -AllSipDomain -Ca dc\\myca adds the lyncdiscover names of every SIP domain to one certificate', async () => {
      const shell = await contoso();
      const r = await shell.run('Request-CsCertificate -New -Type Default,WebServicesInternal,WebServicesExternal -Ca dc\\myca -AllSipDomain -verbose');
      expect(r.objects[0]).to.include({ RequestStatus: 'Issued', CA: 'dc\\myca' });
      const sans = await sansOf(shell, r.objects[0]!.Thumbprint as string);
      expect(sans).to.include.members(['sip.contoso.com', 'sip.contoso.net', 'lyncdiscoverinternal.contoso.com',
        'lyncdiscoverinternal.contoso.net', 'lyncdiscover.contoso.com', 'lyncdiscover.contoso.net', 'se01.contoso.com']);
      expect(r.verbose).to.include('Certificate request submitted to certification authority (CA) "dc\\myca".');
    });

    it('Request -DomainName "LyncdiscoverInternal.contoso.com, LyncdiscoverInternal.contoso.net" lists those names first', async () => {
      const shell = await contoso();
      const r = await shell.run('Request-CsCertificate -New -Type Default,WebServicesInternal,WebServicesExternal -Ca dc\\myca -DomainName "LyncdiscoverInternal.contoso.com, LyncdiscoverInternal.contoso.net" -verbose');
      const sans = await sansOf(shell, r.objects[0]!.Thumbprint as string);
      expect(sans.slice(0, 2)).to.deep.equal(['LyncdiscoverInternal.contoso.com', 'LyncdiscoverInternal.contoso.net']);
      expect(sans.filter((name) => /lyncdiscoverinternal/i.test(name)), 'no name twice').to.have.length(2);
    });

    const perUse = [
      ['WebServicesInternal', '-AllSipDomain', ['lyncdiscoverinternal.contoso.com', 'lyncdiscoverinternal.contoso.net']],
      ['WebServicesInternal', '-DomainName "LyncdiscoverInternal.contoso.com, LyncdiscoverInternal.contoso.net"', ['LyncdiscoverInternal.contoso.com', 'LyncdiscoverInternal.contoso.net']],
      ['WebServicesExternal', '-AllSipDomain', ['lyncdiscover.contoso.com', 'lyncdiscover.contoso.net']],
      ['WebServicesExternal', '-DomainName "Lyncdiscover.contoso.com, Lyncdiscover.contoso.net"', ['Lyncdiscover.contoso.com', 'Lyncdiscover.contoso.net']],
    ] as const;
    it('the per-use requests carry the lyncdiscover names of their use, and Set-CsCertificate assigns each separately', async () => {
      const shell = await contoso();
      const thumbprints: string[] = [];
      for (const [type, names, expected] of perUse) {
        const thumbprint = await thumbprintOf(shell, `Request-CsCertificate -New -Type ${type} -Ca dc\\myca ${names} -verbose`);
        expect(await sansOf(shell, thumbprint), `${type} ${names}`).to.include.members([...expected]);
        thumbprints.push(thumbprint);
      }
      const defaultCertificate = await thumbprintOf(shell, 'Request-CsCertificate -New -Type Default -Ca dc\\myca');
      const [, internal, , external] = thumbprints;
      const r = await shell.run(`Set-CsCertificate -Type Default -Thumbprint ${defaultCertificate}\n` +
        `Set-CsCertificate -Type WebServicesInternal -Thumbprint ${internal}\nSet-CsCertificate -Type WebServicesExternal -Thumbprint ${external}`);
      expect(r.errors).to.deep.equal([]);
      const assigned = (await shell.run('Get-CsCertificate')).objects.map((o) => [o.Use, o.Thumbprint]);
      expect(assigned).to.deep.equal([['Default', defaultCertificate], ['WebServicesInternal', internal], ['WebServicesExternal', external]]);
    });

    it('Set-CsCertificate -Type Default,WebServicesInternal,WebServicesExternal assigns one certificate to all three uses', async () => {
      const shell = await contoso();
      const thumbprint = await thumbprintOf(shell, 'Request-CsCertificate -New -Type Default,WebServicesInternal,WebServicesExternal -Ca dc\\myca -AllSipDomain');
      const r = await shell.run(`Set-CsCertificate -Type Default,WebServicesInternal,WebServicesExternal -Thumbprint ${thumbprint}`);
      expect(r.errors.concat()).to.deep.equal([]);
      expect(r.warnings, 'the names match what the topology computes').to.deep.equal([]);
      const assigned = (await shell.run('Get-CsCertificate')).objects.map((o) => [o.Use, o.Thumbprint]);
      expect(assigned).to.deep.equal([['Default', thumbprint], ['WebServicesInternal', thumbprint], ['WebServicesExternal', thumbprint]]);
    });
  });

  describe('certificate review', () => {
    /** April 2014: Default and WebServicesInternal until 2016, WebServicesExternal (a 30-day CA) until May 2014. */
    async function reviewed() {
      const shell = await contoso({ now: '2014-04-01T00:00:00Z' });
      const long = await thumbprintOf(shell, 'Request-CsCertificate -New -Type Default,WebServicesInternal -Assign');
      const short = (await shell.run('Request-CsCertificate -New -Type WebServicesExternal -CA "dc\\shortlived-ca" -Assign')).objects[0]!;
      return { shell, long, short };
    }

    it('Where-Object {$_.NotAfter -lt "6/1/2014"} returns the certificates that expire before June 1, 2014', async () => {
      const { shell, short } = await reviewed();
      const rows = (await shell.run('Get-CsCertificate | Where-Object {$_.NotAfter -lt "6/1/2014"}')).objects;
      expect(rows.map((r) => [r.Use, r.Thumbprint])).to.deep.equal([['WebServicesExternal', short.Thumbprint]]);
    });

    it('Select-Object Use, SerialNumber, NotAfter | Sort-Object NotAfter lists the uses, soonest expiry first', async () => {
      const { shell } = await reviewed();
      const rows = (await shell.run('Get-CsCertificate | Select-Object Use, SerialNumber, NotAfter | Sort-Object NotAfter')).objects;
      expect(rows.map((r) => Object.keys(r))).to.deep.equal(Array(3).fill(['Use', 'SerialNumber', 'NotAfter']));
      expect(rows[0]!.Use).to.equal('WebServicesExternal');
      expect(rows.map((r) => r.NotAfter as string)).to.deep.equal(rows.map((r) => r.NotAfter as string).sort());
    });

    it('Where-Object {$_.SerialNumber -eq "..."} | Select-Object -ExpandProperty AlternativeNames lists that certificate\'s SANs', async () => {
      const { shell, short } = await reviewed();
      const serial = (await shell.run(`(Get-Item Cert:\\LocalMachine\\My\\${short.Thumbprint}).SerialNumber`)).output[0];
      const r = await shell.run(`Get-CsCertificate | Where-Object {$_.SerialNumber -eq "${serial}"} | Select-Object -ExpandProperty AlternativeNames`);
      expect(r.output).to.deep.equal(short.AlternativeNames);
      expect(r.output).to.include('lyncdiscover.contoso.com');
    });
  });

  it('AOL public IM: Request -New -Type AccessEdgeExternal -Output <file> -ClientEku $true -Template <name> writes a CSR asking for client authentication', async () => {
    const edge = await contoso({ computer: CONTOSO_EDGE });
    const r = await edge.run('Request-CsCertificate -New -Type AccessEdgeExternal  -Output .\\certfilename.csr  -ClientEku $true -Template WebServerClientEku');
    expect(r.objects[0]).to.include({ RequestStatus: 'Offline', Subject: 'CN=sip.contoso.com' });
    const text = execFileSync('openssl', ['req', '-in', join(edge.host.dir, 'work', 'certfilename.csr'), '-noout', '-text', '-verify'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(text).to.match(/Subject: .*CN ?= ?sip\.contoso\.com/);
    expect(text).to.contain('TLS Web Server Authentication').and.contain('TLS Web Client Authentication');
    expect(text).to.contain('DNS:sip.contoso.com');
    const waiting = (await edge.run('Get-ChildItem Cert:\\LocalMachine\\REQUEST')).objects;
    expect(waiting.map((w) => w.RequestStatus)).to.deep.equal(['Offline']);
    // Windows shows the usages the request asks for, read from its CSR.
    expect(waiting[0]!.EnhancedKeyUsageList).to.deep.equal(['Server Authentication (1.3.6.1.5.5.7.3.1)', 'Client Authentication (1.3.6.1.5.5.7.3.2)']);
  });
});
