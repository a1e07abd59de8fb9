// `$a[i]` reading and writing: negative indices count from the end, an array of indices (or a
// range) selects several items and skips those out of range, hashtables index by key, strings by
// character, a scalar indexed by 0 is itself, and indexing $null is an error (as in PowerShell 7).

import { ShellError } from '../../core/errors.js';
import { Hashtable, PSObject } from '../../core/values.js';

function nullArray(): ShellError {
  return new ShellError('NullArray', 'InvalidOperation', 'Cannot index into a null array.',
    { exceptionType: 'System.Management.Automation.RuntimeException' });
}

const isIndexList = (i: unknown): i is unknown[] => Array.isArray(i);

function itemAt(list: ArrayLike<unknown>, i: unknown): unknown {
  const n = Number(i);
  if (!Number.isInteger(n)) return null;
  const k = n < 0 ? list.length + n : n;
  return k >= 0 && k < list.length ? list[k] : undefined;
}

export function indexValue(target: unknown, index: unknown): unknown {
  if (target === null || target === undefined) throw nullArray();
  if (target instanceof Hashtable) {
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
    // A scalar behaves as a one-item list: $x[0] and $x[-1] are $x itself.
    if (isIndexList(index)) return index.map(i => itemAt([target], i)).filter(v => v !== undefined);
    return itemAt([target], index) ?? null;
  }
  if (isIndexList(index)) return index.map(i => itemAt(list, i)).filter(v => v !== undefined);
  return itemAt(list, index) ?? null;
}

export function setIndex(target: unknown, index: unknown, value: unknown) {
  if (target === null || target === undefined) throw nullArray();
  if (target instanceof Hashtable) { target.set(index, value); return; }
  if (target instanceof PSObject) { target.set(String(index), value); return; }
  if (target instanceof Map) { target.set(index, value); return; }
  if (Array.isArray(target)) {
    const n = Number(index), k = n < 0 ? target.length + n : n;
    if (!Number.isInteger(n) || k < 0 || k >= target.length)
      throw new ShellError('IndexOutOfRange', 'InvalidOperation', 'Index was outside the bounds of the array.',
        { target: index, exceptionType: 'System.IndexOutOfRangeException' });
    target[k] = value;
    return;
  }
  throw new ShellError('CannotIndex', 'InvalidOperation',
    `Unable to index into an object of type ${typeof target === 'string' ? 'System.String' : 'System.Object'}.`,
    { exceptionType: 'System.Management.Automation.RuntimeException' });
}
