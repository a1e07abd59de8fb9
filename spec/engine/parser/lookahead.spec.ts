import { expect } from 'chai';
import type { CommandAst, FunctionDefinitionAst, HashtableAst, IfAst, PipelineAst } from '../../../lib/engine/parser/ast.js';
import { EMPTY } from '../../../lib/engine/parser/lists.js';
import type { Span } from '../../../lib/core/span.js';
import { errorsOf, expression, parse, sexp, shape, statement, statements } from './helpers.js';

// The cursor reads ahead as little as it can (lib/engine/parser/state.ts): line ends and `;` after
// blanks are stepped over on the characters, a token read in one mode is kept for another where it
// reads the same, and lists share one empty array. These cases pin the trees that result, where a
// fast path and the token path meet (a comment or a line continuation before the line end).
describe('parser: reading ahead', () => {
  describe('line ends', () => {
    const same: [string, string][] = [
      ['$a = 1\n$b = 2', '$a = 1 # note\n$b = 2'],
      ['$a = 1\n$b = 2', '$a = 1 <# note #>\n$b = 2'],
      ['$a = 1\n$b = 2', '$a = 1\r\n\r\n$b = 2'],
      ['$a = 1\n$b = 2', '$a = 1 ; ;\n ; $b = 2'],
      ['$a = 1 + 2', '$a = 1 + `\n  2'],
      ['@{ a = 1; b = 2 }', '@{\n  a = 1 # one\n\n  ; b = 2\n}'],
      ['if ($a) { 1 } else { 2 }', 'if ($a) { 1 }\n# comment\n\nelse { 2 }'],
      ['f 1 | g', 'f 1 # then\n| g'],
    ];
    for (const [plain, other] of same) it(`reads ${JSON.stringify(other)} as ${JSON.stringify(plain)}`, () => {
      expect(shape(statements(other))).to.deep.equal(shape(statements(plain)));
    });

    it('ends the statements of a script after its last line end, a comment before it or not', () => {
      const offsets = (span: Span) => [span.start, span.end];
      for (const text of ['$a\n\n', '$a # c\n\n']) expect(offsets(parse(text).end!.span)).to.deep.equal([0, text.length]);
      expect(offsets((statement('if ($a) {\n  $b\n}') as IfAst).clauses[0].body.span)).to.deep.equal([8, 16]);
    });
    it('keeps the statement after an if that has no else', () => {
      const [first, second] = statements('if ($a) { 1 }\n\n$b');
      expect(first.kind).to.equal('If');
      expect(sexp(second)).to.equal('$b');
      expect(second.span.start).to.equal(15);
    });
    it('finds param() after attributes and blank lines in a function body', () => {
      const f = statement('function f {\n\n  [CmdletBinding()]\n\n  param($x)\n  $x\n}') as FunctionDefinitionAst;
      expect(f.body.param?.parameters.map(p => p.name)).to.deep.equal(['x']);
      expect(f.body.end?.statements.map(sexp)).to.deep.equal(['$x']);
    });
    it('still reports what follows a statement on its line', () => {
      expect(errorsOf('$a = 1 $b').map(e => e.id)).to.deep.equal(['UnexpectedToken']);
      expect(errorsOf('$a = 1 <# c #> 2').map(e => e.id)).to.deep.equal(['UnexpectedToken']);
    });
  });

  describe('a token kept for another mode', () => {
    const table: [string, string][] = [
      ['@{ a = 2048 }', '@{a=2048}'],                 // read at a statement's start, wanted by an expression
      ['$list.Add(\n  45)', '$list.Add(45)'],          // after newlines in a call
      ['[int]$x', '[int]$x'],                          // `[` at a statement's start, then a cast
      ['$x[-1]', '$x[-1]'],
      ['1..3', '(.. 1 3)'],
      ['.5 + 1', '(+ .5 1)'],
    ];
    for (const [text, tree] of table) it(`reads ${JSON.stringify(text)}`, () => expect(sexp(expression(text))).to.equal(tree));
    it('reads a number argument as a number and a number in a word as text', () => {
      const c = statement('Write-Output 45 45x') as PipelineAst;
      expect((c.elements[0] as CommandAst).elements.map(e => e.kind)).to.deep.equal(['StringConstant', 'Constant', 'StringConstant']);
    });
  });

  describe('lists', () => {
    it('share one frozen empty list, which the runtime never changes', () => {
      const pipeline = statement('Get-Item x') as PipelineAst;
      const hashtable = expression('@{}') as HashtableAst;
      expect((pipeline.elements[0] as CommandAst).redirections).to.equal(EMPTY);
      expect(hashtable.entries).to.equal(EMPTY);
      expect(Object.isFrozen(EMPTY)).to.equal(true);
      expect(() => (EMPTY as unknown[]).push(1)).to.throw(TypeError);
    });
    it('keep every item in order, however they were gathered', () => {
      expect(sexp(expression('1, 2, 3, 4'))).to.equal('(, 1 2 3 4)');
      const command = (statement('f a b c d | g') as PipelineAst).elements[0] as CommandAst;
      expect(command.elements.map(sexp)).to.deep.equal(['f', 'a', 'b', 'c', 'd']);
      expect((statement('f | g | h') as PipelineAst).elements).to.have.length(3);
    });
  });
});
