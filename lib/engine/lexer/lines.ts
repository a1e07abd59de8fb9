// Spans for tokens and nodes, fast: lib/core's spanOf counts lines from the top of the file for
// every span, which is quadratic over a long script. This keeps one table of line starts per
// source and finds a line by binary search. Imports only lib/core.

import type { Source, Span } from '../../core/span.js';

const tables = new WeakMap<Source, number[]>();

function lineStarts(source: Source): number[] {
  let starts = tables.get(source);
  if (!starts) {
    starts = [0];
    const text = source.text;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    tables.set(source, starts);
  }
  return starts;
}

export function makeSpan(source: Source, start: number, end: number): Span {
  const starts = lineStarts(source);
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= start) lo = mid; else hi = mid - 1;
  }
  return { source, start, end, line: lo + 1, column: start - starts[lo] + 1 };
}
