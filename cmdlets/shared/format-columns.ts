// -Property and -GroupBy of Format-Table and Format-List: a property name (wildcards allowed, `*`
// is every property), a script block run with $_ set to the object, or a hashtable with
// Name/Label, Expression and, for tables, Width, Alignment and FormatString; keys may be shortened
// to any unambiguous prefix, as PowerShell allows. Imports lib/core, lib/engine/cmdlet and
// ./values, ./property-selection only.

import { ShellError } from '../../lib/core/errors.js';
import type { Alignment } from '../../lib/core/format-records.js';
import { Hashtable } from '../../lib/core/values.js';
import { ScriptBlock, type CmdletContext } from '../../lib/engine/cmdlet/index.js';
import { propertyNames, propertyValue } from './property-selection.js';
import { formatValue, hasWildcard, single, toStr, wildcardToRegExp } from './values.js';

export interface ColumnSpec {
  readonly label: string;
  /** A name with wildcards, expanded against each object's properties. */
  readonly pattern?: RegExp;
  readonly expression?: ScriptBlock | string;
  readonly width?: number;
  readonly alignment?: Alignment;
  readonly formatString?: string;
}

type Key = 'name' | 'label' | 'expression' | 'width' | 'alignment' | 'formatstring';
const TABLE_KEYS: readonly Key[] = ['name', 'label', 'expression', 'width', 'alignment', 'formatstring'];
const LIST_KEYS: readonly Key[] = ['name', 'label', 'expression', 'formatstring'];

/** Reads -Property; `forTable` allows the Width and Alignment keys. */
export function parseColumnSpecs(values: readonly unknown[] | undefined, forTable: boolean): ColumnSpec[] {
  return (values ?? []).map(v => parseOne(v, forTable ? TABLE_KEYS : LIST_KEYS));
}

function parseOne(value: unknown, keys: readonly Key[]): ColumnSpec {
  if (value instanceof ScriptBlock) return { label: value.toString().trim(), expression: value };
  if (value instanceof Hashtable) return parseHashtable(value, keys);
  const name = toStr(value);
  return hasWildcard(name) ? { label: name, pattern: wildcardToRegExp(name) } : { label: name, expression: name };
}

function parseHashtable(table: Hashtable, keys: readonly Key[]): ColumnSpec {
  const spec: { label?: string; expression?: ScriptBlock | string; width?: number; alignment?: Alignment; formatString?: string } = {};
  for (const [key, value] of table.entries()) {
    const kind = keyOf(toStr(key), keys);
    if (kind === 'name' || kind === 'label') spec.label = toStr(value);
    else if (kind === 'expression') spec.expression = value instanceof ScriptBlock ? value : toStr(value);
    else if (kind === 'width') spec.width = widthOf(value);
    else if (kind === 'alignment') spec.alignment = alignmentOf(value);
    else spec.formatString = toStr(value);
  }
  if (spec.expression === undefined) {
    throw new ShellError('DictionaryKeyMissing', 'InvalidArgument', 'The hashtable given to -Property has no Expression key.',
      { target: table, hint: "Write it as @{Label='Name'; Expression={ $_.Something }}." });
  }
  const label = spec.label ?? (spec.expression instanceof ScriptBlock ? spec.expression.toString().trim() : spec.expression);
  return { ...spec, label, expression: spec.expression };
}

function keyOf(key: string, keys: readonly Key[]): Key {
  const lower = key.toLowerCase();
  const matches = keys.filter(k => lower && k.startsWith(lower));
  // 'n' and 'l' name the column alike, so a prefix matching both is still one meaning.
  if (matches.length === 1 || (matches.length === 2 && matches.every(m => m === 'name' || m === 'label'))) return matches[0];
  const known = keys.map(k => k === 'formatstring' ? 'FormatString' : k[0].toUpperCase() + k.slice(1)).join(', ');
  throw new ShellError('DictionaryKeyIllegal', 'InvalidArgument',
    matches.length ? `The key '${key}' is ambiguous in a -Property hashtable.` : `The key '${key}' is not valid in a -Property hashtable.`,
    { target: key, hint: `Use one of: ${known}.` });
}

function widthOf(value: unknown): number {
  const n = Number(value);
  if (Number.isInteger(n) && n > 0) return n;
  throw new ShellError('WidthNotPositive', 'InvalidArgument', `The Width '${toStr(value)}' must be a whole number above 0.`,
    { target: value, hint: 'Give the column width in characters, e.g. @{Expression="Name"; Width=20}.' });
}

function alignmentOf(value: unknown): Alignment {
  const text = toStr(value).toLowerCase();
  const found = (['Left', 'Center', 'Right'] as const).find(a => a.toLowerCase() === text);
  if (found) return found;
  throw new ShellError('AlignmentNotValid', 'InvalidArgument', `The Alignment '${toStr(value)}' is not valid.`,
    { target: value, hint: 'Use Left, Center or Right.' });
}

/** The specs made concrete for one object: wildcard names replaced by its matching properties. */
export function expandColumns(specs: readonly ColumnSpec[], obj: unknown): ColumnSpec[] {
  const out: ColumnSpec[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    const concrete = spec.pattern
      ? propertyNames(obj).filter(n => spec.pattern!.test(n)).map(n => ({ label: n, expression: n }))
      : [spec];
    for (const c of concrete) {
      if (seen.has(c.label.toLowerCase())) continue;
      seen.add(c.label.toLowerCase());
      out.push(c);
    }
  }
  return out;
}

/**
 * The value of one column for one object. FormatString applies .NET formatting to it unless
 * `raw` (tables format when they print, so a formatted number still aligns right).
 */
export async function columnValue(spec: ColumnSpec, obj: unknown, ctx: CmdletContext, raw = false): Promise<unknown> {
  const e = spec.expression ?? spec.label;
  const value = e instanceof ScriptBlock ? single(await ctx.invoke(e, { dollarUnder: obj })) : propertyValue(obj, e);
  return !raw && spec.formatString !== undefined && value !== null && value !== undefined
    ? formatValue(value, spec.formatString) : value ?? null;
}

/** -GroupBy: a property name, a script block or a hashtable, with the label its header shows. */
export function parseGroupBy(value: unknown): ColumnSpec | undefined {
  if (value === undefined || value === null) return undefined;
  const spec = parseOne(value, LIST_KEYS);
  if (spec.pattern) {
    throw new ShellError('WildcardNotAllowed', 'InvalidArgument', `-GroupBy takes one property; '${spec.label}' has wildcards.`,
      { target: spec.label, hint: 'Name the property exactly, e.g. -GroupBy PSParentPath.' });
  }
  return spec;
}
