// .NET regular expressions on JS RegExp: [regex]'text', [regex]::Match, ::Matches, ::Replace,
// ::Split, ::Escape, ::IsMatch and the same as instance methods. .NET syntax that JS lacks is
// translated (leading (?i) options, \A, \Z, $0 in replacements); the rest is shared.
// Imports only lib/core and sibling modules.

import { ShellError } from '../../core/errors.js';
import { Match } from './dotnet-objects.js';

/** RegexOptions by name or number, as [regex]::new(p, 'IgnoreCase') passes them. */
function optionFlags(options: unknown): string {
  const text = String(options ?? '').toLowerCase();
  const n = typeof options === 'number' ? options : 0;
  let flags = '';
  if (text.includes('ignorecase') || n & 1) flags += 'i';
  if (text.includes('multiline') || n & 2) flags += 'm';
  if (text.includes('singleline') || n & 16) flags += 's';
  return flags;
}

/** A JS RegExp meaning what the .NET pattern means. */
export function toJsRegex(pattern: string, options?: unknown): RegExp {
  let flags = optionFlags(options), source = pattern;
  const inline = /^\(\?([imsx]+)\)/.exec(source);
  if (inline) { flags += inline[1].replace(/x/g, ''); source = source.slice(inline[0].length); }
  source = source.replace(/\\A/g, '^').replace(/\\[Zz]/g, '$');
  try {
    return new RegExp(source, [...new Set(flags + 'gu')].join(''));
  } catch {
    try { return new RegExp(source, [...new Set(flags + 'g')].join('')); } catch (e) {
      throw new ShellError('InvalidRegularExpression', 'InvalidArgument',
        `Invalid pattern '${pattern}': ${(e as Error).message}`, { target: pattern });
    }
  }
}

const fresh = (re: RegExp) => new RegExp(re.source, re.flags);

export function regexMatch(re: RegExp, input: string): Match {
  const r = fresh(re);
  return new Match(r.exec(input));
}

export function regexMatches(re: RegExp, input: string): Match[] {
  return [...input.matchAll(fresh(re))].map(m => new Match(m as RegExpExecArray));
}

export const regexIsMatch = (re: RegExp, input: string) => fresh(re).test(input);

/** .NET replacement text: $0 is the whole match; $1, ${name} and $$ read as in JS. */
export function regexReplace(re: RegExp, input: string, replacement: string): string {
  return input.replace(fresh(re), replacement.replace(/\$0|\$\{0\}/g, '$$&'));
}

export function regexSplit(re: RegExp, input: string): string[] {
  return input.split(fresh(re));
}

/** Regex.Escape: metacharacters and whitespace get a backslash. */
export function regexEscape(text: string): string {
  return text.replace(/[\\*+?|{[()^$.#]/g, '\\$&').replace(/ /g, '\\ ').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export const regexUnescape = (text: string) => text.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r' } as Record<string, string>)[c] ?? c);
