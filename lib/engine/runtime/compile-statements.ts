// Compiles statements to Runs (see compiled.ts): blocks with PowerShell's statement-terminating
// error rule, assignments, if, the loops, break/continue/return/exit/throw and function
// definitions. A loop whose parts are all synchronous and write no output runs as a plain JS loop;
// the others await between iterations. Pipelines are in pipeline.ts, switch and try in their files.
// Imports only lib/core, lib/engine/parser and sibling modules.

import { ShellError } from '../../core/errors.js';
import type {
  AssignmentAst, ExpressionAst, ForAst, ForeachAst, IfAst, StatementAst, StatementBlockAst,
} from '../parser/ast.js';
import { anyAsync, asRun, asyncEv, isPromise, notSupported, type Ev, type Out, type Run } from './compiled.js';
import { compileExpression, unwrap } from './compile-expressions.js';
import { compileSwitch } from './compile-switch.js';
import { compileThrow, compileTry } from './compile-try.js';
import { onStatementError } from './statement-errors.js';
import { defineFunction } from './functions.js';
import { compileLValue, variableWriter } from './lvalues.js';
import { compilePipeline, compilePipelineChain, emitEnumerated } from './pipeline.js';
import {
  BreakSignal, ContinueSignal, ExitSignal, RETURN, signalMatches,
} from './signals.js';
import type { Scope } from './scopes.js';
import { asList, binary, isEnumerable, toBool, toInt, toStr } from './value-ops.js';

export function compileStatement(s: StatementAst): Run {
  switch (s.kind) {
    case 'Pipeline': return compilePipeline(s);
    case 'PipelineChain': return compilePipelineChain(s);
    case 'Assignment': return compileAssignment(s);
    case 'If': return compileIf(s);
    case 'Switch': return compileSwitch(s);
    case 'Foreach': return compileForeach(s);
    case 'For': return compileFor(s);
    case 'While': return compileLoop(s.label, undefined, compileCondition(s.condition), undefined, s.body, true, false);
    case 'DoWhile': return compileLoop(s.label, undefined, compileCondition(s.condition), undefined, s.body, false, false);
    case 'DoUntil': return compileLoop(s.label, undefined, compileCondition(s.condition), undefined, s.body, false, true);
    case 'Break': { const label = labelOf(s.label); return asRun(f => { throw new BreakSignal(label(f)); }, {}); }
    case 'Continue': { const label = labelOf(s.label); return asRun(f => { throw new ContinueSignal(label(f)); }, {}); }
    case 'Return': return compileReturn(s.value);
    case 'Exit': return compileExit(s.value);
    case 'Throw': return compileThrow(s);
    case 'Try': return compileTry(s);
    case 'Trap': throw notSupported('The trap statement (use try/catch instead)', s.span);
    case 'FunctionDefinition': { const def = s; return asRun(f => defineFunction(f, def), {}); }
    case 'StatementBlock': return compileBlock(s.statements);
  }
}

/** Statements in order; a statement-terminating error reports and moves on to the next one. */
export function compileBlock(statements: readonly StatementAst[]): Run {
  const runs = statements.map(compileStatement), spans = statements.map(s => s.span);
  const flags = { async: anyAsync(runs), emits: runs.some(r => r.emits) };
  const go = (f: Scope, out: Out, start: number): void | Promise<void> => {
    for (let i = start; i < runs.length; i++) {
      if (f.engine.stopping) throw f.engine.stoppedError();
      let r: void | Promise<void>;
      try { r = runs[i](f, out); } catch (e) { onStatementError(e, f, spans[i]); continue; }
      if (r) return r.then(() => go(f, out, i + 1),
        e => { onStatementError(e, f, spans[i]); return go(f, out, i + 1); });
    }
  };
  return asRun((f, out) => go(f, out, 0), flags);
}

export const compileStatementBlock = (b: StatementBlockAst | undefined): Run | undefined =>
  b ? compileBlock(b.statements) : undefined;

/** Everything statements write, as an array (`@( )`, and `$( )` before unwrapping). */
export function compileCapture(statements: readonly StatementAst[]): Ev {
  const block = compileBlock(statements);
  if (!block.async) return f => { const items: unknown[] = []; block(f, v => { items.push(v); }); return items; };
  return asyncEv(async f => { const items: unknown[] = []; await block(f, v => { items.push(v); }); return items; });
}

/** A statement used as a value: `( )`, conditions, hashtable values, the right of `=`. */
export function compileValueOf(s: StatementAst): Ev {
  const expr = loneExpression(s);
  if (expr) return compileExpression(expr);
  if (s.kind === 'Assignment') return compileAssignmentValue(s);
  const captured = compileCapture([s]);
  return captured.async ? asyncEv(async f => unwrap(await captured(f))) : f => unwrap(captured(f));
}

