// Write-Warning: one message to the warning stream (ctx.writeWarning); nothing goes down the pipeline.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';

export default defineCmdlet({
  name: 'Write-Warning',
  synopsis: 'Writes a warning message.',
  description: 'Shown on the error stream prefixed with WARNING:, unless -WarningAction SilentlyContinue.',
  module: 'Microsoft.PowerShell.Utility',
  parameters: {
    Message: param.string({ help: 'The text of the message.', position: 0, mandatory: true, pipeline: 'value', aliases: ['Msg'] }),
  },
  examples: [
    { title: 'Write a warning message', code: "Write-Warning -Message 'Reading the certificate store'" },
  ],
  related: ['Write-Host', 'Write-Error'],
  process(args, ctx) {
    ctx.writeWarning(args.Message ?? '');
  },
});
