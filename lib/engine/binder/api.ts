// The binder's contract with the runtime: arguments as the runtime evaluated them go in, the
// cmdlet's bound arguments come out. Implementation in the other files of this folder.
//
// Phases (STYLE.md): bindNamed → bindPositional → applyDefaults → chooseParameterSet, then for each
// pipeline object bindByValue → bindByPropertyName → checkMandatory.
// Imports only lib/core and lib/engine/cmdlet.

import type { Span } from '../../core/span.js';
import type { CmdletDefinition } from '../cmdlet/define.js';
import type { PipelinePlan } from './pipeline-plan.js';

/** One command-line argument after evaluation (splatting already expanded by the runtime). */
export type CommandArgument =
  /**
   * `-Name value`, `-Name:value`, or a switch `-Name` (hasValue false). Name as written (a prefix is
   * fine). `splatted`: from a hashtable `@h`, so an explicit `-Name` for the same parameter wins.
   */
  | { kind: 'named'; name: string; value?: unknown; hasValue: boolean; span?: Span; valueSpan?: Span; splatted?: boolean }
  | { kind: 'positional'; value: unknown; span?: Span };

/** The common parameters given, e.g. { ErrorAction: 'Stop', Verbose: true }. */
export interface CommonArgs {
  Verbose?: boolean; Debug?: boolean; WhatIf?: boolean; Confirm?: boolean; Report?: string;
  ErrorAction?: string; WarningAction?: string; InformationAction?: string;
  ErrorVariable?: string; WarningVariable?: string; InformationVariable?: string; OutVariable?: string;
  PipelineVariable?: string; OutBuffer?: number;
}

export interface Binding {
  readonly command: CmdletDefinition;
  /** Arguments bound from the command line, by canonical parameter name. */
  readonly args: Record<string, unknown>;
  readonly common: CommonArgs;
  /** Parameter sets still possible before pipeline input; resolved per input object. */
  readonly candidateSets: string[];
  /** Does any parameter still open accept pipeline input? (else piping in is an error) */
  readonly acceptsPipeline: boolean;
  /** What binding each pipeline object needs, worked out once for the stage (binder-internal). */
  readonly plan: PipelinePlan;
}

export interface PipelineBinding {
  readonly args: Record<string, unknown>;      // command-line and pipeline-bound together
  readonly parameterSetName: string;
  readonly bound: ReadonlySet<string>;         // canonical names bound, for ctx.isBound
}