/** The expression of `1 + 1` standing alone as a pipeline, else undefined. */
export function loneExpression(s: StatementAst): ExpressionAst | undefined {
  if (s.kind !== 'Pipeline' || s.elements.length !== 1) return undefined;
  const e = s.elements[0];
  return e.kind === 'CommandExpression' && e.redirections.length === 0 ? e.expression : undefined;
}

const compileCondition = (s: StatementAst): Ev => { const v = compileValueOf(s); return v; };

function labelOf(e: ExpressionAst | undefined): (f: Scope) => string | null {
  if (!e) return () => null;
  if (e.kind === 'StringConstant') { const v = e.value; return () => v; }
  const ev = compileExpression(e);
  return f => toStr(ev(f));
}

// ---- Assignment ------------------------------------------------------------------------------

function compileAssignment(s: AssignmentAst): Run {
  const value = compileValueOf(s.value), assign = assigner(s);
  const fromCommand = !loneExpression(s.value);
  const finish = (f: Scope, v: unknown) => { if (!fromCommand) f.engine.lastStatus = true; return assign(f, v); };
  if (value.async || assign.async)
    return asRun(async f => { const r = finish(f, await value(f)); if (isPromise(r)) await r; }, { async: true });
  return asRun(f => finish(f, value(f)), {});
}

function compileAssignmentValue(s: AssignmentAst): Ev {
  const value = compileValueOf(s.value), assign = assigner(s);
  const read = s.target.kind === 'ArrayLiteral' ? undefined : compileLValue(s.target, compileExpression);
  if (value.async || assign.async || read?.async) return asyncEv(async f => {
    const v = await value(f);
    await assign(f, v);
    return read ? read.read(f, await read.prepare(f)) : v;
  });
  return f => { const v = value(f); assign(f, v); return read ? read.read(f, read.prepare(f)) : v; };
}

type Assigner = ((f: Scope, v: unknown) => void | Promise<void>) & { async?: boolean };

function assigner(s: AssignmentAst): Assigner {
  const t = s.target;
  if (t.kind === 'ArrayLiteral') {
    if (s.operator !== '=') throw new ShellError('InvalidLeftHandSide', 'ParserError',
      `The operator '${s.operator}' cannot assign to several variables.`, { span: t.span });
    const targets = t.elements.map(e => compileLValue(e, compileExpression));
    const fn: Assigner = async (f, v) => {
      const values = v === null ? [] : Array.isArray(v) ? v : [v];
      for (let i = 0; i < targets.length; i++) {
        const rest = i === targets.length - 1 ? values.slice(i) : [values[i]];
        targets[i].write(f, await targets[i].prepare(f), rest.length === 0 ? null : rest.length === 1 ? rest[0] ?? null : rest);
      }
    };
    fn.async = true;
    return fn;
  }
  if (t.kind === 'Variable' && s.operator === '=') return variableWriter(t);
  const lv = compileLValue(t, compileExpression), op = s.operator, base = op.slice(0, -1);
  const update = (f: Scope, parts: unknown, v: unknown) => {
    if (op === '=') { lv.write(f, parts, v); return; }
    const current = lv.read(f, parts);
    if (op === '??=') { if (current === null || current === undefined) lv.write(f, parts, v); return; }
    lv.write(f, parts, binary(base, current, v));
  };
  if (lv.async) return Object.assign(async (f: Scope, v: unknown) => update(f, await lv.prepare(f), v), { async: true });
  return (f, v) => update(f, lv.prepare(f), v);
}

// ---- if and loops ----------------------------------------------------------------------------

function compileIf(s: IfAst): Run {
  const clauses = s.clauses.map(c => ({ cond: compileValueOf(c.condition), body: compileBlock(c.body.statements) }));
  const otherwise = compileStatementBlock(s.else);
  const parts = [...clauses.flatMap(c => [c.cond, c.body]), otherwise];
  const flags = { async: anyAsync(parts), emits: parts.some(p => (p as Run | undefined)?.emits) };
  // A condition that was evaluated leaves $? true, even when a command in it failed
  // (`if ("a" && Write-Error x -ErrorAction Ignore) { $? }` is True, as PowerShell's tests say).
  const test = (f: Scope, v: unknown) => { f.engine.lastStatus = true; return toBool(v); };
  if (!clauses.some(c => c.cond.async)) return asRun((f, out) => {
    for (const c of clauses) if (test(f, c.cond(f))) return c.body(f, out);
    return otherwise?.(f, out);
  }, flags);
  return asRun(async (f, out) => {
    for (const c of clauses) if (test(f, await c.cond(f))) return c.body(f, out);
    return otherwise?.(f, out);
  }, flags);
}

/** What a loop does with a signal from its body: 'break', 'continue', or rethrow it. */
export function loopControl(e: unknown, label: string | undefined): 'break' | 'continue' {
  if (e instanceof BreakSignal && signalMatches(e, label)) return 'break';
  if (e instanceof ContinueSignal && signalMatches(e, label)) return 'continue';
  throw e;
}

