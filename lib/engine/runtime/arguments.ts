// Command arguments as the binder wants them (about_Parsing, about_Splatting): `-Name value`,
// `-Name:value`, switches, positional values, `@h` (a hashtable splats as named arguments, an
// array as positional ones) and `--` (everything after it is positional). Whether `-Name` takes
// the next element as its value depends on the parameter being a switch, so the command's
// parameters are consulted here.
// Imports only lib/core, lib/engine/parser, lib/engine/cmdlet and sibling modules.

import { ShellError } from '../../core/errors.js';
import { Hashtable } from '../../core/values.js';
import { COMMON_PARAMETERS, SHOULD_PROCESS_PARAMETERS } from '../cmdlet/define.js';
import type { ParameterMap } from '../cmdlet/parameters.js';
import type { CommandParameterAst, ExpressionAst } from '../parser/ast.js';
import type { CommandArgument } from './binder-ops.js';
import type { Ev } from './compiled.js';
import { compileExpression } from './compile-expressions.js';
import { variableReader } from './lvalues.js';
import type { Scope } from './scopes.js';

/** true: a switch; false: takes a value; undefined: no such parameter (or ambiguous). */
export type SwitchTest = (name: string) => boolean | undefined;

const COMMON_SWITCHES = new Set(['verbose', 'debug', 'whatif', 'confirm']);

/** Parameter lookup by name, alias or unique prefix, as the binder will do it. */
export function switchTest(parameters: ParameterMap | undefined, changesState: boolean): SwitchTest {
  return name => {
    if (!parameters) return undefined;
    const lower = name.toLowerCase();
    const names: [string, boolean][] = [];
    for (const [p, d] of Object.entries(parameters)) {
      names.push([p, d.kind === 'switch']);
      for (const a of d.aliases) names.push([a, d.kind === 'switch']);
    }
    for (const c of COMMON_PARAMETERS) names.push([c, COMMON_SWITCHES.has(c.toLowerCase())]);
    if (changesState) for (const c of SHOULD_PROCESS_PARAMETERS) names.push([c, c !== 'Report']);
    const exact = names.find(([n]) => n.toLowerCase() === lower);
    if (exact) return exact[1];
    const prefixed = names.filter(([n]) => n.toLowerCase().startsWith(lower));
    const kinds = new Set(prefixed.map(([, s]) => s));
    return kinds.size === 1 ? [...kinds][0] : undefined;
  };
}

type Element = ExpressionAst | CommandParameterAst;
type Part =
  | { kind: 'parameter'; ast: CommandParameterAst; value?: Ev }
  | { kind: 'value'; ast: ExpressionAst; value: Ev }
  | { kind: 'splat'; ast: ExpressionAst; value: Ev }
  | { kind: 'endOfParameters' };

export type ArgumentsEv = (f: Scope) => Promise<CommandArgument[]>;

/** Arguments in order; `-Name value` pairing is left to the binder, which knows the switches. */
export function compileArguments(elements: readonly Element[]): ArgumentsEv {
  const parts: Part[] = elements.map(e => {
    if (e.kind === 'CommandParameter') {
      if (e.endOfParameters) return { kind: 'endOfParameters' };
      return { kind: 'parameter', ast: e, value: e.argument ? compileExpression(e.argument) : undefined };
    }
    if (e.kind === 'Variable' && e.splatted) return { kind: 'splat', ast: e, value: variableReader({ ...e, splatted: false }) };
    return { kind: 'value', ast: e, value: compileExpression(e) };
  });
  return async f => {
    const out: CommandArgument[] = [];
    let literal = false;
    for (const p of parts) {
      if (p.kind === 'endOfParameters') { literal = true; continue; }
      // A value is awaited only when its expression may run a command: an await costs a trip
      // through the microtask queue, for each argument of each call of a loop.
      if (p.kind === 'parameter') {
        if (literal) out.push({ kind: 'positional', value: '-' + p.ast.name, span: p.ast.span });
        else out.push(p.value ? named(p.ast, p.value.async ? await p.value(f) : p.value(f), true) : named(p.ast, undefined, false));
        continue;
      }
      const value = p.value.async ? await p.value(f) : p.value(f);
      if (p.kind === 'splat') splat(value, out, p.ast);
      else out.push({ kind: 'positional', value, span: p.ast.span });
    }
    return out;
  };
}

