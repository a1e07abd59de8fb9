// Parameter sets: which sets a parameter belongs to, which sets remain possible once some
// parameters are bound, and how one set is chosen. A set is possible when every bound parameter
// belongs to it; among several, PowerShell prefers the one whose mandatory parameters are all
// given, then the default set; otherwise the call is ambiguous.
// Imports only lib/engine/cmdlet.

import type { CmdletDefinition } from '../cmdlet/index.js';
import { setMembership as membership } from '../cmdlet/syntax.js';
import { ambiguousParameterSet, type ErrorSite } from './errors.js';

// Set names and memberships are read the same way by Get-Help's syntax lines.
export { parameterSetNames as setNames, setMembership as membership } from '../cmdlet/syntax.js';

/** The sets in `sets` that contain every one of the named declared parameters. */
export function setsContaining(command: CmdletDefinition, sets: readonly string[], names: Iterable<string>): string[] {
  const defs = [...names].map(n => command.parameters[n]).filter(Boolean);
  return sets.filter(s => defs.every(d => membership(d, s)));
}

interface MandatoryParameter { readonly name: string; readonly fromPipeline: boolean }

// Declarations do not change once made, so each command's mandatory parameters per set are read
// from them once: the per-object phases ask for them several times for every pipeline object.
const mandatoryByCommand = new WeakMap<CmdletDefinition, Map<string, readonly MandatoryParameter[]>>();

/** The mandatory parameters of `set`, in declaration order. */
function mandatoryOf(command: CmdletDefinition, set: string): readonly MandatoryParameter[] {
  let bySet = mandatoryByCommand.get(command);
  if (!bySet) mandatoryByCommand.set(command, bySet = new Map());
  let mandatory = bySet.get(set);
  if (!mandatory) {
    mandatory = Object.entries(command.parameters).flatMap(([name, def]) => {
      const m = membership(def, set);
      return m?.mandatory ? [{ name, fromPipeline: !!(m.valueFromPipeline || m.valueFromPipelineByPropertyName) }] : [];
    });
    bySet.set(set, mandatory);
  }
  return mandatory;
}

const stillMissing = (p: MandatoryParameter, bound: ReadonlySet<string>, exceptPipeline: boolean) =>
  !bound.has(p.name) && !(exceptPipeline && p.fromPipeline);

/** Mandatory parameters of `set` not yet bound (optionally leaving out those pipeline input may bind). */
export function missingMandatory(command: CmdletDefinition, set: string, bound: ReadonlySet<string>,
  exceptPipeline = false): readonly string[] {
  // Asked for every pipeline object: nothing is allocated when nothing is missing.
  let missing: string[] | undefined;
  for (const p of mandatoryOf(command, set)) if (stillMissing(p, bound, exceptPipeline)) (missing ??= []).push(p.name);
  return missing ?? NONE_MISSING;
}
const NONE_MISSING: readonly string[] = Object.freeze([]);

/**
 * Narrows the candidates to the sets still worth considering: those whose mandatory parameters
 * are given (or may come from the pipeline) when any are, else all of them.
 */
export function viableSets(command: CmdletDefinition, candidates: readonly string[], bound: ReadonlySet<string>,
  pipelinePending: boolean): string[] {
  const complete = candidates.filter(s => !mandatoryOf(command, s).some(p => stillMissing(p, bound, pipelinePending)));
  return complete.length ? complete : [...candidates];
}

/** Exactly one set for the call, or AmbiguousParameterSet. */
export function chooseParameterSet(command: CmdletDefinition, candidates: readonly string[],
  bound: ReadonlySet<string>, site: ErrorSite): string {
  if (candidates.length === 1) return candidates[0];
  if (candidates.length === 0) throw ambiguousParameterSet(site);
  const complete = viableSets(command, candidates, bound, false);
  if (complete.length === 1) return complete[0];
  const preferred = command.defaultParameterSet;
  if (preferred && complete.includes(preferred)) return preferred;
  if (preferred && candidates.includes(preferred) && complete.length === candidates.length) return preferred;
  throw ambiguousParameterSet(site);
}
