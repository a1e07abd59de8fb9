// Select-String: finds text matching .NET regular expressions (or plain text with -SimpleMatch) in
// piped strings or in files, line by line, as MatchInfo objects (LineNumber, Line, Path, Pattern,
// Matches); -Quiet answers True/False, -Raw returns only the lines, -NotMatch the lines that do not
// match. Case-insensitive unless -CaseSensitive.

import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { PSObject } from '../lib/core/values.js';
import { defineCmdlet, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';
import { Match } from '../lib/engine/values/dotnet-objects.js';
import { dotNetRegex, escapeRegex, execAt, type DotNetRegex } from '../lib/engine/values/regex.js';
import { FileEncoding, decode } from './shared/encoding.js';
import { fsError } from './shared/fs-errors.js';
import { expandFs } from './shared/paths.js';
import { splitLines } from './Get-Content.js';
import { toStr } from './shared/values.js';

export const MATCH_INFO_TYPE = 'Microsoft.PowerShell.Commands.MatchInfo';

interface SearchArgs { SimpleMatch?: boolean; CaseSensitive?: boolean; NotMatch?: boolean; AllMatches?: boolean;
  Quiet?: boolean; List?: boolean; Raw?: boolean }

/** inputLine numbers piped strings across the whole input, as PowerShell numbers them. */
interface State { patterns: { text: string; rx: DotNetRegex }[]; found: boolean; inputLine: number }
const states = new WeakMap<CmdletContext, State>();

function compile(patterns: string[], a: SearchArgs): State['patterns'] {
  return patterns.map(text => ({ text, rx: dotNetRegex(a.SimpleMatch ? escapeRegex(text) : text, { caseSensitive: a.CaseSensitive === true }) }));
}

/** The matches of the first pattern that matches the line (all of its matches with -AllMatches). */
function matchLine(line: string, s: State, all: boolean): { pattern: string; matches: Match[] } | undefined {
  for (const p of s.patterns) {
    const first = execAt(p.rx, line, 0);
    if (!first) continue;
    const matches = [new Match(first, p.rx.groupNames)];
    let m: RegExpExecArray | null = first;
    while (all && m) {
      m = execAt(p.rx, line, m.index + Math.max(1, m[0].length));
      if (m) matches.push(new Match(m, p.rx.groupNames));
    }
    return { pattern: p.text, matches };
  }
  return undefined;
}

function matchInfo(line: string, lineNumber: number, source: string | undefined, pattern: string, matches: Match[], a: SearchArgs): PSObject {
  const info = new PSObject({ IgnoreCase: !a.CaseSensitive, LineNumber: lineNumber, Line: line,
    Filename: source ? path.basename(source) : 'InputStream', Path: source ?? 'InputStream', Pattern: pattern, Context: null, Matches: matches },
  [MATCH_INFO_TYPE, 'System.Object']);
  info.defineMethod('ToString', () => (source ? `${source}:${lineNumber}:${line}` : line));
  return info;
}

/** Results for the lines of one source (a piped string or a file). */
function* search(lines: string[], source: string | undefined, a: SearchArgs, s: State, firstLine = 1): Generator<unknown> {
  for (let i = 0; i < lines.length; i++) {
    const hit = matchLine(lines[i], s, a.AllMatches === true);
    if ((hit !== undefined) === (a.NotMatch === true)) continue;
    s.found = true;
    if (a.Quiet) return;
    yield a.Raw ? lines[i] : matchInfo(lines[i], firstLine + i, source, hit?.pattern ?? s.patterns[0]?.text ?? '', hit?.matches ?? [], a);
    if (a.List) return;
  }
}

async function* searchFiles(paths: string[], literal: boolean, a: SearchArgs & { Encoding?: string }, s: State, ctx: CmdletContext) {
  for (const p of paths) for (const full of await expandFs(ctx, p, literal)) {
    let text: string;
    try { text = decode(await readFile(full), a.Encoding); } catch (e) { ctx.writeError(fsError(e, full, 'read')); continue; }
    yield* search(splitLines(text), full, a, s);
  }
}

export default defineCmdlet({
  name: 'Select-String',
  synopsis: 'Finds text in strings and files.',
  description: 'Searches piped strings, or the lines of files, for a .NET regular expression (or plain text ' +
    'with -SimpleMatch), case-insensitively unless -CaseSensitive. Returns a MatchInfo per matching line ' +
    '(LineNumber, Line, Path, Pattern, Matches); -Raw returns the lines only, -Quiet just True or False.',
  module: 'Microsoft.PowerShell.Utility',
  aliases: ['sls'],
  defaultParameterSet: 'File',
  outputType: MATCH_INFO_TYPE,
  parameters: {
    Pattern: param.strings({ help: 'The regular expressions (or texts, with -SimpleMatch) to find.', position: 0, mandatory: true }),
    Path: param.strings({ help: 'Files to search; wildcards allowed.', sets: { File: { mandatory: true, position: 1, valueFromPipelineByPropertyName: true } } }),
    LiteralPath: param.strings({ help: 'Files to search, taken exactly as written.', aliases: ['PSPath', 'LP'],
      sets: { LiteralFile: { mandatory: true, valueFromPipelineByPropertyName: true } } }),
    InputObject: param.object({ help: 'Text to search; usually piped in.', sets: { Object: { mandatory: true, valueFromPipeline: true } } }),
    SimpleMatch: param.switch({ help: 'The patterns are plain text, not regular expressions.' }),
    CaseSensitive: param.switch({ help: 'Upper and lower case must match.' }),
    NotMatch: param.switch({ help: 'Returns the lines that do not match.' }),
    AllMatches: param.switch({ help: 'Finds every match in a line, not only the first.' }),
    Quiet: param.switch({ help: 'Returns True when anything matched, else False.' }),
    List: param.switch({ help: 'Returns only the first match in each input.' }),
    Raw: param.switch({ help: 'Returns the matching lines as strings instead of MatchInfo objects.' }),
    Encoding: param.enum(FileEncoding, { help: 'The encoding of the files (default UTF8).' }),
  },
  examples: [
    { title: 'Lines that mention a pool', code: "'pool1 ok', 'edge down', 'pool2 ok' | Select-String -Pattern 'pool' | ForEach-Object LineNumber",
      output: [1, 3] },
    { title: 'Is the text there?', code: "'a.b' | Select-String -Pattern '.' -SimpleMatch -Quiet", output: [true] },
  ],
  related: ['Where-Object', 'Get-Content'],
  begin(args, ctx) { states.set(ctx, { patterns: compile(args.Pattern ?? [], args), found: false, inputLine: 0 }); },
  async *process(args, ctx) {
    const s = states.get(ctx)!;
    if (ctx.parameterSetName === 'Object') {
      if (!ctx.isBound('InputObject') || args.InputObject === null || args.InputObject === undefined) return;
      yield* search([toStr(args.InputObject)], undefined, args, s, ++s.inputLine);
      return;
    }
    const literal = ctx.parameterSetName === 'LiteralFile';
    yield* searchFiles((literal ? args.LiteralPath : args.Path) ?? [], literal, args, s, ctx);
  },
  *end(args, ctx) {
    const s = states.get(ctx);
    states.delete(ctx);
    if (args.Quiet) yield s?.found === true;
  },
});
