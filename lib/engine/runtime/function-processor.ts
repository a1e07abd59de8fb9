// Runs a function, filter, script block or script file as a pipeline processor (about_Functions,
// about_Functions_Advanced): a new scope (none when dot-sourced), parameters bound by the binder
// from the generated declaration, defaults evaluated at call time in the new scope, unbound extra
// arguments in $args (simple functions only), $_ and $input for pipeline input, common parameters
// of advanced functions turned into preference variables, and `return` ending a block.
// Imports only lib/core, lib/engine/cmdlet and sibling modules.

import { ErrorRecord, ShellError } from '../../core/errors.js';
import { Hashtable, PSObject, SwitchParameter } from '../../core/values.js';
import { ALL_SETS } from '../cmdlet/parameters.js';
import { argsArray, argumentsFromStrings, splitSimpleArguments, switchTest } from './arguments.js';
import {
  bindArguments, bindPipelineInput, NO_INPUT, type Binding, type CommandArgument, type CommonArgs, type PipelineBinding,
} from './binder-ops.js';
import { bindOrThrow, guarded } from './cmdlet-processor.js';
import type { Out, Run } from './compiled.js';
import { CommandRun } from './context.js';
import type { CompiledBlock } from './functions.js';
import type { PipelinePosition, Processor } from './pipeline.js';
import { lazyVariable, Scope, type ScopeKind } from './scopes.js';
import { ErrorSignal, ReturnSignal } from './signals.js';

export interface FunctionCall {
  name: string;
  kind: ScopeKind;
  /** Dot-sourcing: run in the caller's scope. */
  dot?: boolean;
  /** The new scope's parent when not the caller's (closures, isolated scopes). */
  parent?: Scope;
  variables?: Record<string, unknown>;
  /** For script files: $PSScriptRoot and $PSCommandPath. */
  path?: string;
}

// The declaration a CommandRun reports under the name it was called by ('<ScriptBlock>', the
// function's name, the script's file): made once per block and name, not at every call of a
// ForEach-Object block.
const namedDefinitions = new WeakMap<CompiledBlock, Map<string, CompiledBlock['definition']>>();
function namedDefinition(compiled: CompiledBlock, name: string): CompiledBlock['definition'] {
  let byName = namedDefinitions.get(compiled);
  if (!byName) namedDefinitions.set(compiled, byName = new Map());
  let definition = byName.get(name);
  if (!definition) byName.set(name, definition = { ...compiled.definition, name });
  return definition;
}

async function runBody(body: Run | undefined, scope: Scope, out: Out) {
  if (!body) return;
  try { await body(scope, out); } catch (e) { if (!(e instanceof ReturnSignal)) throw e; }
}

export function functionProcessor(compiled: CompiledBlock, argv: CommandArgument[], caller: Scope,
  pos: PipelinePosition, first: boolean, call: FunctionCall): Processor {
  const scope = call.dot ? caller : new Scope(call.parent ?? caller, call.kind, caller.engine);
  if (call.parent) scope.tryDepth = caller.tryDepth;
  const { binding, extra } = bindCommandLine(compiled, argv, pos, call.name);
  const run = new CommandRun(namedDefinition(compiled, call.name), scope, binding?.common ?? {}, pos,
    binding?.candidateSets[0] ?? ALL_SETS);
  const out: Out = v => run.write(v);
  const collected: unknown[] = [];

  return {
    begin: () => guarded(run, async () => {
      for (const [k, v] of Object.entries(call.variables ?? {})) scope.define(k, v);
      setAutomatic(scope, call, extra, compiled.advanced);
      if (binding) {
        const initial = first ? bindOrThrow(call.name, pos, () => bindPipelineInput(binding, NO_INPUT)) : undefined;
        await defineParameters(compiled, scope, run, binding, initial);
      }
      if (compiled.advanced) scope.define('PSCmdlet', psCmdlet(run));
      await runBody(compiled.begin, scope, out);
    }),
    process: input => guarded(run, async () => {
      if (input !== NO_INPUT) {
        scope.define('_', input);
        if (binding?.acceptsPipeline) {
          try {
            const b = bindPipelineInput(binding, input);
            defineBound(compiled, scope, b.args, [...b.bound].filter(n => !(n in binding.args)));
            run.bound = b.bound; run.parameterSetName = b.parameterSetName;
          } catch (e) {
            if (!(e instanceof ShellError)) throw e;
            await run.writeError(new ErrorRecord(e.at(pos.span), call.name));
            return;
          }
        }
        if (!compiled.process) { collected.push(input); return; }
        scope.define('input', [input]);
      }
      await runBody(compiled.process, scope, out);
    }),
    end: () => guarded(run, async () => {
      // $input is what has not been read yet: all the input for an end-only function, none after process.
      scope.define('input', compiled.process ? [] : collected);
      await runBody(compiled.end, scope, out);
      await run.finish();
    }),
  };
}

/**
 * The command line bound by the binder when the function declares parameters; a simple function
 * keeps the arguments its parameters do not take in $args, one without parameters all of them.
 */
