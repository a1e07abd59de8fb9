// Get-Item: the item at each path itself (a FileInfo or DirectoryInfo, a store or certificate on
// Cert: paths, an environment variable on Env: paths), without listing a directory's contents as Get-ChildItem does.

import { defineCmdlet, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';
import { fileItem } from './shared/file-items.js';
import { certDrive, certPathText, expandFs, parsePath, pathNotFound } from './shared/paths.js';
import { hasWildcard } from './shared/values.js';

async function certItem(parts: string[], ctx: CmdletContext): Promise<unknown> {
  const item = await certDrive(ctx).item(parts);
  if (item === undefined) ctx.writeError(pathNotFound(certPathText(parts)));
  return item;
}

/** `Get-Item env:NAME`: the variable as a Name/Value entry. */
async function envItem(parts: string[], ctx: CmdletContext): Promise<unknown> {
  const item = await ctx.session.drive('Env')?.item(parts);
  if (item === undefined) ctx.writeError(pathNotFound(`Env:\\${parts.join('\\')}`));
  return item;
}

export default defineCmdlet({
  name: 'Get-Item',
  synopsis: 'Gets the item at the specified location.',
  description: 'Returns the file or directory at each path (wildcards allowed) as a FileInfo or DirectoryInfo ' +
    'object, or the store or certificate at a Cert: path. A path that does not exist is an error.',
  module: 'Microsoft.PowerShell.Management',
  aliases: ['gi'],
  defaultParameterSet: 'Path',
  outputType: 'System.IO.FileInfo',
  parameters: {
    Path: param.strings({ help: 'The items to get; wildcards allowed.', sets: { Path: { mandatory: true, position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } } }),
    LiteralPath: param.strings({ help: 'The items to get, taken exactly as written.', aliases: ['PSPath', 'LP'],
      sets: { LiteralPath: { mandatory: true, valueFromPipelineByPropertyName: true } } }),
    Force: param.switch({ help: 'Also gets hidden items matched by wildcards.' }),
  },
  examples: [
    { title: 'The current directory as an object', code: '(Get-Item .).PSIsContainer', output: [true] },
  ],
  related: ['Get-ChildItem', 'Test-Path'],
  async *process(args, ctx) {
    const literal = ctx.parameterSetName === 'LiteralPath';
    for (const text of (literal ? args.LiteralPath : args.Path) ?? []) {
      const parsed = parsePath(text);
      if (parsed.kind !== 'fs') {
        const item = parsed.kind === 'cert' ? await certItem(parsed.parts, ctx) : await envItem(parsed.parts, ctx);
        if (item !== undefined) yield item;
        continue;
      }
      const matches = await expandFs(ctx, text, literal);
      for (const full of matches) {
        const item = await fileItem(full);
        if (item) yield item; else ctx.writeError(pathNotFound(full));
      }
      if (!matches.length && !literal && !hasWildcard(text)) ctx.writeError(pathNotFound(text));
    }
  },
});
