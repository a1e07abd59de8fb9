// Remove-Item: deletes files and directories (a directory with contents only with -Recurse, or
// after the user confirms), and certificates on Cert: paths through the Cert drive. Asks
// ShouldProcess for each item, so -WhatIf and -Confirm work.

import { lstat, readdir, rm } from 'node:fs/promises';
import { ShellError } from '../lib/core/errors.js';
import { defineCmdlet, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';
import { fsError } from './shared/fs-errors.js';
import { certDrive, certPathText, expandFs, parsePath, pathNotFound } from './shared/paths.js';
import { hasWildcard } from './shared/values.js';

interface RemoveArgs { Recurse?: boolean; Force?: boolean }

async function removeFs(full: string, a: RemoveArgs, ctx: CmdletContext) {
  const s = await lstat(full).catch(() => undefined);
  if (!s) { ctx.writeError(pathNotFound(full)); return; }
  const isDir = s.isDirectory();
  if (isDir && !a.Recurse && (await readdir(full)).length > 0
    && !await ctx.shouldContinue(`The item at ${full} has children and the Recurse parameter was not specified. ` +
      'If you continue, all children will be removed with the item. Are you sure you want to continue?', 'Confirm')) return;
  if (!await ctx.shouldProcess(full, isDir ? 'Remove Directory' : 'Remove File')) return;
  try { await rm(full, { recursive: isDir, force: false }); }
  catch (e) { ctx.writeError(fsError(e, full, 'remove')); }
}

async function removeCert(parts: string[], ctx: CmdletContext) {
  const drive = certDrive(ctx), shown = certPathText(parts);
  if (!drive.removeItem) throw new ShellError('RemoveItemNotSupported', 'NotImplemented',
    'The Cert drive does not support removing items.', { target: shown, hint: 'Use Remove-CsCertificate to unassign a certificate.' });
  if (await drive.item(parts) === undefined) { ctx.writeError(pathNotFound(shown)); return; }
  if (!await ctx.shouldProcess(shown, 'Remove certificate')) return;
  await drive.removeItem(parts);
}

export default defineCmdlet({
  name: 'Remove-Item',
  synopsis: 'Deletes the specified items.',
  description: 'Deletes files, directories (with their contents when -Recurse is given; otherwise a ' +
    'non-empty directory asks first) and, on Cert: paths, certificates. Supports -WhatIf and -Confirm.',
  module: 'Microsoft.PowerShell.Management',
  aliases: ['rm', 'del', 'ri', 'erase', 'rd', 'rmdir'],
  defaultParameterSet: 'Path',
  changesState: { confirmImpact: 'Medium' },
  parameters: {
    Path: param.strings({ help: 'The items to delete; wildcards allowed.', sets: { Path: { mandatory: true, position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } } }),
    LiteralPath: param.strings({ help: 'The items to delete, taken exactly as written.', aliases: ['PSPath', 'LP'],
      sets: { LiteralPath: { mandatory: true, valueFromPipelineByPropertyName: true } } }),
    Recurse: param.switch({ help: 'Deletes directories with everything in them.', aliases: ['r'] }),
    Force: param.switch({ help: 'Also deletes hidden and read-only items.' }),
  },
  examples: [
    { title: 'Delete a file', setup: "Set-Content ./old.csr 'x'", code: 'Remove-Item ./old.csr; Test-Path ./old.csr', output: [false] },
    { title: 'See what would be deleted', setup: "Set-Content ./keep.txt 'x'", code: 'Remove-Item ./keep.txt -WhatIf; Test-Path ./keep.txt', output: [true] },
  ],
  related: ['Get-ChildItem', 'New-Item'],
  async process(args, ctx) {
    const literal = ctx.parameterSetName === 'LiteralPath';
    for (const text of (literal ? args.LiteralPath : args.Path) ?? []) {
      const parsed = parsePath(text);
      if (parsed.kind === 'cert') { await removeCert(parsed.parts, ctx); continue; }
      const matches = await expandFs(ctx, text, literal);
      if (!matches.length && !literal && hasWildcard(text)) continue;
      for (const full of matches) await removeFs(full, args, ctx);
    }
  },
});
