// Blocks: `{ }` statement blocks, script blocks (a file, `{ ... }` values, function bodies) with
// their attributes, param() and begin/process/end, parameter lists, and function definitions.
// Imports the lexer and lib/core.

import type {
  AttributeAst, FunctionDefinitionAst, ParamBlockAst, ParameterAst, ScriptBlockAst,
  ScriptBlockExpressionAst, StatementBlockAst, TypeConstraintAst,
} from './ast.js';
import { parseExpression } from './expressions.js';
import { EMPTY, append, fitted } from './lists.js';
import { Bail, own, ParserState } from './state.js';
import { LazySpan, type Source, type Span } from '../../core/span.js';
import { parseStatementList } from './statements.js';
import { variableAst } from './strings.js';
import { expectBracket, parseAttributeRest, parseTypeName } from './types.js';

const missingBrace = "Missing closing '}' in statement block or type definition.";

// block := '{' statementList '}'
export function parseStatementBlock(p: ParserState): StatementBlockAst {
  const open = p.consume();
  const statements = parseStatementList(p, '}');
  const close = p.peek('argument');
  if (close.text !== '}') p.fail('MissingEndCurlyBrace', missingBrace, close, p.tokenSpan(open));
  p.consume();
  return own({ kind: 'StatementBlock', statements, source: p.source, start: open.start, end: p.lastEnd, span: null! });
}

// scriptBlockExpression := '{' scriptBlock '}'
export function parseScriptBlockExpression(p: ParserState): ScriptBlockExpressionAst {
  const block = parseBracedScriptBlock(p);
  return { kind: 'ScriptBlockExpression', block, span: block.span };
}

function parseBracedScriptBlock(p: ParserState): ScriptBlockAst {
  const open = p.consume();
  const body = parseScriptBlockBody(p, '}');
  const close = p.peek('argument');
  if (close.text !== '}') p.fail('MissingEndCurlyBrace', missingBrace, close, p.tokenSpan(open));
  p.consume();
  return scriptBlock(body, p.source.text.slice(open.end, close.start), p.source, open.start, p.lastEnd);
}

type Body = Omit<ScriptBlockAst, 'span' | 'text'>;

/** The node of a body, its text and span added (written out: an object spread is slow before
 *  V8 optimises it, and every function and `{ }` value has one). */
export function scriptBlock(body: Body, text: string, source: Source, start: number, end: number): ScriptBlockAst {
  return { kind: 'ScriptBlock', attributes: body.attributes, param: body.param, begin: body.begin, process: body.process,
    end: body.end, text, span: new LazySpan(source, start, end) };
}

// scriptBlock := attribute* paramBlock? ( namedBlock* | statementList )
export function parseScriptBlockBody(p: ParserState, closer: '}' | null): Body {
  p.skipNewlines(true);
  const bodyStart = p.peek('statement').start;
  let attributes: AttributeAst[] = EMPTY;
  let param: ParamBlockAst | undefined;
  if (p.peek('statement').text === '[') attributes = tryScriptAttributes(p);
  if (p.atKeyword('param')) {
    try { param = parseParamBlock(p, attributes); } catch (e) { if (!(e instanceof Bail)) throw e; }
    p.skipNewlines(true);
  }
  const t = p.peek('statement');
  if (t.kind === 'Keyword' && namedBlocks.has(t.value!)) {
    const { begin, process, end } = parseNamedBlocks(p, closer);
    return { kind: 'ScriptBlock', attributes, param, begin, process, end };
  }
  const statements = parseStatementList(p, closer);
  const end: StatementBlockAst = own({ kind: 'StatementBlock', statements, source: p.source, start: bodyStart, end: p.endFrom(bodyStart), span: null! });
  return { kind: 'ScriptBlock', attributes, param, begin: undefined, process: undefined, end };
}

/** `[CmdletBinding()]` before `param`; anything else in brackets is the first statement. */
function tryScriptAttributes(p: ParserState): AttributeAst[] {
  const m = p.mark();
  try {
    const found = parseAttributes(p);
    if (p.atKeyword('param') && found.every(a => a.kind === 'Attribute')) return found as AttributeAst[];
  } catch (e) { if (!(e instanceof Bail)) throw e; }
  p.reset(m);
  return EMPTY;
}

const namedBlocks = new Set(['begin', 'process', 'end', 'dynamicparam', 'clean']);

// namedBlocks := ( ( 'begin' | 'process' | 'end' ) block )*
function parseNamedBlocks(p: ParserState, closer: '}' | null) {
  const blocks: Partial<Record<'begin' | 'process' | 'end', StatementBlockAst>> = {};
  for (;;) {
    p.skipNewlines(true);
    const t = p.peek('statement');
    if (t.kind === 'EndOfInput' || (t.kind === 'Punctuation' && t.text === closer)) return blocks;
    if (t.kind !== 'Keyword' || !namedBlocks.has(t.value!)) {
      p.error('MissingNamedBlocks', `unexpected token '${t.text}', expected 'begin', 'process', 'end', or 'dynamicparam'.`, p.tokenSpan(t));
      parseStatementList(p, closer);
      return blocks;
    }
    p.consume();
    const name = t.value as 'begin' | 'process' | 'end';
    if (name !== 'begin' && name !== 'process' && name !== 'end') {
      p.error('NotSupported', `The '${t.value}' block is not supported by cscert.`, p.tokenSpan(t));
    }
    p.skipNewlines();
    const open = p.peek('expression');
    if (open.text !== '{') { p.error('MissingNamedStatementBlock', `Missing statement block after '${t.text}'.`, p.tokenSpan(open), open.kind === 'EndOfInput'); return blocks; }
    try {
      const block = parseStatementBlock(p);
      if (blocks[name]) p.error('DuplicateScriptCommandClause', `Script command clause '${name}' has already been defined.`, p.tokenSpan(t));
      else blocks[name] = block;
    } catch (e) { if (!(e instanceof Bail)) throw e; return blocks; }
  }
}

