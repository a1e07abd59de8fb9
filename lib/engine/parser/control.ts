// Keyword statements: if, switch, foreach, for, while, do, try, trap, flow control (break,
// continue, return, exit, throw), function and filter, and labels before loops. Keywords that
// name features cscert leaves out are refused here by name. Imports the lexer and lib/core.

import { variableOf, type Token } from '../lexer/token.js';
import type {
  DoLoopAst, ForAst, ForeachAst, IfAst, StatementAst, StatementBlockAst, TryAst, TrapAst, TypeNameAst,
  WhileAst,
} from './ast.js';
import { parseFunction, parseStatementBlock } from './blocks.js';
import { parseArgument } from './commands.js';
import { EMPTY, append, fitted } from './lists.js';
import { endsStatement, own, type ParserState } from './state.js';
import { parsePipeline, parsePipelineChain, parseStatement } from './statements.js';
import { parseSwitch } from './switch.js';
import { expectBracket, parseTypeName } from './types.js';

const unsupported = new Set(['class', 'enum', 'using', 'configuration', 'workflow', 'parallel', 'sequence',
  'inlinescript', 'data', 'dynamicparam', 'clean']);
const reserved = new Set(['define', 'from', 'var']);

/** The statement a keyword starts; undefined when the keyword is only a command name here. */
export function parseKeywordStatement(p: ParserState, t: Token): StatementAst | undefined {
  const word = t.value!;
  switch (word) {
    case 'if': return parseIf(p);
    case 'switch': return parseSwitch(p, undefined);
    case 'foreach': return parseForeach(p, undefined);
    case 'for': return parseFor(p, undefined);
    case 'while': return parseWhile(p, undefined);
    case 'do': return parseDo(p, undefined);
    case 'try': return parseTry(p);
    case 'trap': return parseTrap(p);
    case 'function': case 'filter': return parseFunction(p);
    case 'break': case 'continue': return parseBreak(p);
    case 'return': case 'exit': case 'throw': return parseFlow(p);
    case 'begin': case 'process': case 'end': return undefined;
  }
  if (unsupported.has(word)) p.fail('NotSupported', `The '${word}' keyword is not supported by cscert.`, t);
  if (reserved.has(word)) p.fail('ReservedKeywordNotAllowed', `The '${word}' keyword is not supported in this version of the language.`, t);
  return p.unexpected(t);
}

// labeled := label ( foreach | for | while | do | switch )
export function parseLabeled(p: ParserState): StatementAst {
  const label = p.consume();
  const t = p.peek('statement');
  const name = label.value!;
  if (t.kind === 'Keyword') {
    switch (t.value) {
      case 'foreach': return parseForeach(p, name, label.start);
      case 'for': return parseFor(p, name, label.start);
      case 'while': return parseWhile(p, name, label.start);
      case 'do': return parseDo(p, name, label.start);
      case 'switch': return parseSwitch(p, name, label.start);
    }
  }
  // A label before anything else labels nothing; PowerShell ignores it.
  return parsePipelineChain(p);
}

/** `(` newlines* pipeline newlines* `)` after a keyword. */
function parseCondition(p: ParserState, keyword: string): StatementAst {
  const open = p.peek('expression');
  if (open.text !== '(') {
    if (keyword === 'if' || keyword === 'elseif') p.fail('MissingOpenParenthesisInIfStatement', `Missing '(' after '${keyword}' in if statement.`, open);
    p.fail('MissingOpenParenthesisAfterKeyword', `Missing opening '(' after keyword '${keyword}'.`, open);
  }
  p.consume();
  p.skipNewlines();
  const first = p.peek('statement');
  if (first.text === ')' || first.kind === 'EndOfInput') {
    if (keyword === 'if' || keyword === 'elseif') p.fail('IfStatementMissingCondition', `Missing condition in if statement after '${keyword} ('.`, first);
    p.fail('MissingExpressionAfterKeyword', `Missing expression after '${keyword}' in loop.`, first);
  }
  const condition = parsePipelineChain(p);
  p.skipNewlines();
  const close = p.peek('expression');
  if (close.text !== ')') p.fail('MissingEndParenthesisAfterStatement', `Missing closing ')' after expression in '${keyword}' statement.`, close);
  p.consume();
  return condition;
}

/** A `{ }` body after a keyword's condition, or the error PowerShell gives for its absence. */
function parseBody(p: ParserState, id: string, message: string): StatementBlockAst {
  p.skipNewlines();
  const t = p.peek('expression');
  if (t.text !== '{') p.fail(id, message, t);
  return parseStatementBlock(p);
}

