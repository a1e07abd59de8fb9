// ScriptBlock: a `{ ... }` value (a value like any other, so it lives with the values; the cmdlet API re-exports it). Holds its syntax tree and, once the runtime has created it, the
// scope it closes over (opaque here). Cmdlets run one through `ctx.invoke`.
// Imports only lib/engine/parser.

import type { ScriptBlockAst } from '../parser/ast.js';

export class ScriptBlock {
  constructor(readonly ast: ScriptBlockAst, readonly scope: unknown = undefined) {}
  toString() { return this.ast.text; }
  /** A copy bound to another scope (GetNewClosure, or ForEach-Object -Parallel's fresh runspace). */
  withScope(scope: unknown) { return new ScriptBlock(this.ast, scope); }
}
