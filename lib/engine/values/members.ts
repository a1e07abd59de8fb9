// Member access on any value: $x.Name, $x.Name = v, $x.Method(args), and the list Get-Member
// shows. PSObject properties and hashtable keys come first; then the value's own members (tables
// for strings, dates, numbers, arrays, hashtables; reflection for class instances); then what
// every value has (GetType, ToString, Equals, GetHashCode, and Count/Length of 1). An array
// without the member enumerates it on its elements (member-access enumeration, PowerShell 3+).
// getMember answers undefined for a missing member: the runtime makes that $null or, in strict
// mode, an error. invokeMethod answers undefined for a void method (no output).
// Imports only lib/core, lib/engine/cmdlet and sibling modules.

import { ShellError } from '../../core/errors.js';
import { Hashtable, PSObject } from '../../core/values.js';
import { toStr } from './convert.js';
import { methodCall, methodNotFound } from './dotnet-errors.js';
import { formatValue } from './dotnet-format.js';
import { checkArity, tableMembers, type MemberInfo, type MemberTable, type MemberDef } from './member-table.js';
import { arrayMembers, dotnetEquals, hashtableMembers } from './members-collection.js';
import { MethodReference, forEach, where } from './members-intrinsic.js';
import { errorMember, findMember, isMethod, reflectMembers, reflectPropertyNames } from './members-object.js';
import { boolMembers, dateMembers, numberMembers } from './members-scalar.js';
import { stringMembers } from './members-string.js';
import { DotNetType } from './type-base.js';
import { typeOf } from './types.js';

export { setScriptBlockInvoker, MethodReference, type ScriptBlockInvoker } from './members-intrinsic.js';
export { typeOf, typeNameOf } from './types.js';
export type { MemberInfo } from './member-table.js';

/** The built-in member table of a value, when its kind has one. */
function tableFor(v: unknown): MemberTable<never> | undefined {
  if (typeof v === 'string') return stringMembers as MemberTable<never>;
  if (typeof v === 'number') return numberMembers as MemberTable<never>;
  if (typeof v === 'boolean') return boolMembers as MemberTable<never>;
  if (v instanceof Date) return dateMembers as MemberTable<never>;
  if (Array.isArray(v)) return arrayMembers as MemberTable<never>;
  if (v instanceof Hashtable) return hashtableMembers as MemberTable<never>;
  return undefined;
}

const def = (v: unknown, name: string): MemberDef<unknown> | undefined =>
  tableFor(v)?.get(name.toLowerCase()) as MemberDef<unknown> | undefined;

// ---- what every value has ---------------------------------------------------------------

function hashCode(v: unknown): number {
  let h = 0;
  for (const c of toStr(v)) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}

const UNIVERSAL: Record<string, { definition: string; call: (v: unknown, args: unknown[]) => unknown }> = {
  gettype: { definition: 'type GetType()', call: v => typeOf(v) },
  tostring: { definition: 'string ToString()', call: (v, [f]) => typeof f === 'string' ? formatValue(v, f) : formatValue(v, '') },
  equals: { definition: 'bool Equals(System.Object obj)', call: (v, [o]) => dotnetEquals(v, o) },
  gethashcode: { definition: 'int GetHashCode()', call: v => hashCode(v) },
};

/** Count and Length of a value that has neither: 1, and 0 for $null (PowerShell 3+). */
function scalarCount(v: unknown, name: string): number | undefined {
  if (!/^(count|length)$/i.test(name)) return undefined;
  return v === null || v === undefined ? 0 : 1;
}

// ---- reading ------------------------------------------------------------------------------

/** Own member of a single (non-enumerated) value; undefined when it has none. */
function ownMember(target: object | string | number | boolean, name: string): { value: unknown } | undefined {
  if (target instanceof PSObject) {
    if (target.has(name)) return { value: target.get(name) };
    const m = target.methods.get(name.toLowerCase());
    return m ? { value: new MethodReference(target, name, `${name}()`) } : undefined;
  }
  if (target instanceof Hashtable && target.has(name)) return { value: target.get(name) };
  const d = def(target, name);
  if (d) return { value: d.get ? d.get(target) : new MethodReference(target, d.name, d.definition) };
  if (tableFor(target) || typeof target !== 'object') return undefined;
  if (target instanceof Error) { const e = errorMember(target, name); if (e) return e; }
  const found = findMember(target, name);
  if (!found) return undefined;
  if (isMethod(found)) return { value: new MethodReference(target, found.key, `${found.key}()`) };
  const value = (target as Record<string, unknown>)[found.key];
  return { value: value === undefined ? null : value };
}

