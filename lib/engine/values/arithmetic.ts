// + - * / % on PowerShell values (about_Arithmetic_Operators). The left operand decides: a string
// concatenates or repeats, an array appends or repeats, a hashtable merges, a date moves by a
// TimeSpan (or ticks), anything else is a number. JS numbers already widen as PowerShell does
// ([int]::MaxValue + 1 is 2147483648, 7/2 is 3.5). Imports only lib/core and sibling value modules.

import { ShellError } from '../../core/errors.js';
import { Hashtable, SwitchParameter } from '../../core/values.js';
import { TimeSpan } from './timespan.js';
import { EnumValue, enumArithmetic } from './enums.js';
import { addTimeSpan, subtractDates } from './datetime.js';
import { isEnumerable, asList, toInt, toNumber, toStr, typeNameOf } from './convert.js';

export function add(left: unknown, right: unknown): unknown {
  if (typeof left === 'number' && typeof right === 'number') return left + right;
  if (typeof left === 'string') return left + toStr(right);
  if (left === null || left === undefined) return addToNull(right);
  if (Array.isArray(left)) return left.concat(isEnumerable(right) ? asList(right) : [right]);
  if (left instanceof Hashtable) return mergeHashtables(left, right);
  if (left instanceof Date) return moveDate(left, right, 1, 'op_Addition');
  if (left instanceof TimeSpan) return new TimeSpan(left.ticks + spanTicks(right, left, 'op_Addition'));
  if (left instanceof EnumValue) return enumArithmetic(left, right, 1, toNumber);
  return numeric(left, 'op_Addition') + toNumber(right);
}

/** `$null + x` is x (null takes the right operand's type); `$null + $null` is $null. */
function addToNull(right: unknown): unknown {
  if (Array.isArray(right)) return [...right];
  if (right === null || right === undefined || typeof right === 'string') return right ?? null;
  if (typeof right === 'number') return right;
  return add(0, right);
}

export function subtract(left: unknown, right: unknown): unknown {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  if (left instanceof Date) return right instanceof Date ? subtractDates(left, right) : moveDate(left, right, -1, 'op_Subtraction');
  if (left instanceof TimeSpan) return new TimeSpan(left.ticks - spanTicks(right, left, 'op_Subtraction'));
  if (left instanceof EnumValue) return enumArithmetic(left, right, -1, toNumber);
  return numeric(left, 'op_Subtraction') - toNumber(right);
}

export function multiply(left: unknown, right: unknown): unknown {
  if (typeof left === 'number' && typeof right === 'number') return left * right;
  if (typeof left === 'string') return left.repeat(repeatCount(right));
  if (Array.isArray(left)) return repeatList(left, repeatCount(right));
  if (left === null || left === undefined) return typeof right === 'string' ? '' : Array.isArray(right) ? [] : 0 * toNumber(right);
  return numeric(left, 'op_Multiply') * toNumber(right);
}

export function divide(left: unknown, right: unknown): number {
  const a = typeof left === 'number' ? left : numeric(left, 'op_Division');
  const b = typeof right === 'number' ? right : toNumber(right);
  if (b === 0) throw divideByZero();
  return a / b;
}

export function remainder(left: unknown, right: unknown): number {
  const a = typeof left === 'number' ? left : numeric(left, 'op_Modulus');
  const b = typeof right === 'number' ? right : toNumber(right);
  if (b === 0) throw divideByZero();
  const r = a % b;
  return r === 0 ? 0 : r; // .NET has no -0 for integers: -4 % 2 is 0
}

export function divideByZero(): ShellError {
  return new ShellError('RuntimeException', 'NotSpecified', 'Attempted to divide by zero.',
    { exceptionType: 'System.DivideByZeroException' });
}

/** The left operand as a number, or PowerShell's "no op_X method" error for non-numeric types. */
function numeric(left: unknown, method: string): number {
  if (left instanceof EnumValue) return left.value__;
  if (left === null || left === undefined || typeof left !== 'object' || left instanceof SwitchParameter)
    return toNumber(left);
  throw noOperator(left, method);
}

export function noOperator(left: unknown, method: string): ShellError {
  const type = typeNameOf(left);
  return new ShellError('MethodNotFound', 'InvalidOperation',
    `Method invocation failed because [${type}] does not contain a method named '${method}'.`, { target: left });
}

function repeatCount(right: unknown): number {
  const n = toInt(right);
  if (n < 0) throw new ShellError('ArgumentOutOfRange', 'InvalidArgument',
    'Specified argument was out of the range of valid values. (Parameter \'count\')', { target: right });
  return n;
}

function repeatList(list: unknown[], times: number): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < times; i++) for (const item of list) out.push(item);
  return out;
}

/** `@{a=1} + @{b=2}`: a new table with both; a key in both is an error, as in PowerShell. */
function mergeHashtables(left: Hashtable, right: unknown): Hashtable {
  if (!(right instanceof Hashtable))
    throw new ShellError('AddHashTableToNonHashTable', 'InvalidOperation',
      'A hash table can only be added to another hash table.', { target: right });
  const merged = new Hashtable(left.ordered);
  for (const [k, v] of left.entries()) merged.set(k, v);
  for (const [k, v] of right.entries()) {
    if (merged.has(k))
      throw new ShellError('DuplicateKeyInHashtableAddition', 'InvalidOperation',
        `Item has already been added. Key in dictionary: '${toStr(existingKey(merged, k))}'  Key being added: '${toStr(k)}'`,
        { target: k, exceptionType: 'System.ArgumentException' });
    merged.set(k, v);
  }
  return merged;
}

/** The key as the table spells it (keys match case-insensitively). */
function existingKey(table: Hashtable, key: unknown): unknown {
  const lower = typeof key === 'string' ? key.toLowerCase() : undefined;
  return table.keys().find(k => k === key || (lower !== undefined && typeof k === 'string' && k.toLowerCase() === lower));
}

// ---- dates and durations -----------------------------------------------------------------------

/** Date ± TimeSpan, or ± a number of ticks (which is how .NET converts a number to a TimeSpan). */
function moveDate(d: Date, right: unknown, sign: 1 | -1, method: string): Date {
  return addTimeSpan(d, new TimeSpan(sign * spanTicks(right, d, method)));
}

function spanTicks(right: unknown, left: unknown, method: string): number {
  if (right instanceof TimeSpan) return right.ticks;
  if (typeof right === 'number' || typeof right === 'string' || right === null) return toNumber(right);
  throw noOperator(left, method);
}
