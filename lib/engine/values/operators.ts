// PowerShell's operators on values (about_Operators, about_Comparison_Operators,
// about_Arithmetic_Operators...): binaryOperator takes the operator as the parser normalises it
// (BinaryAst: '+', '-ceq', '-ilike', '-replace', '..', '-is'...), unaryOperator the prefix ones.
//
// Contract with the runtime:
// - '-match' / '-notmatch' (and their c/i forms) must go through matchOperator, which also returns
//   the new $Matches (only for a scalar left operand that matched); the runtime assigns it.
//   binaryOperator accepts them too but drops $Matches.
// - '-and', '-or', '??' short-circuit, so the runtime evaluates them; isNull serves '??'.
//   binaryOperator still answers '-and'/'-or' for callers that have both values.
// - '-f' formats through dotnet-format.ts; '-is', '-isnot', '-as' resolve type names in types.ts.
// Imports only lib/core and sibling value modules.

import { ShellError } from '../../core/errors.js';
import type { PSType } from './type.js';
import { resolveType } from './types.js';
import { formatString } from './dotnet-format.js';
import { asList, isEnumerable, toBool, toStr } from './convert.js';
import { compareValues, equalValues } from './compare.js';
import { wildcardMatch } from './wildcard.js';
import { add, divide, multiply, remainder, subtract } from './arithmetic.js';
import { bitwise, bitwiseNot, range } from './integer-operators.js';
import { joinOperator, matchOperator, replaceOperator, splitOperator, unarySplit } from './text-operators.js';

export { matchOperator } from './text-operators.js';

/** Whatever value an operator produces. */
export type BinaryResult = unknown;

/** $null for the '??' operator and null checks (undefined never escapes, but counts as null). */
export const isNull = (v: unknown): v is null | undefined => v === null || v === undefined;

export function binaryOperator(op: string, left: unknown, right: unknown): BinaryResult {
  // The hot path: number op number, without allocation.
  if (typeof left === 'number' && typeof right === 'number') {
    switch (op) {
      case '+': return left + right;
      case '-': return left - right;
      case '*': return left * right;
      case '-eq': case '-ieq': case '-ceq': return left === right;
      case '-ne': case '-ine': case '-cne': return left !== right;
      case '-lt': case '-ilt': case '-clt': return left < right;
      case '-le': case '-ile': case '-cle': return left <= right;
      case '-gt': case '-igt': case '-cgt': return left > right;
      case '-ge': case '-ige': case '-cge': return left >= right;
    }
  }
  switch (op) {
    case '+': return add(left, right);
    case '-': return subtract(left, right);
    case '*': return multiply(left, right);
    case '/': return divide(left, right);
    case '%': return remainder(left, right);
    case '..': return range(left, right);
    case '-f': return formatString(toStr(left), formatArguments(right));
    case '-and': return toBool(left) && toBool(right);
    case '-or': return toBool(left) || toBool(right);
    case '-xor': return toBool(left) !== toBool(right);
    case '-band': case '-bor': case '-bxor': case '-shl': case '-shr': return bitwise(op, left, right);
    case '-join': return joinOperator(left, right);
    case '-is': return isInstance(left, right);
    case '-isnot': return !isInstance(left, right);
    case '-as': return asType(left, right);
    case '??': return isNull(left) ? right : left;
  }
  const c = CASE_OPERATORS.get(op);
  if (c === undefined) throw unknownOperator(op);
  return caseOperator(c.base, left, right, c.caseSensitive);
}

// ---- comparison-like operators with -i/-c forms ------------------------------------------------

const CASE_BASES = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'notlike', 'match', 'notmatch', 'replace',
  'contains', 'notcontains', 'in', 'notin', 'split'] as const;
type CaseBase = typeof CASE_BASES[number];

const CASE_OPERATORS = new Map<string, { base: CaseBase; caseSensitive: boolean }>();
for (const base of CASE_BASES) {
  CASE_OPERATORS.set('-' + base, { base, caseSensitive: false });
  CASE_OPERATORS.set('-i' + base, { base, caseSensitive: false });
  CASE_OPERATORS.set('-c' + base, { base, caseSensitive: true });
}