// if := 'if' condition block ( 'elseif' condition block )* ( 'else' block )?
function parseIf(p: ParserState): IfAst {
  const start = p.consume().start;
  let clauses: IfAst['clauses'] = EMPTY;
  let keyword = 'if';
  let elseBlock: StatementBlockAst | undefined;
  for (;;) {
    p.skipNewlines();
    const condition = parseCondition(p, keyword) as IfAst['clauses'][number]['condition'];
    const body = parseBody(p, 'MissingStatementBlock', `Missing statement block after ${keyword} ( condition ).`);
    clauses = append(clauses, { condition, body });
    const m = p.mark();
    p.skipNewlines();
    if (p.atKeyword('elseif')) { p.consume(); keyword = 'elseif'; continue; }
    if (p.atKeyword('else')) {
      p.consume();
      elseBlock = parseBody(p, 'MissingStatementBlockAfterElse', "Missing statement block after 'else' keyword.");
    } else p.reset(m);
    break;
  }
  return own({ kind: 'If', clauses: fitted(clauses), else: elseBlock, source: p.source, start, end: p.lastEnd, span: null! });
}

// foreach := 'foreach' '(' variable 'in' pipeline ')' block
function parseForeach(p: ParserState, label: string | undefined, start = p.peek('statement').start): ForeachAst {
  p.consume();
  const flag = p.peek('argument');
  if (flag.kind === 'Parameter') {
    if (/^parallel$/i.test(flag.value!)) p.fail('NotSupported', "The 'foreach -parallel' statement is not supported by cscert.", flag);
    p.fail('InvalidForeachFlag', `The parameter ${flag.text} is not valid for the foreach statement.`, flag);
  }
  p.skipNewlines();
  const open = p.peek('expression');
  if (open.text !== '(') p.fail('MissingOpenParenthesisAfterKeyword', "Missing opening '(' after keyword 'foreach'.", open);
  p.consume();
  p.skipNewlines();
  const v = p.peek('expression');
  if (v.kind !== 'Variable') p.fail('MissingVariableNameAfterForeach', 'Missing variable name after foreach.\nThe correct form is: foreach ($a in $b) {...}', v);
  p.consume();
  p.skipNewlines();
  const kw = p.peek('statement');
  if (kw.kind !== 'Keyword' || kw.value !== 'in') p.fail('MissingInInForeach', "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}", kw);
  p.consume();
  p.skipNewlines();
  if (p.at(')', 'statement')) p.fail('MissingForeachExpression', 'Missing expression in foreach loop.\nThe correct form is: foreach ($a in $b) {...}', p.peek('expression'));
  const iterable = parsePipeline(p) as ForeachAst['iterable'];
  p.skipNewlines();
  const close = p.peek('expression');
  if (close.text !== ')') p.fail('MissingEndParenthesisAfterForeach', "Missing closing ')' after expression part of foreach loop.\nThe correct form is: foreach ($a in $b) {...}", close);
  p.consume();
  const body = parseBody(p, 'MissingForeachStatement', 'Missing statement body in foreach loop.\nThe correct form is: foreach ($a in $b) {...}');
  const variable = own({ kind: 'Variable' as const, name: variableOf(v).name, scope: variableOf(v).scope, splatted: false, source: p.source, start: v.start, end: v.end, span: null! });
  return own({ kind: 'Foreach', label, variable, iterable, body, source: p.source, start, end: p.lastEnd, span: null! });
}

// for := 'for' '(' statement? sep statement? sep statement? ')' block      sep := ';' | newline
function parseFor(p: ParserState, label: string | undefined, start = p.peek('statement').start): ForAst {
  p.consume();
  p.skipNewlines();
  const open = p.peek('expression');
  if (open.text !== '(') p.fail('MissingOpenParenthesisAfterKeyword', "Missing opening '(' after keyword 'for'.", open);
  p.consume();
  const parts: (StatementAst | undefined)[] = [];
  for (let i = 0; i < 3; i++) {
    p.skipNewlines();
    const t = p.peek('statement');
    parts.push(t.text === ';' || t.text === ')' ? undefined : parsePipelineChain(p));
    const sep = p.peek('argument');
    if (i < 2 && (sep.text === ';' || sep.kind === 'Newline')) p.consume();
  }
  p.skipNewlines();
  const close = p.peek('expression');
  if (close.text !== ')') p.fail('MissingEndParenthesisAfterStatement', "Missing closing ')' after expression in 'for' statement.", close);
  p.consume();
  const body = parseBody(p, 'MissingLoopStatement', 'Missing statement body in for loop.');
  return own({ kind: 'For', label, init: parts[0], condition: parts[1], iterator: parts[2], body, source: p.source, start, end: p.lastEnd, span: null! });
}

