import { expect } from 'chai';
import type { FunctionDefinitionAst, IfAst, ParameterAst, SwitchAst, TryAst } from '../../../lib/engine/parser/ast.js';
import { located } from '../../../lib/core/span.js';
import { isIncompleteInput } from '../../../lib/engine/parser/index.js';
import { errorsOf, expression, parse, sexp, statement, statements } from './helpers.js';

describe('parser: statements', () => {
  describe('separators', () => {
    it('splits statements on ; and newlines, skipping empty ones', () => {
      expect(statements('a; b\n\nc;;\r\nd')).to.have.length(4);
    });
    it('joins lines ended by a backtick', () => {
      expect(statements('Get-Item `\n  -Path x')).to.have.length(1);
    });
    it('skips # and <# #> comments anywhere', () => {
      const s = statements('<# help\n .SYNOPSIS\n #>\n1 <# inline #> + 2 # trailing\n# alone');
      expect(s.map(sexp)).to.deep.equal(['(+ 1 2)']);
    });
  });

  describe('a line starting with | (PowerShell 7.4)', () => {
    it('continues the pipeline above, across blank and comment lines', () => {
      const s = statements('1..5 # all\n| Where-Object { $_ -gt 2 }\n\n  # odd\n| Where-Object { $_ % 2 }\n"next"');
      expect(s.map(sexp)).to.deep.equal(['(pipeline 3)', "'next'"]);
    });
    it('does not continue with ||', () => {
      expect(errorsOf('"x"\n|| "y"').map(e => e.id)).to.deep.equal(['UnexpectedToken']);
    });
    it('leaves a line ending the pipeline complete for the interactive shell', () => {
      expect(isIncompleteInput('1..5\n')).to.equal(false);
      expect(isIncompleteInput('1..5\n|')).to.equal(true);
    });
  });

  describe('assignments', () => {
    const table: [string, string][] = [
      ['$a = 1', '(= $a 1)'],
      ['$a, $b = 1, 2', '(= (, $a $b) (, 1 2))'],
      ["[int]$x = '5'", "(= [int]$x '5')"],
      ['$h.k += 1', '(+= $h.k 1)'],
      ['$a[0] = 1', '(= $a[0] 1)'],
      ['$a ??= 1', '(??= $a 1)'],
      ['$x = $y = 2', '(= $x (= $y 2))'],
      ['$x =\n  5', '(= $x 5)'],
      ['$x = Get-Date | Select-Object -First 1', '(= $x (pipeline 2))'],
      ['$x -= 1; $x *= 2; $x /= 2; $x %= 2', '(-= $x 1)'],
    ];
    for (const [text, tree] of table) it(`reads ${JSON.stringify(text)}`, () => expect(sexp(statement(text))).to.equal(tree));
    it('takes a statement as the value', () => {
      const s = statement('$x = if ($y) { 1 } else { 2 }');
      expect(s.kind === 'Assignment' && s.value.kind).to.equal('If');
    });
  });

  describe('if', () => {
    it('reads if / elseif / else, with else on its own line', () => {
      const s = statement('if ($a) { 1 } elseif ($b) { 2 }\nelse {\n 3\n}') as IfAst;
      expect(s.kind).to.equal('If');
      expect(s.clauses.map(c => sexp(c.condition))).to.deep.equal(['$a', '$b']);
      expect(s.else?.statements.map(sexp)).to.deep.equal(['3']);
    });
    it('keeps a following statement separate', () => {
      expect(statements('if ($a) { 1 }\nWrite-Output x')).to.have.length(2);
    });
  });

  describe('switch', () => {
    it('reads flags, clauses of every kind and default', () => {
      const s = statement("switch -Regex -CaseSensitive ($x) {\n 'a' { 1 }\n abc { 2 }\n 5 { 3 }\n { $_ -gt 5 } { 4 }\n default { 5 }\n}") as SwitchAst;
      expect(s.flags).to.deep.equal({ regex: true, wildcard: false, exact: false, caseSensitive: true, file: false });
      expect(s.clauses.map(c => sexp(c.pattern))).to.deep.equal(["'a'", 'abc', '5', '{ $_ -gt 5 }']);
      expect(s.default?.statements.map(sexp)).to.deep.equal(['5']);
    });
    it('reads -Wildcard, -Exact and -File', () => {
      const s = statement('switch -Wildcard -Exact -File $path { a* { 1 } }') as SwitchAst;
      expect(s.flags).to.include({ wildcard: true, exact: true, file: true });
      expect(sexp(s.condition)).to.equal('$path');
    });
    it('switches over an array', () => {
      const s = statement('switch (1, 2, 3) { 1 { "one" } }') as SwitchAst;
      expect(sexp(s.condition)).to.equal('(, 1 2 3)');
    });
  });

  describe('loops', () => {
    it('reads foreach ($x in $y)', () => {
      const s = statement('foreach ($c in Get-CsCertificate | Where-Object { $_ }) { $c }');
      expect(s.kind).to.equal('Foreach');
      if (s.kind !== 'Foreach') return;
      expect(s.variable.name).to.equal('c');
      expect(s.iterable.elements).to.have.length(2);
    });
    it('reads for with all parts, and for (;;)', () => {
      const s = statement('for ($i = 0; $i -lt 10; $i++) { }');
      expect(s.kind === 'For' && [sexp(s.init), sexp(s.condition), sexp(s.iterator)])
        .to.deep.equal(['(= $i 0)', '(-lt $i 10)', '(post++ $i)']);
      const empty = statement('for (;;) { break }');
      expect(empty.kind === 'For' && [empty.init, empty.condition, empty.iterator]).to.deep.equal([undefined, undefined, undefined]);
    });
    const kinds: [string, string][] = [
      ['while ($true) { break }', 'While'], ['do { $i++ } while ($i -lt 3)', 'DoWhile'],
      ['do { $i++ }\nuntil ($i -ge 3)', 'DoUntil'],
    ];
    for (const [text, kind] of kinds) it(`reads ${JSON.stringify(text)} as ${kind}`, () => expect(statement(text).kind).to.equal(kind));
    it('reads labels and break/continue with a label', () => {
      const s = statement(':outer foreach ($a in $b) { foreach ($c in $d) { break outer; continue } }');
      expect(s.kind === 'Foreach' && s.label).to.equal('outer');
      const inner = s.kind === 'Foreach' && s.body.statements[0];
      const body = inner && inner.kind === 'Foreach' ? inner.body.statements : [];
      expect(body.map(x => x.kind)).to.deep.equal(['Break', 'Continue']);
      expect(body[0].kind === 'Break' && sexp(body[0].label)).to.equal('outer');
    });
  });

  describe('flow control', () => {
    const table: [string, string, string][] = [
      ['return', 'Return', '-'], ['return $x', 'Return', '$x'], ['exit 3', 'Exit', '3'], ['throw "x"', 'Throw', "'x'"],
      ['throw', 'Throw', '-'],
    ];
    for (const [text, kind, value] of table) it(`reads ${text}`, () => {
      const s = statement(text);
      expect(s.kind).to.equal(kind);
      expect(sexp((s as { value?: never }).value)).to.equal(value);
    });
    it('reads try / catch with types / catch / finally', () => {
      const s = statement('try { 1 }\ncatch [System.IO.IOException], [System.Net.WebException] { 2 }\ncatch { 3 }\nfinally { 4 }') as TryAst;
      expect(s.catches.map(c => c.types.map(t => t.name))).to.deep.equal([['System.IO.IOException', 'System.Net.WebException'], []]);
      expect(s.finally?.statements.map(sexp)).to.deep.equal(['4']);
    });
    it('reads trap into a Trap node', () => {
      expect(statement('trap [Exception] { continue }')).to.include({ kind: 'Trap' });
    });
  });

  describe('functions', () => {
    it('reads function f($a, $b = 2) {}', () => {
      const f = statement('function f($a, $b = 2) { $a + $b }') as FunctionDefinitionAst;
      expect(f.parameters?.map(p => [p.name, sexp(p.defaultValue)])).to.deep.equal([['a', '-'], ['b', '2']]);
      expect(f.body.text).to.equal(' $a + $b ');
    });
    it('reads filter, scoped names and names with dashes', () => {
      expect(statement('filter Get-Even { $_ }')).to.include({ kind: 'FunctionDefinition', name: 'Get-Even', isFilter: true });
      expect(statement('function global:f {}')).to.include({ name: 'global:f', isFilter: false });
    });
    it('reads [CmdletBinding()], param() with attributes, and named blocks', () => {
      const f = statement(`function Request-Pool {
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline = $true)]
        [ValidateSet('a', 'b')]
        [string[]] $Name = 'a',
        [Alias('x')][switch]$Force
    )
    begin { $n = 0 }
    process { $n++ }
    end { $n }
}`) as FunctionDefinitionAst;
      const body = f.body;
      expect(body.param?.attributes.map(a => a.typeName.name)).to.deep.equal(['CmdletBinding']);
      expect(body.param?.attributes[0].named.map(n => n.name)).to.deep.equal(['SupportsShouldProcess']);
      const [name, force] = body.param!.parameters as ParameterAst[];
      expect(name.name).to.equal('Name');
      expect(name.attributes.map(a => a.kind === 'Attribute' ? a.typeName.name : `[${a.typeName.text}]`))
        .to.deep.equal(['Parameter', 'ValidateSet', '[string[]]']);
      const parameter = name.attributes[0];
      expect(parameter.kind === 'Attribute' && parameter.named.map(n => [n.name, sexp(n.value)]))
        .to.deep.equal([['Mandatory', '-'], ['Position', '0'], ['ValueFromPipeline', '$true']]);
      const validate = name.attributes[1];
      expect(validate.kind === 'Attribute' && validate.positional.map(sexp)).to.deep.equal(["'a'", "'b'"]);
      expect(sexp(name.defaultValue)).to.equal("'a'");
      expect(force.name).to.equal('Force');
      expect([body.begin, body.process, body.end].map(b => b?.statements.length)).to.deep.equal([1, 1, 1]);
    });
    it('reads a script file with param() first', () => {
      const ast = parse('# comment\nparam([string]$Path)\nGet-Item $Path');
      expect(ast.param?.parameters.map(p => p.name)).to.deep.equal(['Path']);
      expect(ast.end?.statements).to.have.length(1);
    });
    it('does not take a cast at the top of a script for attributes', () => {
      const ast = parse('[int]$x = 5\n$x');
      expect(ast.attributes).to.deep.equal([]);
      expect(ast.end?.statements.map(sexp)).to.deep.equal(['(= [int]$x 5)', '$x']);
    });
  });

  describe('spans', () => {
    it('gives every node the span of its text', () => {
      const text = 'Get-Item -Path x\nif ($a -eq 1) {\n  $b = "v"\n}';
      const [cmd, ifs] = statements(text);
      expect(text.slice(cmd.span.start, cmd.span.end)).to.equal('Get-Item -Path x');
      expect(text.slice(ifs.span.start, ifs.span.end)).to.equal('if ($a -eq 1) {\n  $b = "v"\n}');
      expect(located(ifs.span)).to.include({ line: 2, column: 1 });
      const body = (ifs as IfAst).clauses[0].body.statements[0];
      expect(located(body.span)).to.include({ line: 3, column: 3 });
      expect(text.slice(body.span.start, body.span.end)).to.equal('$b = "v"');
      const cond = (ifs as IfAst).clauses[0].condition;
      expect(text.slice(cond.span.start, cond.span.end)).to.equal('$a -eq 1');
    });
    it('makes a node its own span: a parse keeps no separate span object per node', () => {
      const e = expression('$a -eq 1');
      expect(e.span).to.equal(e);
      expect(e.kind === 'Binary' && [e.span.start, e.span.end, e.left.span.start, e.left.span.end]).to.deep.equal([0, 8, 0, 2]);
    });
    it('keeps the text between the braces of a script block', () => {
      const s = statement('$sb = {\n  param($x)\n  $x * 2\n}');
      const v = s.kind === 'Assignment' && s.value.kind === 'Pipeline' && s.value.elements[0];
      const e = v && v.kind === 'CommandExpression' ? v.expression : undefined;
      expect(e?.kind === 'ScriptBlockExpression' && e.block.text).to.equal('\n  param($x)\n  $x * 2\n');
    });
    it('finds the line and column of a node deep in a long script when asked', () => {
      const text = 'Get-Item x\r\n'.repeat(3000) + '  $last';
      const last = statements(text)[3000];
      expect(located(last.span)).to.include({ line: 3001, column: 3, start: 12 * 3000 + 2 });
    });
    it('keeps the whole file as the text of the script', () => {
      expect(parse('1\n2').text).to.equal('1\n2');
    });
  });
});
