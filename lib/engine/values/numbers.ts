// Numbers as PowerShell reads and writes them. Reading: a string converts to a number by the
// numeric-literal rules ('0x1F', '1e3', '1kb', '10L', surrounding blanks, '' is 0). Writing: a
// double prints as .NET's "G15" culture-invariant (PowerShell kept the pre-.NET-Core-3 precision:
// 0.1+0.2 shows 0.3, 1/3 shows 0.333333333333333, 1e20 shows 1E+20); integers print all digits.
// Also the [int]/[long]/[double] typing of a JS number. Imports nothing.

export type NumberType = 'int' | 'long' | 'double';

const INT_MIN = -2147483648, INT_MAX = 2147483647;
const LONG_LIMIT = 9223372036854775808; // 2^63: [long] is [-2^63, 2^63)

/** Which .NET type PowerShell would give this value: integral values are [int] or [long]. */
export function numberType(n: number): NumberType {
  if (n >= INT_MIN && n <= INT_MAX && (n | 0) === n) return 'int';
  if (Number.isInteger(n) && n >= -LONG_LIMIT && n < LONG_LIMIT) return 'long';
  return 'double';
}

/** [string] of a number, culture-invariant. */
export function formatNumber(n: number): string {
  if ((n | 0) === n) return String(n);
  if (Number.isInteger(n) && n >= -LONG_LIMIT && n < LONG_LIMIT) return BigInt(n).toString();
  return formatDoubleG15(n);
}

/** .NET's double.ToString("G15", InvariantCulture). */
export function formatDoubleG15(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (n === 0) return '0';
  // toExponential rounds the exact binary value to 15 significant digits, as .NET does.
  const [mantissa, exp] = n.toExponential(14).split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/^-/, '').replace('.', '').replace(/0+$/, '');
  const e = Number(exp);
  const body = e >= 15 || e <= -5 ? scientific(digits, e) : fixed(digits, e);
  return negative ? '-' + body : body;
}

function scientific(digits: string, e: number): string {
  const m = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
  return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

function fixed(digits: string, e: number): string {
  if (e < 0) return '0.' + '0'.repeat(-e - 1) + digits;
  if (digits.length <= e + 1) return digits + '0'.repeat(e + 1 - digits.length);
  return digits.slice(0, e + 1) + '.' + digits.slice(e + 1);
}

const MULTIPLIERS: Record<string, number> = {
  kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4, pb: 1024 ** 5,
};

const DECIMAL = /^([+-]?)(\d+\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)(l)?(kb|mb|gb|tb|pb)?$/i;
const RADIX = /^([+-]?)0(x|b)([0-9a-f]+)(l)?(kb|mb|gb|tb|pb)?$/i;

/**
 * A string read as a PowerShell numeric literal; undefined when it is not one. '' and blanks are
 * 0 (as [int]'' is). Hex and binary wrap like literals do: '0xFFFFFFFF' is -1.
 */
export function parseNumber(text: string): number | undefined {
  const s = text.trim();
  if (s === '') return 0;
  const d = DECIMAL.exec(s);
  if (d) {
    const value = Number(d[2]) * (d[4] ? MULTIPLIERS[d[4].toLowerCase()] : 1);
    return d[1] === '-' ? -value : value;
  }
  const r = RADIX.exec(s);
  if (r) {
    const value = radixValue(r[3], r[2].toLowerCase() === 'x' ? 16 : 2, r[4] !== undefined);
    if (value === undefined) return undefined;
    const scaled = value * (r[5] ? MULTIPLIERS[r[5].toLowerCase()] : 1);
    return r[1] === '-' ? -scaled : scaled;
  }
  return undefined;
}

/** Hex/binary digits as PowerShell types them: up to 32 bits an [int], up to 64 a [long]. */
function radixValue(digits: string, radix: 16 | 2, long: boolean): number | undefined {
  if (radix === 2 && /[^01]/.test(digits)) return undefined;
  const bits = BigInt((radix === 16 ? '0x' : '0b') + digits);
  if (!long && bits <= 0xFFFFFFFFn) return Number(BigInt.asIntN(32, bits));
  if (bits <= 0xFFFFFFFFFFFFFFFFn) return Number(BigInt.asIntN(64, bits));
  return undefined;
}

/** [double]'...' also accepts the .NET names of the special values. */
export function parseDouble(text: string): number | undefined {
  const s = text.trim().toLowerCase();
  if (s === 'nan') return NaN;
  if (s === 'infinity' || s === '+infinity' || s === '∞') return Infinity;
  if (s === '-infinity' || s === '-∞') return -Infinity;
  return parseNumber(text);
}

/** Round half to even, as .NET's Convert.ToInt32 does: 2.5 → 2, 3.5 → 4, -2.5 → -2. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x), diff = x - floor;
  if (diff < 0.5) return floor;
  if (diff > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}
