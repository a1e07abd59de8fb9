// .NET regular expressions on JavaScript's engine, for -match, -replace, -split and switch -Regex.
// Patterns are rewritten where the dialects differ (\A \z \Z, '$' before a final newline, leading
// (?imsx) options, (?'name'...)), groups are renumbered the .NET way (unnamed groups first, named
// ones after), and replacement strings use .NET's $1 ${name} $$ $& $_ syntax. Compiled patterns
// are cached. Imports only lib/core.

import { ShellError } from '../../core/errors.js';
import { Hashtable } from '../../core/values.js';

export interface DotNetRegex {
  readonly source: string;           // the pattern as the script wrote it
  readonly re: RegExp;               // global + sticky-free: reset lastIndex before use
  /** For each JS group index (1-based), the .NET group name: '1', '2'... or the declared name. */
  readonly groupNames: string[];
}

export interface RegexOptions { caseSensitive?: boolean; multiline?: boolean; singleline?: boolean;
  ignoreWhitespace?: boolean; explicitCapture?: boolean }

const cache = new Map<string, DotNetRegex>();

/** Compiles a .NET pattern once; invalid patterns raise PowerShell's InvalidRegularExpression. */
export function dotNetRegex(pattern: string, options: RegexOptions = {}): DotNetRegex {
  const key = optionKey(options) + pattern;
  const hit = cache.get(key);
  if (hit) return hit;
  const compiled = compile(pattern, { ...options });
  if (cache.size > 500) cache.clear();
  cache.set(key, compiled);
  return compiled;
}

const optionKey = (o: RegexOptions) =>
  `${+!!o.caseSensitive}${+!!o.multiline}${+!!o.singleline}${+!!o.ignoreWhitespace}${+!!o.explicitCapture}:`;

function compile(pattern: string, o: RegexOptions): DotNetRegex {
  let body = pattern;
  const lead = /^\(\?([imsnx]*)(?:-([imsnx]*))?\)/.exec(body);
  if (lead) { applyInline(o, lead[1], true); applyInline(o, lead[2] ?? '', false); body = body.slice(lead[0].length); }
  if (o.ignoreWhitespace) body = stripWhitespace(body);
  const { source, groups } = rewrite(body, o);
  const flags = 'g' + (o.caseSensitive ? '' : 'i') + (o.multiline ? 'm' : '') + (o.singleline ? 's' : '')
    + (/\\[pP]\{/.test(source) ? 'u' : '');
  try {
    return { source: pattern, re: new RegExp(source, flags), groupNames: dotNetNumbering(groups) };
  } catch (e) {
    throw new ShellError('InvalidRegularExpression', 'InvalidOperation',
      `The regular expression pattern ${pattern} is not valid.`, { target: pattern, cause: e,
        exceptionType: 'System.Management.Automation.RuntimeException' });
  }
}

function applyInline(o: RegexOptions, letters: string, on: boolean) {
  for (const l of letters) {
    if (l === 'i') o.caseSensitive = !on;
    else if (l === 'm') o.multiline = on;
    else if (l === 's') o.singleline = on;
    else if (l === 'x') o.ignoreWhitespace = on;
    else if (l === 'n') o.explicitCapture = on;
  }
}

/** RegexOptions.IgnorePatternWhitespace: unescaped blanks and # comments outside sets vanish. */
function stripWhitespace(p: string): string {
  let out = '', inSet = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') { out += c + (p[++i] ?? ''); continue; }
    if (inSet) { out += c; if (c === ']') inSet = false; continue; }
    if (c === '[') { inSet = true; out += c; continue; }
    if (/\s/.test(c)) continue;
    if (c === '#') { while (i < p.length && p[i] !== '\n') i++; continue; }
    out += c;
  }
  return out;
}

/** Dialect differences, rewritten outside character sets; also lists the capturing groups. */
function rewrite(p: string, o: RegexOptions): { source: string; groups: (string | null)[] } {
  let out = '', inSet = false;
  const groups: (string | null)[] = [];
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') { const [text, skip] = escapeAt(p, i, inSet); out += text; i += skip; continue; }
    if (inSet) { out += c; if (c === ']') inSet = false; continue; }
    if (c === '[') { inSet = true; out += c; if (p[i + 1] === ']') { out += '\\]'; i++; } continue; }
    if (c === '$' && !o.multiline) { out += '(?=\\n?(?![\\s\\S]))'; continue; }
    if (c === '(') { const [text, skip] = groupAt(p, i, groups, o); out += text; i += skip; continue; }
    out += c;
  }
  return { source: out, groups };
}

