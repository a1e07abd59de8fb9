// ForEach-Object: runs script blocks for each pipeline object (-Process, with -Begin and -End, or
// several positional blocks read as begin/process/end the way PowerShell does), reads a member of
// each object (`ForEach-Object Name`), or runs one block per object concurrently (-Parallel, at most
// -ThrottleLimit at a time, each in an isolated scope, output as each finishes).

import { ShellError } from '../lib/core/errors.js';
import { defineCmdlet, param, type CmdletContext, type InvokeOptions, type ScriptBlock } from '../lib/engine/cmdlet/index.js';
import { CompletionPool } from './shared/parallel.js';
import { asList, getMember, invokeMethod, isEnumerable, MethodReference } from './shared/values.js';

/** Begin, process and end blocks, after PowerShell's reading of positional blocks. */
interface Blocks { begin: ScriptBlock[]; process: ScriptBlock[]; end: ScriptBlock[] }

function arrangeBlocks(args: { Begin?: ScriptBlock; Process?: ScriptBlock[]; End?: ScriptBlock; RemainingScripts?: ScriptBlock[] },
  explicit: boolean): Blocks {
  const all = [...(args.Process ?? []), ...(args.RemainingScripts ?? [])];
  const begin = args.Begin ? [args.Begin] : [], end = args.End ? [args.End] : [];
  if (explicit || all.length < 2) return { begin, process: all, end };
  if (all.length === 2) return { begin: [all[0]], process: [all[1]], end };
  return { begin: [all[0]], process: all.slice(1, -1), end: [all[all.length - 1]] };
}

// The blocks come from the command line, the same for every object: arranged once per running
// command (ctx is the command's own) instead of once per object.
const arranged = new WeakMap<CmdletContext, Blocks>();
function blocksOf(args: Parameters<typeof arrangeBlocks>[0], ctx: CmdletContext): Blocks {
  let blocks = arranged.get(ctx);
  if (!blocks) arranged.set(ctx, blocks = arrangeBlocks(args, ctx.isBound('Begin') || ctx.isBound('End')));
  return blocks;
}

/** Runs the blocks with $_ set, yielding their output. */
async function* runBlocks(blocks: ScriptBlock[], ctx: CmdletContext, dollarUnder: unknown) {
  for (const b of blocks) yield* await ctx.invoke(b, { dollarUnder });
}

/** `ForEach-Object Name` / `ForEach-Object ToUpper`: a property's value (unrolled) or a method's result. */
function invokeMember(target: unknown, name: string, argumentList: unknown[]): unknown[] {
  const member = target === null ? undefined : getMember(target, name);
  if (member === undefined)
    throw new ShellError('PropertyOrMethodNotFound', 'InvalidArgument',
      `The input name "${name}" cannot be resolved to a member.`,
      { target, hint: "Pipe the object to 'Get-Member' to list the names it has." });
  const value = member instanceof MethodReference ? invokeMethod(target, name, argumentList) : member;
  return typeof value !== 'string' && isEnumerable(value) ? asList(value) : [value];
}

/** Options for a -Parallel block: its own scope, as a fresh runspace would give. */
const parallelOptions = (dollarUnder: unknown): InvokeOptions => ({ dollarUnder, isolatedScope: true });

function asShellError(error: unknown): ShellError {
  if (error instanceof ShellError) return error;
  return new ShellError('ParallelScriptBlockFailed', 'NotSpecified', error instanceof Error ? error.message : String(error),
    { cause: error });
}

