// The lexer: one pass over character codes, one token per call, in the mode the parser asks for
// (about_Parsing: argument mode reads `a.txt` and `2` as words and numbers ending at whitespace,
// expression mode reads operators). Whitespace, comments and backtick line continuations are
// skipped and noted on the next token as `spaceBefore`. Errors are collected, never thrown.
// Imports lib/core and ./ only.

import type { Source } from '../../core/span.js';
import {
  AMP, AT, BACKTICK, COLON, COMMA, CR, DASH, DOLLAR, DOT, DQUOTE, END, EQ, GT, HASH, LBRACE, LBRACKET, LF, LPAREN, LT,
  PIPE, PLUS, QUESTION, RBRACE, RBRACKET, RPAREN, SEMI, SPACE, SQUOTE, STAR, BANG, SLASH, PERCENT,
  BLANKS, IDENT_CHAR, IDENT_CHARS, IDENT_START, LINE_REST, SPACE_CHAR, TRIVIA_START, TYPE_NAME_CHARS, classes, runEnd,
  endsBareWord, isDash, isDigit, isDoubleQuote, isIdentChar, isIdentStart, isNewline, isSingleQuote, isSpace,
} from './chars.js';
import { scanNumber } from './numbers.js';
import { isDashOperator, keywords } from './operators.js';
import { scanDouble, scanHere, scanSingle } from './strings.js';
import { hasColon, type LexError, type LexMode, type Token, type TokenKind } from './token.js';
import { scanVariable, startsVariable } from './variables.js';
import { bareWordEnd, scanBareWord, scanParameter } from './words.js';

export class Lexer {
  readonly text: string;
  pos: number;
  /** Errors found since the last token was made; token() hands them to the next one. */
  private pending: LexError[] | undefined;
  /** Return comments as tokens (highlighting) instead of skipping them (parsing). */
  keepComments = false;

  constructor(readonly source: Source, start = 0, readonly limit = source.text.length) {
    this.text = source.text;
    this.pos = start;
  }

  code(i: number): number { return i < this.limit ? this.text.charCodeAt(i) : END; }

  error(id: string, message: string, start: number, end: number, incomplete = false) {
    (this.pending ??= []).push({ id, message, start, end, incomplete });
  }

  /** A token from `start` to `end`, carrying the errors found while reading it; the caller sets
   *  the fields its kind has (value, data). Every token is made here, as one object literal: all
   *  tokens share one hidden class, so the parser's reads of them stay monomorphic (most run
   *  before V8 has optimised anything), and a literal copies its constant fields from a template
   *  instead of storing each. */
  token(kind: TokenKind, start: number, end: number, spaceBefore: boolean): Token {
    this.pos = end;
    const t: Token = { kind, text: this.text.slice(start, end), start, end, spaceBefore, value: undefined, data: undefined, errors: undefined };
    if (this.pending !== undefined) { t.errors = this.pending; this.pending = undefined; }
    return t;
  }

  /** Before reading tokens inside another (the `$( )` of a string): the outer token's errors so
   *  far, kept aside until resumeErrors; the inner tokens carry their own. */
  suspendErrors(): LexError[] | undefined {
    const outer = this.pending;
    this.pending = undefined;
    return outer;
  }
  resumeErrors(outer: LexError[] | undefined): void { this.pending = outer; }

  /** A token read as part of another (a variable in a string): its errors, and those found before
   *  it, belong to the outer token. */
  giveBackErrors(t: Token): void {
    if (t.errors !== undefined) { this.pending = t.errors; t.errors = undefined; }
  }

