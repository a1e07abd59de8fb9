// Assigning a certificate to usages, as Set-CsCertificate and Import-CsCertificate -Type do and
// as the real cmdlet's log tells it: refuse what cannot work (no private key, expired, no
// serverAuth, a chain that does not reach a trusted root: the error names the certificate to
// import), compare the subject and SANs with what the topology computes (a warning, never a
// refusal; skipped for OAuthTokenIssuer), ask ShouldProcess per usage, then change the store in
// one transaction. Validation comes first so a refusal leaves the store untouched.

import type { CmdletContext } from '../../lib/engine/cmdlet/index.js';
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

/** Validates, then assigns; returns the usages actually assigned (ShouldProcess may decline some). */
export async function assignCertificate(ctx: CmdletContext, svc: CertServices, request: AssignRequest): Promise<string[]> {
  const { store, domain } = svc;
  let certificate: StoredCertificate;
  try { certificate = (await domain.assertAssignable(store, request.thumbprint, ctx.now())).certificate; }
  catch (error) { throw toShellError(error); }
  for (const type of request.types) checkNames(ctx, svc, certificate, type);
  const approved: { type: string; scope: string }[] = [];
  for (const type of request.types) {
    const scope = domain.scopeFor(type, svc.computerFqdn, request.identity);
    const action = request.roll ? `Stage for the usage "${type}" from ${request.effectiveDate!.toISOString()}` : `Assign to the usage "${type}"`;
    if (await ctx.shouldProcess(`${certificate.thumbprint} (${certificate.subject})`, `${action} (${scope === 'global' ? 'global' : 'local'})`))
      approved.push({ type, scope });
  }
  if (!approved.length) return [];
  const before = await store.assignments();
  try {
    await store.transaction(async (tx) => {
      for (const { type, scope } of approved)
        await tx.assign(scope, [type], certificate.thumbprint, request.roll ? { effectiveDate: request.effectiveDate } : {});
    });
  } catch (error) { throw toShellError(error); }
  for (const { type, scope } of approved) {
    if (!before.some((a) => a.scope === scope && a.usage === type)) ctx.writeVerbose(`Certificate not found for the usage type "${type}".`);
    ctx.writeVerbose(request.roll
      ? `Certificate "${certificate.thumbprint}" has been staged in the local data store with the usage type "${type}", effective ${request.effectiveDate!.toISOString()}.`
      : `Certificate "${certificate.thumbprint}" has been added to the local data store with the usage type "${type}".`);
  }
  return approved.map((a) => a.type);
}

/** The real cmdlet's subject and SAN comparison: verbose lines, a warning when they differ. */
function checkNames(ctx: CmdletContext, svc: CertServices, certificate: StoredCertificate, type: string): void {
  if (type === 'OAuthTokenIssuer') {
    ctx.writeVerbose('Skip certificate subject and alternative name validation for the type OAuthTokenIssuer.');
    return;
  }
  let computed: { subject: string; sans: string[] };
  try { computed = svc.domain.computeNames(svc.config, { types: [type as never], computer: svc.computerFqdn }); }
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
