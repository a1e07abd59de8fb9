// Tokens: what the lexer hands the parser, tab completion and highlighting. A token knows its
// kind, its text as written, its offsets and span, and whether whitespace came before it
// (PowerShell's meaning often turns on that: `$a.b` versus `$a .b`, `$x[0]` versus `$x [0]`).
// A parse makes tens of thousands of tokens and keeps few, so a token is one object: its span is
// made only when asked for (most tokens, `(` `;` newlines, never are). Imports lib/core and ./.

import type { Source, Span } from '../../core/span.js';
import { makeSpan } from './lines.js';

export type TokenKind =
  | 'Command'           // a bare word in command-name position (set by tokenize only)
  | 'Generic'           // a bare word: `site.pem`, `Get-Item`, `./lib.ps1`
  | 'Keyword'           // `if`, `foreach`, `function`... at statement start
  | 'Identifier'        // a member or type name in expression mode
  | 'Parameter'         // `-Name`, `-Name:` (colon set), `--` (value '')
  | 'Variable'          // `$x`, `$env:PATH`, `${a b}`
  | 'SplattedVariable'  // `@params`
  | 'Number'
  | 'String'            // 'single' quoted and @' here '@: value holds the text
  | 'ExpandableString'  // "double" quoted and @" here "@: parts hold text and holes
  | 'Operator'          // `+`, `-eq`, `=`, `..`, `::`, `&&`, `|`...
  | 'Punctuation'       // `( ) { } [ ] @( @{ $( , ;`
  | 'Redirection'       // `>`, `>>`, `2>&1`, `*>`
  | 'Label'             // `:outer`
  | 'Comment'
  | 'Newline'
  | 'EndOfInput'
  | 'Unknown';

/** A place in an expandable string where a value goes: `$name` or `$( ... )`. */
export type StringPart =
  | string
  | { kind: 'Variable'; token: Token }
  | { kind: 'SubExpression'; start: number; end: number };   // offsets of `$(` and just past `)`

export interface Token {
  kind: TokenKind;
  text: string;                 // as written
  readonly start: number;       // offset of the first character
  readonly end: number;         // offset just past the last character
  readonly span: Span;          // made on each read: the parser reads start and end instead
  spaceBefore: boolean;         // whitespace, a comment or a line continuation precedes it
  /** Strings and bare words: the value with escapes applied. Keywords, operators and
   *  parameters: the name in lower case (parameters: as written, without the dash). */
  value?: string;
  number?: { value: number; type: 'int' | 'long' | 'double' };
  variable?: { name: string; scope: string | null };
  parts?: StringPart[];         // ExpandableString
  quote?: 'single' | 'double' | 'singleHere' | 'doubleHere';
  colon?: boolean;              // Parameter written `-Name:`
  errors?: LexError[];          // problems found while reading it
}

/** Every token is one of these, with every field set, so all tokens share one hidden class and
 *  the parser's reads of them stay monomorphic (most run before V8 has optimised anything). The
 *  fields are assigned in the constructor, not declared with initialisers: those compile to a
 *  second function that every construction calls. */
export class ScannedToken implements Token {
  declare kind: TokenKind;
  declare readonly text: string;
  declare readonly start: number;
  declare readonly end: number;
  declare readonly spaceBefore: boolean;
  declare value: string | undefined;
  declare number: Token['number'];
  declare variable: Token['variable'];
  declare parts: StringPart[] | undefined;
  declare quote: Token['quote'];
  declare colon: boolean | undefined;
  declare errors: LexError[] | undefined;
  declare readonly source: Source;

  constructor(source: Source, kind: TokenKind, text: string, start: number, end: number, spaceBefore: boolean) {
    this.kind = kind;
    this.text = text;
    this.start = start;
    this.end = end;
    this.spaceBefore = spaceBefore;
    this.value = undefined;
    this.number = undefined;
    this.variable = undefined;
    this.parts = undefined;
    this.quote = undefined;
    this.colon = undefined;
    this.errors = undefined;
    this.source = source;
  }

  get span(): Span { return makeSpan(this.source, this.start, this.end); }
}

/** How the lexer reads the next token; the parser chooses (see STYLE.md, the parser section). */
export type LexMode =
  | 'statement'   // the first token of a statement: keywords, labels, casts, commands
  | 'argument'    // command arguments: bare words, parameters
  | 'expression'  // operators, numbers, member names
  | 'type';       // inside [ ]: dotted type names

export interface LexError {
  id: string;
  message: string;
  start: number;
  end: number;
  incomplete: boolean;          // the input ended too soon
}
