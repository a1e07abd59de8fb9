// Get-Command: the commands of the session, filtered by name (wildcards), verb, noun, module and
// command type. Outputs CmdletInfo-like objects (CommandType, Name, Version, Source) that the
// formatter shows as PowerShell's table; -Syntax outputs each command's syntax lines instead.
// An exact name that does not exist is CommandNotFoundException, as in PowerShell.

import { ShellError } from '../lib/core/errors.js';
import { PSObject } from '../lib/core/values.js';
import { defineCmdlet, defineEnum, param, type CmdletContext, type CommandInfo } from '../lib/engine/cmdlet/index.js';
import { syntaxLines } from '../lib/engine/cmdlet/syntax.js';
import { isWildcard, wildcardMatch } from '../lib/engine/values/wildcard.js';

const CommandTypes = defineEnum('System.Management.Automation.CommandTypes',
  ['Alias', 'Function', 'Filter', 'Cmdlet', 'ExternalScript', 'Application', 'Script', 'Configuration', 'All']);

const INFO_TYPES: Record<CommandInfo['commandType'], string> = {
  Cmdlet: 'System.Management.Automation.CmdletInfo', Function: 'System.Management.Automation.FunctionInfo',
  Filter: 'System.Management.Automation.FilterInfo', Alias: 'System.Management.Automation.AliasInfo',
};
// PowerShell lists aliases, then functions, then cmdlets, each alphabetically.
const TYPE_ORDER: CommandInfo['commandType'][] = ['Alias', 'Filter', 'Function', 'Cmdlet'];

const anyMatch = (text: string, patterns: string[] | undefined) =>
  !patterns || patterns.some(p => wildcardMatch(text, p));

interface Filters { Name?: string[]; Verb?: string[]; Noun?: string[]; Module?: string[]; CommandType?: string[] }

function selected(info: CommandInfo, f: Filters): boolean {
  const dash = info.name.indexOf('-');
  const verb = dash > 0 ? info.name.slice(0, dash) : '', noun = dash > 0 ? info.name.slice(dash + 1) : '';
  if ((f.Verb || f.Noun) && (dash <= 0 || info.commandType === 'Alias')) return false;
  return anyMatch(info.name, f.Name) && anyMatch(verb, f.Verb) && anyMatch(noun, f.Noun)
    && anyMatch(info.source, f.Module)
    && (!f.CommandType || f.CommandType.includes('All') || f.CommandType.includes(info.commandType));
}

function byTypeThenName(a: CommandInfo, b: CommandInfo): number {
  return TYPE_ORDER.indexOf(a.commandType) - TYPE_ORDER.indexOf(b.commandType)
    || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
}

const versionOf = (info: CommandInfo) => info.source.startsWith('Microsoft.PowerShell') ? '7.0.0.0' : '1.0';

function commandInfo(info: CommandInfo): PSObject {
  const dash = info.name.indexOf('-');
  const o = new PSObject({
    CommandType: info.commandType, Name: info.name, Version: versionOf(info), Source: info.source,
  }, [INFO_TYPES[info.commandType], 'System.Management.Automation.CommandInfo', 'System.Object']);
  o.set('ModuleName', info.source);
  if (info.commandType === 'Alias') {
    o.set('ResolvedCommandName', info.resolvedName ?? null);
    o.set('DisplayName', `${info.name} -> ${info.resolvedName ?? ''}`);
    o.set('Definition', info.resolvedName ?? '');
  } else {
    o.set('Verb', dash > 0 ? info.name.slice(0, dash) : '');
    o.set('Noun', dash > 0 ? info.name.slice(dash + 1) : '');
    o.set('Definition', info.definition ? '\n' + syntaxLines(info.definition).join('\n\n') + '\n' : info.name);
  }
  return o;
}

function syntaxText(info: CommandInfo, ctx: CmdletContext): string {
  if (info.commandType === 'Alias') return `${info.name} (alias) -> ${info.resolvedName ?? ''}\n\n` +
    (info.resolvedName ? syntaxText(ctx.session.command(info.resolvedName) ?? info, ctx) : '');
  return info.definition ? '\n' + syntaxLines(info.definition).join('\n\n') + '\n' : info.name;
}

const commandNotFound = (name: string) => new ShellError('CommandNotFoundException', 'ObjectNotFound',
  `The term '${name}' is not recognized as a name of a cmdlet, function, script file, or executable program.\n` +
  'Check the spelling of the name, or if a path was included, verify that the path is correct and try again.',
  { target: name, hint: `Run 'Get-Command *${name}*' to find commands by part of their name.`,
    exceptionType: 'System.Management.Automation.CommandNotFoundException' });

export default defineCmdlet({
  name: 'Get-Command',
  synopsis: 'Gets all commands.',
  description: 'Lists the cmdlets, functions and aliases of the session. -Name takes wildcards; -Verb, -Noun, ' +
    '-Module and -CommandType narrow the list. -Syntax shows how to call each command instead, one line ' +
    'per parameter set.',
  module: 'Microsoft.PowerShell.Core',
  aliases: ['gcm'],
  defaultParameterSet: 'CmdletSet',
  outputType: 'System.Management.Automation.CommandInfo',
  parameters: {
    Name: param.strings({ help: 'Command names; wildcards are allowed.',
      sets: { AllCommandSet: { position: 0, valueFromPipelineByPropertyName: true } } }),
    Verb: param.strings({ help: 'Only commands with this verb (the part before the dash); wildcards are allowed.',
      sets: ['CmdletSet'] }),
    Noun: param.strings({ help: 'Only commands with this noun (the part after the dash); wildcards are allowed.',
      sets: ['CmdletSet'] }),
    Module: param.strings({ help: 'Only commands from these modules; wildcards are allowed.', aliases: ['PSSnapin'] }),
    CommandType: param.enumArray(CommandTypes, { help: 'Only commands of these types: Alias, Function, Cmdlet...',
      sets: ['AllCommandSet'], aliases: ['Type'] }),
    Syntax: param.switch({ help: 'Outputs the syntax of each command instead of its description.' }),
  },
  examples: [
    { title: 'Get the cmdlets that get something from the certificate module',
      code: 'Get-Command -Verb Get -Module SkypeForBusiness' },
    { title: 'Find commands by part of their name', code: "Get-Command *-Object | ForEach-Object Name" },
    { title: 'Show how to call a cmdlet', code: 'Get-Command Get-Command -Syntax' },
  ],
  related: ['Get-Help'],

  *process(args, ctx) {
    const found = ctx.session.commands().filter(i => selected(i, args));
    // An exact name the list lacks may still resolve (an alias the session adds on lookup).
    for (const name of args.Name ?? []) {
      if (isWildcard(name) || found.some(i => i.name.toLowerCase() === name.toLowerCase())) continue;
      const info = ctx.session.command(name);
      if (info && selected(info, { ...args, Name: undefined })) found.push(info);
      else ctx.writeError(commandNotFound(name));
    }
    found.sort(byTypeThenName);
    for (const info of found) yield args.Syntax ? syntaxText(info, ctx) : commandInfo(info);
  },
});