const foreachObject = defineCmdlet({
  name: 'ForEach-Object',
  synopsis: 'Performs an operation against each item in a collection of input objects.',
  description: 'With -Process (or script blocks given by position) runs the block once per pipeline object, $_ ' +
    'being the object; -Begin and -End run once before and after. Two positional blocks are begin and process, ' +
    'three or more are begin, process... and end. With -MemberName returns a property of each object or calls ' +
    'one of its methods. With -Parallel runs the block for each object concurrently, each in an isolated scope ' +
    '(use $using:name to read a variable of the caller), at most -ThrottleLimit at a time, and emits output as ' +
    'each block finishes.',
  module: 'Microsoft.PowerShell.Core',
  aliases: ['foreach', '%'],
  defaultParameterSet: 'ScriptBlockSet',
  outputType: 'System.Object',
  parameters: {
    InputObject: param.object({ help: 'The objects to process; usually piped in.', pipeline: 'value' }),
    Begin: param.scriptBlock({ help: 'Runs once before the first input object.', sets: ['ScriptBlockSet'] }),
    Process: param.scriptBlocks({ help: 'Runs once per input object, $_ being the object.',
      sets: { ScriptBlockSet: { mandatory: true, position: 0 } } }),
    End: param.scriptBlock({ help: 'Runs once after the last input object.', sets: ['ScriptBlockSet'] }),
    RemainingScripts: param.scriptBlocks({ help: 'Further script blocks given by position (see -Process).', sets: ['ScriptBlockSet'] }),
    MemberName: param.string({ help: 'A property to read, or a method to call, on each input object.',
      sets: { PropertyAndMethodSet: { mandatory: true, position: 0 } } }),
    ArgumentList: param.objects({ help: 'Arguments for the method named by -MemberName.', aliases: ['Args'],
      sets: { PropertyAndMethodSet: { position: 1 } } }),
    Parallel: param.scriptBlock({ help: 'Runs for each input object concurrently, each run in an isolated scope.',
      sets: { ParallelParameterSet: { mandatory: true } } }),
    ThrottleLimit: param.int({ help: 'How many -Parallel blocks may run at once.', sets: ['ParallelParameterSet'],
      defaultText: '5', validateRange: [1, 2147483647] }),
    TimeoutSeconds: param.int({ help: 'Accepted for compatibility; 0 means no time limit.', sets: ['ParallelParameterSet'],
      validateRange: [0, 2147483647] }),
    UseNewRunspace: param.switch({ help: 'Accepted for compatibility: every -Parallel run is isolated already.', sets: ['ParallelParameterSet'] }),
  },
  examples: [
    { title: 'Double each number', code: '1..3 | ForEach-Object { $_ * 2 }', output: [2, 4, 6] },
    { title: 'Begin, process and end blocks', code: "1..3 | ForEach-Object -Begin { $sum = 0 } -Process { $sum += $_ } -End { $sum }", output: [6] },
    { title: 'Read a member of each object', code: "'a','bb' | ForEach-Object Length", output: [1, 2] },
    { title: 'Run blocks concurrently', code: '1..4 | ForEach-Object -Parallel { $_ * 10 } -ThrottleLimit 2 | Sort-Object',
      output: [10, 20, 30, 40] },
  ],
  related: ['Where-Object', 'Select-Object'],

  async *begin(args, ctx) {
    if (ctx.parameterSetName !== 'ScriptBlockSet') return;
    yield* runBlocks(blocksOf(args, ctx).begin, ctx, null);
  },

  async *process(args, ctx) {
    const target = ctx.isBound('InputObject') ? args.InputObject ?? null : null;
    if (ctx.parameterSetName === 'PropertyAndMethodSet') {
      if (!ctx.isBound('InputObject')) return;
      try { yield* invokeMember(target, args.MemberName!, args.ArgumentList ?? []); }
      catch (e) { ctx.writeError(asShellError(e)); }
      return;
    }
    if (ctx.parameterSetName === 'ParallelParameterSet') {
      if (!ctx.isBound('InputObject')) return;
      yield* await startParallel(args.Parallel!, target, args.ThrottleLimit ?? 5, ctx);
      return;
    }
    yield* runBlocks(blocksOf(args, ctx).process, ctx, target);
  },

  async *end(args, ctx) {
    if (ctx.parameterSetName === 'ParallelParameterSet') {
      const pool = pools.get(ctx);
      if (pool) for await (const r of pool.drain()) yield* settle(r, ctx);
      pools.delete(ctx);
      return;
    }
    if (ctx.parameterSetName !== 'ScriptBlockSet') return;
    yield* runBlocks(blocksOf(args, ctx).end, ctx, null);
  },
});

/** One pool per running command: ctx is the command's own. */
const pools = new WeakMap<CmdletContext, CompletionPool<unknown[]>>();

async function startParallel(block: ScriptBlock, target: unknown, limit: number, ctx: CmdletContext): Promise<unknown[]> {
  let pool = pools.get(ctx);
  if (!pool) pools.set(ctx, pool = new CompletionPool<unknown[]>(limit));
  const finished = await pool.add(() => ctx.invoke(block, parallelOptions(target)));
  return finished.flatMap(r => [...settle(r, ctx)]);
}

function* settle(result: { ok: true; value: unknown[] } | { ok: false; error: unknown }, ctx: CmdletContext) {
  if (result.ok) yield* result.value;
  else ctx.writeError(asShellError(result.error));
}

export default foreachObject;
