// Commands in argument mode (about_Parsing): `Get-Item -Path a.txt 2 + 2` has the bare words
// `a.txt` and `+` and the numbers 2 as arguments. An argument made of touching parts
// (`$dir'file.html'`, `$dir\report.html`, `"$a"b`) is one string; commas make arrays
// (`-Type a,b`). Redirections (`> file`, `2>&1`) may stand anywhere among the arguments.
// Imports the lexer and lib/core.

import { hasColon, numberOf, type Token } from '../lexer/token.js';
import type {
  CommandAst, CommandParameterAst, ExpressionAst, RedirectionAst, StreamName,
} from './ast.js';
import { EMPTY, append, fitted } from './lists.js';
import { checkUsing, parsePostfixOps, parsePrimary } from './primary.js';
import { endsStatement, own, type ParserState } from './state.js';
import { stringAst, variableAst } from './strings.js';

/** Does this token start a command (rather than an expression) at the head of a pipeline? */
export function startsCommand(t: Token): boolean {
  switch (t.kind) {
    case 'Generic': case 'Keyword': case 'Parameter': return true;
    case 'Operator': return t.text === '&' || t.text === '.';
    default: return false;
  }
}

// command := ( '&' | '.' )? name ( parameter | argumentList | redirection )*
export function parseCommand(p: ParserState, mode: 'statement' | 'argument'): CommandAst {
  const first = p.peek(mode);
  const start = first.start;
  let invocation: CommandAst['invocation'] = null;
  if ((first.kind === 'Operator' || first.kind === 'Generic') && (first.text === '&' || first.text === '.')) {
    invocation = first.text;
    p.consume();
  }
  const name = parseArgument(p);
  if (!name) p.fail('MissingExpression', `Missing expression after '${first.text}' in pipeline element.`, p.peek('argument'));
  let elements: CommandAst['elements'] = [name];
  let redirections: RedirectionAst[] = EMPTY;
  let endOfParameters = false;
  for (;;) {
    const t = p.peek('argument');
    if (endsStatement(t)) break;
    if (t.kind === 'Redirection') redirections = append(redirections, parseRedirection(p));
    // A dash word touching the argument before it is text (`$s.Length-more`), not a parameter.
    else if (t.kind === 'Parameter' && !endOfParameters && t.spaceBefore) {
      const parameter = parseParameter(p);
      endOfParameters = parameter.endOfParameters === true;
      elements = append(elements, parameter);
    } else elements = append(elements, parseArgumentList(p));
  }
  return own({ kind: 'Command', invocation, elements: fitted(elements), redirections: fitted(redirections), source: p.source, start, end: p.lastEnd, span: null! });
}

// parameter := '-' name | '-' name ':' argumentList | '--'
function parseParameter(p: ParserState): CommandParameterAst {
  const t = p.consume();
  if (t.text === '--%') p.error('NotSupported', "The stop-parsing token '--%' is not supported by cscert.", p.tokenSpan(t));
  if (t.value === '') return own({ kind: 'CommandParameter', name: '', endOfParameters: true, source: p.source, start: t.start, end: t.end, span: null! });
  if (!hasColon(t)) return own({ kind: 'CommandParameter', name: t.value!, source: p.source, start: t.start, end: t.end, span: null! });
  const next = p.peek('argument');
  if (endsStatement(next) || next.kind === 'Redirection') {
    p.fail('ParameterRequiresArgument', `Parameter -${t.value} requires an argument.`, next, p.tokenSpan(t));
  }
  const argument = parseArgumentList(p);
  return own({ kind: 'CommandParameter', name: t.value!, argument, source: p.source, start: t.start, end: p.lastEnd, span: null! });
}

// argumentList := argument ( ',' newlines* argument )*
export function parseArgumentList(p: ParserState): ExpressionAst {
  const first = requireArgument(p);
  if (!p.at(',', 'argument')) return first;
  let elements = [first];
  while (p.eat(',', 'argument')) {
    p.skipNewlines();
    elements = append(elements, requireArgument(p));
  }
  return own({ kind: 'ArrayLiteral', elements: fitted(elements), source: p.source, start: first.span.start, end: p.lastEnd, span: null! });
}

function requireArgument(p: ParserState): ExpressionAst {
  const t = p.peek('argument');
  if (t.kind === 'Operator' && t.text === ',') {
    // `Write-Output ,$x`: the unary comma, an array of one.
    p.consume();
    const operand = requireArgument(p);
    return own({ kind: 'Unary', operator: ',', operand, source: p.source, start: t.start, end: p.lastEnd, span: null! });
  }
  const arg = parseArgument(p);
  if (!arg) {
    if (endsStatement(t)) p.fail('MissingArgument', 'Missing argument in parameter list.', t);
    p.unexpected(t);
  }
  return arg;
}

