// How an argument reads in an error message and how a value becomes a [string] argument:
// PowerShell's invariant-culture text of numbers, booleans and dates. Imports only lib/core.

import { Hashtable, PSObject } from '../../core/values.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** A value as PowerShell's [string] conversion writes it (invariant culture). */
export function scalarText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return numberText(v);
  if (v instanceof Date)
    return `${pad(v.getMonth() + 1)}/${pad(v.getDate())}/${v.getFullYear()} ${pad(v.getHours())}:${pad(v.getMinutes())}:${pad(v.getSeconds())}`;
  if (Array.isArray(v)) return v.map(scalarText).join(' ');
  if (v instanceof Hashtable) return 'System.Collections.Hashtable';
  if (v instanceof PSObject) return `@{${[...v.entries()].map(([k, x]) => `${k}=${scalarText(x)}`).join('; ')}}`;
  return String(v);
}

function numberText(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  return String(n).replace(/e\+?/, 'E+').replace('E+-', 'E-');
}
