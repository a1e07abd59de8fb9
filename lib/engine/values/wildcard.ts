// PowerShell wildcards (about_Wildcards) as anchored regular expressions: `*` any run, `?` one
// character, `[abc]` and `[a-z]` one of a set, a backtick makes the next character literal.
// A pattern matches the whole string, case-insensitively unless asked. Used by -like, switch
// -Wildcard and the cmdlets' -Name/-Include filters. Imports only lib/core.

import { ShellError } from '../../core/errors.js';

/** Whether a string contains wildcard characters (so a name filter should match, not look up). */
export function isWildcard(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '`') { i++; continue; }
    if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

const cache = new Map<string, RegExp>();
const CACHE_LIMIT = 500;

/** The compiled pattern; repeated patterns (a -like in a loop) are compiled once. */
export function wildcardToRegExp(pattern: string, caseSensitive = false): RegExp {
  const key = (caseSensitive ? 'c:' : 'i:') + pattern;
  let re = cache.get(key);
  if (re) return re;
  re = new RegExp('^' + translate(pattern) + '$', caseSensitive ? 's' : 'is');
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, re);
  return re;
}

/** `text -like pattern`. */
export function wildcardMatch(text: string, pattern: string, caseSensitive = false): boolean {
  return wildcardToRegExp(pattern, caseSensitive).test(text);
}

function translate(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[') i = bracket(pattern, i, r => { out += r; });
    else if (c === '`' && i + 1 < pattern.length) out += escape(pattern[++i]);
    else out += escape(c);
  }
  return out;
}

/** A `[...]` set starting at `start`; returns the index of its closing bracket. */
function bracket(pattern: string, start: number, emit: (regex: string) => void): number {
  let set = '';
  for (let i = start + 1; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === ']' && set !== '') { emit('[' + set + ']'); return i; }
    if (c === '`' && i + 1 < pattern.length) set += escapeInSet(pattern[++i]);
    else if (c === '-' && set !== '' && pattern[i + 1] !== ']') set += '-';
    else set += escapeInSet(c);
  }
  throw new ShellError('WildcardPatternException', 'InvalidArgument',
    `The specified wildcard character pattern is not valid: ${pattern}`, { target: pattern });
}

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const escapeInSet = (c: string) => c.replace(/[\]\\^-]/g, '\\$&');
