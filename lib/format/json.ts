// toJson: ConvertTo-Json's rules in PowerShell 7. Objects (PSObject, Hashtable, class instances by
// their properties) become JSON objects in property order, collections arrays; dates are ISO 8601
// as Json.NET writes them by their Kind (`2030-01-01T00:00:00+00:00` when local); a
// SecureString shows only its Length. Nesting deeper than `depth` (root = 0) is cut to the
// value's string form and reported, so the cmdlet can warn as PowerShell 7.1+ does. Indented
// output uses two spaces, as Json.NET does. Imports lib/core and ./engine-values only.

import { Hashtable, PSObject, SecureString, SwitchParameter } from '../core/values.js';
import { EnumValue, dateKind, getMember, propertyNames, toStr } from './engine-values.js';

export interface ToJsonOptions { depth: number; compress: boolean; enumsAsStrings?: boolean }

type Json = null | boolean | string | { raw: string } | Json[] | [string, Json][] & { object: true };

/** The JSON text of a value. */
export function toJson(value: unknown, options: ToJsonOptions): string {
  return toJsonWithInfo(value, options).text;
}

/** The JSON text, and whether some nesting went deeper than `depth` and was cut. */
export function toJsonWithInfo(value: unknown, options: ToJsonOptions): { text: string; truncated: boolean } {
  const state = { maxDepth: options.depth, truncated: false };
  const tree = convert(value, 0, state);
  return { text: write(tree, options.compress, ''), truncated: state.truncated };
}

function convert(value: unknown, depth: number, state: { maxDepth: number; truncated: boolean }): Json {
  const scalar = scalarJson(value);
  if (scalar !== undefined) return scalar;
  if (depth > state.maxDepth) { state.truncated = true; return toStr(value); }
  const child = (v: unknown) => convert(v, depth + 1, state);
  if (Array.isArray(value) || value instanceof Set) return [...value].map(child);
  if (value instanceof Hashtable) return objectJson([...value.entries()].map(([k, v]) => [toStr(k), child(v)]));
  if (value instanceof PSObject) return objectJson([...value.entries()].map(([k, v]) => [k, child(v)]));
  if (value instanceof SecureString) return objectJson([['Length', { raw: String(value.Length) }]]);
  if (value instanceof SwitchParameter) return objectJson([['IsPresent', value.IsPresent]]);
  const names = propertyNames(value);
  const proto = Object.getPrototypeOf(value);
  if (!names.length && proto !== Object.prototype && proto !== null) return toStr(value);
  return objectJson(names.map(n => [n, child(getMember(value, n))]));
}

/** Values written directly; undefined for anything with members. */
function scalarJson(value: unknown): Json | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return numberJson(value);
  if (typeof value === 'bigint') return { raw: value.toString() };
  if (value instanceof Date) return isoDate(value);
  if (value instanceof EnumValue) return numberJson(value.value__);     // Json.NET writes an enum's number
  if (typeof value === 'function') return toStr(value);
  if (value instanceof String || value instanceof Number || value instanceof Boolean) return scalarJson(value.valueOf());
  return undefined;
}

/** Json.NET writes NaN and infinities as strings, exponents as `E+`. */
function numberJson(n: number): Json {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity';
  return { raw: String(n).replace('e', 'E') };
}

const objectJson = (entries: [string, Json][]): Json => Object.assign(entries, { object: true as const });
const isObject = (j: Json): j is [string, Json][] & { object: true } => Array.isArray(j) && 'object' in j;

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A DateTime as Json.NET's round-trip form: the fraction only when non-zero, then by its Kind the
 * local offset (`+01:00`), `Z` for UTC, or nothing for Unspecified.
 */
export function isoDate(d: Date): string {
  const ms = d.getMilliseconds();
  const fraction = ms ? '.' + String(ms).padStart(3, '0').replace(/0+$/, '') : '';
  const wall = `${String(d.getFullYear()).padStart(4, '0')}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}` +
    `T${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}${fraction}`;
  const kind = dateKind(d);
  if (kind === 'Utc') return wall + 'Z';
  if (kind === 'Unspecified') return wall;
  const offset = -d.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  return `${wall}${sign}${pad2(Math.floor(Math.abs(offset) / 60))}:${pad2(Math.abs(offset) % 60)}`;
}

function write(j: Json, compress: boolean, indent: string): string {
  if (j === null) return 'null';
  if (typeof j === 'boolean') return String(j);
  if (typeof j === 'string') return quote(j);
  if (!Array.isArray(j)) return j.raw;
  const inner = indent + '  ';
  const items = isObject(j)
    ? j.map(([k, v]) => `${quote(k)}:${compress ? '' : ' '}${write(v, compress, inner)}`)
    : j.map(v => write(v, compress, inner));
  const [open, close] = isObject(j) ? ['{', '}'] : ['[', ']'];
  if (!items.length) return open + close;
  if (compress) return open + items.join(',') + close;
  return `${open}\n${items.map(i => inner + i).join(',\n')}\n${indent}${close}`;
}

/** JSON string escaping as Json.NET's default: control characters and the line separators. */
const quote = (s: string) => JSON.stringify(s).replace(/[\u0085\u2028\u2029]/g,
  c => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
