// Certificate operations the domain has no function for yet, built on lib/certs: resolving a
// short computer name, naming the configured CAs, the status page of a request or certificate,
// and exporting. Loaded lazily through ./domain.ts. Each is small on purpose: when lib/certs
// gains an equivalent, domain.ts re-exports that instead.

import type { CsConfig, AuthorityConfig } from '../../lib/certs/config.js';
import type { DomainEnv } from '../../lib/certs/env.js';
import { createAuthority, type AuthorityDescription } from '../../lib/certs/authority.js';
import type { Store } from '../../lib/certs/store/store.js';
import type { RequestRecord } from '../../lib/certs/store/layout.js';
import type { StoredCertificate } from '../../lib/certs/store/view.js';
import type { RequestResult } from '../../lib/certs/workflow/request.js';
import { assess } from '../../lib/certs/workflow/assign.js';
import { writePkcs7, certificatesToPem } from '../../lib/certs/x509/pem.js';
import { writePkcs12 } from '../../lib/certs/x509/pkcs12.js';
import { requestFromPem } from '../../lib/certs/workflow/request.js';
import { parseCsr } from '../../lib/certs/x509/csr.js';
import { thumbprintOf } from '../../lib/certs/x509/parse.js';
import { computeNames, poolOfComputer } from '../../lib/certs/topology.js';
import { REQUIRED_TYPES } from '../../lib/certs/cert-types.js';
import { scopeFor } from '../../lib/certs/workflow/assign.js';
import { covers } from './assignment.js';
import { CODE_KINDS, csError } from './errors.js';

/** -ComputerFqdn "atl-edge-001" (the reference's own example): a short name means the topology's computer of that name. */
export function resolveComputer(config: CsConfig, name: string): string {
  const lower = name.trim().toLowerCase();
  if (lower.includes('.')) return lower;
  const all = config.topology.pools.flatMap((pool) => [pool.fqdn, ...pool.computers]).map((c) => c.toLowerCase());
  return all.find((fqdn) => fqdn.split('.')[0] === lower) ?? lower;
}

/** The configured CA a -CA value names (case-insensitive); an unknown name lists the known ones. */
export function configuredAuthority(config: CsConfig, name: string | undefined): AuthorityConfig {
  const wanted = (name ?? config.defaultAuthority).toLowerCase();
  const found = Object.values(config.authorities).find((a) => a.name.toLowerCase() === wanted);
  if (!found) throw csError('UnknownCertificationAuthority',
    `No certification authority named '${name}' is configured; the configured ones are: ${Object.keys(config.authorities).join(', ')}.`, name);
  return found;
}

/** Get-CsCertificateAuthority: what each configured CA says of itself; kinds without a back end yet say so. */
export async function describeAuthorities(config: CsConfig, env: DomainEnv): Promise<(AuthorityDescription & { isDefault: boolean; error?: string })[]> {
  const result = [];
  for (const authority of Object.values(config.authorities)) {
    const isDefault = authority.name === config.defaultAuthority;
    try { result.push({ ...(await createAuthority(authority, env).describe()), isDefault }); } catch (error) {
      result.push({ identity: authority.name, kind: authority.kind, policy: String(authority.settings.policy ?? ''),
        trusted: false, isDefault, error: (error as Error).message });
    }
  }
  return result;
}

/** A request record seen as the status page sees it, judged now if it brought a certificate. */
export async function requestResultOf(store: Store, request: RequestRecord, at: Date): Promise<RequestResult> {
  const base: RequestResult = { requestId: request.id, status: request.status, use: request.types, ca: request.authority,
    subject: request.subject, alternativeNames: request.sans, canAssign: false, assigned: false, message: request.message ?? '' };
  if (!request.thumbprint || !(await store.get(request.thumbprint, 'My'))) return { ...base, thumbprint: request.thumbprint };
  return { ...base, ...(await judged(store, request.thumbprint, at)), use: request.types };
}