function escapeAt(p: string, i: number, inSet: boolean): [string, number] {
  const next = p[i + 1] ?? '';
  if (!inSet && next === 'A') return ['(?<![\\s\\S])', 1];
  if (!inSet && next === 'z') return ['(?![\\s\\S])', 1];
  if (!inSet && next === 'Z') return ['(?=\\n?(?![\\s\\S]))', 1];
  return ['\\' + next, 1];
}

/** An opening parenthesis: records capturing groups and converts (?'name'...) to (?<name>...). */
function groupAt(p: string, i: number, groups: (string | null)[], o: RegexOptions): [string, number] {
  if (p[i + 1] !== '?') {
    if (o.explicitCapture) return ['(?:', 0];
    groups.push(null);
    return ['(', 0];
  }
  const named = /^\(\?(?:<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(p.slice(i));
  if (!named) return ['(', 0];
  const name = named[1] ?? named[2];
  groups.push(name);
  return [`(?<${name}>`, named[0].length - 1];
}

/** .NET numbers unnamed groups first, left to right, then the named ones. */
function dotNetNumbering(groups: (string | null)[]): string[] {
  const names: string[] = [];
  let n = 0;
  groups.forEach((g, i) => { if (g === null) names[i + 1] = String(++n); });
  groups.forEach((g, i) => { if (g !== null) names[i + 1] = g; });
  return names;
}

/** The first match at or after `from`, or null. */
export function execAt(rx: DotNetRegex, text: string, from = 0): RegExpExecArray | null {
  rx.re.lastIndex = from;
  return rx.re.exec(text);
}

/** $Matches for one match: named groups, then numbered ones from the highest, as PowerShell shows. */
export function matchesTable(rx: DotNetRegex, m: RegExpExecArray): Hashtable {
  const table = new Hashtable();
  const numbered: [number, string][] = [];
  for (let i = 1; i < m.length; i++) {
    if (m[i] === undefined) continue;
    const name = rx.groupNames[i];
    if (/^\d+$/.test(name)) numbered.push([Number(name), m[i]]);
    else table.set(name, m[i]);
  }
  numbered.sort((a, b) => b[0] - a[0]);
  for (const [n, v] of numbered) table.set(n, v);
  table.set(0, m[0]);
  return table;
}

/** The text of .NET group `ref` (a number or a name) in a match, or undefined if no such group. */
function groupText(rx: DotNetRegex, m: RegExpExecArray, ref: string): string | undefined {
  if (ref === '0') return m[0];
  const i = rx.groupNames.findIndex(n => n !== undefined && n.toLowerCase() === ref.toLowerCase());
  return i < 0 ? undefined : m[i] ?? '';
}

/** A .NET replacement pattern applied to one match of `input`. */
export function expandReplacement(rx: DotNetRegex, m: RegExpExecArray, replacement: string, input: string): string {
  if (!replacement.includes('$')) return replacement;
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    if (c !== '$' || i + 1 >= replacement.length) { out += c; continue; }
    const [text, used] = substitution(rx, m, replacement.slice(i + 1), input);
    if (used === 0) { out += c; continue; }
    out += text; i += used;
  }
  return out;
}

/** The substitution after a '$': its text and how many characters it consumed (0: a literal $). */
function substitution(rx: DotNetRegex, m: RegExpExecArray, rest: string, input: string): [string, number] {
  const c = rest[0];
  if (c === '$') return ['$', 1];
  if (c === '&') return [m[0], 1];
  if (c === '`') return [input.slice(0, m.index), 1];
  if (c === "'") return [input.slice(m.index + m[0].length), 1];
  if (c === '_') return [input, 1];
  if (c === '+') return [m.length > 1 ? m[m.length - 1] ?? '' : '', 1];
  const braced = /^\{(\w+)\}/.exec(rest);
  if (braced) {
    const text = groupText(rx, m, braced[1]);
    return text === undefined ? ['', 0] : [text, braced[0].length];
  }
  const digits = /^\d+/.exec(rest)?.[0] ?? '';
  // .NET takes the longest run of digits that names an existing group.
  for (let len = digits.length; len > 0; len--) {
    const text = groupText(rx, m, String(Number(digits.slice(0, len))));
    if (text !== undefined) return [text, len];
  }
  return ['', 0];
}

/** Escapes a literal for use as a pattern (-split's SimpleMatch, [regex]::Escape). */
export const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\#\s]/g, c =>
  c === ' ' ? '\\ ' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\' + c);
