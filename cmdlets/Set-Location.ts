// Set-Location (cd): changes the session's current directory, which relative paths, $PWD,
// Get-Location and the interactive prompt follow. No path goes home, as PowerShell 7 does.
// Wildcards must name exactly one directory. Only file-system directories can be the location.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { pathInfo } from './Get-Location.js';
import { changeLocation } from './shared/location.js';

export default defineCmdlet({
  name: 'Set-Location',
  synopsis: 'Sets the current working location to a specified location.',
  description: 'Makes a directory the current location of the session: relative paths, $PWD and the prompt ' +
    'follow it. Set-Location alone goes to the home directory.',
  module: 'Microsoft.PowerShell.Management',
  aliases: ['cd', 'sl', 'chdir'],
  defaultParameterSet: 'Path',
  outputType: 'System.Management.Automation.PathInfo',
  parameters: {
    Path: param.string({ help: 'The directory to go to; wildcards allowed if they name one directory.',
      sets: { Path: { position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } } }),
    LiteralPath: param.string({ help: 'The directory to go to, taken exactly as written.', aliases: ['PSPath', 'LP'],
      sets: { LiteralPath: { mandatory: true, valueFromPipelineByPropertyName: true } } }),
    PassThru: param.switch({ help: 'Returns the new location as a PathInfo object.' }),
  },
  examples: [
    { title: 'Go into a directory and back', code: 'New-Item -ItemType Directory logs | Out-Null; Set-Location logs; Split-Path -Leaf $PWD; Set-Location ..',
      output: ['logs'] },
  ],
  related: ['Get-Location', 'Push-Location', 'Pop-Location'],
  async *process(args, ctx) {
    const literal = ctx.parameterSetName === 'LiteralPath';
    const text = literal ? args.LiteralPath! : args.Path;
    const directory = await changeLocation(ctx, text ?? '~', literal);
    if (args.PassThru) yield pathInfo(directory);
  },
});
