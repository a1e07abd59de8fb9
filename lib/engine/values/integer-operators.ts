// The integer operators: -band -bor -bxor -bnot -shl -shr and the range operator '..'. Operands
// convert to integers with [int]'s rules (banker's rounding); two [int]s give an [int] with 32-bit
// wrap-around, as .NET's Int32 arithmetic does, anything wider a [long] (64 bits, via BigInt).
// 'a'..'e' is a character range (PowerShell 7). Imports only lib/core and sibling value modules.

import { ShellError } from '../../core/errors.js';
import { toInt } from './convert.js';

const isInt32 = (n: number) => (n | 0) === n;

export function bitwise(op: string, left: unknown, right: unknown): number {
  const a = toInt(left, 64), b = toInt(right, 64);
  if (op === '-shl' || op === '-shr') return shift(op, a, b);
  if (isInt32(a) && isInt32(b)) {
    if (op === '-band') return a & b;
    if (op === '-bor') return a | b;
    return a ^ b;
  }
  const x = BigInt(a), y = BigInt(b);
  const r = op === '-band' ? x & y : op === '-bor' ? x | y : x ^ y;
  return Number(BigInt.asIntN(64, r));
}

/** Shift counts are masked as .NET masks them: by 31 for [int], 63 for [long]. */
function shift(op: string, a: number, count: number): number {
  if (isInt32(a)) {
    const n = count & 31;
    return op === '-shl' ? a << n : a >> n;
  }
  const n = BigInt(count & 63), x = BigInt(a);
  return Number(BigInt.asIntN(64, op === '-shl' ? x << n : x >> n));
}

export function bitwiseNot(v: unknown): number {
  const a = toInt(v, 64);
  return isInt32(a) ? ~a : Number(BigInt.asIntN(64, ~BigInt(a)));
}

/** The most elements a range may have; PowerShell would exhaust memory long before. */
const RANGE_LIMIT = 50_000_000;

/** `1..5`, `5..1`, `'a'..'e'`. */
export function range(left: unknown, right: unknown): unknown[] {
  if (isChar(left) && isChar(right)) return charRange(left.charCodeAt(0), right.charCodeAt(0));
  // '0'..'10' stays numeric, as it always was; 'a'..5 fails converting 'a' to [int], as in PowerShell.
  const from = toInt(left), to = toInt(right);
  const length = Math.abs(to - from) + 1;
  if (length > RANGE_LIMIT)
    throw new ShellError('RangeTooLarge', 'InvalidOperation',
      `The range ${from}..${to} has ${length} elements, more than the ${RANGE_LIMIT} allowed.`);
  const out = new Array<number>(length), step = from <= to ? 1 : -1;
  for (let i = 0; i < length; i++) out[i] = from + i * step;
  return out;
}

/** A one-character string that is not a digit counts as a [char] operand. */
function isChar(v: unknown): v is string {
  return typeof v === 'string' && v.length === 1 && !(v >= '0' && v <= '9');
}

function charRange(from: number, to: number): string[] {
  const out: string[] = [], step = from <= to ? 1 : -1;
  for (let c = from; ; c += step) { out.push(String.fromCharCode(c)); if (c === to) break; }
  return out;
}

