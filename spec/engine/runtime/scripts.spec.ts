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
    writeFileSync(join(dir, 'who.ps1'), '$MyInvocation.MyCommand.CommandType; $MyInvocation.ScriptName; $MyInvocation.PSScriptRoot\n');
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

  describe('$MyInvocation (made when first read)', () => {
    it('names a function, how it was called and the arguments its parameters did not take', async () => {
      const r = await runScript('function f { param($a) $MyInvocation.MyCommand.Name; $MyInvocation.InvocationName; ' +
        '$MyInvocation.MyCommand.CommandType }; f 1; function g { $MyInvocation.UnboundArguments }; g x y');
      expect(r.output).to.deep.equal(['f', 'f', 'Function', 'x', 'y']);
    });
    it('names <ScriptBlock> in a block, also one run for each pipeline object', async () => {
      const r = await runScript('& { $MyInvocation.MyCommand.Name }; 1, 2 | ForEach-Object { $MyInvocation.MyCommand.Name }');
      expect(r.output).to.deep.equal(['<ScriptBlock>', '<ScriptBlock>', '<ScriptBlock>']);
    });
    it('gives a script file its path and folder', async () => {
      const r = await runScript(`& '${dir}/who.ps1'`);
      expect(r.output).to.deep.equal(['ExternalScript', `${dir}/who.ps1`, dir]);
    });
    it('keeps a value assigned before it was read', async () => {
      expect((await runScript('function h { $MyInvocation = 5; $MyInvocation }; h')).output).to.deep.equal([5]);
    });
  });
});
