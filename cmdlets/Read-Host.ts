// Read-Host: reads a line typed by the user (through the session, ctx.session.readLine), as text or
// as a SecureString that never prints. In a script run without a terminal the line comes from
// standard input; once that has ended it fails with a clear error, as PowerShell -NonInteractive
// does, instead of waiting for input that cannot come.

import { ShellError } from '../lib/core/errors.js';
import { SecureString } from '../lib/core/values.js';
import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { asList, toStr } from './shared/values.js';

function notInteractive(cause: unknown): ShellError {
  return new ShellError('ReadHostNotInteractive', 'InvalidOperation',
    'Read-Host cannot read input: there is no terminal to prompt on and standard input has no line left.',
    { hint: 'Pass the value as a parameter or variable instead, pipe the answers to cscert (one a line), or run the script on a terminal.', cause,
      exceptionType: 'System.Management.Automation.PSInvalidOperationException' });
}

export default defineCmdlet({
  name: 'Read-Host',
  synopsis: 'Reads a line of input from the console.',
  description: 'Shows the prompt followed by a colon, waits for a line, and returns it as a string, or as a ' +
    'SecureString with -AsSecureString (the typing is masked). Without a terminal it reads the next line of standard ' +
    'input, and fails once that has ended.',
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
