import { expect } from 'chai';
import type { CommandParameterAst } from '../../../lib/engine/parser/ast.js';
import { command, sexp, statement } from './helpers.js';

const args = (text: string) => command(text).elements.map(e => e.kind === 'CommandParameter'
  ? `-${e.name}${e.argument ? ':' + sexp(e.argument) : ''}${e.endOfParameters ? '--' : ''}` : sexp(e));

describe('parser: commands in argument mode (about_Parsing)', () => {
  const table: [string, string[]][] = [
    ['Get-Item -Path a.txt 2 + 2', ['Get-Item', '-Path', 'a.txt', '2', '+', '2']],
    ['Write-Output -5', ['Write-Output', '-5']],
    ['Write-Output 2+2', ['Write-Output', '2+2']],
    ['Write-Output 1kb', ['Write-Output', '1kb']],
    ['Import-CsCertificate site.pem', ['Import-CsCertificate', 'site.pem']],
    ['cmd -Name:$false', ['cmd', '-Name:$false']],
    ['cmd -Type:a,b', ['cmd', '-Type:(, a b)']],
    ['cmd -- -x', ['cmd', '---', '-x']],
    ['cmd 10.0.0.1', ['cmd', '10.0.0.1']],
    ["cmd $dir'file.html'", ['cmd', '"{$dir}file.html"']],
    ['cmd $dir\\report.html', ['cmd', '"{$dir}\\report.html"']],
    ['cmd "$a"b', ['cmd', '"{$a}b"']],
    ['cmd a$b', ['cmd', '"a{$b}"']],
    ["cmd a'b c'", ['cmd', 'ab c']],
    ["cmd -Report $dir'name.html'", ['cmd', '-Report', '"{$dir}name.html"']],
    ['cmd $x.Name', ['cmd', '$x.Name']],
    ['cmd $x .Name', ['cmd', '$x', '.Name']],
    ['cmd $a[0]', ['cmd', '$a[0]']],
    ['cmd $a [0]', ['cmd', '$a', '[0]']],
    ['cmd $x.Method(1)', ['cmd', '$x.Method(1)']],
    ['+x a', ['+x', 'a']],
    ['cmd $s.Length-more', ['cmd', '$s.Length', '-more']],
    ['cmd $s.Trim()x', ['cmd', '$s.Trim()', 'x']],
    ['cmd a$b.Length', ['cmd', '"a{$b}.Length"']],
    ['cmd $b\\x.txt', ['cmd', '"{$b}\\x.txt"']],
    ['cmd a,b, c', ['cmd', '(, a b c)']],
    ['cmd ,1', ['cmd', '(, 1)']],
    ['cmd @splat -Force', ['cmd', '@splat', '-Force']],
    ['cmd @{ a = 1 }', ['cmd', '@{a=1}']],
    ['cmd @(1, 2)', ['cmd', '@((, 1 2))']],
    ['cmd (1 + 2)', ['cmd', '(paren (+ 1 2))']],
    ['cmd $(1)', ['cmd', '$(1)']],
    ['cmd { $_ }', ['cmd', '{ $_ }']],
    ['cmd a` b', ['cmd', 'a b']],
    ['cmd x`ty', ['cmd', 'x\ty']],
    ['cmd "a b" \'c d\'', ['cmd', "'a b'", "'c d'"]],
    ['cmd [abc]', ['cmd', '[abc]']],
    ['cmd *.txt ./x ../y ~/z', ['cmd', '*.txt', './x', '../y', '~/z']],
    ['cmd a=b', ['cmd', 'a=b']],
    ['cmd user@host', ['cmd', 'user@host']],
    ['cmd $env:PATH', ['cmd', '$env:PATH']],
    ['foreach-object { $_ }', ['foreach-object', '{ $_ }']],
  ];
  for (const [text, elements] of table) it(`reads ${text}`, () => expect(args(text)).to.deep.equal(elements));

  describe('invocation operators', () => {
    it('calls a script block with & and passes arguments', () => {
      const c = command('& $sb 1 2');
      expect(c.invocation).to.equal('&');
      expect(c.elements.map(sexp)).to.deep.equal(['$sb', '1', '2']);
    });
    it("calls a quoted name with & ('name' args)", () => {
      const c = command("& 'my cmd' args");
      expect(c.invocation).to.equal('&');
      expect(c.elements.map(sexp)).to.deep.equal(["'my cmd'", 'args']);
    });
    it('dot-sources a file with . ./lib.ps1', () => {
      const c = command('. ./lib.ps1');
      expect(c.invocation).to.equal('.');
      expect(c.elements.map(sexp)).to.deep.equal(['./lib.ps1']);
    });
    it('runs .\\script.ps1 as a command name', () => {
      const c = command('.\\script.ps1 -x');
      expect(c.invocation).to.equal(null);
      expect(sexp(c.elements[0])).to.equal('.\\script.ps1');
    });
  });

  describe('parameters', () => {
    it('keeps the name as written, without the dash', () => {
      const p = command('cmd -ErrorAction Stop').elements[1] as CommandParameterAst;
      expect(p).to.include({ kind: 'CommandParameter', name: 'ErrorAction' });
      expect(p.argument).to.equal(undefined);
    });
    it('marks `--` as the end of parameters', () => {
      const p = command('cmd --').elements[1] as CommandParameterAst;
      expect(p).to.include({ name: '', endOfParameters: true });
    });
    it('reads a typographic dash as a dash', () => {
      expect(args('cmd \u2013Name x')).to.deep.equal(['cmd', '-Name', 'x']);
    });
  });

  describe('pipelines', () => {
    it('splits on | and allows a newline after it', () => {
      const s = statement('Get-A -x 1 |\n  Get-B |\n\n Get-C');
      expect(s.kind === 'Pipeline' && s.elements.map(e => e.kind)).to.deep.equal(['Command', 'Command', 'Command']);
    });
    it('starts with an expression then continues with commands', () => {
      const s = statement('1..3 | ForEach-Object { $_ }');
      expect(s.kind === 'Pipeline' && s.elements.map(e => e.kind)).to.deep.equal(['CommandExpression', 'Command']);
    });
    it('treats foreach and % after a pipe as command names', () => {
      const s = statement('$x | foreach { $_ } | % { $_ }');
      expect(s.kind === 'Pipeline' && s.elements.length).to.equal(3);
    });
    it('chains pipelines with && and ||, left first', () => {
      const s = statement('a && b || c');
      expect(s.kind).to.equal('PipelineChain');
      if (s.kind !== 'PipelineChain') return;
      expect(s.operator).to.equal('||');
      expect(s.left.kind === 'PipelineChain' && s.left.operator).to.equal('&&');
    });
  });

  describe('redirections', () => {
    const table: [string, object][] = [
      ['cmd > file', { kind: 'FileRedirection', stream: 'Output', append: false }],
      ['cmd >> file', { kind: 'FileRedirection', stream: 'Output', append: true }],
      ['cmd 2> $null', { kind: 'FileRedirection', stream: 'Error', append: false }],
      ['cmd *> all.txt', { kind: 'FileRedirection', stream: 'All', append: false }],
      ['cmd 2>&1', { kind: 'MergingRedirection', from: 'Error', to: 'Output' }],
      ['cmd 3>&1', { kind: 'MergingRedirection', from: 'Warning', to: 'Output' }],
      ['cmd *>&1', { kind: 'MergingRedirection', from: 'All', to: 'Output' }],
    ];
    for (const [text, redirection] of table) it(`reads ${text}`, () => {
      expect(command(text).redirections[0]).to.include(redirection);
      expect(command(text).elements).to.have.length(1);
    });
    it('redirects an expression too', () => {
      const s = statement('$x > out.txt');
      expect(s.kind === 'Pipeline' && s.elements[0].redirections).to.have.length(1);
    });
    it('takes the file name as an argument', () => {
      const r = command('cmd 2> $dir\\err.txt').redirections[0];
      expect(r.kind === 'FileRedirection' && sexp(r.target)).to.equal('"{$dir}\\err.txt"');
    });
  });
});
