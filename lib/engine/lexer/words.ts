// Bare words and parameters, the tokens of argument mode (about_Parsing). A bare word runs until
// whitespace or one of `{ } ( ) ; , | &`; a backtick escapes the next character. It also stops
// before a quote or a `$` that starts a variable, so `a$b` and `a'b c'` arrive as adjacent tokens
// that the parser joins into one argument. Imports only ./.

import {
  BACKTICK, COLON, CR, DOLLAR, END, ENDS_WORD, LF, PARAMETER_CHARS, WORD_CHARS, WORD_SPECIAL, classes, escapeValue,
  endsBareWord, isDoubleQuote, isSingleQuote, runEnd,
} from './chars.js';
import type { Lexer } from './scanner.js';
import type { Token } from './token.js';
import { startsVariable } from './variables.js';

/** Where a bare word starting at `start` ends (an escaped character never ends it). */
export function bareWordEnd(lx: Lexer, start: number): number {
  const text = lx.text, limit = lx.limit;
  let i = start;
  for (;;) {
    i = runEnd(WORD_CHARS, text, i, limit);
    const c = i < limit ? text.charCodeAt(i) : END;
    // After the run: the end of the word (or of the text), or a character that needs a look: `$`,
    // a quote, a backtick, or one beyond ASCII.
    if (c < 128 && (classes[c + 1] & WORD_SPECIAL) === 0) {
      if ((classes[c + 1] & ENDS_WORD) !== 0) return i;
      i++;
      continue;
    }
    if (endsBareWord(c) || (i > start && (isSingleQuote(c) || isDoubleQuote(c)))) return i;
    if (c === DOLLAR && i > start && (startsVariable(lx, i) || lx.code(i + 1) === 40)) return i;   // a$b, a$(...)
    if (c === BACKTICK) {
      const next = lx.code(i + 1);
      if (next === END || next === LF || next === CR) return i;   // line continuation
      i += 2;
      continue;
    }
    i++;
  }
}

/** The value of the word from `start` to `end` with its backtick escapes applied. */
function escapedValue(text: string, start: number, end: number): string {
  let value = '', from = start;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) !== BACKTICK) continue;
    value += text.slice(from, i) + escapeValue(text.charCodeAt(i + 1));
    from = ++i + 1;
  }
  return value + text.slice(from, end);
}

export function scanBareWord(lx: Lexer, start: number, space: boolean): Token {
  const end = bareWordEnd(lx, start);
  const t = lx.token('Generic', start, Math.max(end, start + 1), space);
  // Most words have no escape: their value is their text, one string for both. Every backtick
  // inside a word escapes (one that continues the line ends it).
  t.value = end > start && t.text.indexOf('`') >= 0 ? escapedValue(lx.text, start, end) : t.text;
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
  let c: number;
  for (;;) {
    i = runEnd(PARAMETER_CHARS, lx.text, i, lx.limit);
    c = lx.code(i);
    if (endsBareWord(c) || c === COLON || isSingleQuote(c) || isDoubleQuote(c)) break;
    i++;
  }
  const name = lx.text.slice(start + 1, i);
  const colon = c === COLON;
  const t = lx.token('Parameter', start, colon ? i + 1 : i, space);
  t.value = name;
  return t;
}
