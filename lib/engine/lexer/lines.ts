// Spans for tokens and nodes, fast: a span records its offsets only, and works out its line and
// column when asked (an error message, a caret). Most spans are never asked, and a parse makes
// one per token and node, so the line search is paid for only by the few that are. Line starts
// are kept in one table per source and searched by bisection (lib/core's spanOf counts lines from
// the top of the file, quadratic over a long script). Imports only lib/core.

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

/** The index of the line holding `offset`, counted from 0. */
function lineIndex(source: Source, offset: number): number {
  const starts = lineStarts(source);
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}

export class LazySpan implements Span {
  declare readonly source: Source;
  declare readonly start: number;
  declare readonly end: number;
  // Assigned here rather than as parameter properties, which compile to class fields whose
  // initialiser is a second call per span.
  constructor(source: Source, start: number, end: number) {
    this.source = source;
    this.start = start;
    this.end = end;
  }
  get line(): number { return lineIndex(this.source, this.start) + 1; }
  get column(): number { return this.start - lineStarts(this.source)[lineIndex(this.source, this.start)] + 1; }
}

export function makeSpan(source: Source, start: number, end: number): Span {
  return new LazySpan(source, start, end);
}
