// Split-Path: one part of a path: its parent (the default), leaf, leaf without extension,
// extension, drive qualifier, the path without its qualifier, or whether it is absolute. Text only,
// unless -Resolve asks for the existing paths first.

import { ShellError } from '../lib/core/errors.js';
import { defineCmdlet, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';
import { notFoundFor, resolveExisting } from './shared/paths.js';
import { extensionOf, isAbsolutePath, leafOf, parentOf, qualifierOf } from './shared/path-text.js';

type Part = 'Parent' | 'Leaf' | 'LeafBase' | 'Extension' | 'Qualifier' | 'NoQualifier' | 'IsAbsolute';

function split(text: string, part: Part): unknown {
  switch (part) {
    case 'Leaf': return leafOf(text);
    case 'LeafBase': { const leaf = leafOf(text); return leaf.slice(0, leaf.length - extensionOf(leaf).length); }
    case 'Extension': return extensionOf(leafOf(text));
    case 'IsAbsolute': return isAbsolutePath(text);
    case 'NoQualifier': { const q = qualifierOf(text); return q ? text.slice(q.length) : text; }
    case 'Qualifier': {
      const q = qualifierOf(text);
      if (q) return q;
      throw new ShellError('ParsePathFormatError', 'InvalidArgument', 'Cannot parse path because path does not contain a qualifier.',
        { target: text, hint: "Only paths such as 'C:\\dir' or 'Cert:\\LocalMachine' have a qualifier.",
          exceptionType: 'System.Management.Automation.ParameterBindingException' });
    }
    default: return parentOf(text);
  }
}

const partSwitch = (set: string, help: string) => param.switch({ help, sets: { [set]: { mandatory: true } } });

async function inputs(ctx: CmdletContext, paths: string[], resolve: boolean): Promise<string[]> {
  if (!resolve) return paths;
  const out: string[] = [];
  for (const p of paths) {
    const found = await resolveExisting(ctx, p);
    if (!found.length) ctx.writeError(notFoundFor(ctx, p));
    out.push(...found);
  }
  return out;
}

const PARTS: Part[] = ['Leaf', 'LeafBase', 'Extension', 'Qualifier', 'NoQualifier', 'IsAbsolute'];

export default defineCmdlet({
  name: 'Split-Path',
  synopsis: 'Returns the specified part of a path.',
  description: 'Returns the parent directory of each path (the default), or with a switch its leaf, leaf ' +
    'without extension (-LeafBase), extension, drive qualifier, the path without qualifier, or whether it is ' +
    'absolute. Works on the text: the path need not exist unless -Resolve is given.',
  module: 'Microsoft.PowerShell.Management',
  defaultParameterSet: 'ParentSet',
  outputType: 'System.String',
  parameters: {
    Path: param.strings({ help: 'The paths to split.', position: 0, mandatory: true, pipeline: 'both' }),
    Parent: param.switch({ help: 'The parent directory (the default).', sets: ['ParentSet'] }),
    Leaf: partSwitch('LeafSet', 'The last element of the path.'),
    LeafBase: partSwitch('LeafBaseSet', 'The last element without its extension.'),
    Extension: partSwitch('ExtensionSet', "The extension of the last element, with its dot ('.pfx')."),
    Qualifier: partSwitch('QualifierSet', "The drive qualifier ('C:', 'Cert:')."),
    NoQualifier: partSwitch('NoQualifierSet', 'The path without its drive qualifier.'),
    IsAbsolute: partSwitch('IsAbsoluteSet', 'True when the path is absolute.'),
    Resolve: param.switch({ help: 'Splits the existing paths the path names (wildcards expanded) instead of the text.' }),
  },
  examples: [
    { title: 'The file name of a path', code: "Split-Path -Path '/etc/ssl/cert.pem' -Leaf", output: ['cert.pem'] },
    { title: 'The directory of a path', code: "Split-Path '/etc/ssl/cert.pem'", output: ['/etc/ssl'] },
    { title: 'The qualifier of a Cert: path', code: "Split-Path 'Cert:\\LocalMachine\\My' -Qualifier", output: ['Cert:'] },
  ],
  related: ['Join-Path', 'Test-Path'],
  async *process(args, ctx) {
    const part = PARTS.find(p => args[p] === true) ?? 'Parent';
    for (const p of await inputs(ctx, args.Path ?? [], args.Resolve === true)) yield split(p, part);
  },
});