// paramBlock := 'param' newlines* '(' parameterList ')'
function parseParamBlock(p: ParserState, attributes: AttributeAst[]): ParamBlockAst {
  const kw = p.consume();
  const start = attributes.length ? attributes[0].span.start : kw.start;
  p.skipNewlines();
  if (!p.at('(')) p.unexpected(p.peek('expression'));
  const parameters = parseParameterList(p);
  return own({ kind: 'ParamBlock', attributes, parameters, source: p.source, start, end: p.lastEnd, span: null! });
}

// parameterList := '(' newlines* ( parameter ( ',' newlines* parameter )* )? newlines* ')'
export function parseParameterList(p: ParserState): ParameterAst[] {
  p.consume();
  let parameters: ParameterAst[] = EMPTY;
  p.noComma++;
  try {
    p.skipNewlines();
    if (!p.at(')')) {
      do { p.skipNewlines(); parameters = append(parameters, parseParameter(p)); p.skipNewlines(); } while (p.eat(','));
    }
  } finally { p.noComma--; }
  const close = p.peek('expression');
  if (close.text !== ')') p.fail('MissingEndParenthesisInFunctionParameterList', "Missing ')' in function parameter list.", close);
  p.consume();
  return fitted(parameters);
}

// parameter := ( attribute | '[' type ']' )* newlines* variable ( '=' newlines* expression )?
function parseParameter(p: ParserState): ParameterAst {
  const start = p.peek('expression').start;
  const attributes = parseAttributes(p);
  const v = p.peek('expression');
  if (v.kind !== 'Variable') {
    p.fail('InvalidFunctionParameter', 'Parameter declarations are a comma-separated list of variable names with optional initializer expressions.', v);
  }
  p.consume();
  const name = variableAst(p, v).name;
  let defaultValue;
  if (p.eat('=')) {
    p.skipNewlines();
    defaultValue = parseExpression(p);
    if (!defaultValue) p.fail('ExpectedValueExpression', "You must provide a value expression following the '=' operator.", p.peek('expression'));
  }
  return own({ kind: 'Parameter', name, attributes, defaultValue, source: p.source, start, end: p.lastEnd, span: null! });
}

// attributes := ( '[' type ( '(' arguments ')' )? ']' newlines* )*
function parseAttributes(p: ParserState): (AttributeAst | TypeConstraintAst)[] {
  let list: (AttributeAst | TypeConstraintAst)[] = EMPTY;
  // Peeked as at a statement's start, where `param` is a keyword; `[` reads the same either way.
  while (p.at('[', 'statement')) {
    const open = p.consume();
    const typeName = parseTypeName(p);
    if (p.peek('type').text === '(') list = append(list, parseAttributeRest(p, typeName, open.start));
    else { expectBracket(p); list = append(list, own({ kind: 'TypeConstraint', typeName, source: p.source, start: open.start, end: p.lastEnd, span: null! })); }
    p.skipNewlines();
  }
  return fitted(list);
}

// function := ( 'function' | 'filter' ) name newlines* parameterList? newlines* '{' scriptBlock '}'
export function parseFunction(p: ParserState): FunctionDefinitionAst {
  const kw = p.consume();
  const name = p.peek('argument');
  if (name.kind !== 'Generic' && name.kind !== 'Keyword') p.fail('MissingNameAfterKeyword', `Missing name after ${kw.value} keyword.`, name);
  p.consume();
  p.skipNewlines();
  const parameters = p.at('(') ? parseParameterList(p) : undefined;
  p.skipNewlines();
  if (!p.at('{')) p.fail('MissingFunctionBody', 'Missing function body in function declaration.', p.peek('expression'));
  const open = p.peek('expression').start, limit = p.lx.limit, problems = p.problems.length;
  const parsed = parseBracedScriptBlock(p);
  if (parameters && parsed.param) {
    p.error('OnlyOneParameterListAllowed', 'The param statement cannot be used if arguments were specified in the function declaration.', parsed.param.span);
  }
  const node = { kind: 'FunctionDefinition' as const, name: name.value ?? name.text, isFilter: kw.value === 'filter', parameters,
    source: p.source, start: kw.start, end: p.lastEnd, span: null! };
  return own(p.problems.length > problems ? { ...node, body: parsed } : withLazyBody(node, open, limit));
}

/**
 * A function's body, parsed in full where it stands (every error in it is found then) but kept
 * as its place in the source, and built again, the same nodes at the same offsets, when first
 * read (a call, Get-Command). A script defines far more than it calls, and a tree that outlives
 * the parse is what every scavenge copies, while one dropped at its function's end costs the
 * collector nothing (5,000 lines of functions: 16.6 -> 9.2 ms of scavenges in a fresh process).
 * A body with errors keeps the tree it had.
 */
function withLazyBody(node: Omit<FunctionDefinitionAst, 'body'> & Span, open: number, limit: number): FunctionDefinitionAst & Span {
  let body: ScriptBlockAst | undefined;
  return { ...node,
    get body() {
      if (body) return body;
      const p = new ParserState(node.source, open, limit);
      p.peek('expression');
      return (body = parseBracedScriptBlock(p));
    } };
}
