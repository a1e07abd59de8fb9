// Get-Content: the lines of text files (or the whole text with -Raw, or bytes with -AsByteStream),
// with -TotalCount/-Tail to read only the start or the end. A missing file is PowerShell's
// PathNotFound; a wildcard that matches nothing yields nothing.

import { readFile, stat } from 'node:fs/promises';
import { defineCmdlet, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';
import { FileEncoding, decode } from './shared/encoding.js';
import { fsError } from './shared/fs-errors.js';
import { expandFs } from './shared/paths.js';

interface ReadArgs { TotalCount?: number; Tail?: number; Raw?: boolean; Encoding?: string; AsByteStream?: boolean; ReadCount?: number }

/** Lines of a text: a final newline does not start another (empty) line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function window<T>(items: T[], a: ReadArgs): T[] {
  let out = items;
  if (a.TotalCount !== undefined && a.TotalCount >= 0) out = out.slice(0, a.TotalCount);
  if (a.Tail !== undefined && a.Tail >= 0) out = a.Tail === 0 ? [] : out.slice(-a.Tail);
  return out;
}

/** Groups of -ReadCount items: 1 (the default) sends items one by one, 0 all at once. */
function* inBatches(items: unknown[], readCount: number | undefined): Generator<unknown> {
  const size = readCount ?? 1;
  if (size === 1 || items.length === 0) { yield* items; return; }
  if (size <= 0) { yield items; return; }
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

async function readOne(fullPath: string, a: ReadArgs): Promise<unknown[]> {
  if ((await stat(fullPath)).isDirectory())
    throw Object.assign(new Error('directory'), { code: 'EISDIR' });
  const bytes = await readFile(fullPath);
  if (a.AsByteStream) return a.Raw ? (bytes.length ? [[...bytes]] : []) : window([...bytes], a);
  const text = decode(bytes, a.Encoding);
  if (a.Raw) return text === '' ? [] : [text];
  return window(splitLines(text), a);
}

async function* readPaths(paths: string[] | undefined, literal: boolean, a: ReadArgs, ctx: CmdletContext) {
  for (const p of paths ?? []) {
    for (const full of await expandFs(ctx, p, literal)) {
      let items: unknown[];
      try { items = await readOne(full, a); }
      catch (e) { ctx.writeError(fsError(e, full, 'get content from')); continue; }
      yield* inBatches(items, a.ReadCount);
    }
  }
}

export default defineCmdlet({
  name: 'Get-Content',
  synopsis: 'Gets the content of the item at the specified location.',
  description: 'Reads text files line by line: each line is a string sent down the pipeline. -Raw returns the ' +
    'whole text as one string; -TotalCount and -Tail return only the first or last lines; -Encoding reads other ' +
    'encodings (a byte-order mark is always honoured).',
  module: 'Microsoft.PowerShell.Management',
  aliases: ['gc', 'cat', 'type'],
  defaultParameterSet: 'Path',
  outputType: 'System.String',
  parameters: {
    Path: param.strings({ help: 'The files to read; wildcards allowed.', sets: { Path: { mandatory: true, position: 0, valueFromPipelineByPropertyName: true } } }),
    LiteralPath: param.strings({ help: 'The files to read, taken exactly as written (no wildcards).', aliases: ['PSPath', 'LP'],
      sets: { LiteralPath: { mandatory: true, valueFromPipelineByPropertyName: true } } }),
    TotalCount: param.long({ help: 'Reads only this many lines from the start.', aliases: ['First', 'Head'] }),
    Tail: param.int({ help: 'Reads only this many lines from the end.', aliases: ['Last'] }),
    ReadCount: param.long({ help: 'Sends lines in arrays of this many (0: all in one array).', defaultText: '1' }),
    Raw: param.switch({ help: 'Returns the whole content as one string, newlines included.' }),
    Encoding: param.enum(FileEncoding, { help: 'The file encoding (default UTF8 without a BOM).', defaultText: 'UTF8NoBOM' }),
    AsByteStream: param.switch({ help: 'Returns the bytes of the file instead of text.' }),
    Force: param.switch({ help: 'Accepted for compatibility.' }),
  },
  examples: [
    { title: 'Read the first line of a file', setup: "Set-Content -Path ./hosts.txt -Value 'pool1', 'pool2'",
      code: 'Get-Content -Path ./hosts.txt -TotalCount 1', output: ['pool1'] },
    { title: 'Read a whole file as one string', setup: "Set-Content -Path ./a.txt -Value 'x', 'y'",
      code: '(Get-Content ./a.txt -Raw).Length', output: [4] },
  ],
  related: ['Set-Content', 'Add-Content'],
  async *process(args, ctx) {
    const literal = ctx.parameterSetName === 'LiteralPath';
    yield* readPaths(literal ? args.LiteralPath : args.Path, literal, args, ctx);
  },
});
