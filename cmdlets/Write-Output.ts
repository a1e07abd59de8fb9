// Write-Output: sends objects down the pipeline, enumerating collections unless -NoEnumerate.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';

export default defineCmdlet({
  name: 'Write-Output',
  synopsis: 'Writes the specified objects to the pipeline.',
  description: 'Sends each object to the next command, or to the console when it is the last one. A collection ' +
    'is sent one element at a time unless -NoEnumerate is given.',
  module: 'Microsoft.PowerShell.Utility',
  aliases: ['echo', 'write'],
  outputType: 'System.Object',
  parameters: {
    InputObject: param.objects({ help: 'The objects to send down the pipeline.', position: 0, mandatory: true, pipeline: 'value', remaining: true }),
    NoEnumerate: param.switch({ help: 'Sends a collection as one object instead of element by element.' }),
  },
  examples: [
    { title: 'Send strings down the pipeline', code: "Write-Output 'a', 'b' | Measure-Object | ForEach-Object Count", output: [2] },
    { title: 'Keep a collection whole', code: 'Write-Output -NoEnumerate 1, 2, 3 | Measure-Object | ForEach-Object Count', output: [1] },
  ],
  related: ['Write-Host', 'Write-Verbose'],
  *process(args) {
    const items = args.InputObject ?? [];
    if (args.NoEnumerate) yield items;
    else yield* items;
  },
});
