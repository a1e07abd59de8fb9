// Converts an argument to its parameter's type, with the strictness of PowerShell's binder rather
// than of a cast: [bool] and [switch] take only booleans and numbers, strings never become script
// blocks, an array reaches a scalar parameter only when it holds one element, and enum values are
// matched case-insensitively (and by their extra spellings) and come out canonical. A definition's
// own `convert` (script parameters such as [int[]]) replaces all of that.
// Imports only lib/core, lib/engine/values and lib/engine/cmdlet.

import type { ShellError } from '../../core/errors.js';
import { Hashtable, PSObject, SecureString, SwitchParameter } from '../../core/values.js';
import { ScriptBlock, type ParameterDefinition } from '../cmdlet/index.js';
import { parseTimeSpan, TimeSpan, TICKS_PER_MILLISECOND } from '../values/timespan.js';
import {
  cannotConvertArgument, cannotConvertArgumentNoMessage, enumValuesHint, transformationError, type ErrorSite,
} from './errors.js';
import { elementTypeName, valueTypeName } from './type-names.js';
import { toDate, toStr } from '../values/convert.js';
import { roundHalfEven } from '../values/numbers.js';

/** Why a scalar did not convert; turned into the parameter's error by the caller. */
class Refusal { constructor(readonly why: string, readonly hint?: string) {} }

/** The argument converted to the parameter's type, or the binder error saying why not. */
export function convertArgument(def: ParameterDefinition, value: unknown, site: ErrorSite): unknown {
  if (def.convert) return customConvert(def, value, site);
  const items = unwrap(value);
  if (def.kind === 'object' && !def.array) return items;     // [object] takes an array whole
  if (def.array) return items === null ? null : (Array.isArray(items) ? items : [items]).map(v => convertOne(def, v, site));
  if (Array.isArray(items)) {
    if (items.length === 1) return convertOne(def, items[0], site);
    throw cannotConvertArgument({ ...site, target: value }, 'System.Object[]', elementTypeName(def),
      'Specified method is not supported.');
  }
  return convertOne(def, items, site);
}

/** Like convertArgument, but only when no conversion is needed (first pass of pipeline binding). */
export function isExactType(def: ParameterDefinition, value: unknown): boolean {
  const v = unwrap(value);
  if (def.array && Array.isArray(v)) return v.every(e => isExactScalar(def, e));
  return !Array.isArray(v) && isExactScalar(def, v);
}

function isExactScalar(def: ParameterDefinition, v: unknown): boolean {
  switch (def.kind) {
    case 'string': return typeof v === 'string';
    case 'int': case 'long': return typeof v === 'number' && Number.isInteger(v);
    case 'double': return typeof v === 'number';
    case 'bool': case 'switch': return typeof v === 'boolean';
    case 'datetime': return v instanceof Date;
    case 'timespan': return v instanceof TimeSpan;
    case 'scriptblock': return v instanceof ScriptBlock;
    case 'hashtable': return v instanceof Hashtable;
    case 'securestring': return v instanceof SecureString;
    case 'enum': return typeof v === 'string' && def.values!.includes(v);
    case 'object': return !def.typeName || (v instanceof PSObject && v.isA(def.typeName));
  }
}

// The runtime uses null for $null; an undefined slipping through means the same.
const unwrap = (v: unknown): unknown => v === undefined ? null : v;

function convertOne(def: ParameterDefinition, v: unknown, site: ErrorSite): unknown {
  const result = convertScalar(def, v);
  if (!(result instanceof Refusal)) return result;
  const hint = def.kind === 'enum' && site.parameter ? enumValuesHint(site.command, site.parameter) : result.hint;
  throw cannotConvertArgumentNoMessage({ ...site, target: v }, result.why, hint);
}

function customConvert(def: ParameterDefinition, value: unknown, site: ErrorSite): unknown {
  try { return def.convert!(value); } catch (e) {
    const why = (e as ShellError).message ?? String(e);
    throw transformationError({ ...site, target: value }, why);
  }
}

