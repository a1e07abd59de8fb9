// The engine's value helpers as the formatter sees them: PowerShell's string conversion (`toStr`),
// how a Date is shown (`displayDate` alone, `cultureDateString` in a cell), and property lookup on
// any value (`getMember`, `propertyNames`: in declaration order, where Get-Member sorts them).
// lib/engine/values owns the rules; every file in lib/format imports them from here, so a change
// of name there is absorbed in this file. Imports lib/core and lib/engine/values only.

import { PSObject } from '../core/values.js';
import { getMember as memberOf, hasMember, MethodReference, typeNameOf } from '../engine/values/members.js';

export { propertyNames } from '../engine/values/members.js';
export { toStr } from '../engine/values/convert.js';
export { EnumValue } from '../engine/values/enums.js';
export { DictionaryEntry } from '../engine/values/dotnet-objects.js';
export { formatValue } from '../engine/values/dotnet-format.js';
export { displayDate, cultureDateString, dateKind, fromWallMs, wallFromParts, withKind }
  from '../engine/values/datetime.js';

/**
 * The value of an object's property, undefined when it has none. Unlike `$x.Name` in a script,
 * the formatter sees properties only: no methods, and no Count or Length of 1 for any object.
 */
export function getMember(obj: unknown, name: string): unknown {
  if (obj === null || obj === undefined) return undefined;
  if (obj instanceof PSObject) return obj.has(name) ? obj.get(name) : undefined;
  if (/^(GetType|ToString|Equals|GetHashCode)$/i.test(name) || !hasMember(obj, name)) return undefined;
  const value = memberOf(obj, name);
  return value instanceof MethodReference ? undefined : value;
}

/** The type names of a value, most specific first (what picks a default view). */
export function typeNamesOf(value: unknown): string[] {
  if (value instanceof PSObject) return value.typeNames;
  if (value === null || value === undefined) return [];
  const own = (value as { typeNames?: unknown }).typeNames;
  if (Array.isArray(own) && own.length && own.every(t => typeof t === 'string')) return own;
  return [typeNameOf(value)];
}
