// PowerShell's LanguagePrimitives conversions on the value model of lib/core/values.ts: [string],
// [bool] (truthiness), numbers, [int]/[long] with banker's rounding, [datetime], and how values
// enumerate in a pipeline. Operators, casts, the binder and cmdlets all convert through here so
// the same value always converts the same way. Imports only lib/core and sibling value modules
// (numbers.ts; datetime.ts for dates); never the runtime.

import { ShellError } from '../../core/errors.js';
import { Hashtable, PSObject, SwitchParameter } from '../../core/values.js';
import { formatNumber, numberType, parseDouble, parseNumber, roundHalfEven } from './numbers.js';
import { fromTicks, invariantDateString, parseDate } from './datetime.js';

export { numberType } from './numbers.js';

// ---- [string] ----------------------------------------------------------------------------------

/** [string]$v and "$v": culture-invariant; arrays joined by a space ($OFS). */
export function toStr(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (Array.isArray(v)) return v.map(elementString).join(' ');
  return objectString(v);
}

/** An element inside a joined array: a nested array shows its type name, as in PowerShell. */
function elementString(v: unknown): string {
  return Array.isArray(v) ? 'System.Object[]' : toStr(v);
}

/** ToString() of a non-primitive: dates invariant, hashtables their type, objects '@{a=1; b=2}'. */
function objectString(v: object): string {
  if (v instanceof Date) return invariantDate(v);
  if (v instanceof Hashtable)
    return v.ordered ? 'System.Collections.Specialized.OrderedDictionary' : 'System.Collections.Hashtable';
  if (v instanceof PSObject) return psObjectString(v);
  if (v instanceof SwitchParameter) return v.IsPresent ? 'True' : 'False';
  if (v instanceof RegExp) return v.source;
  if (typeof v === 'bigint') return String(v);
  if (hasOwnToString(v)) return String(v);
  return 'System.Object';
}

function psObjectString(o: PSObject): string {
  const custom = o.methods.get('tostring');
  if (custom) return toStr(custom());
  const parts: string[] = [];
  for (const [name, value] of o.entries()) parts.push(`${name}=${elementString(value)}`);
  return `@{${parts.join('; ')}}`;
}

/** True when the object's class (not Object.prototype) defines toString. */
function hasOwnToString(v: object): boolean {
  return typeof (v as { toString?: unknown }).toString === 'function'
    && (v as { toString: unknown }).toString !== Object.prototype.toString;
}

/** DateTime's invariant-culture string: 'MM/dd/yyyy HH:mm:ss'. */
function invariantDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : invariantDateString(d);
}

// ---- [bool] ------------------------------------------------------------------------------------

/** PowerShell truthiness (LanguagePrimitives.IsTrue). */
export function toBool(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (v === null || v === undefined) return false;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return listTruth(v);
  if (v instanceof SwitchParameter) return v.IsPresent;
  return true;
}

/** An empty list is false; one element decides by itself (a nested list by being non-empty). */
function listTruth(list: unknown[]): boolean {
  if (list.length === 0) return false;
  if (list.length > 1) return true;
  const only = list[0];
  return Array.isArray(only) ? only.length > 0 : toBool(only);
}

// ---- numbers -----------------------------------------------------------------------------------

/** The value as a number for arithmetic: strings by the literal rules, $null 0, bools 0/1. */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const n = parseNumber(v);
    if (n === undefined) throw badNumberString(v, 'System.Int32', 'InvalidCastFromStringToInteger');
    return n;
  }
  return fromObject(v, 'System.Int32', toNumber);
}

/** [double]$v: like toNumber, and 'NaN'/'Infinity' are accepted. */
export function toDouble(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = parseDouble(v);
    if (n === undefined) throw badNumberString(v, 'System.Double', 'InvalidCastFromStringToDoubleOrSingle');
    return n;
  }
  if (v === null || v === undefined || typeof v === 'boolean') return toNumber(v);
  return fromObject(v, 'System.Double', toDouble);
}

/** [int]$v / [long]$v: rounds half to even ([int]2.5 is 2) and refuses values out of range. */
export function toInt(v: unknown, bits: 32 | 64 = 32): number {
  const typeName = bits === 32 ? 'System.Int32' : 'System.Int64';
  const n = typeof v === 'number' ? v : toNumber(v);
  if ((n | 0) === n && !Object.is(n, -0)) return n;
  const r = roundHalfEven(n);
  const ok = bits === 32 ? r >= -2147483648 && r <= 2147483647 : r >= -(2 ** 63) && r < 2 ** 63;
  if (!ok || Number.isNaN(r)) throw overflow(v, typeName, bits);
  return r === 0 ? 0 : r;
}

/** Single-element arrays convert as their element; other objects cannot become numbers. */
function fromObject(v: object, typeName: string, again: (x: unknown) => number): number {
  if (Array.isArray(v) && v.length === 1) return again(v[0]);
  if (v instanceof SwitchParameter) return v.IsPresent ? 1 : 0;
  const enumNumber = (v as { value__?: unknown }).value__;    // an enum value (enums.ts)
  if (typeof enumNumber === 'number') return enumNumber;
  const ticks = (v as { Ticks?: unknown }).Ticks;
  if (typeof ticks === 'number' && !(v instanceof PSObject)) return ticks; // TimeSpan, as .NET converts it
  throw invalidCast(v, typeName);
}

