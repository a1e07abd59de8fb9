// Import-CsCertificate: brings a certificate file into the store (PFX, PEM, DER, PKCS#7), joins an
// answer to its pending or offline request's key, and with -Identity -Type assigns it too.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { checkRoll } from './shared/assignment.js';
import { CertType } from './shared/cert-type.js';
import { certServices, forceParameter, identityScope, MODULE } from './shared/cs-arguments.js';
import { importAndAssign, importFile } from './shared/importing.js';

export default defineCmdlet({
  name: 'Import-CsCertificate',
  synopsis: 'Imports certificates from a file into the certificate store, so that they can be assigned.',
  description: 'Reads a .pfx/.p12 (with -Password; every PKCS#12 variant Windows, OpenSSL, Java, NSS and GnuTLS write), ' +
    '.cer/.crt/.der/.pem (one or many certificates, keys too) or .p7b file. End-entity certificates go to ' +
    'Cert:\\LocalMachine\\My, self-signed CA certificates to Root, other CA certificates to CA. A certificate that answers ' +
    'a pending or offline request (Request-CsCertificate -Output) is joined to that request\'s private key. The whole ' +
    'file lands, or nothing of it. In the CMS set (-Identity with -Type) the end-entity certificate is also assigned to ' +
    'the usages, at the global scope for -Identity global; -Roll -EffectiveDate stages it instead. Import and assignment ' +
    'are one change: when the assignment is refused, nothing of the file is kept.',
  notes: '-PrivateKeyExportable decides whether a key that arrives in the file may be exported again (the reference ' +
    'describes it as Network Service read access, which has no meaning here). Import alone assigns nothing in the Local set.',
  module: MODULE,
  defaultParameterSet: 'Local',
  changesState: { confirmImpact: 'Low' },
  parameters: {
    Path: param.string({ help: 'The certificate file, e.g. -Path WebServer.pfx.', mandatory: true }),
    Password: param.secureString({ help: 'Password of the file (a .pfx, or an encrypted PEM key).' }),
    PrivateKeyExportable: param.bool({ help: '$true lets the imported private key be exported again.', sets: ['Local'] }),
    Identity: param.string({ help: "'global' to import at the global scope and assign there.", sets: { CMS: { mandatory: true, position: 0 } } }),
    Type: param.enumArray(CertType, { help: 'Usages to assign the imported certificate to.', sets: { CMS: { mandatory: true } } }),
    EffectiveDate: param.datetime({ help: 'With -Roll: when the certificate takes over.', aliases: ['EffectiveTime'] }),
    Roll: param.switch({ help: 'Stage the certificate to replace the current one at -EffectiveDate.' }),
    Force: forceParameter(),
  },
  examples: [
    { title: 'Import a PFX so that its certificate can be assigned',
      setup: '$t = (Request-CsCertificate -New -Type Default -PrivateKeyExportable $true).Thumbprint\nExport-CsCertificate -Thumbprint $t -Path WebServer.pfx -Password "P@ssw0rd"',
      code: 'Import-CsCertificate -Path "WebServer.pfx" -PrivateKeyExportable $True -Password "P@ssw0rd"' },
    { title: 'Import and assign the OAuth certificate once, at the global scope',
      setup: '$t = (Request-CsCertificate -New -Type OAuthTokenIssuer -PrivateKeyExportable $true).Thumbprint\nExport-CsCertificate -Thumbprint $t -Path ServerToServerAuth.pfx -Password "P@ssw0rd"',
      code: 'Import-CsCertificate -Identity global -Type OAuthTokenIssuer -Path ServerToServerAuth.pfx  -Password "P@ssw0rd"' },
    { title: "Import the embedded CA's root, as one does for an untrusted chain",
      code: 'Import-CsCertificate -Path (Get-CsCertificateAuthority)[0].RootCertificatePath' },
  ],
  related: ['Set-CsCertificate', 'Request-CsCertificate', 'Export-CsCertificate'],
  async process(args, ctx) {
    checkRoll(args.Roll, args.EffectiveDate);
    const svc = await certServices(ctx);
    const identity = identityScope(args.Identity, svc);
    const options = { password: args.Password?.reveal(), privateKeyExportable: args.PrivateKeyExportable };
    if (!args.Type?.length) { await importFile(ctx, args.Path!, options); return; }
    await importAndAssign(ctx, args.Path!, options, { types: args.Type, identity, roll: args.Roll, effectiveDate: args.EffectiveDate });
  },
});
