// Get-CsCertificate: the certificates assigned to usages, one CertificateReference per usage (a
// certificate serving three usages appears three times), for this computer or -Identity global.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { certificateReference, CERTIFICATE_REFERENCE_TYPE } from './shared/certificate-reference.js';
import { CertType } from './shared/cert-type.js';
import { certServices, identityScope, MODULE } from './shared/cs-arguments.js';

export default defineCmdlet({
  name: 'Get-CsCertificate',
  synopsis: 'Returns the certificates assigned to Skype for Business Server usages on this computer or at the global scope.',
  description: 'Returns one Microsoft.Rtc.Management.Deployment.CertificateReference per usage (Issuer, NotAfter, NotBefore, ' +
    'SerialNumber, Subject, AlternativeNames, Thumbprint, EffectiveDate, PreviousThumbprint, UpdateTime, Use, SourceScope). ' +
    'A certificate assigned to Default, WebServicesInternal and WebServicesExternal appears three times with the same ' +
    'Thumbprint. Only assigned certificates are returned; browse Cert:\\LocalMachine\\My for the others. Without -Identity ' +
    "the usages of this computer are returned together with the global ones (OAuthTokenIssuer, SourceScope Global); with " +
    "-Identity global only the global ones. A certificate staged with Set-CsCertificate -Roll appears as a second object " +
    'for its usage, with EffectiveDate set and the current certificate as PreviousThumbprint.',
  notes: 'The reference gives -Identity position 2 with nothing at position 1; here -Identity is the first positional parameter.',
  module: MODULE,
  outputType: CERTIFICATE_REFERENCE_TYPE,
  parameters: {
    Type: param.enumArray(CertType, { help: 'Only these usages, e.g. -Type Internal,External,Default.' }),
    Identity: param.string({ position: 0, help: "'global' for the certificates configured at the global scope." }),
  },
  report: true,
  examples: [
    { title: 'Every certificate assigned on this computer', code: 'Get-CsCertificate',
      setup: 'Request-CsCertificate -New -Type Default,WebServicesInternal,WebServicesExternal -Assign' },
    { title: 'The certificates used for internal Web services', code: 'Get-CsCertificate -Type WebServicesInternal' },
    { title: 'Certificates that expire before September 1, 2018', code: 'Get-CsCertificate | Where-Object {$_.NotAfter -lt "9/1/2018"}' },
    { title: 'Certificates issued by the CA MyCa', code: 'Get-CsCertificate | Where-Object {$_.Issuer -eq "Cn=MyCa"}' },
    { title: 'Certificates whose subject is CN=atl-cs-001.litwareinc.com',
      code: 'Get-CsCertificate | Where-Object {$_.Subject -eq "CN=atl-cs-001.litwareinc.com"}' },
    { title: 'The certificates of the global scope', code: 'Get-CsCertificate -Identity "global"' },
    { title: 'Whether an OAuthTokenIssuer certificate is assigned', code: 'Get-CsCertificate -Type OAuthTokenIssuer' },
    { title: 'Use, serial number and expiry, soonest first',
      code: 'Get-CsCertificate | Select-Object Use, SerialNumber, NotAfter | Sort-Object NotAfter',
      setup: 'Request-CsCertificate -New -Type Default,WebServicesInternal,WebServicesExternal -Assign' },
  ],
  related: ['Set-CsCertificate', 'Request-CsCertificate', 'Remove-CsCertificate', 'Test-CsCertificateConfiguration'],
  async *process(args, ctx) {
    const svc = await certServices(ctx);
    const global = identityScope(args.Identity, svc) === 'global';
    const views = (await svc.store.assignments(undefined, args.Type))
      .filter((v) => v.scope === 'global' || (!global && v.scope.toLowerCase() === svc.computerFqdn.toLowerCase()));
    for (const view of views) {
      if (view.thumbprint) yield certificateReference(view, await svc.store.get(view.thumbprint));
      if (view.pendingThumbprint) yield certificateReference(view, await svc.store.get(view.pendingThumbprint), { rolled: true });
    }
  },
});
