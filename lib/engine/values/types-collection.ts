// Collection types: object[] ([array]), typed arrays ([int[]]), List[T] and ArrayList (JS arrays
// that may grow), hashtable, [ordered], [pscustomobject] and [psobject]. A JS array cannot say
// what it was made as, so arrays made by a cast or ::new are remembered beside the array: that is
// what lets $list.Add() work while @(1,2).Add() fails as a fixed-size array does.
// Imports only lib/core and sibling modules.

import { ShellError } from '../../core/errors.js';
import { Hashtable, PSObject } from '../../core/values.js';
import type { PSType } from './type.js';
import { DotNetType, castError } from './type-base.js';

export interface CollectionInfo { kind: 'Array' | 'List' | 'ArrayList'; elementType?: PSType }
const made = new WeakMap<unknown[], CollectionInfo>();

/** How an array was made: a plain array is a fixed-size object[]. */
export const collectionInfo = (a: unknown[]): CollectionInfo => made.get(a) ?? { kind: 'Array' };
export function markCollection<T extends unknown[]>(a: T, info: CollectionInfo): T { made.set(a, info); return a; }
export const isResizable = (a: unknown[]) => collectionInfo(a).kind !== 'Array';

/** The items a cast to a collection converts: $null stays $null, a scalar is one item. */
function items(v: unknown): unknown[] | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v;
  if (v instanceof Hashtable) return [v];
  if (typeof v === 'object' && Symbol.iterator in v && typeof v !== 'string') return [...(v as Iterable<unknown>)];
  return [v];
}

export const objectArrayType = new DotNetType({
  name: 'Object[]', fullName: 'System.Object[]', baseType: 'System.Array',
  isInstance: v => Array.isArray(v) && collectionInfo(v).kind === 'Array' && !collectionInfo(v).elementType,
  convert: v => { const xs = items(v); return xs && (Array.isArray(v) && v === xs ? [...xs] : xs); },
});

// One type object per element type, so [int[]] and [Int32[]] are the same type.
const typesByName = new Map<string, PSType>();
function once(key: string, make: () => PSType): PSType {
  let t = typesByName.get(key);
  if (!t) typesByName.set(key, t = make());
  return t;
}

export function arrayOf(element: PSType): PSType {
  if (element.fullName === 'System.Object') return objectArrayType;
  return once(`${element.fullName}[]`, () => new DotNetType({
    name: `${element.name}[]`, fullName: `${element.fullName}[]`, elementType: element, baseType: 'System.Array',
    isInstance: v => Array.isArray(v) && collectionInfo(v).elementType?.fullName === element.fullName,
    convert: v => { const xs = items(v); return xs && markCollection(xs.map(x => element.convert(x)), { kind: 'Array', elementType: element }); },
  }));
}

function newList(kind: 'List' | 'ArrayList', element: PSType | undefined, args: unknown[]) {
  const init = typeof args[0] === 'number' || args.length === 0 ? [] : items(args[0]) ?? [];
  return markCollection(init.map(x => element ? element.convert(x) : x), { kind, elementType: element });
}

export function listOf(element: PSType): PSType {
  return once(`List[${element.fullName}]`, () => new DotNetType({
    name: 'List`1', fullName: `System.Collections.Generic.List[${element.fullName}]`, elementType: element,
    isInstance: v => Array.isArray(v) && collectionInfo(v).kind === 'List' && collectionInfo(v).elementType?.fullName === element.fullName,
    convert: v => { const xs = items(v); return xs && newList('List', element, [xs]); },
    statics: { new: { call: args => newList('List', element, args) } },
  }));
}

export const arrayListType = new DotNetType({
  name: 'ArrayList', fullName: 'System.Collections.ArrayList',
  isInstance: v => Array.isArray(v) && collectionInfo(v).kind === 'ArrayList',
  convert: v => { const xs = items(v); return xs && newList('ArrayList', undefined, [xs]); },
  statics: { new: { call: args => newList('ArrayList', undefined, args) } },
});

function copyHashtable(h: Hashtable, ordered: boolean) {
  const copy = new Hashtable(ordered);
  for (const [k, v] of h.entries()) copy.set(k, v);
  return copy;
}

export const hashtableType = new DotNetType({
  name: 'Hashtable', fullName: 'System.Collections.Hashtable',
  isInstance: v => v instanceof Hashtable && !v.ordered,
  convert: v => {
    if (v === null || v === undefined) return null;
    if (v instanceof Hashtable) return v.ordered ? copyHashtable(v, false) : v;
    throw castError(v, hashtableType);
  },
  statics: { new: { call: () => new Hashtable() } },
});

export const orderedType = new DotNetType({
  name: 'OrderedDictionary', fullName: 'System.Collections.Specialized.OrderedDictionary',
  isInstance: v => v instanceof Hashtable && v.ordered,
  convert: v => {
    if (v instanceof Hashtable) return copyHashtable(v, true);
    throw new ShellError('OrderedAttributeOnlyOnHashLiteralNode', 'InvalidArgument',
      'The ordered attribute can be specified only on a hash literal node.', { target: v });
  },
  statics: { new: { call: () => new Hashtable(true) } },
});

export const pscustomobjectType = new DotNetType({
  name: 'PSCustomObject', fullName: 'System.Management.Automation.PSCustomObject',
  isInstance: v => v instanceof PSObject,
  convert: v => v instanceof Hashtable ? new PSObject([...v.entries()].map(([k, x]) => [String(k), x] as const)) : v,
});

export const psobjectType = new DotNetType({
  name: 'PSObject', fullName: 'System.Management.Automation.PSObject',
  isInstance: v => v instanceof PSObject,
  convert: v => v,
});
