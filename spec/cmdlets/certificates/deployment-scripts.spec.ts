// The public deployment scripts of the reference's §7 run through the real cscert (dist/, built by
// `npm test`) with their cscert lines unchanged: the scripts live in ./deployment-scripts, where
// each says what Windows-only command it replaces and by what. Each run is checked for its exit
// code, what it prints, what it leaves in the store and the -Report files it writes.
import { expect } from 'chai';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { litwareConfig } from '../../../cmdlets/shared/example-setup.js';
import { cleanEnv, runCli, tempDir, type CliResult } from '../../support/cli.js';

const SCRIPTS = join(import.meta.dirname, 'deployment-scripts');
const EDGE = 'atl-edge-001.litwareinc.com';
const EDGE_EXTERNAL = 'AccessEdgeExternal,DataEdgeExternal,AudioVideoAuthentication';

/** A Litware server's working directory: its configuration, the scripts, G:\Logs\<domain>\ as ./Logs/litwareinc.com. */
function server(computer = 'atl-cs-001.litwareinc.com') {
  const dir = tempDir('cscert-deploy-');
  writeFileSync(join(dir, '.cscertrc.json'), JSON.stringify(litwareConfig(computer)));
  for (const script of readdirSync(SCRIPTS)) copyFileSync(join(SCRIPTS, script), join(dir, script));
  mkdirSync(join(dir, 'Logs', 'litwareinc.com'), { recursive: true });
  mkdirSync(join(dir, 'cert'));
  const env = cleanEnv(dir, { COMPUTERNAME: computer.split('.')[0] });
  const cli = (...args: string[]): CliResult => runCli(args, { cwd: dir, env });
  /** Output lines of a command line, split. */
  const lines = (code: string) => cli('-c', code).stdout.split('\n').map((l) => l.trimEnd()).filter(Boolean);
  return { dir, cli, lines };
}

/** [Use, Thumbprint, PreviousThumbprint, EffectiveDate, SourceScope] per object of Get-CsCertificate. */
const assignments = (site: ReturnType<typeof server>) => site.lines('Get-CsCertificate | ForEach-Object { ' +
  '"$($_.Use)|$($_.Thumbprint)|$($_.PreviousThumbprint)|$(if ($_.EffectiveDate) { $_.EffectiveDate.ToString(\'o\') })|$($_.SourceScope)" }')
  .map((row) => row.split('|'));

const expectClean = (r: CliResult) => { expect(r.stderr).to.equal(''); expect(r.status).to.equal(0); };

/** A PFX with its chain, made in another store as a public CA's answer would be; its thumbprint and NotBefore. */
function publicEdgeCertificate(password: string) {
  const elsewhere = server(EDGE);
  const made = elsewhere.cli('-c', `$r = Request-CsCertificate -New -Type ${EDGE_EXTERNAL} -PrivateKeyExportable $true\n` +
    `Export-CsCertificate -Thumbprint $r.Thumbprint -Path edge.pfx -Password "${password}" -IncludeChain\n` +
    '$r.Thumbprint; (Get-Item "Cert:\\LocalMachine\\My\\$($r.Thumbprint)").NotBefore.ToString("o")');
  expectClean(made);   // a failure here shows as itself, not as a missing edge.pfx later
  const [thumbprint, notBefore] = made.stdout.split('\n').map((l) => l.trimEnd()).filter(Boolean);
  return { path: join(elsewhere.dir, 'edge.pfx'), thumbprint: thumbprint!, notBefore: notBefore! };
}

