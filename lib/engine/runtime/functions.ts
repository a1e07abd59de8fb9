// Functions, filters, script blocks and script files share one compiled form: begin/process/end
// Runs plus the parameters of their param() block and a CmdletDefinition generated from them, so
// the same binder binds a script function as a cmdlet. Compiled once per syntax tree and cached.
// Imports only lib/core, lib/engine/parser, lib/engine/cmdlet and sibling modules.

import { ShellError } from '../../core/errors.js';
import type { CmdletDefinition } from '../cmdlet/define.js';
import type { ParameterMap } from '../cmdlet/parameters.js';
import type { AttributeAst, FunctionDefinitionAst, ParameterAst, ScriptBlockAst } from '../parser/ast.js';
import type { Run } from './compiled.js';
import { compileExpression } from './compile-expressions.js';
import { compileBlock, compileStatementBlock } from './compile-statements.js';
import { buildParameters, isAdvanced, type ScriptParameter } from './params.js';
import type { Scope } from './scopes.js';
import { toStr } from './value-ops.js';

export interface FunctionInfo {
  readonly name: string;
  readonly ast: ScriptBlockAst;
  readonly isFilter: boolean;
  /** `function f($a, $b)`: parameters written after the name. */
  readonly parameters?: ParameterAst[];
}

export interface CompiledBlock {
  readonly begin?: Run;
  readonly process?: Run;
  readonly end?: Run;
  readonly advanced: boolean;
  readonly parameters: ScriptParameter[];
  /** For the binder (and Get-Command): the parameters as a cmdlet declaration. */
  readonly definition: CmdletDefinition;
  readonly supportsShouldProcess: boolean;
}

const cache = new WeakMap<ScriptBlockAst, CompiledBlock>();

export function compileScriptBlock(ast: ScriptBlockAst, name: string, options: { isFilter?: boolean; parameters?: ParameterAst[] } = {}): CompiledBlock {
  const cached = cache.get(ast);
  if (cached) return cached;
  const paramAsts = options.parameters ?? ast.param?.parameters ?? [];
  const attributes = [...ast.attributes, ...(ast.param?.attributes ?? [])];
  const advanced = isAdvanced(attributes, paramAsts);
  const parameters = buildParameters(paramAsts, constant);
  const binding = attributes.find(a => a.typeName.name.toLowerCase().replace(/attribute$/, '') === 'cmdletbinding');
  const settings = binding ? cmdletBindingSettings(binding) : {};
  const supportsShouldProcess = settings.supportsshouldprocess === true;
  const parameterMap: ParameterMap = Object.fromEntries(parameters.map(p => [p.name, p.definition]));
  const definition: CmdletDefinition = {
    name, synopsis: '', parameters: parameterMap, examples: [], module: '',
    defaultParameterSet: typeof settings.defaultparametersetname === 'string' ? settings.defaultparametersetname : undefined,
    changesState: supportsShouldProcess ? { confirmImpact: confirmImpact(settings.confirmimpact) } : undefined,
  };
  const body = options.isFilter
    ? { process: compileStatementBlock(ast.end) }
    : { begin: compileStatementBlock(ast.begin), process: compileStatementBlock(ast.process), end: compileStatementBlock(ast.end) };
  const compiled: CompiledBlock = { ...body, advanced, parameters, definition, supportsShouldProcess };
  cache.set(ast, compiled);
  return compiled;
}

/** Attribute arguments are constants ('x', 1, $true): evaluated without a scope. */
function constant(e: Parameters<typeof compileExpression>[0]): unknown {
  const ev = compileExpression(e);
  if (ev.async) throw new ShellError('AttributeArgumentNotConstant', 'ParserError',
    'Attribute argument must be a constant or a script block.', { span: e.span });
  return ev(CONSTANT_SCOPE as unknown as Scope);
}
const CONSTANT_SCOPE = { get: () => null, lookup: () => undefined, vars: new Map(), engine: { lastStatus: true } };

function cmdletBindingSettings(a: AttributeAst): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const n of a.named) settings[n.name.toLowerCase()] = n.value ? constant(n.value) : true;
  return settings;
}

function confirmImpact(v: unknown): 'Low' | 'Medium' | 'High' {
  const text = toStr(v ?? 'Medium').toLowerCase();
  return text === 'high' ? 'High' : text === 'low' || text === 'none' ? 'Low' : 'Medium';
}

/** `function [scope:]Name { }` defines the function in the current (or named) scope. */
export function defineFunction(f: Scope, def: FunctionDefinitionAst) {
  const m = /^(global|script|local|private):(.+)$/i.exec(def.name);
  const name = m ? m[2] : def.name;
  // The body read when first needed: a function never called is never built (parser/blocks.ts withLazyBody).
  const info: FunctionInfo = { name, get ast() { return def.body; }, isFilter: def.isFilter, parameters: def.parameters };
  f.named(m ? m[1] : null).functions.set(name.toLowerCase(), info);
}

export const compileFunction = (info: FunctionInfo) =>
  compileScriptBlock(info.ast, info.name, { isFilter: info.isFilter, parameters: info.parameters });

export { compileBlock };
