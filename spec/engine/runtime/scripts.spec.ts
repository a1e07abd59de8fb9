import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript } from './helpers.js';

describe('runtime: script files', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cscert-rt-'));
    writeFileSync(join(dir, 'greet.ps1'), 'param([string]$Name = "world", [switch]$Loud)\n"hello $Name $Loud"\n$PSScriptRoot\nexit 2\n');
    writeFileSync(join(dir, 'lib.ps1'), '$shared = "from lib"\nfunction Get-Lib { "lib fn" }\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('& runs a script with its param() block; exit N ends only it and sets $LASTEXITCODE', async () => {
    const r = await runScript(`& '${dir}/greet.ps1' -Name bob; $LASTEXITCODE; "after"`);
    expect(r.output).to.deep.equal(['hello bob False', dir, 2, 'after']);
  });

  it('dot-sourcing a script keeps its variables and functions', async () => {
    const r = await runScript(`. '${dir}/lib.ps1'; $shared; Get-Lib`);
    expect(r.output).to.deep.equal(['from lib', 'lib fn']);
  });

  it('run() passes script arguments to the param() block', async () => {
    const r = await runScript('param($First, [switch]$Flag) "$First $Flag"', { args: ['-Flag', 'one'] });
    expect(r.output).to.deep.equal(['one True']);
  });
});
