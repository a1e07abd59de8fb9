// Member tables: how the built-in members of strings, dates, numbers, arrays and hashtables are
// declared, so that lookup, invocation and Get-Member read the same data. Also the argument
// readers methods share ([int] and [string] conversions with .NET's errors).
// Imports only lib/core and sibling modules.

import { toInt, toStr } from './convert.js';
import { badArgumentCount } from './dotnet-errors.js';

export type MemberType = 'Property' | 'Method' | 'NoteProperty' | 'ScriptProperty' | 'ScriptMethod' | 'ParameterizedProperty';

export interface MemberInfo { name: string; memberType: MemberType; definition: string }

export interface MemberDef<T> {
  name: string;
  /** What Get-Member shows: 'int Length {get;}', 'string ToUpper()'. */
  definition: string;
  get?: (target: T) => unknown;
  set?: (target: T, value: unknown) => void;
  call?: (target: T, args: unknown[]) => unknown;
  /** Argument counts the method accepts; others are refused before the call. */
  arity?: readonly number[];
}

export type MemberTable<T> = ReadonlyMap<string, MemberDef<T>>;

export function memberTable<T>(defs: MemberDef<T>[]): MemberTable<T> {
  return new Map(defs.map(d => [d.name.toLowerCase(), d]));
}

export const property = <T>(name: string, type: string, get: (t: T) => unknown): MemberDef<T> =>
  ({ name, definition: `${type} ${name} {get;}`, get });

export const method = <T>(name: string, signatures: string, arity: readonly number[], call: (t: T, args: unknown[]) => unknown): MemberDef<T> =>
  ({ name, definition: signatures, arity, call });

export function checkArity(def: MemberDef<unknown>, args: unknown[]) {
  if (def.arity && !def.arity.includes(args.length)) throw badArgumentCount(def.name, args.length);
}

export function tableMembers<T>(table: MemberTable<T>): MemberInfo[] {
  return [...table.values()].map(d => ({ name: d.name, memberType: d.call ? 'Method' : 'Property', definition: d.definition }));
}

export const argStr = (v: unknown) => v === null || v === undefined ? '' : toStr(v);
export const argInt = (v: unknown) => toInt(v, 32);