function caseOperator(base: CaseBase, left: unknown, right: unknown, cs: boolean): unknown {
  switch (base) {
    case 'match': return matchOperator(left, right, cs, false).value;
    case 'notmatch': return matchOperator(left, right, cs, true).value;
    case 'replace': return replaceOperator(left, right, cs);
    case 'split': return splitOperator(left, right, cs);
    case 'contains': return contains(left, right, cs);
    case 'notcontains': return !contains(left, right, cs);
    case 'in': return contains(right, left, cs);
    case 'notin': return !contains(right, left, cs);
  }
  const test = scalarTest(base, right, cs);
  if (!isEnumerable(left)) return test(left);
  // A collection on the left is filtered: `1,2,3 -gt 1` is 2,3. -like and -notlike return the
  // strings they compared, not the elements (about_Comparison_Operators).
  const kept = asList(left).filter(test);
  return base === 'like' || base === 'notlike' ? kept.map(toStr) : kept;
}

/** The per-element test of a comparison, with the right operand fixed. */
function scalarTest(base: CaseBase, right: unknown, cs: boolean): (x: unknown) => boolean {
  switch (base) {
    case 'eq': return x => equalValues(x, right, cs);
    case 'ne': return x => !equalValues(x, right, cs);
    case 'lt': return x => compareValues(x, right, cs) < 0;
    case 'le': return x => compareValues(x, right, cs) <= 0;
    case 'gt': return x => compareValues(x, right, cs) > 0;
    case 'ge': return x => compareValues(x, right, cs) >= 0;
    case 'like': { const p = toStr(right); return x => wildcardMatch(toStr(x), p, cs); }
    case 'notlike': { const p = toStr(right); return x => !wildcardMatch(toStr(x), p, cs); }
  }
  throw unknownOperator('-' + base);
}

/** `collection -contains value`: a scalar collection is a list of one; elements decide the type. */
function contains(collection: unknown, value: unknown, cs: boolean): boolean {
  const items = isEnumerable(collection) ? asList(collection) : [collection];
  for (const item of items) if (equalValues(item, value, cs)) return true;
  return false;
}

// ---- types -------------------------------------------------------------------------------------

function typeOperand(right: unknown): PSType {
  if (typeof right === 'string') return resolveType(right.replace(/^\[(.*)\]$/, '$1'));
  if (right !== null && typeof right === 'object' && 'isInstance' in right && 'convert' in right) return right as PSType;
  throw new ShellError('IsOperatorRequiresType', 'InvalidOperation',
    'The right operand of \'-is\', \'-isnot\' and \'-as\' must be a type.', { target: right });
}

function isInstance(left: unknown, right: unknown): boolean {
  return typeOperand(right).isInstance(left);
}

/** `$v -as [T]`: the conversion, or $null where a cast would fail. */
function asType(left: unknown, right: unknown): unknown {
  const type = typeOperand(right);
  try {
    return type.convert(left);
  } catch {
    return null; // every failed conversion, whatever raised it, is $null for -as
  }
}

// ---- -f ----------------------------------------------------------------------------------------

/** `'{0}' -f $null` formats one null argument; an array supplies one argument per element. */
function formatArguments(right: unknown): unknown[] {
  if (right === null || right === undefined) return [null];
  return Array.isArray(right) ? right : [right];
}

// ---- unary -------------------------------------------------------------------------------------

export function unaryOperator(op: string, v: unknown): unknown {
  switch (op) {
    case '-not': case '!': return !toBool(v);
    case '-': return typeof v === 'number' ? -v : subtract(0, v);
    case '+': return typeof v === 'number' ? v : add(0, v);
    case '-bnot': return bitwiseNot(v);
    case ',': return [v];
    case '-split': return unarySplit(v);
    case '-join': return joinOperator(v, '');
  }
  throw unknownOperator(op);
}

function unknownOperator(op: string): ShellError {
  return new ShellError('OperatorNotSupported', 'NotImplemented',
    `The '${op}' operator is not supported.`, { target: op });
}
