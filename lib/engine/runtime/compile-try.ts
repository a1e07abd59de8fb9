// try/catch/finally and throw (about_Try_Catch_Finally, about_Throw). A catch clause matches by
// exception type name (see errors.ts); `$_` in it is the ErrorRecord; `throw` alone in a catch
// rethrows it. finally runs on every way out, including break, return, exit and pipeline stops.
// Imports only lib/core, lib/engine/parser and sibling modules.

import { ErrorRecord, ShellError } from '../../core/errors.js';
import type { ThrowAst, TryAst } from '../parser/ast.js';
import { asRun, type Run } from './compiled.js';
import { compileBlock, compileStatementBlock, compileValueOf } from './compile-statements.js';
import { catchMatches, toRecord } from './errors.js';
import { ErrorSignal } from './signals.js';
import type { Scope } from './scopes.js';
import { toStr } from './value-ops.js';

export function compileTry(s: TryAst): Run {
  const body = compileBlock(s.body.statements);
  const catches = s.catches.map(c => ({ types: c.types.map(t => t.text), body: compileBlock(c.body.statements) }));
  const fin = compileStatementBlock(s.finally);
  const emits = body.emits || catches.some(c => c.body.emits) || !!fin?.emits;
  return asRun(async (f, out) => {
    try {
      f.tryDepth++;
      try { await body(f, out); } finally { f.tryDepth--; }
    } catch (e) {
      if (!(e instanceof ErrorSignal) && !(e instanceof Error)) throw e;   // break, return, exit...
      const record = toRecord(e, s.span);
      const clause = catches.find(c => c.types.length === 0 || c.types.some(t => catchMatches(t, record)));
      if (!clause) throw e instanceof ErrorSignal ? e : new ErrorSignal(record, 'script');
      await withDollarUnder(f, record, () => clause.body(f, out));
    } finally {
      if (fin) await fin(f, out);
    }
  }, { async: true, emits });
}

async function withDollarUnder(f: Scope, value: unknown, run: () => void | Promise<void>) {
  const saved = f.vars.get('_');
  f.define('_', value);
  try { await run(); } finally { if (saved) f.vars.set('_', saved); else f.vars.delete('_'); }
}

export function compileThrow(s: ThrowAst): Run {
  const value = s.value ? compileValueOf(s.value) : undefined;
  return asRun(async f => {
    const v = value ? await value(f) : null;
    throw new ErrorSignal(thrownRecord(v, f, s), 'script');
  }, { async: true });
}

/**
 * What `throw "boom"` makes: PowerShell's FullyQualifiedErrorId is then the message itself (`boom`),
 * a documented exception to ids never built from data; the ShellError keeps the stable id
 * RuntimeException, which catch clauses and the error view use.
 */
class ThrownRecord extends ErrorRecord {
  override get FullyQualifiedErrorId() { return this.error.message; }
}

function thrownRecord(v: unknown, f: Scope, s: ThrowAst): ErrorRecord {
  if (v instanceof ErrorRecord) return v;
  if (v instanceof ShellError) return toRecord(v, s.span);
  if (v === null || v === undefined) {
    const current = f.get('_');
    if (!s.value && current instanceof ErrorRecord) return current;     // rethrow in catch
    return new ErrorRecord(new ShellError('ScriptHalted', 'OperationStopped', 'ScriptHalted',
      { span: s.span, exceptionType: 'System.Management.Automation.RuntimeException' }));
  }
  return new ThrownRecord(new ShellError('RuntimeException', 'OperationStopped', toStr(v),
    { span: s.span, target: typeof v === 'string' ? undefined : v,
      exceptionType: 'System.Management.Automation.RuntimeException' }));
}
