import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PSObject } from '../../../lib/core/values.js';
import selectString from '../../../cmdlets/Select-String.js';
import getVariable from '../../../cmdlets/Get-Variable.js';
import setVariable from '../../../cmdlets/Set-Variable.js';
import { run } from './fake-context.js';

const field = (o: unknown, name: string) => (o as PSObject).get(name);

describe('Select-String', () => {
  const lines = ['pool1 OK', 'edge down', 'pool2 ok ok'];
  const search = (args: Record<string, unknown>) => run(selectString, { Pattern: ['ok'], ...args }, { input: lines, parameterSetName: 'Object' });

  it('returns a MatchInfo per matching line, numbered across the input, case-insensitively', async () => {
    const { output } = await search({});
    expect(output.map(o => [field(o, 'LineNumber'), field(o, 'Line'), field(o, 'Path')])).to.deep.equal([[1, 'pool1 OK', 'InputStream'], [3, 'pool2 ok ok', 'InputStream']]);
    expect((output[0] as PSObject).typeName).to.equal('Microsoft.PowerShell.Commands.MatchInfo');
  });

  it('honours -CaseSensitive, -NotMatch, -AllMatches, -Raw and -Quiet', async () => {
    expect((await search({ CaseSensitive: true, Raw: true })).output).to.deep.equal(['pool2 ok ok']);
    expect((await search({ NotMatch: true, Raw: true })).output).to.deep.equal(['edge down']);
    expect(((await search({ AllMatches: true })).output[1] as PSObject).get('Matches')).to.have.length(2);
    expect((await search({ Quiet: true })).output).to.deep.equal([true]);
    expect((await run(selectString, { Pattern: ['zzz'], Quiet: true }, { input: lines, parameterSetName: 'Object' })).output).to.deep.equal([false]);
  });

  it('treats the pattern as plain text with -SimpleMatch', async () => {
    const { output } = await run(selectString, { Pattern: ['a.b'], SimpleMatch: true, Raw: true }, { input: ['a.b', 'axb'], parameterSetName: 'Object' });
    expect(output).to.deep.equal(['a.b']);
  });

  it('searches the lines of files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cscert-sls-'));
    try {
      await writeFile(path.join(dir, 'a.log'), 'start\nerror: x\nend\n');
      const { output } = await run(selectString, { Pattern: ['^error'], Path: ['*.log'] }, { cwd: dir, parameterSetName: 'File' });
      expect(output.map(o => [field(o, 'Filename'), field(o, 'LineNumber')])).to.deep.equal([['a.log', 2]]);
      expect(String((output[0] as PSObject).methods.get('tostring')?.())).to.equal(`${path.join(dir, 'a.log')}:2:error: x`);
    } finally { await rm(dir, { recursive: true, force: true }); }
  });
});

describe('Get-Variable and Set-Variable', () => {
  it('set a variable by name and read it back', async () => {
    const { ctx } = await run(setVariable, { Name: ['site'], Value: 'atl' });
    expect(ctx.session.getVariable('site')).to.equal('atl');
    const got = await run(getVariable, { Name: ['site'] }, { variables: { site: 'atl' } });
    expect([field(got.output[0], 'Name'), field(got.output[0], 'Value')]).to.deep.equal(['site', 'atl']);
    expect((await run(getVariable, { Name: ['site'], ValueOnly: true }, { variables: { site: 'atl' } })).output).to.deep.equal(['atl']);
  });

  it('report a missing variable', async () => {
    const { ctx } = await run(getVariable, { Name: ['nope'] });
    expect(ctx.errors[0]).to.include({ id: 'VariableNotFound', category: 'ObjectNotFound' });
  });

  it('honour -WhatIf', async () => {
    const { ctx } = await run(setVariable, { Name: ['x'], Value: 1 }, { shouldProcess: false });
    expect(ctx.session.getVariable('x')).to.equal(undefined);
  });
});
