// Tokens: what the lexer hands the parser, tab completion and highlighting. A token knows its
// kind, its text as written, its offsets, and whether whitespace came before it
// (PowerShell's meaning often turns on that: `$a.b` versus `$a .b`, `$x[0]` versus `$x [0]`).
// A parse makes tens of thousands of tokens and keeps few, so a token is one small object with
// offsets; its span is made only when asked for (most tokens, `(` `;` newlines, never are).
// Imports lib/core and ./.

import { spanOf, type LocatedSpan, type Source } from '../../core/span.js';

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
  | { kind: 'Variable'; token: Token }   // a Variable token
  | { kind: 'SubExpression'; start: number; end: number };   // offsets of `$(` and just past `)`

export interface Token {
  kind: TokenKind;
  text: string;                 // as written
  readonly start: number;       // offset of the first character
  readonly end: number;         // offset just past the last character
  spaceBefore: boolean;         // whitespace, a comment or a line continuation precedes it
  /** Strings and bare words: the value with escapes applied. Keywords, operators and
   *  parameters: the name in lower case (parameters: as written, without the dash). */
  value: string | undefined;
  /** What only tokens of some kinds carry: a Number's value and type (numberOf), a Variable's
   *  name and scope (variableOf), an ExpandableString's text and holes (partsOf). One field
   *  for the three keeps every token small: a parse makes one per word and bracket. */
  data: NumberValue | VariableName | StringPart[] | undefined;
  errors: LexError[] | undefined;   // problems found while reading it
}

export interface NumberValue { value: number; type: 'int' | 'long' | 'double' }
export interface VariableName { name: string; scope: string | null }
export type Quote = 'single' | 'double' | 'singleHere' | 'doubleHere';

export const numberOf = (t: Token) => t.data as NumberValue;
export const variableOf = (t: Token) => t.data as VariableName;
export const partsOf = (t: Token) => t.data as StringPart[];

/** How a String or ExpandableString token is quoted: here-strings start with `@`. */
export function quoteOf(t: Token): Quote {
  const here = t.text.charCodeAt(0) === 64;
  return t.kind === 'String' ? (here ? 'singleHere' : 'single') : (here ? 'doubleHere' : 'double');
}

/** A Parameter written `-Name:`, its argument after the colon (the text keeps the colon). */
export const hasColon = (t: Token) => t.kind === 'Parameter' && t.text.charCodeAt(t.text.length - 1) === 58;

/** A token's place in its source, for a message or a caret (tokens carry offsets only). */
export const tokenSpan = (source: Source, t: Token): LocatedSpan => spanOf(source, t.start, t.end);

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
