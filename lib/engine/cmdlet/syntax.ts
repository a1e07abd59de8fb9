// Syntax lines generated from a cmdlet's declaration, in PowerShell's notation: one line per
// parameter set, positional parameters first (by position) as `[-Name] <String>`, then mandatory
// named ones, then optional ones in `[...]`; switches without a type; enums by their type name;
// arrays as `<String[]>`; then -WhatIf/-Confirm and `[<CommonParameters>]`. Also the parameter-set
// queries the binder and Get-Help share. Pure; imports only lib/engine/cmdlet.

import { hostParameters, type CmdletDefinition } from './define.js';
import { ALL_SETS, type ParameterDefinition, type ParamKind, type SetMembership } from './parameters.js';

// A declaration does not change once made; the binder asks for its set names on every call.
const setNamesOf = new WeakMap<object, readonly string[]>();

/** The command's set names, the default first, then in declaration order; [ALL_SETS] when none. */
export function parameterSetNames(command: Pick<CmdletDefinition, 'parameters' | 'defaultParameterSet'>): readonly string[] {
  let known = setNamesOf.get(command);
  if (known) return known;
  const names = new Set<string>();
  if (command.defaultParameterSet) names.add(command.defaultParameterSet);
  for (const def of Object.values(command.parameters))
    for (const s of Object.keys(def.sets)) if (s !== ALL_SETS) names.add(s);
  known = Object.freeze(names.size ? [...names] : [ALL_SETS]);
  setNamesOf.set(command, known);
  return known;
}

/** How `def` takes part in `set`; undefined when it is not in the set. */
export const setMembership = (def: ParameterDefinition, set: string): SetMembership | undefined =>
  def.sets[set] ?? def.sets[ALL_SETS];

const SHORT_NAMES: Record<ParamKind, string> = {
  string: 'String', int: 'Int32', long: 'Int64', double: 'Double', bool: 'Boolean', switch: 'SwitchParameter',
  datetime: 'DateTime', timespan: 'TimeSpan', scriptblock: 'ScriptBlock', hashtable: 'Hashtable',
  object: 'Object', securestring: 'SecureString', enum: 'String',
};

/** The type as help shows it: 'String[]', 'CertType[]', 'SwitchParameter'; namespaces dropped. */
export function typeDisplayName(def: ParameterDefinition<any>): string {
  if (def.typeName) return def.typeName.replace(/^.*\.(?=[^.[\]]+(\[\])?$)/, '');
  return SHORT_NAMES[def.kind] + (def.array ? '[]' : '');
}

interface Slot { name: string; def: ParameterDefinition; m: SetMembership }

/** The set's parameters in PowerShell's display order. */
export function parametersInDisplayOrder(command: CmdletDefinition, set: string): Slot[] {
  const slots = Object.entries(command.parameters).flatMap(([name, def]) => {
    const m = setMembership(def, set);
    return m ? [{ name, def, m }] : [];
  });
  const positional = slots.filter(s => s.m.position !== undefined && s.def.kind !== 'switch')
    .sort((a, b) => a.m.position! - b.m.position!);
  const named = slots.filter(s => !positional.includes(s));
  return [...positional, ...named.filter(s => s.m.mandatory), ...named.filter(s => !s.m.mandatory)];
}

function notation({ name, def, m }: Slot): string {
  const isPositional = m.position !== undefined && def.kind !== 'switch';
  const label = isPositional ? `[-${name}]` : `-${name}`;
  const text = def.kind === 'switch' ? label : `${label} <${typeDisplayName(def)}>`;
  return m.mandatory ? text : `[${text}]`;
}

/** The words of one set's syntax line: the name, then one entry per parameter. */
export function syntaxParts(command: CmdletDefinition, set: string): string[] {
  const parts = [command.name, ...parametersInDisplayOrder(command, set).map(notation)];
  const added = hostParameters(command);
  if (added.includes('Report')) parts.push('[-Report <String>]');
  if (added.includes('WhatIf')) parts.push('[-WhatIf]', '[-Confirm]');
  parts.push('[<CommonParameters>]');
  return parts;
}

/** One syntax line for one set. */
export const syntaxLine = (command: CmdletDefinition, set: string): string => syntaxParts(command, set).join(' ');

/** One line per parameter set, as `Get-Command X -Syntax` and Get-Help's SYNTAX show them. */
export const syntaxLines = (command: CmdletDefinition): string[] =>
  parameterSetNames(command).map(set => syntaxLine(command, set));
