// The string operators: -match/-notmatch (with $Matches), -replace, -split (binary and unary),
// -join (binary and unary). A collection on the left is processed element by element, as
// about_Comparison_Operators, about_Split and about_Join describe. A script block replacement runs
// once per match with $_ the Match; a script block delimiter once per character (PowerShell 6+),
// through the runtime's synchronous invoker. Imports only lib/core and sibling value modules.

import { ShellError } from '../../core/errors.js';
import type { Hashtable } from '../../core/values.js';
import { isEnumerable, asList, toInt, toStr } from './convert.js';
import { Match } from './dotnet-objects.js';
import { runScriptBlock, truth } from './members-intrinsic.js';
import { ScriptBlock } from './script-block.js';
import { dotNetRegex, escapeRegex, execAt, expandReplacement, matchesTable, type RegexOptions } from './regex.js';

// ---- -match ------------------------------------------------------------------------------------

/**
 * `left -match right` (negate: -notmatch). A scalar left gives a bool and, when the pattern
 * matched, the new $Matches; a collection left gives the elements that (do not) match.
 */
export function matchOperator(left: unknown, right: unknown, caseSensitive: boolean, negate: boolean):
  { value: unknown; matches?: Hashtable } {
  const rx = dotNetRegex(toStr(right), { caseSensitive });
  if (isEnumerable(left)) {
    const value = asList(left).filter(item => (execAt(rx, toStr(item)) !== null) !== negate);
    return { value };
  }
  const m = execAt(rx, toStr(left));
  if (m === null) return { value: negate };
  return { value: !negate, matches: matchesTable(rx, m) };
}

// ---- -replace ----------------------------------------------------------------------------------

/** `left -replace pattern[, replacement]`: every match replaced, .NET substitutions expanded. */
export function replaceOperator(left: unknown, right: unknown, caseSensitive: boolean): unknown {
  const [pattern, replacement] = replaceOperands(right);
  const rx = dotNetRegex(pattern, { caseSensitive });
  if (isEnumerable(left)) return asList(left).map(item => replaceAll(rx, toStr(item), replacement));
  return replaceAll(rx, toStr(left), replacement);
}

type Replacement = string | ScriptBlock;

function replaceOperands(right: unknown): [string, Replacement] {
  if (!Array.isArray(right)) return [toStr(right), ''];
  if (right.length === 0 || right.length > 2)
    throw new ShellError('BadReplaceArgument', 'InvalidOperation',
      `The -replace operator allows only two elements to follow it, not ${right.length}.`, { target: right });
  const replacement = right[1];
  return [toStr(right[0]), replacement instanceof ScriptBlock ? replacement : right.length > 1 ? toStr(replacement) : ''];
}

/** One match's replacement: the string with $1 and ${name} expanded, or what the block writes for it. */
function replacementFor(rx: ReturnType<typeof dotNetRegex>, m: RegExpExecArray, replacement: Replacement, input: string): string {
  if (typeof replacement === 'string') return expandReplacement(rx, m, replacement, input);
  const out = runScriptBlock(replacement, new Match(m, rx.groupNames));
  return toStr(out.length === 1 ? out[0] : out);
}

function replaceAll(rx: ReturnType<typeof dotNetRegex>, input: string, replacement: Replacement): string {
  let out = '', last = 0, from = 0;
  for (let m = execAt(rx, input, from); m !== null; m = execAt(rx, input, from)) {
    out += input.slice(last, m.index) + replacementFor(rx, m, replacement, input);
    last = m.index + m[0].length;
    from = m[0].length === 0 ? last + 1 : last;
    if (from > input.length) break;
  }
  return out + input.slice(last);
}

// ---- -split ------------------------------------------------------------------------------------

