// Numeric literals as about_Numeric_Literals defines them: decimal, `0x` hex, `0b` binary,
// fractions and exponents (`1.5e3`, `.5`), the `L` suffix and the `kb`..`pb` multipliers. Other
// suffixes (`d` decimal, `u`, `s`, `y`, `n`) name .NET types cscert lacks: they are refused.
// The scan reads digits only; a sign is the caller's business. Imports nothing.

import { DOT, END, isDigit, isHexDigit } from './chars.js';

export interface NumberScan {
  end: number;
  value: number;
  type: 'int' | 'long' | 'double';
  error?: { id: string; message: string };
}

const INT_MAX = 2147483647;
const LONG_MAX = 9223372036854775807;
const multipliers: Record<string, number> = { kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4, pb: 1024 ** 5 };

function lower(c: number) { return c >= 65 && c <= 90 ? c + 32 : c; }
function codeAt(text: string, i: number, limit: number) { return i < limit ? text.charCodeAt(i) : END; }
const isBinaryDigit = (c: number) => c === 48 || c === 49;

/** Scans a number at `start`; undefined when no number starts there. */
export function scanNumber(text: string, start: number, limit: number): NumberScan | undefined {
  const first = codeAt(text, start, limit), prefix = lower(codeAt(text, start + 1, limit));
  if (first === 48 && prefix === 120 && isHexDigit(codeAt(text, start + 2, limit))) return radix(text, start, limit, 16);
  if (first === 48 && prefix === 98 && isBinaryDigit(codeAt(text, start + 2, limit))) return radix(text, start, limit, 2);
  let i = start, real = false;
  while (isDigit(codeAt(text, i, limit))) i++;
  // A dot after digits belongs to the number unless a second dot makes a range (`1..3`): `2.` is
  // the real 2, so `2.GetType()` is not member access (PowerShell reads a command `2.GetType`).
  if (codeAt(text, i, limit) === DOT && (i > start || isDigit(codeAt(text, i + 1, limit)))
    && codeAt(text, i + 1, limit) !== DOT) {
    real = true; i++;
    while (isDigit(codeAt(text, i, limit))) i++;
  }
  if (i === start) return undefined;
  if (lower(codeAt(text, i, limit)) === 101) {   // e
    let j = i + 1;
    const sign = codeAt(text, j, limit);
    if (sign === 43 || sign === 45) j++;
    if (isDigit(codeAt(text, j, limit))) { real = true; while (isDigit(codeAt(text, j, limit))) j++; i = j; }
  }
  const value = Number(text.slice(start, i));
  return suffixes(text, start, i, limit, value, real ? 'double' : integerType(value));
}

function radix(text: string, start: number, limit: number, base: 16 | 2): NumberScan {
  let i = start + 2;
  const ok = base === 16 ? isHexDigit : isBinaryDigit;
  while (i < limit && ok(text.charCodeAt(i))) i++;
  const digits = text.slice(start + 2, i);
  const bits = digits.length * (base === 16 ? 4 : 1);
  const big = BigInt((base === 16 ? '0x' : '0b') + digits);
  // PowerShell reads 0xFFFFFFFF as the Int32 -1: a hex literal takes the smallest signed width.
  if (bits <= 32) return suffixes(text, start, i, limit, Number(BigInt.asIntN(32, big)), 'int', Number(big));
  if (bits <= 64) return suffixes(text, start, i, limit, Number(BigInt.asIntN(64, big)), 'long', undefined, Number(big));
  return { end: i, value: NaN, type: 'double',
    error: { id: 'BadNumericConstant', message: `The numeric constant ${text.slice(start, i)} is not valid.` } };
}

function integerType(value: number): NumberScan['type'] {
  if (value <= INT_MAX) return 'int';
  return value <= LONG_MAX ? 'long' : 'double';
}

/** The type suffix, then the multiplier. `unsigned` is the value a hex `L` takes; `magnitude`
 *  the digits read without a sign, which an unsigned or small suffix must fit. */
function suffixes(text: string, start: number, i: number, limit: number, value: number,
  type: NumberScan['type'], unsigned = value, magnitude = unsigned): NumberScan {
  let error: NumberScan['error'];
  const c = lower(codeAt(text, i, limit)), c1 = lower(codeAt(text, i + 1, limit));
  if (c === 108) {                                   // l: long
    i++;
    if (!Number.isInteger(value)) error = { id: 'BadNumericConstant', message: `The numeric constant ${value}L is not valid.` };
    value = unsigned; type = 'long';
  } else if (c === 100 && !(c1 >= 97 && c1 <= 122)) {   // d: decimal
    i++;
    error = { id: 'NotSupported', message: "Decimal numbers (the 'd' suffix) are not supported by cscert." };
  } else if ((c === 117 || c === 115 || c === 121 || c === 110) && !multipliers[text.slice(i, i + 2).toLowerCase()]) {
    const len = c === 117 && (c1 === 108 || c1 === 115 || c1 === 121) ? 2 : 1;
    const suffix = text.slice(i, i + len), c0 = lower(codeAt(text, start + 1, limit));
    i += len;
    const end = multiplied(text, i, limit, magnitude);
    // Refused by name, unless PowerShell itself would reject the literal: a value outside the
    // suffix's type (`1usgb` is 1 GB as a UInt16) is its BadNumericConstant.
    const radixLiteral = codeAt(text, start, limit) === 48 && (c0 === 120 || c0 === 98);
    const fits = fitsSuffix(suffix.toLowerCase(), end.value, radixLiteral);
    error = fits
      ? { id: 'NotSupported', message: `The numeric suffix '${suffix}' is not supported by cscert.` }
      : { id: 'BadNumericConstant', message: `The numeric constant ${text.slice(start, end.end)} is not valid.` };
    return { end: end.end, value: end.value, type, error };
  }
  const end = multiplied(text, i, limit, value);
  return { end: end.end, value: end.value, type: type === 'int' && end.value > INT_MAX ? 'long' : type, error };
}

/** The `kb`..`pb` multiplier at `i`, if any, applied to `value`. */
function multiplied(text: string, i: number, limit: number, value: number): { end: number; value: number } {
  // Most numbers have no multiplier: look at the `b` before making a string to look up.
  const factor = lower(codeAt(text, i + 1, limit)) === 98 ? multipliers[text.slice(i, i + 2).toLowerCase()] : undefined;
  return factor ? { end: i + 2, value: value * factor } : { end: i, value };
}

// The ranges of the types the unsupported suffixes name (`u` widens to UInt64, `n` is BigInteger).
const suffixRanges: Record<string, [number, number]> = {
  u: [0, 2 ** 64 - 1], ul: [0, 2 ** 64 - 1], us: [0, 0xffff], uy: [0, 0xff], s: [-0x8000, 0x7fff], y: [-0x80, 0x7f],
  n: [-Infinity, Infinity],
};

/** Hex and binary digits are the type's bits: `0xFFFFs` is the Int16 -1. */
function fitsSuffix(suffix: string, value: number, radixLiteral: boolean): boolean {
  const [min, max] = suffixRanges[radixLiteral && (suffix === 's' || suffix === 'y') ? 'u' + suffix : suffix];
  return Number.isInteger(value) && value >= min && value <= max;
}
