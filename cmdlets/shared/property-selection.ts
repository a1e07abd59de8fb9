// "A property, a script block or a hashtable": the one reading of -Property shared by
// Select-Object, Sort-Object, Group-Object and Measure-Object. A name may hold wildcards; a script
// block runs with $_ set to the object; a hashtable holds Name/Label (n, l), Expression (e) and,
// for sorting, Ascending/Descending, keys matched by unambiguous prefix as PowerShell does.
// Imports lib/core, lib/engine/cmdlet, lib/engine/values and ./values only.

import { ShellError } from '../../lib/core/errors.js';
import { Hashtable, PSObject } from '../../lib/core/values.js';
import { ScriptBlock, type CmdletContext } from '../../lib/engine/cmdlet/index.js';
import { propertyNames } from '../../lib/engine/values/members.js';
import { getMember, hasMember, hasWildcard, MethodReference, single, toBool, toStr, wildcardToRegExp } from './values.js';

/** The names of an object's properties in declaration order (not its methods), as `*` expands them. */
export { propertyNames };

/** One entry of -Property, read once before the first object arrives. */
export interface PropertySpec {
  /** The output name: the property name, the hashtable's Name/Label, or the script block's text. */
  readonly name: string;
  /** A name with wildcards: expands to every matching property of each object. */
  readonly pattern?: RegExp;
  readonly expression?: ScriptBlock | string;
  /** From a hashtable's Descending/Ascending key; undefined when not given. */
  readonly descending?: boolean;
}

type KeyKind = 'name' | 'expression' | 'descending' | 'ascending';
const KEY_NAMES: ReadonlyArray<readonly [string, KeyKind]> =
  [['name', 'name'], ['label', 'name'], ['expression', 'expression'], ['descending', 'descending'], ['ascending', 'ascending']];

/** Reads -Property values; `allowed` lists the hashtable keys this cmdlet accepts. */
export function parsePropertySpecs(values: readonly unknown[] | undefined,
  allowed: readonly KeyKind[] = ['name', 'expression']): PropertySpec[] {
  return (values ?? []).map(v => parseOne(v, allowed));
}

function parseOne(value: unknown, allowed: readonly KeyKind[]): PropertySpec {
  if (value instanceof ScriptBlock) return { name: value.toString().trim(), expression: value };
  if (value instanceof Hashtable) return parseHashtable(value, allowed);
  const name = toStr(value);
  return hasWildcard(name) ? { name, pattern: wildcardToRegExp(name) } : { name, expression: name };
}

function parseHashtable(table: Hashtable, allowed: readonly KeyKind[]): PropertySpec {
  let name: string | undefined, expression: ScriptBlock | string | undefined, descending: boolean | undefined;
  for (const [key, value] of table.entries()) {
    const kind = keyKind(toStr(key), allowed);
    if (kind === 'name') name = toStr(value);
    else if (kind === 'expression') expression = value instanceof ScriptBlock ? value : toStr(value);
    else descending = kind === 'descending' ? toBool(value) : !toBool(value);
  }
  if (expression === undefined && !allowed.includes('descending'))
    throw new ShellError('DictionaryKeyMissing', 'InvalidArgument',
      'The hashtable given to -Property has no Expression key.',
      { target: table, hint: "Write it as @{Name='Label'; Expression={ $_.Something }}." });
  const shown = name ?? (expression instanceof ScriptBlock ? expression.toString().trim() : expression ?? '');
  return { name: shown, expression, descending };
}

function keyKind(key: string, allowed: readonly KeyKind[]): KeyKind {
  const lower = key.toLowerCase();
  const matches = KEY_NAMES.filter(([full, kind]) => allowed.includes(kind) && lower.length > 0 && full.startsWith(lower));
  const kinds = new Set(matches.map(m => m[1]));
  if (kinds.size === 1) return matches[0][1];
  throw new ShellError('DictionaryKeyIllegal', 'InvalidArgument',
    kinds.size > 1 ? `The key '${key}' is ambiguous in a -Property hashtable.` : `The key '${key}' is not valid in a -Property hashtable.`,
    { target: key, hint: `Use one of: ${KEY_NAMES.filter(([, k]) => allowed.includes(k)).map(([f]) => f[0].toUpperCase() + f.slice(1)).join(', ')}.` });
}

/** The value of one spec for one object (a wildcard spec must be expanded first). */
export async function evaluateSpec(spec: PropertySpec, target: unknown, ctx: CmdletContext): Promise<unknown> {
  const e = spec.expression ?? spec.name;
  if (e instanceof ScriptBlock) return single(await ctx.invoke(e, { dollarUnder: target }));
  return propertyValue(target, e);
}

/** A property's value, or undefined when the object has no such member. */
export function propertyValue(target: unknown, name: string): unknown {
  if (target === null || target === undefined) return undefined;
  if (target instanceof PSObject) return target.has(name) ? target.get(name) : undefined;
  const value = getMember(target, name);
  return value instanceof MethodReference ? undefined : value;     // a method is not a property
}

/** Does the object have a property of that name? */
export function hasProperty(target: unknown, name: string): boolean {
  if (target instanceof PSObject) return target.has(name);
  return hasMember(target, name) && !(getMember(target, name) instanceof MethodReference);
}

/** Specs made concrete for one object: wildcards replaced by the matching property names. */
export function expandSpecs(specs: readonly PropertySpec[], target: unknown,
  exclude: readonly RegExp[] = []): PropertySpec[] {
  const out: PropertySpec[] = [];
  const seen = new Set<string>();
  const add = (s: PropertySpec) => {
    const key = s.name.toLowerCase();
    if (seen.has(key) || exclude.some(r => r.test(s.name))) return;
    seen.add(key); out.push(s);
  };
  for (const s of specs) {
    if (!s.pattern) { add(s); continue; }
    for (const n of propertyNames(target)) if (s.pattern.test(n)) add({ name: n, expression: n });
  }
  return out;
}
