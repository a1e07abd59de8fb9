import { expect } from 'chai';
import { defineCmdlet, param } from '../../../lib/engine/cmdlet/index.js';
import { outputOf, runScript } from './helpers.js';

describe('runtime: pipelines (about_Pipelines)', () => {
  it('streams one object at a time through every command', async () => {
    const r = await runScript('function t { process { Write-Host "A$_"; $_ } }; function u { process { Write-Host "B$_" } }; 1, 2 | t | u');
    expect(r.information).to.deep.equal(['A1', 'B1', 'A2', 'B2']);
  });

  it('runs begin blocks first and end blocks last, in order', async () => {
    const r = await runScript('function a { begin { Write-Host ab } process { $_ } end { Write-Host ae } }; '
      + 'function b { begin { Write-Host bb } process { Write-Host "bp$_" } end { Write-Host be } }; 1 | a | b');
    expect(r.information).to.deep.equal(['ab', 'bb', 'bp1', 'ae', 'be']);
  });

  it('a downstream command can stop the upstream ones, whose loops end early', async () => {
    const r = await runScript('function gen { foreach ($i in 1..1000000) { Write-Host "g$i"; $i } }; gen | Select-First 2 | Measure-Count');
    expect(r.output).to.deep.equal([2]);
    expect(r.information).to.deep.equal(['g1', 'g2']);
  });

  it('an infinite generator is stopped by Select-First', async () => {
    expect(await outputOf('& { $i = 0; while ($true) { $i++; $i } } | Select-First 3')).to.deep.equal([1, 2, 3]);
  });

  it('a stopped pipeline inside a loop does not stop the loop', async () => {
    expect(await outputOf('foreach ($n in 1..2) { 1..5 | Select-First 1 }')).to.deep.equal([1, 1]);
  });

  it('commands with nothing piped in run process once; after an empty upstream, never', async () => {
    expect(await outputOf('Measure-Count; @() | Measure-Count; @() | % { "x" }')).to.deep.equal([1, 0]);
  });

  it('aliases resolve case-insensitively; functions win over cmdlets', async () => {
    expect(await outputOf('ECHO 1; function Write-Output { "mine" }; Write-Output 2')).to.deep.equal([1, 'mine']);
  });

  it('ForEach-Object -Parallel style invocation sees no caller variables', async () => {
    expect(await outputOf('$secret = 1; 1, 2 | ForEach-Object -Parallel { "$_$secret" }')).to.deep.equal(['1', '2']);
  });

  it('an isolated block reads caller variables through $using:, copied when it is invoked', async () => {
    expect(await outputOf('$n = 10; $h = @{ k = "v" }; 1, 2 | ForEach-Object -Parallel { $_ + $using:n; $using:h.k }'))
      .to.deep.equal([11, 'v', 12, 'v']);
  });

  const usingErrors: [string, string, string][] = [
    ['an undefined variable', '1 | ForEach-Object -Parallel { $using:undefinedHere }', 'UsingVariableIsUndefined'],
    ['a block that is not isolated', '$n = 1; 1 | ForEach-Object { $using:n }', 'UsingWithoutInvokeCommand'],
  ];
  for (const [what, script, id] of usingErrors) it(`$using: of ${what} is ${id}`, async () => {
    expect((await runScript(script)).errors.map(e => e.error.id)).to.deep.equal([id]);
  });

  it('a cmdlet may be an async generator, a sync generator or return a promise', async () => {
    const seen: string[] = [];
    const slow = defineCmdlet({ name: 'Get-Slow', synopsis: 's', examples: [], parameters: { N: param.int({ help: 'n', position: 0 }) },
      async *process(args) { for (let i = 0; i < (args.N ?? 0); i++) { await new Promise(r => setTimeout(r, 1)); yield i; } } });
    const note = defineCmdlet({ name: 'Add-Note', synopsis: 'n', examples: [], parameters: { InputObject: param.object({ help: 'i', pipeline: 'value' }) },
      async process(args) { seen.push(String(args.InputObject)); } });
    const { Runspace } = await import('../../../lib/engine/runtime/index.js');
    const { makeSource } = await import('../../../lib/core/span.js');
    const out: unknown[] = [];
    const rs = new Runspace({ commands: [slow, note], services: { now: () => new Date() },
      sink: { output: v => { out.push(v); }, error: () => {}, warning: () => {}, verbose: () => {}, debug: () => {}, information: () => {}, progress: () => {} },
      cwd: '/', env: {}, isInteractive: false, readLine: async () => '', confirm: async () => false, renderText: () => '' });
    await rs.run(makeSource('<command>', 'Get-Slow 3 | Add-Note; Get-Slow 2'));
    expect(seen).to.deep.equal(['0', '1', '2']);
    expect(out).to.deep.equal([0, 1]);
  });

  it('Ctrl+C (stop) ends a running pipeline with PipelineStopped', async () => {
    const { Runspace } = await import('../../../lib/engine/runtime/index.js');
    const { makeSource } = await import('../../../lib/core/span.js');
    const wait = defineCmdlet({ name: 'Wait-Tick', synopsis: 'w', examples: [], parameters: {},
      async process() { await new Promise(r => setTimeout(r, 5)); } });
    const errors: string[] = [];
    const rs = new Runspace({ commands: [wait], services: { now: () => new Date() },
      sink: { output: () => {}, error: e => { errors.push(e.error.id); }, warning: () => {}, verbose: () => {}, debug: () => {}, information: () => {}, progress: () => {} },
      cwd: '/', env: {}, isInteractive: false, readLine: async () => '', confirm: async () => false, renderText: () => '' });
    setTimeout(() => rs.stop(), 20);
    const result = await rs.run(makeSource('<command>', 'while ($true) { Wait-Tick }'));
    expect(result.succeeded).to.equal(false);
    expect(errors).to.deep.equal(['PipelineStopped']);
  });

  it('a command waiting on its signal (made when first asked for) is released by Ctrl+C', async () => {
    const { Runspace } = await import('../../../lib/engine/runtime/index.js');
    const { makeSource } = await import('../../../lib/core/span.js');
    const waitForStop = defineCmdlet({ name: 'Wait-Stop', synopsis: 'w', examples: [], parameters: {},
      async process(_args, ctx) {
        await new Promise((r) => setTimeout(r, 10));   // asks for its signal only after the run began
        await new Promise((r) => { if (ctx.signal.aborted) r(undefined); else ctx.signal.addEventListener('abort', r); });
      } });
    const errors: string[] = [], output: unknown[] = [];
    const rs = new Runspace({ commands: [waitForStop], services: { now: () => new Date() },
      sink: { output: v => { output.push(v); }, error: e => { errors.push(e.error.id); }, warning: () => {}, verbose: () => {}, debug: () => {}, information: () => {}, progress: () => {} },
      cwd: '/', env: {}, isInteractive: false, readLine: async () => '', confirm: async () => false, renderText: () => '' });
    setTimeout(() => rs.stop(), 30);
    const result = await rs.run(makeSource('<command>', 'Wait-Stop; "after"'));
    expect(result.succeeded).to.equal(false);
    expect(errors).to.deep.equal(['PipelineStopped']);
    expect(output).to.deep.equal([]);
  });
});

