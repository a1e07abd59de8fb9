// Pop-Location (popd): returns to the directory Push-Location last remembered. An empty stack
// leaves the location as it is, as in PowerShell.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { pathInfo } from './Get-Location.js';

export default defineCmdlet({
  name: 'Pop-Location',
  synopsis: 'Changes the current location to the location most recently pushed onto the stack.',
  description: 'Makes the directory last remembered by Push-Location the current one again and forgets it.',
  module: 'Microsoft.PowerShell.Management',
  aliases: ['popd'],
  parameters: {
    PassThru: param.switch({ help: 'Returns the new location as a PathInfo object.' }),
  },
  examples: [
    { title: 'Return to where Push-Location started', code: 'Push-Location ..; Pop-Location -PassThru | ForEach-Object { $_.Path -eq $PWD.Path }',
      output: [true] },
  ],
  related: ['Push-Location', 'Set-Location', 'Get-Location'],
  *process(args, ctx) {
    const directory = ctx.session.popLocation();
    if (args.PassThru && directory !== undefined) yield pathInfo(directory);
  },
});
