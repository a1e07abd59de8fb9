// .NET type names as PowerShell shows them in binding errors: the parameter's type
// ('System.Int32', 'System.String[]') and the argument's ('System.Object[]'). Imports only lib/core
// and lib/engine/cmdlet.

import { Hashtable, PSObject, SecureString, SwitchParameter } from '../../core/values.js';
import { ScriptBlock, type ParameterDefinition, type ParamKind } from '../cmdlet/index.js';

const FULL_NAMES: Record<ParamKind, string> = {
  string: 'System.String', int: 'System.Int32', long: 'System.Int64', double: 'System.Double',
  bool: 'System.Boolean', switch: 'System.Management.Automation.SwitchParameter', datetime: 'System.DateTime',
  timespan: 'System.TimeSpan', scriptblock: 'System.Management.Automation.ScriptBlock',
  hashtable: 'System.Collections.Hashtable', object: 'System.Object', securestring: 'System.Security.SecureString',
  enum: 'System.String',
};

/** The element type's full name: the declared typeName for enums and script parameters. */
export function elementTypeName(def: ParameterDefinition): string {
  const name = def.typeName?.replace(/\[\]$/, '');
  return name ?? FULL_NAMES[def.kind];
}

/** The parameter's full type name, `[]` for arrays, as MissingArgument names it. */
export const parameterTypeName = (def: ParameterDefinition) =>
  def.typeName ?? elementTypeName(def) + (def.array ? '[]' : '');

/** The .NET type name of a shell value. */
export function valueTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'System.String';
  if (typeof value === 'boolean') return 'System.Boolean';
  if (typeof value === 'number')
    return !Number.isInteger(value) ? 'System.Double'
      : Math.abs(value) <= 2147483647 ? 'System.Int32' : 'System.Int64';
  if (Array.isArray(value)) return 'System.Object[]';
  if (value instanceof Date) return 'System.DateTime';
  if (value instanceof Hashtable) return 'System.Collections.Hashtable';
  if (value instanceof PSObject) return value.typeName;
  if (value instanceof ScriptBlock) return 'System.Management.Automation.ScriptBlock';
  if (value instanceof SecureString) return 'System.Security.SecureString';
  if (value instanceof SwitchParameter) return 'System.Management.Automation.SwitchParameter';
  const ctor = (value as object).constructor?.name;
  return ctor && ctor !== 'Object' ? ctor : 'System.Management.Automation.PSCustomObject';
}
