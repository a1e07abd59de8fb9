// bindNamed: the first phase. Resolves each `-Name` (prefixes, aliases, common parameters),
// pairs a value-less non-switch parameter with the argument after it, and leaves the remaining
// values for positional binding. A switch never takes the next argument: `-Force x` leaves `x`
// positional. A parameter both splatted from a hashtable and named explicitly takes the explicit
// value (PowerShell 7.1+). Imports only lib/core and lib/engine/cmdlet.

import type { CommandArgument } from './api.js';
import type { BindState } from './bind-state.js';
import { missingArgument } from './errors.js';
import { parameterTypeName } from './type-names.js';

export function bindNamed(state: BindState, args: readonly CommandArgument[]): void {
  const explicit = args.some(a => a.kind === 'named' && a.splatted) ? explicitlyNamed(state, args) : undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.kind === 'positional') { state.positionals.push({ value: arg.value, span: arg.span }); continue; }
    const entry = state.table.resolve(arg.name, state.site(undefined, arg.span));
    if (arg.splatted && explicit?.has(entry.name)) continue;
    if (arg.hasValue) { state.bind(entry, arg.value, arg.valueSpan ?? arg.span); continue; }
    if (entry.def.kind === 'switch') { state.bind(entry, true, arg.span); continue; }
    const next = args[i + 1];
    if (next?.kind !== 'positional')
      throw missingArgument(state.site(entry.name, arg.span), entry.name, parameterTypeName(entry.def));
    state.bind(entry, next.value, next.span);
    i++;
  }
}

/** The parameters named on the command line itself (an unknown name fails later, in order). */
function explicitlyNamed(state: BindState, args: readonly CommandArgument[]): Set<string> {
  const names = new Set<string>();
  for (const a of args) {
    if (a.kind !== 'named' || a.splatted) continue;
    try { names.add(state.table.resolve(a.name, state.site(undefined, a.span)).name); } catch { /* reported in order by bindNamed */ }
  }
  return names;
}
