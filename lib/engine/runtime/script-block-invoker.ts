// `.Where({})`, `.ForEach({})` and script block operands of -replace and -split (lib/engine/values)
// run their block synchronously, inside an expression. A block that is pure expressions and
// assignments runs that way here, dot-sourced in the expression's own scope with $_ set; one that
// runs commands is refused with a hint, since a command may need to wait.
// Imports only lib/core, lib/engine/cmdlet and sibling modules.

import { ShellError } from '../../core/errors.js';
import type { ScriptBlock } from '../cmdlet/script-block.js';
import { isPromise } from './compiled.js';
import { compileScriptBlock } from './functions.js';
import { Scope } from './scopes.js';
import { currentScope } from './script-blocks.js';
import { ReturnSignal } from './signals.js';
import { setScriptBlockInvoker } from './value-ops.js';

export function invokeSync(block: ScriptBlock, caller: Scope, dollarUnder: unknown): unknown[] {
  const c = compileScriptBlock(block.ast, '<ScriptBlock>');
  const runs = [c.begin, c.process, c.end];
  if (runs.some(r => r?.async)) throw new ShellError('CommandInMethodScriptBlock', 'NotImplemented',
    'A script block run inside an expression (.Where(), .ForEach(), -replace, -split) cannot run commands in cscert.',
    { span: block.ast.span, hint: 'Use the Where-Object or ForEach-Object cmdlet, or a foreach loop, instead.', exceptionType: 'System.NotSupportedException' });
  // Dot-sourced, as PowerShell runs these blocks: `(0..2).ForEach({ $sum += $_ })` updates the
  // caller's $sum. Only $_ is put back afterwards.
  const scope = block.scope instanceof Scope ? block.scope : caller;
  const saved = scope.vars.get('_');
  scope.define('_', dollarUnder);
  const items: unknown[] = [];
  try {
    for (const r of runs) {
      if (!r) continue;
      try {
        const p = r(scope, v => { items.push(v); });
        if (isPromise(p)) throw new Error('a synchronous script block returned a promise');
      } catch (e) { if (!(e instanceof ReturnSignal)) throw e; }
    }
  } finally { if (saved) scope.vars.set('_', saved); else scope.vars.delete('_'); }
  return items;
}

export function installScriptBlockInvoker() {
  setScriptBlockInvoker((block, dollarUnder) => {
    const scope = currentScope();
    if (!scope) throw new ShellError('NoScriptBlockInvoker', 'InvalidOperation', 'Script blocks cannot run here: no runtime is attached.');
    return invokeSync(block, scope, dollarUnder);
  });
}
