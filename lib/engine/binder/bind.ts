// The binder's entry points. bindArguments runs the command-line phases once per invocation
// (bindNamed → bindPositional → applyDefaults → chooseParameterSet); bindPipelineInput runs the
// per-object phases (bindByValue → bindByPropertyName → checkMandatory) for each pipeline object,
// or with NO_INPUT once when nothing is piped in. Imports only lib/core and lib/engine/cmdlet.

import { joinSpans, type Span } from '../../core/span.js';
import type { CmdletDefinition } from '../cmdlet/index.js';
import type { Binding, CommandArgument, PipelineBinding } from './api.js';
import { BindState } from './bind-state.js';
import { ambiguousParameterSet, inputObjectMissingMandatory, missingMandatoryParameter, type ErrorSite } from './errors.js';
import { bindNamed } from './named-binding.js';
import { chooseParameterSet, membership, missingMandatory, setNames, setsContaining } from './parameter-sets.js';
import { bindInputObject, type PipelineState } from './pipeline-binding.js';
import { pipelinePlan } from './pipeline-plan.js';
import { bindPositional } from './positional.js';

/** Passed to bindPipelineInput when nothing is piped in: only set choice and mandatory checks run. */
export const NO_INPUT: unique symbol = Symbol('NO_INPUT');

export function bindArguments(command: CmdletDefinition, args: CommandArgument[]): Binding {
  const state = new BindState(command);
  bindNamed(state, args);
  bindPositional(state);
  applyDefaults(state);
  const candidateSets = possibleSets(state, spanOfAll(args));
  const plan = pipelinePlan(command, candidateSets, state.bound);
  return {
    command, args: state.args, common: state.commonArgs, candidateSets, plan,
    acceptsPipeline: plan.byValue.length > 0 || plan.byPropertyName.length > 0,
  };
}

/**
 * Declared defaults are the cmdlet's business (`defaultText` only documents them), and an absent
 * switch stays undefined, so nothing is filled in here; the phase is kept so the order of the
 * phases reads as PowerShell's does.
 */
function applyDefaults(_state: BindState): void {}

/** chooseParameterSet, as far as it goes before pipeline input: the sets holding every bound parameter. */
function possibleSets(state: BindState, span: Span | undefined): string[] {
  const containing = setsContaining(state.command, setNames(state.command), state.bound);
  if (!containing.length) throw ambiguousParameterSet({ command: state.command.name, span });
  return containing;
}

export function bindPipelineInput(binding: Binding, input: unknown): PipelineBinding {
  const { command, plan } = binding;
  const piped = input !== NO_INPUT;
  // Sets that only pipeline input could complete are worth trying only when there is input.
  const sets = piped ? plan.sets : binding.candidateSets;
  const state: PipelineState = { command, plan, args: { ...binding.args }, bound: new Set(plan.bound), sets };
  const site: ErrorSite = { command: command.name };
  if (piped) bindInputObject(state, input, site);
  const parameterSetName = chooseParameterSet(command, state.sets, state.bound, site);
  checkMandatory(command, parameterSetName, state.bound, piped, site);
  return { args: state.args, parameterSetName, bound: state.bound };
}

function checkMandatory(command: CmdletDefinition, set: string, bound: ReadonlySet<string>, piped: boolean,
  site: ErrorSite): void {
  const missing = missingMandatory(command, set, bound);
  if (!missing.length) return;
  const fromPipeline = missing.every(n => {
    const m = membership(command.parameters[n], set);
    return m?.valueFromPipeline || m?.valueFromPipelineByPropertyName;
  });
  throw piped && fromPipeline ? inputObjectMissingMandatory(site, missing) : missingMandatoryParameter(site, missing);
}

function spanOfAll(args: CommandArgument[]): Span | undefined {
  const spans = args.flatMap(a => a.span ? [a.span] : []);
  return spans.length ? joinSpans(spans[0], spans[spans.length - 1]) : undefined;
}