/** $target.name: undefined when there is no such member. */
export function getMember(target: unknown, name: string): unknown {
  if (target === null || target === undefined) return scalarCount(target, name);
  const own = ownMember(target as object, name);
  if (own) return own.value;
  // A collection's own methods (GetType, ToString...) win over enumerating its elements.
  const universal = UNIVERSAL[name.toLowerCase()];
  if (universal) return new MethodReference(target, name, universal.definition);
  if (Array.isArray(target)) return enumerateProperty(target, name);
  return scalarCount(target, name);
}

/** (1, 'ab', $obj).Name: the values of the elements that have it, flattened; none is undefined. */
function enumerateProperty(items: unknown[], name: string): unknown {
  const out: unknown[] = [];
  let any = false;
  for (const item of items) {
    if (item === null || item === undefined) continue;
    const own = Array.isArray(item) ? { value: getMember(item, name) } : ownMember(item as object, name);
    if (!own || own.value === undefined) continue;
    any = true;
    if (Array.isArray(own.value)) out.push(...own.value); else out.push(own.value);
  }
  if (!any) return undefined;
  return out.length === 1 ? out[0] : out;
}

export function hasMember(target: unknown, name: string): boolean {
  if (target === null || target === undefined) return false;
  return ownMember(target as object, name) !== undefined || name.toLowerCase() in UNIVERSAL;
}

// ---- writing ------------------------------------------------------------------------------

const notSettable = (name: string, target: unknown) => new ShellError('PropertyAssignmentException', 'InvalidOperation',
  `The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`,
  { target, exceptionType: 'System.Management.Automation.SetValueInvocationException' });

const readOnly = (name: string, target: unknown) => new ShellError('PropertyAssignmentException', 'InvalidOperation',
  `'${name}' is a ReadOnly property.`, { target, exceptionType: 'System.Management.Automation.SetValueInvocationException' });

/** $target.name = value. */
export function setMember(target: unknown, name: string, value: unknown): void {
  if (target === null || target === undefined) throw new ShellError('PropertyNotFound', 'InvalidOperation',
    `The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`);
  if (target instanceof PSObject) {
    const p = target.property(name);
    if (!p) throw notSettable(name, target);
    if (p.get) throw readOnly(p.name, target);
    target.set(name, value);
    return;
  }
  if (target instanceof Hashtable) { target.set(name, value); return; }
  const d = def(target, name);
  if (d) { if (!d.set) throw readOnly(d.name, target); d.set(target, value); return; }
  if (typeof target !== 'object' || tableFor(target)) throw notSettable(name, target);
  const found = findMember(target, name);
  if (!found || isMethod(found)) throw notSettable(name, target);
  if (!found.descriptor.set && !found.descriptor.writable) throw readOnly(found.key, target);
  (target as Record<string, unknown>)[found.key] = value;
}

// ---- calling ------------------------------------------------------------------------------

const nullCall = () => new ShellError('InvokeMethodOnNull', 'InvalidOperation', 'You cannot call a method on a null-valued expression.',
  { exceptionType: 'System.Management.Automation.RuntimeException' });

/** $target.name(args) */
export function invokeMethod(target: unknown, name: string, args: unknown[]): unknown {
  if (target === null || target === undefined) throw nullCall();
  const lc = name.toLowerCase();
  if (lc === 'where' || lc === 'foreach') {
    const items = Array.isArray(target) ? target : [target];
    return lc === 'where' ? where(items, args) : forEach(items, args);
  }
  const own = ownMethod(target, name, args);
  if (own) return own.value;
  // @(1).GetType() is Object[]: the collection's own methods are called on it, others on its elements.
  const universal = UNIVERSAL[lc];
  if (universal) return universal.call(target, args);
  if (Array.isArray(target)) return enumerateMethod(target, name, args);
  throw methodNotFound(typeOf(target).fullName, name);
}

function ownMethod(target: unknown, name: string, args: unknown[]): { value: unknown } | undefined {
  if (target instanceof PSObject) {
    const m = target.methods.get(name.toLowerCase());
    if (m) return { value: m(...args) };
    // A script property holding a script block is not a method: fall through to the universal ones.
    return undefined;
  }
  const d = def(target, name);
  if (d?.call) {
    checkArity(d as MemberDef<unknown>, args);
    return { value: methodCall(d.name, args.length, () => d.call!(target as never, args)) };
  }
  if (typeof target !== 'object' || tableFor(target)) return undefined;
  const found = findMember(target as object, name);
  if (!found || !isMethod(found)) return undefined;
  const fn = found.descriptor.value as (...a: unknown[]) => unknown;
  return { value: methodCall(found.key, args.length, () => fn.apply(target, args)) };
}

