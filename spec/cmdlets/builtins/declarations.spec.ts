import { expect } from 'chai';
import { builtinCmdlets } from '../../../cmdlets/builtins.js';

const EXPECTED = ['Where-Object', 'ForEach-Object', 'Select-Object', 'Sort-Object', 'Group-Object', 'Measure-Object',
  'Get-Member', 'Write-Output', 'Write-Host', 'Write-Verbose', 'Write-Warning', 'Write-Debug', 'Write-Error',
  'Write-Progress', 'Get-Date', 'Get-Content', 'Set-Content', 'Add-Content', 'Test-Path', 'Join-Path', 'Split-Path',
  'Get-ChildItem', 'Remove-Item', 'New-Item', 'Get-Location', 'Start-Sleep', 'Read-Host', 'ConvertTo-SecureString',
  'ConvertFrom-SecureString', 'Import-Module', 'New-Object', 'New-TimeSpan'];

describe('the built-in cmdlet declarations', () => {
  it('include every built-in the specification lists', () => {
    expect(builtinCmdlets.map(c => c.name)).to.include.members(EXPECTED);
  });

  it('use distinct names and aliases', () => {
    const all = builtinCmdlets.flatMap(c => [c.name, ...(c.aliases ?? [])].map(n => n.toLowerCase()));
    expect(all.filter((n, i) => all.indexOf(n) !== i)).to.deep.equal([]);
  });

  it("carry PowerShell's aliases", () => {
    const aliases = Object.fromEntries(builtinCmdlets.map(c => [c.name, c.aliases ?? []]));
    expect(aliases['Where-Object']).to.include.members(['where', '?']);
    expect(aliases['ForEach-Object']).to.include.members(['foreach', '%']);
    expect(aliases['Get-ChildItem']).to.include.members(['gci', 'ls', 'dir']);
    expect(aliases['Get-Content']).to.include.members(['cat', 'gc']);
    expect(aliases['Remove-Item']).to.include.members(['rm', 'del', 'ri']);
    expect(aliases['Write-Output']).to.include.members(['echo', 'write']);
    expect(aliases['Start-Sleep']).to.include('sleep');
    expect(aliases['Set-Content'] ?? []).to.not.include('sc');
  });

  for (const c of builtinCmdlets) describe(c.name, () => {
    it('has a synopsis ending in a full stop and at least one example with a title and code', () => {
      expect(c.synopsis).to.match(/\.$/);
      expect(c.examples).to.not.be.empty;
      for (const ex of c.examples) { expect(ex.title).to.not.equal(''); expect(ex.code).to.not.equal(''); }
    });

    it('documents every parameter, and positions are unique within each set', () => {
      const positions = new Map<string, string[]>();
      for (const [name, p] of Object.entries(c.parameters)) {
        expect(p.help, `${c.name} -${name}`).to.not.equal('');
        for (const [set, m] of Object.entries(p.sets))
          if (m.position !== undefined) positions.set(`${set}:${m.position}`, [...(positions.get(`${set}:${m.position}`) ?? []), name]);
      }
      for (const [key, names] of positions) expect(names, key).to.have.length(1);
    });

    it('names its default parameter set among its declared sets', () => {
      if (!c.defaultParameterSet) return;
      const sets = new Set(Object.values(c.parameters).flatMap(p => Object.keys(p.sets)));
      expect([...sets]).to.include(c.defaultParameterSet);
    });
  });
});