  /** The next token, read in `mode`. Its errors travel with it, so a token lexed again in another
   *  mode, or never used, reports nothing. The tokens every mode reads alike are read here, in
   *  one function: until V8 optimises the lexer, each call costs more than the tests. */
  next(mode: LexMode): Token {
    const text = this.text, limit = this.limit;
    let start = this.pos, space = false;
    let c = start < limit ? text.charCodeAt(start) : END;
    // Most tokens follow no trivia, or one run of spaces: skipTrivia only where trivia may start.
    if (c >= 128 || (classes[c + 1] & TRIVIA_START) !== 0) {
      space = this.skipTrivia();
      start = this.pos;
      c = start < limit ? text.charCodeAt(start) : END;
    }
    if (c === END) return this.token('EndOfInput', limit, limit, space);
    const c1 = start + 1 < limit ? text.charCodeAt(start + 1) : END;
    if (this.keepComments && (c === HASH || (c === LT && c1 === HASH))) return this.comment(start, space);
    if (c === LF) return this.token('Newline', start, start + 1, space);
    if (c === CR) return this.token('Newline', start, c1 === LF ? start + 2 : start + 1, space);
    if (mode === 'type') return this.typeToken(start, c, space);
    // A letter or `_`, the commonest start, is read alike by no rule below but the last.
    if (c < 128 && (classes[c + 1] & IDENT_START) !== 0) {
      return mode === 'expression' ? this.identifier(start, space) : this.word(start, mode === 'statement', space);
    }
    switch (c) {
      case SEMI: case LPAREN: case RPAREN: case LBRACE: case RBRACE:
        return this.token('Punctuation', start, start + 1, space);
      case COMMA: return this.op(start, 1, space);
      case PIPE: return this.op(start, c1 === PIPE ? 2 : 1, space);
      case AMP: return this.op(start, c1 === AMP ? 2 : 1, space);
      case DOLLAR:
        if (c1 === LPAREN) return this.token('Punctuation', start, start + 2, space);
        if (startsVariable(this, start)) return scanVariable(this, start, space);
        if (mode !== 'expression') return scanBareWord(this, start, space);
        this.error('InvalidVariableReference', "Variable reference is not valid. '$' was not followed by a valid variable name character. Consider using ${} to delimit the name.", start, start + 1);
        return this.token('Unknown', start, start + 1, space);
      case AT:
        if (c1 === LPAREN || c1 === LBRACE) return this.token('Punctuation', start, start + 2, space);
        if (isSingleQuote(c1) || isDoubleQuote(c1)) return scanHere(this, start, space);
        if (isIdentChar(c1) || c1 === QUESTION) return scanVariable(this, start, space);
        return mode === 'expression' ? this.token('Unknown', start, start + 1, space) : scanBareWord(this, start, space);
      case GT: return this.redirection(start, start, space);
      case LT: return this.token('Redirection', start, start + 1, space);
      case SQUOTE: return scanSingle(this, start, space);
      case DQUOTE: return scanDouble(this, start, space);
    }
    if (c >= 128) {   // typographic quotes
      if (isSingleQuote(c)) return scanSingle(this, start, space);
      if (isDoubleQuote(c)) return scanDouble(this, start, space);
    }
    if ((isDigit(c) || c === STAR) && c1 === GT) return this.redirection(start, start + 1, space);
    return mode === 'expression' ? this.expressionToken(start, c, c1, space) : this.commandToken(start, c, c1, mode === 'statement', space);
  }

  /** Skips whitespace, comments (unless kept) and line continuations; true if it skipped any. */
  private skipTrivia(): boolean {
    const begin = this.pos, text = this.text, limit = this.limit;
    let i = begin;
    for (;;) {
      const c = i < limit ? text.charCodeAt(i) : END;
      if (c < 128 ? (classes[c + 1] & SPACE_CHAR) !== 0 : isSpace(c)) {
        // One space between tokens is the commonest trivia: a run only where a second blank follows.
        i = i + 1 < limit && text.charCodeAt(i + 1) === SPACE ? runEnd(BLANKS, text, i + 2, limit) : i + 1;
        continue;
      }
      if (c === BACKTICK && isNewline(this.code(i + 1))) {
        i += this.code(i + 1) === CR && this.code(i + 2) === LF ? 3 : 2;
        continue;
      }
      if (this.keepComments) break;
      if (c === HASH) { i = runEnd(LINE_REST, text, i + 1, limit); continue; }
      if (c === LT && this.code(i + 1) === HASH) { i = this.blockCommentEnd(i); continue; }
      break;
    }
    this.pos = i;
    return i > begin;
  }

  private blockCommentEnd(start: number): number {
    const close = this.text.indexOf('#>', start + 2);
    if (close < 0 || close + 2 > this.limit) {
      this.error('MissingEndMultiLineComment', "The terminator '#>' is missing from the multiline comment.", start, start + 2, true);
      return this.limit;
    }
    return close + 2;
  }

