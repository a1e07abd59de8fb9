// The state the command-line phases share: the parameter table, what is bound so far, and
// the arguments left for positional binding. Also where a value is stored once converted and
// validated, so every phase binds the same way. Imports only lib/core and lib/engine/cmdlet.

import type { Span } from '../../core/span.js';
import type { CmdletDefinition } from '../cmdlet/index.js';
import type { CommonArgs } from './api.js';
import { convertArgument } from './conversion.js';
import { parameterAlreadyBound, type ErrorSite } from './errors.js';
import { ParameterTable, type ParameterEntry } from './parameter-table.js';
import { validateArgument } from './validation.js';

export interface PendingPositional { value: unknown; span?: Span }

export class BindState {
  readonly table: ParameterTable;
  readonly args: Record<string, unknown> = {};
  readonly common: Record<string, unknown> = {};
  /** Declared parameters bound, by canonical name (common ones are not here). */
  readonly bound = new Set<string>();
  readonly positionals: PendingPositional[] = [];

  constructor(readonly command: CmdletDefinition) { this.table = ParameterTable.of(command); }

  site(parameter?: string, span?: Span): ErrorSite { return { command: this.command.name, parameter, span }; }

  isBound(entry: ParameterEntry) {
    return entry.common ? entry.name in this.common : this.bound.has(entry.name);
  }

  /** Converts, validates and stores a value; a parameter given twice is ParameterAlreadyBound. */
  bind(entry: ParameterEntry, value: unknown, span?: Span) {
    const site = this.site(entry.name, span);
    if (this.isBound(entry)) throw parameterAlreadyBound(site, entry.name);
    const converted = convertArgument(entry.def, value, site);
    validateArgument(entry.def, converted, site);
    if (entry.common) this.common[entry.name] = converted;
    else { this.args[entry.name] = converted; this.bound.add(entry.name); }
  }

  get commonArgs(): CommonArgs { return this.common as CommonArgs; }
}
