// Primary expressions and what may follow them without a space: member access `.` `::` `?.`,
// method calls (the `(` must touch the name), indexing `[ ]` `?[ ]`, and postfix `++` `--`.
// Also casts and type literals, which start with `[`. Imports the lexer and lib/core.

import { isDigit } from '../lexer/chars.js';
import { numberOf, variableOf, type Token } from '../lexer/token.js';
import type {
  ExpressionAst, HashtableAst, StatementAst, SubExpressionAst, ArrayExpressionAst, ParenAst,
} from './ast.js';
import { parseScriptBlockExpression } from './blocks.js';
import { parseExpression, parseUnary, startsOperand } from './expressions.js';
import { EMPTY, append, fitted } from './lists.js';
import { ParserState, own } from './state.js';
import { parseStatement, parseStatementList } from './statements.js';
import { stringAst, variableAst } from './strings.js';
import { expectBracket, parseAttributeRest, parseTypeName } from './types.js';

// primary := number | variable | string | paren | subexpression | arrayexpression | hashtable
//          | scriptblock | '[' type ']'
export function parsePrimary(p: ParserState): ExpressionAst | undefined {
  const t = p.peek('expression');
  switch (t.kind) {
    case 'Number':
      p.consume();
      return own({ kind: 'Constant', value: numberOf(t).value, numberType: numberOf(t).type, text: t.text, source: p.source, start: t.start, end: t.end, span: null! });
    case 'Variable':
      p.consume();
      return variableAst(p, t);
    case 'SplattedVariable':
      p.consume();
      p.error('SplattingNotPermitted', `The splatting operator '@' cannot be used to reference variables in an expression. '@${variableOf(t).name}' can be used only as an argument to a command. To reference variables in an expression use '$${variableOf(t).name}'.`, p.tokenSpan(t));
      return variableAst(p, t);
    case 'String': case 'ExpandableString':
      p.consume();
      return stringAst(p, t);
    case 'Punctuation':
      return t.text === '[' ? parseBracketed(p) : parseGroupValue(p, t.text);
  }
  return undefined;
}

/** `( )`, `$( )`, `@( )`, `@{ }` or `{ }` (undefined for other punctuation). Inside brackets a
 *  comma builds arrays again, even within a method call's arguments (what withCommas does,
 *  written out here: the most common brackets should not cost a closure each). */
function parseGroupValue(p: ParserState, open: string): ExpressionAst | undefined {
  if (open !== '(' && open !== '$(' && open !== '@(' && open !== '@{' && open !== '{') return undefined;
  const saved = p.noComma;
  p.noComma = 0;
  try {
    switch (open) {
      case '(': return parseParen(p);
      case '$(': return parseGroup(p, 'SubExpression');
      case '@(': return parseGroup(p, 'ArrayExpression');
      case '@{': return parseHashtable(p);
      default: return parseScriptBlockExpression(p);
    }
  } finally { p.noComma = saved; }
}

/** Inside brackets a comma builds arrays again, even within a method call's arguments. */
export function withCommas<T>(p: ParserState, parse: () => T): T {
  const saved = p.noComma;
  p.noComma = 0;
  try { return parse(); } finally { p.noComma = saved; }
}

// paren := '(' newlines* statement newlines* ')'
function parseParen(p: ParserState): ParenAst {
  const open = p.consume();
  p.skipNewlines();
  const first = p.peek('statement');
  if (first.text === ')' && first.kind === 'Punctuation') {
    // `()` is one error; taking the `)` keeps recovery from reporting it a second time.
    p.error('ExpectedExpression', "An expression was expected after '('.", p.tokenSpan(first));
    p.consume();
    const empty: StatementAst = own({ kind: 'Pipeline', elements: EMPTY, source: p.source, start: first.start, end: first.end, span: null! });
    return own({ kind: 'Paren', statement: empty, source: p.source, start: open.start, end: p.lastEnd, span: null! });
  }
  const statement: StatementAst = parseStatement(p);
  p.skipNewlines();
  const close = p.peek('expression');
  if (close.text !== ')') p.fail('MissingEndParenthesisInExpression', "Missing closing ')' in expression.", close);
  p.consume();
  return own({ kind: 'Paren', statement, source: p.source, start: open.start, end: p.lastEnd, span: null! });
}

// subexpression := '$(' statementList ')'    arrayexpression := '@(' statementList ')'
function parseGroup(p: ParserState, kind: 'SubExpression' | 'ArrayExpression'): SubExpressionAst | ArrayExpressionAst {
  const open = p.consume();
  const statements = parseStatementList(p, ')');
  const close = p.peek('expression');
  if (close.text !== ')') {
    p.fail('MissingEndParenthesisInSubexpression', "Missing closing ')' in subexpression.", close, close.kind === 'EndOfInput' ? p.tokenSpan(open) : p.tokenSpan(close));
  }
  p.consume();
  return own({ kind, statements, source: p.source, start: open.start, end: p.lastEnd, span: null! });
}

