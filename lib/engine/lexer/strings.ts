// Quoted strings (about_Quoting_Rules). 'Single' quotes are literal, `''` is one quote. "Double"
// quotes apply backtick escapes and leave holes for `$name`, `${name}` and `$( ... )`: only the
// variable itself, so "$x.Name" is $x followed by the text '.Name'. Here-strings @' '@ and @" "@
// start at the end of their header line and end at a line that begins with the closing quote.
// Imports only ./.

import {
  BACKTICK, CR, DOLLAR, END, EXPANDABLE_PLAIN, LF, LPAREN, SINGLE_QUOTED, escapeValue, isDoubleQuote, isHexDigit, isSingleQuote,
  isSpace, runEnd,
} from './chars.js';
import type { Lexer } from './scanner.js';
import type { StringPart, Token } from './token.js';
import { scanVariable, startsVariable } from './variables.js';

const missing = (quote: string) => `The string is missing the terminator: ${quote}.`;

// single := quote ( non-quote | quote quote )* quote
export function scanSingle(lx: Lexer, start: number, space: boolean): Token {
  let i = start + 1, value = '', from = i;
  for (;;) {
    i = runEnd(SINGLE_QUOTED, lx.text, i, lx.limit);
    const c = lx.code(i);
    if (c === END) {
      lx.error('TerminatorExpectedAtEndOfString', missing("'"), start, i, true);
      value += lx.text.slice(from, i);
      break;
    }
    if (isSingleQuote(c)) {
      value += lx.text.slice(from, i);
      if (!isSingleQuote(lx.code(i + 1))) { i++; break; }
      value += lx.text[i + 1];
      i += 2; from = i;
      continue;
    }
    i++;
  }
  return stringToken(lx, 'String', start, i, space, value, undefined);
}

// double := quote ( escape | hole | quote quote | other )* quote
export function scanDouble(lx: Lexer, start: number, space: boolean): Token {
  const { parts, end, closed } = expandable(lx, start + 1, lx.limit, true);
  if (!closed) lx.error('TerminatorExpectedAtEndOfString', missing('"'), start, end, true);
  return stringToken(lx, 'ExpandableString', start, end, space, constantValue(parts), parts);
}

/** `@'` or `@"` at `start`: the header must end its line; the footer must start one. */
export function scanHere(lx: Lexer, start: number, space: boolean): Token {
  const expand = isDoubleQuote(lx.code(start + 1));
  let i = start + 2;
  while (isSpace(lx.code(i))) i++;
  if (lx.code(i) === CR) i++;
  if (lx.code(i) !== LF && lx.code(i) !== END) {
    lx.error('UnexpectedCharactersAfterHereStringHeader', 'No characters are allowed after a here-string header but before the end of the line.', start, i);
  }
  const contentStart = i + 1;
  const footer = (expand ? '"' : "'") + '@';
  let footerAt = lx.text.startsWith(footer, contentStart) ? contentStart : -1;
  if (footerAt < 0) {
    const hit = lx.text.indexOf('\n' + footer, contentStart - 1);
    footerAt = hit >= 0 && hit + 1 < lx.limit ? hit + 1 : -1;
  }
  if (footerAt < 0) {
    lx.error('TerminatorExpectedAtEndOfString', missing(footer), start, lx.limit, true);
    const value = lx.text.slice(Math.min(contentStart, lx.limit), lx.limit);
    return stringToken(lx, expand ? 'ExpandableString' : 'String', start, lx.limit, space, value, expand ? [value] : undefined);
  }
  // The newline before the footer belongs to the syntax, not to the value.
  let contentEnd = footerAt > contentStart ? footerAt - 1 : contentStart;
  if (contentEnd > contentStart && lx.code(contentEnd - 1) === CR) contentEnd--;
  const end = footerAt + 2;
  if (!expand) return stringToken(lx, 'String', start, end, space, lx.text.slice(contentStart, contentEnd), undefined);
  const { parts } = expandable(lx, contentStart, contentEnd, false);
  return stringToken(lx, 'ExpandableString', start, end, space, constantValue(parts), parts);
}

