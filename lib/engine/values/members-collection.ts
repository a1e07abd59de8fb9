// The members of arrays (object[], typed arrays, List[T], ArrayList) and hashtables. An object[]
// has a fixed size, so .Add fails as in PowerShell; a List grows. A hashtable's keys read as
// properties and win over its own members ($h.Count is the 'Count' key when there is one).
// Imports only lib/core and sibling modules.

import { Hashtable } from '../../core/values.js';
import { argumentError, argumentOutOfRange, notSupported } from './dotnet-errors.js';
import { argInt, memberTable, method, property, type MemberDef } from './member-table.js';
import type { PSType } from './type.js';
import { collectionInfo, isResizable, markCollection } from './types-collection.js';
import { compareValues } from './compare.js';
import { DictionaryEntry } from './dotnet-objects.js';
import { toStr } from './convert.js';

type A = MemberDef<unknown[]>;

/** .NET's Object.Equals, as IList.Contains uses it: no conversion, strings case-sensitive. */
export const dotnetEquals = (a: unknown, b: unknown) =>
  a === b || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());

function growable(a: unknown[]): unknown[] {
  if (!isResizable(a)) throw notSupported('Collection was of a fixed size.');
  return a;
}

function element(a: unknown[], v: unknown) {
  const t = collectionInfo(a).elementType;
  return t ? t.convert(v) : v;
}

/** What Array.Clear leaves in a slot: 0 in an [int[]], $false in a [bool[]], else $null. */
function emptyElement(a: unknown[]): unknown {
  const t = collectionInfo(a).elementType as (PSType & { IsValueType?: boolean }) | undefined;
  if (!t?.IsValueType) return null;
  try { return t.convert(null); } catch { return null; }
}

function index(a: unknown[], i: unknown, allowEnd = false) {
  const n = argInt(i);
  if (n < 0 || n > a.length || (!allowEnd && n === a.length))
    throw argumentOutOfRange('index', 'Index was out of range. Must be non-negative and less than the size of the collection.');
  return n;
}

const ARRAY_MEMBERS: A[] = [
  property('Count', 'int', a => a.length),
  property('Length', 'int', a => a.length),
  property('LongLength', 'long', a => a.length),
  property('Rank', 'int', () => 1),
  property('IsFixedSize', 'bool', a => !isResizable(a)),
  property('IsReadOnly', 'bool', () => false),
  method('Contains', 'bool Contains(System.Object value)', [1], (a, [v]) => a.some(x => dotnetEquals(x, v))),
  method('IndexOf', 'int IndexOf(System.Object value)', [1, 2], (a, [v, from]) => a.findIndex((x, i) => i >= (from === undefined ? 0 : argInt(from)) && dotnetEquals(x, v))),
  method('LastIndexOf', 'int LastIndexOf(System.Object value)', [1], (a, [v]) => a.findLastIndex(x => dotnetEquals(x, v))),
  method('Clone', 'System.Object Clone()', [0], a => markCollection([...a], collectionInfo(a))),
  method('GetValue', 'System.Object GetValue(int index)', [1], (a, [i]) => a[index(a, i)]),
  method('SetValue', 'void SetValue(System.Object value, int index)', [2], (a, [v, i]) => { a[index(a, i)] = element(a, v); return undefined; }),
  method('ToArray', 'T[] ToArray()', [0], a => [...a]),
  method('Add', 'int Add(System.Object value)', [1], (a, [v]) => {
    growable(a).push(element(a, v));
    // ArrayList.Add returns the new index (hence [void]$list.Add(x)); List[T].Add returns nothing.
    return collectionInfo(a).kind === 'ArrayList' ? a.length - 1 : undefined;
  }),
  method('AddRange', 'void AddRange(System.Collections.ICollection c)', [1], (a, [vs]) => {
    growable(a).push(...(Array.isArray(vs) ? vs : [vs]).map(v => element(a, v))); return undefined;
  }),
  method('Insert', 'void Insert(int index, System.Object value)', [2], (a, [i, v]) => { growable(a).splice(index(a, i, true), 0, element(a, v)); return undefined; }),
  method('Remove', 'bool Remove(System.Object value)', [1], (a, [v]) => {
    const i = growable(a).findIndex(x => dotnetEquals(x, v));
    if (i >= 0) a.splice(i, 1);
    return collectionInfo(a).kind === 'List' ? i >= 0 : undefined;
  }),
  method('RemoveAt', 'void RemoveAt(int index)', [1], (a, [i]) => { growable(a).splice(index(a, i), 1); return undefined; }),
  method('RemoveRange', 'void RemoveRange(int index, int count)', [2], (a, [i, n]) => { growable(a).splice(index(a, i, true), argInt(n)); return undefined; }),
  method('Clear', 'void Clear()', [0], a => { if (isResizable(a)) a.length = 0; else a.fill(emptyElement(a)); return undefined; }),
  method('Sort', 'void Sort()', [0], a => { a.sort((x, y) => compareValues(x, y, true)); return undefined; }),
  method('Reverse', 'void Reverse()', [0], a => { a.reverse(); return undefined; }),
];

