// What Format-Table and Format-List share: the rows they gather, one per pipeline object, and the
// FormatRecord they write once the input ends. Without -Property a row carries its object, and the
// renderer applies the type's default view. A table's columns are fixed by its first object, as
// in PowerShell, and its FormatString waits for the renderer so formatted numbers still align
// right; a list expands the names for each object, so `Format-List *` shows every object's own
// properties. Imports lib/core, lib/engine/cmdlet and ./format-columns only.

import { FormatRecord, type FormatOptions, type FormatRow } from '../../lib/core/format-records.js';
import type { CmdletContext } from '../../lib/engine/cmdlet/index.js';
import { columnValue, expandColumns, parseColumnSpecs, parseGroupBy, type ColumnSpec } from './format-columns.js';

type Kind = 'table' | 'list';
interface Gathering { kind: Kind; specs: ColumnSpec[]; group?: ColumnSpec; columns?: ColumnSpec[]; rows: FormatRow[] }
const gatherings = new WeakMap<CmdletContext, Gathering>();

/** begin: reads -Property and -GroupBy (tables also allow Width and Alignment keys). */
export function startRows(ctx: CmdletContext, kind: Kind, args: { Property?: readonly unknown[]; GroupBy?: unknown }) {
  gatherings.set(ctx, { kind, specs: parseColumnSpecs(args.Property, kind === 'table'), group: parseGroupBy(args.GroupBy), rows: [] });
}

/** process: the row of one pipeline object; $null has none. */
export async function addRow(ctx: CmdletContext, obj: unknown) {
  const gathering = gatherings.get(ctx)!;
  if (obj === undefined || obj === null) return;
  const { kind, specs, rows } = gathering;
  const group = gathering.group ? await columnValue(gathering.group, obj, ctx) : undefined;
  if (!specs.length) { rows.push({ values: [], object: obj, group }); return; }
  const columns = kind === 'table' ? (gathering.columns ??= expandColumns(specs, obj)) : expandColumns(specs, obj);
  const values: unknown[] = [];
  for (const column of columns) values.push(await columnValue(column, obj, ctx, kind === 'table'));
  rows.push(kind === 'table' ? { values, group } : { values, labels: columns.map(c => c.label), group });
}

/** end: the record of every row gathered, or undefined when no object came. */
export function finishRows(ctx: CmdletContext, options: FormatOptions = {}): FormatRecord | undefined {
  const gathering = gatherings.get(ctx)!;
  gatherings.delete(ctx);
  if (!gathering.rows.length) return undefined;
  const columns = (gathering.columns ?? [])
    .map(c => ({ label: c.label, width: c.width, alignment: c.alignment, formatString: c.formatString }));
  return new FormatRecord(gathering.kind, gathering.rows, columns, { ...options, groupLabel: gathering.group?.label });
}