/** @($a, $b).Method(): called on each element (an element without it is an error, as in PowerShell). */
function enumerateMethod(items: unknown[], name: string, args: unknown[]): unknown {
  const out: unknown[] = [];
  for (const item of items) {
    const r = invokeMethod(item, name, args);
    if (Array.isArray(r)) out.push(...r); else if (r !== undefined) out.push(r);
  }
  return out.length === 0 ? undefined : out.length === 1 ? out[0] : out;
}

// ---- listing ------------------------------------------------------------------------------

const UNIVERSAL_INFO: MemberInfo[] = Object.values(UNIVERSAL).map(u => ({
  name: u.definition.replace(/^\S+ (\w+)\(.*$/, '$1'), memberType: 'Method', definition: u.definition,
}));

function shortType(v: unknown): string {
  const full = typeOf(v).fullName;
  const alias: Record<string, string> = { 'System.String': 'string', 'System.Int32': 'int', 'System.Int64': 'long', 'System.Double': 'double',
    'System.Boolean': 'bool', 'System.DateTime': 'datetime', 'System.Object[]': 'Object[]', 'System.Collections.Hashtable': 'hashtable' };
  return v === null || v === undefined ? 'object' : alias[full] ?? full;
}

function psObjectMembers(o: PSObject): MemberInfo[] {
  const props: MemberInfo[] = [...o.names()].map(n => {
    const p = o.property(n)!;
    const value = o.get(n);
    return p.get
      ? { name: n, memberType: 'ScriptProperty' as const, definition: `System.Object ${n} {get=...}` }
      : { name: n, memberType: 'NoteProperty' as const, definition: `${shortType(value)} ${n}=${value === null ? 'null' : toStr(value)}` };
  });
  const methods: MemberInfo[] = [...o.methods.keys()].map(k => ({ name: k, memberType: 'ScriptMethod', definition: `System.Object ${k}()` }));
  return [...props, ...methods];
}

/**
 * The names of a value's properties in declaration order, as Format-List, Select-Object *,
 * ConvertTo-Csv and binding by property name see them (Get-Member sorts them instead): a
 * PSObject's, a built-in value's table properties (a date's Day, Month...), a class instance's or
 * plain object's fields and getters. Methods are not properties.
 */
export function propertyNames(target: unknown): string[] {
  if (target === null || target === undefined) return [];
  if (target instanceof PSObject) return target.names();
  const table = tableFor(target);
  if (table) return [...table.values()].filter(d => d.get).map(d => d.name);
  return typeof target === 'object' ? reflectPropertyNames(target) : [];
}

/** What Get-Member lists: methods and properties, sorted by kind then name as PowerShell does. */
export function listMembers(target: unknown): MemberInfo[] {
  if (target === null || target === undefined) return [];
  let own: MemberInfo[];
  if (target instanceof PSObject) own = psObjectMembers(target);
  else if (tableFor(target)) own = tableMembers(tableFor(target)!);
  else if (typeof target === 'object') own = reflectMembers(target);
  else own = [];
  const names = new Set(own.map(m => m.name.toLowerCase()));
  const all = [...own, ...UNIVERSAL_INFO.filter(u => !names.has(u.name.toLowerCase()))];
  const rank = (m: MemberInfo) => /Method$/.test(m.memberType) ? 0 : 1;
  return all.sort((a, b) => rank(a) - rank(b) || a.memberType.localeCompare(b.memberType) || a.name.localeCompare(b.name));
}

/** The type `Get-Member -Static` describes: a type object itself ([math]), else the value's type. */
export const staticTypeOf = (target: unknown) => target instanceof DotNetType ? target : typeOf(target);

/**
 * What Get-Member -Static lists for a type: its static properties and methods, methods first, by
 * name. Static members are declared without signatures, so a method shows as taking anything.
 */
export function listStaticMembers(type: unknown): MemberInfo[] {
  if (!(type instanceof DotNetType)) return [];
  const members: MemberInfo[] = type.staticMembers().map(({ name, member }) => member.call
    ? { name, memberType: 'Method', definition: `static System.Object ${name}(params System.Object[] args)` }
    : { name, memberType: 'Property', definition: `static System.Object ${name} {get;${member.set ? 'set;' : ''}}` });
  const rank = (m: MemberInfo) => m.memberType === 'Method' ? 0 : 1;
  return members.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
