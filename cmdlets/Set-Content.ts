// Set-Content: replaces the content of files with the given values, one line each, written
// atomically (temporary file, fsync, rename) so a crash leaves the old content or the new.

import { defineCmdlet } from '../lib/engine/cmdlet/index.js';
import { contentParameters, contentSteps } from './shared/content-writer.js';

export default defineCmdlet({
  name: 'Set-Content',
  synopsis: 'Writes new content or replaces existing content in a file.',
  description: 'Writes the values, one line each, to the files, creating them when they do not exist and ' +
    'replacing what they held. Values piped in are gathered and written once. The write is atomic.',
  module: 'Microsoft.PowerShell.Management',
  defaultParameterSet: 'Path',
  changesState: { confirmImpact: 'Medium' },
  outputType: 'System.String',
  parameters: contentParameters,
  examples: [
    { title: 'Write two lines to a file', code: "Set-Content -Path ./pools.txt -Value 'pool1', 'pool2'; Get-Content ./pools.txt",
      output: ['pool1', 'pool2'] },
    { title: 'Write piped values', code: "1..3 | Set-Content ./numbers.txt; (Get-Content ./numbers.txt).Count", output: [3] },
  ],
  related: ['Add-Content', 'Get-Content'],
  ...contentSteps('set'),
});
