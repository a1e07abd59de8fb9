// Command resolution and invocation (about_Command_Precedence): aliases, then functions, then
// cmdlets, all case-insensitive; `&` and `.` call script blocks, names held in strings and script
// files (`./x.ps1`, run with its param() block; `.` runs it in the current scope). A bare name
// that is not found falls back to Get-<name>, as PowerShell does; external programs are refused.
// Imports only lib/core, lib/engine/parser, lib/engine/cmdlet, Node built-ins and sibling modules.

import { existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ErrorRecord, ShellError } from '../../core/errors.js';
import type { Span } from '../../core/span.js';
import type { CmdletDefinition } from '../cmdlet/define.js';
import { ScriptBlock } from '../cmdlet/script-block.js';
import type { CommandAst } from '../parser/ast.js';
import { compileArguments } from './arguments.js';
import type { CommandArgument } from './binder-ops.js';
import { cmdletProcessor } from './cmdlet-processor.js';
import type { Ev } from './compiled.js';
import { compileExpression } from './compile-expressions.js';
import { functionProcessor } from './function-processor.js';
import { compileFunction, compileScriptBlock, type FunctionInfo } from './functions.js';
import type { PipelinePosition, Processor } from './pipeline.js';
import { Scope } from './scopes.js';
import { ErrorSignal, ExitSignal } from './signals.js';
import { toStr } from './value-ops.js';

export type Resolved =
  | { kind: 'cmdlet'; definition: CmdletDefinition }
  | { kind: 'function'; info: FunctionInfo }
  | { kind: 'script'; path: string }
  | { kind: 'block'; block: ScriptBlock };

export type CommandFactory = (f: Scope, pos: PipelinePosition, first: boolean) => Promise<Processor>;

export function compileCommand(c: CommandAst): CommandFactory {
  const [head, ...rest] = c.elements;
  if (head.kind === 'CommandParameter') throw new ShellError('MissingCommandName', 'ParserError',
    'A command name is missing before the parameter.', { span: head.span });
  const args = compileArguments(rest);
  const target: Ev = c.invocation === null && head.kind === 'StringConstant' ? (() => head.value) : compileExpression(head);
  const dot = c.invocation === '.';
  return async (f, pos, first) => {
    const t = target.async ? await target(f) : target(f);
    const resolved: Resolved = t instanceof ScriptBlock ? { kind: 'block', block: t } : resolveCommand(f, toStr(t), c.span);
    return createProcessor(resolved, await args(f), f, pos, first, dot);
  };
}

export function createProcessor(r: Resolved, argv: CommandArgument[], f: Scope, pos: PipelinePosition,
  first: boolean, dot: boolean): Processor {
  switch (r.kind) {
    case 'cmdlet': return cmdletProcessor(r.definition, argv, f, pos, first);
    case 'function': return functionProcessor(compileFunction(r.info), argv, f, pos, first,
      { name: r.info.name, kind: 'function', dot });
    case 'block': return functionProcessor(compileScriptBlock(r.block.ast, '<ScriptBlock>'), argv, f, pos, first,
      { name: '<ScriptBlock>', kind: 'local', dot, parent: r.block.scope instanceof Scope && !dot ? r.block.scope : undefined });
    case 'script': {
      const ast = f.engine.loadScript(r.path);
      return exitEndsScript(f, functionProcessor(compileScriptBlock(ast, r.path), argv, f, pos, first,
        { name: r.path.split(/[\\/]/).pop()!, kind: 'script', dot, path: r.path }));
    }
  }
}

/** `exit N` in a script called from another ends that script only and sets $LASTEXITCODE. */
function exitEndsScript(f: Scope, p: Processor): Processor {
  let exited = false;
  const guard = (step: () => Promise<void>) => async () => {
    if (exited) return;
    try { await step(); } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      exited = true;
      f.global.set('LASTEXITCODE', e.code);
    }
  };
  return { begin: guard(() => p.begin()), process: input => guard(() => p.process(input))(), end: guard(() => p.end()) };
}

export function resolveCommand(f: Scope, name: string, span?: Span, depth = 0): Resolved {
  const engine = f.engine;
  const bare = name.includes('\\') ? name.replace(/^[\w.]+\\(?=[\w-]+$)/, '') : name;   // Module\Command
  const key = bare.toLowerCase();
  const alias = engine.aliases.get(key);
  if (alias && depth < 8) return resolveCommand(f, alias, span, depth + 1);
  const fn = f.lookupFunction(key) as FunctionInfo | undefined;
  if (fn) return { kind: 'function', info: fn };
  const cmdlet = engine.cmdlets.get(key);
  if (cmdlet) return { kind: 'cmdlet', definition: cmdlet };
  if (/[\\/]/.test(name) || /\.ps1$/i.test(name)) {
    const path = engine.resolvePath(name);
    if (existsSync(path) && statSync(path).isFile()) return { kind: 'script', path };
  }
  const getter = engine.cmdlets.get('get-' + key);
  if (getter && !key.includes('-')) return { kind: 'cmdlet', definition: getter };
  throw commandNotFound(name, span, isExternalProgram(name, engine.options.env.PATH));
}

function isExternalProgram(name: string, path: string | undefined): boolean {
  if (!path || /[\\/]/.test(name)) return false;
  return path.split(delimiter).some(dir => dir && existsSync(join(dir, name)));
}

export function commandNotFound(name: string, span: Span | undefined, external: boolean): ErrorSignal {
  const message = external
    ? `'${name}' is not a cmdlet, function or script; running external programs is not supported by cscert.`
    : `The term '${name}' is not recognized as a name of a cmdlet, function, script file, or executable program.\n`
      + 'Check the spelling of the name, or if a path was included, verify that the path is correct and try again.';
  return new ErrorSignal(new ErrorRecord(new ShellError('CommandNotFoundException', 'ObjectNotFound', message, {
    span, target: name, exceptionType: 'System.Management.Automation.CommandNotFoundException',
    hint: external ? 'cscert runs its own cmdlets only; use Get-Command to list them.' : undefined,
  })), 'statement');
}
