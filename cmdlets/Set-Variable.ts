// Set-Variable: sets session variables by name (the name can be computed, unlike `$name = ...`).

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { psVariable } from './Get-Variable.js';

export default defineCmdlet({
  name: 'Set-Variable',
  synopsis: 'Sets the value of a variable. Creates the variable if one with the requested name does not exist.',
  description: 'Gives each named variable the value, creating it when needed. -PassThru returns the variables.',
  module: 'Microsoft.PowerShell.Utility',
  aliases: ['set', 'sv'],
  changesState: { confirmImpact: 'Low' },
  outputType: 'System.Management.Automation.PSVariable',
  parameters: {
    Name: param.strings({ help: 'The variables to set, without the $.', position: 0, mandatory: true, pipeline: 'property' }),
    Value: param.object({ help: 'The value to give them.', position: 1, pipeline: 'both' }),
    PassThru: param.switch({ help: 'Returns the variables that were set.' }),
  },
  examples: [
    { title: 'Set a variable whose name is computed', code: "$n = 'site'; Set-Variable -Name $n -Value 'atl'; $site", output: ['atl'] },
  ],
  related: ['Get-Variable'],
  async *process(args, ctx) {
    for (const name of args.Name ?? []) {
      if (!await ctx.shouldProcess(`Name: ${name} Value: ${String(args.Value ?? '')}`, 'Set variable')) continue;
      ctx.session.setVariable(name, args.Value ?? null);
      if (args.PassThru) yield psVariable(name, args.Value ?? null);
    }
  },
});