/** The `$( ... )` hole of an expandable string, parsed where it stands in the source. */
export function parseSubExpressionAt(p: ParserState, start: number, end: number): ExpressionAst {
  const sub = new ParserState(p.source, start, end, p.problems);
  sub.peek('expression');
  return parseGroup(sub, 'SubExpression');
}

// hashtable := '@{' separators ( key '=' newlines* statement separators )* '}'
function parseHashtable(p: ParserState): HashtableAst {
  const open = p.consume();
  let entries: HashtableAst['entries'] = EMPTY;
  for (;;) {
    p.skipNewlines(true);
    const t = p.peek('expression');
    if (t.text === '}' && t.kind === 'Punctuation') break;
    if (t.kind === 'EndOfInput') p.fail('MissingEndCurlyBrace', "Missing closing '}' in statement block or type definition.", t, p.tokenSpan(open));
    const key = parseHashKey(p);
    const eq = p.peek('expression');
    if (eq.text !== '=') p.fail('MissingEqualsInHashLiteral', "Missing '=' operator after key in hash literal.", eq);
    p.consume();
    p.skipNewlines();
    const v = p.peek('statement');
    if (v.kind === 'EndOfInput' || v.text === '}' || v.text === ';') p.fail('MissingStatementInHashLiteral', "Missing statement after '=' in hash literal.", v);
    entries = append(entries, { key, value: parseStatement(p) });
    const after = p.peek('argument');
    if (after.kind !== 'Newline' && after.text !== ';' && after.text !== '}') p.unexpected(after);
  }
  p.consume();
  return own({ kind: 'Hashtable', entries: fitted(entries), source: p.source, start: open.start, end: p.lastEnd, span: null! });
}

// key := name | unary     (a bare name is a string: @{ Name = 1 })
function parseHashKey(p: ParserState): ExpressionAst {
  const t = p.peek('expression');
  if (t.kind === 'Identifier') {
    p.consume();
    return own({ kind: 'StringConstant', value: t.text, quote: 'bare', source: p.source, start: t.start, end: t.end, span: null! });
  }
  const key = parseUnary(p);
  if (!key) p.fail('MissingKeyInHashLiteral', "Missing key before '=' in hash literal.", t);
  return key;
}

// '[' type ']' unary  (a cast)  |  '[' type ']'  (a type literal)
// A cast's operand may itself start with '[': `[int][char]'A'` casts twice, and
// `[int][Math]::Round(2.5)` casts the static call (PowerShell reads a run of type names as
// attributes, the last one a type literal when member access follows it).
export function parseBracketed(p: ParserState): ExpressionAst {
  const open = p.consume();
  const type = parseTypeName(p);
  if (p.peek('type').text === '(') {
    const attribute = parseAttributeRest(p, type, open.start);
    p.fail('UnexpectedAttribute', `Unexpected attribute '${type.text}'.`, open, attribute.span);
  }
  expectBracket(p);
  if (startsOperand(p.peek('expression'))) {
    const operand = parseUnary(p)!;
    return own({ kind: 'Convert', type, operand, source: p.source, start: open.start, end: p.lastEnd, span: null! });
  }
  return parsePostfixOps(p, own({ kind: 'TypeLiteral', type, source: p.source, start: open.start, end: p.lastEnd, span: null! }));
}

// postfix := primary ( ( '.' | '::' | '?.' ) member arguments? | ( '[' | '?[' ) index ']' | '++' | '--' )*
export function parsePostfix(p: ParserState): ExpressionAst | undefined {
  const e = parsePrimary(p);
  return e && checkUsing(p, e, parsePostfixOps(p, e));
}

/** PowerShell's semantic check on `$using:`: what follows the variable may only read properties
 *  by name and index by constants (`$using:h.Name`, `$using:a[0]`), never call a method. */
export function checkUsing(p: ParserState, head: ExpressionAst, e: ExpressionAst): ExpressionAst {
  if (head.kind !== 'Variable' || head.scope !== 'using') return e;
  for (let x = e; x !== head;) {
    if (x.kind === 'Member' && x.member.kind === 'StringConstant') x = x.target;
    else if (x.kind === 'Index' && (x.index.kind === 'Constant' || x.index.kind === 'StringConstant')) x = x.target;
    else {
      p.error('InvalidUsingExpression', 'Expression is not allowed in a Using expression.', x.kind === 'Index' ? x.index.span : x.span);
      break;
    }
  }
  return e;
}