/** `left -split delimiter[, max[, options]]`: substrings of each element, captures included. */
export function splitOperator(left: unknown, right: unknown, caseSensitive: boolean): string[] {
  const operands = Array.isArray(right) ? right : [right];
  if (operands.length > 3)
    throw new ShellError('BadSplitArgument', 'InvalidOperation',
      `The -split operator allows at most three elements to follow it, not ${operands.length}.`, { target: right });
  const [delimiter, max = 0, options = ''] = operands;
  const count = toInt(max);
  const inputs = isEnumerable(left) ? asList(left) : [left];
  if (delimiter instanceof ScriptBlock) return inputs.flatMap(item => splitWhere(toStr(item), delimiter, count));
  const { pattern, regexOptions } = splitOptions(toStr(delimiter), toStr(options), caseSensitive);
  const rx = dotNetRegex(pattern, regexOptions);
  return inputs.flatMap(item => splitOne(rx, toStr(item), count));
}

/** `-split { $_ -eq 'e' }`: each character for which the block is true is a delimiter. */
function splitWhere(input: string, test: ScriptBlock, max: number): string[] {
  const parts: string[] = [];
  let last = 0;
  for (let i = 0; i < input.length && (max <= 0 || parts.length < max - 1); i++) {
    if (!truth(runScriptBlock(test, input[i]))) continue;
    parts.push(input.slice(last, i));
    last = i + 1;
  }
  parts.push(input.slice(last));
  return parts;
}

function splitOptions(delimiter: string, options: string, caseSensitive: boolean) {
  const regexOptions: RegexOptions = { caseSensitive };
  let simple = false;
  for (const raw of options.split(',').map(o => o.trim().toLowerCase()).filter(Boolean)) {
    if (raw === 'simplematch') simple = true;
    else if (raw === 'ignorecase') regexOptions.caseSensitive = false;
    else if (raw === 'multiline') regexOptions.multiline = true;
    else if (raw === 'singleline') regexOptions.singleline = true;
    else if (raw === 'ignorepatternwhitespace') regexOptions.ignoreWhitespace = true;
    else if (raw === 'explicitcapture') regexOptions.explicitCapture = true;
    else if (raw !== 'regexmatch' && raw !== 'cultureinvariant' && raw !== 'none')
      throw new ShellError('InvalidSplitOption', 'InvalidArgument',
        `Cannot convert value "${options}" to type "System.Management.Automation.SplitOptions". Unknown option '${raw}'; `
        + 'valid options are SimpleMatch, RegexMatch, CultureInvariant, IgnorePatternWhitespace, Multiline, '
        + 'Singleline, IgnoreCase, ExplicitCapture.', { target: options });
  }
  return { pattern: simple ? escapeRegex(delimiter) : delimiter, regexOptions };
}

/** One string split at most `max` ways (0: no limit; negative: counted from the end). */
function splitOne(rx: ReturnType<typeof dotNetRegex>, input: string, max: number): string[] {
  const cuts = delimiters(rx, input);
  const limit = max === 0 ? cuts.length : Math.min(Math.abs(max) - 1, cuts.length);
  const used = max < 0 ? cuts.slice(cuts.length - limit) : cuts.slice(0, limit);
  const parts: string[] = [];
  let last = 0;
  for (const m of used) {
    parts.push(input.slice(last, m.index), ...m.slice(1).filter((g): g is string => g !== undefined));
    last = m.index + m[0].length;
  }
  parts.push(input.slice(last));
  return parts;
}

/** Every delimiter match, left to right; an empty match advances one character. */
function delimiters(rx: ReturnType<typeof dotNetRegex>, input: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let from = 0;
  for (let m = execAt(rx, input, from); m !== null && from <= input.length; m = execAt(rx, input, from)) {
    found.push(m);
    from = m.index + (m[0].length || 1);
  }
  return found;
}

/** Unary `-split 'a b  c'`: blanks separate, leading and trailing blanks are dropped. */
export function unarySplit(v: unknown): string[] {
  const inputs = isEnumerable(v) ? asList(v) : [v];
  return inputs.flatMap(item => {
    const s = toStr(item).trim();
    return s === '' ? [''] : s.split(/\s+/);
  });
}

// ---- -join -------------------------------------------------------------------------------------

/** `left -join separator`; unary -join uses no separator. A nested list shows as System.Object[]. */
export function joinOperator(left: unknown, separator: unknown = ''): string {
  if (!isEnumerable(left)) return toStr(left);
  return asList(left).map(item => (Array.isArray(item) ? 'System.Object[]' : toStr(item))).join(toStr(separator));
}
