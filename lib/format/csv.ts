// toCsv: ConvertTo-Csv's rules in PowerShell 7. The first object's properties name the columns
// (a Hashtable's keys when it is one); later objects fill them by name, missing ones empty. Values
// are their ToString() in the en-US culture (dates `1/1/2030 12:00:00 AM`, arrays
// `System.Object[]`), every field quoted by default, quotes doubled; no `#TYPE` line unless asked
// for. Imports lib/core and ./engine-values only.

import { Hashtable } from '../core/values.js';
import { cultureDateString, getMember, propertyNames, toStr, typeNamesOf } from './engine-values.js';

export type CsvQuoting = 'Always' | 'AsNeeded' | 'Never';

export interface ToCsvOptions {
  delimiter?: string;
  /** PowerShell 7 leaves the #TYPE line out unless -IncludeTypeInformation; false puts it in. */
  noTypeInformation?: boolean;
  useQuotes?: CsvQuoting;
  /** Columns to use instead of the first object's (Export-Csv -Append follows the file's header). */
  columns?: readonly string[];
  /** false: only the data lines (appending below an existing header). */
  header?: boolean;
}

/** The CSV lines of objects, header first (ConvertTo-Csv writes one string per line). */
export function toCsv(objects: readonly unknown[], options: ToCsvOptions = {}): string[] {
  const items = objects.filter(o => o !== null && o !== undefined);
  if (!items.length) return [];
  const delimiter = options.delimiter ?? ',';
  const field = (text: string) => quoteField(text, delimiter, options.useQuotes ?? 'Always');
  const columns = options.columns ?? columnsOf(items[0]);
  const lines: string[] = [];
  if (options.noTypeInformation === false) lines.push(`#TYPE ${typeNamesOf(items[0])[0] ?? 'System.Object'}`);
  if (options.header !== false) lines.push(columns.map(field).join(delimiter));
  for (const item of items) lines.push(columns.map(c => field(csvValue(valueOf(item, c)))).join(delimiter));
  return lines;
}

export function columnsOf(item: unknown): string[] {
  if (item instanceof Hashtable) return item.keys().map(toStr);
  if (typeof item === 'string') return ['Length'];
  return propertyNames(item);
}

const valueOf = (item: unknown, column: string) =>
  item instanceof Hashtable ? item.get(column) : getMember(item, column);

/** ToString() as Export-Csv calls it: culture dates, collections by their type name. */
function csvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return cultureDateString(value);
  if (Array.isArray(value)) return 'System.Object[]';
  return toStr(value);
}

function quoteField(text: string, delimiter: string, quoting: CsvQuoting): string {
  const needed = text.includes(delimiter) || /["\r\n]/.test(text);
  if (quoting === 'Never' || (quoting === 'AsNeeded' && !needed)) return text;
  return `"${text.replace(/"/g, '""')}"`;
}

/** The field names of a CSV header line (for appending below it). */
export function parseCsvHeader(line: string, delimiter = ','): string[] {
  const names: string[] = [];
  let current = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') { current += '"'; i++; }
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === delimiter) { names.push(current); current = ''; }
    else current += c;
  }
  names.push(current);
  return names;
}
