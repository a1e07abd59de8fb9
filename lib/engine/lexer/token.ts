// Tokens: what the lexer hands the parser, tab completion and highlighting. A token knows its
// kind, its text as written, its span, and whether whitespace came before it (PowerShell's
// meaning often turns on that: `$a.b` versus `$a .b`, `$x[0]` versus `$x [0]`). Imports only
// lib/core.

import type { Span } from '../../core/span.js';

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
  span: Span;
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