describe('runtime: common parameters', () => {
  it('-Verbose shows verbose messages; $VerbosePreference too', async () => {
    const r = await runScript('Write-Verbose a; Write-Verbose b -Verbose; $VerbosePreference = "Continue"; Write-Verbose c');
    expect(r.verbose).to.deep.equal(['b', 'c']);
  });

  it('-WarningAction SilentlyContinue hides warnings', async () => {
    const r = await runScript('Write-Warning w1; Write-Warning w2 -WarningAction SilentlyContinue');
    expect(r.warnings).to.deep.equal(['w1']);
  });

  it('-WhatIf prints what would happen and does nothing', async () => {
    const r = await runScript('Remove-Thing a -WhatIf');
    expect(r.output).to.deep.equal([]);
    expect(r.information).to.deep.equal(['What if: Performing the operation "Remove Thing" on target "a".']);
  });

  it('-Confirm asks, and a refusal skips the action', async () => {
    const r = await runScript('Remove-Thing a -Confirm');
    expect(r.confirms).to.have.length(1);
    expect(r.output).to.deep.equal([]);
    const yes = await runScript('Remove-Thing a -Confirm', { confirm: true });
    expect(yes.output).to.deep.equal(['removed a']);
  });

  it('-Confirm with no answer to be had is an error for each object, not a silent no', async () => {
    const r = await runScript("Remove-Thing a -Confirm; Remove-Thing b -Confirm; $?; 'next'", { confirm: 'no answer' });
    expect(r.errors.map(e => [e.error.id, e.error.category])).to.deep.equal(
      [['ConfirmNotInteractive', 'InvalidOperation'], ['ConfirmNotInteractive', 'InvalidOperation']]);
    expect(r.output).to.deep.equal([false, 'next']);
  });

  it('-Confirm with no answer and -ErrorAction Stop ends the script', async () => {
    const r = await runScript("Remove-Thing a -Confirm -ErrorAction Stop; 'next'", { confirm: 'no answer' });
    expect(r.result.terminatingError?.error.id).to.equal('ConfirmNotInteractive');
    expect(r.output).to.deep.equal([]);
  });

  it('$ConfirmPreference = Medium asks for a Medium-impact cmdlet', async () => {
    const r = await runScript('$ConfirmPreference = "Medium"; Remove-Thing a');
    expect(r.confirms).to.have.length(1);
  });

  it('-OutVariable keeps the output too', async () => {
    expect(await outputOf('Write-Output 1, 2 -OutVariable ov | Measure-Count; $ov.Count')).to.deep.equal([2, 2]);
  });

  it('-Report hands a CommandReport with secrets masked', async () => {
    const r = await runScript('Remove-Thing b -Report r.html -Verbose -Password (New-Secret)');
    expect(r.reports).to.have.length(1);
    const report = r.reports[0];
    expect(report.parameters.Password).to.equal('********');
    expect(JSON.stringify(report)).to.not.include('hunter2');
    expect(report).to.include({ commandName: 'Remove-Thing', succeeded: true, whatIf: false });
    expect(report.path).to.match(/r\.html$/);
    expect(report.outputs).to.deep.equal(['removed b']);
    expect(report.verbose).to.deep.equal(['removing b']);
    expect(report.parameters).to.deep.include({ Name: 'b' });
    expect(report.actions).to.deep.equal([{ target: 'b', action: 'Remove Thing', performed: true }]);
  });

  it('advanced functions pass -Verbose on to the commands they run', async () => {
    const r = await runScript('function f { [CmdletBinding()] param() Write-Verbose inside }; f; f -Verbose');
    expect(r.verbose).to.deep.equal(['inside']);
  });

  it('SupportsShouldProcess functions honour -WhatIf through $PSCmdlet', async () => {
    const r = await runScript('function f { [CmdletBinding(SupportsShouldProcess)] param($N) if ($PSCmdlet.ShouldProcess($N, "Zap")) { "zapped" } }; f x -WhatIf; f y');
    expect(r.output).to.deep.equal(['zapped']);
    expect(r.information).to.deep.equal(['What if: Performing the operation "Zap" on target "x".']);
  });
});
