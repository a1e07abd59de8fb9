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
import { pipelinePlan, type PipelinePlan } from './pipeline-plan.js';
import { bindPositional } from './positional.js';

/** Passed to bindPipelineInput when nothing is piped in: only set choice and mandatory checks run. */
export const NO_INPUT: unique symbol = Symbol('NO_INPUT');

export function bindArguments(command: CmdletDefinition, args: CommandArgument[]): Binding {
  const state = new BindState(command);
  bindNamed(state, args);
  bindPositional(state);
  applyDefaults(state);
  const { candidateSets, plan, acceptsPipeline } = shapeOf(state, args);
  return { command, args: state.args, common: state.commonArgs, candidateSets, plan, acceptsPipeline };
}

/** What follows from which parameters a command line bound, whatever their values. */
interface Shape {
  readonly candidateSets: string[];
  readonly plan: PipelinePlan;
  readonly acceptsPipeline: boolean;
}

// The sets and the pipeline plan depend only on the command and the names bound (in order), so a
// loop calling a command with the same parameters works them out once instead of reading the
// declaration again on every call. Few shapes per command occur; the map is capped all the same.
const shapes = new WeakMap<CmdletDefinition, Map<string, Shape>>();
const SHAPES_PER_COMMAND = 64;

function shapeOf(state: BindState, args: CommandArgument[]): Shape {
  let byKey = shapes.get(state.command);
  if (!byKey) shapes.set(state.command, byKey = new Map());
  const key = [...state.bound].join('\0');
  let shape = byKey.get(key);
  if (!shape) {
    const candidateSets = Object.freeze(possibleSets(state, args)) as string[];
    const plan = pipelinePlan(state.command, candidateSets, state.bound);
    shape = { candidateSets, plan, acceptsPipeline: plan.byValue.length > 0 || plan.byPropertyName.length > 0 };
    if (byKey.size >= SHAPES_PER_COMMAND) byKey.clear();
    byKey.set(key, shape);
  }
  return shape;
}

/**
 * Declared defaults are the cmdlet's business (`defaultText` only documents them), and an absent
 * switch stays undefined, so nothing is filled in here; the phase is kept so the order of the
 * phases reads as PowerShell's does.
 */
function applyDefaults(_state: BindState): void {}

/** chooseParameterSet, as far as it goes before pipeline input: the sets holding every bound parameter. */
function possibleSets(state: BindState, args: CommandArgument[]): string[] {
  const containing = setsContaining(state.command, setNames(state.command), state.bound);
  if (!containing.length) throw ambiguousParameterSet({ command: state.command.name, span: spanOfAll(args) });
  return containing;
}

// The set a command line settles on when nothing is piped in follows from its shape too (the
// same bound names choose the same set and pass the same mandatory check): kept per plan once a
// call has passed; a call that fails the check is not kept and fails the same way again.
const settledSets = new WeakMap<PipelinePlan, string>();

export function bindPipelineInput(binding: Binding, input: unknown): PipelineBinding {
  const { command, plan } = binding;
  const piped = input !== NO_INPUT;
  const settled = piped ? undefined : settledSets.get(plan);
  if (settled !== undefined) return { args: { ...binding.args }, parameterSetName: settled, bound: new Set(plan.bound) };
  // Sets that only pipeline input could complete are worth trying only when there is input.
  const sets = piped ? plan.sets : binding.candidateSets;
  const state: PipelineState = { command, plan, args: { ...binding.args }, bound: new Set(plan.bound), sets };
  const site: ErrorSite = { command: command.name };
  if (piped) bindInputObject(state, input, site);
  const parameterSetName = chooseParameterSet(command, state.sets, state.bound, site);
  checkMandatory(command, parameterSetName, state.bound, piped, site);
  if (!piped) settledSets.set(plan, parameterSetName);
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
