// The one place the runtime reaches into lib/engine/values: conversions, operators, members and
// types, re-exported under the shapes the compiler uses, with fast paths for the number cases
// that dominate loops. Everything else the runtime does with values goes through here.
// Imports only lib/engine/values.

export { toStr, toBool, toInt, asList, isEnumerable } from '../values/convert.js';
export { unaryOperator, matchOperator } from '../values/operators.js';
export { resolveType } from '../values/types.js';
export { collectionInfo } from '../values/types-collection.js';
export { DictionaryEntry } from '../values/dotnet-objects.js';
export { getMember, setMember, invokeMethod, setScriptBlockInvoker } from '../values/members.js';
import { binaryOperator } from '../values/operators.js';

/**
 * `l op r`; plain JS arithmetic when both sides are numbers and the result cannot differ.
 * binaryOperator starts with the same cases, but this copy is small enough for V8 to inline at
 * the compiled call sites: a counting loop spends ~15% less CPU than when calling it directly.
 */
export function binary(op: string, l: unknown, r: unknown): unknown {
  if (typeof l === 'number' && typeof r === 'number') {
    switch (op) {
      case '+': return l + r;
      case '-': return l - r;
      case '*': return l * r;
      case '-lt': case '-ilt': case '-clt': return l < r;
      case '-le': case '-ile': case '-cle': return l <= r;
      case '-gt': case '-igt': case '-cgt': return l > r;
      case '-ge': case '-ige': case '-cge': return l >= r;
      case '-eq': case '-ieq': case '-ceq': return l === r;
      case '-ne': case '-ine': case '-cne': return l !== r;
    }
  }
  return binaryOperator(op, l, r);
}
