// What binding a pipeline object needs to know that depends only on the command and on what its
// command line bound: the parameters still open to pipeline input (by value, by property name),
// the sets in which each takes it, and the sets worth trying once input arrives. Worked out once
// per pipeline stage (bindArguments), so binding each of 10,000 objects does not read the
// declaration again. Imports only lib/engine/cmdlet.

import type { CmdletDefinition, ParameterDefinition } from '../cmdlet/index.js';
import { membership, setNames, viableSets } from './parameter-sets.js';

/** A parameter pipeline input may still bind, one way (by value, or by property name). */
export interface OpenParameter {
  readonly name: string;
  readonly def: ParameterDefinition;
  /** Its name then its aliases: the property names it binds from. */
  readonly names: readonly string[];
  /** The command's sets in which it takes pipeline input this way. */
  readonly sets: ReadonlySet<string>;
}

export interface PipelinePlan {
  /** The declared parameters the command line bound. */
  readonly bound: readonly string[];
  /** The sets to try for each object (those only pipeline input could complete included). */
  readonly sets: readonly string[];
  readonly byValue: readonly OpenParameter[];
  readonly byPropertyName: readonly OpenParameter[];
}

type Flag = 'valueFromPipeline' | 'valueFromPipelineByPropertyName';

export function pipelinePlan(command: CmdletDefinition, candidateSets: readonly string[],
  bound: ReadonlySet<string>): PipelinePlan {
  const sets = viableSets(command, candidateSets, bound, true);
  return {
    bound: [...bound], sets,
    byValue: openParameters(command, sets, bound, 'valueFromPipeline'),
    byPropertyName: openParameters(command, sets, bound, 'valueFromPipelineByPropertyName'),
  };
}

/** Parameters not bound on the command line that take input `flag`'s way in one of `sets`. */
function openParameters(command: CmdletDefinition, sets: readonly string[], bound: ReadonlySet<string>,
  flag: Flag): OpenParameter[] {
  const all = setNames(command);
  const open: OpenParameter[] = [];
  for (const [name, def] of Object.entries(command.parameters)) {
    if (bound.has(name) || !sets.some(s => membership(def, s)?.[flag])) continue;
    open.push({ name, def, names: [name, ...def.aliases], sets: new Set(all.filter(s => membership(def, s)?.[flag])) });
  }
  return open;
}
