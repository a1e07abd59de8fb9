// Variable references: `$name`, `$scope:name` (`$env:PATH`, `$script:x`), `${any name}`, the
// one-character automatic variables `$$ $? $^`, and `@name` for splatting. Used by the token
// scanner and inside expandable strings, so both read names alike. Imports only ./.

import {
  BACKTICK, COLON, DOLLAR, END, LBRACE, QUESTION, CARET, RBRACE, VARIABLE_CHAR, VARIABLE_CHARS, classes, isVariableChar, runEnd,
} from './chars.js';
import type { Lexer } from './scanner.js';
import type { Token } from './token.js';

/** True when `$` (or `@`) at `i` starts a variable reference. */
export function startsVariable(lx: Lexer, i: number): boolean {
  const c = lx.code(i + 1);
  return (c < 128 ? (classes[c + 1] & VARIABLE_CHAR) !== 0 : isVariableChar(c)) || c === LBRACE || c === DOLLAR || c === CARET;
}

/** Scans the variable at `start` (a `$` or `@`); call only where startsVariable is true. */
export function scanVariable(lx: Lexer, start: number, space: boolean): Token {
  const splat = lx.text.charCodeAt(start) !== DOLLAR;
  const kind = splat ? 'SplattedVariable' : 'Variable';
  const c = lx.code(start + 1);
  if (c === LBRACE) return bracedVariable(lx, start, space, kind);
  if (!splat && (c === DOLLAR || c === CARET || c === QUESTION)) {
    return variableToken(lx, kind, start, start + 2, space, String.fromCharCode(c), null);
  }
  let i = nameEnd(lx, start + 1);
  let scope: string | null = null;
  let nameStart = start + 1;
  if (i < lx.limit && lx.text.charCodeAt(i) === COLON && lx.code(i + 1) !== COLON) {
    if (isVariableChar(lx.code(i + 1))) {
      scope = lx.text.slice(start + 1, i).toLowerCase();
      nameStart = i + 1;
      i = nameEnd(lx, i + 1);
    } else if (lx.code(i + 1) !== LBRACE) {
      lx.error('InvalidVariableReferenceWithDrive', "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.", start, i + 1);
    }
  }
  return variableToken(lx, kind, start, i, space, lx.text.slice(nameStart, i), scope);
}

/** The end of the variable name characters from `i`. */
function nameEnd(lx: Lexer, i: number): number {
  const text = lx.text, limit = lx.limit;
  for (i = runEnd(VARIABLE_CHARS, text, i, limit); i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 ? (classes[c + 1] & VARIABLE_CHAR) === 0 : !isVariableChar(c)) break;
  }
  return i;
}

// ${name}: any characters up to the closing brace; a backtick escapes the next one.
function bracedVariable(lx: Lexer, start: number, space: boolean, kind: 'Variable' | 'SplattedVariable'): Token {
  let i = start + 2, name = '';
  for (;;) {
    const c = lx.code(i);
    if (c === END) {
      lx.error('IncompleteDollarVariableReference', "${variable} reference starting is missing the closing '}'.", start, i, true);
      break;
    }
    if (c === RBRACE) { i++; break; }
    if (c === BACKTICK && i + 1 < lx.limit) { name += lx.text[i + 1]; i += 2; continue; }
    name += lx.text[i++];
  }
  if (name === '') lx.error('EmptyVariableReference', 'An empty ${} variable reference was found. A name is required inside the braces.', start, i);
  let scope: string | null = null;
  const colon = name.indexOf(':');
  if (colon > 0 && colon < name.length - 1 && /^[A-Za-z_]\w*$/.test(name.slice(0, colon))) {
    scope = name.slice(0, colon).toLowerCase();
    name = name.slice(colon + 1);
  }
  return variableToken(lx, kind, start, i, space, name, scope);
}

function variableToken(lx: Lexer, kind: 'Variable' | 'SplattedVariable', start: number, end: number, space: boolean,
  name: string, scope: string | null): Token {
  const t = lx.token(kind, start, end, space);
  t.data = { name, scope };
  return t;
}
