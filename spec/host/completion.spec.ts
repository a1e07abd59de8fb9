import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { complete, type CompletionSource } from '../../lib/host/completion.js';
import { defineCmdlet, defineEnum, param, type CommandInfo } from '../../lib/engine/cmdlet/index.js';
import { tempDir } from '../support/cli.js';

const Usage = defineEnum('CertType', ['Default', 'WebServicesInternal', 'WebServicesExternal', 'OAuthTokenIssuer']);
const setCertificate = defineCmdlet({
  name: 'Set-CsCertificate', synopsis: 'Assigns.', examples: [], changesState: { confirmImpact: 'Medium' },
  parameters: {
    Type: param.enumArray(Usage, { help: 'usages' }),
    Thumbprint: param.string({ help: 'which', complete: () => ['AB12CD', 'AB99EE', 'FF0011'] }),
  },
});
const dir = tempDir();
mkdirSync(join(dir, 'certs'));
writeFileSync(join(dir, 'certs', 'site.pem'), '');
writeFileSync(join(dir, 'cert bundle.p7b'), '');

const source: CompletionSource = {
  commands: (): CommandInfo[] => [
    { name: 'Set-CsCertificate', commandType: 'Cmdlet', definition: setCertificate, source: 'SkypeForBusiness' },
    { name: 'Get-CsCertificate', commandType: 'Cmdlet', source: 'SkypeForBusiness' },
    { name: 'Get-Date', commandType: 'Cmdlet', source: 'Microsoft.PowerShell.Utility' },
    { name: 'scs', commandType: 'Alias', resolvedName: 'Set-CsCertificate', source: '' },
  ],
  variables: () => ['thumb', 'Thumbprints', 'true'],
  cwd: dir,
  services: {},
};

describe('tab completion', () => {
  const cases: Array<[string, string, string[]]> = [
    ['command names by prefix, any case', 'get-cs', ['Get-CsCertificate']],
    ['command names after a pipe', 'Get-Date | Set-Cs', ['Set-CsCertificate']],
    ['parameter names, with -WhatIf and -Confirm for a changing cmdlet', 'Set-CsCertificate -', []],
    ['enumerated values of the parameter before the cursor', 'Set-CsCertificate -Type W', ['WebServicesExternal', 'WebServicesInternal']],
    ['enumerated values after a comma', 'Set-CsCertificate -Type Default,O', ['OAuthTokenIssuer']],
    ['values a parameter lists itself (thumbprints)', 'Set-CsCertificate -Thumbprint AB', ['AB12CD', 'AB99EE']],
    ['through an alias', 'scs -Type Def', ['Default']],
    ['variables', 'Write-Output $th', ['$thumb', '$Thumbprints']],
    ['directories with a separator', 'Import-CsCertificate -Path ce', ['cert bundle.p7b', 'certs/'].map(n => n.includes(' ') ? `'${n}'` : n)],
    ['files inside a directory', 'Import-CsCertificate certs/s', ['certs/site.pem']],
  ];
  for (const [what, line, expected] of cases) it(`completes ${what}`, async () => {
    const { candidates } = await complete(line, source);
    if (expected.length) expect(candidates).to.deep.equal(expected);
    else expect(candidates).to.include.members(['-Type', '-Thumbprint', '-WhatIf', '-Confirm', '-Verbose', '-ErrorAction']);
  });

  it('replaces only the part after the comma in a list of values', async () => {
    const line = 'Set-CsCertificate -Type Default,O';
    expect((await complete(line, source)).replaceFrom).to.equal(line.length - 1);
  });
});
