// The parser's cursor over the lexer. The parser asks for each token in a mode (argument mode for
// command arguments, expression mode after a value...); a token peeked in one mode and wanted in
// another is lexed again from the same place. Errors are collected here; `fail` records one and
// abandons the statement (the statement list resynchronises). Imports the lexer and lib/core.

import { ShellError } from '../../core/errors.js';
import { LazySpan, type Source, type Span } from '../../core/span.js';
import { Lexer } from '../lexer/scanner.js';
import { BACKTICK, CR, END, HASH, LF, LT, SEMI, SPACES_AND_TABS, runEnd } from '../lexer/chars.js';
import type { LexMode, Token } from '../lexer/token.js';
import type { AnyAst } from './ast.js';

/** Thrown by `fail` to leave the statement being parsed; caught by the statement list. */
export class Bail extends Error {}

export interface Problem { error: ShellError; incomplete: boolean }

export class ParserState {
  readonly lx: Lexer;
  readonly source: Source;
  /** Offset just past the last consumed token: where the next token's trivia begins. */
  pos: number;
  lastEnd: number;
  /** The token peeked at `pos` (it ends at its own `end`), and the mode it was read in. */
  private cached: Token | undefined;
  private cachedMode: LexMode | undefined;
  /** Depth of contexts where a comma separates items rather than building an array. */
  noComma = 0;

  constructor(source: Source, start = 0, limit = source.text.length, readonly problems: Problem[] = []) {
    this.lx = new Lexer(source, start, limit);
    this.source = source;
    this.pos = this.lastEnd = start;
  }

  // The cursor's methods run once or more per token, mostly before V8 optimises them: each reads
  // a field once into a local (in baseline code every property read is a call into an IC).
  peek(mode: LexMode): Token {
    const cached = this.cached;
    if (cached !== undefined && (this.cachedMode === mode || sameInMode(cached, this.cachedMode!, mode))) return cached;
    const lx = this.lx;
    lx.pos = this.pos;
    this.cachedMode = mode;
    return this.cached = lx.next(mode);
  }

  /** Consumes the token last peeked. */
  consume(): Token {
    const t = this.cached!, errors = t.errors;
    this.pos = this.lastEnd = t.end;
    this.cached = undefined;
    if (errors !== undefined) for (const e of errors) this.error(e.id, e.message, this.span(e.start, e.end), e.incomplete);
    return t;
  }

  next(mode: LexMode): Token { this.peek(mode); return this.consume(); }

  /** Peeks the one-character operator at the cursor, whatever the lexer would read there: the
   *  `.` of `$h.1`, which expression mode would take for the number `.1`. */
  peekOperator(): Token {
    const t = this.lx.token('Operator', this.pos, this.pos + 1, false);
    t.value = t.text;
    this.cached = t;
    this.cachedMode = 'expression';
    return t;
  }

  /** Is the next token this punctuation or operator text? (case-insensitive for words) */
  at(text: string, mode: LexMode = 'expression'): boolean {
    const t = this.peek(mode), kind = t.kind;
    return (kind === 'Punctuation' || kind === 'Operator') && (t.value ?? t.text) === text;
  }

  eat(text: string, mode: LexMode = 'expression'): Token | undefined {
    return this.at(text, mode) ? this.consume() : undefined;
  }

  atKeyword(word: string): boolean {
    const t = this.peek('statement');
    return t.kind === 'Keyword' && t.value === word;
  }

  /** Consumes newlines (and `;` too with `semicolons`). A newline or `;` after spaces and tabs
   *  is stepped over on the characters, as consuming its token would (pos and lastEnd move past
   *  it; such a token never carries an error), so the tree's thousands of line ends make no
   *  tokens; where a comment or a line continuation may come first, the tokens decide. Where
   *  none follows the caller lexes the next token once, in its own mode. */
  skipNewlines(semicolons = false): void {
    for (;;) {
      let t = this.cached;
      if (t === undefined) {
        const { text, limit } = this.lx;
        const i = this.blankEnd(), c = i < limit ? text.charCodeAt(i) : END;
        if (c === LF || (semicolons && c === SEMI)) { this.pos = this.lastEnd = i + 1; continue; }
        if (c === CR) { this.pos = this.lastEnd = i + 1 < limit && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1; continue; }
        if (!(c === HASH || c === BACKTICK || c === LT || c > 127 || c === 11 || c === 12)) return;
        t = this.peek('argument');
      }
      if (!(t.kind === 'Newline' || (semicolons && t.kind === 'Punctuation' && t.text === ';'))) return;
      this.consume();
    }
  }

