// Export-CsCertificate (an addition: the product exports with the Certificates MMC): writes a
// certificate, with its chain and exportable private key as asked, to a .pfx, .pem, .cer or .p7b.

import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { defineCmdlet, defineEnum, param } from '../lib/engine/cmdlet/index.js';
import { certServices, MODULE, thumbprintArgument, thumbprintParameter } from './shared/cs-arguments.js';
import { toShellError } from './shared/errors.js';
import { resolveFs } from './shared/paths.js';

const ExportFormat = defineEnum('Cs.CertificateExportFormat', ['Pfx', 'Pem', 'Cer', 'P7b']);
const BY_EXTENSION: Record<string, 'Pfx' | 'Pem' | 'Cer' | 'P7b'> = {
  '.pfx': 'Pfx', '.p12': 'Pfx', '.pem': 'Pem', '.crt': 'Cer', '.cer': 'Cer', '.der': 'Cer', '.p7b': 'P7b', '.p7c': 'P7b' };

export default defineCmdlet({
  name: 'Export-CsCertificate',
  synopsis: 'Exports a certificate from the store to a .pfx, .pem, .cer or .p7b file.',
  description: 'Not a cmdlet of the real product, which exports with the Certificates MMC\'s Certificate Export Wizard. ' +
    'Pfx writes the certificate with its private key, protected by -Password: modern AES-256/SHA-256 encryption by ' +
    'default, -Legacy for 3DES/SHA-1 that Windows Server 2012/2016 need. Pem writes the certificate (and with ' +
    '-IncludeChain its CA certificates); with -Password the private key too, encrypted. Cer writes the certificate alone ' +
    '(DER). P7b writes the certificate and its chain as PKCS#7. -Format defaults from the file extension. A private key ' +
    'that was not marked exportable never leaves the store (PrivateKeyNotExportable).',
  module: MODULE,
  changesState: { confirmImpact: 'Low' },
  parameters: {
    Thumbprint: thumbprintParameter({ help: 'Thumbprint of the certificate.', mandatory: true, position: 0, pipeline: 'property' }),
    Path: param.string({ help: 'The file to write.', mandatory: true, position: 1 }),
    Password: param.secureString({ help: 'Protects the private key (Pfx; Pem with the key).' }),
    Format: param.enum(ExportFormat, { help: 'Pfx, Pem, Cer or P7b; default: from the extension of -Path.' }),
    Legacy: param.switch({ help: 'Pfx with 3DES and a SHA-1 MAC, for old Windows.' }),
    IncludeChain: param.switch({ help: 'Add the CA certificates of the chain the store holds.' }),
  },
  examples: [
    { title: 'Export a certificate with its key and chain, for another server',
      setup: 'Request-CsCertificate -New -Type Default -PrivateKeyExportable $true',
      code: '$t = (Get-ChildItem Cert:\\LocalMachine\\My)[0].Thumbprint\nExport-CsCertificate -Thumbprint $t -Path edge.pfx -Password "P@ssw0rd" -IncludeChain' },
    { title: 'Export the public certificate only',
      setup: 'Request-CsCertificate -New -Type Default',
      code: 'Get-ChildItem Cert:\\LocalMachine\\My | Export-CsCertificate -Path server.cer' },
  ],
  related: ['Import-CsCertificate', 'Request-CsCertificate'],
  async process(args, ctx) {
    const svc = await certServices(ctx);
    const thumbprint = thumbprintArgument(args.Thumbprint!);
    const path = resolveFs(ctx, args.Path!);
    const format = args.Format as keyof typeof BY_EXTENSION | undefined ?? BY_EXTENSION[extname(path).toLowerCase()] ?? 'Pfx';
    try {
      const bytes = await svc.domain.exportCertificate(svc.store, thumbprint, { format: format as 'Pfx', password: args.Password?.reveal(),
        legacy: args.Legacy, includeChain: args.IncludeChain, at: ctx.now() });
      if (!(await ctx.shouldProcess(path, `Export the certificate ${thumbprint} as ${format}`))) return;
      await writeFile(path, bytes, { mode: 0o600 });
      ctx.writeVerbose(`Certificate "${thumbprint}" was exported to '${path}' (${format}).`);
    } catch (error) { throw toShellError(error); }
  },
});
