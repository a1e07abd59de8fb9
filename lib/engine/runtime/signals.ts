// Control flow that leaves several frames at once: break/continue (with labels), return, exit, a
// downstream command needing no more input, and errors that terminate a statement or the script.
// They are thrown as plain objects, not Errors, so throwing one costs no stack capture. Script
// `catch` blocks only ever see ErrorSignal. Imports only lib/core.

import type { ErrorRecord } from '../../core/errors.js';

export class BreakSignal { constructor(readonly label: string | null) {} }
export class ContinueSignal { constructor(readonly label: string | null) {} }
/** `return`: the value was already written to the output. */
export class ReturnSignal {}
export class ExitSignal { constructor(readonly code: number) {} }
/** A downstream command of `pipeline` needs no more input (Select-Object -First). */
export class StopSignal { constructor(readonly pipeline: object) {} }

/**
 * A terminating error. 'statement': the failing statement stops and the script goes on (unless a
 * try encloses it); 'script': everything stops up to the nearest enclosing catch.
 */
export class ErrorSignal {
  constructor(readonly record: ErrorRecord, readonly kind: 'statement' | 'script') {}
}

export const RETURN = new ReturnSignal();

/** Does a loop labelled `label` handle this break/continue? (unlabelled ones stop at the nearest) */
export const signalMatches = (s: BreakSignal | ContinueSignal, label: string | undefined) =>
  s.label === null || (label !== undefined && s.label.toLowerCase() === label.toLowerCase());