describe('the §7 deployment scripts through the cscert binary', function () {
  this.timeout(120_000);

  describe('ibenbouzid SfB-Install.ps1', () => {
    it('requests the Front End and OAuth certificates and assigns them by -Reference', () => {
      const site = server();
      expectClean(site.cli('SfB-Install.ps1'));
      const rows = assignments(site);
      expect(rows.map(([use, , , , scope]) => [use, scope])).to.deep.equal([['Default', 'Local'], ['WebServicesInternal', 'Local'],
        ['WebServicesExternal', 'Local'], ['OAuthTokenIssuer', 'Global']]);
      expect(new Set(rows.slice(0, 3).map(([, thumbprint]) => thumbprint)).size, 'one certificate for the three uses').to.equal(1);
      expect(rows[3]![1]).to.not.equal(rows[0]![1]);
      const [sans] = site.lines(`(Get-Item Cert:\\LocalMachine\\My\\${rows[0]![1]}).DnsNameList -join ','`);
      expect(sans!.split(',')).to.include.members(['sip.litwareinc.com', 'sip.fabrikam.com', 'atl-cs-001.litwareinc.com', 'pool1.litwareinc.com']);
      const [friendly] = site.lines(`(Get-Item Cert:\\LocalMachine\\My\\${rows[3]![1]}).FriendlyName`);
      expect(friendly).to.equal('OathCert');
    });

    it('writes each -Report $Logfilespath\'<name>.html\' log, and its XML twin, into the logs folder', () => {
      const site = server();
      expectClean(site.cli('SfB-Install.ps1'));
      const logs = join(site.dir, 'Logs', 'litwareinc.com');
      for (const name of ['11_Request-CsCertificate-Webserver', '12_Request-CsCertificate-Oauth', '13_Set-CsCertificate-Webserver', '14_Set-CsCertificate-OAuth'])
        for (const extension of ['.html', '.xml']) expect(existsSync(join(logs, name + extension)), name + extension).to.equal(true);
      expect(readFileSync(join(logs, '13_Set-CsCertificate-Webserver.xml'), 'utf8'))
        .to.contain('has been added to the local data store with the usage type &quot;WebServicesExternal&quot;');
    });
  });

  describe('ibenbouzid EDGE-Install.ps1', () => {
    const runEdgeInstall = () => {
      const site = server(EDGE);
      const bought = publicEdgeCertificate('Pa55w.rd');
      copyFileSync(bought.path, join(site.dir, 'cert', 'edge.litwareinc.com.pfx'));
      return { site, bought, result: site.cli('EDGE-Install.ps1', '-_certPassword', 'Pa55w.rd', '-_EdgeThumbprint', bought.thumbprint) };
    };

    it('requests the Internal certificate, imports the public PFX with its chain, then replaces it with the one it requests', () => {
      const { site, bought, result } = runEdgeInstall();
      expectClean(result);
      const rows = assignments(site);
      expect(rows.map(([use]) => use)).to.deep.equal(['Internal', ...EDGE_EXTERNAL.split(',')]);
      const [internal] = site.lines(`(Get-Item Cert:\\LocalMachine\\My\\${rows[0]![1]}).Subject`);
      expect(internal).to.equal('CN=edge.litwareinc.com, O=Litware, C=US');
      const requested = rows[1]![1]!;
      expect(rows.slice(1).every(([, thumbprint]) => thumbprint === requested)).to.equal(true);
      expect(requested).to.not.equal(bought.thumbprint);
      expect(site.lines(`Test-Path Cert:\\LocalMachine\\My\\${bought.thumbprint}`)).to.deep.equal(['True']);
      expect(site.lines('(Get-ChildItem Cert:\\LocalMachine\\Root).Count').map(Number)[0], "the PFX's root landed in Root").to.be.at.least(1);
      const [sans] = site.lines(`(Get-Item Cert:\\LocalMachine\\My\\${requested}).DnsNameList -join ','`);
      expect(sans!.split(',')).to.include.members(['litwareinc.com', 'sip.litwareinc.com']);
    });
  });

  describe('greiginsydney Update-SfbCertificate.ps1', () => {
    it('re-requests the running Front End certificate with its SANs, the pool members and sip.<domain>, and prints the Set line', () => {
      const site = server();
      site.cli('-c', 'Request-CsCertificate -New -Type Default,WebServicesInternal,WebServicesExternal -Assign | Out-Null');
      const r = site.cli('-c', './Update-SfbCertificate.ps1 -type Default,WebServicesExternal,WebServicesInternal ' +
        '-CA "atl-ca-001.litwareinc.com\\myca" -template "WebServer" -FriendlyName "SfB AU Pool internal cert April 2016" ' +
        '-AllSipDomain -AllPoolMemberServers -Confirm:$false');
      expectClean(r);
      const [created, setLine] = r.stdout.trim().split('\n');
      const thumbprint = /^New certificate: ([0-9A-F]{40}) CN=pool1\.litwareinc\.com/.exec(created!)?.[1];
      expect(thumbprint, created).to.be.a('string');
      expect(setLine).to.equal(`Set-CsCertificate -type Default,WebServicesExternal,WebServicesInternal -Thumbprint ${thumbprint} -confirm`);
      const [sans] = site.lines(`(Get-Item Cert:\\LocalMachine\\My\\${thumbprint}).DnsNameList -join ','`);
      expect(sans!.split(',')).to.include.members(['atl-cs-002.litwareinc.com', 'sip.fabrikam.com', 'pool1ext.litwareinc.com']);
    });

    it('writes an offline Edge request with -ComputerFqdn $null -Output, found again in Cert:\\LocalMachine\\REQUEST', () => {
      const site = server(EDGE);
      site.cli('-c', `Request-CsCertificate -New -Type ${EDGE_EXTERNAL} -Assign | Out-Null`);
      const r = site.cli('-c', `./Update-SfbCertificate.ps1 -type ${EDGE_EXTERNAL},XmppServer -ComputerFqdn $null -PrivateKeyExportable $True ` +
        '-FriendlyName "SfB AU Edge Pool public cert Jan 2017" -Output ".\\EdgeCsrJan2017.req" -Confirm:$false');
      expect(r.status).to.equal(0);
      expect(r.stderr.trim()).to.match(/^WARNING: Don't be alarmed by the values that differ/);
      const requestThumbprint = /^New certificate: ([0-9A-F]{40}) CN=sip\.litwareinc\.com$/m.exec(r.stdout)?.[1];
      expect(requestThumbprint, r.stdout).to.be.a('string');
      expect(readFileSync(join(site.dir, 'EdgeCsrJan2017.req'), 'utf8')).to.match(/^-----BEGIN CERTIFICATE REQUEST-----/);
      expect(site.lines('Get-ChildItem Cert:\\LocalMachine\\REQUEST | ForEach-Object { "$($_.Thumbprint) $($_.RequestStatus)" }'))
        .to.deep.equal([`${requestThumbprint} Offline`]);
    });
  });

  describe('onpremdiag SfBServer rules', () => {
    it('find the OAuth certificate, the valid Default certificate and the one expiring within 45 days', () => {
      const site = server();
      site.cli('-c', 'Request-CsCertificate -New -Type Default,WebServicesInternal,WebServicesExternal -Assign | Out-Null');
      const oauth = site.lines('(Request-CsCertificate -New -Type OAuthTokenIssuer -CA "lab\\shortlived-ca" -Assign).Thumbprint')[0];
      const r = site.cli('onpremdiag-rules.ps1');
      expectClean(r);
      expect(r.stdout.trim().split('\n')).to.deep.equal([`OAuthTokenIssuer: ${oauth}`, 'Valid Default certificates: 1', 'Expiring: OAuthTokenIssuer']);
    });

    it('read the Edge external certificate with Select-Object -Property PsComputerName, AlternativeNames, Thumbprint, Use', () => {
      const site = server(EDGE);
      const edge = site.lines(`(Request-CsCertificate -New -Type ${EDGE_EXTERNAL} -Assign).Thumbprint`)[0];
      const r = site.cli('onpremdiag-rules.ps1');
      expectClean(r);
      expect(r.stdout).to.contain(`Edge: AccessEdgeExternal ${edge} sip.litwareinc.com,webcon.litwareinc.com`);
      expect(r.stdout).to.contain('Valid Default certificates: 0');
    });
  });

  describe("the Let's Encrypt Edge script", () => {
    it('imports the new PFX and rolls it in for the three Edge uses and XmppServer two days after its NotBefore', () => {
      const site = server(EDGE);
      const old = site.lines(`(Request-CsCertificate -New -Type ${EDGE_EXTERNAL} -Assign).Thumbprint`)[0]!;
      const bought = publicEdgeCertificate('Pa55w.rd');
      copyFileSync(bought.path, join(site.dir, 'edge.pfx'));
      const r = site.cli('LetsEncrypt-Edge.ps1', '-CertFilename', 'edge.pfx', '-CertPassword', 'Pa55w.rd',
        '-Thumbprint', bought.thumbprint, '-NotBefore', bought.notBefore);
      expect(r.status).to.equal(0);
      const stderr = r.stderr.trim().split('\n');
      expect(stderr.every((line) => /^(VERBOSE|WARNING): /.test(line)), r.stderr).to.equal(true);
      expect(stderr.filter((line) => line.startsWith('WARNING')), 'only the XMPP names the certificate lacks')
        .to.deep.equal([`WARNING: The subject alternative names of certificate "${bought.thumbprint}" do not include "xmpp.litwareinc.com,*.litwareinc.com", which the topology computes for the type "XMPPServer".`]);
      const effective = new Date(new Date(bought.notBefore).getTime() + 2 * 86_400_000).toISOString().slice(0, 19);
      const staged = assignments(site).filter(([, thumbprint]) => thumbprint === bought.thumbprint);
      expect(staged.map(([use]) => use)).to.deep.equal([...EDGE_EXTERNAL.split(','), 'XMPPServer']);
      for (const [, , , effectiveDate] of staged) expect(effectiveDate).to.contain(effective);
      expect(staged.slice(0, 3).map(([, , previous]) => previous), 'the running certificate becomes the previous one').to.deep.equal([old, old, old]);
      expect(r.stdout, '(Get-CSCertificate | where Use -ne "Internal") lists them').to.contain(bought.thumbprint).and.contain(old);
    });
  });
});
