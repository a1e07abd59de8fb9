// Set-CsCertificate: assigns a certificate (by thumbprint, by a reference object from the
// pipeline, or from a .pfx file it imports in the same change) to usages, now or staged with -Roll.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { assignCertificate, checkRoll } from './shared/assignment.js';
import { CertType } from './shared/cert-type.js';
import { certServices, forceParameter, identityScope, MODULE, propertyOf, thumbprintArgument, thumbprintParameter } from './shared/cs-arguments.js';
import { csError } from './shared/errors.js';

export default defineCmdlet({
  name: 'Set-CsCertificate',
  synopsis: 'Assigns a certificate to Skype for Business Server usages on this computer or at the global scope.',
  description: 'Assigns the certificate to each usage of -Type, as the Certificate Wizard\'s Assign does. The certificate ' +
    'must have its private key, be within its validity, carry Server Authentication and chain through ' +
    'Cert:\\LocalMachine\\CA to a root in Cert:\\LocalMachine\\Root; otherwise nothing is assigned and the error names ' +
    'the missing root or intermediate to import. When the subject or SANs differ from what the topology computes, a ' +
    'warning says so and the certificate is assigned anyway (no check for OAuthTokenIssuer). OAuthTokenIssuer is always ' +
    'kept at the global scope. -Roll -EffectiveDate stages the certificate: the current one stays until that date, then ' +
    'becomes the previous one. -Path imports a .pfx (with -Password) and assigns its certificate.',
  notes: 'Decisions where the sources disagree (reference §8): -Type is optional; without it a -Reference object\'s Use ' +
    'is taken, otherwise the error CertTypeRequired. -Identity is optional in every set (it defaults to this computer). ' +
    '-EffectiveDate (alias -EffectiveTime) without -Roll is refused (EffectiveDateWithoutRoll), as -Roll without ' +
    '-EffectiveDate is (RollWithoutEffectiveDate). OAuthTokenIssuer and XmppServer are accepted, as the OAuth procedures use them.',
  module: MODULE,
  defaultParameterSet: 'Thumbprint',
  changesState: { confirmImpact: 'Medium' },
  parameters: {
    Thumbprint: thumbprintParameter({ help: 'Thumbprint of the certificate (40 hexadecimal digits).', sets: { Thumbprint: { mandatory: true } } }),
    Reference: param.object({ help: 'A certificate reference, e.g. from Get-CsCertificate or Request-CsCertificate.',
      sets: { CertificateReference: { mandatory: true, valueFromPipeline: true } } }),
    Path: param.string({ help: 'A .pfx (or .pem with its key) to import and assign.', sets: { Path: { mandatory: true } } }),
    Password: param.secureString({ help: 'Password of the -Path file.', sets: ['Path'] }),
    Type: param.enumArray(CertType, { help: 'Usages to assign, e.g. -Type Default,WebServicesInternal,WebServicesExternal.' }),
    Identity: param.string({ help: "'global' to assign at the global scope (replicated to every server)." }),
    EffectiveDate: param.datetime({ help: 'When a certificate staged with -Roll takes over.', aliases: ['EffectiveTime'] }),
    Roll: param.switch({ help: 'Stage the certificate to replace the current one at -EffectiveDate.' }),
    Force: forceParameter(),
  },
  examples: [
    { title: 'Request a certificate, then assign it to the three Front End usages',
      code: '$cert = Request-CsCertificate -New -Type Default,WebServicesInternal,WebServicesExternal\n' +
        'Set-CsCertificate -Type Default, WebServicesInternal, WebServicesExternal -Thumbprint $cert.Thumbprint',
      remarks: 'The reference\'s example thumbprint "B142918E463981A76503828BB1278391B716280987B" has 43 characters and is refused (InvalidThumbprint).' },
    { title: 'Assign a certificate object from the pipeline',
      code: 'Request-CsCertificate -New -Type WebServicesExternal | Set-CsCertificate -Type WebServicesExternal' },
    { title: 'Make the default certificate the global OAuthTokenIssuer certificate',
      setup: 'Request-CsCertificate -New -Type Default -Assign',
      code: '$x = (Get-CsCertificate -Type Default).Thumbprint\nSet-CsCertificate -Identity global -Type OAuthTokenIssuer -Thumbprint $x' },
    { title: 'Roll the default certificate in as the OAuthTokenIssuer certificate on July 1, 2015',
      setup: 'Request-CsCertificate -New -Type Default -Assign',
      code: '$x = (Get-CsCertificate -Type Default).Thumbprint\nSet-CsCertificate -Identity global -Type OAuthTokenIssuer -Thumbprint $x -EffectiveDate "7/1/2015" -Roll' },
  ],
  related: ['Get-CsCertificate', 'Request-CsCertificate', 'Import-CsCertificate', 'Remove-CsCertificate'],
  async process(args, ctx) {
    checkRoll(args.Roll, args.EffectiveDate);
    const svc = await certServices(ctx);
    const identity = identityScope(args.Identity, svc);
    const types = args.Type ?? useOf(args.Reference);
    if (!types?.length) throw csError('CertTypeRequired', 'Name the usages to assign the certificate to with -Type.', args.Thumbprint ?? args.Path);
    const assignment = { types, identity, roll: args.Roll, effectiveDate: args.EffectiveDate };
    if (args.Path !== undefined) {   // import and assign in one transaction
      const { importAndAssign } = await import('./shared/importing.js');
      await importAndAssign(ctx, args.Path, { password: args.Password?.reveal() }, assignment);
      return;
    }
    await assignCertificate(ctx, svc, { ...assignment, thumbprint: thumbprintOf(args) });
  },
});

/** The thumbprint of the Thumbprint or CertificateReference set. */
function thumbprintOf(args: { Thumbprint?: string; Reference?: unknown }): string {
  if (args.Thumbprint !== undefined) return thumbprintArgument(args.Thumbprint);
  const thumbprint = propertyOf(args.Reference, 'Thumbprint') ?? (typeof args.Reference === 'string' ? args.Reference : undefined);
  if (typeof thumbprint !== 'string') throw csError('InvalidThumbprint', 'The -Reference object has no Thumbprint.', args.Reference);
  return thumbprintArgument(thumbprint);
}

/** A reference's Use: one usage (Get-CsCertificate) or a list (Request-CsCertificate's status). */
function useOf(reference: unknown): string[] | undefined {
  const use = propertyOf(reference, 'Use');
  if (typeof use === 'string') return [use];
  return Array.isArray(use) ? use.map(String) : undefined;
}
