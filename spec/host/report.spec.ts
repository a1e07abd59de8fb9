import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { reportPaths, writeReport, type ReportInput } from '../../lib/host/report.js';
import { tempDir } from '../support/cli.js';

const at = new Date('2030-01-01T00:00:00Z');
const report: ReportInput = {
  commandName: 'Set-CsCertificate', commandLine: 'Set-CsCertificate -Type Default -Thumbprint AB12 -Report log.html',
  parameters: { Type: 'Default', Thumbprint: 'AB12', Password: '********' }, start: at, end: at, succeeded: true,
  entries: [
    { kind: 'Info', text: 'Certificate "AB12" has been added to the local data store with the usage type "Default".', time: at },
    { kind: 'Warning', text: 'The subject name <x> does not match', time: at },
    { kind: 'Output', text: 'Default: AB12', time: at },
  ],
};

describe('-Report deployment logs', () => {
  it('masks the values of secret parameters wherever the command line shows them', async () => {
    const { redactSecrets } = await import('../../lib/engine/runtime/report.js');
    const { defineCmdlet, param } = await import('../../lib/engine/cmdlet/index.js');
    const { SecureString } = await import('../../lib/core/values.js');
    const exporter = defineCmdlet({ name: 'Export-X', synopsis: 's', examples: [],
      parameters: { Path: param.string({ help: 'p' }), Password: param.secureString({ help: 'pw' }) } });
    const line = "Export-X -Path p.pfx -Password (ConvertTo-SecureString 'S3cret!' -AsPlainText -Force)";
    expect(redactSecrets(line, exporter, { Path: 'p.pfx', Password: new SecureString('S3cret!') }))
      .to.equal("Export-X -Path p.pfx -Password (ConvertTo-SecureString '********' -AsPlainText -Force)");
  });

  const paths: Array<[string, string, string]> = [
    ['/l/Certificates.html', '/l/Certificates.html', '/l/Certificates.xml'],
    ['/l/log', '/l/log.html', '/l/log.xml'],
    ['/l/log.xml', '/l/log.html', '/l/log.xml'],
  ];
  for (const [given, html, xml] of paths) it(`writes ${given} as ${html} and ${xml}`, () =>
    expect(reportPaths(given)).to.deep.equal({ html, xml }));

  it('writes the HTML log and its XML twin, escaped, with the command status', () => {
    const dir = tempDir();
    writeReport(join(dir, 'log.html'), report);
    expect(readdirSync(dir).sort()).to.deep.equal(['log.html', 'log.xml']);
    const html = readFileSync(join(dir, 'log.html'), 'utf8');
    expect(html).to.contain('<title>cscert Deployment Log: Set-CsCertificate</title>').and.contain('&lt;x&gt;').and.contain('Success');
    const xml = readFileSync(join(dir, 'log.xml'), 'utf8');
    expect(xml).to.match(/<CsMgmtLog Name="Set-CsCertificate"/).and.contain('<Warning ').and.contain('Command processing is complete.')
      .and.contain('<Item>Default: AB12</Item>').and.contain('Name="Password">********<');
  });
});
