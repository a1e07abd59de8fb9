// The interactive shell, driven through a real pseudo-terminal as a user would type.
import { expect } from 'chai';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, runOnTerminal, stripAnsi, tempDir } from '../support/cli.js';

describe('interactive shell', function () {
  this.timeout(60_000);
  let dir: string, env: NodeJS.ProcessEnv;
  beforeEach(() => { dir = tempDir(); env = cleanEnv(dir); });

  it('shows a prompt, runs a command and exits on Ctrl+D with code 0', async () => {
    const r = await runOnTerminal([{ expect: 'PS .*> ' }, { send: '1 + 1\r' }, { expect: '\\b2\\b' }, { expect: 'PS .*> ' },
      { send: '\x04' }], { env, cwd: dir });
    expect(r.ok, r.output).to.equal(true);
    expect(r.exitCode).to.equal(0);
  });

  it('continues an unfinished block on a >> prompt, then runs it whole', async () => {
    const r = await runOnTerminal([{ expect: 'PS .*> ' }, { send: 'foreach ($i in 1..3) {\r' }, { expect: '>> ' },
      { send: '  $i * 10\r' }, { expect: '>> ' }, { send: '}\r' }, { expect: '10\\s+20\\s+30' }, { send: 'exit\r' }], { env, cwd: dir });
    expect(r.ok, r.output).to.equal(true);
  });

  it('cancels the line being typed on Ctrl+C and keeps running', async () => {
    const r = await runOnTerminal([{ expect: 'PS .*> ' }, { send: 'Write-Output nothing-to-see' }, { send: '\x03' },
      { expect: '\\^C' }, { expect: 'PS .*> ' }, { send: 'Write-Output still-here\r' }, { expect: 'still-here\\s' },
      { send: 'exit\r' }], { env, cwd: dir });
    expect(r.ok, r.output).to.equal(true);
    expect(stripAnsi(r.output)).not.to.match(/^nothing-to-see$/m);
  });

  it('keeps history across sessions, without lines that carry a secret', async () => {
    await runOnTerminal([{ expect: 'PS .*> ' }, { send: "Write-Output 'first-session'\r" }, { expect: 'first-session\\s' },
      { send: "$p = ConvertTo-SecureString 'pw' -AsPlainText -Force\r" }, { expect: 'PS .*> ' }, { send: '\x04' }], { env, cwd: dir });
    const history = readFileSync(join(dir, 'history'), 'utf8');
    expect(history).to.contain("Write-Output 'first-session'");
    expect(history).not.to.contain('AsPlainText');
    const r = await runOnTerminal([{ expect: 'PS .*> ' }, { send: '\x1b[A' }, { expect: "first-session'" }, { send: '\r' },
      { expect: 'first-session\\s' }, { send: 'exit\r' }], { env, cwd: dir });
    expect(r.ok, r.output).to.equal(true);
  });

  it('shows the new location in the prompt after Set-Location, and completes paths there', async () => {
    const r = await runOnTerminal([{ expect: 'PS .*> ' }, { send: "New-Item -ItemType Directory sub | Out-Null; Set-Content sub/inner-file.txt x\r" },
      { expect: 'PS .*> ' }, { send: 'cd sub\r' }, { expect: 'PS .*/sub> ' }, { send: 'Get-Content inn\t', pause: 0.3 }, { expect: 'inner-file\\.txt' },
      { send: '\x03' }, { expect: 'PS .*> ' }, { send: 'exit\r' }], { env, cwd: dir });
    expect(r.ok, r.output).to.equal(true);
  });

  it('a -c command run on a terminal asks its -Confirm question there', async () => {
    writeFileSync(join(dir, 'a.txt'), 'a');
    const r = await runOnTerminal([{ expect: 'Performing the operation "Remove File"' }, { expect: '\\(default is "Y"\\): ' },
      { send: 'n\r' }, { expect: 'kept: True' }], { env, cwd: dir, args: ['-c', 'Remove-Item a.txt -Confirm; "kept: $(Test-Path a.txt)"'] });
    expect(r.ok, r.output).to.equal(true);
    expect(existsSync(join(dir, 'a.txt'))).to.equal(true);
  });

  describe('tab completion', () => {
    const completes: Array<[string, string, string]> = [
      ['a cmdlet name', 'Get-Da\t', 'Get-Date'],
      ['a parameter name', 'Get-Date -Form\t', '-Format'],
      ['a variable', '$myVariable = 5\r$myVa\t', '\\$myVariable'],
      ['a file path', 'Get-Content rep\t', 'report-file\\.txt'],
    ];
    for (const [what, typed, shown] of completes) it(`completes ${what}`, async () => {
      writeFileSync(join(dir, 'report-file.txt'), 'x');
      const r = await runOnTerminal([{ expect: 'PS .*> ' }, { send: typed, pause: 0.3 }, { expect: shown }, { send: '\x03' },
        { expect: 'PS .*> ' }, { send: 'exit\r' }], { env, cwd: dir });
      expect(r.ok, r.output).to.equal(true);
    });
    it('writes no history file when there is nothing to remember', () => {
      expect(existsSync(join(dir, 'history'))).to.equal(false);
    });
  });
});
