// Reading a certificate file into the store for Import-CsCertificate and Set-CsCertificate -Path:
// the file is read first (a missing file or a wrong password changes nothing), ShouldProcess is
// asked once for the file (and once per usage when the file's certificate is to be assigned), and
// the domain places everything in one transaction: end-entity certificates in My (joined to the
// key of the request they answer), self-signed CAs in Root, other CAs in CA. Import-and-assign
// (Import-CsCertificate -Identity -Type, Set-CsCertificate -Path) is one transaction too, so a
// certificate the assignment refuses is not left behind. Windows-written paths (.\cert\a.pfx)
// read '\' as a separator. The password never reaches a message.

import { readFile, stat } from 'node:fs/promises';
import { CertError } from '../../lib/certs/errors.js';
import type { CmdletContext } from '../../lib/engine/cmdlet/index.js';
import type { Store, StoreTransaction } from '../../lib/certs/store/store.js';
import type { ImportedCertificate } from '../../lib/certs/workflow/import.js';
import { approveUsages, assignWithin, checkNames, reportAssigned, type AssignRequest, type Assigned } from './assignment.js';
import { certServices } from './cs-arguments.js';
import { csError, toShellError } from './errors.js';
import { resolveFs } from './paths.js';
import type { CertServices } from './services.js';

export interface ImportFileOptions { password?: string; privateKeyExportable?: boolean; friendlyName?: string }

const STORE_TEXT: Record<string, string> = { My: 'the Personal store (My)', Root: 'the Trusted Root store (Root)', CA: 'the intermediate store (CA)' };

/** Imported certificates, or undefined when ShouldProcess declined. */
export async function importFile(ctx: CmdletContext, path: string, options: ImportFileOptions): Promise<ImportedCertificate[] | undefined> {
  const { full, bytes, svc } = await readForImport(ctx, path);
  if (!(await ctx.shouldProcess(full, 'Import the certificates of the file'))) return undefined;
  let imported: ImportedCertificate[];
  try { imported = await svc.domain.importCertificates(svc.store, bytes, { ...options, source: full }); }
  catch (error) { throw toShellError(error, { InvalidArgument: 'NotACertificateFile' }); }
  reportImported(ctx, imported);
  return imported;
}

/**
 * Imports the file and assigns its end-entity certificate to the usages, in one transaction: a
 * refused assignment (untrusted chain, no private key...) leaves the store as it was. A file with
 * no end-entity certificate is imported with a warning and nothing assigned. Returns the
 * thumbprint assigned, or undefined.
 */
export async function importAndAssign(ctx: CmdletContext, path: string, options: ImportFileOptions,
  request: Omit<AssignRequest, 'thumbprint'>): Promise<string | undefined> {
  const { full, bytes, svc } = await readForImport(ctx, path);
  if (!(await ctx.shouldProcess(full, 'Import the certificates of the file'))) return undefined;
  const approved = await approveUsages(ctx, svc, `the end-entity certificate of ${full}`, request);
  let result: { imported: ImportedCertificate[]; assigned?: Assigned };
  try {
    result = await svc.store.transaction(async (tx) => {
      const imported = await svc.domain.importCertificates(inTransaction(tx), bytes, { ...options, source: full });
      const leaf = imported.find((c) => c.store === 'My');
      if (!leaf || !approved.length) return { imported };
      return { imported, assigned: await assignWithin(tx, svc, { ...request, thumbprint: leaf.thumbprint }, approved, ctx.now()) };
    });
  } catch (error) { throw toShellError(error, { InvalidArgument: 'NotACertificateFile' }); }
  reportImported(ctx, result.imported);
  if (!result.imported.some((c) => c.store === 'My')) ctx.writeWarning(`'${path}' holds no end-entity certificate to assign.`);
  if (!result.assigned) return undefined;
  checkNames(ctx, svc, result.assigned.certificate, result.assigned.approved.map((a) => a.type));
  reportAssigned(ctx, result.assigned, request);
  return result.assigned.certificate.thumbprint;
}

async function readForImport(ctx: CmdletContext, path: string): Promise<{ full: string; bytes: Buffer; svc: CertServices }> {
  const full = resolveFs(ctx, path);
  const svc = await certServices(ctx);
  const missing = (error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT' ? csError('CertificateFileNotFound', `Cannot find the certificate file '${full}'.`, full) : toShellError(error);
  };
  // A huge file is refused before it is read into memory (no certificate file comes near the limit).
  const { size } = await stat(full).catch(missing);
  const limit = svc.domain.MAX_CERTIFICATE_FILE_BYTES;
  if (size > limit) throw toShellError(new CertError('Malformed',
    `The file '${full}' is ${size} bytes; certificate files are at most ${limit / 1024 / 1024} MiB.`, { target: full }));
  return { full, bytes: await readFile(full).catch(missing), svc };
}

/**
 * The domain's importCertificates opens a transaction of its own; handed this view of an open
 * one, its changes join that transaction instead. (A domain signature taking a transaction
 * would make this adapter unnecessary.)
 */
function inTransaction(tx: StoreTransaction): Store {
  return { env: tx.env, transaction: <T>(work: (t: StoreTransaction) => Promise<T>) => work(tx) } as unknown as Store;
}

function reportImported(ctx: CmdletContext, imported: ImportedCertificate[]): void {
  for (const certificate of imported) {
    for (const warning of certificate.warnings ?? []) ctx.writeWarning(warning);
    ctx.writeVerbose(`Certificate "${certificate.thumbprint}" (${certificate.subject}) was imported into ${STORE_TEXT[certificate.store] ?? certificate.store}.`);
    if (certificate.requestId !== undefined)
      ctx.writeVerbose(`It answers certificate request ${certificate.requestId}; the request's private key was joined to it.`);
  }
}