/** Iteration over a value: $null never, a collection item by item, anything else once. */
export function iterate(v: unknown): Iterable<unknown> {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v;
  return isEnumerable(v) ? asList(v) : [v];
}

function compileForeach(s: ForeachAst): Run {
  const items = compileValueOf(s.iterable), body = compileBlock(s.body.statements), label = s.label;
  const setVar = variableWriter(s.variable);
  // Synchronous while the body is: an Out that awaits (a later command) makes the rest async.
  const rest = (f: Scope, out: Out, it: Iterator<unknown>): void | Promise<void> => {
    for (let n = it.next(); !n.done; n = it.next()) {
      setVar(f, n.value);
      let r: void | Promise<void>;
      try { r = body(f, out); } catch (e) { if (loopControl(e, label) === 'break') return; continue; }
      if (isPromise(r)) return r.then(() => rest(f, out, it),
        e => { if (loopControl(e, label) === 'break') return; return rest(f, out, it); });
    }
  };
  const start = (f: Scope, out: Out, v: unknown) => rest(f, out, iterate(v)[Symbol.iterator]());
  if (items.async) return asRun(async (f, out) => start(f, out, await items(f)), { async: true, emits: body.emits });
  return asRun((f, out) => start(f, out, items(f)), { async: body.async, emits: body.emits });
}

function compileFor(s: ForAst): Run {
  const init = s.init ? discarded(compileStatement(s.init)) : undefined;
  const cond = s.condition ? compileValueOf(s.condition) : undefined;
  const iter = s.iterator ? discarded(compileStatement(s.iterator)) : undefined;
  return compileLoop(s.label, init, cond, iter, s.body, true, false);
}

// A for loop's initializer and iterator write nothing: `for (($i = 0), ($j = 0); ...)` prints no zeros.
const ignore: Out = () => {};
const discarded = (r: Run): Run => asRun(f => r(f, ignore), { async: r.async });

/** for/while/do: `test` runs before the body when `testFirst`; `until` inverts it. */
function compileLoop(label: string | undefined, init: Run | undefined, cond: Ev | undefined, iter: Run | undefined,
  bodyAst: StatementBlockAst, testFirst: boolean, until: boolean): Run {
  const body = compileBlock(bodyAst.statements);
  const stop = (v: unknown) => toBool(v) === until;
  if (!anyAsync([init, cond, iter])) {
    // Synchronous (the 1,000,000-iteration loop stays a plain JS loop) until the body returns a promise.
    const rest = (f: Scope, out: Out, first: boolean): void | Promise<void> => {
      for (;;) {
        if (!first) iter?.(f, out);
        first = false;
        if (testFirst && cond && stop(cond(f))) return;
        let r: void | Promise<void>;
        try { r = body(f, out); } catch (e) { if (loopControl(e, label) === 'break') return; r = undefined; }
        if (isPromise(r)) return r.then(() => after(f, out), e => loopControl(e, label) === 'break' ? undefined : after(f, out));
        if (!testFirst && cond && stop(cond(f))) return;
      }
    };
    const after = (f: Scope, out: Out) => (!testFirst && cond && stop(cond(f))) ? undefined : rest(f, out, false);
    return asRun((f, out) => { init?.(f, out); return rest(f, out, true); }, { async: body.async, emits: body.emits });
  }
  return asRun(async (f, out) => {
    if (init) await init(f, out);
    for (;;) {
      if (testFirst && cond && stop(await cond(f))) return;
      try { await body(f, out); } catch (e) { if (loopControl(e, label) === 'break') return; }
      if (!testFirst && cond && stop(await cond(f))) return;
      if (iter) await iter(f, out);
    }
  }, { async: true, emits: body.emits });
}

// ---- return and exit -------------------------------------------------------------------------

function compileReturn(value: StatementAst | undefined): Run {
  if (!value) return asRun(() => { throw RETURN; }, {});
  const leave = (r: void | Promise<void>) => { if (isPromise(r)) return r.then(() => { throw RETURN; }); throw RETURN; };
  // `return <pipeline>` writes the pipeline's objects as they come (Write-Output -NoEnumerate's
  // array stays one object); `return <expression>` enumerates the value, as output always does.
  // Synchronous when its value is, so `{ return $_.Value }` still runs inside an expression.
  if (value.kind !== 'Assignment') {
    const run = compileStatement(value);
    return asRun((f, out) => leave(run(f, out)), { async: run.async, emits: true });
  }
  const v = compileValueOf(value);
  if (v.async) return asRun(async (f, out) => { await emitEnumerated(await v(f), out); throw RETURN; }, { async: true, emits: true });
  return asRun((f, out) => leave(emitEnumerated(v(f), out)), { emits: true });
}

function compileExit(value: StatementAst | undefined): Run {
  const v = value ? compileValueOf(value) : undefined;
  return asRun(async f => { throw new ExitSignal(v ? toInt(await v(f), 32) as number : 0); }, { async: true });
}
