// Source text and spans. Every token and syntax node has a Span so that an error can show the
// file, line, column and a caret under the offending text. A span is only a source and two
// offsets: the parser's nodes are their own spans (a node's `span` is the node), so a parse makes
// no span object per node; line and column are worked out when an error is shown (LocatedSpan).
// Imports nothing.

export interface Source {
  readonly name: string;        // file path, or '<command>' / '<stdin>' / '<interactive>'
  readonly text: string;
}

export interface Span {
  readonly source: Source;
  readonly start: number;       // offset of the first character
  readonly end: number;         // offset just past the last character
}

/** A span with its place in lines: what a ShellError hands its readers. */
export interface LocatedSpan extends Span {
  readonly line: number;        // 1-based line of `start`
  readonly column: number;      // 1-based column of `start`
}

export const makeSource = (name: string, text: string): Source => ({ name, text });

// Line starts, one table per source, searched by bisection (counting lines from the top of the
// file for each span would be quadratic over a long script).
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
function lineIndex(starts: number[], offset: number): number {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** Line and column (both 1-based) of an offset. */
export function positionOf(source: Source, offset: number): { line: number; column: number } {
  const starts = lineStarts(source), index = lineIndex(starts, offset);
  return { line: index + 1, column: offset - starts[index] + 1 };
}

/** A span that works out its line and column when asked: most spans never are. */
export class LazySpan implements LocatedSpan {
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
  get line(): number { return lineIndex(lineStarts(this.source), this.start) + 1; }
  get column(): number {
    const starts = lineStarts(this.source);
    return this.start - starts[lineIndex(starts, this.start)] + 1;
  }
}

export function spanOf(source: Source, start: number, end: number): LocatedSpan {
  return new LazySpan(source, start, end);
}

/** The span with its line and column (itself when it has them). */
export function located(span: Span): LocatedSpan {
  return 'line' in span ? span as LocatedSpan : new LazySpan(span.source, span.start, span.end);
}

/** A span covering both spans (they must share a source). */
export const joinSpans = (a: Span, b: Span): Span => new LazySpan(a.source, a.start, b.end);

/** The text of the span's first line, and a caret line underneath the spanned part of it. */
export function caretLines(span: Span): [string, string] {
  const text = span.source.text;
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  let lineEnd = text.indexOf('\n', span.start);
  if (lineEnd === -1) lineEnd = text.length;
  const lineText = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const width = Math.max(1, Math.min(span.end, lineEnd) - span.start);
  return [lineText, ' '.repeat(span.start - lineStart) + '~'.repeat(width)];
}