  /** Does a newline (or the end of the text) follow, after spaces and tabs? On the characters:
   *  true means the next token would be a Newline or EndOfInput. */
  atLineEnd(): boolean {
    const { text, limit } = this.lx;
    const i = this.blankEnd();
    if (i >= limit) return true;
    const c = text.charCodeAt(i);
    return c === LF || c === CR;
  }

  /** The offset of the first character from `pos` that is not a space or a tab. */
  blankEnd(): number {
    const lx = this.lx;
    return runEnd(SPACES_AND_TABS, lx.text, this.pos, lx.limit);
  }

  mark() { return { pos: this.pos, lastEnd: this.lastEnd, problems: this.problems.length }; }
  reset(m: ReturnType<ParserState['mark']>) {
    this.pos = m.pos; this.lastEnd = m.lastEnd; this.problems.length = m.problems; this.cached = undefined;
  }

  /** A span of the source, for an error or one of the few parts of the tree that are not nodes
   *  (a catch clause, a named attribute argument, a redirection): nodes are their own spans. */
  span(start: number, end: number): Span { return new LazySpan(this.source, start, end); }
  /** From `start` to the end of the last token consumed. */
  spanFrom(start: number): Span { return new LazySpan(this.source, start, this.endFrom(start)); }
  /** Where a node that began at `start` ends: just past the last token consumed, or at `start`
   *  when it took none (an empty body). */
  endFrom(start: number): number { const end = this.lastEnd; return end > start ? end : start; }
  /** The span of a token, for an error. */
  tokenSpan(t: Token): Span { return new LazySpan(this.source, t.start, t.end); }

  /** The empty place just after a token: where PowerShell points when what should follow it is missing. */
  after(token: Token): Span { return new LazySpan(this.source, token.end, token.end); }

  error(id: string, message: string, span: Span, incomplete = false): void {
    this.problems.push({ error: new ShellError(id, 'ParserError', message, { span }), incomplete });
  }

  /** Records an error at `token` and abandons the statement. At end of input it is incomplete. */
  fail(id: string, message: string, token: Token, span: Span = this.tokenSpan(token)): never {
    this.error(id, message, span, token.kind === 'EndOfInput');
    throw new Bail(id);
  }

  unexpected(token: Token): never {
    if (token.kind === 'EndOfInput') this.fail('UnexpectedToken', 'Unexpected end of input.', token);
    this.fail('UnexpectedToken', `Unexpected token '${token.text}' in expression or statement.`, token);
  }
}

/** A node made its own span. Each node is written as one object literal with its source, start
 *  and end (and `span: null!`, so that the field is in the literal's shape), then passed here.
 *  A separate span object per node was a third of the objects the tree keeps, and the scavenger
 *  copies every one of them while the tree grows (about 16% of a 5,000-line parse's
 *  main-thread instructions). */
export function own<T extends AnyAst>(node: T & Span): T {
  (node as { span: Span }).span = node as Span;
  return node;
}

/** Would lexing again in `mode` give the same token? Saves most re-lexing when modes change. */
function sameInMode(t: Token, lexedIn: LexMode, mode: LexMode): boolean {
  if (mode === 'type' || lexedIn === 'type') return false;
  switch (t.kind) {
    case 'Variable': case 'SplattedVariable': case 'String': case 'ExpandableString': case 'Newline': case 'EndOfInput':
    case 'Redirection':
      return true;
    // `[` opens a cast or attribute at a statement's start as in an expression (an argument reads
    // it as part of a word); `]` differs in both.
    case 'Punctuation': { const text = t.text; return text === '[' ? lexedIn !== 'argument' && mode !== 'argument' : text !== ']'; }
    case 'Operator': { const text = t.text; return text === ',' || text === '|' || text === '||' || text === '&&'; }
    // An unsigned number read where a word must end after it (an argument) or where no word
    // character may follow (a statement's start) is the number an expression reads there.
    case 'Number': return startsUnsigned(t.text) && (mode === 'expression' || (lexedIn === 'argument' && mode === 'statement'));
    // A bare word at a statement's start reads the same as an argument (not the other way round:
    // the start of a statement also knows keywords, labels, casts and arithmetic).
    case 'Generic': return lexedIn === 'statement' && mode === 'argument';
    default: return false;
  }
}

const startsUnsigned = (text: string) => { const c = text.charCodeAt(0); return (c >= 48 && c <= 57) || c === 46; };

/** A statement or value terminator: the parser stops an argument list or an expression here. */
export function endsStatement(t: Token): boolean {
  const kind = t.kind;
  if (kind === 'Newline' || kind === 'EndOfInput') return true;
  if (kind === 'Punctuation') { const text = t.text; return text === ';' || text === ')' || text === '}'; }
  if (kind !== 'Operator') return false;
  const text = t.text;
  return text === '|' || text === '||' || text === '&&' || text === '&';
}