function bindCommandLine(compiled: CompiledBlock, argv: CommandArgument[], pos: PipelinePosition, name: string):
  { binding?: Binding; extra: unknown[] } {
  if (!compiled.parameters.length && !compiled.advanced) return { extra: argsArray(argv) };
  const def = compiled.definition;
  let bindable = argv, extra: unknown[] = [];
  if (!compiled.advanced) {
    const positional = compiled.parameters.filter(p => !p.isSwitch).length;
    ({ bindable, extra } = splitSimpleArguments(argv, switchTest(def.parameters, false), positional));
  }
  return { binding: bindOrThrow(name, pos, () => bindArguments(def, bindable)), extra };
}

/**
 * begin: the bound parameters as variables (with the first pipeline binding when the function
 * starts a pipeline), defaults for the others, $PSBoundParameters, and the common parameters.
 */
async function defineParameters(compiled: CompiledBlock, scope: Scope, run: CommandRun, binding: Binding,
  initial: PipelineBinding | undefined) {
  const args = (initial ?? binding).args;
  defineBound(compiled, scope, args, Object.keys(args));
  run.args = args;
  if (initial) { run.bound = initial.bound; run.parameterSetName = initial.parameterSetName; }
  await applyDefaults(compiled, scope, new Set(Object.keys(args).map(k => k.toLowerCase())));
  scope.define('PSBoundParameters', Hashtable.from(Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined))));
  applyCommon(scope, binding.common);
}

/** The named parameters' variables, a switch as a SwitchParameter. */
function defineBound(compiled: CompiledBlock, scope: Scope, args: Record<string, unknown>, names: Iterable<string>) {
  for (const name of names) {
    const p = compiled.parameters.find(x => x.name.toLowerCase() === name.toLowerCase());
    const value = args[name];
    if (p) scope.define(p.name, p.isSwitch ? new SwitchParameter(value !== false) : value, p.type);
  }
}

function setAutomatic(scope: Scope, call: FunctionCall, extra: unknown[], advanced: boolean) {
  scope.define('args', advanced ? [] : extra);
  if (call.path) {
    const dir = call.path.replace(/[\\/][^\\/]*$/, '');
    scope.define('PSScriptRoot', dir); scope.define('PSCommandPath', call.path);
  }
  // Made when first read: most blocks (a ForEach-Object block per object) never read it.
  const root = call.path ? scope.get('psscriptroot') : '';
  scope.vars.set('myinvocation', lazyVariable('MyInvocation', () => new PSObject({
    MyCommand: new PSObject({ Name: call.name, CommandType: call.path ? 'ExternalScript' : 'Function' }),
    InvocationName: call.name, ScriptName: call.path ?? '', PSScriptRoot: root,
    PSCommandPath: call.path ?? '', UnboundArguments: advanced ? [] : extra,
  })));
}

async function applyDefaults(compiled: CompiledBlock, scope: Scope, bound: Set<string>) {
  for (const p of compiled.parameters) {
    if (bound.has(p.name.toLowerCase())) continue;
    let value: unknown = null;
    if (p.defaultValue) value = await p.defaultValue(scope);
    if (p.isSwitch) { scope.define(p.name, new SwitchParameter(value === null ? false : !!value)); continue; }
    if (p.type) { try { value = p.type.convert(value); } catch { /* keep $null when the type has no empty value */ } }
    scope.define(p.name, value, p.type);
  }
}

/** An advanced function's common parameters reach the commands it runs as preference variables. */
function applyCommon(scope: Scope, c: CommonArgs) {
  if (c.ErrorAction) scope.define('ErrorActionPreference', c.ErrorAction);
  if (c.WarningAction) scope.define('WarningPreference', c.WarningAction);
  if (c.Verbose !== undefined) scope.define('VerbosePreference', c.Verbose ? 'Continue' : 'SilentlyContinue');
  if (c.Debug !== undefined) scope.define('DebugPreference', c.Debug ? 'Continue' : 'SilentlyContinue');
  if (c.WhatIf !== undefined) scope.define('WhatIfPreference', c.WhatIf);
  if (c.Confirm !== undefined) scope.define('ConfirmPreference', c.Confirm ? 'Low' : 'None');
}

/** $PSCmdlet: ShouldProcess and the stream writers of an advanced function. */
function psCmdlet(run: CommandRun): PSObject {
  const o = new PSObject({}, ['System.Management.Automation.PSScriptCmdlet']);
  o.defineGetter('ParameterSetName', () => run.parameterSetName);
  o.defineGetter('MyInvocation', () => run.scope.get('myinvocation'));
  o.defineMethod('ShouldProcess', (target, action) => run.shouldProcess(String(target), String(action ?? run.name)));
  o.defineMethod('ShouldContinue', (query, caption) => run.shouldContinue(String(query), String(caption)));
  o.defineMethod('WriteError', record => run.writeError(record as ErrorRecord));
  o.defineMethod('WriteVerbose', text => run.writeVerbose(String(text)));
  o.defineMethod('WriteWarning', text => run.writeWarning(String(text)));
  o.defineMethod('WriteObject', value => run.write(value));
  o.defineMethod('ThrowTerminatingError', record => { throw new ErrorSignal(record as ErrorRecord, 'script'); });
  return o;
}

export { argumentsFromStrings };
