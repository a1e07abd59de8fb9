// The members of a string, as .NET defines them: comparisons are case-sensitive and ordinal
// unless a StringComparison says otherwise ('abc'.Contains('B') is $false, unlike -like), and
// Split with a string argument splits on the whole string (PowerShell 7 picks that overload).
// Imports only lib/core and sibling modules.

import { argumentError, argumentOutOfRange } from './dotnet-errors.js';
import { argInt, argStr, memberTable, method, property, type MemberDef } from './member-table.js';

type S = MemberDef<string>;

/** StringComparison (by name or number) or a bool ignoreCase: does it ignore case? */
const ignoresCase = (v: unknown) => v === true || (typeof v === 'number' ? v % 2 === 1 : /ignorecase/i.test(argStr(v)));

const fold = (s: string, ic: boolean) => ic ? s.toLowerCase() : s;

/** Trim's characters: strings give their characters, arrays their elements'. */
function charSet(args: unknown[]): string[] {
  return args.flatMap(a => Array.isArray(a) ? a.flatMap(x => [...argStr(x)]) : [...argStr(a)]);
}

function trim(s: string, args: unknown[], start: boolean, end: boolean): string {
  const set = args.length ? new Set(charSet(args)) : undefined;
  const drop = (c: string) => set ? set.has(c) : /\s/.test(c);
  let a = 0, b = s.length;
  if (start) while (a < b && drop(s[a])) a++;
  if (end) while (b > a && drop(s[b - 1])) b--;
  return s.slice(a, b);
}

function substring(s: string, [start, length]: unknown[]): string {
  const i = argInt(start);
  if (i < 0) throw argumentOutOfRange('startIndex', 'StartIndex cannot be less than zero.');
  if (i > s.length) throw argumentOutOfRange('startIndex', 'startIndex cannot be larger than length of string.');
  if (length === undefined) return s.slice(i);
  const n = argInt(length);
  if (n < 0) throw argumentOutOfRange('length', 'Length cannot be less than zero.');
  if (i + n > s.length) throw argumentOutOfRange('length', 'Index and length must refer to a location within the string.');
  return s.slice(i, i + n);
}

const SPLIT_OPTIONS = /^(none|removeemptyentries|trimentries)(\s*,\s*(none|removeemptyentries|trimentries))*$/i;

