// Join-Path: joins a path and child paths into one, with exactly one separator between parts (the
// platform's for files, '\' for Cert:). With -Resolve the result must exist and is made absolute,
// wildcards expanded.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { notFoundFor, resolveExisting } from './shared/paths.js';
import { joinTwo } from './shared/path-text.js';

export default defineCmdlet({
  name: 'Join-Path',
  synopsis: 'Combines a path and a child path into a single path.',
  description: 'Joins each -Path with -ChildPath and any -AdditionalChildPath, putting one separator between ' +
    'them. Nothing is checked on disk unless -Resolve is given: then the joined path must exist, and every ' +
    'match of its wildcards is returned as a full path.',
  module: 'Microsoft.PowerShell.Management',
  outputType: 'System.String',
  parameters: {
    Path: param.strings({ help: 'The main path (or paths) to join onto.', position: 0, mandatory: true, pipeline: 'both',
      aliases: ['PSPath'] }),
    ChildPath: param.string({ help: 'The path to append.', position: 1, pipeline: 'property' }),
    AdditionalChildPath: param.strings({ help: 'More paths to append, in order.', position: 2 }),
    Resolve: param.switch({ help: 'Returns the full paths the joined path names; it must exist.' }),
  },
  examples: [
    { title: 'Join a directory and a file name', code: "Join-Path -Path 'certs' -ChildPath 'pool1.pfx'" },
    { title: 'Several child paths', code: "(Join-Path 'a' 'b' 'c').Length", output: [5] },
    { title: 'A Cert: path', code: "Join-Path 'Cert:\\LocalMachine' 'My'", output: ['Cert:\\LocalMachine\\My'] },
  ],
  related: ['Split-Path', 'Test-Path'],
  async *process(args, ctx) {
    for (const base of args.Path ?? []) {
      const joined = [args.ChildPath ?? '', ...(args.AdditionalChildPath ?? [])].reduce(joinTwo, base);
      if (!args.Resolve) { yield joined; continue; }
      const found = await resolveExisting(ctx, joined);
      if (found.length === 0) ctx.writeError(notFoundFor(ctx, joined));
      yield* found;
    }
  },
});
