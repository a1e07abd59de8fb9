// Error records and error actions (about_CommonParameters, about_Preference_Variables): turning
// whatever was thrown into an ErrorRecord, recording it in $Error, deciding from -ErrorAction or
// $ErrorActionPreference whether a non-terminating error is shown, hidden, ignored or becomes
// terminating, and matching `catch [Type]` clauses. Imports only lib/core and sibling modules.

import { ErrorRecord, ShellError } from '../../core/errors.js';
import type { Span } from '../../core/span.js';
import { ErrorSignal } from './signals.js';
import type { Scope } from './scopes.js';

export type ErrorAction = 'Continue' | 'SilentlyContinue' | 'Stop' | 'Ignore';

/** Any thrown value as an ErrorRecord, tagged with the span of the code that failed. */
export function toRecord(e: unknown, span?: Span, commandName?: string): ErrorRecord {
  if (e instanceof ErrorSignal) return e.record;
  if (e instanceof ErrorRecord) return e;
  if (e instanceof ShellError) return new ErrorRecord(e.at(span), commandName);
  const message = e instanceof Error ? e.message : String(e);
  return new ErrorRecord(new ShellError('UnexpectedError', 'NotSpecified', message,
    { span, cause: e, exceptionType: 'System.Exception' }), commandName);
}

/** Reads an action preference value ('Stop', 1, 'silentlycontinue'...) as an ErrorAction. */
export function parseAction(value: unknown, fallback: ErrorAction = 'Continue'): ErrorAction {
  const text = String(value ?? '').toLowerCase();
  switch (text) {
    case 'stop': case '1': return 'Stop';
    case 'silentlycontinue': case '0': return 'SilentlyContinue';
    case 'ignore': case '4': return 'Ignore';
    case 'continue': case '2': case 'inquire': case '3': case 'suspend': case 'break': return 'Continue';
    default: return fallback;
  }
}

export const preference = (scope: Scope, name: string, fallback: ErrorAction = 'Continue') =>
  parseAction(scope.get(name.toLowerCase()), fallback);

/** Adds a record to $Error (newest first), counts it for $?, and shows it unless hidden. */
export function recordError(scope: Scope, record: ErrorRecord, show: boolean) {
  const engine = scope.engine;
  engine.errorCount++;
  const list = engine.errorList();
  list.unshift(record);
  if (list.length > 256) list.length = 256;
  if (show) engine.options.sink.error(record);
}

/**
 * A non-terminating error under an error action: shown, hidden, dropped, or (Stop) thrown as a
 * script-terminating error. Returns whether it was kept (for -ErrorVariable).
 */
export function writeNonTerminating(scope: Scope, record: ErrorRecord, action: ErrorAction): boolean {
  if (action === 'Ignore') { scope.engine.errorCount++; return false; }
  if (action === 'Stop') throw new ErrorSignal(record, 'script');
  recordError(scope, record, action === 'Continue');
  return true;
}

// The exception types scripts catch, each with its base types ('Exception' and RuntimeException
// catch everything, as every error here derives from them).
const BASES: Record<string, string[]> = {
  argumentnullexception: ['argumentexception'], argumentoutofrangeexception: ['argumentexception'],
  filenotfoundexception: ['ioexception'], directorynotfoundexception: ['ioexception'],
  itemnotfoundexception: ['sessionstateexception'], parameterbindingexception: ['runtimeexception'],
  parameterbindingvalidationexception: ['parameterbindingexception', 'runtimeexception'],
  actionpreferencestopexception: ['runtimeexception'], commandnotfoundexception: ['runtimeexception'],
  invalidcastexception: ['systemexception'], pipelinestoppedexception: ['runtimeexception'],
};
const CATCH_ALL = new Set(['exception', 'runtimeexception', 'systemexception']);
const shortName = (t: string) => t.toLowerCase().split('.').pop()!;

/** Does `catch [typeName]` catch this record? Matches the exception type, its bases, or the id. */
export function catchMatches(typeName: string, record: ErrorRecord): boolean {
  const wanted = shortName(typeName);
  if (CATCH_ALL.has(wanted)) return true;
  const error = record.error;
  if (error.id.toLowerCase() === wanted) return true;
  const actual = shortName(error.more.exceptionType ?? 'RuntimeException');
  return actual === wanted || (BASES[actual] ?? []).includes(wanted);
}

/**
 * A -Confirm or ShouldContinue question nobody can answer: PowerShell -NonInteractive fails the
 * same way ("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.").
 */
export function confirmNotInteractive(what: string): ShellError {
  return new ShellError('ConfirmNotInteractive', 'InvalidOperation',
    `Cannot ${what}: there is no terminal to ask on and standard input has no answer left.`,
    { exceptionType: 'System.Management.Automation.PSInvalidOperationException',
      hint: 'Add -Confirm:$false (or -Force where the command has it) to go ahead without asking, pipe the answers ' +
        '(y or n, one a line) to cscert, or run it on a terminal.' });
}
