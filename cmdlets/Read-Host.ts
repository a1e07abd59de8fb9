// Read-Host: reads a line typed by the user (through the session, ctx.session.readLine), as text or
// as a SecureString that never prints. Without a terminal it fails with a clear error instead of
// waiting for input that cannot come.

import { ShellError } from '../lib/core/errors.js';
import { SecureString } from '../lib/core/values.js';
import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { asList, toStr } from './shared/values.js';

function notInteractive(cause: unknown): ShellError {
  return new ShellError('ReadHostNotInteractive', 'InvalidOperation',
    'Read-Host cannot read input: this session has no terminal to prompt on.',
    { hint: 'Pass the value as a parameter or variable instead, or run the script interactively.', cause,
      exceptionType: 'System.Management.Automation.PSInvalidOperationException' });
}

export default defineCmdlet({
  name: 'Read-Host',
  synopsis: 'Reads a line of input from the console.',
  description: 'Shows the prompt followed by a colon, waits for a line, and returns it as a string, or as a ' +
    'SecureString with -AsSecureString (the typing is masked). Fails when the session has no terminal.',
  module: 'Microsoft.PowerShell.Utility',
  defaultParameterSet: 'AsString',
  outputType: 'System.String',
  parameters: {
    Prompt: param.objects({ help: 'The text of the prompt; a colon and a space are added.', position: 0 }),
    AsSecureString: param.switch({ help: 'Masks the typing and returns a SecureString.', sets: ['AsSecureString'] }),
    MaskInput: param.switch({ help: 'Masks the typing but returns a plain string.', sets: ['AsString'] }),
  },
  examples: [
    { title: 'Ask for a PFX password', code: "$password = Read-Host -Prompt 'PFX password' -AsSecureString",
      remarks: 'Needs an interactive session.' },
  ],
  related: ['ConvertTo-SecureString'],
  async *process(args, ctx) {
    const prompt = args.Prompt?.length ? asList(args.Prompt).map(p => toStr(p)).join(' ') + ': ' : '';
    const secure = args.AsSecureString === true || args.MaskInput === true;
    let line: string;
    try { line = await ctx.session.readLine(prompt, { secure }); }
    catch (e) { throw e instanceof ShellError ? e : notInteractive(e); }
    yield args.AsSecureString ? new SecureString(line) : line;
  },
});
