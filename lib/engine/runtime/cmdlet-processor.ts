// Runs a cmdlet declaration as a pipeline processor: binds the command line once, binds each
// piped object (a binding failure for one object is a non-terminating error, as in PowerShell),
// drains whatever its begin/process/end return (async or sync generators, promises) into the
// pipeline, and turns an error it throws into a statement-terminating ErrorRecord that names it.
// Imports only lib/core, lib/engine/cmdlet and sibling modules.

import { ErrorRecord, ShellError } from '../../core/errors.js';
import type { BlockResult, CmdletDefinition } from '../cmdlet/define.js';
import { ALL_SETS } from '../cmdlet/parameters.js';
import { bindArguments, bindPipelineInput, NO_INPUT, type CommandArgument, type PipelineBinding } from './binder-ops.js';
import { isPromise } from './compiled.js';
import { CommandRun, makeContext } from './context.js';
import { toRecord } from './errors.js';
import type { PipelinePosition, Processor } from './pipeline.js';
import type { Scope } from './scopes.js';
import { ErrorSignal } from './signals.js';

/** A thrown value as it leaves a command: errors become statement-terminating records. */
function leaving(e: unknown, run: { pos: PipelinePosition; name: string }): unknown {
  if (e instanceof ErrorSignal || !(e instanceof Error)) return e;
  return new ErrorSignal(toRecord(e, run.pos.span, run.name), 'statement');
}

/**
 * Runs one begin, process or end step of a command (cmdlet or function). A terminating error
 * first finishes the run, so -ErrorVariable and the -Report still record it.
 */
export async function guarded(run: CommandRun, step: () => Promise<void>): Promise<void> {
  try { await step(); } catch (e) {
    const out = leaving(e, run);
    if (out instanceof ErrorSignal) await run.finish(out.record);
    throw out;
  }
}

export function bindOrThrow<T>(name: string, pos: PipelinePosition, bind: () => T): T {
  try { return bind(); } catch (e) {
    if (e instanceof ShellError) throw new ErrorSignal(new ErrorRecord(e.at(pos.span), name), 'statement');
    throw e;
  }
}

export async function drain(result: BlockResult, write: (v: unknown) => void | Promise<void>): Promise<void> {
  if (result === undefined || result === null) return;
  if (isPromise(result)) { await result; return; }
  if (typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    for await (const v of result as AsyncIterable<unknown>) await write(v === undefined ? null : v);
    return;
  }
  for (const v of result as Iterable<unknown>) {
    const r = write(v === undefined ? null : v);
    if (r) await r;
  }
}

export function cmdletProcessor(def: CmdletDefinition, argv: CommandArgument[], caller: Scope,
  pos: PipelinePosition, first: boolean): Processor {
  const binding = bindOrThrow(def.name, pos, () => bindArguments(def, argv));
  const run = new CommandRun(def, caller, binding.common, pos, binding.candidateSets[0] ?? ALL_SETS);
  run.args = binding.args;
  run.bound = new Set(Object.keys(binding.args));
  const ctx = makeContext(run), write = (v: unknown) => run.write(v);
  const apply = (b: PipelineBinding) => { run.args = b.args; run.bound = b.bound; run.parameterSetName = b.parameterSetName; };
  return {
    begin: () => guarded(run, async () => {
      if (first) apply(bindOrThrow(def.name, pos, () => bindPipelineInput(binding, NO_INPUT)));
      if (def.begin) await drain(def.begin(run.args as never, ctx), write);
    }),
    process: input => guarded(run, async () => {
      if (input !== NO_INPUT) {
        try { apply(bindPipelineInput(binding, input)); } catch (e) {
          if (!(e instanceof ShellError)) throw e;
          await run.writeError(new ErrorRecord(e.at(pos.span), def.name));
          return;
        }
      }
      if (def.process) await drain(def.process(run.args as never, ctx), write);
    }),
    end: () => guarded(run, async () => {
      if (def.end) await drain(def.end(run.args as never, ctx), write);
      await run.finish();
    }),
  };
}
