// Pipelines (about_Pipelines): every command's begin in order, then each object the first
// element produces is pushed through the later commands' process one at a time (nothing is
// collected in between), then every end in order. A command may say it needs no more input
// (Select-Object -First): the commands before it stop (a StopSignal unwinds them) and the ends from
// it onwards still run. An expression standing first has its value enumerated into the pipeline.
// Imports only lib/core, lib/engine/parser and sibling modules.

import { ShellError } from '../../core/errors.js';
import type { Span } from '../../core/span.js';
import type { CommandAst, CommandExpressionAst, PipelineAst, PipelineChainAst } from '../parser/ast.js';
import { asRun, isPromise, type Ev, type Out, type Run } from './compiled.js';
import { compileExpression } from './compile-expressions.js';
import { compileCommand, type CommandFactory } from './commands.js';
import { NO_INPUT } from './binder-ops.js';
import { iterate } from './compile-statements.js';
import { StopSignal } from './signals.js';
import type { Scope } from './scopes.js';
import { isEnumerable } from './value-ops.js';
import { compileRedirections, type Redirections } from './redirections.js';

/** One running command of a pipeline. */
export interface Processor {
  begin(): Promise<void>;
  /** One input object, or NO_INPUT when the command stands first. */
  process(input: unknown): Promise<void>;
  end(): Promise<void>;
}

/** What a processor is given: where its output goes and how to stop the commands before it. */
export interface PipelinePosition {
  emit: Out;
  stopUpstream(): void;
  /** Aborted when a later command needs no more input, or the run is stopped. */
  signal: AbortSignal;
  span: Span;
  redirections: Redirections;
}

/** Writes a value into a pipeline: collections item by item (one level), anything else as is. */
export function emitEnumerated(v: unknown, out: Out): void | Promise<void> {
  if (!Array.isArray(v) && (v === null || typeof v !== 'object' || !isEnumerable(v))) return out(v);
  const items = Array.isArray(v) ? v : [...iterate(v)];
  for (let i = 0; i < items.length; i++) {
    const r = out(items[i]);
    if (isPromise(r)) return r.then(() => emitRest(items, i + 1, out));
  }
}

async function emitRest(items: unknown[], start: number, out: Out) {
  for (let i = start; i < items.length; i++) await out(items[i]);
}

export function compilePipeline(p: PipelineAst): Run {
  const first = p.elements[0];
  if (p.elements.length === 1 && first.kind === 'CommandExpression' && first.redirections.length === 0)
    return compileExpressionStatement(first);
  const head = first.kind === 'CommandExpression' ? compileExpression(first.expression) : undefined;
  const commands = p.elements.slice(head ? 1 : 0).map(e => compileCommandElement(e as CommandAst));
  const headRedirections = first.kind === 'CommandExpression' ? compileRedirections(first.redirections) : undefined;
  return asRun((f, out) => runPipeline(f, head, headRedirections, commands, out), { async: true, emits: true });
}

function compileCommandElement(e: CommandAst | CommandExpressionAst): CompiledCommand {
  if (e.kind === 'CommandExpression') throw new ShellError('ExpressionsMustBeFirstElementInPipeline', 'ParserError',
    'Expressions are only allowed as the first element of a pipeline.', { span: e.span });
  return { factory: compileCommand(e), redirections: compileRedirections(e.redirections), span: e.span };
}

/** `1 + 1`, `$x`, `$i++` as statements: `++`/`--` and `[void]` write nothing. */
function compileExpressionStatement(e: CommandExpressionAst): Run {
  const x = e.expression, ev = compileExpression(x);
  const silent = (x.kind === 'Unary' && /\+\+|--/.test(x.operator))
    || (x.kind === 'Convert' && x.type.text.toLowerCase() === 'void');
  if (silent) return asRun(ev.async ? async f => { await ev(f); f.engine.lastStatus = true; }
    : f => { ev(f); f.engine.lastStatus = true; }, { async: ev.async });
  if (ev.async) return asRun(async (f, out) => {
    const v = await ev(f);
    f.engine.lastStatus = true;
    await emitEnumerated(v, out);
  }, { async: true, emits: true });
  return asRun((f, out) => { const v = ev(f); f.engine.lastStatus = true; return emitEnumerated(v, out); }, { emits: true });
}

