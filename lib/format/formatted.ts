// renderFormatted: the text of what Format-Table and Format-List wrote (a FormatRecord). The
// cmdlets have already chosen the columns and computed the values; this applies the same layout
// as the default views, plus the user's -AutoSize, -HideTableHeaders, -Wrap and -GroupBy.
// Imports lib/core and the layout modules of lib/format.

import type { FormatRecord, FormatRow } from '../core/format-records.js';
import { cellText, isNumeric } from './cells.js';
import { layoutList } from './list.js';
import { layoutTable, type TableColumnSpec } from './table.js';

export interface FormattedOptions { width: number; color: boolean }

export function renderFormatted(record: FormatRecord, options: FormattedOptions): string {
  const lines = renderFormattedLines(record, options);
  return lines.length ? lines.join('\n') + '\n' : '';
}

export function renderFormattedLines(record: FormatRecord, options: FormattedOptions): string[] {
  const lines: string[] = [];
  for (const group of groupsOf(record.rows)) {
    const label = record.options.groupLabel;
    if (label !== undefined && cellText(group[0].group) !== '') {
      lines.push('', `   ${label}: ${cellText(group[0].group)}`);
    }
    lines.push(...(record.kind === 'table' ? tableLines(record, group, options) : listLines(group, options)));
  }
  return lines;
}

/** Consecutive rows with the same group value (one group when there is no -GroupBy). */
function groupsOf(rows: readonly FormatRow[]): FormatRow[][] {
  const groups: FormatRow[][] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && cellText(last[0].group) === cellText(row.group)) last.push(row);
    else groups.push([row]);
  }
  return groups;
}

function tableLines(record: FormatRecord, rows: FormatRow[], options: FormattedOptions): string[] {
  const columns: TableColumnSpec[] = record.columns.map((c, i) => ({
    label: c.label, width: c.width,
    alignment: c.alignment ?? (isNumeric(rows[0]?.values[i]) ? 'Right' : 'Left'),
  }));
  const cells = rows.map(r => columns.map((_, i) => cellText(r.values[i])));
  return ['', ...layoutTable(columns, cells, {
    width: options.width, color: options.color,
    hideHeaders: record.options.hideTableHeaders, wrap: record.options.wrap,
  }), ''];
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
