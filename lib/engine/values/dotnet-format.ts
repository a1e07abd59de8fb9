// .NET composite formatting ('{0,-10:N2}', as -f and [string]::Format use it) and
// formatValue(value, spec), the IFormattable.ToString(format) of numbers, dates and time spans in
// the en-US culture. Values that are not formattable ignore the spec and print as .NET's
// ToString() would ('System.Object[]' for an array). Imports only lib/core and sibling modules.

import { Hashtable } from '../../core/values.js';
import { toStr } from './convert.js';
import { cultureDateString } from './datetime.js';
import { formatDate } from './format-date.js';
import { formatError, formatNumber } from './format-number.js';
import { TimeSpan, formatTimeSpan } from './timespan.js';

const BAD_FORMAT = 'Input string was not in a correct format.';
const BAD_INDEX = 'Index (zero based) must be greater than or equal to zero and less than the size of the argument list.';

/** One value as a format item shows it: `{0:spec}`, or $value.ToString(spec). */
export function formatValue(value: unknown, spec: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, spec);
  if (value instanceof Date) return spec === '' ? cultureDateString(value) : formatDate(value, spec);
  if (value instanceof TimeSpan) return formatTimeSpan(value, spec);
  if (Array.isArray(value)) return 'System.Object[]';
  if (value instanceof Hashtable) return value.ordered ? 'System.Collections.Specialized.OrderedDictionary' : 'System.Collections.Hashtable';
  return toStr(value);
}

interface Item { index: number; align: number; spec: string; end: number }

// '{' index [',' alignment] [':' format] '}', with spaces allowed around index and alignment.
function readItem(format: string, start: number): Item {
  const close = format.indexOf('}', start);
  if (close < 0) throw formatError(BAD_FORMAT);
  const body = format.slice(start + 1, close);
  const m = /^\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?(?::(.*))?$/s.exec(body);
  if (!m) throw formatError(BAD_FORMAT);
  return { index: Number(m[1]), align: Number(m[2] ?? 0), spec: m[3] ?? '', end: close + 1 };
}

function aligned(text: string, align: number) {
  return align < 0 ? text.padEnd(-align) : text.padStart(align);
}

/** String.Format(format, args): '{{' and '}}' are literal braces. */
export function formatString(format: string, args: unknown[]): string {
  let out = '';
  for (let i = 0; i < format.length;) {
    const c = format[i];
    if (c === '{' && format[i + 1] === '{') { out += '{'; i += 2; continue; }
    if (c === '}' && format[i + 1] === '}') { out += '}'; i += 2; continue; }
    if (c === '}') throw formatError(BAD_FORMAT);
    if (c !== '{') { out += c; i++; continue; }
    const item = readItem(format, i);
    if (item.index >= args.length) throw formatError(BAD_INDEX);
    out += aligned(formatValue(args[item.index], item.spec), item.align);
    i = item.end;
  }
  return out;
}