/** The status page of any certificate in My: its chain, whether it can be assigned and why not. */
export async function judged(store: Store, thumbprint: string, at: Date): Promise<RequestResult & { certificate: StoredCertificate }> {
  const a = await assess(store, thumbprint, at);
  const usages = await store.usagesOf(a.certificate.thumbprint);
  const request = a.certificate.requestId !== undefined ? await store.request(a.certificate.requestId) : undefined;
  return { requestId: request?.id ?? 0, status: 'Issued', thumbprint: a.certificate.thumbprint,
    use: request?.types ?? [...new Set(usages.map((u) => u.usage))], ca: request?.authority, subject: a.certificate.subject,
    alternativeNames: a.certificate.sans, notAfter: a.certificate.notAfter, chain: a.chain, canAssign: a.canAssign,
    assigned: usages.some((u) => u.as === 'current'), certificate: a.certificate,
    message: a.canAssign ? 'The certificate can be assigned.' : `The certificate cannot be assigned: ${a.problems.join(' ')}` };
}

export type ExportFormat = 'Pfx' | 'Pem' | 'Cer' | 'P7b';
export interface ExportOptions { format: ExportFormat; password?: string; legacy?: boolean; includeChain?: boolean; at: Date }

/** The bytes of an export. A private key leaves only in Pfx, or Pem with a password, and only when exportable. */
export async function exportCertificate(store: Store, thumbprint: string, options: ExportOptions): Promise<Buffer> {
  const certificate = await store.require(thumbprint);
  const chain = options.includeChain || options.format === 'P7b' ? await chainOf(store, certificate, options.at) : [];
  const certificates = [certificate.der, ...chain];
  switch (options.format) {
    case 'Cer': return certificate.der;
    case 'P7b': return writePkcs7(options.includeChain === false ? [certificate.der] : certificates);
    case 'Pem': {
      const key = options.password === undefined ? undefined : await store.privateKey(certificate.thumbprint, { forExport: true });
      const keyPem = key?.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: options.password! });
      return Buffer.from(certificatesToPem(certificates) + (keyPem ? String(keyPem) : ''));
    }
    case 'Pfx': {
      if (options.password === undefined) throw csError('PasswordRequired', 'A .pfx export needs -Password to protect the private key.');
      const privateKey = await store.privateKey(certificate.thumbprint, { forExport: true });
      return writePkcs12({ privateKey, certificates, password: options.password, friendlyName: certificate.friendlyName,
        encryption: options.legacy ? 'legacy' : 'modern' });
    }
  }
}

/** The CA certificates above a certificate that the store holds (not the leaf; stops at a missing link). */
async function chainOf(store: Store, certificate: StoredCertificate, at: Date): Promise<Buffer[]> {
  const { links } = await assess(store, certificate.thumbprint, at).then((a) => a.chain);
  const found: Buffer[] = [];
  for (const link of links.slice(1)) {
    if (!link.thumbprint) break;
    const stored = await store.get(link.thumbprint);
    if (stored) found.push(stored.der);
  }
  return found;
}

/** Pending and offline requests as Cert:\LocalMachine\REQUEST items, keyed by the SHA-1 of their CSR. */
export async function requestItems(store: Store) {
  return (await store.requests()).filter((r) => r.status === 'Pending' || r.status === 'Offline').map((r) => ({
    requestId: r.id, status: r.status, thumbprint: thumbprintOf(requestFromPem(r.csr)), subject: r.subject, issuer: '',
    serialNumber: '', notBefore: r.createdAt, notAfter: r.createdAt, sans: r.sans, ekus: requestedUsages(r.csr), hasPrivateKey: true,
    friendlyName: r.friendlyName,
  }));
}

/** The EKUs a stored request asks for; a CSR that no longer reads back still lists, with none, so the drive stays usable. */
function requestedUsages(csrPem: string): string[] {
  try { return parseCsr(csrPem).ekus; } catch { return []; }
}

