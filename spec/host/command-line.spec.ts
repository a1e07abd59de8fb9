import { expect } from 'chai';
import { readCommandLine, rejoinArguments } from '../../lib/host/command-line.js';

describe('command line', () => {
  describe('choosing what to run', () => {
    const cases: Array<[string[], object]> = [
      [[], { mode: 'stdinOrShell' }],
      [['deploy.ps1', 'a', 'b c'], { mode: 'file', path: 'deploy.ps1', args: ['a', 'b c'] }],
      [['-c', '1+1'], { mode: 'command', text: '1+1' }],
      [['-c', 'Get-Date', ';', '2'], { mode: 'command', text: 'Get-Date ; 2' }],
      [['Get-CsCertificate', '-Type', 'Default'], { mode: 'oneOff', text: 'Get-CsCertificate -Type Default' }],
      [['--', 'Get-Date'], { mode: 'oneOff', text: 'Get-Date' }],
      [['--version'], { mode: 'version' }],
      [['--help'], { mode: 'help' }],
    ];
    for (const [argv, expected] of cases) it(`reads ${JSON.stringify(argv)}`, () => {
      expect(readCommandLine(argv).invocation).to.deep.equal(expected);
    });
  });

  describe('options before the command', () => {
    it('reads --config, --store, --output and --no-color', () => {
      const { options, invocation } = readCommandLine(
        ['--config', 'c.yaml', '--store=/tmp/s', '--output', 'JSON', '--no-color', 'Get-CsPool']);
      expect(options).to.deep.equal({ config: 'c.yaml', store: '/tmp/s', output: 'json', color: false });
      expect(invocation).to.deep.equal({ mode: 'oneOff', text: 'Get-CsPool' });
    });
    const refused: Array<[string[], RegExp]> = [
      [['--output', 'xml'], /--output takes 'text' or 'json'/],
      [['--store'], /--store needs a value/],
      [['--frobnicate'], /Unknown option '--frobnicate'/],
      [['-c'], /needs the commands to run/],
    ];
    for (const [argv, message] of refused) it(`refuses ${argv.join(' ')}`, () => {
      const { invocation } = readCommandLine(argv);
      expect(invocation.mode).to.equal('usageError');
      expect((invocation as { message: string }).message).to.match(message);
    });
  });

  describe('re-joining a one-off command split by the Unix shell', () => {
    const cases: Array<[string[], string]> = [
      [['Set-CsCertificate', '-Type', 'Default,WebServicesInternal', '-Thumbprint', 'AB12'],
        'Set-CsCertificate -Type Default,WebServicesInternal -Thumbprint AB12'],
      [['Request-CsCertificate', '-FriendlyName', 'My cert'], "Request-CsCertificate -FriendlyName 'My cert'"],
      [['Write-Output', "it's"], "Write-Output 'it''s'"],
      [['Get-CsCertificate', '-Roll:$false'], 'Get-CsCertificate -Roll:$false'],
      [['Write-Output', '-Name:a b'], "Write-Output -Name:'a b'"],
      [['Get-ChildItem', 'Cert:\\LocalMachine\\My', '|', 'Measure-Object'], 'Get-ChildItem Cert:\\LocalMachine\\My | Measure-Object'],
      [['Where-Object', '{$_.NotAfter -lt (Get-Date)}'], 'Where-Object {$_.NotAfter -lt (Get-Date)}'],
      [['Write-Output', '$true', '(1+2)'], 'Write-Output $true (1+2)'],
      [['Write-Output', 'a;b'], "Write-Output 'a;b'"],
      [['Write-Output', ''], "Write-Output ''"],
    ];
    for (const [words, text] of cases) it(`${JSON.stringify(words)} → ${text}`, () => {
      expect(rejoinArguments(words)).to.equal(text);
    });
  });
});