/** Its quote is its kind and whether its text starts with `@` (quoteOf). */
function stringToken(lx: Lexer, kind: 'String' | 'ExpandableString', start: number, end: number, space: boolean,
  value: string | undefined, parts: StringPart[] | undefined): Token {
  const t = lx.token(kind, start, end, space);
  t.value = value;
  t.data = parts;
  return t;
}

/** The string's value when it has no holes. */
function constantValue(parts: StringPart[]): string | undefined {
  return parts.every(p => typeof p === 'string') ? parts.join('') : undefined;
}

/**
 * The parts of expandable text from `i` to `limit`. In a "double" string an unpaired double
 * quote ends it; in a here-string quotes are plain text.
 */
export function expandable(lx: Lexer, i: number, limit: number, quoted: boolean) {
  const parts: StringPart[] = [];
  let text = '', from = i;
  while (i < limit) {
    const c = lx.text.charCodeAt(i);
    if (c === BACKTICK && i + 1 < limit) {
      text += lx.text.slice(from, i);
      const escape = unicodeEscape(lx, i, limit);
      text += escape.text; i = escape.end; from = i;
    } else if (quoted && isDoubleQuote(c)) {
      text += lx.text.slice(from, i);
      if (i + 1 < limit && isDoubleQuote(lx.text.charCodeAt(i + 1))) { text += lx.text[i + 1]; i += 2; from = i; continue; }
      if (text) parts.push(text);
      return { parts, end: i + 1, closed: true };
    } else if (c === DOLLAR && lx.code(i + 1) === LPAREN) {
      text += lx.text.slice(from, i);
      if (text) parts.push(text);
      text = '';
      const end = skipSubExpression(lx, i);
      parts.push({ kind: 'SubExpression', start: i, end });
      i = from = end;
    } else if (c === DOLLAR && startsVariable(lx, i)) {
      text += lx.text.slice(from, i);
      if (text) parts.push(text);
      text = '';
      const token = scanVariable(lx, i, false);
      lx.giveBackErrors(token);   // a bad name inside the string is the string's error
      parts.push({ kind: 'Variable', token });
      i = from = token.end;
    } else i = runEnd(EXPANDABLE_PLAIN, lx.text, i + 1, limit);
  }
  text += lx.text.slice(from, i);
  if (text) parts.push(text);
  return { parts, end: i, closed: false };
}

// `u{1F600}: one to six hex digits; any other escape is escapeValue's.
function unicodeEscape(lx: Lexer, i: number, limit: number): { text: string; end: number } {
  const next = lx.text.charCodeAt(i + 1);
  if (next !== 117 || lx.text[i + 2] !== '{') return { text: escapeValue(next), end: i + 2 };
  let j = i + 3;
  while (j < limit && isHexDigit(lx.text.charCodeAt(j))) j++;
  const digits = lx.text.slice(i + 3, j);
  if (lx.text[j] !== '}' || digits.length === 0 || digits.length > 6) {
    lx.error('InvalidUnicodeEscapeSequence', "The Unicode escape sequence is not valid. A valid sequence is `u{ followed by one to six hex digits and a closing '}'.", i, j);
    return { text: '', end: j };
  }
  const code = parseInt(digits, 16);
  if (code > 0x10ffff) {
    lx.error('InvalidUnicodeEscapeSequenceValue', 'The Unicode escape sequence value is out of range. The maximum value is 0x10FFFF.', i, j + 1);
    return { text: '', end: j + 1 };
  }
  return { text: String.fromCodePoint(code), end: j + 1 };
}

/** `$(` at `start`: the offset just past its matching `)`, found by lexing what is inside. */
export function skipSubExpression(lx: Lexer, start: number): number {
  const saved = lx.pos, outer = lx.suspendErrors();
  lx.pos = start + 2;
  let depth = 1, end = lx.limit;
  for (;;) {
    const t = lx.next('argument');
    if (t.kind === 'EndOfInput') break;
    if (t.kind === 'Punctuation' && (t.text === '(' || t.text === '$(' || t.text === '@(')) depth++;
    else if (t.kind === 'Punctuation' && t.text === ')' && --depth === 0) { end = t.end; break; }
  }
  lx.pos = saved;
  lx.resumeErrors(outer);
  return end;
}

