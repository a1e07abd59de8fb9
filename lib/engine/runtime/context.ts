// One running command's side of the streams: its output (with -OutVariable and -Report), errors
// under -ErrorAction / $ErrorActionPreference (with -ErrorVariable), warnings, verbose and debug
// messages under their switches and preferences, -WhatIf / -Confirm through ShouldProcess, and
// the CmdletContext a cmdlet receives, with the host's services merged in.
// Imports only lib/core, lib/engine/cmdlet and sibling modules.

import { ErrorRecord, ShellError } from '../../core/errors.js';
import type { CmdletDefinition } from '../cmdlet/define.js';
import type { CmdletContext, HostWriteOptions, InvokeOptions, ProgressRecord, Services } from '../cmdlet/context.js';
import type { ScriptBlock } from '../cmdlet/script-block.js';
import type { CommonArgs } from './binder-ops.js';
import { confirmNotInteractive, parseAction, preference, writeNonTerminating, type ErrorAction } from './errors.js';
import type { PipelinePosition } from './pipeline.js';
import { ReportCollector } from './report.js';
import type { Scope } from './scopes.js';
import { invokeInDefiningScope } from './script-blocks.js';
import { ErrorSignal } from './signals.js';
import { toBool, toStr } from './value-ops.js';

const IMPACT = { none: 0, low: 1, medium: 2, high: 3 } as const;

export class CommandRun {
  readonly errors: ErrorRecord[] = [];
  readonly outputs: unknown[] | undefined;
  readonly report: ReportCollector | undefined;
  parameterSetName: string;
  bound: ReadonlySet<string> = new Set();
  args: Record<string, unknown> = {};

  constructor(readonly definition: CmdletDefinition, readonly scope: Scope, readonly common: CommonArgs,
    readonly pos: PipelinePosition, candidateSet: string) {
    this.parameterSetName = candidateSet;
    this.outputs = common.OutVariable ? [] : undefined;
    if (common.Report && (definition.changesState || definition.report)) {
      const text = pos.span.source.text.slice(pos.span.start, pos.span.end);
      this.report = new ReportCollector(scope.engine.resolvePath(common.Report), text, () => this.services.now());
    }
  }

  get engine() { return this.scope.engine; }
  get name() { return this.definition.name; }
  get services() { return this.engine.options.services as { now(): Date }; }

  write(v: unknown): void | Promise<void> {
    this.outputs?.push(v);
    this.report?.outputs.push(v);
    return this.pos.emit(v);
  }

  errorAction(): ErrorAction {
    return this.common.ErrorAction ? parseAction(this.common.ErrorAction) : preference(this.scope, 'ErrorActionPreference');
  }

  writeError(error: ShellError | ErrorRecord): void | Promise<void> {
    const record = error instanceof ErrorRecord ? error : new ErrorRecord(error.at(this.pos.span), this.name);
    const action = this.errorAction();
    if (action !== 'Ignore') { this.errors.push(record); this.report?.errors.push(record); }
    const route = this.pos.redirections.route('Error');
    if (route === 'output' && action !== 'Stop' && action !== 'Ignore') {
      this.engine.errorCount++;
      this.engine.errorList().unshift(record);
      return this.pos.emit(record);
    }
    writeNonTerminating(this.scope, record, route === 'null' && action === 'Continue' ? 'SilentlyContinue' : action);
  }

  /** Whether a message on `stream` is shown; Stop shows it, then stops the script. */
  private shown(action: ErrorAction, preferenceName: string, stream: 'Warning' | 'Verbose' | 'Debug', show: () => void) {
    if (this.pos.redirections.route(stream) === 'null' || action === 'SilentlyContinue' || action === 'Ignore') return;
    show();
    if (action === 'Stop') throw new ErrorSignal(new ErrorRecord(new ShellError('ActionPreferenceStop', 'OperationStopped',
      `The running command stopped because the preference variable "${preferenceName}" or common parameter is set to Stop.`,
      { span: this.pos.span, exceptionType: 'System.Management.Automation.ActionPreferenceStopException' }), this.name), 'script');
  }

  private switchAction(flag: boolean | undefined, preferenceName: string): ErrorAction {
    if (flag !== undefined) return flag ? 'Continue' : 'SilentlyContinue';
    return preference(this.scope, preferenceName, 'SilentlyContinue');
  }

  writeWarning(text: string) {
    this.report?.warnings.push(text);
    const action = this.common.WarningAction ? parseAction(this.common.WarningAction) : preference(this.scope, 'WarningPreference');
    this.shown(action, 'WarningPreference', 'Warning', () => this.engine.options.sink.warning(text));
  }

