// New-Item: creates a file (optionally with -Value as its content, written atomically) or a
// directory (with its missing parents), and returns it. An existing item is an error unless -Force:
// then a file is overwritten and an existing directory returned as it is.

import { mkdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { ShellError } from '../lib/core/errors.js';
import { defineCmdlet, defineEnum, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';
import { writeFileAtomic } from './shared/atomic-write.js';
import { encode } from './shared/encoding.js';
import { fileItem } from './shared/file-items.js';
import { fsError } from './shared/fs-errors.js';
import { resolveFs } from './shared/paths.js';
import { toStr } from './shared/values.js';

const ItemType = defineEnum('ItemType', ['File', 'Directory'], { Dir: 'Directory', Folder: 'Directory' });

interface NewArgs { ItemType?: string; Value?: unknown; Force?: boolean }

function exists(full: string, kind: string): ShellError {
  return kind === 'Directory'
    ? new ShellError('DirectoryExist', 'ResourceExists', `An item with the specified name ${full} already exists.`,
      { target: full, hint: 'Use -Force to get the existing directory instead of an error.', exceptionType: 'System.IO.IOException' })
    : new ShellError('NewItemIOError', 'WriteError', `The file '${full}' already exists.`,
      { target: full, hint: 'Use -Force to overwrite it.', exceptionType: 'System.IO.IOException' });
}

async function create(full: string, a: NewArgs, ctx: CmdletContext): Promise<unknown> {
  const kind = a.ItemType ?? 'File';
  const current = await stat(full).catch(() => undefined);
  if (current && !(a.Force && (kind === 'File' ? !current.isDirectory() : current.isDirectory()))) throw exists(full, kind);
  if (!await ctx.shouldProcess(`Destination: ${full}`, kind === 'Directory' ? 'Create Directory' : 'Create File')) return undefined;
  if (kind === 'Directory') await mkdir(full, { recursive: true });
  else {
    if (a.Force) await mkdir(path.dirname(full), { recursive: true });
    const text = a.Value === undefined || a.Value === null ? '' : toStr(a.Value);
    await writeFileAtomic(full, encode(text));
  }
  return fileItem(full);
}

export default defineCmdlet({
  name: 'New-Item',
  synopsis: 'Creates a new item.',
  description: 'Creates a file (the default; -Value gives its content) or a directory (-ItemType Directory, ' +
    'creating missing parent directories) and returns it. -Name is joined to -Path. An existing item is an ' +
    'error unless -Force is given.',
  module: 'Microsoft.PowerShell.Management',
  aliases: ['ni'],
  defaultParameterSet: 'pathSet',
  changesState: { confirmImpact: 'Medium' },
  outputType: 'System.IO.FileInfo',
  parameters: {
    Path: param.strings({ help: 'Where to create the item (with -Name: the directory to create it in).',
      sets: { pathSet: { mandatory: true, position: 0, valueFromPipelineByPropertyName: true },
        nameSet: { position: 0, valueFromPipelineByPropertyName: true } } }),
    Name: param.string({ help: 'The name of the new item, created in -Path (default: the current directory).',
      sets: { nameSet: { mandatory: true, valueFromPipelineByPropertyName: true } } }),
    ItemType: param.enum(ItemType, { help: 'File (the default) or Directory.', aliases: ['Type'], pipeline: 'property' }),
    Value: param.object({ help: 'The content of a new file.', pipeline: 'both' }),
    Force: param.switch({ help: 'Overwrites an existing file, returns an existing directory, and creates missing parents.' }),
  },
  examples: [
    { title: 'Create a directory', code: "(New-Item -Path ./requests -ItemType Directory).Name", output: ['requests'] },
    { title: 'Create a file with content', code: "$null = New-Item -Path . -Name notes.txt -Value 'hello'; Get-Content ./notes.txt",
      output: ['hello'] },
  ],
  related: ['Remove-Item', 'Set-Content'],
  async *process(args, ctx) {
    const bases = args.Path ?? ['.'];
    for (const base of bases) {
      const full = resolveFs(ctx, args.Name !== undefined ? path.join(base, args.Name) : base);
      try {
        const item = await create(full, args, ctx);
        if (item) yield item;
      } catch (e) { ctx.writeError(fsError(e, full, 'create')); }
    }
  },
});