/** String.Split: (), (separator), (separator, count), (separator, options), (separator, count, options). */
function split(s: string, args: unknown[]): string[] {
  const [sep, ...rest] = args;
  let count = Infinity, removeEmpty = false, trimEntries = false;
  for (const a of rest) {
    if (typeof a === 'number' && rest.indexOf(a) === 0 && rest.length === 2) count = a;
    else if (typeof a === 'number' && rest.length === 1) count = a;
    else if (typeof a === 'string' && SPLIT_OPTIONS.test(a)) { removeEmpty ||= /removeempty/i.test(a); trimEntries ||= /trim/i.test(a); }
    else if (typeof a === 'number') { removeEmpty ||= (a & 1) === 1; trimEntries ||= (a & 2) === 2; }
  }
  const seps = sep === null || sep === undefined ? [] : (Array.isArray(sep) ? sep : [sep]).map(argStr).filter(x => x !== '');
  const pattern = seps.length ? new RegExp(seps.sort((a, b) => b.length - a.length).map(x => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')) : /\s/;
  let parts = s.split(pattern);
  if (trimEntries) parts = parts.map(p => p.trim());
  if (removeEmpty) parts = parts.filter(p => p !== '');
  if (parts.length > count) {
    // The last piece keeps the rest of the string, separators and all.
    const head = parts.slice(0, Math.max(count - 1, 0));
    let offset = 0;
    for (const h of head) { offset = s.indexOf(h, offset) + h.length; offset += (pattern.exec(s.slice(offset))?.[0].length ?? 0); }
    parts = count <= 0 ? [] : [...head, s.slice(offset)];
  }
  return parts;
}

function replace(s: string, [oldValue, newValue, ...options]: unknown[]): string {
  const old = argStr(oldValue);
  if (old === '') throw argumentError("String cannot be of zero length. (Parameter 'oldValue')");
  const by = argStr(newValue);
  if (!options.length || !ignoresCase(options[0])) return s.split(old).join(by);
  return s.replace(new RegExp(old.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), () => by);
}

function indexOf(s: string, [value, ...rest]: unknown[], last: boolean): number {
  const ic = rest.length > 0 && typeof rest[rest.length - 1] !== 'number' && ignoresCase(rest[rest.length - 1]);
  const start = typeof rest[0] === 'number' ? rest[0] : undefined;
  if (start !== undefined && (start < 0 || start > s.length)) throw argumentOutOfRange('startIndex', 'Index was out of range. Must be non-negative and less than or equal to the size of the collection.');
  const hay = fold(s, ic), needle = fold(argStr(value), ic);
  return last ? hay.lastIndexOf(needle, start) : hay.indexOf(needle, start);
}

function pad(s: string, [width, c]: unknown[], left: boolean): string {
  const n = argInt(width);
  if (n < 0) throw argumentOutOfRange('totalWidth', 'Non-negative number required.');
  const fill = c === undefined ? ' ' : argStr(c).charAt(0);
  return left ? s.padStart(n, fill) : s.padEnd(n, fill);
}

function insert(s: string, [at, value]: unknown[]): string {
  const i = argInt(at);
  if (i < 0 || i > s.length) throw argumentOutOfRange('startIndex', 'Index was out of range. Must be non-negative and less than or equal to the size of the collection.');
  return s.slice(0, i) + argStr(value) + s.slice(i);
}

function remove(s: string, [at, count]: unknown[]): string {
  const i = argInt(at), n = count === undefined ? s.length - i : argInt(count);
  if (i < 0 || n < 0 || i + n > s.length) throw argumentOutOfRange(count === undefined ? 'startIndex' : 'count', 'Index and count must refer to a location within the string.');
  return s.slice(0, i) + s.slice(i + n);
}

function charAt(s: string, [at]: unknown[]): string {
  const i = argInt(at);
  if (i < 0 || i >= s.length) throw argumentOutOfRange('index', 'Index was outside the bounds of the array.');
  return s[i];
}

const test = (s: string, [value, option]: unknown[], f: (hay: string, needle: string) => boolean) => {
  const ic = option !== undefined && ignoresCase(option);
  return f(fold(s, ic), fold(argStr(value), ic));
};

function normalForm(f: unknown): 'NFC' | 'NFD' | 'NFKC' | 'NFKD' {
  const m = /^form(c|d|kc|kd)$/i.exec(argStr(f ?? 'FormC'));
  return `NF${(m?.[1] ?? 'c').toUpperCase()}` as 'NFC';
}

function compareOrdinal(a: string, b: unknown): number {
  if (b === null || b === undefined) return 1;
  return Math.sign(a.localeCompare(argStr(b), 'en-US'));
}

const STRING_MEMBERS: S[] = [
  property('Length', 'int', s => s.length),
  method('Chars', 'char Chars(int index) {get;}', [1], charAt),
  method('Substring', 'string Substring(int startIndex), string Substring(int startIndex, int length)', [1, 2], substring),
  method('ToUpper', 'string ToUpper(), string ToUpper(cultureinfo culture)', [0, 1], s => s.toUpperCase()),
  method('ToLower', 'string ToLower(), string ToLower(cultureinfo culture)', [0, 1], s => s.toLowerCase()),
  method('ToUpperInvariant', 'string ToUpperInvariant()', [0], s => s.toUpperCase()),
  method('ToLowerInvariant', 'string ToLowerInvariant()', [0], s => s.toLowerCase()),
  method('Trim', 'string Trim(), string Trim(char trimChar), string Trim(Params char[] trimChars)', [0, 1, 2, 3, 4, 5, 6, 7, 8], (s, a) => trim(s, a, true, true)),
  method('TrimStart', 'string TrimStart(), string TrimStart(char trimChar), string TrimStart(Params char[] trimChars)', [0, 1, 2, 3, 4, 5, 6, 7, 8], (s, a) => trim(s, a, true, false)),
  method('TrimEnd', 'string TrimEnd(), string TrimEnd(char trimChar), string TrimEnd(Params char[] trimChars)', [0, 1, 2, 3, 4, 5, 6, 7, 8], (s, a) => trim(s, a, false, true)),
  method('Split', 'string[] Split(string separator, System.StringSplitOptions options), string[] Split(string[] separator, int count, System.StringSplitOptions options), string[] Split(Params char[] separator)...', [0, 1, 2, 3], split),
  method('Replace', 'string Replace(string oldValue, string newValue), string Replace(string oldValue, string newValue, System.StringComparison comparisonType)...', [2, 3], replace),
  method('Contains', 'bool Contains(string value), bool Contains(string value, System.StringComparison comparisonType)...', [1, 2], (s, a) => test(s, a, (h, n) => h.includes(n))),
  method('StartsWith', 'bool StartsWith(string value), bool StartsWith(string value, System.StringComparison comparisonType)...', [1, 2, 3], (s, a) => test(s, a, (h, n) => h.startsWith(n))),
  method('EndsWith', 'bool EndsWith(string value), bool EndsWith(string value, System.StringComparison comparisonType)...', [1, 2, 3], (s, a) => test(s, a, (h, n) => h.endsWith(n))),
  method('IndexOf', 'int IndexOf(string value), int IndexOf(string value, int startIndex), int IndexOf(string value, System.StringComparison comparisonType)...', [1, 2, 3], (s, a) => indexOf(s, a, false)),
  method('LastIndexOf', 'int LastIndexOf(string value), int LastIndexOf(string value, int startIndex)...', [1, 2, 3], (s, a) => indexOf(s, a, true)),
  method('IndexOfAny', 'int IndexOfAny(char[] anyOf), int IndexOfAny(char[] anyOf, int startIndex)', [1, 2], (s, [cs, st]) => {
    const set = new Set(charSet([cs])); for (let i = st === undefined ? 0 : argInt(st); i < s.length; i++) if (set.has(s[i])) return i; return -1; }),
  method('PadLeft', 'string PadLeft(int totalWidth), string PadLeft(int totalWidth, char paddingChar)', [1, 2], (s, a) => pad(s, a, true)),
  method('PadRight', 'string PadRight(int totalWidth), string PadRight(int totalWidth, char paddingChar)', [1, 2], (s, a) => pad(s, a, false)),
  method('Insert', 'string Insert(int startIndex, string value)', [2], insert),
  method('Remove', 'string Remove(int startIndex), string Remove(int startIndex, int count)', [1, 2], remove),
  method('Equals', 'bool Equals(string value), bool Equals(string value, System.StringComparison comparisonType)...', [1, 2],
    (s, [v, o]) => typeof v === 'string' && (o !== undefined && ignoresCase(o) ? s.toLowerCase() === v.toLowerCase() : s === v)),
  method('CompareTo', 'int CompareTo(System.Object value), int CompareTo(string strB)', [1], (s, [v]) => compareOrdinal(s, v)),
  method('ToCharArray', 'char[] ToCharArray(), char[] ToCharArray(int startIndex, int length)', [0, 2],
    (s, a) => [...(a.length ? substring(s, a) : s)]),
  method('Normalize', 'string Normalize(), string Normalize(System.Text.NormalizationForm normalizationForm)', [0, 1], (s, [f]) => s.normalize(normalForm(f))),
  method('Clone', 'System.Object Clone()', [0], s => s),
  method('ToString', 'string ToString(), string ToString(System.IFormatProvider provider)', [0, 1], s => s),
  method('GetTypeCode', 'System.TypeCode GetTypeCode()', [0], () => 'String'),
];

export const stringMembers = memberTable(STRING_MEMBERS);