function convertScalar(def: ParameterDefinition, v: unknown): unknown {
  switch (def.kind) {
    case 'string': return v === null ? null : toStr(v);
    case 'int': return toInteger(v, 'System.Int32', 2 ** 31);
    case 'long': return toInteger(v, 'System.Int64', 2 ** 63);
    case 'double': return toDouble(v);
    case 'bool': case 'switch': return toBoolean(v, def.kind);
    case 'datetime': return toDateValue(v);
    case 'timespan': return toMilliseconds(v);
    case 'scriptblock': return v === null || v instanceof ScriptBlock ? v : cannotConvertThe(v, def);
    case 'hashtable': return v === null || v instanceof Hashtable ? v : cannotConvertThe(v, def);
    case 'securestring':
      return v === null || v instanceof SecureString ? v : typeof v === 'string' ? new SecureString(v) : cannotConvertThe(v, def);
    case 'enum': return toEnum(def, v);
    case 'object': return v;
  }
}

const cannotConvertThe = (v: unknown, def: ParameterDefinition) => new Refusal(
  `Cannot convert the "${toStr(v)}" value of type "${valueTypeName(v)}" to type "${elementTypeName(def)}".`);

const cannotConvertValue = (v: unknown, type: string, error: string) =>
  new Refusal(`Cannot convert value "${toStr(v)}" to type "${type}". Error: "${error}"`);

// PowerShell parses numeric strings invariantly (hex and exponents too) and rounds half to even.
function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null) return 0;
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  if (/^[-+]?0x[0-9a-f]+$/i.test(t)) return (t.startsWith('-') ? -1 : 1) * parseInt(t.replace(/^[-+]?0x/i, ''), 16);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
  return Number(t);
}

function toInteger(v: unknown, type: string, limit: number): number | Refusal {
  const n = numberOf(v);
  if (n === undefined || Number.isNaN(n))
    return cannotConvertValue(v, type, `The input string '${toStr(v)}' was not in a correct format.`);
  const r = roundHalfEven(n);
  if (r >= limit || r < -limit)
    return cannotConvertValue(v, type, `Value was either too large or too small for an ${type.slice(7)}.`);
  return r;
}

function toDouble(v: unknown): number | Refusal {
  const n = numberOf(v);
  return n === undefined
    ? cannotConvertValue(v, 'System.Double', `The input string '${toStr(v)}' was not in a correct format.`) : n;
}

function toBoolean(v: unknown, kind: 'bool' | 'switch'): boolean | Refusal {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v instanceof SwitchParameter) return v.IsPresent;
  if (v === null && kind === 'switch') return false;
  const type = kind === 'bool' ? 'System.Boolean' : 'System.Management.Automation.SwitchParameter';
  return new Refusal(`Cannot convert value "${valueTypeName(v)}" to type "${type}". Boolean parameters accept ` +
    'only Boolean values and numbers, such as $True, $False, 1 or 0.',
  'Write $true or $false, e.g. -Name:$false.');
}

// PowerShell's [datetime] conversion: invariant-culture strings, numbers as ticks.
function toDateValue(v: unknown): Date | null | Refusal {
  if (v === null) return null;
  try { return toDate(v); } catch (e) {
    return typeof v === 'string' ? new Refusal((e as Error).message) : cannotConvertThe(v, { kind: 'datetime' } as ParameterDefinition);
  }
}

// param.timespan holds milliseconds; numbers are ticks, as [timespan]10 is ten ticks.
function toMilliseconds(v: unknown): number | null | Refusal {
  if (v === null) return null;
  if (v instanceof TimeSpan) return v.ticks / TICKS_PER_MILLISECOND;
  if (typeof v === 'number') return v / TICKS_PER_MILLISECOND;
  if (typeof v === 'string') {
    try { return parseTimeSpan(v).ticks / TICKS_PER_MILLISECOND; } catch {
      return cannotConvertValue(v, 'System.TimeSpan', `String '${v}' was not recognized as a valid TimeSpan.`);
    }
  }
  return cannotConvertThe(v, { kind: 'timespan' } as ParameterDefinition);
}

function toEnum(def: ParameterDefinition, v: unknown): string | null | Refusal {
  const values = def.values ?? [];
  if (typeof v === 'string') {
    const key = v.trim().toLowerCase();
    const hit = values.find(x => x.toLowerCase() === key);
    if (hit) return hit;
    const alias = Object.entries(def.valueAliases ?? {}).find(([a]) => a.toLowerCase() === key);
    if (alias) return alias[1];
  }
  return new Refusal(`Cannot convert value "${toStr(v)}" to type "${elementTypeName(def)}". Error: ` +
    `"Unable to match the identifier name ${toStr(v)} to a valid enumerator name. Specify one of the ` +
    `following enumerator names and try again:\n${values.join(', ')}"`);
}
