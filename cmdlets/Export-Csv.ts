// Export-Csv: writes objects to a CSV file, as ConvertTo-Csv would write them. With -Append the
// new lines follow the file's existing header, its columns in its order. The file is written
// atomically (temporary file renamed over it), so a failure leaves the old content intact.

import { readFile, stat } from 'node:fs/promises';
import { ShellError } from '../lib/core/errors.js';
import { textConversions } from '../lib/core/text-conversions.js';
import { defineCmdlet, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';
import { delimiterOf, QuoteKind } from './ConvertTo-Csv.js';
import { writeFileAtomic } from './shared/atomic-write.js';
import { decode, encode, FileEncoding } from './shared/encoding.js';
import { fsError } from './shared/fs-errors.js';

const gathered = new WeakMap<CmdletContext, unknown[]>();

interface ExportArgs {
  Path?: string; Append?: boolean; NoClobber?: boolean; Delimiter?: string; Encoding?: string;
  IncludeTypeInformation?: boolean; UseQuotes?: string;
}

export default defineCmdlet({
  name: 'Export-Csv',
  synopsis: 'Converts objects into a series of CSV strings and saves the strings to a file.',
  description: 'Writes a header line of the first object\'s property names and one line per object, every value ' +
    'quoted, to the file (UTF-8 without a BOM by default). -Append adds lines under the header already in the ' +
    'file, following its columns. -NoClobber refuses to replace an existing file. The write is atomic.',
  module: 'Microsoft.PowerShell.Utility',
  changesState: { confirmImpact: 'Medium' },
  outputType: 'System.Void',
  parameters: {
    Path: param.string({ help: 'The CSV file to write.', position: 0, mandatory: true, aliases: ['LiteralPath', 'PSPath'] }),
    InputObject: param.object({ help: 'The objects to export.', mandatory: true, pipeline: 'value' }),
    Delimiter: param.string({ help: 'The character between values; a comma by default.', position: 1 }),
    NoTypeInformation: param.switch({ help: 'Leaves out the #TYPE line (the default in PowerShell 7).', aliases: ['NTI'] }),
    IncludeTypeInformation: param.switch({ help: 'Writes a #TYPE line naming the type of the objects.', aliases: ['ITI'] }),
    UseQuotes: param.enum(QuoteKind, { help: 'When to quote values: Always (default), AsNeeded or Never.' }),
    Append: param.switch({ help: 'Adds the lines to the end of the file, under its header.' }),
    NoClobber: param.switch({ help: 'Refuses to replace an existing file.', aliases: ['NoOverwrite'] }),
    Force: param.switch({ help: 'Accepted for scripts written for PowerShell.' }),
    Encoding: param.enum(FileEncoding, { help: 'The text encoding; UTF8 (without a BOM) by default.', defaultText: 'UTF8NoBOM' }),
  },
  examples: [
    { title: 'Save objects and read the file back',
      code: "[pscustomobject]@{ Name = 'web'; Port = 443 } | Export-Csv ./ports.csv; Get-Content ./ports.csv",
      output: ['"Name","Port"', '"web","443"'] },
    { title: 'Add a line to an existing file',
      setup: "[pscustomobject]@{ Name = 'web'; Port = 443 } | Export-Csv ./ports.csv",
      code: "[pscustomobject]@{ Port = 5061; Name = 'sip' } | Export-Csv ./ports.csv -Append; Get-Content ./ports.csv",
      output: ['"Name","Port"', '"web","443"', '"sip","5061"'] },
  ],
  related: ['ConvertTo-Csv', 'Out-File'],
  process(args, ctx) {
    const list = gathered.get(ctx) ?? [];
    gathered.set(ctx, list);
    if (args.InputObject !== undefined && args.InputObject !== null) list.push(args.InputObject);
  },
  async end(args, ctx) {
    const path = ctx.session.resolvePath(args.Path!);
    if (!(await ctx.shouldProcess(path, 'Export-Csv'))) return;
    await exportTo(path, gathered.get(ctx) ?? [], args);
  },
});

async function exportTo(path: string, objects: unknown[], args: ExportArgs): Promise<void> {
  const exists = await stat(path).then(() => true, () => false);
  if (exists && args.NoClobber && !args.Append) {
    throw new ShellError('NoClobber', 'ResourceExists', `The file '${path}' already exists.`,
      { target: path, hint: 'Leave out -NoClobber to replace it, or use -Append.', exceptionType: 'System.IO.IOException' });
  }
  const delimiter = delimiterOf(args.Delimiter);
  try {
    const before = args.Append && exists ? await readFile(path) : undefined;
    const header = before ? headerOf(decode(before, args.Encoding), delimiter) : undefined;
    const lines = textConversions().toCsv(objects, {
      delimiter, noTypeInformation: !args.IncludeTypeInformation || header !== undefined,
      useQuotes: args.UseQuotes as 'Always' | 'AsNeeded' | 'Never' | undefined,
      columns: header, header: header === undefined,
    });
    const text = lines.map(l => l + '\n').join('');
    const needsBreak = before && before.length && !before.toString('utf8').endsWith('\n');
    const data = before?.length
      ? Buffer.concat([before, encode((needsBreak ? '\n' : '') + text, args.Encoding, false)])
      : encode(text, args.Encoding);
    await writeFileAtomic(path, data);
  } catch (e) {
    throw fsError(e, path, 'write to');
  }
}

/** The column names of the file's header line (after an optional #TYPE line); none when empty. */
function headerOf(text: string, delimiter: string): string[] | undefined {
  const line = text.split(/\r?\n/).find(l => l.trim() && !l.startsWith('#TYPE'));
  return line === undefined ? undefined : textConversions().parseCsvHeader(line, delimiter);
}
