// Arguments the certificate cmdlets share and read the same way: -Identity (global or this
// computer), thumbprints (any case, spaces or colons), -DomainName lists, -Force, and the
// services with their errors mapped. Loads no domain code.

import type { CmdletContext } from '../../lib/engine/cmdlet/index.js';
import { param } from '../../lib/engine/cmdlet/index.js';
import { csError, toShellError } from './errors.js';
import type { CertServices } from './services.js';

export const MODULE = 'SkypeForBusiness';

/** The services, with a configuration or store failure reported as the command's own error. */
export async function certServices(ctx: CmdletContext): Promise<CertServices> {
  try { return await ctx.certs(); } catch (error) { throw toShellError(error); }
}

/** -Identity: 'global', or this computer (left out, or its own FQDN). */
export function identityScope(identity: string | undefined | null, svc: CertServices): 'global' | undefined {
  if (identity === undefined || identity === null || identity === '') return undefined;
  const text = identity.trim().toLowerCase();
  if (text === 'global') return 'global';
  if (text === svc.computerFqdn.toLowerCase() || text === `service:${svc.computerFqdn.toLowerCase()}`) return undefined;
  throw csError('InvalidIdentity', `The identity '${identity}' is neither 'global' nor this computer (${svc.computerFqdn}).`, identity);
}

/** 40 hex digits, upper case; accepts any case, spaces and colons as copied from a dialog. */
export function thumbprintArgument(text: string): string {
  const hex = text.replace(/[\s:\u200e\u200f]/g, '').toUpperCase();
  if (!/^[0-9A-F]{40}$/.test(hex))
    throw csError('InvalidThumbprint', `'${text}' is not a certificate thumbprint: a thumbprint has 40 hexadecimal digits, this has ${hex.length} characters.`, text);
  return hex;
}

/**
 * Tab completion of -Thumbprint: the thumbprints of the Personal store (My), from the host's
 * services. Completion must never fail the line being typed, so a store that cannot be opened
 * (no configuration yet, a broken file) offers nothing.
 */
export async function completeThumbprint(_prefix: string, services: object): Promise<string[]> {
  const { certs } = services as { certs?: () => Promise<CertServices> };
  if (!certs) return [];
  try { return (await (await certs()).store.list('My')).map((entry) => entry.thumbprint); } catch { return []; }
}

/** -Thumbprint: a string that completes with the thumbprints of Cert:\LocalMachine\My. */
export const thumbprintParameter = (options: Parameters<typeof param.string>[0]) =>
  param.string({ ...options, complete: completeThumbprint });

/** -DomainName "a.com, b.com,c.com": a comma list, spaces allowed. */
export const domainNameList = (text: string | undefined | null): string[] =>
  text ? text.split(',').map((name) => name.trim()).filter(Boolean) : [];

export const forceParameter = (help = 'Suppresses non-fatal messages and confirmation prompts.') =>
  param.switch({ help });

/** A thumbprint, request id or reference read off a pipeline object (a status or reference object). */
export function propertyOf(value: unknown, name: string): unknown {
  const object = value as { get?(n: string): unknown } | null;
  return object && typeof object.get === 'function' ? object.get(name) : undefined;
}
