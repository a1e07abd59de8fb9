// Get-Help: help for a command, rendered from its declaration (lib/engine/cmdlet/help.ts). A name
// with wildcards lists the matching commands, as PowerShell's help list does (one match shows its
// help); no name prints a short introduction to cscert. The text is output as one string, which
// the host prints as it is. An unknown name is HelpNotFound.

import { ShellError } from '../lib/core/errors.js';
import { allParameterNames, renderHelp, type HelpView } from '../lib/engine/cmdlet/help.js';
import { defineCmdlet, param, type CmdletContext, type CmdletDefinition, type CommandInfo }
  from '../lib/engine/cmdlet/index.js';
import { isWildcard, wildcardMatch } from '../lib/engine/values/wildcard.js';

const ABOUT = `
TOPIC
    cscert

SHORT DESCRIPTION
    Requests, imports and assigns server certificates for Skype for Business and Lync style
    deployments, with the Skype for Business certificate cmdlets in a PowerShell-style shell.

LONG DESCRIPTION
    Every step of the Certificate Wizard is a cmdlet, so a deployment is a script that can be
    reviewed, repeated and run on many machines.

    Get-Help <command>              Shows help for a command, e.g. Get-Help Request-CsCertificate.
    Get-Help <command> -Examples    Shows only its examples.
    Get-Help <command> -Full        Shows everything, including each parameter's details.
    Get-Help <command> -Parameter P Shows one parameter (wildcards allowed).
    Get-Help *Certificate*          Lists the commands whose names match.
    Get-Command -Module SkypeForBusiness
                                    Lists the certificate cmdlets.
`;

/** The definition behind a command, following an alias to what it names. */
function definitionOf(info: CommandInfo, ctx: CmdletContext): CmdletDefinition | undefined {
  if (info.definition) return info.definition;
  const target = info.resolvedName ? ctx.session.command(info.resolvedName) : undefined;
  return target?.definition;
}

const helpNotFound = (name: string) => new ShellError('HelpNotFound', 'ResourceUnavailable',
  `Get-Help could not find ${name} in a help file in this session.`,
  { target: name, hint: `Run 'Get-Command *${name.replace(/[*?]/g, '')}*' to find commands by part of their name.`,
    exceptionType: 'Microsoft.PowerShell.Commands.HelpNotFoundException' });

const noParameterMatches = (pattern: string, command: string) => new ShellError('NoParmsFound', 'InvalidArgument',
  `No parameter matches criteria ${pattern}.`,
  { target: pattern, hint: `Run 'Get-Help ${command} -Full' to see its parameters.`,
    exceptionType: 'System.ArgumentException' });

/** A function the session knows only by name: its help is its name. */
const undocumented = (info: CommandInfo): CmdletDefinition =>
  ({ name: info.name, synopsis: info.name, parameters: {}, examples: [] });

/** PowerShell's help list: Name, Category, Module, Synopsis. */
function helpList(matches: CommandInfo[], ctx: CmdletContext): string {
  const rows = matches.map(i => [i.name, i.commandType, i.source, definitionOf(i, ctx)?.synopsis ?? '']);
  const widths = [0, 1, 2].map(c => Math.max(['Name', 'Category', 'Module'][c].length, ...rows.map(r => r[c].length)));
  const line = (r: string[]) => r.map((x, c) => c < 3 ? x.padEnd(widths[c]) : x).join(' ').trimEnd();
  return ['', line(['Name', 'Category', 'Module', 'Synopsis']), line(['----', '--------', '------', '--------']),
    ...rows.map(line), ''].join('\n');
}

function viewOf(args: { Full?: boolean; Detailed?: boolean; Examples?: boolean }): HelpView {
  return args.Examples ? 'examples' : args.Detailed ? 'detailed' : args.Full ? 'full' : 'default';
}

function parameterHelp(definition: CmdletDefinition, pattern: string): string {
  const names = allParameterNames(definition).filter(n => wildcardMatch(n, pattern));
  if (!names.length) throw noParameterMatches(pattern, definition.name);
  return renderHelp(definition, { parameters: names });
}

/** The commands a wildcard name matches, sorted by name. */
function matching(pattern: string, ctx: CmdletContext): CommandInfo[] {
  return ctx.session.commands().filter(i => wildcardMatch(i.name, pattern))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}

export default defineCmdlet({
  name: 'Get-Help',
  synopsis: 'Displays information about cscert commands and concepts.',
  description: 'Shows the help of a command: its synopsis, the syntax of each parameter set (generated ' +
    'out of the declaration, so it always matches what the command accepts), its description, parameters and ' +
    'examples. -Examples, -Detailed, -Full and -Parameter choose how much. A name with wildcards lists ' +
    'the commands it matches.',
  module: 'Microsoft.PowerShell.Core',
  aliases: ['help'],
  defaultParameterSet: 'AllUsersView',
  outputType: 'System.String',
  parameters: {
    Name: param.string({ help: 'The command to describe; wildcards list the matching commands.', position: 0,
      pipeline: 'property' }),
    Full: param.switch({ help: 'Shows the entire help, with the details of every parameter.', sets: ['AllUsersView'] }),
    Detailed: param.switch({ help: 'Adds parameter descriptions and examples to the basic help.',
      sets: { DetailedView: { mandatory: true } } }),
    Examples: param.switch({ help: 'Shows only the name, synopsis and examples.',
      sets: { Examples: { mandatory: true } } }),
    Parameter: param.string({ help: 'Shows only the parameters whose names match; wildcards are allowed.',
      sets: { Parameters: { mandatory: true } } }),
  },
  examples: [
    { title: 'Show the help of a cmdlet', code: 'Get-Help Get-Command' },
    { title: 'Show only the examples', code: 'Get-Help Get-Command -Examples' },
    { title: 'Show one parameter', code: 'Get-Help Get-Command -Parameter Name' },
    { title: 'List the commands whose names match a wildcard', code: 'Get-Help Get-*' },
  ],
  notes: 'Help is generated from each command\'s declaration; there is no Update-Help and no online help.',
  related: ['Get-Command'],

  *process(args, ctx) {
    if (!args.Name) { yield ABOUT; return; }
    const matches = isWildcard(args.Name) ? matching(args.Name, ctx) : [ctx.session.command(args.Name)].filter(i => i !== undefined);
    if (matches.length > 1) { yield helpList(matches, ctx); return; }
    if (!matches.length) { ctx.writeError(helpNotFound(args.Name)); return; }
    const definition = definitionOf(matches[0], ctx) ?? undocumented(matches[0]);
    yield args.Parameter ? parameterHelp(definition, args.Parameter) : renderHelp(definition, { view: viewOf(args) });
  },
});
