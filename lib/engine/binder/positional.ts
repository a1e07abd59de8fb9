// bindPositional: the second phase. Each value left over from named binding goes to the unbound
// parameter with the lowest position among the sets still possible; when parameters of different
// sets share that position, the first whose type accepts the value wins (the default set's first).
// A value nothing accepts goes, with every value after it, to the parameter that takes the
// remaining arguments (Write-Output 1 2 3); without one it is PositionalParameterNotFound.
// Imports only lib/engine/cmdlet.

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
  const boundHere = new Set<string>();
  for (const [i, arg] of state.positionals.entries()) {
    const candidates = candidatesAt(state, sets);
    const rest = candidates.length ? undefined : remainingParameter(state, sets, boundHere);
    if (rest) { bindRemaining(state, rest, state.positionals.slice(i), boundHere.has(rest.name)); break; }
    const entry = bindOne(state, arg, candidates);
    boundHere.add(entry.name);
    sets = sets.filter(s => membership(entry.def, s));
  }
  state.positionals.length = 0;
}

/** The parameter taking the remaining arguments: unbound, or bound by position in this phase. */
function remainingParameter(state: BindState, sets: string[], boundHere: Set<string>): ParameterEntry | undefined {
  return state.table.declared.find(e => e.def.remaining && sets.some(s => membership(e.def, s))
    && (!state.bound.has(e.name) || boundHere.has(e.name)));
}

function bindRemaining(state: BindState, entry: ParameterEntry, args: PendingPositional[], extend: boolean) {
  const values = args.map(a => a.value);
  if (extend) {                                   // its own position took the first value: add the rest to it
    const first = state.args[entry.name];
    state.bound.delete(entry.name);
    delete state.args[entry.name];
    values.unshift(...(Array.isArray(first) ? first : [first]));
  }
  state.bind(entry, values, args[0].span);
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
