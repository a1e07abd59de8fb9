// What Set-Content and Add-Content share: their parameters, turning values into text, and the
// atomic write (temp file, fsync, rename) of the new or appended content, asking ShouldProcess
// for each file first. Imports lib/core, lib/engine/cmdlet and sibling helpers only.

import { readFile, stat } from 'node:fs/promises';
import { ShellError } from '../../lib/core/errors.js';
import { param, type CmdletContext } from '../../lib/engine/cmdlet/index.js';
import { writeFileAtomic } from './atomic-write.js';
import { FileEncoding, encode } from './encoding.js';
import { fsError } from './fs-errors.js';
import { expandFs, pathNotFound, resolveFs } from './paths.js';
import { asList, hasWildcard, isEnumerable, toStr } from './values.js';

export const contentParameters = {
  Path: param.strings({ help: 'The files to write; wildcards allowed (they must match existing files).',
    sets: { Path: { mandatory: true, position: 0, valueFromPipelineByPropertyName: true } } }),
  LiteralPath: param.strings({ help: 'The files to write, taken exactly as written.', aliases: ['PSPath', 'LP'],
    sets: { LiteralPath: { mandatory: true, valueFromPipelineByPropertyName: true } } }),
  Value: param.objects({ help: 'The content: each object becomes one line of text.', position: 1, mandatory: true, pipeline: 'both' }),
  NoNewline: param.switch({ help: 'Writes the values one after another, without newlines between or after them.' }),
  Encoding: param.enum(FileEncoding, { help: 'The file encoding (default UTF8 without a BOM).', defaultText: 'UTF8NoBOM' }),
  Force: param.switch({ help: 'Writes even a read-only file.' }),
  PassThru: param.switch({ help: 'Also sends the written values down the pipeline.' }),
};

export interface ContentArgs {
  Path?: string[]; LiteralPath?: string[]; Value?: unknown[]; NoNewline?: boolean; Encoding?: string; Force?: boolean; PassThru?: boolean;
}

/** Values gathered from every pipeline object, written once in end (one file write per command). */
const gathered = new WeakMap<CmdletContext, unknown[]>();

function gather(args: ContentArgs, ctx: CmdletContext) {
  const list = gathered.get(ctx) ?? [];
  for (const v of args.Value ?? []) list.push(...(typeof v !== 'string' && isEnumerable(v) ? asList(v) : [v]));
  gathered.set(ctx, list);
}

function takeGathered(ctx: CmdletContext): unknown[] {
  const list = gathered.get(ctx) ?? [];
  gathered.delete(ctx);
  return list;
}

function contentText(values: unknown[], noNewline: boolean): string {
  const lines = values.map(v => (v === null || v === undefined ? '' : toStr(v)));
  return noNewline ? lines.join('') : lines.map(l => l + '\n').join('');
}

async function targets(args: ContentArgs, ctx: CmdletContext): Promise<string[]> {
  const literal = args.LiteralPath !== undefined, out: string[] = [];
  for (const p of (literal ? args.LiteralPath : args.Path) ?? []) {
    const found = await expandFs(ctx, p, literal);
    if (found.length === 0 && !literal && hasWildcard(p)) ctx.writeError(pathNotFound(resolveFs(ctx, p)));
    out.push(...found);
  }
  return out;
}

async function checkWritable(full: string, force: boolean) {
  const s = await stat(full).catch(() => undefined);
  if (s?.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
  if (s && !force && (s.mode & 0o222) === 0)
    throw new ShellError('UnauthorizedAccess', 'PermissionDenied', `Access to the path '${full}' is denied.`,
      { target: full, hint: 'The file is read-only: use -Force to write it anyway.', exceptionType: 'System.UnauthorizedAccessException' });
}

/** Writes (set) or appends (add) the gathered values to every target file; returns the values. */
async function writeContent(args: ContentArgs, ctx: CmdletContext, mode: 'set' | 'add'): Promise<unknown[]> {
  const values = takeGathered(ctx);
  const text = contentText(values, args.NoNewline === true);
  for (const full of await targets(args, ctx)) {
    if (!await ctx.shouldProcess(`Path: ${full}`, mode === 'set' ? 'Set Content' : 'Add Content')) continue;
    try {
      await checkWritable(full, args.Force === true);
      const old = mode === 'add' ? await readFile(full).catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
      await writeFileAtomic(full, Buffer.concat([old, encode(text, args.Encoding, old.length === 0)]));
    } catch (e) {
      ctx.writeError(fsError(e, full, 'write to'));
    }
  }
  return values;
}

/** The behaviour of Set-Content ('set') and Add-Content ('add'): gather every value, write once. */
export const contentSteps = (mode: 'set' | 'add') => ({
  process: gather,
  async *end(args: ContentArgs, ctx: CmdletContext) {
    const values = await writeContent(args, ctx, mode);
    if (args.PassThru) yield* values;
  },
});