interface CompiledCommand { factory: CommandFactory; redirections: ReturnType<typeof compileRedirections>; span: Span }

async function runPipeline(f: Scope, head: Ev | undefined, headRedirections: ReturnType<typeof compileRedirections> | undefined,
  commands: CompiledCommand[], out: Out): Promise<void> {
  const engine = f.engine, errorsBefore = engine.errorCount;
  const identity = {};
  let stopAt = -1;
  // Signals are made when a command asks for one (Start-Sleep does): AbortSignal.any registers
  // each with the engine's signal through weak references, which cost more than a whole cmdlet
  // call when every command of a loop made one.
  const controllers: (AbortController | undefined)[] = [];
  const stoppedBefore = (i: number) => stopAt > i;   // a command downstream of i asked to stop it
  const controllerFor = (i: number) => {
    if (!controllers[i]) { controllers[i] = new AbortController(); if (stoppedBefore(i)) controllers[i]!.abort(); }
    return controllers[i]!;
  };
  const began = commands.map(() => false), queued: unknown[][] = commands.map(() => []);
  const procs: Processor[] = [], redirections: Redirections[] = [];
  const stopped = (e: unknown) => e instanceof StopSignal && e.pipeline === identity;
  const into = (k: number): Out => async v => {
    if (stopAt >= k) throw new StopSignal(identity);
    if (!began[k]) { queued[k].push(v); return; }
    await procs[k].process(v);
    if (stopAt >= k) throw new StopSignal(identity);
  };
  try {
    for (let i = 0; i < commands.length; i++) {
      const own = await commands[i].redirections(f);
      redirections.push(own);
      const finalOut = i === commands.length - 1 ? own.wrapOutput(out) : into(i + 1);
      let signal: AbortSignal | undefined;
      procs.push(await commands[i].factory(f, {
        emit: finalOut, span: commands[i].span, redirections: own,
        get signal() { return (signal ??= AbortSignal.any([controllerFor(i).signal, engine.signal])); },
        stopUpstream: () => {
          stopAt = Math.max(stopAt, i);
          for (let j = 0; j < i; j++) controllers[j]?.abort();
        },
      }, i === 0 && !head));
    }
    const guarded = async (step: () => Promise<void>) => { try { await step(); } catch (e) { if (!stopped(e)) throw e; } };
    await guarded(async () => {
      for (let i = 0; i < procs.length; i++) {
        await procs[i].begin();
        began[i] = true;
        for (const v of queued[i].splice(0)) await into(i)(v);
      }
      if (head) {
        const value = await head(f);
        const target = commands.length ? into(0) : out;
        const own = headRedirections ? await headRedirections(f) : undefined;
        if (own) redirections.push(own);
        await emitEnumerated(value, own ? own.wrapOutput(target) : target);
      } else await procs[0].process(NO_INPUT);
    });
    for (let i = Math.max(0, stopAt); i < procs.length; i++) await guarded(() => procs[i].end());
    for (const r of redirections) r.finish();
    engine.lastStatus = engine.errorCount === errorsBefore;
  } catch (e) {
    engine.lastStatus = false;
    throw e;
  }
}

/** `a && b`: b runs when a succeeded ($? true); `a || b` when it failed. */
export function compilePipelineChain(c: PipelineChainAst): Run {
  const left = c.left.kind === 'Pipeline' ? compilePipeline(c.left) : compilePipelineChain(c.left);
  const right = compilePipeline(c.right), and = c.operator === '&&';
  return asRun(async (f, out) => {
    await left(f, out);
    if (f.engine.lastStatus === and) await right(f, out);
  }, { async: true, emits: true });
}
