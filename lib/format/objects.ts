// renderObjects: PowerShell's Out-Default as text. Scalars print one per line; objects are taken
// in runs of one type and each run printed through its view: the registered view of its type
// name, else a table when the run's first object has at most four properties and a list beyond
// (PowerShell's rule), the table's columns fixed by that first object. Hashtables print one
// Name/Value row per entry; dates print in their long form with a blank line around the run, as
// their view does in PowerShell; Format-* records and error records print as themselves.
// Imports lib/core, ./engine-values and the layout modules of lib/format.

import { ErrorRecord } from '../core/errors.js';
import { FormatRecord } from '../core/format-records.js';
import { Hashtable, PSObject } from '../core/values.js';
import { displayDate, propertyNames, typeNamesOf } from './engine-values.js';
import { cellText, isNumeric } from './cells.js';
import { renderError } from './errors.js';
import { renderFormattedLines } from './formatted.js';
import { layoutList } from './list.js';
import { isScalar, scalarLines } from './scalars.js';
import { append, layoutTable, type TableColumnSpec } from './table.js';
import { findView, resolveView, type GroupBy, type ResolvedView } from './views.js';

export interface RenderOptions { width: number; color: boolean }

/** The console text of output objects, every line ending in '\n' ('' when nothing shows). */
export function renderObjects(objects: unknown[], options: RenderOptions): string {
  const lines = renderLines(objects, options);
  return lines.length ? lines.join('\n') + '\n' : '';
}

export function renderLines(objects: unknown[], options: RenderOptions): string[] {
  const items = expand(objects);
  const lines: string[] = [];
  for (let i = 0; i < items.length;) {
    const item = items[i];
    if (item instanceof FormatRecord) { append(lines, renderFormattedLines(item, options)); i++; continue; }
    if (item instanceof ErrorRecord) { lines.push(...renderError(item, options).replace(/\n$/, '').split('\n')); i++; continue; }
    if (item instanceof Date) {
      const run = takeRun(items, i, x => x instanceof Date);
      append(lines, ['', ...run.map(d => displayDate(d as Date)), '']);
      i += run.length; continue;
    }
    if (isScalar(item)) { lines.push(...scalarLines(item)); i++; continue; }
    const key = runKey(item);
    const run = takeRun(items, i, x => !isScalar(x) && !(x instanceof Date) && runKey(x) === key);
    append(lines, renderRun(run, options));
    i += run.length;
  }
  return lines;
}

/** Arrays are enumerated as the pipeline would; a Hashtable becomes its entries. */
function expand(objects: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const o of objects) {
    if (Array.isArray(o)) append(out, expand(o));
    else if (o instanceof Hashtable) append(out, [...o.entries()].map(([k, v]) => dictionaryEntry(k, v)));
    else if (o !== null && o !== undefined) out.push(o);
  }
  return out;
}

const dictionaryEntry = (key: unknown, value: unknown) =>
  new PSObject([['Name', key], ['Value', value], ['Key', key]], ['System.Collections.DictionaryEntry']);

function takeRun(items: unknown[], start: number, same: (x: unknown) => boolean): unknown[] {
  let end = start + 1;
  while (end < items.length && same(items[end])) end++;
  return items.slice(start, end);
}

/**
 * Whether `next` prints in the same table or list as `previous`: the host holds objects back while
 * this is true and renders them together (files and directories share a view, so they share a
 * table; scalars and dates are never held).
 */
export function sameRun(previous: unknown, next: unknown): boolean {
  const held = (x: unknown) => x !== null && x !== undefined && !isScalar(x) && !(x instanceof Date)
    && !(x instanceof FormatRecord) && !(x instanceof ErrorRecord) && !Array.isArray(x) && !(x instanceof Hashtable);
  return held(previous) && held(next) && runKey(previous) === runKey(next);
}

/** Objects sharing a registered view (files and directories) print together; others by type name. */
const runKey = (value: unknown): unknown => findView(typeNamesOf(value)) ?? typeNamesOf(value)[0] ?? '';

/** The view a run prints with: its type's, else the default rule applied to the first object. */
export function viewOf(first: unknown): ResolvedView {
  const registered = findView(typeNamesOf(first));
  if (registered) return registered;
  const names = propertyNames(first);
  return resolveView({ kind: names.length <= 4 ? 'table' : 'list', properties: names });
}

function renderRun(run: unknown[], options: RenderOptions): string[] {
  const view = viewOf(run[0]);
  if (view.kind === 'list' && !findView(typeNamesOf(run[0]))) {
    // Without a view every object lists its own properties (they may differ within a type).
    return groupLines(run, undefined, group => listLines(group.map(o => [o, viewOf(o)]), options));
  }
  return groupLines(run, view.groupBy, group => view.kind === 'table'
    ? tableLines(view, group, options) : listLines(group.map(o => [o, view]), options));
}

/** Splits a run where its group value changes, each group under its `   Label: value` header. */
function groupLines(run: unknown[], groupBy: GroupBy | undefined, render: (group: unknown[]) => string[]): string[] {
  if (!groupBy) return render(run);
  const lines: string[] = [];
  for (let i = 0; i < run.length;) {
    const value = cellText(groupBy.expression(run[i]));
    const group = takeRun(run.slice(i), 0, x => cellText(groupBy.expression(x)) === value);
    if (value !== '') lines.push('', `${' '.repeat(groupBy.indent ?? 3)}${groupBy.label}: ${value}`);
    append(lines, render(group));
    i += group.length;
  }
  return lines;
}

function tableLines(view: ResolvedView, objects: unknown[], options: RenderOptions): string[] {
  const values = objects.map(o => view.columns.map(c => c.expression(o)));
  const columns: TableColumnSpec[] = view.columns.map((c, i) => ({
    label: c.label, width: c.width,
    alignment: c.alignment ?? (isNumeric(values[0]?.[i]) ? 'Right' : 'Left'),
  }));
  const rows = values.map(r => r.map(cellText));
  return append(append([''], layoutTable(columns, rows, options)), ['']);
}

function listLines(entries: [unknown, ResolvedView][], options: RenderOptions): string[] {
  const lines: string[] = [];
  for (const [obj, view] of entries) {
    lines.push('', ...layoutList(view.columns.map(c => [c.label, cellText(c.expression(obj))]), options));
  }
  lines.push('');
  return lines;
}
