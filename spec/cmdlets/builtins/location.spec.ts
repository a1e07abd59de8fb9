// Set-Location, Push-Location and Pop-Location through a real session: the location is the
// session's, and relative paths, $PWD and Get-Location follow it. Also the Env: drive.
import { expect } from 'chai';
import { join } from 'node:path';
import { testHost } from '../../support/test-host.js';

describe('Set-Location', () => {
  it('changes where relative paths, $PWD and Get-Location point', async () => {
    const host = await testHost();
    const { output, errors } = await host.run('New-Item -ItemType Directory sub | Out-Null; Set-Content sub/f.txt hi; ' +
      'Set-Location sub; Get-Content f.txt; $PWD.Path; (Get-Location).Path');
    expect(errors).to.deep.equal([]);
    expect(output).to.deep.equal(['hi', join(host.dir, 'work', 'sub'), join(host.dir, 'work', 'sub')]);
  });

  const refusals: [string, string, string][] = [
    ['a directory that does not exist', 'Set-Location nowhere', 'PathNotFound'],
    ['a file', 'Set-Content f.txt x; Set-Location f.txt', 'PathNotFound'],
    ['a Cert: path', 'Set-Location Cert:\\LocalMachine\\My', 'NotSupported'],
  ];
  for (const [what, code, id] of refusals) it(`refuses ${what} with ${id} and stays where it was`, async () => {
    const { output, errors } = await (await testHost()).run(`${code}; Split-Path -Leaf $PWD`);
    expect(errors.map(e => e.error.id)).to.deep.equal([id]);
    expect(output).to.deep.equal(['work']);
  });
});

describe('Push-Location and Pop-Location', () => {
  it('remember the location and return to it, most recent first; an empty stack leaves it', async () => {
    const { output, errors } = await (await testHost()).run('New-Item -ItemType Directory a/b -Force | Out-Null; ' +
      'Push-Location a; Push-Location b; Split-Path -Leaf $PWD; Pop-Location; Split-Path -Leaf $PWD; Pop-Location; ' +
      'Split-Path -Leaf $PWD; Pop-Location; Split-Path -Leaf $PWD');
    expect(errors).to.deep.equal([]);
    expect(output).to.deep.equal(['b', 'a', 'work', 'work']);
  });
});

describe('the Env: drive', () => {
  it('answers Test-Path, Get-Item and Get-ChildItem from the session environment', async () => {
    const { output, errors } = await (await testHost()).run('$env:CSCERT_SPEC_X = "v"; Test-Path env:CSCERT_SPEC_X; ' +
      'Test-Path Env:\\CSCERT_SPEC_NONE; (Get-Item env:CSCERT_SPEC_X).Value; (Get-ChildItem env:CSCERT_SPEC_*).Name; Get-Item env:CSCERT_SPEC_NONE');
    expect(output).to.deep.equal([true, false, 'v', 'CSCERT_SPEC_X']);
    expect(errors.map(e => e.error.id)).to.deep.equal(['PathNotFound']);
  });
});
