// Request-CsCertificate's four sets. -New: compute the names from the topology (verbose lines as
// the real -Report log writes them), ask ShouldProcess, then either write an offline PKCS#10
// request to -Output or submit to the CA; the domain keeps the request and key in REQUEST, puts
// an issued certificate in My and assigns it when -Assign is given and the chain allows.
// -List / -Retrieve / -Clear work on the requests kept in REQUEST. A Denied or Failed answer
// is returned as a status object and also reported as an error, as the real cmdlet's
// CertificateException is. Everything is validated before the store changes.

import { stat, writeFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CmdletContext } from '../../lib/engine/cmdlet/index.js';
import type { SecureString } from '../../lib/core/values.js';
import type { RequestRecord } from '../../lib/certs/store/layout.js';
import type { NewRequestOptions, RequestResult } from '../../lib/certs/workflow/request.js';
import { certServices, domainNameList } from './cs-arguments.js';
import { csError, fromCode, toShellError } from './errors.js';
import { resolveFs } from './paths.js';
import { requestStatus } from './request-status.js';
import type { CertServices } from './services.js';
import type { KeyAlgorithmName } from './cert-type.js';

export interface NewRequestArgs {
  Type?: string[]; CA?: string; CaAccount?: string; CaPassword?: SecureString; City?: string; ClientEKU?: boolean;
  ComputerFqdn?: string | null; Country?: string; DomainName?: string | null; FriendlyName?: string; KeyAlg?: string;
  KeySize?: number; Organization?: string; OU?: string; Output?: string; PrivateKeyExportable?: boolean; State?: string;
  Template?: string; AllSipDomain?: boolean; Assign?: boolean; GlobalCatalog?: string; GlobalSettingsDomainController?: string;
}

// The async spine is kept short, the rest in plain functions: in a loop it is among the first
// functions V8 optimises, and its await points make every line of it costly to compile.
export async function newRequest(ctx: CmdletContext, args: NewRequestArgs) {
  const svc = await certServices(ctx);
  const options = requestOptions(svc, args);
  const names = validated(ctx, svc, options, args);
  const output = args.Output ? resolveFs(ctx, args.Output) : undefined;
  if (output) await checkWritable(output);
  const target = options.offline ? output! : (args.CA ?? svc.config.defaultAuthority);
  if (!(await ctx.shouldProcess(`CN=${names.subject}`, intent(options, target)))) return undefined;
  if (!options.offline) ctx.writeVerbose(`Certificate request submitted to certification authority (CA) "${target}".`);
  const result = await svc.domain.requestCertificate(svc.config, svc.store, svc.env, { ...options, names }).catch(rethrown);
  if (output) await writeRequestFile(svc, output, result);
  report(ctx, result);
  return requestStatus(result);
}

const rethrown = (error: unknown): never => { throw toShellError(error); };

/** The CA and the names checked before anything is asked or changed, with the verbose lines of the names. */
function validated(ctx: CmdletContext, svc: CertServices, options: NewRequestOptions, args: NewRequestArgs) {
  if (!options.offline) try { svc.domain.configuredAuthority(svc.config, args.CA); } catch (error) { throw toShellError(error); }
  const names = computed(svc, options);
  ctx.writeVerbose(`Certificate use: ${options.types.join(',')}`);
  ctx.writeVerbose(`Subject distinguished name (DN): CN="${names.subject}"`);
  ctx.writeVerbose(`Subject alternative name: ${names.sans.join(',')}`);
  for (const ignored of IGNORED)
    if (args[ignored] !== undefined) ctx.writeVerbose(`-${ignored} is not needed by the configured CAs and is ignored.`);
  return names;
}

const IGNORED = ['CaAccount', 'CaPassword', 'GlobalCatalog', 'GlobalSettingsDomainController'] as const;

/** What ShouldProcess is asked to allow. */
const intent = (options: NewRequestOptions, target: string) => options.offline
  ? `Write an offline certificate request to '${target}'`
  : `Request a certificate for ${options.types.join(',')} of the CA '${target}'`;

function requestOptions(svc: CertServices, args: NewRequestArgs): NewRequestOptions {
  const computerGiven = args.ComputerFqdn !== undefined && args.ComputerFqdn !== null && args.ComputerFqdn !== '';
  return {
    types: (args.Type ?? []) as NewRequestOptions['types'],
    computer: computerGiven ? svc.domain.resolveComputer(svc.config, args.ComputerFqdn!) : undefined,
    domainNames: domainNameList(args.DomainName), allSipDomain: args.AllSipDomain,
    keyAlg: args.KeyAlg as KeyAlgorithmName | undefined, keySize: args.KeySize,
    organization: args.Organization, ou: args.OU, city: args.City, state: args.State, country: args.Country,
    friendlyName: args.FriendlyName, privateKeyExportable: args.PrivateKeyExportable, template: args.Template,
    clientEku: args.ClientEKU, ca: args.CA, offline: args.Output !== undefined, assign: args.Assign,
  };
}

function computed(svc: CertServices, options: NewRequestOptions) {
  try {
    return svc.domain.computeNames(svc.config, { types: options.types, computer: options.computer ?? svc.computerFqdn,
      domainNames: options.domainNames, allSipDomain: options.allSipDomain });
  } catch (error) { throw toShellError(error); }
}

async function checkWritable(path: string): Promise<void> {
  const folder = await stat(dirname(path)).catch(() => undefined);
  if (!folder?.isDirectory()) throw csError('CertificateFileNotFound', `The folder of '${path}' does not exist.`, path);
}

/** The CSR file; if it cannot be written the request just kept is dropped again. */
async function writeRequestFile(svc: CertServices, path: string, result: RequestResult): Promise<void> {
  try { await writeFile(path, result.csrPem ?? ''); } catch (error) {
    await svc.store.removeRequest(result.requestId).catch(() => undefined);
    await rm(path, { force: true });
    throw toShellError(error);
  }
}

/** Verbose lines of the outcome; Denied and Failed are errors too (the status object still goes out). */
function report(ctx: CmdletContext, result: RequestResult): void {
  if (result.status === 'Issued') {
    ctx.writeVerbose('Certificate issued successfully.');
    ctx.writeVerbose(`Certificate was imported with the thumbprint "${result.thumbprint}".`);
    if (result.assigned) for (const use of result.use)
      ctx.writeVerbose(`Certificate "${result.thumbprint}" has been added to the local data store with the usage type "${use}".`);
    else if (!result.canAssign) ctx.writeWarning(result.message);
  } else if (result.status === 'Offline') ctx.writeVerbose(`The offline certificate request ${result.requestId} was written; it waits in Cert:\\LocalMachine\\REQUEST.`);
  else if (result.status === 'Pending') ctx.writeWarning(result.message);
  else ctx.writeError(fromCode(result.status === 'Denied' ? 'Denied' : 'Failed', result.message, `request ${result.requestId}`));
}

/** The kept requests -List/-Retrieve/-Clear act on: one by id (an error when unknown), or all not yet issued. */
export async function keptRequests(svc: CertServices, requestId: number | undefined): Promise<RequestRecord[]> {
  if (requestId === undefined) return (await svc.store.requests()).filter((r) => r.status !== 'Issued');
  const request = await svc.store.request(requestId);
  if (!request) throw csError('CertificateRequestNotFound', `There is no certificate request with the id ${requestId}.`, requestId);
  return [request];
}
