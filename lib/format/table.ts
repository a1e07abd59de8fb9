// Lays out a table the way PowerShell 7 prints one: a header row, a row of dashes as long as each
// header, one space between columns, numbers (and any Right column) aligned right together with
// their header, no padding after the last column. Columns take their content's width (or the
// width a view fixed); when the table is wider than the console the widest columns give way and
// cut their text with '…', or wrap onto more lines with -Wrap. This module decides what PowerShell
// decides (widths, what gives way, where text is cut); the `table` package lays out the grid with
// no borders, one space of padding between columns. `table` is loaded when the first table is
// printed, so commands that print none never pay for it. Imports lib/core and `table` only.

import { createRequire } from 'node:module';
import type { Alignment } from '../core/format-records.js';

type TablePackage = typeof import('table');
let tablePackage: TablePackage | undefined;
// require, not import(): rendering is synchronous, and the bundle keeps `table` outside it.
const loadTable = (): TablePackage => (tablePackage ??= createRequire(import.meta.url)('table') as TablePackage);

export interface TableColumnSpec {
  label: string;
  /** A width fixed by a view or by -Property @{Width=...}; content is cut to it. */
  width?: number;
  alignment: Alignment;
}

export interface TableLayoutOptions {
  width: number;
  color: boolean;
  hideHeaders?: boolean;
  wrap?: boolean;
}

export const HEADER_STYLE = '\x1b[32;1m';
export const RESET = '\x1b[0m';
const ELLIPSIS = '…';

/** The lines of one table, without the blank lines around it. */
export function layoutTable(columns: TableColumnSpec[], rows: string[][], options: TableLayoutOptions): string[] {
  const cells = rows.map(r => r.map(c => c.replace(/\t/g, ' ')));
  const widths = fitWidths(columns, naturalWidths(columns, cells), options.width);
  const shown = columns.slice(0, widths.length);
  const grid: string[][] = [];
  if (!options.hideHeaders)
    grid.push(shown.map((c, i) => cut(c.label, widths[i])), shown.map((c, i) => '-'.repeat(Math.min(c.label.length, widths[i]))));
  for (const row of cells)
    grid.push(shown.map((_, i) => options.wrap ? wrapText(row[i] ?? '', widths[i]).join('\n') : oneLine(row[i] ?? '', widths[i])));
  if (!grid.length) return [];
  const lines = renderGrid(grid, shown, widths);
  if (!options.hideHeaders && options.color) for (const i of [0, 1]) lines[i] = paint(lines[i], true);
  return lines;
}

/** The grid's lines, laid out by `table`: no borders, a space between columns, none after the last. */
function renderGrid(grid: string[][], columns: TableColumnSpec[], widths: number[]): string[] {
  const { table, getBorderCharacters } = loadTable();
  const text = table(grid.map(row => row.map(printable)), {
    border: getBorderCharacters('void'),
    drawHorizontalLine: () => false,
    columns: widths.map((width, i) => ({ width, alignment: ALIGNMENT[columns[i].alignment],
      paddingLeft: 0, paddingRight: i < widths.length - 1 ? 1 : 0 })),
  });
  return text.replace(/\n$/, '').split('\n').map(line => line.trimEnd());
}

const ALIGNMENT = { Left: 'left', Right: 'right', Center: 'center' } as const;

/** `table` refuses control characters; the console would show them as nothing useful anyway. */
const printable = (cell: string) => cell.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ');

/** Widths by content; a loop, not Math.max(...rows), which overflows the stack on long listings. */
function naturalWidths(columns: TableColumnSpec[], rows: string[][]): number[] {
  return columns.map((c, i) => {
    if (c.width !== undefined) return c.width;
    let width = Math.max(c.label.length, 1);
    for (const r of rows) width = Math.max(width, longestLine(r[i] ?? ''));
    return width;
  });
}

const longestLine = (text: string) => Math.max(0, ...text.split('\n').map(l => l.length));

/**
 * Shrinks columns until the table fits: one character at a time from the widest column (so
 * long text gives way before short), never below a few characters; columns that still do not
 * fit are dropped from the right, as PowerShell drops them.
 */
function fitWidths(columns: TableColumnSpec[], natural: number[], total: number): number[] {
  const widths = [...natural];
  const floor = (i: number) => Math.min(natural[i], Math.max(3, Math.min(columns[i].label.length, 8)));
  const used = () => widths.reduce((a, b) => a + b, 0) + widths.length - 1;
  while (used() > total) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      if (widths[i] > floor(i) && (widest < 0 || widths[i] > widths[widest])) widest = i;
    }
    if (widest < 0) break;
    widths[widest]--;
  }
  while (widths.length > 1 && used() > total) widths.pop();
  return widths;
}

/** A cell on one line: its first line, cut with '…' when it is too long or had more lines. */
function oneLine(text: string, width: number): string {
  const [first, ...rest] = text.split('\n');
  const line = first.replace(/\r$/, '');
  if (rest.length && line.length < width) return line + ELLIPSIS;
  return cut(line, width);
}

export function cut(text: string, width: number): string {
  return text.length <= width ? text : text.slice(0, Math.max(0, width - 1)) + ELLIPSIS;
}

/** Word-wraps text to a width, breaking inside a word only when the word alone is too long. */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n').map(l => l.replace(/\r$/, ''))) {
    let rest = paragraph;
    while (rest.length > width) {
      const space = rest.lastIndexOf(' ', width);
      const at = space > 0 ? space : width;
      out.push(rest.slice(0, at).trimEnd());
      rest = rest.slice(at).replace(/^ /, '');
    }
    out.push(rest);
  }
  return out;
}

/** Appends many items: `push(...items)` overflows the stack past some 100,000 lines. */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}

const paint = (line: string, color: boolean) => color && line ? HEADER_STYLE + line + RESET : line;
