// -WhatIf on every certificate cmdlet that changes something: it says what it would do, as
// "What if: Performing the operation ... on target ...", and changes nothing: the store is the
// same byte for byte and no file is written.
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { snapshot } from '../../certs/helpers.js';
import { plain } from '../../support/plain.js';
import { testHost } from '../../support/test-host.js';

/** A store holding an exportable certificate assigned to Default (also exported to c.pfx) and an offline request. */
async function preparedHost() {
  const host = await testHost();
  const issued = plain((await host.run('Request-CsCertificate -New -Type Default -PrivateKeyExportable $true -Assign')).output[0]) as Record<string, string>;
  await host.run(`Export-CsCertificate -Thumbprint ${issued.Thumbprint} -Path c.pfx -Password p\n` +
    'Request-CsCertificate -New -Type Default -Output r.req');
  return { host, thumbprint: issued.Thumbprint! };
}

describe('certificate cmdlets under -WhatIf', function () {
  this.timeout(60_000);
  const lines: [string, (thumbprint: string) => string][] = [
    ['Request-CsCertificate -New', () => 'Request-CsCertificate -New -Type Default -Assign -WhatIf'],
    ['Request-CsCertificate -New -Output', () => 'Request-CsCertificate -New -Type Default -Output w.req -WhatIf'],
    ['Request-CsCertificate -Clear', () => 'Request-CsCertificate -Clear -WhatIf'],
    ['Set-CsCertificate -Thumbprint', (t) => `Set-CsCertificate -Type WebServicesInternal -Thumbprint ${t} -WhatIf`],
    ['Set-CsCertificate -Roll', (t) => `Set-CsCertificate -Type Default -Thumbprint ${t} -Roll -EffectiveDate "7/1/2031" -WhatIf`],
    ['Set-CsCertificate -Path', () => 'Set-CsCertificate -Path c.pfx -Password p -Type WebServicesInternal -WhatIf'],
    ['Import-CsCertificate', () => 'Import-CsCertificate -Path c.pfx -Password p -WhatIf'],
    ['Import-CsCertificate -Identity -Type', () => 'Import-CsCertificate -Identity global -Type OAuthTokenIssuer -Path c.pfx -Password p -WhatIf'],
    ['Remove-CsCertificate', () => 'Remove-CsCertificate -Type Default -Force -WhatIf'],
    ['Export-CsCertificate', (t) => `Export-CsCertificate -Thumbprint ${t} -Path w.pfx -Password p -WhatIf`],
  ];
  for (const [cmdlet, line] of lines)
    it(`${cmdlet} says what it would do and changes nothing`, async () => {
      const { host, thumbprint } = await preparedHost();
      const before = snapshot(host.env.CSCERT_STORE!);
      const r = await host.run(line(thumbprint));
      expect(r.errors.map((e) => e.error.id)).to.deep.equal([]);
      expect(r.host).to.not.be.empty;
      for (const text of r.host) expect(text).to.match(/^What if: Performing the operation ".+" on target ".+"\.$/s);
      expect(snapshot(host.env.CSCERT_STORE!)).to.deep.equal(before);
      expect(existsSync(join(host.dir, 'work', 'w.req')) || existsSync(join(host.dir, 'work', 'w.pfx')), 'no file written').to.equal(false);
    });
});