/** Can the character at `c` continue a value: `.` `:` `?` `[` `+` `-`? */
function startsPostfix(c: number): boolean {
  return c === 46 || c === 58 || c === 63 || c === 91 || c === 43 || c === 45;
}

export function parsePostfixOps(p: ParserState, target: ExpressionAst, inArgument = false): ExpressionAst {
  for (;;) {
    // Only what touches the value continues it; looking at the raw character first also keeps
    // argument mode from lexing `$x $` as an expression.
    const c = p.lx.code(p.pos);
    if (!startsPostfix(c)) return target;
    // `$hash.1`: a member named by a number (expression mode would read `.1` as a number).
    const t = c === 46 && isDigit(p.lx.code(p.pos + 1)) ? p.peekOperator() : p.peek('expression');
    if (t.kind === 'Operator' && (t.text === '.' || t.text === '::' || t.text === '?.')) {
      target = parseMember(p, target, t);
    } else if ((t.kind === 'Punctuation' && t.text === '[') || (t.kind === 'Operator' && t.text === '?[')) {
      target = parseIndex(p, target, t);
    } else if (!inArgument && t.kind === 'Operator' && (t.text === '++' || t.text === '--')) {
      p.consume();
      return own({ kind: 'Unary', operator: 'post' + t.text, operand: target, source: p.source, start: target.span.start, end: p.lastEnd, span: null! });
    } else return target;
  }
}

// member := name | number | variable | string | paren      (then arguments or a touching
//           scriptblock for a method call)
function parseMember(p: ParserState, target: ExpressionAst, op: Token): ExpressionAst {
  p.consume();
  const t = p.peek('expression');
  let member: ExpressionAst | undefined;
  if (!t.spaceBefore) {
    if (t.kind === 'Identifier') { p.consume(); member = own({ kind: 'StringConstant', value: t.text, quote: 'bare', source: p.source, start: t.start, end: t.end, span: null! }); }
    else if (t.kind === 'Number') member = parsePrimary(p);
    else if (t.kind === 'Variable' || t.kind === 'String' || t.kind === 'ExpandableString' || t.text === '(' || t.text === '$(') member = parsePrimary(p);
  }
  if (!member) p.fail('MissingPropertyName', 'Missing property name after reference operator.', t);
  const isStatic = op.text === '::', nullConditional = op.text === '?.';
  const c = p.lx.code(p.pos);
  if (c !== 40 && c !== 123) {
    return own({ kind: 'Member', target, member, static: isStatic, nullConditional, source: p.source, start: target.span.start, end: p.lastEnd, span: null! });
  }
  // `.Where{ $_ }`: a script block touching the name is the call's only argument.
  const args = c === 40 ? parseArguments(p) : [withCommas(p, () => { p.peek('expression'); return parseScriptBlockExpression(p); })];
  return own({ kind: 'InvokeMember', target, member, args, static: isStatic, nullConditional, source: p.source, start: target.span.start, end: p.lastEnd, span: null! });
}

// arguments := '(' newlines* ( expression ( ',' newlines* expression )* )? newlines* ')'
function parseArguments(p: ParserState): ExpressionAst[] {
  p.next('expression');
  let args: ExpressionAst[] = EMPTY;
  p.noComma++;
  try {
    p.skipNewlines();
    if (p.eat(')')) return EMPTY;
    for (;;) {
      p.skipNewlines();
      const arg = parseExpression(p);
      if (!arg) p.fail('MissingExpressionAfterToken', "Missing expression after ','.", p.peek('expression'));
      args = append(args, arg);
      p.skipNewlines();
      if (p.eat(')')) return fitted(args);
      if (!p.eat(',')) p.fail('MissingEndParenthesisInMethodCall', "Missing ')' in method call.", p.peek('expression'));
    }
  } finally { p.noComma--; }
}

// index := '[' newlines* expression newlines* ']'
function parseIndex(p: ParserState, target: ExpressionAst, open: Token): ExpressionAst {
  p.consume();
  const index = withCommas(p, () => {
    p.skipNewlines();
    const e = parseExpression(p);
    if (!e) p.fail('MissingArrayIndexExpression', 'Array index expression is missing or not valid.', p.peek('expression'));
    p.skipNewlines();
    return e;
  });
  const close = p.peek('expression');
  if (close.text !== ']') p.fail('MissingEndSquareBracket', "Missing ']' after array index expression.", close);
  p.consume();
  return own({ kind: 'Index', target, index, nullConditional: open.text === '?[', source: p.source, start: target.span.start, end: p.lastEnd, span: null! });
}
