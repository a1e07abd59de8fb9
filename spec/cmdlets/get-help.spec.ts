import { expect } from 'chai';
import getCommand from '../../cmdlets/Get-Command.js';
import getHelp from '../../cmdlets/Get-Help.js';
import { cmdletInfo, fakeContext, run } from './fake-context.js';

const commands = [cmdletInfo(getHelp), cmdletInfo(getCommand),
  { name: 'gcm', commandType: 'Alias' as const, resolvedName: 'Get-Command', source: '' },
  { name: 'Deploy-Site', commandType: 'Function' as const, source: '' }];
type Args = Partial<Parameters<NonNullable<typeof getHelp.process>>[0]>;
const help = async (args: Args) => {
  const ctx = fakeContext(commands);
  return { output: await run(getHelp.process, args as Required<Args>, ctx), errors: ctx.errors };
};

describe('Get-Help', () => {
  it('prints an introduction when given no name', async () => {
    const { output } = await help({});
    expect(output).to.have.length(1);
    expect(output[0]).to.include('Get-Help <command> -Examples');
  });
  it('outputs the help of a command as one string', async () => {
    const { output } = await help({ Name: 'get-command' });
    expect(output).to.have.length(1);
    expect(output[0]).to.include('NAME\n    Get-Command\n').and.include('SYNTAX\n    Get-Command [-Verb <String[]>]');
  });
  it('follows an alias to the help of its command', async () => {
    expect((await help({ Name: 'gcm' })).output[0]).to.include('NAME\n    Get-Command\n');
  });
  it('shows only the examples with -Examples', async () => {
    const text = (await help({ Name: 'Get-Help', Examples: true })).output[0] as string;
    expect(text).to.include('--------- Example 1: Show the help of a cmdlet ---------').and.not.include('SYNTAX');
  });
  it('adds the parameter table with -Full', async () => {
    expect((await help({ Name: 'Get-Help', Full: true })).output[0]).to.include('Accept pipeline input?');
  });
  it('shows the parameters matching -Parameter, wildcards allowed', async () => {
    const text = (await help({ Name: 'Get-Command', Parameter: '*o*' })).output[0] as string;
    expect(text).to.include('-Noun <String[]>').and.include('-Module <String[]>').and.not.include('-Verb');
  });
  it('refuses a -Parameter that matches nothing with NoParmsFound', async () => {
    const attempt = help({ Name: 'Get-Command', Parameter: 'Colour' });
    await attempt.then(() => expect.fail('no error'), e => expect(e).to.have.property('id', 'NoParmsFound'));
  });
  it('lists the commands a wildcard matches', async () => {
    const text = (await help({ Name: 'Get-*' })).output[0] as string;
    expect(text.split('\n').slice(1, 5)).to.deep.equal([
      'Name        Category Module                    Synopsis',
      '----        -------- ------                    --------',
      'Get-Command Cmdlet   Microsoft.PowerShell.Core Gets all commands.',
      'Get-Help    Cmdlet   Microsoft.PowerShell.Core Displays information about cscert commands and concepts.',
    ]);
  });
  it('shows the help of the one command a wildcard matches', async () => {
    expect((await help({ Name: '*-Help' })).output[0]).to.include('NAME\n    Get-Help\n');
  });
  it('gives a function it has no declaration for a help with its name', async () => {
    expect((await help({ Name: 'deploy-site' })).output[0]).to.include('NAME\n    Deploy-Site\n');
  });
  it('writes HelpNotFound for an unknown name and outputs nothing', async () => {
    const { output, errors } = await help({ Name: 'Get-Nothing' });
    expect(output).to.deep.equal([]);
    expect(errors.map(e => [e.id, e.category, e.message])).to.deep.equal([['HelpNotFound', 'ResourceUnavailable',
      'Get-Help could not find Get-Nothing in a help file in this session.']]);
    expect(errors[0].hint).to.include("Get-Command *Get-Nothing*");
  });
});