// while := 'while' condition block
function parseWhile(p: ParserState, label: string | undefined, start = p.peek('statement').start): WhileAst {
  p.consume();
  p.skipNewlines();
  const condition = parseCondition(p, 'while');
  const body = parseBody(p, 'MissingLoopStatement', 'Missing statement body in while loop.');
  return own({ kind: 'While', label, condition, body, source: p.source, start, end: p.lastEnd, span: null! });
}

// do := 'do' block newlines* ( 'while' | 'until' ) condition
function parseDo(p: ParserState, label: string | undefined, start = p.peek('statement').start): DoLoopAst {
  p.consume();
  const body = parseBody(p, 'MissingLoopStatement', 'Missing statement body in do loop.');
  p.skipNewlines();
  const kw = p.peek('statement');
  if (kw.kind !== 'Keyword' || (kw.value !== 'while' && kw.value !== 'until')) {
    p.fail('MissingWhileOrUntilInDoWhile', 'Missing while or until keyword in do loop.', kw);
  }
  p.consume();
  p.skipNewlines();
  const condition = parseCondition(p, kw.value!);
  return own({ kind: kw.value === 'while' ? 'DoWhile' : 'DoUntil', label, condition, body, source: p.source, start, end: p.lastEnd, span: null! });
}

// try := 'try' block ( 'catch' ( type ( ',' type )* )? block )* ( 'finally' block )?
function parseTry(p: ParserState): TryAst {
  const start = p.consume().start;
  const body = parseBody(p, 'MissingTryStatement', "Incomplete 'try' statement. A try statement requires a body.");
  let catches: TryAst['catches'] = EMPTY;
  let finallyBlock: StatementBlockAst | undefined;
  for (;;) {
    const m = p.mark();
    p.skipNewlines();
    if (p.atKeyword('catch')) {
      const at = p.consume().start;
      let types: TypeNameAst[] = EMPTY;
      while (p.at('[')) {
        p.consume();
        types = append(types, parseTypeName(p));
        expectBracket(p);
        if (!p.eat(',')) break;
        p.skipNewlines();
      }
      const block = parseBody(p, 'MissingCatchHandlerBlock', 'Missing statement block in catch clause.');
      catches = append(catches, { types: fitted(types), body: block, span: p.spanFrom(at) });
      continue;
    }
    if (p.atKeyword('finally')) {
      p.consume();
      finallyBlock = parseBody(p, 'MissingFinallyStatementBlock', 'Missing statement block in finally clause.');
    } else p.reset(m);
    break;
  }
  if (!catches.length && !finallyBlock) {
    p.skipNewlines();   // at the end of input the catch may still come: incomplete, not wrong
    p.fail('MissingCatchOrFinally', 'The Try statement is missing its Catch or Finally block.', p.peek('argument'));
  }
  return own({ kind: 'Try', body, catches: fitted(catches), finally: finallyBlock, source: p.source, start, end: p.lastEnd, span: null! });
}

// trap := 'trap' ( '[' type ']' )? block
function parseTrap(p: ParserState): TrapAst {
  const start = p.consume().start;
  p.skipNewlines();
  let type: TypeNameAst | undefined;
  if (p.at('[')) { p.consume(); type = parseTypeName(p); expectBracket(p); }
  const body = parseBody(p, 'MissingTrapStatement', "The 'trap' statement was incomplete. A trap statement requires a body.");
  return own({ kind: 'Trap', type, body, source: p.source, start, end: p.lastEnd, span: null! });
}

// break := ( 'break' | 'continue' ) label?
function parseBreak(p: ParserState): StatementAst {
  const t = p.consume();
  const next = p.peek('argument');
  const label = endsStatement(next) ? undefined : parseArgument(p);
  const kind = t.value === 'break' ? 'Break' as const : 'Continue' as const;
  return own({ kind, label, source: p.source, start: t.start, end: p.lastEnd, span: null! });
}

// flow := ( 'return' | 'exit' | 'throw' ) chain?
function parseFlow(p: ParserState): StatementAst {
  const t = p.consume();
  const next = p.peek('statement');
  const value = endsStatement(next) ? undefined : parseStatement(p);
  const kind = t.value === 'return' ? 'Return' as const : t.value === 'exit' ? 'Exit' as const : 'Throw' as const;
  return own({ kind, value, source: p.source, start: t.start, end: p.lastEnd, span: null! });
}
