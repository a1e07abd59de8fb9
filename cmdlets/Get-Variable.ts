// Get-Variable: variables of the session by name, as PSVariable objects (Name, Value), or only
// their values with -ValueOnly. Names are required here: the session offers lookup, not listing.

import { ShellError } from '../lib/core/errors.js';
import { PSObject } from '../lib/core/values.js';
import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { hasWildcard } from './shared/values.js';

export const PS_VARIABLE_TYPE = 'System.Management.Automation.PSVariable';

export const psVariable = (name: string, value: unknown) =>
  new PSObject({ Name: name, Value: value ?? null, Description: '', Options: 'None' }, [PS_VARIABLE_TYPE, 'System.Object']);

export default defineCmdlet({
  name: 'Get-Variable',
  synopsis: 'Gets the variables in the current console.',
  description: 'Returns the named variables as objects with Name and Value, or only their values with ' +
    '-ValueOnly. A variable that does not exist is an error. Names must be given, without wildcards.',
  module: 'Microsoft.PowerShell.Utility',
  aliases: ['gv'],
  outputType: PS_VARIABLE_TYPE,
  parameters: {
    Name: param.strings({ help: 'The variables to get, without the $.', position: 0, mandatory: true, pipeline: 'both' }),
    ValueOnly: param.switch({ help: 'Returns the values instead of variable objects.' }),
  },
  examples: [
    { title: 'The value of a variable by name', code: "$pool = 'pool1'; Get-Variable -Name pool -ValueOnly", output: ['pool1'] },
  ],
  related: ['Set-Variable'],
  *process(args, ctx) {
    for (const name of args.Name ?? []) {
      if (hasWildcard(name)) throw new ShellError('VariableWildcardNotSupported', 'NotImplemented',
        `Cannot list variables matching '${name}': name the variable exactly.`, { target: name, hint: 'Give the full name, without * or ?.' });
      const value = ctx.session.getVariable(name);
      if (value === undefined) {
        ctx.writeError(new ShellError('VariableNotFound', 'ObjectNotFound', `Cannot find a variable with the name '${name}'.`,
          { target: name, hint: 'Check the spelling; variables are named without the $.', exceptionType: 'System.Management.Automation.ItemNotFoundException' }));
        continue;
      }
      yield args.ValueOnly ? value : psVariable(name, value);
    }
  },
});
