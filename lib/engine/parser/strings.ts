// Turns string and variable tokens into nodes: 'single' and here-strings, "double" strings with
// their holes ($name and $( ... ), the latter parsed by a sub-parser over the same source so that
// spans stay true), and variable references. Imports the lexer and lib/core.

import { partsOf, quoteOf, variableOf, type Token } from '../lexer/token.js';
import type { ExpandableStringAst, ExpressionAst, StringConstantAst, VariableAst } from './ast.js';
import { parseSubExpressionAt } from './primary.js';
import { own, type ParserState } from './state.js';

/** `$using:x` is a Variable with scope 'using'; the runtime gives it the caller's value. */
export function variableAst(p: ParserState, t: Token, splatted = t.kind === 'SplattedVariable'): VariableAst {
  const { name, scope } = variableOf(t);
  return own({ kind: 'Variable', name, scope, splatted, source: p.source, start: t.start, end: t.end, span: null! });
}

/** A String or ExpandableString token as a node. */
export function stringAst(p: ParserState, t: Token): StringConstantAst | ExpandableStringAst {
  const quote = quoteOf(t);
  if (t.kind === 'String' || t.value !== undefined) {
    return own({ kind: 'StringConstant', value: t.value ?? '', quote, source: p.source, start: t.start, end: t.end, span: null! });
  }
  const parts: (string | ExpressionAst)[] = partsOf(t).map(part => {
    if (typeof part === 'string') return part;
    if (part.kind === 'Variable') return variableAst(p, part.token, false);
    return parseSubExpressionAt(p, part.start, part.end);
  });
  return own({ kind: 'ExpandableString', parts, quote: quote as 'double' | 'doubleHere', text: innerText(t), source: p.source, start: t.start, end: t.end, span: null! });
}

function innerText(t: Token): string {
  if (quoteOf(t) === 'doubleHere') return t.text.replace(/^@.[ \t]*\r?\n/, '').replace(/\r?\n?"@$/, '');
  return t.text.slice(1, t.text.length > 1 && /["\u201c-\u201e]$/.test(t.text) ? -1 : undefined);
}
