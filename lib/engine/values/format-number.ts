// .NET number formatting in the en-US culture: the standard format strings (C, D, E, F, G, N, P,
// R, X with a precision) and the default ToString() of int, long and double. Custom patterns
// ('0.00', '#,##0') are in format-custom-number.ts. Rounding follows .NET Core 3+: the exact
// binary value is rounded, ties away from zero, which is what toFixed/toExponential do.
// Imports only lib/core and sibling modules.

import { ShellError } from '../../core/errors.js';
import { formatCustomNumber } from './format-custom-number.js';

const INT64_LIMIT = 2 ** 63;

/** [int] and [long] are integral numbers in Int64 range; everything else is a [double]. */
export const isIntegral = (n: number) => Number.isInteger(n) && n >= -INT64_LIMIT && n < INT64_LIMIT;
export const isInt32 = (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31;

export const formatError = (message = 'Format specifier was invalid.') =>
  new ShellError('FormatError', 'InvalidOperation', message, { exceptionType: 'System.FormatException' });

/** Significant digits and the decimal exponent of |n|: n = d.ddd × 10^exp. */
function decompose(n: number, precision?: number): { digits: string; exp: number } {
  const s = precision === undefined ? Math.abs(n).toExponential() : Math.abs(n).toExponential(Math.min(precision, 101) - 1);
  const [mant, e] = s.split('e');
  return { digits: mant.replace('.', '').replace(/0+$/, '') || '0', exp: Number(e) };
}

/** Groups of three in the integer part: 1234567.5 → 1,234,567.5 */
export function groupThousands(text: string): string {
  const [int, frac] = text.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** Digits with the point placed by the exponent, for the general format's fixed-point branch. */
function fixedFromDigits(digits: string, exp: number): string {
  if (exp < 0) return '0.' + '0'.repeat(-exp - 1) + digits;
  if (digits.length <= exp + 1) return digits + '0'.repeat(exp + 1 - digits.length);
  return digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
}

function scientific(digits: string, exp: number, e: string, minExpDigits: number): string {
  const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
  return `${mant}${e}${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(minExpDigits, '0')}`;
}

/** 'G' and 'R': shortest round-trip digits (or `precision` significant ones), scientific when large or tiny. */
function general(n: number, precision: number | undefined, e: string): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '-∞';
  if (n === 0) return '0';
  if (precision === undefined && isIntegral(n)) return BigInt(n).toString();
  const { digits, exp } = decompose(n, precision);
  // Doubles switch to scientific notation at 1E+15 by default, integral values only past their precision.
  const limit = precision ?? 15;
  const body = exp >= limit || exp < -5 ? scientific(digits, exp, e, 2) : fixedFromDigits(digits, exp);
  return (n < 0 ? '-' : '') + body;
}

/** ToString() without a format: '42', '0.1', '1E+20', '-1.5E-07'. */
export const formatDefaultNumber = (n: number) => general(n, undefined, 'E');

function integralOnly(n: number) { if (!isIntegral(n)) throw formatError(); }

function hex(n: number, digits: number, upper: boolean) {
  const bits = isInt32(n) ? 32 : 64;
  const text = BigInt.asUintN(bits, BigInt(n)).toString(16);
  return (upper ? text.toUpperCase() : text).padStart(digits, '0');
}

const fixed = (n: number, digits: number) => {
  const text = Math.abs(n).toFixed(Math.min(digits, 100));
  return (n < 0 && /[1-9]/.test(text) ? '-' : '') + text;
};

/** One standard format letter with its precision; undefined when the letter is not a standard one. */
function standard(n: number, letter: string, precision: number | undefined): string | undefined {
  if (!Number.isFinite(n) && !'Rr'.includes(letter)) return general(n, undefined, 'E');
  switch (letter.toUpperCase()) {
    case 'C': { const body = groupThousands(Math.abs(n).toFixed(precision ?? 2)); return (n < 0 && /[1-9]/.test(body) ? '-$' : '$') + body; }
    case 'D': { integralOnly(n); const body = BigInt(Math.abs(n)).toString().padStart(precision ?? 0, '0'); return (n < 0 ? '-' : '') + body; }
    case 'E': {
      if (n === 0) return scientific('0'.repeat((precision ?? 6) + 1), 0, letter, 3);
      const { exp } = decompose(n, (precision ?? 6) + 1);
      const digits = Math.abs(n).toExponential(precision ?? 6).split('e')[0].replace('.', '');
      return (n < 0 ? '-' : '') + scientific(digits, exp, letter, 3);
    }
    case 'F': return fixed(n, precision ?? 2);
    case 'G': return general(n, precision || undefined, letter === 'g' ? 'e' : 'E');
    case 'N': return groupThousands(fixed(n, precision ?? 2));
    case 'P': { const text = groupThousands(fixed(n * 100, precision ?? 2)); return `${text}%`; }
    case 'R': return general(n, undefined, 'E');
    case 'X': integralOnly(n); return hex(n, precision ?? 0, letter === 'X');
  }
  return undefined;
}

/** n.ToString(format) for an [int], [long] or [double]. */
export function formatNumber(n: number, format: string): string {
  if (format === '') return formatDefaultNumber(n);
  const m = /^([A-Za-z])(\d{0,9})$/.exec(format);
  if (m) {
    const precision = m[2] === '' ? undefined : Number(m[2]);
    const out = standard(n, m[1], precision);
    if (out !== undefined) return out;
    throw formatError();   // .NET refuses a letter (with digits) that names no standard format
  }
  return formatCustomNumber(n, format);
}
