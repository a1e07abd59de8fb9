// Reading a certificate file into the store for Import-CsCertificate and Set-CsCertificate -Path:
// the file is read first (a missing file or a wrong password changes nothing), ShouldProcess is
// asked once for the file, and the domain places everything in one transaction: end-entity
// certificates in My (joined to the key of the request they answer), self-signed CAs in Root,
// other CAs in CA. The password never reaches a message.

import { readFile } from 'node:fs/promises';
import type { CmdletContext } from '../../lib/engine/cmdlet/index.js';
import type { ImportedCertificate } from '../../lib/certs/workflow/import.js';
import { certServices } from './cs-arguments.js';
import { csError, toShellError } from './errors.js';

export interface ImportFileOptions { password?: string; privateKeyExportable?: boolean; friendlyName?: string }

const STORE_TEXT: Record<string, string> = { My: 'the Personal store (My)', Root: 'the Trusted Root store (Root)', CA: 'the intermediate store (CA)' };

/** Imported certificates, or undefined when ShouldProcess declined. */
export async function importFile(ctx: CmdletContext, path: string, options: ImportFileOptions): Promise<ImportedCertificate[] | undefined> {
  const full = ctx.session.resolvePath(path);
  const bytes = await readFile(full).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT' ? csError('CertificateFileNotFound', `Cannot find the certificate file '${full}'.`, full) : toShellError(error);
  });
  const svc = await certServices(ctx);
  if (!(await ctx.shouldProcess(full, 'Import the certificates of the file'))) return undefined;
  let imported: ImportedCertificate[];
  try {
    imported = await svc.domain.importCertificates(svc.store, bytes, options);
  } catch (error) {
    throw toShellError(error, { InvalidArgument: 'NotACertificateFile' });
  }
  for (const certificate of imported) {
    ctx.writeVerbose(`Certificate "${certificate.thumbprint}" (${certificate.subject}) was imported into ${STORE_TEXT[certificate.store] ?? certificate.store}.`);
    if (certificate.requestId !== undefined)
      ctx.writeVerbose(`It answers certificate request ${certificate.requestId}; the request's private key was joined to it.`);
  }
  return imported;
}
