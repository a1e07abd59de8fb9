// The runtime: runs a parsed script against a set of cmdlets and an output sink, with
// PowerShell's scopes, pipelines, error handling and control flow. The host drives a Runspace:
// one per session, `run` once per script, command line or interactive line.
//
// For cmdlets: ctx.invoke(block, { isolatedScope: true, dollarUnder }) runs a block in a fresh
// scope that may run concurrently with others (ForEach-Object -Parallel); ctx.stopUpstream()
// tells the commands before this one to stop (Select-Object -First).
// Imports only lib/core, lib/engine/parser, lib/engine/cmdlet and sibling modules.

import { ErrorRecord, ParseErrors, ShellError } from '../../core/errors.js';
import type { Source } from '../../core/span.js';
import type { CommandInfo } from '../cmdlet/context.js';
import { parseScript } from '../parser/index.js';
import type { RunResult, RuntimeOptions } from './api.js';
import { argumentsFromStrings } from './arguments.js';
import { Engine } from './engine.js';
import { recordError, toRecord } from './errors.js';
import { compileScriptBlock } from './functions.js';
import { functionProcessor } from './function-processor.js';
import { NO_INPUT } from './binder-ops.js';
import type { PipelinePosition } from './pipeline.js';
import { installScriptBlockInvoker } from './script-block-invoker.js';
import { BreakSignal, ContinueSignal, ErrorSignal, ExitSignal } from './signals.js';

export type { OutputSink, RuntimeOptions, RunResult, CommandReport } from './api.js';

const NOT_FILES = /^<.*>$/;

export class Runspace {
  private readonly engine: Engine;

  constructor(options: RuntimeOptions) {
    this.engine = new Engine(options);
    installScriptBlockInvoker();
  }

  /** The session's current directory, which Set-Location changes (the host's `PS <cwd>>` prompt). */
  get cwd(): string { return this.engine.cwd; }

  /** $? after the last statement run. */
  get lastSucceeded(): boolean { return this.engine.lastStatus; }

  /** Parses and runs a script; parse errors mean nothing runs. Never throws for script errors. */
  async run(source: Source, args: unknown[] = []): Promise<RunResult> {
    const engine = this.engine;
    engine.resetStop();
    let compiled;
    try {
      compiled = compileScriptBlock(parseScript(source), source.name);
    } catch (e) {
      const errors = e instanceof ParseErrors ? e.errors : [e];
      const records = errors.map(x => toRecord(x));
      records.forEach((r, i) => i === 0 ? recordError(engine.global, r, true) : engine.options.sink.error(r));
      engine.lastStatus = false;
      return { exitCode: null, succeeded: false, terminatingError: records[0] };
    }
    const isFile = !NOT_FILES.test(source.name);
    const pos: PipelinePosition = {
      emit: v => engine.options.sink.output(v), stopUpstream() {}, signal: engine.signal,
      span: { source, start: 0, end: source.text.length },
      redirections: { wrapOutput: out => out, route: () => undefined, finish() {} },
    };
    try {
      const proc = functionProcessor(compiled, argumentsFromStrings(args), engine.global, pos, true, {
        name: source.name, kind: 'script', dot: !isFile, path: isFile ? engine.resolvePath(source.name) : undefined,
      });
      await proc.begin();
      await proc.process(NO_INPUT);
      await proc.end();
    } catch (e) {
      return this.ended(e);
    }
    return { exitCode: null, succeeded: engine.lastStatus };
  }

  /** How a run that left by a throw ends: exit, a stray break, or a terminating error. */
  private ended(e: unknown): RunResult {
    const engine = this.engine;
    if (e instanceof ExitSignal) {
      engine.global.set('LASTEXITCODE', e.code);
      return { exitCode: e.code, succeeded: e.code === 0 };
    }
    if (e instanceof BreakSignal || e instanceof ContinueSignal) return { exitCode: null, succeeded: engine.lastStatus };
    const record = e instanceof ErrorSignal ? e.record : e instanceof Error ? toRecord(e) : toRecord(new ShellError(
      'UnexpectedSignal', 'NotSpecified', 'The script ended unexpectedly.'));
    recordError(engine.global, record, true);
    engine.lastStatus = false;
    return { exitCode: null, succeeded: false, terminatingError: record };
  }

  setVariable(name: string, value: unknown): void { this.engine.global.set(name, value); }
  getVariable(name: string): unknown { return this.engine.global.get(name.toLowerCase()); }

  /** Ctrl+C: the running pipeline stops with a PipelineStopped error. */
  stop(): void { this.engine.stop(); }

  completionContext(): { variables(): string[]; commands(): CommandInfo[] } {
    const engine = this.engine;
    return { variables: () => engine.global.visibleNames(), commands: () => engine.commandInfos(engine.global) };
  }
}

export { ErrorRecord };
