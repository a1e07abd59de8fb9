// [regex] objects and the static [regex]::Match, ::Matches, ::Replace, ::Split, ::IsMatch,
// ::Escape, on the .NET-to-JS pattern translation of regex.ts (shared with -match and -replace).
// .NET is case-sensitive unless RegexOptions.IgnoreCase says otherwise, unlike -match.
// Imports only lib/core and sibling modules.

import { dotNetRegex, escapeRegex, execAt, expandReplacement, type DotNetRegex, type RegexOptions } from './regex.js';
import { Match } from './dotnet-objects.js';

/** RegexOptions by name ('IgnoreCase, Multiline') or number, as .NET accepts them. */
function options(v: unknown): RegexOptions {
  const text = typeof v === 'string' ? v.toLowerCase() : '';
  const n = typeof v === 'number' ? v : 0;
  return {
    caseSensitive: !(text.includes('ignorecase') || (n & 1) !== 0),
    multiline: text.includes('multiline') || (n & 2) !== 0,
    explicitCapture: text.includes('explicitcapture') || (n & 4) !== 0,
    singleline: text.includes('singleline') || (n & 16) !== 0,
    ignoreWhitespace: text.includes('ignorepatternwhitespace') || (n & 32) !== 0,
  };
}

const str = (v: unknown) => v === null || v === undefined ? '' : String(v);

/** A compiled .NET regex, as [regex]'pattern' and [regex]::new(p, options) make it. */
export class RegexObject {
  private readonly rx: DotNetRegex;
  constructor(pattern: string, opts?: unknown) { this.rx = dotNetRegex(pattern, options(opts)); }
  get Options() { return this.rx.re.flags.includes('i') ? 'IgnoreCase' : 'None'; }
  Match(input: unknown, start?: unknown) { return new Match(execAt(this.rx, str(input), Number(start ?? 0)), this.rx.groupNames); }
  Matches(input: unknown) { return this.each(str(input), m => new Match(m, this.rx.groupNames)); }
  IsMatch(input: unknown) { return execAt(this.rx, str(input), 0) !== null; }
  Replace(input: unknown, replacement: unknown) {
    const text = str(input), by = str(replacement);
    let out = '', last = 0;
    this.each(text, m => { out += text.slice(last, m.index) + expandReplacement(this.rx, m, by, text); last = m.index + m[0].length; });
    return out + text.slice(last);
  }
  /** Every match left to right; an empty match moves on by one character, as .NET does. */
  private each<T>(text: string, visit: (m: RegExpExecArray) => T): T[] {
    const out: T[] = [];
    for (let m = execAt(this.rx, text, 0); m;) {
      out.push(visit(m));
      const next = m.index + Math.max(m[0].length, 1);
      if (next > text.length) break;
      m = execAt(this.rx, text, next);
    }
    return out;
  }
  Split(input: unknown) { return str(input).split(this.rx.re); }
  GetGroupNames() { return ['0', ...this.rx.groupNames.slice(1)]; }
  ToString() { return this.rx.source; }
  toString() { return this.rx.source; }
}

export const escape = (s: string) => escapeRegex(s);
export const unescape = (text: string) =>
  text.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r' } as Record<string, string>)[c] ?? c);