export const arrayMembers = memberTable(ARRAY_MEMBERS);

type H = MemberDef<Hashtable>;

function cloneTable(h: Hashtable) {
  const c = new Hashtable(h.ordered);
  for (const [k, v] of h.entries()) c.set(k, v);
  return c;
}

function addKey(h: Hashtable, [k, v]: unknown[]) {
  if (k === null || k === undefined) throw argumentError("Key cannot be null. (Parameter 'key')");
  if (h.has(k)) throw argumentError(`Item has already been added. Key in dictionary: '${toStr(k)}'  Key being added: '${toStr(k)}'`);
  h.set(k, v);
  return undefined;
}

const HASHTABLE_MEMBERS: H[] = [
  property('Count', 'int', h => h.size),
  property('Keys', 'System.Collections.ICollection', h => h.keys()),
  property('Values', 'System.Collections.ICollection', h => h.values()),
  property('IsReadOnly', 'bool', () => false),
  property('IsFixedSize', 'bool', () => false),
  property('IsSynchronized', 'bool', () => false),
  method('Add', 'void Add(System.Object key, System.Object value)', [2], addKey),
  method('Remove', 'void Remove(System.Object key)', [1], (h, [k]) => { h.delete(k); return undefined; }),
  method('Clear', 'void Clear()', [0], h => { h.clear(); return undefined; }),
  method('Clone', 'System.Object Clone()', [0], cloneTable),
  method('ContainsKey', 'bool ContainsKey(System.Object key)', [1], (h, [k]) => h.has(k)),
  method('Contains', 'bool Contains(System.Object key)', [1], (h, [k]) => h.has(k)),
  method('ContainsValue', 'bool ContainsValue(System.Object value)', [1], (h, [v]) => h.values().some(x => dotnetEquals(x, v))),
  method('GetEnumerator', 'System.Collections.IDictionaryEnumerator GetEnumerator()', [0], h => [...h.entries()].map(([k, v]) => new DictionaryEntry(k, v))),
  method('Item', 'System.Object Item(System.Object key) {get;set;}', [1], (h, [k]) => h.has(k) ? h.get(k) : null),
  method('get_Item', 'System.Object get_Item(System.Object key)', [1], (h, [k]) => h.has(k) ? h.get(k) : null),
  method('set_Item', 'void set_Item(System.Object key, System.Object value)', [2], (h, [k, v]) => { h.set(k, v); return undefined; }),
  method('Insert', 'void Insert(int index, System.Object key, System.Object value)', [3], (h, [i, k, v]) => {
    const entries = [...h.entries()].filter(([key]) => !h.has(k) || key !== k);
    entries.splice(argInt(i), 0, [k, v]);
    h.clear();
    for (const [key, val] of entries) h.set(key, val);
    return undefined;
  }),
  method('RemoveAt', 'void RemoveAt(int index)', [1], (h, [i]) => { const k = h.keys()[argInt(i)]; if (k !== undefined) h.delete(k); return undefined; }),
];

export const hashtableMembers = memberTable(HASHTABLE_MEMBERS);
