// The engine's value helpers as the formatter sees them: PowerShell's string conversion (`toStr`),
// how a Date is shown (`displayDate`), and property lookup on any value (`getMember`,
// `propertyNames`). lib/engine/values owns the real rules (convert.ts, datetime.ts, members.ts);
// until those modules land, this file holds small stand-ins with the same names, so that every
// other file in lib/format imports from here and switching over is a change to this file alone.
// Imports lib/core only.

import { Hashtable, PSObject, SecureString, SwitchParameter } from '../core/values.js';

/** PowerShell's [string] conversion of a value, as string interpolation and `-join` use it. */
export function toStr(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return invariantDate(value);
  if (Array.isArray(value)) return value.map(toStr).join(' ');
  if (value instanceof PSObject) return psObjectText(value);
  if (value instanceof Hashtable) return value.ordered
    ? 'System.Collections.Specialized.OrderedDictionary' : 'System.Collections.Hashtable';
  if (value instanceof SecureString || value instanceof SwitchParameter) return value.toString();
  return String(value);
}

/** A double as .NET prints it: shortest round-trip digits, 'E+' exponents past 1e15. */
function numberText(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 && !Number.isSafeInteger(n) || abs < 1e-5)) {
    const [mantissa, exponent] = n.toExponential().split('e');
    const e = Number(exponent);
    return `${mantissa}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(n);
}

/** A PSCustomObject's ToString(): `@{Name=value; Other=value}`. */
function psObjectText(o: PSObject): string {
  if (!o.isA('System.Management.Automation.PSCustomObject')) return o.typeName;
  return '@{' + [...o.entries()].map(([k, v]) => `${k}=${toStr(v)}`).join('; ') + '}';
}

const pad2 = (n: number) => String(n).padStart(2, '0');

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

/** `h:mm:ss AM`, the en-US long time. */
export const longTime = (d: Date) => `${d.getHours() % 12 || 12}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())} ` +
  (d.getHours() < 12 ? 'AM' : 'PM');

/** A Date alone on the console, en-US: `Tuesday, January 1, 2030 12:00:00 AM`. */
export function displayDate(d: Date): string {
  return `${DAYS[d.getDay()]}, ${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()} ${longTime(d)}`;
}

/** [string] of a Date uses the invariant culture: `01/01/2030 00:00:00`. */
function invariantDate(d: Date): string {
  return `${pad2(d.getMonth() + 1)}/${pad2(d.getDate())}/${d.getFullYear()} ` +
    `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

/** The value of property `name` of any object (case-insensitive); undefined when it has none. */
export function getMember(obj: unknown, name: string): unknown {
  if (obj === null || obj === undefined) return undefined;
  if (obj instanceof PSObject) return obj.has(name) ? obj.get(name) : undefined;
  if (obj instanceof Hashtable) return obj.has(name) ? obj.get(name) : undefined;
  if (typeof obj === 'string' && name.toLowerCase() === 'length') return obj.length;
  if (Array.isArray(obj) && /^(length|count)$/i.test(name)) return obj.length;
  if (typeof obj !== 'object') return undefined;
  const key = propertyNames(obj).find(n => n.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : (obj as Record<string, unknown>)[key];
}

/** The names of an object's properties in declaration order, as Get-Member and Format-List * see them. */
export function propertyNames(obj: unknown): string[] {
  if (obj instanceof PSObject) return obj.names();
  if (obj === null || typeof obj !== 'object') return [];
  const names: string[] = [];
  const seen = new Set<string>();
  const add = (n: string) => { if (!seen.has(n.toLowerCase())) { seen.add(n.toLowerCase()); names.push(n); } };
  // Plain data objects expose their own keys; class instances their PascalCase getters.
  const proto = Object.getPrototypeOf(obj);
  const plain = proto === Object.prototype || proto === null;
  for (const k of Object.keys(obj)) if (plain ? !k.startsWith('_') : /^[A-Z]/.test(k)) add(k);
  for (let p = proto; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(p))) {
      if (d.get && /^[A-Z]/.test(k)) add(k);
    }
  }
  return names;
}

/** The type names of a value, most specific first (what picks a default view). */
export function typeNamesOf(value: unknown): string[] {
  if (value instanceof PSObject) return value.typeNames;
  if (value instanceof Hashtable) return ['System.Collections.Hashtable'];
  if (value && typeof value === 'object') {
    const own = (value as { PSTypeNames?: unknown; typeNames?: unknown }).PSTypeNames
      ?? (value as { typeNames?: unknown }).typeNames;
    if (Array.isArray(own) && own.every(t => typeof t === 'string')) return own;
    const ctor = (value as object).constructor;
    if (ctor && ctor !== Object) return [ctor.name];
    return ['System.Object'];
  }
  return [];
}
