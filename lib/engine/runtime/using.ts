// `$using:name` (about_Scopes, ForEach-Object -Parallel): a block that runs in an isolated scope
// sees the caller's variables only through `$using:`. Their values are read from the caller when
// the block is invoked and kept on the isolated scope; lvalues.ts reads them from there. The
// names a block uses are found once per syntax tree.
// Imports only lib/engine/parser and sibling modules.

import type { ScriptBlockAst } from '../parser/ast.js';
import type { Scope } from './scopes.js';

const namesByBlock = new WeakMap<ScriptBlockAst, string[]>();

/** The variables a block (nested blocks included) reads as `$using:`, lower-cased. */
export function usingNames(ast: ScriptBlockAst): string[] {
  let names = namesByBlock.get(ast);
  if (!names) namesByBlock.set(ast, names = [...collect(ast, new Set<string>())]);
  return names;
}

function collect(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) { for (const x of node) collect(x, into); return into; }
  if (node === null || typeof node !== 'object') return into;
  const n = node as { kind?: string; scope?: string | null; name?: string };
  if (n.kind === 'Variable' && n.scope?.toLowerCase() === 'using' && n.name) into.add(n.name.toLowerCase());
  for (const [key, value] of Object.entries(node)) if (key !== 'span' && key !== 'source') collect(value, into);
  return into;
}

/** The caller's values of those variables; an undefined one is left out (reading it is an error). */
export function usingValues(ast: ScriptBlockAst, caller: Scope): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const name of usingNames(ast)) {
    const v = caller.lookup(name);
    if (v) values.set(name, v.value);
  }
  return values;
}
