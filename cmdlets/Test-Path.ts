// Test-Path: whether each path exists (True/False), optionally only as a file (Leaf) or a directory
// (Container), or only whether its syntax is valid (-IsValid). `Cert:\...` and `Env:` paths ask the
// session's drive: stores are containers, certificates (by thumbprint) and variables leaves.

import { stat } from 'node:fs/promises';
import { defineCmdlet, defineEnum, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';
import { expandFs, parsePath } from './shared/paths.js';

const PathType = defineEnum('Microsoft.PowerShell.Commands.TestPathType', ['Any', 'Container', 'Leaf']);
type Kind = 'Container' | 'Leaf' | undefined;

async function driveKind(name: string, parts: string[], ctx: CmdletContext): Promise<Kind> {
  const drive = ctx.session.drive(name);
  if (!drive) return undefined;
  if (parts.length === 0 || (await drive.childItems(parts, { recurse: false })) !== undefined) return 'Container';
  return (await drive.item(parts)) !== undefined ? 'Leaf' : undefined;
}

interface When { NewerThan?: Date; OlderThan?: Date }

async function fsKinds(text: string, literal: boolean, when: When, ctx: CmdletContext): Promise<Kind[]> {
  const kinds: Kind[] = [];
  for (const full of await expandFs(ctx, text, literal)) {
    const s = await stat(full).catch(() => undefined);
    if (!s) continue;
    if (when.NewerThan && !(s.mtime > when.NewerThan)) continue;
    if (when.OlderThan && !(s.mtime < when.OlderThan)) continue;
    kinds.push(s.isDirectory() ? 'Container' : 'Leaf');
  }
  return kinds;
}

async function test(text: string, literal: boolean, type: string, when: When, ctx: CmdletContext): Promise<boolean> {
  if (!text) return false;
  const parsed = parsePath(text);
  const kinds = parsed.kind === 'fs' ? await fsKinds(text, literal, when, ctx)
    : [await driveKind(parsed.kind === 'cert' ? 'Cert' : 'Env', parsed.parts, ctx)].filter(Boolean);
  return kinds.some(k => type === 'Any' || k === type);
}

const isValid = (text: string) => text.length > 0 && !text.includes('\0');

export default defineCmdlet({
  name: 'Test-Path',
  synopsis: 'Determines whether all elements of a path exist.',
  description: 'Returns True when the path exists (any match, for a path with wildcards), else False; one ' +
    'result per path. -PathType Leaf accepts only files (or certificates), Container only directories (or ' +
    'stores). -IsValid tests only the syntax of the path. Works on Cert: paths such as ' +
    'Cert:\\LocalMachine\\My\\<thumbprint>.',
  module: 'Microsoft.PowerShell.Management',
  defaultParameterSet: 'Path',
  outputType: 'System.Boolean',
  parameters: {
    Path: param.strings({ help: 'The paths to test; wildcards allowed.', sets: { Path: { mandatory: true, position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } } }),
    LiteralPath: param.strings({ help: 'The paths to test, taken exactly as written.', aliases: ['PSPath', 'LP'],
      sets: { LiteralPath: { mandatory: true, valueFromPipelineByPropertyName: true } } }),
    PathType: param.enum(PathType, { help: 'Any (the default), Container (a directory or store) or Leaf (a file or certificate).',
      aliases: ['Type'], defaultText: 'Any' }),
    IsValid: param.switch({ help: 'Tests only whether the path is well formed, not whether it exists.' }),
    NewerThan: param.datetime({ help: 'Only files changed after this time count.' }),
    OlderThan: param.datetime({ help: 'Only files changed before this time count.' }),
  },
  examples: [
    { title: 'Does a directory exist?', code: "Test-Path -Path . -PathType Container", output: [true] },
    { title: 'Is a certificate in the Personal store?',
      code: "Test-Path Cert:\\LocalMachine\\My\\0000000000000000000000000000000000000000", output: [false] },
  ],
  related: ['Get-ChildItem', 'Join-Path'],
  async *process(args, ctx) {
    const literal = ctx.parameterSetName === 'LiteralPath';
    for (const text of (literal ? args.LiteralPath : args.Path) ?? [''])
      yield args.IsValid ? isValid(text) : await test(text, literal, args.PathType ?? 'Any', args, ctx);
  },
});

