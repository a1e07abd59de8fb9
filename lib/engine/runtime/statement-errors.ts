// PowerShell's rule for an error that ends a statement: outside any try it is reported (recorded
// in $Error, shown, $? false) and the script goes on with the next statement; inside a try (at
// any call depth) or under $ErrorActionPreference = 'Stop' it travels on to the nearest catch.
// Control signals (break, return, exit...) and script-terminating errors always travel on.
// Imports only lib/core and sibling modules.

import type { Span } from '../../core/span.js';
import { preference, recordError, toRecord } from './errors.js';
import type { Scope } from './scopes.js';
import { ErrorSignal } from './signals.js';

export function onStatementError(e: unknown, f: Scope, span: Span): void {
  if (e instanceof ErrorSignal) {
    if (e.kind === 'script' || f.tryDepth > 0) throw e;
    return report(new ErrorSignal(e.record, 'statement'), f);
  }
  if (typeof e === 'object' && e !== null && !(e instanceof Error)) throw e;   // a control signal
  const signal = new ErrorSignal(toRecord(e, span), 'statement');
  if (f.tryDepth > 0) throw signal;
  report(signal, f);
}

function report(signal: ErrorSignal, f: Scope) {
  const action = preference(f, 'ErrorActionPreference');
  f.engine.lastStatus = false;
  if (action === 'Stop') throw new ErrorSignal(signal.record, 'script');
  if (action === 'Ignore') return;
  recordError(f, signal.record, action === 'Continue');
}