  private comment(start: number, space: boolean): Token {
    let end: number;
    if (this.code(start) === LT) end = this.blockCommentEnd(start);
    else end = runEnd(LINE_REST, this.text, start + 1, this.limit);
    return this.token('Comment', start, end, space);
  }

  // redirection := ( '*' | digit )? ( '>' | '>>' | '>&' digit )
  private redirection(start: number, gt: number, space: boolean): Token {
    let end = gt + 1;
    if (this.code(end) === GT) end++;
    else if (this.code(end) === AMP && isDigit(this.code(end + 1))) end += 2;
    return this.token('Redirection', start, end, space);
  }

  /** An operator of symbols (`=`, `+=`, `..`): its value is its text. */
  private op(start: number, length: number, space: boolean): Token {
    const t = this.token('Operator', start, start + length, space);
    t.value = t.text;
    return t;
  }

  /** An operator written as a dash and a word (`-eq`, `-AND`): its value is in lower case. */
  private dashOp(start: number, length: number, space: boolean): Token {
    const t = this.token('Operator', start, start + length, space);
    t.value = t.text.toLowerCase();
    return t;
  }

  // Statement start and arguments: bare words, parameters, numbers that end where a word would.
  private commandToken(start: number, c: number, c1: number, statement: boolean, space: boolean): Token {
    if (isDash(c)) {
      if (isDash(c1) && statement && !endsBareWord(this.code(start + 2))) return this.op(start, 2, space);
      const number = this.number(start + 1, -1, space, start, statement);
      if (number) return number;
      if (isDash(c1) || isIdentStart(c1) || c1 === QUESTION) {
        const t = scanParameter(this, start, space);
        if (statement && !hasColon(t) && isDashOperator(t.value!.toLowerCase())) return this.dashOp(start, t.text.length, space);
        return t;
      }
      if (statement) return this.op(start, 1, space);
    }
    if (isDigit(c) || (c === DOT && isDigit(c1))) {
      const number = this.number(start, 1, space, start, statement);
      if (number) return number;
    }
    if (statement) {
      if (c === LBRACKET) return this.token('Punctuation', start, start + 1, space);
      if (c === BANG) return this.op(start, 1, space);
      if (c === PLUS && c1 === PLUS) return this.op(start, 2, space);
      // `+ '123'` is unary plus, an expression; `+x` stays a word (PowerShell's command-mode rule).
      if (c === PLUS && endsBareWord(c1)) return this.op(start, 1, space);
      if (c === PLUS && (isDigit(c1) || c1 === DOT)) { const n = this.number(start + 1, 1, space, start, true); if (n) return n; }
      if (c === DOT && (endsBareWord(c1) || c1 === DOLLAR || isSingleQuote(c1) || isDoubleQuote(c1))) return this.op(start, 1, space);
      if (c === COLON && isIdentStart(c1)) {
        let i = start + 1;
        while (isIdentChar(this.code(i))) i++;
        const label = this.token('Label', start, i, space);
        label.value = this.text.slice(start + 1, i);
        return label;
      }
    }
    return this.word(start, statement, space);
  }

  /** A bare word; at a statement's start, a keyword if it is one and has no escapes. */
  private word(start: number, statement: boolean, space: boolean): Token {
    const word = scanBareWord(this, start, space);
    if (statement && word.value === word.text && keywords.has(word.text.toLowerCase())) {
      word.kind = 'Keyword';
      word.value = word.text.toLowerCase();
    }
    return word;
  }

  /** A member or type name in an expression: letters, digits and `_`. */
  private identifier(start: number, space: boolean): Token {
    const text = this.text, limit = this.limit;
    let i = runEnd(IDENT_CHARS, text, start + 1, limit);
    for (; i < limit; i++) {
      const k = text.charCodeAt(i);
      if (k < 128 ? (classes[k + 1] & IDENT_CHAR) === 0 : !isIdentChar(k)) break;
    }
    const t = this.token('Identifier', start, i, space);
    t.value = t.text;
    return t;
  }

