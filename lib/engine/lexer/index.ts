// The lexer's public face. tokenize() reads a whole text for highlighting and tab completion: it
// never throws, and follows PowerShell's modes well enough to tell a command name from its
// arguments without a parse. The parser drives a Lexer directly, choosing the mode per token.
// Imports lib/core and ./ only.

import type { LocatedSpan, Source } from '../../core/span.js';
import { Lexer } from './scanner.js';
import { tokenSpan, type LexMode, type Token } from './token.js';

export { Lexer } from './scanner.js';
export { hasColon, numberOf, partsOf, quoteOf, variableOf } from './token.js';
export type { LexError, LexMode, StringPart, Token, TokenKind } from './token.js';

// Tokens after which a new statement (or pipeline element) begins.
const restarts = new Set(['|', '||', '&&', ';', '{', '(', '$(', '@(', '=', '+=', '-=', '*=', '/=', '%=', '??=']);

/** A token with its span (the parser's tokens carry offsets only). */
export type LocatedToken = Token & { readonly span: LocatedSpan };

export function tokenize(source: Source): LocatedToken[] {
  const lx = new Lexer(source);
  lx.keepComments = true;
  const tokens: LocatedToken[] = [];
  let mode: LexMode = 'statement';
  for (;;) {
    const scanned = lx.next(mode);
    const t = { ...scanned, span: tokenSpan(source, scanned) };
    tokens.push(t);
    if (t.kind === 'EndOfInput') return tokens;
    if (t.kind === 'Comment') continue;
    mode = nextMode(t, mode);
  }
}

function nextMode(t: Token, mode: LexMode): LexMode {
  if (t.kind === 'Newline' || restarts.has(t.text) || t.kind === 'Keyword' || t.kind === 'Label') return 'statement';
  if (t.text === '}' || t.text === ')') return mode === 'statement' ? 'expression' : mode;
  if (mode === 'statement') {
    if (t.kind === 'Generic') { t.kind = 'Command'; return 'argument'; }
    if (t.text === '&' || t.text === '.') return 'argument';
    return 'expression';
  }
  return mode;
}