function badNumberString(s: string, typeName: string, id: string): ShellError {
  return new ShellError(id, 'InvalidArgument',
    `Cannot convert value "${s}" to type "${typeName}". Error: "Input string was not in a correct format."`,
    { target: s, exceptionType: 'System.Management.Automation.PSInvalidCastException' });
}

function overflow(v: unknown, typeName: string, bits: number): ShellError {
  const short = bits === 32 ? 'Int32' : 'Int64';
  return new ShellError(typeof v === 'string' ? 'InvalidCastFromStringToInteger' : 'InvalidCastIConvertible',
    'InvalidArgument',
    `Cannot convert value "${toStr(v)}" to type "${typeName}". Error: "Value was either too large or too small for an ${short}."`,
    { target: v, exceptionType: 'System.Management.Automation.PSInvalidCastException' });
}

/** PowerShell's generic cast failure (ConvertToFinalInvalidCastException). */
export function invalidCast(v: unknown, typeName: string): ShellError {
  const from = typeNameOf(v);
  const shown = Array.isArray(v) ? from : toStr(v);
  return new ShellError('ConvertToFinalInvalidCastException', 'InvalidArgument',
    `Cannot convert the "${shown}" value of type "${from}" to type "${typeName}".`,
    { target: v, exceptionType: 'System.Management.Automation.PSInvalidCastException' });
}

/** The .NET full type name scripts would see for a value (for messages; types.ts owns GetType()). */
export function typeNameOf(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'string': return 'System.String';
    case 'boolean': return 'System.Boolean';
    case 'number': return { int: 'System.Int32', long: 'System.Int64', double: 'System.Double' }[numberType(v)];
  }
  if (Array.isArray(v)) return 'System.Object[]';
  if (v instanceof Date) return 'System.DateTime';
  if (v instanceof Hashtable) return v.ordered ? 'System.Collections.Specialized.OrderedDictionary' : 'System.Collections.Hashtable';
  if (v instanceof PSObject) return 'System.Management.Automation.PSCustomObject';
  if (v instanceof SwitchParameter) return 'System.Management.Automation.SwitchParameter';
  if (isScriptBlock(v)) return 'System.Management.Automation.ScriptBlock';
  const name = (v as object).constructor?.name;
  if (name === 'SecureString') return 'System.Security.SecureString';
  if (name === 'TimeSpan') return 'System.TimeSpan';
  return 'System.Object';
}

/** A ScriptBlock (lib/engine/cmdlet is a later layer, so it is recognised by shape, not class). */
export function isScriptBlock(v: unknown): boolean {
  return v !== null && typeof v === 'object' && 'ast' in v && typeof (v as { withScope?: unknown }).withScope === 'function';
}

// ---- [datetime] --------------------------------------------------------------------------------

/** [datetime]$v: strings culture-invariant ('2030-01-01', '1/2/2030 10:00'), numbers as ticks. */
export function toDate(v: unknown): Date {
  if (v instanceof Date) return v;
  if (typeof v === 'string') return dateFromString(v);
  if (typeof v === 'number' && Number.isInteger(v)) return fromTicks(v);
  if (Array.isArray(v) && v.length === 1) return toDate(v[0]);
  if (v === null || v === undefined)
    throw new ShellError('InvalidCastFromNullToDateTime', 'InvalidArgument', 'Cannot convert null to type "System.DateTime".');
  throw invalidCast(v, 'System.DateTime');
}

function dateFromString(s: string): Date {
  try {
    return parseDate(s);
  } catch (e) {
    const inner = e instanceof Error ? e.message : String(e);
    throw new ShellError('InvalidCastParseTargetInvocation', 'InvalidArgument',
      `Cannot convert value "${s}" to type "System.DateTime". Error: "${inner}"`,
      { target: s, cause: e, exceptionType: 'System.Management.Automation.PSInvalidCastException' });
  }
}

// ---- enumeration -------------------------------------------------------------------------------

/** Whether the pipeline and foreach unroll this value (hashtables, strings, objects: no). */
export function isEnumerable(v: unknown): boolean {
  if (Array.isArray(v)) return true;
  if (v === null || typeof v !== 'object') return false;
  if (v instanceof Hashtable || v instanceof PSObject || v instanceof Date) return false;
  return Symbol.iterator in v && !(v instanceof Map);
}

/** The items a value yields to the pipeline: $null none, a list its elements, else itself. */
export function asList(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined) return [];
  if (isEnumerable(v)) return [...(v as Iterable<unknown>)];
  return [v];
}

/** Output of a pipeline as a value: none is $null, one is that object, more are an array. */
export function unwrapSingle(list: unknown[]): unknown {
  if (list.length === 0) return null;
  if (list.length === 1) return list[0];
  return list;
}
