// Bare words and parameters, the tokens of argument mode (about_Parsing). A bare word runs until
// whitespace or one of `{ } ( ) ; , | &`; a backtick escapes the next character. It also stops
// before a quote or a `$` that starts a variable, so `a$b` and `a'b c'` arrive as adjacent tokens
// that the parser joins into one argument. Imports only ./.

import { BACKTICK, COLON, CR, DOLLAR, END, LF, escapeValue, endsBareWord, isDoubleQuote, isSingleQuote } from './chars.js';
import type { Lexer } from './scanner.js';
import type { Token } from './token.js';
import { startsVariable } from './variables.js';

/** Where a bare word starting at `start` ends, and its value with escapes applied (undefined
 *  when it has none: the value is the text). */
export function bareWordEnd(lx: Lexer, start: number): { end: number; value: string | undefined } {
  let i = start, value = '', from = i;
  for (;;) {
    const c = lx.code(i);
    if (endsBareWord(c) || (i > start && (isSingleQuote(c) || isDoubleQuote(c)))) break;
    if (c === DOLLAR && i > start && startsVariable(lx, i)) break;
    if (c === DOLLAR && i > start && lx.code(i + 1) === 40) break;     // a$(...)
    if (c === BACKTICK) {
      const next = lx.code(i + 1);
      if (next === END || next === LF || next === CR) break;   // line continuation
      value += lx.text.slice(from, i) + escapeValue(next);
      i += 2; from = i;
      continue;
    }
    i++;
  }
  // Most words have no escape: their value is their text, one string for both.
  return { end: i, value: from === start ? undefined : value + lx.text.slice(from, i) };
}

export function scanBareWord(lx: Lexer, start: number, space: boolean): Token {
  const { end, value } = bareWordEnd(lx, start);
  const t = lx.token('Generic', start, Math.max(end, start + 1), space);
  t.value = value ?? t.text;
  return t;
}

/** `-Name`, `-Name:` (the argument follows the colon), or `--` alone (end of parameters). */
export function scanParameter(lx: Lexer, start: number, space: boolean): Token {
  let i = start + 1;
  if (lx.code(i) === 45 && endsBareWord(lx.code(i + 1))) {
    const t = lx.token('Parameter', start, i + 1, space);
    t.value = '';
    return t;
  }
  while (!endsBareWord(lx.code(i)) && lx.code(i) !== COLON && !isSingleQuote(lx.code(i))
    && !isDoubleQuote(lx.code(i))) i++;
  const name = lx.text.slice(start + 1, i);
  const colon = lx.code(i) === COLON;
  const t = lx.token('Parameter', start, colon ? i + 1 : i, space);
  t.value = name;
  t.colon = colon;
  return t;
}
