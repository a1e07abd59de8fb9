// The runtime's public types: what the host gives a Runspace and what it gets back.
// Implementation in index.ts (Runspace) and engine.ts.
// Imports only lib/core, lib/engine/cmdlet and sibling modules.

import type { ErrorRecord } from '../../core/errors.js';
import type { CmdletDefinition } from '../cmdlet/define.js';
import type { DriveProvider, HostWriteOptions, ProgressRecord } from '../cmdlet/context.js';
import type { CommandReport } from './report.js';

/** Where streams go; the host renders them. */
export interface OutputSink {
  /** Standard-output objects, one at a time as they are produced. */
  output(value: unknown): void | Promise<void>;
  error(record: ErrorRecord): void;
  warning(text: string): void;
  verbose(text: string): void;
  debug(text: string): void;
  /** Write-Host, and the "What if:" lines of -WhatIf. */
  information(text: string, options?: HostWriteOptions): void;
  progress(record: ProgressRecord): void;
}

export interface RuntimeOptions {
  /** Every cmdlet available (built-ins and Cs cmdlets); their `aliases` become aliases. */
  commands: CmdletDefinition[];
  drives?: DriveProvider[];
  /** Merged into every CmdletContext (read through getters, so the host can make them lazy). Must include now(). */
  services: object;
  sink: OutputSink;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isInteractive: boolean;
  readLine(prompt: string, options?: { secure?: boolean }): Promise<string>;
  /**
   * For -Confirm and ShouldContinue: true to go ahead, false not to, undefined when no answer can
   * be had (no terminal, and standard input has ended): the command then reports an error.
   */
  confirm(query: string, caption: string): Promise<boolean | undefined>;
  renderText(objects: unknown[], options?: { width?: number }): string;
  /** Called once per command run with -Report FILE; the host writes the HTML and XML files. */
  onReport?(report: CommandReport): Promise<void> | void;
}

export interface RunResult {
  /** Set by `exit N`; null otherwise. */
  exitCode: number | null;
  /** false when the run ended on a parse error or a terminating error, or its last statement failed ($? false). */
  succeeded: boolean;
  terminatingError?: ErrorRecord;
}

export type { CommandReport };