/** Days before NotAfter when a certificate counts as near expiry (Microsoft's diagnostics rule). */
export const NEAR_EXPIRY_DAYS = 45;

export interface UsageCheck { use: string; scope: string; thumbprint?: string; notAfter?: Date; issues: string[] }

/** Test-CsCertificateConfiguration: every usage this computer's role needs, with what is wrong with it. */
export async function checkUsages(config: CsConfig, store: Store, computer: string, at: Date): Promise<UsageCheck[]> {
  const pool = poolOfComputer(config, computer);
  if (!pool) throw csError('ComputerNotFound', `The computer '${computer}' is not a member of any pool in the topology.`, computer);
  const checks: UsageCheck[] = [];
  for (const use of REQUIRED_TYPES[pool.role] ?? []) {
    const scope = scopeFor(use, computer);
    const view = (await store.assignments(scope, [use]))[0];
    if (!view?.thumbprint) { checks.push({ use, scope, issues: ['NotAssigned'] }); continue; }
    checks.push({ use, scope, ...(await certificateIssues(config, store, view.thumbprint, use, computer, at)) });
  }
  return checks;
}

async function certificateIssues(config: CsConfig, store: Store, thumbprint: string, use: string, computer: string, at: Date) {
  const certificate = await store.get(thumbprint, 'My');
  if (!certificate) return { thumbprint, issues: ['CertificateMissing'] };
  const { chain } = await assess(store, thumbprint, at);
  const issues = chain.problems.map((p) => CODE_KINDS[p.code].id);
  if (!certificate.hasPrivateKey) issues.push('NoPrivateKey');
  if (!issues.includes('CertificateExpired') && certificate.notAfter.getTime() - at.getTime() < NEAR_EXPIRY_DAYS * 86_400_000)
    issues.push('NearExpiry');
  if (certificate.keyAlgorithm === 'RSA' && certificate.keySize < 2048) issues.push('KeyTooShort');
  if (use !== 'OAuthTokenIssuer') {
    try {
      const names = computeNames(config, { types: [use as never], computer });
      const missing = names.sans.filter((name) => !covers(certificate.sans, name));
      if (missing.length) issues.push(`NamesNotCovered: ${missing.join(', ')}`);
    } catch (error) { issues.push(`NamesNotComputed: ${(error as Error).message}`); }
  }
  return { thumbprint, notAfter: certificate.notAfter, issues };
}

/** Approve-/Deny-CsCertificateRequest: the CA's decision on a kept Pending request; the requester then runs -Retrieve. */
export async function decideRequest(config: CsConfig, store: Store, env: DomainEnv, requestId: number,
  decision: { approve: true } | { approve: false; reason: string }): Promise<RequestResult> {
  const request = await store.request(requestId);
  if (!request) throw csError('CertificateRequestNotFound', `There is no certificate request with the id ${requestId}.`, requestId);
  const base: RequestResult = { requestId, status: request.status, use: request.types, ca: request.authority, subject: request.subject,
    alternativeNames: request.sans, canAssign: false, assigned: false, message: request.message ?? '' };
  if (request.status !== 'Pending' || !request.caRequestId || !request.authority)
    throw csError('CertificateRequestNotFound', `The certificate request ${requestId} is ${request.status}, not Pending at a CA.`, requestId);
  const authority = createAuthority(configuredAuthority(config, request.authority), env);
  const act = decision.approve ? authority.approve?.bind(authority) : authority.deny && ((id: string) => authority.deny!(id, decision.reason));
  if (!act) throw csError('AbilityNotAvailable', `The CA '${request.authority}' (kind ${authority.kind}) does not take decisions from here.`, request.authority);
  const answer = await act(request.caRequestId);
  const message = answer.status === 'Issued'
    ? `The CA issued the certificate; run Request-CsCertificate -Retrieve -RequestId ${requestId} to install it.` : answer.message;
  return { ...base, status: answer.status, message };
}
