// Add-Content: appends values, one line each, to files (creating them when missing), atomically:
// the old bytes and the new are written to a temporary file that replaces the original.

import { defineCmdlet } from '../lib/engine/cmdlet/index.js';
import { contentParameters, contentSteps } from './shared/content-writer.js';

export default defineCmdlet({
  name: 'Add-Content',
  synopsis: 'Adds content to the specified items, such as adding words to a file.',
  description: 'Appends the values, one line each, to the end of the files, creating files that do not exist. ' +
    'Values piped in are gathered and appended once. The write is atomic.',
  module: 'Microsoft.PowerShell.Management',
  aliases: ['ac'],
  defaultParameterSet: 'Path',
  changesState: { confirmImpact: 'Medium' },
  outputType: 'System.String',
  parameters: contentParameters,
  examples: [
    { title: 'Append a line to a log', code: "Set-Content ./log.txt 'first'; Add-Content ./log.txt 'second'; Get-Content ./log.txt",
      output: ['first', 'second'] },
  ],
  related: ['Set-Content', 'Get-Content'],
  ...contentSteps('add'),
});
