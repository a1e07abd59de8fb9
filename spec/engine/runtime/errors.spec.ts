import { expect } from 'chai';
import { runScript } from './helpers.js';

describe('runtime: errors (about_Try_Catch_Finally, about_Throw, about_CommonParameters)', () => {
  it('a non-terminating error is recorded and shown, $? turns false, the script goes on', async () => {
    const r = await runScript('Write-Error "bad"; $?; $Error.Count; "next"');
    expect(r.output).to.deep.equal([false, 1, 'next']);
    expect(r.errors.map(e => [e.error.id, e.commandName])).to.deep.equal([['WriteErrorException', 'Write-Error']]);
  });

  it('a cmdlet that throws ends the statement only', async () => {
    const r = await runScript('Fail-Now; "after"');
    expect(r.output).to.deep.equal(['after']);
    expect(r.errors[0].error).to.include({ id: 'Boom', category: 'InvalidOperation' });
    expect(r.errors[0].error.span?.column).to.equal(1);
  });

  it('throw ends the script and run() reports it', async () => {
    const r = await runScript('"before"; throw "stop here"; "never"');
    expect(r.output).to.deep.equal(['before']);
    expect(r.result.succeeded).to.equal(false);
    expect(r.result.terminatingError?.error).to.include({ id: 'RuntimeException', message: 'stop here' });
  });

  const catches: [string, string, unknown[]][] = [
    ['catch by exception type', 'try { Fail-Now } catch [System.InvalidOperationException] { "typed" } catch { "any" }', ['typed']],
    ['[Exception] catches everything', 'try { throw "x" } catch [Exception] { "all" }', ['all']],
    ['RuntimeException catches everything', 'try { Fail-Now } catch [System.Management.Automation.RuntimeException] { "rt" }', ['rt']],
    ['a non-matching clause lets it pass to the next', 'try { throw "x" } catch [System.IO.IOException] { "io" } catch { "other" }', ['other']],
    ['throw "text" makes the text the FullyQualifiedErrorId, still caught as RuntimeException',
      'try { throw "boom" } catch [System.Management.Automation.RuntimeException] { $_.FullyQualifiedErrorId; $_.CategoryInfo.Reason }', ['boom', 'RuntimeException']],
    ['$_ is the ErrorRecord', 'try { throw "msg" } catch { $_.Exception.Message; $_.GetType().Name }', ['msg', 'ErrorRecord']],
    ['finally always runs', 'function f { try { return "r" } finally { "f" } }; f', ['r', 'f']],
    ['throw alone rethrows', 'try { try { throw "inner" } catch { throw } } catch { "outer: $_" }', ['outer: inner']],
    ['-ErrorAction Stop makes an error catchable', 'try { Write-Error "w" -ErrorAction Stop; "no" } catch { "caught $_" }', ['caught w']],
    ['$ErrorActionPreference = Stop does too', '$ErrorActionPreference = "Stop"; try { Write-Error "p"; "no" } catch { "caught" }', ['caught']],
    ['errors in functions called in try are caught', 'function f { Fail-Now; "rest" }; try { f } catch { "caught" }', ['caught']],
    ['SilentlyContinue hides but records', 'Write-Error "h" -ErrorAction SilentlyContinue; $Error.Count', [1]],
    ['Ignore does not even record', 'Write-Error "h" -ErrorAction Ignore; $Error.Count', [0]],
    ['-ErrorVariable collects, + appends', 'Write-Error a -ErrorVariable ev -ErrorAction SilentlyContinue; Write-Error b -ErrorVariable +ev -ErrorAction SilentlyContinue; $ev.Count', [2]],
    ['$Error is newest first', 'Write-Error one 2>$null; Write-Error two 2>$null; "$($Error[0])"', ['two']],
    ['2>&1 turns errors into output', '(Write-Error x 2>&1).GetType().Name; $Error.Count', ['ErrorRecord', 1]],
    ['division by zero ends the statement', '1 / 0; "went on"', ['went on']],
  ];
  for (const [title, script, expected] of catches) it(title, async () => {
    const r = await runScript(script);
    expect(r.output, script).to.deep.equal(expected);
    if (!/Write-Error "h"|1 \/ 0/.test(script)) expect(r.errors.map(e => e.error.message), script).to.deep.equal([]);
  });

  it('exit N ends the script, even from a function', async () => {
    const r = await runScript('function f { exit 4 }; "a"; f; "b"');
    expect(r.output).to.deep.equal(['a']);
    expect(r.result.exitCode).to.equal(4);
  });

  it('a parse error runs nothing', async () => {
    const r = await runScript('"first"; if (');
    expect(r.output).to.deep.equal([]);
    expect(r.result.succeeded).to.equal(false);
    expect(r.errors[0].error.category).to.equal('ParserError');
  });

  it('trap is refused by name before anything runs', async () => {
    const r = await runScript('"first"; trap { "t" }');
    expect(r.output).to.deep.equal([]);
    expect(r.errors[0].error).to.include({ id: 'NotSupported' });
    expect(r.errors[0].error.message).to.match(/trap/);
  });

  it('unknown commands and external programs are CommandNotFoundException, as PowerShell names them', async () => {
    const r = await runScript('Get-Nothing-Here; ls');
    expect(r.errors.map(e => e.FullyQualifiedErrorId)).to.deep.equal(['CommandNotFoundException', 'CommandNotFoundException']);
    expect(r.errors[0].error.message).to.match(/^The term 'Get-Nothing-Here' is not recognized as a name of a cmdlet/);
    expect(r.errors[1].error.message).to.match(/running external programs is not supported by cscert/);
    expect(r.errors[0].error.more.exceptionType).to.equal('System.Management.Automation.CommandNotFoundException');
  });

  it('the last statement failing makes the run unsuccessful', async () => {
    expect((await runScript('"ok"; Write-Error x')).result.succeeded).to.equal(false);
    expect((await runScript('Write-Error x; "ok"')).result.succeeded).to.equal(true);
  });

  it('missing mandatory parameters are binder errors', async () => {
    const r = await runScript('function f { param([Parameter(Mandatory)]$Name) $Name }; f; "next"');
    expect(r.output).to.deep.equal(['next']);
    expect(r.errors[0].error.id).to.equal('MissingMandatoryParameter');
  });
});
