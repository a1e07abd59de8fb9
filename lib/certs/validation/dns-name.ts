// DNS names as RFC 6125 and the CA/B Forum compare them: ASCII only (IDNs as A-labels), LDH
// labels of 1-63 characters, case-insensitive, a trailing dot ignored; a wildcard only as the
// whole left-most label, never directly above a public suffix. Imports Node's url only.

import { domainToASCII } from 'node:url';
import { isPublicSuffix } from './public-suffixes.js';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** A syntactically valid host name (no wildcard). */
export function isHostName(name: string): boolean {
  if (name.length === 0 || name.length > 253) return false;
  return name.split('.').every((label) => LABEL.test(label));
}

/** What a user typed, as the A-label form a certificate must carry; undefined when it is no host name. */
export function referenceName(input: string): string | undefined {
  const trimmed = input.trim().replace(/\.$/, '');
  const ascii = /^[\x20-\x7e]*$/.test(trimmed) ? trimmed.toLowerCase() : domainToASCII(trimmed);
  return ascii && isHostName(ascii) ? ascii : undefined;
}

export interface PresentedName { wildcard: boolean; /** The name without '*.' when wildcard. */ base: string }

/** A dNSName from a certificate, or undefined when it is not a valid (wildcard) host name. */
export function presentedName(value: string): PresentedName | undefined {
  const lower = value.toLowerCase();
  if (!/^[\x21-\x7e]+$/.test(lower)) return undefined;
  if (lower.startsWith('*.')) {
    const base = lower.slice(2);
    return isHostName(base) && base.includes('.') ? { wildcard: true, base } : undefined;
  }
  return isHostName(lower) ? { wildcard: false, base: lower } : undefined;
}

/** RFC 6125 §6.4.3: '*' matches exactly one whole left-most label; not above a public suffix. */
export function presentedMatches(presented: PresentedName, reference: string): boolean {
  if (!presented.wildcard) return presented.base === reference;
  if (isPublicSuffix(presented.base)) return false;
  const dot = reference.indexOf('.');
  return dot > 0 && reference.slice(dot + 1) === presented.base;
}

/** `name` equals `domain` or lies below it, on a label boundary. */
export const withinDomain = (name: string, domain: string): boolean =>
  domain === '' || name === domain || name.endsWith(`.${domain}`);
