// Source text and spans. Every token and syntax node carries a Span so that an error can show the
// file, line, column and a caret under the offending text. Imports nothing.

export interface Source {
  readonly name: string;        // file path, or '<command>' / '<stdin>' / '<interactive>'
  readonly text: string;
}

export interface Span {
  readonly source: Source;
  readonly start: number;       // offset of the first character
  readonly end: number;         // offset just past the last character
  readonly line: number;        // 1-based line of `start`
  readonly column: number;      // 1-based column of `start`
}

export const makeSource = (name: string, text: string): Source => ({ name, text });

/** Line and column (both 1-based) of an offset. */
export function positionOf(source: Source, offset: number): { line: number; column: number } {
  let line = 1, lineStart = 0;
  for (let i = source.text.indexOf('\n'); i !== -1 && i < offset; i = source.text.indexOf('\n', i + 1)) {
    line++; lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

export function spanOf(source: Source, start: number, end: number): Span {
  return { source, start, end, ...positionOf(source, start) };
}

/** A span covering both spans (they must share a source). */
export const joinSpans = (a: Span, b: Span): Span =>
  ({ source: a.source, start: a.start, end: b.end, line: a.line, column: a.column });

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
