// Finds the parameter an argument names: case-insensitive, by name or alias, exact match first,
// then a unique prefix (`-Ty` for -Type). Declared and common parameters are looked up together,
// as PowerShell does, so `-V` is ambiguous between -Verbose and a declared -Version.
// Imports only lib/core and lib/engine/cmdlet.

import type { CmdletDefinition, ParameterDefinition } from '../cmdlet/index.js';
import { commonParametersOf } from './common-parameters.js';
import { ambiguousParameter, namedParameterNotFound, type ErrorSite } from './errors.js';

export interface ParameterEntry {
  readonly name: string;              // canonical spelling
  readonly def: ParameterDefinition;
  readonly common: boolean;           // goes to Binding.common, not args
}

// A declaration does not change once made, so each command's table is built once: building it
// (40-odd entries for a certificate cmdlet, each name lower-cased into the map) was a tenth of
// the shell's cost of a Request-CsCertificate call in a loop.
const tables = new WeakMap<CmdletDefinition, ParameterTable>();

export class ParameterTable {
  readonly entries: ParameterEntry[] = [];
  /** The declared (not common) parameters. */
  readonly declared: readonly ParameterEntry[];
  private readonly byKey = new Map<string, ParameterEntry>();   // lower-case names and aliases

  /** The table of `command`, built on first use. */
  static of(command: CmdletDefinition): ParameterTable {
    let table = tables.get(command);
    if (!table) tables.set(command, table = new ParameterTable(command));
    return table;
  }

  constructor(readonly command: CmdletDefinition) {
    for (const [name, def] of Object.entries(command.parameters)) this.add({ name, def, common: false });
    for (const [name, def] of commonParametersOf(command))
      if (!this.byKey.has(name.toLowerCase())) this.add({ name, def, common: true });
    this.declared = this.entries.filter(e => !e.common);
  }

  private add(entry: ParameterEntry) {
    this.entries.push(entry);
    for (const key of [entry.name, ...entry.def.aliases])
      if (!this.byKey.has(key.toLowerCase())) this.byKey.set(key.toLowerCase(), entry);
  }

  get(name: string) { return this.byKey.get(name.toLowerCase()); }

  /** The parameter `written` names, or a NamedParameterNotFound / AmbiguousParameter error. */
  resolve(written: string, site: ErrorSite): ParameterEntry {
    const key = written.toLowerCase();
    const exact = this.byKey.get(key);
    if (exact) return exact;
    const matches = [...new Set([...this.byKey].filter(([k]) => k.startsWith(key)).map(([, e]) => e))];
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) throw ambiguousParameter(site, written, matches.map(e => e.name));
    throw namedParameterNotFound(site, written, this.closest(key));
  }

  /** A parameter name one or two edits away, for a "did you mean" hint. */
  private closest(key: string): string | undefined {
    let best: string | undefined, bestDistance = 3;
    for (const e of this.entries) {
      const d = editDistance(key, e.name.toLowerCase());
      if (d < bestDistance) { best = e.name; bestDistance = d; }
    }
    return best;
  }
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}
