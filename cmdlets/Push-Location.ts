// Push-Location (pushd): remembers the current directory on the session's location stack, then
// goes to the given directory (if any), so a script can change directory and come back with
// Pop-Location.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { pathInfo } from './Get-Location.js';
import { changeLocation } from './shared/location.js';

export default defineCmdlet({
  name: 'Push-Location',
  synopsis: 'Adds the current location to the top of a location stack.',
  description: 'Remembers the current directory, then makes the given directory current (as Set-Location does). ' +
    'Pop-Location returns to the remembered directory.',
  module: 'Microsoft.PowerShell.Management',
  aliases: ['pushd'],
  defaultParameterSet: 'Path',
  parameters: {
    Path: param.string({ help: 'The directory to go to after remembering the current one.',
      sets: { Path: { position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } } }),
    LiteralPath: param.string({ help: 'The directory to go to, taken exactly as written.', aliases: ['PSPath', 'LP'],
      sets: { LiteralPath: { mandatory: true, valueFromPipelineByPropertyName: true } } }),
    PassThru: param.switch({ help: 'Returns the new location as a PathInfo object.' }),
  },
  examples: [
    { title: 'Work in a directory, then come back', code: 'New-Item -ItemType Directory out | Out-Null; $start = $PWD.Path; Push-Location out; Pop-Location; $PWD.Path -eq $start',
      output: [true] },
  ],
  related: ['Pop-Location', 'Set-Location', 'Get-Location'],
  async *process(args, ctx) {
    const literal = ctx.parameterSetName === 'LiteralPath';
    const text = literal ? args.LiteralPath : args.Path;
    const before = ctx.session.cwd;
    // Checked before anything is remembered, so a bad path leaves the stack as it was.
    const directory = text === undefined ? before : await changeLocation(ctx, text, literal);
    ctx.session.setLocation(before);
    ctx.session.pushLocation();
    ctx.session.setLocation(directory);
    if (args.PassThru) yield pathInfo(directory);
  },
});
