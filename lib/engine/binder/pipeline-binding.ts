// Binds one pipeline object, PowerShell's way: by value without conversion, by property name
// without conversion, then both again allowing conversion. By value binds one parameter; by
// property name binds every parameter whose name or alias is a property of the object (PSObject
// properties and JS getters, case-insensitively; hashtable keys are not properties). An object
// that binds nothing is InputObjectNotBound. Imports only lib/core and lib/engine/cmdlet.

import { Hashtable, PSObject } from '../../core/values.js';
import type { CmdletDefinition, ParameterDefinition, SetMembership } from '../cmdlet/index.js';
import { convertArgument, isExactType } from './conversion.js';
import { inputObjectNotBound, type ErrorSite } from './errors.js';
import { membership } from './parameter-sets.js';
import { validateArgument } from './validation.js';

/** What the per-object phases share: bound so far, and the sets still possible. */
export interface PipelineState {
  readonly command: CmdletDefinition;
  readonly args: Record<string, unknown>;
  readonly bound: Set<string>;
  sets: string[];
}

type Flag = keyof Pick<SetMembership, 'valueFromPipeline' | 'valueFromPipelineByPropertyName'>;

export function bindInputObject(state: PipelineState, input: unknown, site: ErrorSite): void {
  const before = state.bound.size;
  const byValue = bindByValue(state, input, true);
  bindByPropertyName(state, input, true);
  if (!byValue) bindByValue(state, input, false);
  bindByPropertyName(state, input, false);
  if (state.bound.size === before) throw inputObjectNotBound({ ...site, target: input });
}

/** Binds the input itself to the first open ValueFromPipeline parameter that takes it. */
export function bindByValue(state: PipelineState, input: unknown, exact: boolean): boolean {
  for (const [name, def] of openParameters(state, 'valueFromPipeline')) {
    if (exact && !isExactType(def, input)) continue;
    if (tryBind(state, name, def, input, 'valueFromPipeline')) return true;
  }
  return false;
}

/** Binds each open ValueFromPipelineByPropertyName parameter the object has a property for. */
export function bindByPropertyName(state: PipelineState, input: unknown, exact: boolean): void {
  for (const [name, def] of openParameters(state, 'valueFromPipelineByPropertyName')) {
    const value = propertyValue(input, [name, ...def.aliases]);
    if (value === NOT_FOUND || (exact && !isExactType(def, value))) continue;
    tryBind(state, name, def, value, 'valueFromPipelineByPropertyName');
  }
}

function* openParameters(state: PipelineState, flag: Flag): Generator<[string, ParameterDefinition]> {
  for (const [name, def] of Object.entries(state.command.parameters))
    if (!state.bound.has(name) && state.sets.some(s => membership(def, s)?.[flag])) yield [name, def];
}

// A value that does not convert or validate is not an error here: the next parameter may take
// it, and whatever stays unbound is reported by the mandatory check.
function tryBind(state: PipelineState, name: string, def: ParameterDefinition, value: unknown, flag: Flag): boolean {
  const site = { command: state.command.name, parameter: name };
  let converted: unknown;
  try {
    converted = convertArgument(def, value, site);
    validateArgument(def, converted, site);
  } catch { return false; }
  state.args[name] = converted;
  state.bound.add(name);
  state.sets = state.sets.filter(s => membership(def, s)?.[flag]);
  return true;
}

const NOT_FOUND = Symbol('not found');

/** The value of the first of `names` the object has as a property, case-insensitively. */
function propertyValue(input: unknown, names: string[]): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input) || input instanceof Hashtable) return NOT_FOUND;
  if (input instanceof PSObject) {
    const name = names.find(n => input.has(n));
    return name === undefined ? NOT_FOUND : input.get(name);
  }
  const keys = propertyNames(input);
  for (const n of names) {
    const key = keys.find(k => k.toLowerCase() === n.toLowerCase());
    if (key !== undefined) return (input as Record<string, unknown>)[key] ?? null;
  }
  return NOT_FOUND;
}

/** Own properties and getters up the prototype chain, short of Object.prototype. */
function propertyNames(obj: object): string[] {
  const names: string[] = [];
  for (let o: object | null = obj; o && o !== Object.prototype; o = Object.getPrototypeOf(o))
    for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(o)))
      if (k !== 'constructor' && (d.get || typeof d.value !== 'function')) names.push(k);
  return names;
}
