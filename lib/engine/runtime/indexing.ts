// `$a[i]` reading and writing: negative indices count from the end, an array of indices (or a
// range) selects several items and skips those out of range, hashtables index by key, strings by
// character, a scalar indexed by 0 is itself, and indexing $null is an error (as in PowerShell 7).
// An [ordered] dictionary indexed by an int reads by position (OrderedDictionary's int indexer),
// unless the index was cast to [object] (`$d[[object]1]` looks the key up).
// Imports only lib/core, lib/engine/parser and sibling modules.

import { ShellError } from '../../core/errors.js';
import type { ExpressionAst } from '../parser/ast.js';
import { Hashtable, PSObject } from '../../core/values.js';
import { collectionInfo } from './value-ops.js';

function nullArray(): ShellError {
  return new ShellError('NullArray', 'InvalidOperation', 'Cannot index into a null array.',
    { exceptionType: 'System.Management.Automation.RuntimeException' });
}

/** `$d[[object]1]`: an index cast to [object] looks a dictionary key up, never a position. */
export const indexedByKey = (index: ExpressionAst) => index.kind === 'Convert' && /^(system\.)?object$/i.test(index.type.text);

const isIndexList = (i: unknown): i is unknown[] => Array.isArray(i);

function itemAt(list: ArrayLike<unknown>, i: unknown): unknown {
  const n = Number(i);
  if (!Number.isInteger(n)) return null;
  const k = n < 0 ? list.length + n : n;
  return k >= 0 && k < list.length ? list[k] : undefined;
}

/** The position an int index names in an [ordered] dictionary, else undefined (a key lookup). */
function position(target: Hashtable, index: unknown, byKey: boolean): number | undefined {
  if (byKey || !target.ordered || typeof index !== 'number' || !Number.isInteger(index) || index !== (index | 0)) return undefined;
  return index;
}

export function indexValue(target: unknown, index: unknown, byKey = false): unknown {
  if (target === null || target === undefined) throw nullArray();
  if (target instanceof Hashtable) {
    const at = position(target, index, byKey);
    if (at !== undefined) return target.values()[at] ?? null;
    if (isIndexList(index)) return index.map(k => target.get(k) ?? null);
    return target.get(index) ?? null;
  }
  if (target instanceof PSObject && typeof index === 'string') return target.get(index) ?? null;
  const list: ArrayLike<unknown> | undefined = Array.isArray(target) ? target
    : typeof target === 'string' ? target
    : target instanceof Map ? undefined
    : typeof (target as Iterable<unknown>)[Symbol.iterator] === 'function' ? [...(target as Iterable<unknown>)] : undefined;
  if (target instanceof Map) return target.get(index) ?? null;
  if (!list) {
    // A scalar behaves as a one-item list: $x[0] and $x[-1] are $x itself; several indexes give $null.
    if (isIndexList(index)) return null;
    return itemAt([target], index) ?? null;
  }
  if (isIndexList(index)) return index.map(i => itemAt(list, i)).filter(v => v !== undefined);
  return itemAt(list, index) ?? null;
}

export function setIndex(target: unknown, index: unknown, value: unknown, byKey = false) {
  if (target === null || target === undefined) throw nullArray();
  if (target instanceof Hashtable) {
    const at = position(target, index, byKey), keys = at === undefined ? undefined : target.keys();
    if (keys && (at! < 0 || at! >= keys.length)) throw new ShellError('ArgumentOutOfRangeException', 'InvalidArgument',
      'Index was out of range. Must be non-negative and less than the size of the collection.', { target: index, exceptionType: 'System.ArgumentOutOfRangeException' });
    target.set(keys ? keys[at!] : index, value);
    return;
  }
  if (target instanceof PSObject) { target.set(String(index), value); return; }
  if (target instanceof Map) { target.set(index, value); return; }
  if (Array.isArray(target)) {
    const n = Number(index), k = n < 0 ? target.length + n : n;
    if (!Number.isInteger(n) || k < 0 || k >= target.length)
      throw new ShellError('IndexOutOfRange', 'InvalidOperation', 'Index was outside the bounds of the array.',
        { target: index, exceptionType: 'System.IndexOutOfRangeException' });
    const element = collectionInfo(target).elementType;   // [int[]]$a; $a[0] = '5' stores 5
    target[k] = element ? element.convert(value) : value;
    return;
  }
  throw new ShellError('CannotIndex', 'InvalidOperation',
    `Unable to index into an object of type ${typeof target === 'string' ? 'System.String' : 'System.Object'}.`,
    { exceptionType: 'System.Management.Automation.RuntimeException' });
}
