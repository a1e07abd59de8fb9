// What a running cmdlet may use: its output streams, ShouldProcess, script-block invocation, the
// session (commands, paths, drives) and the services the host plugs in (config, store, clock).
// A cmdlet never reads globals, the environment or the configuration itself.
// Imports only lib/core and sibling modules.

import type { ShellError } from '../../core/errors.js';
import type { ScriptBlock } from './script-block.js';
import type { CmdletDefinition } from './define.js';

/**
 * Services the host provides, open for extension: the certificate cmdlets add theirs with
 *   declare module '../../lib/engine/cmdlet/context.js' { interface Services { store: Store } }
 * and the host fills them lazily (nothing is opened until a cmdlet touches it).
 */
export interface Services {
  /** The clock: tests pin it. */
  now(): Date;
}

export interface ProgressRecord {
  activity: string; status?: string; percentComplete?: number; completed?: boolean; id?: number;
}

export interface HostWriteOptions { foregroundColor?: string; backgroundColor?: string; noNewline?: boolean }

/** A drive such as `Cert:`; paths arrive split into parts below the drive root. */
export interface DriveProvider {
  readonly name: string;                                   // 'Cert'
  readonly description: string;
  /** Items directly below a path ([] = the drive root); recurse for -Recurse. undefined: no such container. */
  childItems(path: string[], options: { recurse: boolean }): Promise<unknown[] | undefined>;
  item(path: string[]): Promise<unknown | undefined>;
  removeItem?(path: string[]): Promise<void>;
}

/** A command as Get-Command lists it. */
export interface CommandInfo {
  name: string;
  commandType: 'Cmdlet' | 'Function' | 'Alias' | 'Filter';
  definition?: CmdletDefinition;                            // for cmdlets
  resolvedName?: string;                                    // for aliases
  source: string;                                           // module name, e.g. 'SkypeForBusiness'
}

export interface SessionServices {
  commands(): CommandInfo[];
  command(name: string): CommandInfo | undefined;
  /** The current directory (Set-Location is per session). */
  readonly cwd: string;
  /** Set-Location: makes an existing directory (already resolved by resolvePath) the current one. */
  setLocation(directory: string): void;
  /** Push-Location: remembers the current directory on the session's location stack. */
  pushLocation(): void;
  /** Pop-Location: returns to the directory last pushed; undefined when the stack is empty. */
  popLocation(): string | undefined;
  /** A file-system path made absolute against cwd, with `~` expanded. */
  resolvePath(path: string): string;
  drive(name: string): DriveProvider | undefined;
  getVariable(name: string): unknown;
  setVariable(name: string, value: unknown): void;
  /** Help text of about_* topics and cmdlets is rendered by the host; this reaches it. */
  readonly isInteractive: boolean;
  /** Objects rendered as the console would show them (Out-String, Format-* | Out-String). */
  renderText(objects: unknown[], options?: { width?: number }): string;
  /** Reads a line from the user (Read-Host); rejects when there is no terminal. */
  readLine(prompt: string, options?: { secure?: boolean }): Promise<string>;
}

export interface InvokeOptions {
  /** $_ / $PSItem inside the block. */
  dollarUnder?: unknown;
  /** $args, and positional parameters of a param() block. */
  args?: unknown[];
  /** Pipeline input ($input; process{} runs once per item). */
  input?: unknown[];
  /** Extra variables defined in the block's new scope. */
  variables?: Record<string, unknown>;
  /**
   * Run in a fresh scope that sees none of the caller's variables or functions (only the
   * automatic and preference variables), as ForEach-Object -Parallel's runspaces do. Blocks run
   * this way may be invoked concurrently.
   */
  isolatedScope?: boolean;
}

export interface CmdletContext extends Services {
  readonly commandName: string;
  readonly parameterSetName: string;
  /** Was the parameter given (by name, position or pipeline)? Like $PSBoundParameters.ContainsKey. */
  isBound(name: string): boolean;

  /** A non-terminating error: recorded, shown, and the pipeline moves on. */
  writeError(error: ShellError): void;
  writeWarning(text: string): void;
  writeVerbose(text: string): void;
  writeDebug(text: string): void;
  writeHost(text: string, options?: HostWriteOptions): void;
  writeProgress(record: ProgressRecord): void;

  /** -WhatIf / -Confirm: false when the action must not happen. Always await it. */
  shouldProcess(target: string, action: string): Promise<boolean>;
  /** For -Force style confirmations (Remove-CsCertificate of a certificate in use). */
  shouldContinue(query: string, caption: string): Promise<boolean>;

  /** Runs a script block in a child scope of its own; resolves to everything it wrote to output. */
  invoke(block: ScriptBlock, options?: InvokeOptions): Promise<unknown[]>;

  readonly session: SessionServices;
  /** Aborted on Ctrl+C or when a downstream command (Select-Object -First) needs no more. */
  readonly signal: AbortSignal;
  /**
   * This command needs no more input (Select-Object -First N after the Nth object): the commands
   * before it stop; this command's end block, and the later commands, still run.
   */
  stopUpstream?(): void;
}
