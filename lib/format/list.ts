// Lays out one object as PowerShell's list view: `Name : value`, the labels padded to the longest
// label of the object. A value longer than the console, or holding line breaks, continues on the
// next lines, indented to start under the first line's value. Imports ./table for the shared
// wrapping and colour constants only.

import { HEADER_STYLE, RESET, wrapText } from './table.js';

/** The lines of one list entry, without the blank lines between entries. */
export function layoutList(entries: [string, string][], options: { width: number; color: boolean }): string[] {
  const labelWidth = Math.max(0, ...entries.map(([label]) => label.length));
  const indent = ' '.repeat(labelWidth + 3);
  const valueWidth = Math.max(10, options.width - indent.length);
  const lines: string[] = [];
  for (const [label, value] of entries) {
    const head = label.padEnd(labelWidth) + ' : ';
    const [first, ...more] = wrapText(value, valueWidth);
    lines.push((options.color ? HEADER_STYLE + head + RESET : head) + first);
    for (const line of more) lines.push(indent + line);
  }
  return lines;
}
