// -Report on the cmdlets that only read (Get-CsCertificate, Test-CsCertificateConfiguration): the
// real ones document it, so they write the deployment log and its XML twin too, and offer -Report
// without -WhatIf or -Confirm, which belong to cmdlets that change something.
import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allCmdlets } from '../../../cmdlets/index.js';
import { syntaxLines } from '../../../lib/engine/cmdlet/syntax.js';
import { testHost } from '../../support/test-host.js';

const cmdlet = (name: string) => allCmdlets.find(c => c.name === name)!;

describe('-Report on cmdlets that only read', () => {
  for (const name of ['Get-CsCertificate', 'Test-CsCertificateConfiguration']) {
    it(`${name} offers -Report but not -WhatIf`, () => {
      const syntax = syntaxLines(cmdlet(name)).join('\n');
      expect(syntax).to.contain('[-Report <String>]');
      expect(syntax).not.to.contain('-WhatIf');
    });
  }

  it('Get-CsCertificate -Report writes the log and its XML twin with what it found', async () => {
    const host = await testHost();
    await host.run('Request-CsCertificate -New -Type Default -Assign | Out-Null');
    const { errors, output } = await host.run('Get-CsCertificate -Report certificates.html');
    expect(errors).to.deep.equal([]);
    expect(output).to.have.length(1);
    const work = join(host.dir, 'work');
    expect(existsSync(join(work, 'certificates.html'))).to.equal(true);
    expect(readFileSync(join(work, 'certificates.xml'), 'utf8')).to.contain('<CsMgmtLog Name="Get-CsCertificate"').and.contain('Default');
  });

  it('Test-CsCertificateConfiguration -Report "Certificates.xml" writes the pair, as the reference example does', async () => {
    const host = await testHost();
    expect((await host.run('Test-CsCertificateConfiguration -Report "Certificates.xml" | Out-Null')).errors).to.deep.equal([]);
    for (const file of ['Certificates.xml', 'Certificates.html']) expect(existsSync(join(host.dir, 'work', file)), file).to.equal(true);
  });
});
