// Statement lists, statements, pipeline chains, pipelines and assignments. A statement ends at a
// newline, `;`, or the bracket that closes its block. A pipeline whose first element is an
// expression may be an assignment (`$a, $b = 1, 2`); the value of an assignment is a statement
// (`$x = if ($y) { 1 }`). Imports the lexer and lib/core.

import type {
  AssignmentAst, AssignmentOperator, CommandExpressionAst, ExpressionAst, PipelineAst, PipelineChainAst,
  RedirectionAst, StatementAst,
} from './ast.js';
import { SPACES_AND_TABS, runEnd } from '../lexer/chars.js';
import { parseCommand, parseRedirection, startsCommand } from './commands.js';
import { parseKeywordStatement, parseLabeled } from './control.js';
import { parseExpression } from './expressions.js';
import { EMPTY, append, fitted } from './lists.js';
import { Bail, endsStatement, own, type ParserState } from './state.js';

// statementList := ( separator* statement )* separator*      separator := newline | ';'
export function parseStatementList(p: ParserState, closer: ')' | '}' | null): StatementAst[] {
  let list: StatementAst[] = EMPTY;
  for (;;) {
    p.skipNewlines(true);
    const t = p.peek('statement'), kind = t.kind;
    if (kind === 'EndOfInput') return fitted(list);
    if (kind === 'Punctuation') {
      const text = t.text;
      if (text === closer) return fitted(list);
      if (text === '}' || text === ')') {
        p.error('UnexpectedToken', `Unexpected token '${text}' in expression or statement.`, p.tokenSpan(t));
        p.consume();
        continue;
      }
    }
    try {
      list = append(list, parseStatement(p));
      if (!p.atLineEnd()) {   // most statements end their line: no token is read to see it
        const after = p.peek('argument');
        if (!endsStatement(after) || after.kind === 'Operator') p.unexpected(after);
      }
    } catch (e) {
      if (!(e instanceof Bail)) throw e;
      recover(p);
    }
  }
}

/** After an error: skip to the end of the statement, keeping brackets balanced. */
function recover(p: ParserState): void {
  let depth = 0;
  for (;;) {
    const t = p.peek('argument');
    if (t.kind === 'EndOfInput') return;
    if (depth === 0 && (t.kind === 'Newline' || t.text === ';')) return;
    if (t.kind === 'Punctuation') {
      if (t.text === '}' || t.text === ')') { if (depth === 0) return; depth--; }
      else if (t.text === '{' || t.text === '(' || t.text === '$(' || t.text === '@(' || t.text === '@{') depth++;
    }
    p.consume();
  }
}

// statement := keywordStatement | label loop | chain
export function parseStatement(p: ParserState): StatementAst {
  const t = p.peek('statement');
  if (t.kind === 'Keyword') {
    const s = parseKeywordStatement(p, t);
    if (s) return s;
  }
  if (t.kind === 'Label') return parseLabeled(p);
  return parsePipelineChain(p);
}

// chain := pipeline ( ( '&&' | '||' ) newlines* pipeline )*
export function parsePipelineChain(p: ParserState): StatementAst {
  const first = parsePipeline(p);
  if (first.kind === 'Assignment') return first;
  let left: PipelineAst | PipelineChainAst = first;
  for (;;) {
    const op = p.peek('argument');
    if (op.kind !== 'Operator' || (op.text !== '&&' && op.text !== '||')) return left;
    p.consume();
    p.skipNewlines();
    if (endsStatement(p.peek('statement'))) {
      p.fail('EmptyPipelineChainElement', `A pipeline chain operator '${op.text}' must be followed by a pipeline.`, p.peek('statement'));
    }
    const right = parsePipeline(p);
    if (right.kind === 'Assignment') p.fail('InvalidPipelineChainElement', 'An assignment cannot follow a pipeline chain operator.', op, right.span);
    left = own({ kind: 'PipelineChain', left, operator: op.text as '&&' | '||', right, source: p.source, start: left.span.start, end: p.lastEnd, span: null! });
  }
}

