// Assigning a certificate to usages, as Set-CsCertificate and Import-CsCertificate -Type do and
// as the real cmdlet's log tells it: refuse what cannot work (no private key, expired, no
// serverAuth, a chain that does not reach a trusted root: the error names the certificate to
// import), compare the subject and SANs with what the topology computes (a warning, never a
// refusal; skipped for OAuthTokenIssuer), ask ShouldProcess per usage, then change the store in
// one transaction. Validation comes first so a refusal leaves the store untouched; the
// transaction checks again, so a certificate imported in the same transaction (Import-CsCertificate
// -Type, Set-CsCertificate -Path) is refused together with its import.

import type { CmdletContext } from '../../lib/engine/cmdlet/index.js';
import type { StoreTransaction } from '../../lib/certs/store/store.js';
import type { StoredCertificate } from '../../lib/certs/store/view.js';
import { csError, toShellError } from './errors.js';
import type { CertServices } from './services.js';

export interface AssignRequest {
  thumbprint: string;
  types: string[];
  /** 'global' from -Identity global; undefined for this computer. */
  identity?: 'global';
  roll?: boolean;
  effectiveDate?: Date;
}

/** The -Roll / -EffectiveDate pair: both or neither. */
export function checkRoll(roll: boolean | undefined, effectiveDate: Date | undefined): void {
  if (roll && !effectiveDate) throw csError('RollWithoutEffectiveDate',
    '-Roll needs -EffectiveDate: the date and time the new certificate takes over.', 'Roll');
  if (effectiveDate && !roll) throw csError('EffectiveDateWithoutRoll',
    '-EffectiveDate applies only to a staged certificate; add -Roll to stage it.', 'EffectiveDate');
}

export interface ApprovedUsage { type: string; scope: string }

/** What a transaction's assignment did: the certificate, and the usages that had none before. */
export interface Assigned { certificate: StoredCertificate; approved: ApprovedUsage[]; fresh: string[] }

const refusal = (error: unknown) => toShellError(error);

/** Validates, then assigns; returns the usages actually assigned (ShouldProcess may decline some). */
export async function assignCertificate(ctx: CmdletContext, svc: CertServices, request: AssignRequest): Promise<string[]> {
  let certificate: StoredCertificate;
  try { certificate = (await svc.domain.assertAssignable(svc.store, request.thumbprint, ctx.now())).certificate; }
  catch (error) { throw refusal(error); }
  checkNames(ctx, svc, certificate, request.types);
  const approved = await approveUsages(ctx, svc, `${certificate.thumbprint} (${certificate.subject})`, request);
  if (!approved.length) return [];
  let assigned: Assigned;
  try { assigned = await svc.store.transaction((tx) => assignWithin(tx, svc, request, approved, ctx.now())); }
  catch (error) { throw refusal(error); }
  reportAssigned(ctx, assigned, request);
  return approved.map((a) => a.type);
}

/** ShouldProcess for each usage, before anything changes; the usages the user let through. */
export async function approveUsages(ctx: CmdletContext, svc: CertServices, target: string, request: Omit<AssignRequest, 'thumbprint'>): Promise<ApprovedUsage[]> {
  const approved: ApprovedUsage[] = [];
  for (const type of request.types) {
    const scope = svc.domain.scopeFor(type, svc.computerFqdn, request.identity);
    const action = request.roll ? `Stage for the usage "${type}" from ${request.effectiveDate!.toISOString()}` : `Assign to the usage "${type}"`;
    if (await ctx.shouldProcess(target, `${action} (${scope === 'global' ? 'global' : 'local'})`)) approved.push({ type, scope });
  }
  return approved;
}

/** Inside a transaction: refuses what cannot be assigned (the transaction then changes nothing), else assigns. */
export async function assignWithin(tx: StoreTransaction, svc: CertServices, request: AssignRequest, approved: ApprovedUsage[], now: Date): Promise<Assigned> {
  const { certificate } = await svc.domain.assertAssignable(tx, request.thumbprint, now);
  const before = await tx.assignments();
  const fresh = approved.filter(({ type, scope }) => !before.some((a) => a.scope === scope && a.usage === type)).map((a) => a.type);
  for (const { type, scope } of approved)
    await tx.assign(scope, [type], certificate.thumbprint, request.roll ? { effectiveDate: request.effectiveDate } : {});
  return { certificate, approved, fresh };
}

/** The real cmdlet's log lines of an assignment that was committed. */
export function reportAssigned(ctx: CmdletContext, { certificate, approved, fresh }: Assigned, request: Omit<AssignRequest, 'thumbprint'>): void {
  for (const { type } of approved) {
    if (fresh.includes(type)) ctx.writeVerbose(`Certificate not found for the usage type "${type}".`);
    ctx.writeVerbose(request.roll
      ? `Certificate "${certificate.thumbprint}" has been staged in the local data store with the usage type "${type}", effective ${request.effectiveDate!.toISOString()}.`
      : `Certificate "${certificate.thumbprint}" has been added to the local data store with the usage type "${type}".`);
  }
}

/**
 * The real cmdlet's subject and SAN comparison: verbose lines, a warning when they differ. The
 * usages assigned together are one certificate, so their names are computed together, as
 * Request-CsCertificate computes them (Access Edge, Web Conferencing and A/V share the Access
 * Edge name; Default and the web services share the pool's).
 */
export function checkNames(ctx: CmdletContext, svc: CertServices, certificate: StoredCertificate, types: string[]): void {
  if (types.some((type) => type.toLowerCase() === 'oauthtokenissuer'))
    ctx.writeVerbose('Skip certificate subject and alternative name validation for the type OAuthTokenIssuer.');
  const checked = types.filter((type) => type.toLowerCase() !== 'oauthtokenissuer');
  if (!checked.length) return;
  const type = checked.join(',');
  let computed: { subject: string; sans: string[] };
  try { computed = svc.domain.computeNames(svc.config, { types: checked as never[], computer: svc.computerFqdn }); }
  catch (error) {
    ctx.writeWarning(`The names for the type "${type}" cannot be computed from the topology: ${(error as Error).message}`);
    return;
  }
  const subject = certificate.commonName ?? certificate.subject;
  ctx.writeVerbose(`The subject name of certificate "${certificate.thumbprint}" is "${subject}" and the computed subject name is "${computed.subject}".`);
  ctx.writeVerbose(`The subject alternative names of certificate "${certificate.thumbprint}" are "${certificate.sans.join(',')}" and the computed subject alternative names are "${computed.sans.join(',')}".`);
  if (subject.toLowerCase() !== computed.subject.toLowerCase())
    ctx.writeWarning(`The subject name "${subject}" of the certificate does not match the computer fully qualified domain name (FQDN) "${computed.subject}".`);
  const missing = computed.sans.filter((name) => !covers(certificate.sans, name));
  if (missing.length) ctx.writeWarning(
    `The subject alternative names of certificate "${certificate.thumbprint}" do not include "${missing.join(',')}", which the topology computes for the type "${type}".`);
}

/** A SAN list covers a name exactly or by a one-label wildcard (*.contoso.com covers meet.contoso.com). */
export function covers(sans: readonly string[], name: string): boolean {
  const lower = name.toLowerCase();
  return sans.some((san) => {
    const s = san.toLowerCase();
    return s === lower || (s.startsWith('*.') && lower.endsWith(s.slice(1)) && !lower.slice(0, -s.length + 1).includes('.'));
  });
}
