// -Report FILE for cmdlets that change state: what the command did — its parameters (secret ones
// masked), outputs, warnings, verbose messages, errors, the ShouldProcess decisions, start and end
// time — handed to the host as one CommandReport; the host writes the HTML log and its XML twin.
// Imports only lib/core and lib/engine/cmdlet.

import type { ErrorRecord } from '../../core/errors.js';
import { SecureString } from '../../core/values.js';
import type { CmdletDefinition } from '../cmdlet/define.js';

export interface CommandReport {
  /** The -Report argument, made absolute against the current directory. */
  path: string;
  commandName: string;
  /** The command as written in the script. */
  commandLine: string;
  /** Parameters as bound (canonical names); `secret` ones shown as '********'. */
  parameters: Record<string, unknown>;
  startTime: Date;
  endTime: Date;
  outputs: unknown[];
  warnings: string[];
  verbose: string[];
  errors: ErrorRecord[];
  /** Every ShouldProcess question and whether the action went ahead. */
  actions: { target: string; action: string; performed: boolean }[];
  whatIf: boolean;
  /** false when the command wrote an error or ended on one. */
  succeeded: boolean;
  /** The terminating error the command ended on, if any. */
  terminatingError?: ErrorRecord;
}

export const MASK = '********';

export function maskParameters(definition: CmdletDefinition, args: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args)) {
    if (value === undefined) continue;
    const secret = definition.parameters[name]?.secret || value instanceof SecureString;
    out[name] = secret ? MASK : value;
  }
  return out;
}

/**
 * The command as written, with the values of its secret parameters masked wherever they appear:
 * a password given inline (`-Password (ConvertTo-SecureString 'x' -AsPlainText -Force)`) must not
 * reach a log file.
 */
export function redactSecrets(commandLine: string, definition: CmdletDefinition, args: Record<string, unknown>): string {
  const secrets = Object.entries(args).flatMap(([name, value]) =>
    value instanceof SecureString ? [value.reveal()] : definition.parameters[name]?.secret && typeof value === 'string' ? [value] : []);
  return secrets.filter(s => s.length > 0).reduce((line, secret) => line.split(secret).join(MASK), commandLine);
}

/** Collects one command's activity while it runs. */
export class ReportCollector {
  readonly outputs: unknown[] = [];
  readonly warnings: string[] = [];
  readonly verbose: string[] = [];
  readonly errors: ErrorRecord[] = [];
  readonly actions: CommandReport['actions'] = [];
  readonly startTime: Date;
  constructor(readonly path: string, readonly commandLine: string, readonly now: () => Date) { this.startTime = now(); }

  build(definition: CmdletDefinition, args: Record<string, unknown>, whatIf: boolean, terminatingError?: ErrorRecord): CommandReport {
    return {
      path: this.path, commandName: definition.name, commandLine: redactSecrets(this.commandLine, definition, args),
      parameters: maskParameters(definition, args), startTime: this.startTime, endTime: this.now(),
      outputs: this.outputs, warnings: this.warnings, verbose: this.verbose, errors: this.errors,
      actions: this.actions, whatIf, succeeded: !terminatingError && this.errors.length === 0, terminatingError,
    };
  }
}
