import { expect } from 'chai';
import { PSObject } from '../../lib/core/values.js';
import getCommand from '../../cmdlets/Get-Command.js';
import getHelp from '../../cmdlets/Get-Help.js';
import { bindArguments, bindPipelineInput, NO_INPUT, type CommandArgument } from '../../lib/engine/binder/index.js';
import { defineCmdlet, param } from '../../lib/engine/cmdlet/index.js';
import { cmdletInfo, fakeContext, run } from './fake-context.js';

const getCert = defineCmdlet({ name: 'Get-CsCertificate', synopsis: 'Gets certificates.', examples: [],
  parameters: { Identity: param.string({ help: 'Scope.', position: 0 }) } });
const setCert = defineCmdlet({ name: 'Set-CsCertificate', synopsis: 'Assigns.', examples: [],
  changesState: { confirmImpact: 'Medium' }, parameters: { Thumbprint: param.string({ help: '', mandatory: true }) } });
const commands = [cmdletInfo(getHelp), cmdletInfo(getCommand), cmdletInfo(setCert), cmdletInfo(getCert),
  { name: 'gcm', commandType: 'Alias' as const, resolvedName: 'Get-Command', source: '' }];

type Args = Partial<Parameters<NonNullable<typeof getCommand.process>>[0]>;
const getCommands = async (args: Args) => {
  const ctx = fakeContext(commands);
  return { output: await run(getCommand.process, args as Required<Args>, ctx), errors: ctx.errors };
};
const names = (out: unknown[]) => out.map(o => (o as PSObject).get('Name'));

describe('Get-Command', () => {
  it('lists aliases first, then cmdlets, each by name', async () => {
    expect(names((await getCommands({})).output)).to.deep.equal(
      ['gcm', 'Get-Command', 'Get-CsCertificate', 'Get-Help', 'Set-CsCertificate']);
  });
  it('outputs CmdletInfo objects with CommandType, Name, Version and Source', async () => {
    const [info] = (await getCommands({ Name: ['Get-CsCertificate'] })).output as PSObject[];
    expect(info.typeName).to.equal('System.Management.Automation.CmdletInfo');
    expect(info.names().slice(0, 4)).to.deep.equal(['CommandType', 'Name', 'Version', 'Source']);
    expect([info.get('CommandType'), info.get('Source'), info.get('Verb'), info.get('Noun')])
      .to.deep.equal(['Cmdlet', 'SkypeForBusiness', 'Get', 'CsCertificate']);
  });
  const filters: [string, Args, string[]][] = [
    ['names with wildcards', { Name: ['*-Cs*'] }, ['Get-CsCertificate', 'Set-CsCertificate']],
    ['a verb', { Verb: ['set'] }, ['Set-CsCertificate']],
    ['a noun with wildcards', { Noun: ['Cs*'] }, ['Get-CsCertificate', 'Set-CsCertificate']],
    ['a module', { Module: ['Microsoft.PowerShell.*'] }, ['Get-Command', 'Get-Help']],
    ['a command type', { CommandType: ['Alias'] }, ['gcm']],
  ];
  for (const [what, args, expected] of filters) it(`filters by ${what}`, async () => {
    expect(names((await getCommands(args)).output)).to.deep.equal(expected);
  });
  it('outputs the syntax of each set with -Syntax', async () => {
    expect((await getCommands({ Name: ['Set-CsCertificate'], Syntax: true })).output).to.deep.equal([
      '\nSet-CsCertificate -Thumbprint <String> [-Report <String>] [-WhatIf] [-Confirm] [<CommonParameters>]\n']);
  });
  it('names the command an alias stands for with -Syntax', async () => {
    const [text] = (await getCommands({ Name: ['gcm'], Syntax: true })).output as string[];
    expect(text).to.match(/^gcm \(alias\) -> Get-Command\n\n\nGet-Command /);
  });
  it('writes CommandNotFoundException for an exact name that does not exist', async () => {
    const { output, errors } = await getCommands({ Name: ['Get-Nothing', 'Get-Help'] });
    expect(names(output)).to.deep.equal(['Get-Help']);
    expect(errors.map(e => [e.id, e.category])).to.deep.equal([['CommandNotFoundException', 'ObjectNotFound']]);
  });
  it('writes nothing for a wildcard that matches nothing', async () => {
    expect(await getCommands({ Name: ['Nothing*'] })).to.deep.equal({ output: [], errors: [] });
  });
});

describe('Get-Help and Get-Command parameter sets', () => {
  const named = (name: string, ...value: unknown[]): CommandArgument =>
    value.length ? { kind: 'named', name, value: value[0], hasValue: true } : { kind: 'named', name, hasValue: false };
  const pos = (value: unknown): CommandArgument => ({ kind: 'positional', value });
  const cases: [string, typeof getHelp | typeof getCommand, CommandArgument[], string][] = [
    ['Get-Help X', getHelp, [pos('X')], 'AllUsersView'],
    ['Get-Help X -Examples', getHelp, [pos('X'), named('Examples')], 'Examples'],
    ['Get-Help X -Parameter N', getHelp, [pos('X'), named('Parameter', 'N')], 'Parameters'],
    ['Get-Command', getCommand, [], 'CmdletSet'],
    ['Get-Command *-Object', getCommand, [pos('*-Object')], 'AllCommandSet'],
    ['Get-Command -Verb Get -Module M', getCommand, [named('Verb', 'Get'), named('Module', 'M')], 'CmdletSet'],
    ['Get-Command gcm -Syntax', getCommand, [pos('gcm'), named('Syntax')], 'AllCommandSet'],
  ];
  for (const [source, cmdlet, args, set] of cases) it(`binds ${source} in set ${set}`, () => {
    expect(bindPipelineInput(bindArguments(cmdlet, args), NO_INPUT).parameterSetName).to.equal(set);
  });
  it('refuses -Examples with -Full', () => {
    expect(() => bindPipelineInput(bindArguments(getHelp, [named('Examples'), named('Full')]), NO_INPUT))
      .to.throw().with.property('id', 'AmbiguousParameterSet');
  });
});
