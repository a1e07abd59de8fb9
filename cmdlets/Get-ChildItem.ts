// Get-ChildItem: the items in directories (FileInfo and DirectoryInfo objects, directories first,
// each sorted by name), recursively with -Recurse/-Depth, filtered by -Filter, -Include, -Exclude,
// -File and -Directory, or only their names with -Name. `Cert:\...` paths list the certificate
// drive (stores and X509Certificate2-like objects) through the session's Cert provider; `Env:` the
// environment variables as Name/Value entries.

import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { PSObject } from '../lib/core/values.js';
import { defineCmdlet, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';
import { fileItem } from './shared/file-items.js';
import { fsError } from './shared/fs-errors.js';
import { certDrive, certPathText, expandFs, parsePath, pathNotFound } from './shared/paths.js';
import { getMember, hasWildcard, toStr, wildcardToRegExp } from './shared/values.js';

interface ListArgs {
  Filter?: string; Include?: string[]; Exclude?: string[]; Recurse?: boolean; Depth?: number;
  Force?: boolean; Name?: boolean; Directory?: boolean; File?: boolean;
}

interface Listed { item: PSObject; relative: string }

function nameFilter(a: ListArgs) {
  const filter = a.Filter ? wildcardToRegExp(a.Filter) : undefined;
  const include = (a.Include ?? []).map(p => wildcardToRegExp(p)), exclude = (a.Exclude ?? []).map(p => wildcardToRegExp(p));
  return (name: string) => (!filter || filter.test(name)) && (!include.length || include.some(r => r.test(name)))
    && !exclude.some(r => r.test(name));
}

function kindFilter(a: ListArgs) {
  return (item: PSObject) => (a.Directory ? item.get('PSIsContainer') === true : true)
    && (a.File ? item.get('PSIsContainer') === false : true);
}

/** Sorted entries of one directory: directories first, then files, each by name. */
async function entries(dir: string, force: boolean): Promise<PSObject[]> {
  const names = (await readdir(dir)).filter(n => force || !n.startsWith('.'));
  const items = (await Promise.all(names.map(n => fileItem(path.join(dir, n))))).filter((i): i is PSObject => !!i);
  const byName = (a: PSObject, b: PSObject) => String(a.get('Name')).localeCompare(String(b.get('Name')), 'en', { sensitivity: 'base' });
  return [...items.filter(i => i.get('PSIsContainer')).sort(byName), ...items.filter(i => !i.get('PSIsContainer')).sort(byName)];
}

async function* walk(dir: string, a: ListArgs, depth: number, prefix: string): AsyncGenerator<Listed> {
  const children = await entries(dir, a.Force === true);
  for (const item of children) yield { item, relative: prefix + String(item.get('Name')) };
  if (!a.Recurse || (a.Depth !== undefined && depth >= a.Depth)) return;
  for (const child of children.filter(c => c.get('PSIsContainer') && c.get('LinkType') === null))
    yield* walk(String(child.get('FullName')), a, depth + 1, prefix + String(child.get('Name')) + path.sep);
}

async function* listFs(full: string, a: ListArgs, ctx: CmdletContext): AsyncGenerator<unknown> {
  const s = await stat(full).catch(e => { ctx.writeError(fsError(e, full, 'list')); return undefined; });
  if (!s) return;
  const keepName = nameFilter(a), keepKind = kindFilter(a);
  if (!s.isDirectory()) {
    const item = await fileItem(full);
    if (item && keepKind(item)) yield a.Name ? item.get('Name') : item;
    return;
  }
  try {
    for await (const { item, relative } of walk(full, a, 0, ''))
      if (keepName(String(item.get('Name'))) && keepKind(item)) yield a.Name ? relative : item;
  } catch (e) { ctx.writeError(fsError(e, full, 'list')); }
}

async function* listCert(parts: string[], a: ListArgs, ctx: CmdletContext): AsyncGenerator<unknown> {
  const items = await certDrive(ctx).childItems(parts, { recurse: a.Recurse === true });
  if (items === undefined) { ctx.writeError(pathNotFound(certPathText(parts))); return; }
  const keepName = nameFilter(a);
  for (const item of items) {
    const name = toStr(getMember(item, 'PSChildName') ?? getMember(item, 'Thumbprint') ?? getMember(item, 'Name') ?? '');
    if (keepName(name)) yield a.Name ? name : item;
  }
}

const itemSets = ['Items', 'LiteralItems'];

/** `Get-ChildItem env:` lists the variables; `env:NAME` (wildcards allowed) the ones matching it. */
async function* listEnv(parts: string[], ctx: CmdletContext) {
  const all = (await ctx.session.drive('Env')?.childItems([], { recurse: false })) ?? [];
  if (parts.length === 0) { yield* all; return; }
  const pattern = wildcardToRegExp(parts.join('\\'));
  const found = all.filter(e => pattern.test(String((e as { Name: unknown }).Name)));
  if (!found.length && !hasWildcard(parts.join(''))) ctx.writeError(pathNotFound(`Env:\\${parts.join('\\')}`));
  yield* found;
}

export default defineCmdlet({
  name: 'Get-ChildItem',
  synopsis: 'Gets the items and child items in one or more specified locations.',
  description: 'Lists the files and directories in a directory (the current one by default) as FileInfo and ' +
    'DirectoryInfo objects, directories first. -Recurse descends into subdirectories (-Depth limits how far); ' +
    '-Filter, -Include and -Exclude match names with wildcards; -File and -Directory keep one kind; -Name ' +
    'returns only names. Cert:\\ paths list certificate stores and certificates, e.g. ' +
    'Get-ChildItem Cert:\\LocalMachine\\My.',
  module: 'Microsoft.PowerShell.Management',
  aliases: ['gci', 'ls', 'dir'],
  defaultParameterSet: 'Items',
  outputType: 'System.IO.FileInfo',
  parameters: {
    Path: param.strings({ help: 'Where to list (default: the current directory); wildcards allowed.',
      sets: { Items: { position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } } }),
    LiteralPath: param.strings({ help: 'Where to list, taken exactly as written.', aliases: ['PSPath', 'LP'],
      sets: { LiteralItems: { mandatory: true, valueFromPipelineByPropertyName: true } } }),
    Filter: param.string({ help: "Only names matching this wildcard, e.g. '*.pfx'.", position: 1, sets: itemSets }),
    Include: param.strings({ help: 'Only names matching one of these wildcards.' }),
    Exclude: param.strings({ help: 'Leaves out names matching one of these wildcards.' }),
    Recurse: param.switch({ help: 'Also lists the contents of subdirectories, at every depth.', aliases: ['s', 'r'] }),
    Depth: param.int({ help: 'With -Recurse, how many levels of subdirectories to descend.', validateRange: [0, 2147483647] }),
    Force: param.switch({ help: 'Also lists hidden items (names starting with a dot).' }),
    Name: param.switch({ help: 'Returns only the names (relative paths with -Recurse).' }),
    Directory: param.switch({ help: 'Only directories.', aliases: ['ad', 'd'] }),
    File: param.switch({ help: 'Only files.', aliases: ['af'] }),
  },
  examples: [
    { title: 'The PEM files here', setup: "Set-Content ./root.pem 'x'", code: "Get-ChildItem -Filter '*.pem' -Name", output: ['root.pem'] },
    { title: 'The certificates in the Personal store', code: 'Get-ChildItem Cert:\\LocalMachine\\My' },
  ],
  related: ['Get-Item', 'Test-Path', 'Remove-Item'],
  async *process(args, ctx) {
    const literal = ctx.parameterSetName === 'LiteralItems';
    for (const text of (literal ? args.LiteralPath : args.Path) ?? ['.']) {
      const parsed = parsePath(text);
      if (parsed.kind === 'cert') { yield* listCert(parsed.parts, args, ctx); continue; }
      if (parsed.kind === 'env') { yield* listEnv(parsed.parts, ctx); continue; }
      const matches = await expandFs(ctx, text, literal);
      for (const full of matches) yield* listFs(full, args, ctx);
    }
  },
});
