// Write-Debug: one message to the debug stream (ctx.writeDebug); nothing goes down the pipeline.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';

export default defineCmdlet({
  name: 'Write-Debug',
  synopsis: 'Writes a debug message to the console.',
  description: 'Shown only when -Debug is given or $DebugPreference is Continue.',
  module: 'Microsoft.PowerShell.Utility',
  parameters: {
    Message: param.string({ help: 'The text of the message.', position: 0, mandatory: true, pipeline: 'value', aliases: ['Msg'] }),
  },
  examples: [
    { title: 'Write a debug message', code: "Write-Debug -Message 'Reading the certificate store'" },
  ],
  related: ['Write-Host', 'Write-Error'],
  process(args, ctx) {
    ctx.writeDebug(args.Message ?? '');
  },
});