const named = (ast: CommandParameterAst, value: unknown, hasValue: boolean): CommandArgument =>
  hasValue ? { kind: 'named', name: ast.name, value, hasValue, span: ast.span } : { kind: 'named', name: ast.name, hasValue, span: ast.span };

// $args keeps `-Name` words as text, as PowerShell does, but remembers which of them were
// parameter names on the command line, so `f @args` passes them on as names: `-Name:value` as one
// named argument, `-Name` as a name the binder pairs with the next value. A string '-x' that was
// a value stays a value.
const parameterWords = new WeakMap<unknown[], Map<number, 'name' | 'nameWithValue'>>();

/** The unbound arguments of a simple function as its $args, parameter names marked. */
export function argsArray(args: readonly CommandArgument[]): unknown[] {
  const out: unknown[] = [];
  let marks: Map<number, 'name' | 'nameWithValue'> | undefined;   // made for the few calls that name parameters
  for (const a of args) {
    if (a.kind === 'positional') { out.push(a.value); continue; }
    (marks ??= new Map()).set(out.length, a.hasValue ? 'nameWithValue' : 'name');
    out.push('-' + a.name);
    if (a.hasValue) out.push(a.value);
  }
  if (marks) parameterWords.set(out, marks);
  return out;
}

function splatArray(value: unknown[], out: CommandArgument[], ast: ExpressionAst) {
  const marks = parameterWords.get(value);
  for (let i = 0; i < value.length; i++) {
    const mark = marks?.get(i), v = value[i];
    if (!mark || typeof v !== 'string') { out.push({ kind: 'positional', value: v, span: ast.span }); continue; }
    const name = v.slice(1);
    if (mark === 'nameWithValue') out.push({ kind: 'named', name, value: value[++i], hasValue: true, span: ast.span });
    else out.push({ kind: 'named', name, hasValue: false, span: ast.span });
  }
}

function splat(value: unknown, out: CommandArgument[], ast: ExpressionAst) {
  if (value instanceof Hashtable) {
    for (const [k, v] of value.entries()) out.push({ kind: 'named', name: String(k), value: v, hasValue: true, span: ast.span, splatted: true });
  } else if (Array.isArray(value)) {
    splatArray(value, out, ast);
  } else if (value !== null) {
    throw new ShellError('CannotSplat', 'InvalidArgument',
      'Only a hashtable or an array can be splatted.', { span: ast.span, target: value });
  }
}

/** Script arguments given as strings (`cscert deploy.ps1 -Name x`): `-Name` words become names. */
export function argumentsFromStrings(values: readonly unknown[]): CommandArgument[] {
  return values.map(v => {
    const m = typeof v === 'string' ? /^-([A-Za-z_][\w-]*)(:?)$/.exec(v) : null;
    return m ? { kind: 'named', name: m[1], hasValue: false } : { kind: 'positional', value: v };
  });
}

/**
 * A simple function (no [CmdletBinding()]) takes what its parameters do not into $args: names it
 * does not declare (kept as '-Name' text) and positional values beyond its parameters.
 */
export function splitSimpleArguments(args: readonly CommandArgument[], isSwitch: SwitchTest, positionalCount: number) {
  const bindable: CommandArgument[] = [], unbound: CommandArgument[] = [];
  let positional = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.kind === 'positional') {
      if (positional++ < positionalCount) bindable.push(a); else unbound.push(a);
      continue;
    }
    const known = isSwitch(a.name);
    if (known === undefined) { unbound.push(a); continue; }
    bindable.push(a);
    if (!a.hasValue && !known && args[i + 1]?.kind === 'positional') bindable.push(args[++i]);
  }
  return { bindable, extra: argsArray(unbound) };
}
