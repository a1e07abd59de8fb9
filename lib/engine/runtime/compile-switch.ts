// switch (about_Switch): the condition's items are tested one by one, `$_` holding the current
// one; every matching clause runs (not just the first); default runs when none matched; `break`
// leaves the switch, `continue` moves to the next item. Patterns compare with -eq, -like
// (-Wildcard) or -match (-Regex, setting $Matches); a script-block pattern is a condition. Both
// sides are strings first (about_Switch: an enum matches its name, not its number; a hashtable
// matches 'System.Collections.Hashtable').
// -File reads the lines of a file.
// Imports only lib/engine/parser, Node built-ins and sibling modules.

import { readFileSync } from 'node:fs';
import type { ExpressionAst, SwitchAst } from '../parser/ast.js';
import { asRun, type Ev, type Run } from './compiled.js';
import { compileExpression } from './compile-expressions.js';
import { compileBlock, compileValueOf, iterate, loopControl } from './compile-statements.js';
import type { Scope } from './scopes.js';
import { binary, matchOperator, toBool, toStr } from './value-ops.js';

type Test = (f: Scope, item: unknown) => Promise<boolean> | boolean;

export function compileSwitch(s: SwitchAst): Run {
  const subject = compileValueOf(s.condition);
  const clauses = s.clauses.map(c => ({ test: compileTest(c.pattern, s), body: compileBlock(c.body.statements) }));
  const fallback = s.default ? compileBlock(s.default.statements) : undefined;
  const label = s.label;
  const emits = clauses.some(c => c.body.emits) || !!fallback?.emits;
  return asRun(async (f, out) => {
    const value = await subject(f);
    const items = s.flags.file ? readLines(f, value) : iterate(value === undefined ? null : value);
    const saved = f.vars.get('_');
    try {
      for (const item of s.flags.file || value !== null ? items : [null]) {
        f.define('_', item);
        let matched = false;
        try {
          for (const c of clauses) {
            if (!await c.test(f, item)) continue;
            matched = true;
            await c.body(f, out);
          }
          if (!matched && fallback) await fallback(f, out);
        } catch (e) { if (loopControl(e, label) === 'break') return; }
      }
    } finally { if (saved) f.vars.set('_', saved); else f.vars.delete('_'); }
  }, { async: true, emits });
}

function compileTest(pattern: ExpressionAst, s: SwitchAst): Test {
  if (pattern.kind === 'ScriptBlockExpression') {
    const cond: Ev = compileValueOf({ kind: 'StatementBlock', statements: pattern.block.end?.statements ?? [], span: pattern.span });
    return async f => toBool(await cond(f));
  }
  const p = compileExpression(pattern), cs = s.flags.caseSensitive;
  if (s.flags.regex) return async (f, item) => {
    const r = matchOperator(item, await p(f), cs, false);
    if (r.matches !== undefined) f.set('Matches', r.matches, 'matches');
    return toBool(r.value);
  };
  if (s.flags.wildcard) return async (f, item) => toBool(binary(cs ? '-clike' : '-like', toStr(item), await p(f)));
  return async (f, item) => toBool(binary(cs ? '-ceq' : '-eq', toStr(item), toStr(await p(f))));
}

function readLines(f: Scope, path: unknown): string[] {
  const text = readFileSync(f.engine.resolvePath(toStr(path)), 'utf8');
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
