// Binds one pipeline object, PowerShell's way: by value without conversion, by property name
// without conversion, then both again allowing conversion. By value binds one parameter; by
// property name binds every parameter whose name or alias is a property of the object (what
// values/members' propertyNames lists, case-insensitively; hashtable keys are not properties). An
// object that binds nothing is InputObjectNotBound. Imports only lib/core, lib/engine/values and
// lib/engine/cmdlet.

import { Hashtable, PSObject } from '../../core/values.js';
import type { CmdletDefinition } from '../cmdlet/index.js';
import { getMember, propertyNames } from '../values/members.js';
import { convertArgument, isExactType } from './conversion.js';
import { inputObjectNotBound, type ErrorSite } from './errors.js';
import type { OpenParameter, PipelinePlan } from './pipeline-plan.js';
import { validateArgument } from './validation.js';

/** What the per-object phases share: the stage's plan, bound so far, and the sets still possible. */
export interface PipelineState {
  readonly command: CmdletDefinition;
  readonly plan: PipelinePlan;
  readonly args: Record<string, unknown>;
  readonly bound: Set<string>;
  sets: readonly string[];
}

export function bindInputObject(state: PipelineState, input: unknown, site: ErrorSite): void {
  const before = state.bound.size;
  const byValue = bindByValue(state, input, true);
  bindByPropertyName(state, input, true);
  if (!byValue) bindByValue(state, input, false);
  bindByPropertyName(state, input, false);
  if (state.bound.size === before) throw inputObjectNotBound({ ...site, target: input });
}

/** Binds the input itself to the first open ValueFromPipeline parameter that takes it. */
function bindByValue(state: PipelineState, input: unknown, exact: boolean): boolean {
  for (const parameter of state.plan.byValue) {
    if (!isOpen(state, parameter) || (exact && !isExactType(parameter.def, input))) continue;
    if (tryBind(state, parameter, input)) return true;
  }
  return false;
}

/** Binds each open ValueFromPipelineByPropertyName parameter the object has a property for. */
function bindByPropertyName(state: PipelineState, input: unknown, exact: boolean): void {
  for (const parameter of state.plan.byPropertyName) {
    if (!isOpen(state, parameter)) continue;
    const value = propertyValue(input, parameter.names);
    if (value === NOT_FOUND || (exact && !isExactType(parameter.def, value))) continue;
    tryBind(state, parameter, value);
  }
}

/** Not bound yet (by an earlier pass for this object), and in a set still possible. */
const isOpen = (state: PipelineState, parameter: OpenParameter) =>
  !state.bound.has(parameter.name) && state.sets.some(s => parameter.sets.has(s));

// A value that does not convert or validate is not an error here: the next parameter may take
// it, and whatever stays unbound is reported by the mandatory check.
function tryBind(state: PipelineState, parameter: OpenParameter, value: unknown): boolean {
  const { name, def } = parameter;
  const site = { command: state.command.name, parameter: name };
  let converted: unknown;
  try {
    converted = convertArgument(def, value, site);
    validateArgument(def, converted, site);
  } catch { return false; }
  state.args[name] = converted;
  state.bound.add(name);
  if (!state.sets.every(s => parameter.sets.has(s))) state.sets = state.sets.filter(s => parameter.sets.has(s));
  return true;
}

const NOT_FOUND = Symbol('not found');

/** The value of the first of `names` the object has as a property, case-insensitively. */
function propertyValue(input: unknown, names: readonly string[]): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input) || input instanceof Hashtable) return NOT_FOUND;
  if (input instanceof PSObject) {
    const name = names.find(n => input.has(n));
    return name === undefined ? NOT_FOUND : input.get(name);
  }
  const keys = propertyNames(input);
  for (const n of names) {
    const key = keys.find(k => k.toLowerCase() === n.toLowerCase());
    if (key !== undefined) return getMember(input, key) ?? null;
  }
  return NOT_FOUND;
}
