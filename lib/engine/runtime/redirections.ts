// Redirections (about_Redirection) of one command: `> file` / `>> file` write the output as the
// console would show it, `> $null` discards it, `2> $null` hides errors (they still reach $Error),
// `2>&1` turns them into output objects, `3>$null`.. silence the other streams, `*> $null` all.
// Imports only lib/engine/parser, Node built-ins and sibling modules.

import { appendFileSync, writeFileSync } from 'node:fs';
import type { RedirectionAst, StreamName } from '../parser/ast.js';
import type { Out } from './compiled.js';
import { compileExpression } from './compile-expressions.js';
import type { Scope } from './scopes.js';
import { toStr } from './value-ops.js';

export type StreamRoute = 'null' | 'output' | undefined;

export interface Redirections {
  wrapOutput(out: Out): Out;
  /** Where a stream other than output goes, when redirected. */
  route(stream: Exclude<StreamName, 'All' | 'Output'>): StreamRoute;
  /** Writes files collected by `>` once the pipeline has ended. */
  finish(): void;
}

const NONE: Redirections = { wrapOutput: out => out, route: () => undefined, finish() {} };

export function compileRedirections(list: readonly RedirectionAst[]): (f: Scope) => Promise<Redirections> {
  if (list.length === 0) return async () => NONE;
  const targets = list.map(r => r.kind === 'FileRedirection'
    ? { r, target: r.target.kind === 'Variable' && r.target.name.toLowerCase() === 'null' ? undefined : compileExpression(r.target) }
    : { r, target: undefined });
  return async f => {
    const routes = new Map<StreamName, StreamRoute>();
    let file: { path: string; append: boolean } | undefined;
    for (const { r, target } of targets) {
      if (r.kind === 'MergingRedirection') { route(routes, r.from, 'output'); continue; }
      if (!target) { route(routes, r.stream, 'null'); continue; }
      const path = f.engine.resolvePath(toStr(await target(f)));
      if (r.stream === 'Output' || r.stream === 'All') file = { path, append: r.append };
      else route(routes, r.stream, 'null');
    }
    const collected: unknown[] = [];
    return {
      wrapOutput: out => routes.get('Output') === 'null' ? () => {} : file ? v => { collected.push(v); } : out,
      route: stream => routes.get(stream) ?? routes.get('All'),
      finish() {
        if (!file) return;
        const text = collected.length ? f.engine.options.renderText(collected) : '';
        (file.append ? appendFileSync : writeFileSync)(file.path, text.endsWith('\n') || !text ? text : text + '\n');
      },
    };
  };
}

function route(routes: Map<StreamName, StreamRoute>, stream: StreamName, to: StreamRoute) {
  routes.set(stream, to);
}
