// Type names and attributes, read after a `[`: `string`, `string[]`, `int[,]`,
// `System.Collections.Generic.List[string]`, `Dictionary[string, int]`, and
// `[Parameter(Mandatory, Position = 0)]`. Imports the lexer and lib/core.

import type { AttributeAst, ExpressionAst, TypeNameAst } from './ast.js';
import { parseExpression } from './expressions.js';
import { EMPTY, append, fitted } from './lists.js';
import { own, type ParserState } from './state.js';

const missingBracket = "Missing ] at end of type token.";

// typeName := name ( '[' ']' | '[' ','+ ']' | '[' typeArg ( ',' typeArg )* ']' )*
// typeArg  := typeName | '[' typeName ']'
export function parseTypeName(p: ParserState): TypeNameAst {
  const first = p.peek('type');
  if (first.kind !== 'Identifier') p.fail('MissingTypename', "Missing type name after '['.", first);
  p.consume();
  const start = first.start;
  let generics: TypeNameAst[] = EMPTY;
  let arrayRank = 0;
  while (p.peek('type').text === '[' && !p.peek('type').spaceBefore) {
    p.consume();
    if (p.eat(']', 'type')) { arrayRank = 1; continue; }
    if (p.peek('type').text === ',') {
      let rank = 1;
      while (p.eat(',', 'type')) rank++;
      expectBracket(p);
      arrayRank = rank;
      continue;
    }
    do generics = append(generics, parseTypeArgument(p)); while (p.eat(',', 'type'));
    expectBracket(p);
  }
  return own({ kind: 'TypeName', name: first.value!, generics: fitted(generics), arrayRank,
    text: p.source.text.slice(start, p.lastEnd), source: p.source, start, end: p.lastEnd, span: null! });
}

function parseTypeArgument(p: ParserState): TypeNameAst {
  p.skipNewlines();
  if (p.peek('type').text !== '[') return parseTypeName(p);
  p.consume();
  const inner = parseTypeName(p);
  expectBracket(p);
  return inner;
}

export function expectBracket(p: ParserState): void {
  const t = p.peek('type');
  if (t.text !== ']') p.fail('EndSquareBracketExpectedAtEndOfType', missingBracket, t);
  p.consume();
}

// attributeArgs := '(' ( argument ( ',' argument )* )? ')'
// argument      := name ( '=' expression )? | expression
/** The part of an attribute after its type name; the caller has seen the `(`. */
export function parseAttributeRest(p: ParserState, typeName: TypeNameAst, start: number): AttributeAst {
  p.consume();   // (
  let positional: ExpressionAst[] = EMPTY;
  let named: AttributeAst['named'] = EMPTY;
  p.noComma++;
  try {
    p.skipNewlines();
    if (!p.at(')')) {
      do {
        p.skipNewlines();
        const argument = parseAttributeArgument(p);
        if ('kind' in argument) positional = append(positional, argument);
        else named = append(named, argument);
        p.skipNewlines();
      } while (p.eat(','));
    }
  } finally { p.noComma--; }
  const close = p.peek('expression');
  if (close.text !== ')') p.fail('MissingEndParenthesisInExpression', "Missing closing ')' in expression.", close);
  p.consume();
  expectBracket(p);
  return own({ kind: 'Attribute', typeName, positional: fitted(positional), named: fitted(named), source: p.source, start, end: p.lastEnd, span: null! });
}

/** A named argument (`Position = 0`, `Mandatory`: no kind), or a positional one (an expression). */
function parseAttributeArgument(p: ParserState): AttributeAst['named'][number] | ExpressionAst {
  const t = p.peek('expression');
  if (t.kind === 'Identifier') {
    p.consume();
    if (!p.eat('=')) return { name: t.text, span: p.tokenSpan(t) };
    p.skipNewlines();
    const value = parseExpression(p);
    if (!value) p.fail('MissingExpressionInNamedArgument', "Missing statement after '=' in named argument.", p.peek('expression'));
    return { name: t.text, value, span: p.spanFrom(t.start) };
  }
  const value = parseExpression(p);
  if (!value) p.fail('MissingArgument', 'Missing argument in parameter list.', t);
  return value;
}