const assignmentOperators = new Set(['=', '+=', '-=', '*=', '/=', '%=', '??=']);

// pipeline := expression assignmentOperator statement
//           | ( command | expression redirection* ) ( '|' newlines* command )*
export function parsePipeline(p: ParserState): PipelineAst | AssignmentAst {
  const first = p.peek('statement');
  const start = first.start;
  let head: PipelineAst['elements'][number];
  if (startsCommand(first)) head = parseCommand(p, 'statement');
  else {
    const expression = parseExpression(p);
    if (!expression) p.unexpected(p.peek('expression'));
    const op = p.peek('expression');
    if (op.kind === 'Operator' && assignmentOperators.has(op.text)) return parseAssignment(p, expression, op.text as AssignmentOperator);
    head = commandExpression(p, expression);
  }
  let elements: PipelineAst['elements'] = [head];
  while (p.at('|', 'argument') || continuesOnNextLine(p)) {
    p.skipNewlines();
    p.next('argument');   // the `|`
    p.skipNewlines();
    const next = p.peek('argument');
    if (endsStatement(next)) p.fail('EmptyPipeElement', 'An empty pipe element is not allowed.', next);
    if (!startsCommand(next)) p.fail('ExpressionsMustBeFirstInPipeline', 'Expressions are only allowed as the first element of a pipeline.', next);
    elements = append(elements, parseCommand(p, 'argument'));
  }
  elements = fitted(elements);
  const amp = p.peek('argument');
  if (amp.kind === 'Operator' && amp.text === '&') {
    p.fail('NotSupported', "Background jobs ('&' at the end of a pipeline) are not supported by cscert.", amp);
  }
  return own({ kind: 'Pipeline', elements, source: p.source, start, end: p.lastEnd, span: null! });
}

/** PowerShell 7.4: a line starting with `|` continues the pipeline above it (blank lines and
 *  comment lines may come between). Looks at the characters, so no token is lexed twice. */
function continuesOnNextLine(p: ParserState): boolean {
  const { text, limit } = p.lx;
  let i = p.blankEnd(), newline = false;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) { newline = true; i++; }
    else if (c === 32 || c === 9) i = runEnd(SPACES_AND_TABS, text, i + 1, limit);   // the next line's indentation
    else if (c === 35) { while (i < limit && text.charCodeAt(i) !== 10) i++; }   // # comment
    else return newline && c === 124 && !(i + 1 < limit && text.charCodeAt(i + 1) === 124);
  }
  return false;
}

function commandExpression(p: ParserState, expression: ExpressionAst): CommandExpressionAst {
  let redirections: RedirectionAst[] = EMPTY;
  while (p.peek('argument').kind === 'Redirection') redirections = append(redirections, parseRedirection(p));
  redirections = fitted(redirections);
  return own({ kind: 'CommandExpression', expression, redirections, source: p.source, start: expression.span.start, end: p.lastEnd, span: null! });
}

function parseAssignment(p: ParserState, target: ExpressionAst, operator: AssignmentOperator): AssignmentAst {
  if (!assignable(target)) {
    p.error('InvalidLeftHandSide', 'The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.', target.span);
  }
  const op = p.consume();
  p.skipNewlines();
  const v = p.peek('statement');
  if (endsStatement(v)) p.fail('ExpectedValueExpression', `You must provide a value expression following the '${op.text}' operator.`, v, p.after(op));
  const value = parseStatement(p);
  return own({ kind: 'Assignment', target, operator, value, source: p.source, start: target.span.start, end: p.lastEnd, span: null! });
}

function assignable(e: ExpressionAst): boolean {
  switch (e.kind) {
    case 'Variable': return !e.splatted && e.scope !== 'using';   // `$using:x` is a copy, read-only
    case 'Member': case 'Index': return true;
    case 'Convert': return assignable(e.operand);
    case 'ArrayLiteral': return e.elements.every(assignable);
    case 'Paren': return e.statement.kind === 'Pipeline' && e.statement.elements.length === 1
      && e.statement.elements[0].kind === 'CommandExpression' && assignable(e.statement.elements[0].expression);
    default: return false;
  }
}
