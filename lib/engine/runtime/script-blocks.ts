// Script blocks as values (about_Script_Blocks): `& $sb`, `$sb.Invoke()`, `.GetNewClosure()`,
// ctx.invoke from cmdlets (Where-Object, ForEach-Object, -Parallel's isolated scopes) and the
// invoker that lets `.Where({})` / `.ForEach({})` in lib/engine/values run a block. A block runs
// in a new child scope of its caller's, unless it was bound to a scope (closures).
// Imports only lib/engine/cmdlet and sibling modules.

import type { InvokeOptions } from '../cmdlet/context.js';
import { ScriptBlock } from '../cmdlet/script-block.js';
import { NO_INPUT } from './binder-ops.js';
import { compileScriptBlock } from './functions.js';
import { functionProcessor } from './function-processor.js';
import type { PipelinePosition } from './pipeline.js';
import { Scope } from './scopes.js';
import { usingValues } from './using.js';

const NO_REDIRECTION: PipelinePosition['redirections'] = { wrapOutput: out => out, route: () => undefined, finish() {} };

// What a dot-sourced block would otherwise leave behind in the scope it runs in.
const AUTOMATIC = ['_', 'psitem', 'args', 'myinvocation', 'input'];

/**
 * Runs a block as ForEach-Object and Where-Object do: dot-sourced in the scope it was written in,
 * so `-Begin { $sum = 0 } -Process { $sum += $_ }` accumulates, while $_ and the other automatic
 * variables are put back as they were afterwards.
 */
export async function invokeInDefiningScope(block: ScriptBlock, caller: Scope, options: InvokeOptions = {}): Promise<unknown[]> {
  if (options.isolatedScope) return invokeScriptBlock(block, caller, options);
  const home = block.scope instanceof Scope ? block.scope : caller;
  const saved = AUTOMATIC.map(key => home.vars.get(key));
  try {
    return await invokeScriptBlock(block, home, { ...options, dot: true });
  } finally {
    AUTOMATIC.forEach((key, i) => { const variable = saved[i]; if (variable) home.vars.set(key, variable); else home.vars.delete(key); });
  }
}

/** Runs a block to completion; resolves to everything it wrote to the output. */
export async function invokeScriptBlock(block: ScriptBlock, caller: Scope, options: InvokeOptions & { dot?: boolean } = {}): Promise<unknown[]> {
  // The setup is a plain function: this async spine runs for every ForEach-Object object and is
  // among the first functions V8 optimises, at a cost that grows with every line it holds.
  const items: unknown[] = [];
  const proc = blockProcessor(block, caller, options, items);
  await proc.begin();
  if (options.input) for (const item of options.input) await proc.process(item);
  else await proc.process(NO_INPUT);
  await proc.end();
  return items;
}

/** The block as a pipeline processor whose output goes to `items`. */
function blockProcessor(block: ScriptBlock, caller: Scope, options: InvokeOptions & { dot?: boolean }, items: unknown[]) {
  const engine = caller.engine;
  const pos: PipelinePosition = {
    emit: v => { items.push(v); }, stopUpstream() {}, get signal() { return engine.signal; }, span: block.ast.span,
    redirections: NO_REDIRECTION,
  };
  const parent = options.isolatedScope ? engine.isolatedScope() : block.scope instanceof Scope ? block.scope : caller;
  if (options.isolatedScope) parent.using = usingValues(block.ast, block.scope instanceof Scope ? block.scope : caller);
  const variables: Record<string, unknown> = { ...options.variables };
  if ('dollarUnder' in options) variables._ = options.dollarUnder;
  const args = (options.args ?? []).map(value => ({ kind: 'positional' as const, value }));
  return functionProcessor(compileScriptBlock(block.ast, '<ScriptBlock>'), args, caller, pos, !options.input,
    { name: '<ScriptBlock>', kind: 'local', parent, variables, dot: options.dot });
}

/** `$sb.Invoke()` and friends; undefined for methods a script block does not have here. */
export function invokeScriptBlockMethod(block: ScriptBlock, name: string, args: unknown[], caller: Scope): unknown {
  switch (name.toLowerCase()) {
    case 'invoke': return invokeScriptBlock(block, caller, { args });
    case 'invokereturnasis': return invokeScriptBlock(block, caller, { args })
      .then(items => items.length === 0 ? null : items.length === 1 ? items[0] : items);
    case 'getnewclosure': return block.withScope(snapshot(caller));
  }
  return undefined;
}

/** GetNewClosure: the variables visible now, copied into a scope the block keeps. */
function snapshot(caller: Scope): Scope {
  const scope = new Scope(caller.global, 'local', caller.engine);
  for (const name of caller.visibleNames()) {
    const v = caller.lookup(name.toLowerCase());
    if (v) scope.define(v.name, v.value, v.type);
  }
  return scope;
}

/** The scope of the expression now calling a method, for script blocks that method runs. */
let activeScope: Scope | undefined;
export const setActiveScope = (scope: Scope) => { activeScope = scope; };
export const currentScope = () => activeScope;
