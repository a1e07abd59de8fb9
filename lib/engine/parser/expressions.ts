// Expressions, from the ternary down to unary operators and casts. Binary precedence is
// PowerShell's own (its TokenFlags, lowest first): -and -or -xor; -band -bor -bxor; comparisons
// with -replace -split -join -is -as -shl -shr; ??; + -; * / %; -f; `..`. The comma binds tighter
// than any binary operator (`1,2 -join '+'` joins both) and unary operators tighter still.
// Imports the lexer and lib/core.

import { numberOf, type Token } from '../lexer/token.js';
import type { ExpressionAst } from './ast.js';
import { append, fitted } from './lists.js';
import { parseBracketed, parsePostfix } from './primary.js';
import { own, type ParserState } from './state.js';

const precedence = new Map<string, number>([
  ['-and', 1], ['-or', 1], ['-xor', 1], ['-band', 2], ['-bor', 2], ['-bxor', 2],
  ['??', 7], ['+', 9], ['-', 9], ['*', 10], ['/', 10], ['%', 10], ['-f', 12], ['..', 13],
]);
const COMPARISON = 5;

function binaryPrecedence(t: Token): number | undefined {
  if (t.kind !== 'Operator') return undefined;
  const op = t.value!;
  const known = precedence.get(op);
  if (known !== undefined) return known;
  return op.length > 2 && op[0] === '-' && op !== '-not' && op !== '-bnot' ? COMPARISON : undefined;
}

const unaryOperators = new Set(['-not', '!', '-bnot', '-', '+', '-split', '-isplit', '-csplit', '-join', '++', '--', ',']);

// expression := binary ( '?' newlines* expression newlines* ':' newlines* expression )?
export function parseExpression(p: ParserState): ExpressionAst | undefined {
  const condition = parseBinary(p, 0);
  if (!condition) return undefined;
  const q = p.peek('expression');
  if (q.kind !== 'Operator' || q.text !== '?') return condition;
  p.consume();
  p.skipNewlines();
  const ifTrue = required(p, parseExpression(p), q);
  p.skipNewlines();
  const colon = p.peek('expression');
  if (colon.text !== ':') p.fail('MissingColonInTernaryExpression', "Missing ':' in the ternary expression.", colon);
  p.consume();
  p.skipNewlines();
  const ifFalse = required(p, parseExpression(p), colon);
  return own({ kind: 'Ternary', condition, ifTrue, ifFalse, source: p.source, start: condition.span.start, end: p.lastEnd, span: null! });
}

function required(p: ParserState, e: ExpressionAst | undefined, op: Token): ExpressionAst {
  if (e) return e;
  return p.fail('ExpectedValueExpression', `You must provide a value expression following the '${op.text}' operator.`, p.peek('expression'), p.after(op));
}

// binary := array ( operator newlines* array )*      (precedence climbing, left-associative)
function parseBinary(p: ParserState, min: number): ExpressionAst | undefined {
  let left = parseArrayLiteral(p);
  if (!left) return undefined;
  for (;;) {
    const t = p.peek('expression');
    if (t.kind !== 'Operator') return left;   // most operands end at a bracket or a line end
    const prec = binaryPrecedence(t);
    if (prec === undefined || prec < min) return left;
    p.consume();
    p.skipNewlines();
    const right = required(p, parseBinary(p, prec + 1), t);
    left = own({ kind: 'Binary', operator: t.value!, left, right, source: p.source, start: left.span.start, end: p.lastEnd, span: null! });
  }
}

// array := unary ( ',' newlines* unary )*
function parseArrayLiteral(p: ParserState): ExpressionAst | undefined {
  const first = parseUnary(p);
  if (!first || p.noComma > 0) return first;
  const t = p.peek('expression');
  if (t.kind !== 'Operator' || t.text !== ',') return first;
  let elements = [first];
  while (p.at(',')) {
    const comma = p.consume();
    p.skipNewlines();
    const next = parseUnary(p);
    if (!next) p.fail('MissingExpressionAfterToken', "Missing expression after ','.", p.peek('expression'), p.tokenSpan(comma));
    elements = append(elements, next);
  }
  return own({ kind: 'ArrayLiteral', elements: fitted(elements), source: p.source, start: first.span.start, end: p.lastEnd, span: null! });
}

// unary := unaryOperator unary | '[' type ']' unary | postfix
export function parseUnary(p: ParserState): ExpressionAst | undefined {
  const t = p.peek('expression');
  if (t.kind === 'Punctuation' && t.text === '[') return parseBracketed(p);
  if (t.kind !== 'Operator' || !unaryOperators.has(t.value!)) return parsePostfix(p);
  p.consume();
  const operand = p.peek('expression');
  if ((t.text === '-' || t.text === '+') && operand.kind === 'Number' && !operand.spaceBefore) {
    // `-5` is the constant -5, as PowerShell folds it (and `$a[-1]` indexes from the end).
    p.consume();
    const sign = t.text === '-' ? -1 : 1;
    return own({ kind: 'Constant', value: sign * numberOf(operand).value, numberType: numberOf(operand).type,
      text: t.text + operand.text, source: p.source, start: t.start, end: p.lastEnd, span: null! });
  }
  const inner = parseUnary(p);
  if (!inner) p.fail('MissingExpressionAfterOperator', `Missing expression after unary operator '${t.text}'.`, p.peek('expression'));
  return own({ kind: 'Unary', operator: t.value === '!' ? '!' : t.value!, operand: inner, source: p.source, start: t.start, end: p.lastEnd, span: null! });
}

const operandPunctuation = new Set(['(', '$(', '@(', '@{', '{', '[']);
const operandOperators = new Set(['-not', '!', '-bnot', '++', '--', '-split', '-join']);

/** Can this token begin the operand of a cast (`[int]$x`, `[int]-1`, `[ordered]@{}`)? */
export function startsOperand(t: Token): boolean {
  switch (t.kind) {
    case 'Number': case 'Variable': case 'String': case 'ExpandableString': return true;
    case 'Punctuation': return operandPunctuation.has(t.text);
    case 'Operator':
      if (t.text === '-' || t.text === '+' || t.text === ',') return !t.spaceBefore;
      return operandOperators.has(t.value!);
    default: return false;
  }
}
