// Tee-Object: passes every object on down the pipeline and also keeps them, in a variable
// (-Variable) or, rendered as the console shows them, in a file (-FilePath, written atomically).

import { readFile } from 'node:fs/promises';
import { defineCmdlet, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';
import { writeFileAtomic } from './shared/atomic-write.js';
import { fsError } from './shared/fs-errors.js';
import { resolveFs } from './shared/paths.js';

const kept = new WeakMap<CmdletContext, unknown[]>();

export default defineCmdlet({
  name: 'Tee-Object',
  synopsis: 'Saves command output in a file or variable and also sends it down the pipeline.',
  description: 'Sends each input object on unchanged and also stores the objects: in a variable, or as text ' +
    '(as the console would show them) in a file, replaced or, with -Append, added to.',
  module: 'Microsoft.PowerShell.Utility',
  aliases: ['tee'],
  defaultParameterSet: 'File',
  outputType: 'System.Object',
  parameters: {
    InputObject: param.object({ help: 'The objects to save and pass on; usually piped in.', pipeline: 'value' }),
    FilePath: param.string({ help: 'The file to write the objects to, as text.', aliases: ['Path'], sets: { File: { mandatory: true, position: 0 } } }),
    Append: param.switch({ help: 'Adds to the file instead of replacing it.', sets: ['File'] }),
    Variable: param.string({ help: 'The name of the variable (without $) to store the objects in.', sets: { Variable: { mandatory: true } } }),
  },
  examples: [
    { title: 'Keep a copy of the output in a variable', code: '$null = 1..3 | Tee-Object -Variable copy; $copy.Count', output: [3] },
  ],
  related: ['Set-Content', 'Write-Output'],
  begin(_args, ctx) { kept.set(ctx, []); },
  *process(args, ctx) {
    if (!ctx.isBound('InputObject')) return;
    kept.get(ctx)!.push(args.InputObject ?? null);
    yield args.InputObject ?? null;
  },
  async end(args, ctx) {
    const objects = kept.get(ctx) ?? [];
    kept.delete(ctx);
    if (args.Variable !== undefined) { ctx.session.setVariable(args.Variable, objects); return; }
    const full = resolveFs(ctx, args.FilePath ?? '');
    try {
      const old = args.Append ? await readFile(full).catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
      const text = objects.length ? ctx.session.renderText(objects) : '';
      await writeFileAtomic(full, Buffer.concat([old, Buffer.from(text, 'utf8')]));
    } catch (e) { ctx.writeError(fsError(e, full, 'write to')); }
  },
});
