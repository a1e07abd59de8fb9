// Helpers for the parser specs: parse text, reach into the first statement, and strip spans so
// that trees compare by shape.

import { expect } from 'chai';
import { ParseErrors, ShellError } from '../../../lib/core/errors.js';
import { makeSource, type Span } from '../../../lib/core/span.js';
import type { CommandAst, CommandParameterAst, ExpressionAst, ScriptBlockAst, StatementAst } from '../../../lib/engine/parser/ast.js';
import { parseScript } from '../../../lib/engine/parser/index.js';

export const parse = (text: string): ScriptBlockAst => parseScript(makeSource('test.ps1', text));

export function statements(text: string): StatementAst[] { return parse(text).end!.statements; }
export function statement(text: string): StatementAst { return statements(text)[0]; }

/** The expression of a one-expression pipeline. */
export function expression(text: string): ExpressionAst {
  const s = statement(text);
  if (s.kind !== 'Pipeline' || s.elements[0].kind !== 'CommandExpression') throw new Error(`not an expression: ${text}`);
  return s.elements[0].expression;
}

export function command(text: string, index = 0): CommandAst {
  const s = statement(text);
  if (s.kind !== 'Pipeline' || s.elements[index].kind !== 'Command') throw new Error(`not a command: ${text}`);
  return s.elements[index] as CommandAst;
}

/** The keys of a node's span, which a node that is its own span has as fields. */
const spanKeys = new Set(['span', 'source', 'start', 'end']);
const isSpanKey = (node: object, k: string) => k === 'span' || ((node as { span?: unknown }).span === node && spanKeys.has(k));

/** A node without spans, for deep comparison. */
export function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node)
    .filter(([k, v]) => !isSpanKey(node, k) && v !== undefined).map(([k, v]) => [k, shape(v)]));
}

/** A node with its spans as [start, end] offsets counted from `offset`, keys sorted: two trees
 *  compare equal exactly when they have the same shape and cover the same text. */
export function canonical(node: unknown, offset: number): unknown {
  if (Array.isArray(node)) return node.map(x => canonical(x, offset));
  if (!node || typeof node !== 'object') return node;
  const entries = Object.keys(node).sort().map(k => [k, (node as Record<string, unknown>)[k]] as const)
    .filter(([k, v]) => v !== undefined && (k === 'span' || !isSpanKey(node, k)));
  return Object.fromEntries(entries.map(([k, v]) => [k, k === 'span'
    ? [(v as Span).start - offset, (v as Span).end - offset] : canonical(v, offset)]));
}

/** The parse errors of `text` (fails the test when it parses). */
export function errorsOf(text: string): ShellError[] {
  try { parse(text); } catch (e) {
    expect(e).to.be.instanceOf(ParseErrors);
    return (e as ParseErrors).errors;
  }
  expect.fail(`expected parse errors for ${JSON.stringify(text)}`);
}

/** A compact rendering of an expression: (+ 1 2), [cast int $x], $x.Name ... */
export function sexp(e: ExpressionAst | StatementAst | CommandParameterAst | undefined): string {
  if (!e) return '-';
  switch (e.kind) {
    case 'CommandParameter': return `-${e.name}`;
    case 'Constant': return e.text;
    case 'StringConstant': return e.quote === 'bare' ? e.value : `'${e.value}'`;
    case 'Variable': return (e.splatted ? '@' : '$') + (e.scope ? e.scope + ':' : '') + e.name;
    case 'Binary': return `(${e.operator} ${sexp(e.left)} ${sexp(e.right)})`;
    case 'Unary': return `(${e.operator} ${sexp(e.operand)})`;
    case 'Ternary': return `(? ${sexp(e.condition)} ${sexp(e.ifTrue)} ${sexp(e.ifFalse)})`;
    case 'ArrayLiteral': return `(, ${e.elements.map(sexp).join(' ')})`;
    case 'Convert': return `[${e.type.text}]${sexp(e.operand)}`;
    case 'TypeLiteral': return `[${e.type.text}]`;
    case 'Member': return `${sexp(e.target)}${e.static ? '::' : e.nullConditional ? '?.' : '.'}${sexp(e.member)}`;
    case 'InvokeMember': return `${sexp(e.target)}${e.static ? '::' : e.nullConditional ? '?.' : '.'}${sexp(e.member)}(${e.args.map(sexp).join(' ')})`;
    case 'Index': return `${sexp(e.target)}${e.nullConditional ? '?' : ''}[${sexp(e.index)}]`;
    case 'Paren': return `(paren ${sexp(e.statement)})`;
    case 'Pipeline': return e.elements.length === 1 && e.elements[0].kind === 'CommandExpression'
      ? sexp(e.elements[0].expression) : `(pipeline ${e.elements.length})`;
    case 'Assignment': return `(${e.operator} ${sexp(e.target)} ${sexp(e.value)})`;
    case 'ExpandableString': return `"${e.parts.map(p => typeof p === 'string' ? p : `{${sexp(p)}}`).join('')}"`;
    case 'SubExpression': return `$(${e.statements.map(sexp).join('; ')})`;
    case 'ArrayExpression': return `@(${e.statements.map(sexp).join('; ')})`;
    case 'Hashtable': return `@{${e.entries.map(x => `${sexp(x.key)}=${sexp(x.value)}`).join('; ')}}`;
    case 'ScriptBlockExpression': return `{${e.block.text}}`;
    default: return e.kind;
  }
}
