// Get-CsCertificateAuthority: the configured certification authorities, and where the embedded
// CA's own certificates are, to import or copy them elsewhere.

import { PSObject } from '../lib/core/values.js';
import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { certServices, MODULE } from './shared/cs-arguments.js';
import { csError } from './shared/errors.js';

export default defineCmdlet({
  name: 'Get-CsCertificateAuthority',
  synopsis: 'Returns the configured certification authorities.',
  description: 'One object per CA of the configuration: Identity (the -CA value), Kind (local, acme, cfssl), Policy (auto ' +
    'or manual), Trusted (its root is in Cert:\\LocalMachine\\Root), IsDefault, and for the embedded CA ' +
    'RootCertificatePath and IssuingCertificatePath: PEM files of its root and issuing certificates, to import with ' +
    'Import-CsCertificate or copy to another machine. The embedded CA is created on first use.',
  module: MODULE,
  parameters: { Identity: param.string({ position: 0, help: 'One CA, e.g. "atl-ca-001.litwareinc.com\\myca".' }) },
  examples: [
    { title: 'The configured CAs', code: 'Get-CsCertificateAuthority' },
    { title: 'Trust the default CA after it was configured with trust: false',
      code: 'Import-CsCertificate -Path (Get-CsCertificateAuthority | Where-Object IsDefault).RootCertificatePath' },
  ],
  related: ['Request-CsCertificate', 'Approve-CsCertificateRequest', 'Import-CsCertificate'],
  async *process(args, ctx) {
    const svc = await certServices(ctx);
    const all = await svc.domain.describeAuthorities(svc.config, svc.env);
    const shown = all.filter((a) => args.Identity === undefined || a.identity.toLowerCase() === args.Identity.toLowerCase());
    if (args.Identity !== undefined && !shown.length) throw csError('UnknownCertificationAuthority',
      `No certification authority named '${args.Identity}' is configured; the configured ones are: ${all.map((a) => a.identity).join(', ')}.`, args.Identity);
    for (const a of shown) {
      if (a.error) ctx.writeWarning(`The CA '${a.identity}' cannot be reached: ${a.error}`);
      yield new PSObject([['Identity', a.identity], ['Kind', a.kind], ['Policy', a.policy || null], ['Trusted', a.trusted],
        ['IsDefault', a.isDefault], ['RootCertificatePath', a.rootCertificatePath ?? null],
        ['IssuingCertificatePath', a.issuingCertificatePath ?? null]], ['Cs.CertificateAuthority']);
    }
  },
});
