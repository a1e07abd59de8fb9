// The shapes the syntax tree is compiled into. An expression becomes an `Ev`: a closure from the
// current scope to its value, synchronous unless it contains a command (then it returns a promise
// and is flagged `async`), so arithmetic in a loop never touches the microtask queue. A statement
// becomes a `Run` that writes its output through an `Out`; it is flagged `async` when it may
// return a promise even with a synchronous Out, and `emits` when it writes output at all.
// Imports only lib/core and sibling modules.

import { ShellError } from '../../core/errors.js';
import type { Span } from '../../core/span.js';
import type { Scope } from './scopes.js';

export type Ev = ((f: Scope) => unknown) & { async?: boolean };
export type Out = (value: unknown) => void | Promise<void>;
export type Run = ((f: Scope, out: Out) => void | Promise<void>) & { async?: boolean; emits?: boolean };

export const asyncEv = (fn: (f: Scope) => Promise<unknown>): Ev => Object.assign(fn, { async: true });
export const anyAsync = (evs: readonly (Ev | Run | undefined)[]) => evs.some(e => e?.async);
export const asRun = (fn: (f: Scope, out: Out) => void | Promise<void>, flags: { async?: boolean; emits?: boolean }): Run =>
  Object.assign(fn, flags);

/** A value computed from several sub-expressions, awaiting them only when one is async. */
export function combine(parts: readonly Ev[], k: (values: unknown[], f: Scope) => unknown): Ev {
  if (!anyAsync(parts)) return f => k(parts.map(p => p(f)), f);
  return asyncEv(async f => {
    const values: unknown[] = [];
    for (const p of parts) values.push(await p(f));
    return k(values, f);
  });
}

export const map1 = (a: Ev, k: (x: unknown, f: Scope) => unknown): Ev =>
  a.async ? asyncEv(async f => k(await a(f), f)) : f => k(a(f), f);

export function map2(a: Ev, b: Ev, k: (x: unknown, y: unknown, f: Scope) => unknown): Ev {
  if (a.async || b.async) return asyncEv(async f => { const x = await a(f); return k(x, await b(f), f); });
  return f => k(a(f), b(f), f);
}

/** An Ev whose errors (ShellErrors without a position) point at `span`. */
export function located(ev: Ev, span: Span): Ev {
  const fix = (e: unknown) => { throw e instanceof ShellError ? e.at(span) : e; };
  if (ev.async) return asyncEv(f => (ev(f) as Promise<unknown>).catch(fix));
  return f => { try { return ev(f); } catch (e) { return fix(e); } };
}

export const isPromise = (v: unknown): v is Promise<unknown> =>
  typeof v === 'object' && v !== null && typeof (v as Promise<unknown>).then === 'function';

export const notSupported = (feature: string, span?: Span) =>
  new ShellError('NotSupported', 'NotImplemented', `${feature} is not supported by cscert.`,
    { span, exceptionType: 'System.NotSupportedException' });
