// renderFormatted: the text of what Format-Table and Format-List wrote (a FormatRecord). The
// cmdlets have already chosen the columns and computed the values; this applies the same layout
// as the default views, plus the user's -AutoSize, -HideTableHeaders, -Wrap and -GroupBy. When no
// properties were named, rows carry their objects and the type's default view picks the columns
// (Format-Table) or, without a list view, every property is listed (Format-List); a string,
// number or enum prints as its text and a hashtable as its entries, as they would alone.
// Imports lib/core and the other modules of lib/format.

import { FormatRecord, type FormatRow } from '../core/format-records.js';
import { cellText, isNumeric } from './cells.js';
import { Hashtable } from '../core/values.js';
import { DictionaryEntry, formatValue, propertyNames, typeNamesOf } from './engine-values.js';
import { findView, resolveView, type ResolvedView } from './views.js';
import { layoutList } from './list.js';
import { isScalar, scalarLines } from './scalars.js';
import { append, layoutTable, type TableColumnSpec } from './table.js';

export interface FormattedOptions { width: number; color: boolean }

export function renderFormatted(record: FormatRecord, options: FormattedOptions): string {
  const lines = renderFormattedLines(record, options);
  return lines.length ? lines.join('\n') + '\n' : '';
}

export function renderFormattedLines(record: FormatRecord, options: FormattedOptions): string[] {
  const lines: string[] = [];
  for (const rows of runsOf(record.rows.flatMap(entryRows), printsAsText)) {
    if (printsAsText(rows[0])) for (const row of rows) append(lines, scalarLines(row.object));
    else append(lines, recordLines(new FormatRecord(record.kind, rows, record.columns, record.options), options));
  }
  return lines;
}

/**
 * A string, number or enum given to Format-Table or Format-List without -Property prints as its
 * text, as PowerShell formats such values out of band: a view of their properties would be empty.
 */
const printsAsText = (row: FormatRow) => row.object !== undefined && isScalar(row.object);

/** A hashtable shows one row per entry, as it does printed alone, not the table as one object. */
const entryRows = (row: FormatRow): FormatRow[] => row.object instanceof Hashtable
  ? [...row.object.entries()].map(([key, value]) => ({ ...row, object: new DictionaryEntry(key, value) }))
  : [row];

/** Consecutive rows with the same key. */
function runsOf(rows: readonly FormatRow[], key: (row: FormatRow) => unknown): FormatRow[][] {
  const runs: FormatRow[][] = [];
  for (const row of rows) {
    const last = runs.at(-1);
    if (last && key(last[0]) === key(row)) last.push(row);
    else runs.push([row]);
  }
  return runs;
}

function recordLines(given: FormatRecord, options: FormattedOptions): string[] {
  const record = withDefaultView(given);
  const lines: string[] = [];
  for (const group of groupsOf(record.rows)) {
    const label = record.options.groupLabel;
    if (label !== undefined && cellText(group[0].group) !== '') {
      lines.push('', `${' '.repeat(record.options.groupIndent ?? 3)}${label}: ${cellText(group[0].group)}`);
    }
    append(lines, record.kind === 'table' ? tableLines(record, group, options) : listLines(group, options));
  }
  return lines;
}

/** A record whose rows carry objects, made concrete with the view their type prints with. */
function withDefaultView(record: FormatRecord): FormatRecord {
  const first = record.rows[0]?.object;
  if (first === undefined || record.columns.length || record.rows[0].labels) return record;
  if (record.kind === 'list') {
    const rows = record.rows.map(r => {
      const view = listView(r.object);
      return { ...r, labels: view.columns.map(c => c.label), values: view.columns.map(c => c.expression(r.object)) };
    });
    return new FormatRecord('list', rows, [], record.options);
  }
  const view = tableView(first);
  const group = record.options.groupLabel === undefined && view.kind === 'table' ? view.groupBy : undefined;
  const rows = record.rows.map(r => ({ ...r, values: view.columns.map(c => c.expression(r.object)),
    group: group ? group.expression(r.object) : r.group }));
  const columns = view.columns.map(c => ({ label: c.label, width: c.width, alignment: c.alignment }));
  const options = group ? { ...record.options, groupLabel: group.label, groupIndent: group.indent } : record.options;
  return new FormatRecord('table', rows, columns, options);
}

/** Format-Table without -Property: the type's view, else every property of the first object. */
const tableView = (obj: unknown): ResolvedView =>
  findView(typeNamesOf(obj)) ?? resolveView({ kind: 'table', properties: propertyNames(obj) });

/** Format-List without -Property: a list view when the type has one, else every property. */
function listView(obj: unknown): ResolvedView {
  const view = findView(typeNamesOf(obj));
  return view?.kind === 'list' ? view : resolveView({ kind: 'list', properties: propertyNames(obj) });
}

/** Consecutive rows with the same group value (one group when there is no -GroupBy). */
const groupsOf = (rows: readonly FormatRow[]) => runsOf(rows, row => cellText(row.group));

function tableLines(record: FormatRecord, rows: FormatRow[], options: FormattedOptions): string[] {
  const columns: TableColumnSpec[] = record.columns.map((c, i) => ({
    label: c.label, width: c.width,
    alignment: c.alignment ?? (isNumeric(rows[0]?.values[i]) ? 'Right' : 'Left'),
  }));
  const shown = (value: unknown, i: number) => {
    const format = record.columns[i]?.formatString;
    return format !== undefined && value !== null && value !== undefined ? formatValue(value, format) : cellText(value);
  };
  const cells = rows.map(r => columns.map((_, i) => shown(r.values[i], i)));
  return append(append([''], layoutTable(columns, cells, {
    width: options.width, color: options.color,
    hideHeaders: record.options.hideTableHeaders, wrap: record.options.wrap,
  })), ['']);
}

function listLines(rows: FormatRow[], options: FormattedOptions): string[] {
  const lines: string[] = [];
  for (const row of rows) {
    const labels = row.labels ?? [];
    lines.push('', ...layoutList(labels.map((l, i) => [l, cellText(row.values[i])]), options));
  }
  lines.push('');
  return lines;
}
