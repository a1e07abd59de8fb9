// A minimal CmdletContext for unit tests of the formatting cmdlets: records output, warnings and
// errors; script blocks run as JavaScript functions registered by their text; the session renders
// with lib/format, as the host does.
import type { ShellError } from '../../../lib/core/errors.js';
import type { ScriptBlockAst } from '../../../lib/engine/parser/ast.js';
import { ScriptBlock, type CmdletContext, type CmdletDefinition } from '../../../lib/engine/cmdlet/index.js';
import { renderObjects } from '../../../lib/format/index.js';
import { resolve } from 'node:path';

export interface FakeContext extends CmdletContext { warnings: string[]; errors: ShellError[] }

const blocks = new Map<string, (dollarUnder: unknown) => unknown>();

/** A script block whose body is the given JavaScript function of $_. */
export function block(text: string, fn: (dollarUnder: any) => unknown): ScriptBlock {
  blocks.set(text, fn);
  return new ScriptBlock({ text } as ScriptBlockAst);
}

export function fakeContext(commandName: string, cwd = process.cwd(), width = 80): FakeContext {
  const warnings: string[] = [], errors: ShellError[] = [];
  const ctx = {
    commandName, parameterSetName: '__AllParameterSets', warnings, errors,
    isBound: () => false,
    now: () => new Date(2030, 0, 1),
    writeError: (e: ShellError) => { errors.push(e); },
    writeWarning: (t: string) => { warnings.push(t); },
    writeVerbose() {}, writeDebug() {}, writeHost() {}, writeProgress() {},
    shouldProcess: async () => true, shouldContinue: async () => true,
    invoke: async (b: ScriptBlock, options: { dollarUnder?: unknown } = {}) => {
      const fn = blocks.get(b.toString());
      if (!fn) throw new Error(`no fake for block ${b.toString()}`);
      const out = fn(options.dollarUnder);
      return out === undefined ? [] : [out];
    },
    session: {
      commands: () => [], command: () => undefined, cwd,
      resolvePath: (p: string) => resolve(cwd, p),
      drive: () => undefined, getVariable: () => undefined, setVariable() {}, isInteractive: false,
      renderText: (objects: unknown[], o?: { width?: number }) => renderObjects(objects, { width: o?.width ?? width, color: false }),
      readLine: async () => '',
    },
    signal: new AbortController().signal,
  };
  return ctx as unknown as FakeContext;
}

/** Runs a cmdlet as the pipeline would: begin, process once per input (or once with none), end. */
export async function run(cmdlet: CmdletDefinition<any>, args: Record<string, unknown>, input?: unknown[],
  ctx: FakeContext = fakeContext(cmdlet.name)): Promise<unknown[]> {
  const out: unknown[] = [];
  const collect = async (result: unknown) => {
    if (!result || typeof result !== 'object') return;
    if (Symbol.asyncIterator in result) for await (const x of result as AsyncIterable<unknown>) out.push(x);
    else if (Symbol.iterator in result) for (const x of result as Iterable<unknown>) out.push(x);
    else await result;
  };
  await collect(cmdlet.begin?.(args as never, ctx));
  if (input) for (const item of input) await collect(cmdlet.process?.({ ...args, InputObject: item } as never, ctx));
  else await collect(cmdlet.process?.(args as never, ctx));
  await collect(cmdlet.end?.(args as never, ctx));
  return out;
}
