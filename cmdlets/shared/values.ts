// The value helpers the built-in cmdlets use, re-exported from lib/engine/values in one place so
// that a change of name or signature there is absorbed here, not in forty cmdlet files. Also the
// few small conversions every built-in needs (a script block's output as one value, wildcards).
// Imports only lib/engine/values.

import { toStr, toBool, toNumber, toInt, toDate, asList, isEnumerable } from '../../lib/engine/values/convert.js';
import { compareValues, equalValues } from '../../lib/engine/values/compare.js';
import { binaryOperator } from '../../lib/engine/values/operators.js';
import { wildcardToRegExp } from '../../lib/engine/values/wildcard.js';
import {
  getMember, hasMember, invokeMethod, listMembers, listStaticMembers, MethodReference, staticTypeOf, typeNameOf,
} from '../../lib/engine/values/members.js';

export { toStr, toBool, toNumber, toInt, toDate, asList, isEnumerable };
export { compareValues, equalValues, binaryOperator, wildcardToRegExp };
export { getMember, hasMember, invokeMethod, listMembers, listStaticMembers, MethodReference, staticTypeOf, typeNameOf };
export { formatValue } from '../../lib/engine/values/dotnet-format.js';

/** A script block's output as PowerShell assigns it: nothing → $null, one → it, more → an array. */
export const single = (output: unknown[]): unknown =>
  output.length === 0 ? null : output.length === 1 ? output[0] : output;

/** Does a name contain wildcard characters (`* ? [`)? */
export const hasWildcard = (name: string) => /[*?[]/.test(name);
