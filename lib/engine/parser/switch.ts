// The switch statement (about_Switch): flags, a parenthesised value or `-File path`, then clauses
// whose conditions are read like command arguments (`abc`, 'a*', 5, { $_ -gt 5 }) and `default`.
// Imports the lexer and lib/core.

import type { ExpressionAst, PipelineAst, StatementBlockAst, SwitchAst, SwitchFlags } from './ast.js';
import { parseStatementBlock } from './blocks.js';
import { parseArgument } from './commands.js';
import { EMPTY, append, fitted } from './lists.js';
import { own, type ParserState } from './state.js';
import { parsePipeline } from './statements.js';

const flagNames = ['regex', 'wildcard', 'exact', 'casesensitive', 'file', 'parallel'] as const;

// switch := 'switch' flag* ( '(' pipeline ')' | '-File' argument ) '{' clause* '}'
export function parseSwitch(p: ParserState, label: string | undefined, start = p.peek('statement').start): SwitchAst {
  p.consume();
  const flags: SwitchFlags = { regex: false, wildcard: false, exact: false, caseSensitive: false, file: false };
  let file: ExpressionAst | undefined;
  for (let t = p.peek('argument'); t.kind === 'Parameter'; t = p.peek('argument')) {
    p.consume();
    const name = t.value!.toLowerCase();
    const flag = name ? flagNames.find(f => f.startsWith(name)) : undefined;
    if (!flag) p.fail('InvalidSwitchFlag', `The parameter ${t.text} is not valid for the switch statement.`, t);
    if (flag === 'parallel') p.fail('NotSupported', "The 'switch -parallel' statement is not supported by cscert.", t);
    if (flag === 'casesensitive') flags.caseSensitive = true;
    else flags[flag] = true;
    if (flag === 'file') {
      p.skipNewlines();
      file = parseArgument(p);
      if (!file) p.fail('MissingFilenameOption', "Cannot process the 'switch' statement because of a missing file name argument to the -file option.", p.peek('argument'));
    }
  }
  const condition = file ? wrap(file) : parseValue(p);
  p.skipNewlines();
  const open = p.peek('expression');
  if (open.text !== '{') p.fail('MissingCurlyBraceInSwitchStatement', "Missing '{' in switch statement.", open);
  p.consume();
  const { clauses, defaultBlock } = parseClauses(p, p.tokenSpan(open));
  return own({ kind: 'Switch', label, flags, condition, clauses, default: defaultBlock, source: p.source, start, end: p.lastEnd, span: null! });
}

function parseValue(p: ParserState): PipelineAst {
  p.skipNewlines();
  const open = p.peek('expression');
  if (open.text !== '(') p.fail('PipelineValueRequired', "A switch statement must have one of the following:  '-file file_name' or '( expression )'.", open);
  p.consume();
  p.skipNewlines();
  if (p.at(')')) p.fail('MissingSwitchValueExpression', "Missing expression after '(' in switch statement.", p.peek('expression'));
  const value = parsePipeline(p) as PipelineAst;
  p.skipNewlines();
  const close = p.peek('expression');
  if (close.text !== ')') p.fail('MissingEndParenthesisInSwitchStatement', "Missing ')' after expression in switch statement.", close);
  p.consume();
  return value;
}

function wrap(e: ExpressionAst): PipelineAst {
  return { kind: 'Pipeline', elements: [{ kind: 'CommandExpression', expression: e, redirections: EMPTY, span: e.span }], span: e.span };
}

// clause := ( 'default' | argument ) newlines* block
function parseClauses(p: ParserState, openSpan: SwitchAst['span']) {
  let clauses: SwitchAst['clauses'] = EMPTY;
  let defaultBlock: StatementBlockAst | undefined;
  for (;;) {
    let t = p.peek('argument');
    while (t.kind === 'Newline' || t.text === ';') { p.consume(); t = p.peek('argument'); }
    if (t.kind === 'Punctuation' && t.text === '}') { p.consume(); return { clauses: fitted(clauses), defaultBlock }; }
    if (t.kind === 'EndOfInput') p.fail('MissingEndCurlyBrace', "Missing closing '}' in statement block or type definition.", t, openSpan);
    const isDefault = t.kind === 'Generic' && t.text.toLowerCase() === 'default';
    const pattern = isDefault ? (p.consume(), undefined) : parseArgument(p);
    if (!isDefault && !pattern) p.fail('MissingSwitchConditionExpression', 'Missing condition in switch statement clause.', t);
    p.skipNewlines();
    const open = p.peek('expression');
    if (open.text !== '{') p.fail('MissingSwitchStatementClause', 'Missing statement block in switch statement clause.', open);
    const body = parseStatementBlock(p);
    if (!isDefault) clauses = append(clauses, { pattern: pattern!, body });
    else if (defaultBlock) p.error('MultipleSwitchDefaultClauses', 'A switch statement can have only one default clause.', p.tokenSpan(t));
    else defaultBlock = body;
  }
}
