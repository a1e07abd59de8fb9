// Write-Verbose: one message to the verbose stream (ctx.writeVerbose); nothing goes down the pipeline.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';

export default defineCmdlet({
  name: 'Write-Verbose',
  synopsis: 'Writes text to the verbose message stream.',
  description: 'Shown only when -Verbose is given or $VerbosePreference is Continue.',
  module: 'Microsoft.PowerShell.Utility',
  parameters: {
    Message: param.string({ help: 'The text of the message.', position: 0, mandatory: true, pipeline: 'value', aliases: ['Msg'] }),
  },
  examples: [
    { title: 'Write a verbose message', code: "Write-Verbose -Message 'Reading the certificate store'" },
  ],
  related: ['Write-Host', 'Write-Error'],
  process(args, ctx) {
    ctx.writeVerbose(args.Message ?? '');
  },
});
