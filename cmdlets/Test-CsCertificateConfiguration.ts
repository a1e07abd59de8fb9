// Test-CsCertificateConfiguration: checks every usage this computer's role needs, as the
// Certificate Wizard does before it shows its green check.

import { PSObject } from '../lib/core/values.js';
import { defineCmdlet } from '../lib/engine/cmdlet/index.js';
import { certServices, MODULE } from './shared/cs-arguments.js';
import { toShellError } from './shared/errors.js';

const RESULT_TYPE = 'Microsoft.Rtc.Management.Deployment.CertificateExists';

export default defineCmdlet({
  name: 'Test-CsCertificateConfiguration',
  synopsis: 'Checks the certificates of every usage this computer needs and reports what is wrong with each.',
  description: 'For each usage the topology gives this computer\'s pool role (Front End: Default, WebServicesInternal, ' +
    'WebServicesExternal and the global OAuthTokenIssuer; Edge: Internal, AccessEdgeExternal, DataEdgeExternal, ' +
    'AudioVideoAuthentication; ...) returns Thumbprint, Use, Scope, NotAfter, Status (OK, Warning or Error) and Issues: ' +
    'NotAssigned, CertificateMissing, NoPrivateKey, CertificateExpired, NearExpiry (within 45 days), ' +
    'CertificateNotYetValid, MissingServerAuthentication, UntrustedRoot, MissingIntermediate, KeyTooShort (RSA below ' +
    '2048 bits), NamesNotCovered (the SANs miss names the topology computes).',
  module: MODULE,
  outputType: RESULT_TYPE,
  parameters: {
  },
  report: true,
  examples: [
    { title: 'Check the certificates of this computer', code: 'Test-CsCertificateConfiguration' },
    { title: 'The same, naming a log file', code: 'Test-CsCertificateConfiguration -Report "Certificates.xml"' },
    { title: 'Only the usages that need attention',
      code: 'Test-CsCertificateConfiguration | Where-Object Status -ne "OK" | Format-List Use, Issues' },
  ],
  related: ['Get-CsCertificate', 'Request-CsCertificate', 'Set-CsCertificate'],
  async *process(_args, ctx) {
    const svc = await certServices(ctx);
    let checks;
    try { checks = await svc.domain.checkUsages(svc.config, svc.store, svc.computerFqdn, ctx.now()); }
    catch (error) { throw toShellError(error); }
    for (const check of checks) {
      const warningOnly = check.issues.every((issue) => issue === 'NearExpiry' || issue.startsWith('NamesNotCovered'));
      yield new PSObject([
        ['Thumbprint', check.thumbprint ?? null], ['Use', check.use], ['Scope', check.scope === 'global' ? 'Global' : 'Local'],
        ['NotAfter', check.notAfter ?? null], ['Status', !check.issues.length ? 'OK' : warningOnly ? 'Warning' : 'Error'],
        ['Issues', check.issues],
      ], [RESULT_TYPE]);
    }
  },
});
