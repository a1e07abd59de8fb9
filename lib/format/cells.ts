// The text of one value inside a table cell or after a list label, as PowerShell's formatter
// writes it: null as nothing, dates by their en-US ToString() (`1/1/2030 12:00:00 AM`: neither the
// invariant [string] conversion nor the long form a lone date prints), arrays as `{a, b, c, d…}` (the first four
// items, $FormatEnumerationLimit), dictionaries as `{[key, value]}`, anything else by its string
// conversion. Imports lib/core and ./engine-values only.

import { Hashtable } from '../core/values.js';
import { cultureDateString, toStr } from './engine-values.js';

/** PowerShell's $FormatEnumerationLimit: how many items of a collection a cell shows. */
export const ENUMERATION_LIMIT = 4;

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return cultureDateString(value);
  if (Array.isArray(value)) return enumerationText(value.map(itemText));
  if (value instanceof Hashtable) {
    return enumerationText([...value.entries()].map(([k, v]) => `[${itemText(k)}, ${itemText(v)}]`));
  }
  if (value instanceof Set) return enumerationText([...value].map(itemText));
  return toStr(value);
}

/** An item inside `{...}`: nested collections show their type name, as .NET's ToString does. */
function itemText(value: unknown): string {
  if (Array.isArray(value)) return 'System.Object[]';
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return cultureDateString(value);
  return toStr(value);
}

function enumerationText(items: string[]): string {
  const shown = items.slice(0, ENUMERATION_LIMIT).join(', ');
  return `{${shown}${items.length > ENUMERATION_LIMIT ? '…' : ''}}`;
}

/** Numbers line up on the right in tables (PowerShell decides by the first row's value). */
export const isNumeric = (value: unknown) => typeof value === 'number' || typeof value === 'bigint';
