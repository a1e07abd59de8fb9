// defineCmdlet: a cmdlet is a declaration. Name, help, parameters (with sets, positions and
// pipeline binding), output type and examples are data; begin/process/end are its behaviour.
// Imports only sibling modules.

import type { BoundArgs, ParameterMap } from './parameters.js';
import type { CmdletContext } from './context.js';

/** What a block may return: yield output objects one at a time, or return nothing. */
export type BlockResult = AsyncIterable<unknown> | Iterable<unknown> | Promise<void> | void;

export interface CmdletExample {
  title: string;
  code: string;
  remarks?: string;
  /** When given, the example's output objects (as JSON-ish values) must equal this. */
  output?: unknown[];
  /** Some examples need state from earlier setup lines, run first and not shown in help. */
  setup?: string;
}

export interface CmdletDefinition<P extends ParameterMap = ParameterMap> {
  name: string;                            // Verb-Noun
  synopsis: string;
  description?: string;
  module?: string;                         // 'Microsoft.PowerShell.Utility', 'SkypeForBusiness'...
  aliases?: string[];                      // e.g. ['where', '?']
  parameters: P;
  defaultParameterSet?: string;
  outputType?: string;
  /**
   * The cmdlet changes state: the host adds -WhatIf, -Confirm and -Report, and the cmdlet must
   * ask ctx.shouldProcess before each change. The impact decides when -Confirm is implied.
   */
  changesState?: { confirmImpact: 'Low' | 'Medium' | 'High' };
  /** Writes -Report FILE, a log of what it found, though it changes nothing (Get-CsCertificate). */
  report?: boolean;
  examples: CmdletExample[];
  notes?: string;
  related?: string[];
  begin?(args: BoundArgs<P>, ctx: CmdletContext): BlockResult;
  /** Once per pipeline object (once in all when nothing is piped in). */
  process?(args: BoundArgs<P>, ctx: CmdletContext): BlockResult;
  end?(args: BoundArgs<P>, ctx: CmdletContext): BlockResult;
}

export const defineCmdlet = <P extends ParameterMap>(definition: CmdletDefinition<P>): CmdletDefinition<P> => definition;

/** The common parameters every cmdlet accepts; the binder and Get-Help know them by this list. */
export const COMMON_PARAMETERS = ['Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction',
  'ErrorVariable', 'WarningVariable', 'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable'] as const;
/** Added for cmdlets that declare changesState. */
export const SHOULD_PROCESS_PARAMETERS = ['WhatIf', 'Confirm', 'Report'] as const;

/** The parameters the host adds to a cmdlet: -WhatIf, -Confirm and -Report when it changes state, -Report alone when it only reports. */
export const hostParameters = (command: Pick<CmdletDefinition, 'changesState' | 'report'>): readonly (typeof SHOULD_PROCESS_PARAMETERS)[number][] =>
  command.changesState ? SHOULD_PROCESS_PARAMETERS : command.report ? ['Report'] : [];