  /** A number in argument mode only when the word ends with it (`2` yes, `2x`, `2+2` and `1.2.3`
   *  no); at the start of a statement when no word character follows (`2+2` is arithmetic). */
  private number(at: number, sign: number, space: boolean, start: number, statement = false): Token | undefined {
    if (!(isDigit(this.code(at)) || (this.code(at) === DOT && isDigit(this.code(at + 1))))) return undefined;
    const scan = scanNumber(this.text, at, this.limit);
    if (!scan) return undefined;
    const after = this.code(scan.end);
    const ends = statement ? !isIdentChar(after) && !(after === DOT && isDigit(this.code(scan.end + 1)))
      : endsBareWord(after) || after === GT;
    if (!ends) return undefined;
    if (scan.error) this.error(scan.error.id, scan.error.message, start, scan.end);
    const t = this.token('Number', start, scan.end, space);
    t.data = { value: sign * scan.value, type: scan.type };
    return t;
  }

  private expressionToken(start: number, c: number, c1: number, space: boolean): Token {
    if (isDash(c)) {
      if (isIdentStart(c1)) {
        let i = runEnd(IDENT_CHARS, this.text, start + 1, this.limit);
        while (isIdentChar(this.code(i))) i++;
        const t = this.dashOp(start, i - start, space);   // `-and`, `-like`: value '-and', '-like'
        const word = t.value!.slice(1);
        if (isDashOperator(word)) {
          if (c !== DASH) t.value = '-' + word;        // a typographic dash reads as '-'
          return t;
        }
        return scanParameter(this, start, space);
      }
      return this.op(start, c1 === EQ || isDash(c1) ? 2 : 1, space);
    }
    switch (c) {
      case PLUS: return this.op(start, c1 === EQ || c1 === PLUS ? 2 : 1, space);
      case STAR: case SLASH: case PERCENT: return this.op(start, c1 === EQ ? 2 : 1, space);
      case EQ: case BANG: return this.op(start, 1, space);
      case LBRACKET: case RBRACKET: return this.token('Punctuation', start, start + 1, space);
      case COLON: return this.op(start, c1 === COLON ? 2 : 1, space);
      case QUESTION:
        if (c1 === QUESTION) return this.op(start, this.code(start + 2) === EQ ? 3 : 2, space);
        return this.op(start, c1 === DOT || c1 === LBRACKET ? 2 : 1, space);
      case DOT:
        if (c1 === DOT) return this.op(start, 2, space);
        if (!isDigit(c1)) return this.op(start, 1, space);
    }
    if (isDigit(c) || c === DOT) return this.expressionNumber(start, space);
    if (isIdentStart(c)) return this.identifier(start, space);
    return this.token('Unknown', start, start + 1, space);
  }

  private expressionNumber(start: number, space: boolean): Token {
    const scan = scanNumber(this.text, start, this.limit)!;
    if (scan.error) this.error(scan.error.id, scan.error.message, start, scan.end);
    else if (isIdentChar(this.code(scan.end))) {
      const end = bareWordEnd(this, start);
      this.error('BadNumericConstant', `The numeric constant ${this.text.slice(start, end)} is not valid.`, start, end);
      const bad = this.token('Number', start, end, space);
      bad.data = { value: NaN, type: 'double' };
      return bad;
    }
    const t = this.token('Number', start, scan.end, space);
    t.data = { value: scan.value, type: scan.type };
    return t;
  }

  // Inside [ ]: `System.Collections.Generic.List`, then `[`, `]` and `,` for generics and arrays.
  private typeToken(start: number, c: number, space: boolean): Token {
    if (c === LBRACKET || c === RBRACKET) return this.token('Punctuation', start, start + 1, space);
    if (c === COMMA) return this.op(start, 1, space);
    let i = runEnd(TYPE_NAME_CHARS, this.text, start, this.limit);
    for (;;) {
      const k = this.code(i);
      if (isIdentChar(k) || k === DOT || k === PLUS || k === BACKTICK || (k >= 48 && k <= 57)) i++;
      else break;
    }
    if (i === start) return this.next('expression');
    const t = this.token('Identifier', start, i, space);
    t.value = t.text;
    return t;
  }
}
