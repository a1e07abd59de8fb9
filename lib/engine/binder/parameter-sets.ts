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

/** Mandatory parameters of `set` not yet bound (optionally leaving out those pipeline input may bind). */
export function missingMandatory(command: CmdletDefinition, set: string, bound: ReadonlySet<string>,
  exceptPipeline = false): string[] {
  return Object.entries(command.parameters).filter(([name, def]) => {
    const m = membership(def, set);
    if (!m?.mandatory || bound.has(name)) return false;
    return !(exceptPipeline && (m.valueFromPipeline || m.valueFromPipelineByPropertyName));
  }).map(([name]) => name);
}

/**
 * Narrows the candidates to the sets still worth considering: those whose mandatory parameters
 * are given (or may come from the pipeline) when any are, else all of them.
 */
export function viableSets(command: CmdletDefinition, candidates: readonly string[], bound: ReadonlySet<string>,
  pipelinePending: boolean): string[] {
  const complete = candidates.filter(s => missingMandatory(command, s, bound, pipelinePending).length === 0);
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