  writeVerbose(text: string) {
    this.report?.verbose.push(text);
    this.shown(this.switchAction(this.common.Verbose, 'VerbosePreference'), 'VerbosePreference', 'Verbose',
      () => this.engine.options.sink.verbose(text));
  }

  writeDebug(text: string) {
    this.shown(this.switchAction(this.common.Debug, 'DebugPreference'), 'DebugPreference', 'Debug',
      () => this.engine.options.sink.debug(text));
  }

  whatIf(): boolean {
    return this.common.WhatIf ?? toBool(this.scope.get('whatifpreference'));
  }

  async shouldProcess(target: string, action: string): Promise<boolean> {
    const { sink } = this.engine.options;
    if (this.whatIf()) {
      sink.information(`What if: Performing the operation "${action}" on target "${target}".`);
      this.report?.actions.push({ target, action, performed: false });
      return false;
    }
    const impact = this.definition.changesState?.confirmImpact ?? 'Medium';
    const pref = toStr(this.scope.get('confirmpreference') ?? 'High').toLowerCase() as keyof typeof IMPACT;
    const ask = this.common.Confirm ?? (pref !== 'none' && IMPACT[impact.toLowerCase() as keyof typeof IMPACT] >= (IMPACT[pref] ?? 3));
    const performed = !ask || await this.confirm(
      `Are you sure you want to perform this action?\nPerforming the operation "${action}" on target "${target}".`, 'Confirm',
      `confirm the operation "${action}" on target "${target}"`);
    this.report?.actions.push({ target, action, performed });
    return performed;
  }

  async shouldContinue(query: string, caption: string): Promise<boolean> {
    return this.confirm(query, caption, `ask "${query}"`);
  }

  /**
   * Asks the host. When no answer can be had, PowerShell's NonInteractive behaviour: not a silent
   * no but an error for this object (non-terminating, so the next object is asked in turn).
   */
  private async confirm(query: string, caption: string, what: string): Promise<boolean> {
    const answer = await this.engine.options.confirm(query, caption);
    if (answer !== undefined) return answer;
    await this.writeError(confirmNotInteractive(what));
    return false;
  }

  /** Saves -OutVariable / -ErrorVariable in the caller's scope and hands over the -Report. */
  async finish(terminating?: ErrorRecord) {
    const save = (name: string | undefined, items: unknown[]) => {
      if (!name) return;
      const append = name.startsWith('+'), key = append ? name.slice(1) : name;
      const old = append ? this.scope.get(key.toLowerCase()) : null;
      const before = old === null ? [] : Array.isArray(old) ? old : [old];
      this.scope.set(key, [...before, ...items]);
    };
    save(this.common.OutVariable, this.outputs ?? []);
    save(this.common.ErrorVariable, terminating ? [...this.errors, terminating] : this.errors);
    if (this.report) {
      if (terminating) this.report.errors.push(terminating);
      await this.engine.options.onReport?.(this.report.build(this.definition, this.args, this.whatIf(), terminating));
    }
  }
}

/** The CmdletContext of a running command: its CommandRun's streams plus the host's services. */
export function makeContext(run: CommandRun): CmdletContext {
  const engine = run.engine;
  // The services beyond now() are the host's (RuntimeOptions.services); withServices adds them.
  const ctx: Omit<CmdletContext, Exclude<keyof Services, 'now'>> = {
    get commandName() { return run.name; },
    get parameterSetName() { return run.parameterSetName; },
    isBound: name => run.bound.has(name) || [...run.bound].some(b => b.toLowerCase() === name.toLowerCase()),
    writeError: e => { const r = run.writeError(e); if (r) r.catch(() => {}); },
    writeWarning: t => run.writeWarning(t),
    writeVerbose: t => run.writeVerbose(t),
    writeDebug: t => run.writeDebug(t),
    writeHost: (t: string, o?: HostWriteOptions) => engine.options.sink.information(t, o),
    writeProgress: (r: ProgressRecord) => {
      if (preference(run.scope, 'ProgressPreference') !== 'SilentlyContinue') engine.options.sink.progress(r);
    },
    shouldProcess: (target, action) => run.shouldProcess(target, action),
    shouldContinue: (q, c) => run.shouldContinue(q, c),
    invoke: (block: ScriptBlock, options?: InvokeOptions) => invokeInDefiningScope(block, run.scope, options),
    get session() { return engine.session(run.scope); },
    get signal() { return run.pos.signal; },
    stopUpstream: () => run.pos.stopUpstream(),
    now: () => run.services.now(),
  };
  return engine.withServices(ctx);
}
