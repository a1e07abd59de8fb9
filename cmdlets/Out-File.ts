// Out-File: writes what the console would show for the objects to a file (UTF-8 without a BOM
// by default, as PowerShell 7). The file is written atomically, through a temporary file renamed
// over it, so a failure leaves the old content or none, never half of the new.

import { readFile, stat } from 'node:fs/promises';
import { ShellError } from '../lib/core/errors.js';
import { defineCmdlet, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';
import { writeFileAtomic } from './shared/atomic-write.js';
import { encode, FileEncoding } from './shared/encoding.js';
import { fsError } from './shared/fs-errors.js';

const gathered = new WeakMap<CmdletContext, unknown[]>();

export default defineCmdlet({
  name: 'Out-File',
  synopsis: 'Sends output to a file.',
  description: 'Renders the objects as the console would (tables, lists, the output of Format-Table and Format-List) ' +
    'and writes the text to the file, replacing it, or after its content with -Append. -NoClobber refuses to ' +
    'replace an existing file. The write is atomic.',
  module: 'Microsoft.PowerShell.Utility',
  changesState: { confirmImpact: 'Medium' },
  outputType: 'System.Void',
  parameters: {
    FilePath: param.string({ help: 'The file to write.', position: 0, mandatory: true, aliases: ['Path'] }),
    Encoding: param.enum(FileEncoding, { help: 'The text encoding; UTF8 (without a BOM) by default.', defaultText: 'UTF8NoBOM' }),
    Append: param.switch({ help: 'Adds the text after the current content of the file.' }),
    NoClobber: param.switch({ help: 'Refuses to replace an existing file.', aliases: ['NoOverwrite'] }),
    Width: param.int({ help: 'The number of characters in each line; tables and lists fit within it.', validateRange: [2, 100000] }),
    NoNewline: param.switch({ help: 'Leaves out the line breaks.' }),
    InputObject: param.object({ help: 'The objects to write.', pipeline: 'value' }),
  },
  examples: [
    { title: 'Save a table of the assigned certificates', code: 'Get-CsCertificate | Format-Table Use, Thumbprint | Out-File ./assigned.txt' },
    { title: 'Add a line to a log', code: "'renewed' | Out-File ./renew.log -Append; Get-Content ./renew.log", output: ['renewed'] },
  ],
  related: ['Out-String', 'Set-Content', 'Export-Csv'],
  process(args, ctx) {
    const list = gathered.get(ctx) ?? [];
    gathered.set(ctx, list);
    if (args.InputObject !== undefined && args.InputObject !== null) list.push(args.InputObject);
  },
  async end(args, ctx) {
    const path = ctx.session.resolvePath(args.FilePath!);
    if (!(await ctx.shouldProcess(path, 'Output to File'))) return;
    const objects = gathered.get(ctx) ?? [];
    let text = objects.length ? ctx.session.renderText(objects, { width: args.Width }) : '';
    if (args.NoNewline) text = text.replace(/\r?\n/g, '');
    await writeText(path, text, args, ctx);
  },
});

async function writeText(path: string, text: string, args: { Append?: boolean; NoClobber?: boolean; Encoding?: string },
  _ctx: CmdletContext): Promise<void> {
  const existing = await stat(path).then(s => s, () => undefined);
  if (existing && args.NoClobber && !args.Append) {
    throw new ShellError('NoClobber', 'ResourceExists', `The file '${path}' already exists.`,
      { target: path, hint: 'Leave out -NoClobber to replace it, or use -Append.', exceptionType: 'System.IO.IOException' });
  }
  try {
    const before = args.Append && existing ? await readFile(path) : undefined;
    const data = before ? Buffer.concat([before, encode(text, args.Encoding, before.length === 0)]) : encode(text, args.Encoding);
    await writeFileAtomic(path, data);
  } catch (e) {
    throw fsError(e, path, 'write to');
  }
}
