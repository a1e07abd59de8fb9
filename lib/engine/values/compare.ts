// -eq and -lt on two scalars, as LanguagePrimitives.Equals/Compare do: the left operand's type
// decides, and the right is converted to it ('1' -eq 1 compares strings, 1 -eq '1' numbers).
// Strings compare culture-invariant, case-insensitive unless asked. Sort-Object, Group-Object and
// the comparison operators all use these two functions. Imports only lib/core and convert.ts.

import { ShellError } from '../../core/errors.js';
import { SwitchParameter } from '../../core/values.js';
import { numberType, toBool, toDate, toDouble, toInt, toStr } from './convert.js';

// Made on first use: building a collator costs several milliseconds, a fifth of cscert's start-up.
let collators: { ignoreCase: Intl.Collator; withCase: Intl.Collator } | undefined;
const collator = (caseSensitive: boolean) => {
  collators ??= { ignoreCase: new Intl.Collator('en-US', { sensitivity: 'accent' }),
    withCase: new Intl.Collator('en-US', { sensitivity: 'variant', caseFirst: 'lower' }) };
  return caseSensitive ? collators.withCase : collators.ignoreCase;
};

/** Culture-invariant string comparison (the invariant culture sorts 'a' before 'B' and 'A'). */
export function compareStrings(a: string, b: string, caseSensitive = false): number {
  if (a === b) return 0;
  const c = collator(caseSensitive).compare(a, b);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Culture-invariant string equality. */
export function equalStrings(a: string, b: string, caseSensitive = false): boolean {
  if (a === b) return true;
  if (caseSensitive) return false;
  // ASCII needs no collation: lower-casing is exact and much faster.
  if (!NON_ASCII.test(a) && !NON_ASCII.test(b)) return a.length === b.length && a.toLowerCase() === b.toLowerCase();
  return collator(false).compare(a, b) === 0;
}

/** `a -eq b` for a scalar a. A right operand that cannot convert is simply not equal. */
export function equalValues(a: unknown, b: unknown, caseSensitive = false): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (a === null || a === undefined) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  if (typeof a === 'string') return equalStrings(a, typeof b === 'string' ? b : toStr(b), caseSensitive);
  if (typeof a === 'number') return tryConvert(() => toNumberLike(a, b)) === a;
  if (typeof a === 'boolean' || a instanceof SwitchParameter) return toBool(a) === toBool(b);
  if (a instanceof Date) return tryConvert(() => toDate(b))?.getTime() === a.getTime();
  return objectEquals(a, b);
}

/** Objects: their own Equals (TimeSpan), then the same tick count, else the same reference. */
function objectEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const equals = (a as { Equals?: unknown }).Equals;
  if (typeof equals === 'function') return Boolean(equals.call(a, b));
  const ta = ticksOf(a), tb = ticksOf(b);
  return ta !== undefined && ta === tb;
}

/**
 * `a -lt b` and sorting: negative, zero or positive. $null is below everything except negative
 * numbers (PowerShell compares null to a number's sign); throws when the values cannot compare.
 */
export function compareValues(a: unknown, b: unknown, caseSensitive = false): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : a === b ? 0 : nanOrder(a, b);
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -compareToNull(b);
  if (b === null || b === undefined) return compareToNull(a);
  if (typeof a === 'string') return compareStrings(a, typeof b === 'string' ? b : toStr(b), caseSensitive);
  if (typeof a === 'number') return numberOrder(a, convertForCompare(a, b, x => toNumberLike(a, x)));
  if (typeof a === 'boolean' || a instanceof SwitchParameter) return Number(toBool(a)) - Number(toBool(b));
  if (a instanceof Date) return numberOrder(a.getTime(), convertForCompare(a, b, toDate).getTime());
  return compareObjects(a, b);
}

/**
 * The right operand in the left number's type: two numbers compare as they are, anything else
 * converts as a cast would, so `1 -eq '1.4'` is true ([int]'1.4' is 1) and `1.5 -eq '1.5'` too.
 */
function toNumberLike(a: number, b: unknown): number {
  if (typeof b === 'number') return b;
  const type = numberType(a);
  return type === 'double' ? toDouble(b) : toInt(b, type === 'int' ? 32 : 64);
}

/** .NET's Double.CompareTo puts NaN below every number. */
function nanOrder(a: number, b: number): number {
  return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : -1) : 1;
}

function numberOrder(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : a === b ? 0 : nanOrder(a, b);
}

/** A value against $null: negative numbers are below it, everything else above. */
function compareToNull(v: unknown): number {
  return typeof v === 'number' && v < 0 ? -1 : 1;
}

function compareObjects(a: unknown, b: unknown): number {
  if (a === b) return 0;
  const compareTo = (a as { CompareTo?: unknown }).CompareTo;
  if (typeof compareTo === 'function') return Math.sign(Number(compareTo.call(a, b)));
  const ta = ticksOf(a), tb = ticksOf(b);
  if (ta !== undefined && tb !== undefined) return numberOrder(ta, tb);
  throw new ShellError('NotIcomparable', 'InvalidArgument',
    `Cannot compare "${toStr(a)}" because it is not IComparable.`, { target: a });
}

function convertForCompare<T>(a: unknown, b: unknown, convert: (v: unknown) => T): T {
  try {
    return convert(b);
  } catch (e) {
    const inner = e instanceof Error ? e.message : String(e);
    throw new ShellError('ComparisonFailure', 'InvalidArgument',
      `Could not compare "${toStr(a)}" to "${toStr(b)}". Error: "${inner}"`, { target: a, cause: e });
  }
}

function tryConvert<T>(convert: () => T): T | undefined {
  try { return convert(); } catch { return undefined; }
}

/** TimeSpan-like values (from timespan.ts) carry a numeric Ticks. */
function ticksOf(v: unknown): number | undefined {
  if (v === null || typeof v !== 'object' || v instanceof Date) return undefined;
  const t = (v as { Ticks?: unknown }).Ticks;
  return typeof t === 'number' ? t : undefined;
}
