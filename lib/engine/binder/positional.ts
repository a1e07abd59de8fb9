// bindPositional: the second phase. Each value left over from named binding goes to the unbound
// parameter with the lowest position among the sets still possible; when parameters of different
// sets share that position, the first whose type accepts the value wins (the default set's first).
// A value nothing accepts is PositionalParameterNotFound. Imports only lib/engine/cmdlet.

import type { ShellError } from '../../core/errors.js';
import { ambiguousParameterSet, positionalParameterNotFound } from './errors.js';
import type { BindState, PendingPositional } from './bind-state.js';
import type { ParameterEntry } from './parameter-table.js';
import { membership, setNames, setsContaining } from './parameter-sets.js';
import { toStr } from '../values/convert.js';

export function bindPositional(state: BindState): void {
  if (!state.positionals.length) return;
  let sets = setsContaining(state.command, setNames(state.command), state.bound);
  if (!sets.length) throw ambiguousParameterSet(state.site(undefined, state.positionals[0].span));
  for (const arg of state.positionals) {
    const entry = bindOne(state, arg, candidatesAt(state, sets));
    sets = sets.filter(s => membership(entry.def, s));
  }
  state.positionals.length = 0;
}

/** The unbound parameters at the lowest position any still-possible set offers, default set first. */
function candidatesAt(state: BindState, sets: string[]): ParameterEntry[] {
  const ordered = [...sets].sort((a, b) =>
    Number(b === state.command.defaultParameterSet) - Number(a === state.command.defaultParameterSet));
  let lowest = Infinity;
  const found: ParameterEntry[] = [];
  for (const set of ordered) for (const entry of state.table.declared) {
    const position = membership(entry.def, set)?.position;
    if (position === undefined || entry.def.kind === 'switch' || state.bound.has(entry.name)) continue;
    if (position < lowest) { lowest = position; found.length = 0; }
    if (position === lowest && !found.includes(entry)) found.push(entry);
  }
  return found;
}

function bindOne(state: BindState, arg: PendingPositional, entries: ParameterEntry[]): ParameterEntry {
  if (!entries.length) throw positionalParameterNotFound(state.site(undefined, arg.span), argumentText(arg.value));
  let first: ShellError | undefined;
  for (const entry of entries) {
    try { state.bind(entry, arg.value, arg.span); return entry; } catch (e) { first ??= e as ShellError; }
  }
  throw first;
}

const argumentText = (v: unknown) => Array.isArray(v) ? 'System.Object[]' : toStr(v);
