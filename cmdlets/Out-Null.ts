// Out-Null: discards its input, so that a command's output does not reach the console.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';

export default defineCmdlet({
  name: 'Out-Null',
  synopsis: 'Hides the output instead of sending it down the pipeline or displaying it.',
  description: 'Deletes output instead of sending it down the pipeline. Errors are still shown.',
  module: 'Microsoft.PowerShell.Core',
  outputType: 'System.Void',
  parameters: {
    InputObject: param.object({ help: 'The objects to discard.', pipeline: 'value' }),
  },
  examples: [
    { title: 'Discard output', code: "'not shown' | Out-Null", output: [] },
  ],
  related: ['Out-String', 'Out-File'],
  process() { /* discarding is the whole job */ },
});