// argument := part ( part )*       (parts touch: no whitespace between them)
// about_Parsing: after member access the argument ends, so `$s.Length-more` is two arguments.
export function parseArgument(p: ParserState): ExpressionAst | undefined {
  const first = parseArgumentPart(p);
  if (!first || first.kind === 'Member' || first.kind === 'InvokeMember') return first;
  let parts: ExpressionAst[] = [first];
  for (let t = p.peek('argument'); !t.spaceBefore && joinsArgument(t); t = p.peek('argument')) {
    parts = append(parts, parseArgumentPart(p, true)!);
  }
  return parts.length === 1 ? first : joinParts(p, parts);
}

function joinsArgument(t: Token): boolean {
  switch (t.kind) {
    case 'Generic': case 'Number': case 'Parameter': case 'String': case 'ExpandableString':
    case 'Variable': case 'SplattedVariable': case 'Keyword': case 'Unknown':
      return true;
    case 'Punctuation': return t.text === '$(';
    default: return false;
  }
}

const groupStarts = new Set(['(', '$(', '@(', '@{', '{']);

// part := word | number | string | variable postfix* | '(' ... ')' postfix* | '$(' ... ')' | '@(' | '@{' | '{'
function parseArgumentPart(p: ParserState, joined = false): ExpressionAst | undefined {
  const t = p.peek('argument');
  switch (t.kind) {
    case 'Generic': case 'Keyword':
      p.consume();
      return own({ kind: 'StringConstant', value: t.value ?? t.text, quote: 'bare', source: p.source, start: t.start, end: t.end, span: null! });
    case 'Number':
      p.consume();
      if (joined) return own({ kind: 'StringConstant', value: t.text, quote: 'bare', source: p.source, start: t.start, end: t.end, span: null! });
      return own({ kind: 'Constant', value: numberOf(t).value, numberType: numberOf(t).type, text: t.text, source: p.source, start: t.start, end: t.end, span: null! });
    case 'Parameter': case 'Unknown':
      p.consume();
      return own({ kind: 'StringConstant', value: t.text, quote: 'bare', source: p.source, start: t.start, end: t.end, span: null! });
    case 'String': case 'ExpandableString':
      p.consume();
      return stringAst(p, t);
    case 'SplattedVariable':
      p.consume();
      if (joined) return own({ kind: 'StringConstant', value: t.text, quote: 'bare', source: p.source, start: t.start, end: t.end, span: null! });
      return variableAst(p, t, true);
    case 'Variable':
      // Inside a word a variable expands alone, as in a string: `a$b.Length` is 'a', $b, '.Length'.
      p.consume();
      if (joined) return variableAst(p, t);
      const variable = variableAst(p, t);
      return checkUsing(p, variable, parsePostfixOps(p, variable, true));
    case 'Punctuation':
      if (groupStarts.has(t.text)) {
        const e = parsePrimary(p);
        return e && parsePostfixOps(p, e, true);
      }
  }
  return undefined;
}

/** Touching parts as one argument: a bare string when all are constant, else expandable. */
function joinParts(p: ParserState, parts: ExpressionAst[]): ExpressionAst {
  const start = parts[0].span.start, end = parts[parts.length - 1].span.end, source = p.source;
  let out: (string | ExpressionAst)[] = EMPTY;
  let text: string | undefined;   // text since the last hole: runs of text are one part
  const hole = (e: ExpressionAst) => {
    if (text !== undefined) { out = append(out, text); text = undefined; }
    out = append(out, e);
  };
  for (const part of parts) {
    if (part.kind === 'StringConstant') text = (text ?? '') + part.value;
    else if (part.kind === 'Constant') text = (text ?? '') + part.text;
    else if (part.kind === 'ExpandableString') for (const x of part.parts) typeof x === 'string' ? text = (text ?? '') + x : hole(x);
    else hole(part);
  }
  if (out === EMPTY) return own({ kind: 'StringConstant', value: text ?? '', quote: 'bare', source, start, end, span: null! });
  if (text !== undefined) out = append(out, text);
  return own({ kind: 'ExpandableString', parts: fitted(out), quote: 'bare', text: source.text.slice(start, end), source, start, end, span: null! });
}

const streams: Record<string, StreamName> = {
  '': 'Output', '1': 'Output', '2': 'Error', '3': 'Warning', '4': 'Verbose', '5': 'Debug', '6': 'Information', '*': 'All',
};

// redirection := stream? ( '>' | '>>' ) argument | stream '>&1'
export function parseRedirection(p: ParserState): RedirectionAst {
  const t = p.consume();
  const m = /^([1-6*]?)(>>|>&([12])|>)$/.exec(t.text);
  if (!m || (m[3] && (m[3] !== '1' || m[1] === '1' || m[1] === ''))) {
    p.fail('RedirectionNotSupported', `The '${t.text}' operator is reserved for future use.`, t);
  }
  const from = streams[m[1]];
  if (m[3]) return { kind: 'MergingRedirection', from, to: 'Output', span: p.tokenSpan(t) };
  const next = p.peek('argument');
  const target = endsStatement(next) || next.kind === 'Redirection' ? undefined : parseArgument(p);
  if (!target) p.fail('MissingFileSpecification', 'Missing file specification after redirection operator.', next, p.tokenSpan(t));
  return { kind: 'FileRedirection', stream: from, append: m[2] === '>>', target, span: p.spanFrom(t.start) };
}
