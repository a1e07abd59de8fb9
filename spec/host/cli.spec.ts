// SPEC §2 end to end: the ways in, the options, the exit codes, and where each stream goes.
import { expect } from 'chai';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, projectRoot, runCli, tempDir } from '../support/cli.js';

describe('cscert command line', function () {
  this.timeout(60_000);
  let dir: string, env: NodeJS.ProcessEnv;
  beforeEach(() => { dir = tempDir(); env = cleanEnv(dir); });
  const cli = (args: string[], input = '') => runCli(args, { cwd: dir, env, input });
  const script = (name: string, text: string) => { writeFileSync(join(dir, name), text); return name; };

  describe('ways in', () => {
    it('runs -c text', () => expect(cli(['-c', '1+1'])).to.include({ stdout: '2\n', status: 0 }));
    it('runs a one-off Verb-Noun command, quoting re-joined', () =>
      expect(cli(['Write-Output', 'two words', "it's"])).to.include({ stdout: "two words\nit's\n", status: 0 }));
    it('runs a script file with arguments in $args', () =>
      expect(cli([script('a.ps1', '"$($args.Count): $($args[1])"'), 'x', 'y z'])).to.include({ stdout: '2: y z\n', status: 0 }));
    it('binds script arguments to its param() block', () =>
      expect(cli([script('p.ps1', 'param([int]$Count, [switch]$Loud) "$Count $Loud"'), '-Count', '3', '-Loud']).stdout).to.equal('3 True\n'));
    it('runs a script from standard input when it is not a terminal', () =>
      expect(cli([], "$x = 20\n$x + 1\n")).to.include({ stdout: '21\n', status: 0 }));
    it('prints its version', () => {
      const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
      expect(cli(['--version'])).to.include({ stdout: `cscert ${version}\n`, status: 0 });
    });
    it('prints usage for --help', () => {
      const r = cli(['--help']);
      expect(r.status).to.equal(0);
      expect(r.stdout).to.match(/cscert \[options\] <script\.ps1>/).and.to.match(/--output/);
    });
  });

  describe('exit codes', () => {
    const cases: Array<[string, string[], number]> = [
      ['0 when everything succeeds', ['-c', 'Write-Output ok'], 0],
      ['exit N sets N', ['-c', 'exit 7'], 7],
      ['1 when the last statement of -c failed', ['-c', "Write-Output a; Write-Error 'bad'"], 1],
      ['0 when an earlier statement failed but the last succeeded', ['-c', "Write-Error 'bad'; Write-Output fine"], 0],
      ['1 on a terminating error', ['-c', "throw 'stop here'; Write-Output never"], 1],
      ['1 on a parse error', ['-c', '1 +'], 1],
      ['1 when a one-off command fails', ['Get-Content', 'no-such-file.txt'], 1],
      ['64 for an unknown option', ['--frobnicate'], 64],
    ];
    for (const [what, args, status] of cases) it(what, () => expect(cli(args).status).to.equal(status));

    it('a script file ends 0 when its last statement failed without terminating', () =>
      expect(cli([script('s.ps1', "Write-Error 'soft'")]).status).to.equal(0));
    it('a script file ends 1 on a terminating error', () =>
      expect(cli([script('t.ps1', "Write-Output before\nthrow 'hard'\nWrite-Output after")])).to.include({ stdout: 'before\n', status: 1 }));
  });

  describe('streams', () => {
    it('writes errors to stderr in PowerShell\'s shape with our hint, never a stack trace', () => {
      const r = cli(['Get-Content', 'missing.txt']);
      expect(r.stdout).to.equal('');
      expect(r.stderr).to.match(/Get-Content: Cannot find path '.*missing\.txt' because it does not exist\./);
      expect(r.stderr).not.to.match(/\n\s+at .*\(.*:\d+:\d+\)/);
    });
    it('shows a parse error with file, line, column and a caret, and runs nothing', () => {
      const r = cli([script('broken.ps1', "Write-Output 'ran'\n$x = (1 +\n")]);
      expect(r.stdout).to.equal('');
      expect(r.stderr).to.contain('broken.ps1:2');
      expect(r.stderr).to.match(/\^|~/);
      expect(r.status).to.equal(1);
    });
    it('sends warnings and verbose text to stderr', () => {
      const r = cli(['-c', "Write-Warning 'careful'; Write-Verbose 'detail' -Verbose; 'out'"]);
      expect(r.stdout).to.equal('out\n');
      expect(r.stderr).to.equal('WARNING: careful\nVERBOSE: detail\n');
    });
    it('--output json prints the output objects as one JSON array', () => {
      const r = cli(['--output', 'json', '-c', "[pscustomobject]@{ Name = 'a'; Size = 1 }; 'text'; 3"]);
      expect(JSON.parse(r.stdout)).to.deep.equal([{ Name: 'a', Size: 1 }, 'text', 3]);
    });
    it('has no colour escapes when NO_COLOR is set, even for errors', () => {
      const r = cli(['-c', "Write-Error 'plain'"]);
      expect(r.stderr).not.to.contain('\x1b[');
    });
    it('--no-color overrides --color given earlier', () =>
      expect(cli(['--color', '--no-color', '-c', "Write-Warning 'w'"]).stderr).to.equal('WARNING: w\n'));
  });

  describe('questions without a terminal: answers are lines of standard input', () => {
    const files = () => ['a.txt', 'b.txt'].map(f => { writeFileSync(join(dir, f), f); return f; });
    const left = () => ['a.txt', 'b.txt'].filter(f => existsSync(join(dir, f)));
    const notInteractive = (stderr: string) => stderr.match(/\[ConfirmNotInteractive\]/g)?.length ?? 0;

    it('-Confirm once standard input has ended is an error for each item, exit 1, and nothing changes', () => {
      files();
      const r = cli(['-c', 'Remove-Item a.txt, b.txt -Confirm']);
      expect(notInteractive(r.stderr)).to.equal(2);
      expect(r.status).to.equal(1);
      expect(left()).to.deep.equal(['a.txt', 'b.txt']);
    });
    it('-Confirm takes one answer a line, and shows the question with it on stderr', () => {
      files();
      const r = cli(['-c', 'Remove-Item a.txt, b.txt -Confirm'], 'n\ny\n');
      expect(r.status).to.equal(0);
      expect(left()).to.deep.equal(['a.txt']);
      expect(r.stderr).to.contain('Performing the operation "Remove File" on target').and.to.match(/\(default is "Y"\): n\n/);
      expect(r.stdout).to.equal('');
    });
    it('a script read from standard input leaves no answers for it', () => {
      files();
      const r = cli([], 'Remove-Item a.txt -Confirm\n');
      expect(notInteractive(r.stderr)).to.equal(1);
      expect(left()).to.deep.equal(['a.txt', 'b.txt']);
    });
    it('Read-Host reads the next line, and fails with ReadHostNotInteractive after the last', () => {
      const r = cli(['-c', '$a = Read-Host "Pool"; $b = Read-Host "Site"; "$a/$b"'], 'pool01\n');
      expect(r.stdout).to.equal('pool01/\n');
      expect(r.stderr).to.contain('Pool: pool01\n').and.to.contain('[ReadHostNotInteractive]');
    });
    it('Remove-CsCertificate -Confirm with nothing to read leaves the assignment in place', () => {
      expect(cli(['-c', '$null = Request-CsCertificate -New -Type Default -Assign']).status).to.equal(0);
      const r = cli(['-c', 'Remove-CsCertificate -Type Default -Confirm']);
      expect([notInteractive(r.stderr), r.status]).to.deep.equal([1, 1]);
      expect(cli(['-c', '(Get-CsCertificate -Type Default).Use']).stdout).to.equal('Default\n');
    });
  });
});
