import { expect } from 'chai';
import { isIncompleteInput } from '../../../lib/engine/parser/index.js';
import { errorsOf } from './helpers.js';

describe('parser: errors', () => {
  describe('with PowerShell error ids', () => {
    const table: [string, string][] = [
      ['if ($a) {', 'MissingEndCurlyBrace'],
      ['function f {', 'MissingEndCurlyBrace'],
      ['$x = 1 +', 'ExpectedValueExpression'],
      ['$x = 1 + )', 'ExpectedValueExpression'],
      ['$x =', 'ExpectedValueExpression'],
      ['-not', 'MissingExpressionAfterOperator'],
      ['"abc', 'TerminatorExpectedAtEndOfString'],
      ["'abc", 'TerminatorExpectedAtEndOfString'],
      ["@'\nabc", 'TerminatorExpectedAtEndOfString'],
      ["@' x\nabc\n'@", 'UnexpectedCharactersAfterHereStringHeader'],
      ['(1 + 2', 'MissingEndParenthesisInExpression'],
      ['$(1', 'MissingEndParenthesisInSubexpression'],
      ['if ($a) 5', 'MissingStatementBlock'],
      ['if ($a) { } else 5', 'MissingStatementBlockAfterElse'],
      ['if $a { }', 'MissingOpenParenthesisInIfStatement'],
      ['if () { }', 'IfStatementMissingCondition'],
      ['cmd a,', 'MissingArgument'],
      ['$x.M(1,', 'MissingExpressionAfterToken'],
      ['cmd >', 'MissingFileSpecification'],
      ['cmd 1>&2', 'RedirectionNotSupported'],
      ['cmd < in.txt', 'RedirectionNotSupported'],
      ['"$x: y"', 'InvalidVariableReferenceWithDrive'],
      ['$a[0', 'MissingEndSquareBracket'],
      ['[int', 'EndSquareBracketExpectedAtEndOfType'],
      ["'a' 'b'", 'UnexpectedToken'],
      ['1 2', 'UnexpectedToken'],
      ['a | ', 'EmptyPipeElement'],
      ['a | 1', 'ExpressionsMustBeFirstInPipeline'],
      ['1 = 2', 'InvalidLeftHandSide'],
      ['foreach $x in $y { }', 'MissingOpenParenthesisAfterKeyword'],
      ['foreach ($x $y) { }', 'MissingInInForeach'],
      ['foreach ($x in $y) 1', 'MissingForeachStatement'],
      ['while ($x) 1', 'MissingLoopStatement'],
      ['do { } 1', 'MissingWhileOrUntilInDoWhile'],
      ['try { }', 'MissingCatchOrFinally'],
      ['function { }', 'MissingNameAfterKeyword'],
      ['function f', 'MissingFunctionBody'],
      ['function f($a) { param($b) }', 'OnlyOneParameterListAllowed'],
      ['function f($a $b) { }', 'MissingEndParenthesisInFunctionParameterList'],
      ['switch -Foo ($x) { }', 'InvalidSwitchFlag'],
      ['switch ($x) { default { } default { } }', 'MultipleSwitchDefaultClauses'],
      ['@{ a }', 'MissingEqualsInHashLiteral'],
      ['@{ a = }', 'MissingStatementInHashLiteral'],
      ['$x.', 'MissingPropertyName'],
      ['@x + 1', 'SplattingNotPermitted'],
      ['{ begin { } 5 }', 'MissingNamedBlocks'],
      ['"`u{110000}"', 'InvalidUnicodeEscapeSequenceValue'],
      ['$x + 5abc', 'BadNumericConstant'],
      ['$using:x.ToString()', 'InvalidUsingExpression'], ['$using:a[$i]', 'InvalidUsingExpression'],
      ['cmd $using:x.Trim()', 'InvalidUsingExpression'], ['$using:x = 1', 'InvalidLeftHandSide'],
      ['1usgb', 'BadNumericConstant'], ['256uy', 'BadNumericConstant'], ['0x1FFFFs', 'BadNumericConstant'],
      ['}', 'UnexpectedToken'],
      ['<# open', 'MissingEndMultiLineComment'],
      ['${abc', 'IncompleteDollarVariableReference'],
    ];
    for (const [text, id] of table) it(`reports ${id} for ${JSON.stringify(text)}`, () => {
      const errors = errorsOf(text);
      expect(errors.map(e => e.id)).to.include(id);
      for (const e of errors) expect(e.category).to.equal('ParserError');
    });
  });

  describe('unsupported features', () => {
    const table: [string, string][] = [
      ['class Foo { }', 'class'], ['enum Color { Red }', 'enum'], ['using namespace System', 'using'],
      ['configuration C { }', 'configuration'], ['workflow W { }', 'workflow'], ['parallel { }', 'parallel'],
      ['sequence { }', 'sequence'], ['inlinescript { }', 'inlinescript'], ['data { }', 'data'],
      ['function f { dynamicparam { } }', 'dynamicparam'], ['cmd --% a b', '--%'], ['Get-Item &', 'Background'],
      ['1d', 'Decimal'], ['foreach -parallel ($x in $y) { }', 'parallel'],
      ['100u', "suffix 'u'"], ['100uL', "suffix 'uL'"], ['100us', "suffix 'us'"], ['100uy', "suffix 'uy'"],
      ['100y', "suffix 'y'"], ['0xFFFFs', "suffix 's'"], ['1n', "suffix 'n'"],
    ];
    for (const [text, named] of table) it(`refuses ${JSON.stringify(text)} naming ${named}`, () => {
      const errors = errorsOf(text);
      const refusal = errors.find(e => e.id === 'NotSupported');
      expect(refusal, errors.map(e => e.id).join()).to.not.equal(undefined);
      expect(refusal!.message).to.contain(named).and.contain('not supported by cscert');
    });
  });

  describe('positions', () => {
    it('points MissingEndCurlyBrace at the unclosed brace', () => {
      const [e] = errorsOf('Write-Output 1\nif ($a) {\n  2\n');
      expect(e.id).to.equal('MissingEndCurlyBrace');
      expect(e.span).to.include({ line: 2, column: 9 });
    });
    it('points UnexpectedToken at the token', () => {
      const [e] = errorsOf("$a = 1\n'a' 'b'");
      expect(e.span).to.include({ line: 2, column: 5, start: 11, end: 14 });
      expect(e.message).to.equal("Unexpected token ''b'' in expression or statement.");
    });
    it('reads 2.GetType() as the command 2.GetType with an empty () argument: one ExpectedExpression', () => {
      const errors = errorsOf('2.GetType().Name');
      expect(errors.map(e => e.id)).to.deep.equal(['ExpectedExpression']);
      expect(errors[0].span).to.include({ start: 10, end: 11 });
    });
    it('names the operator missing its operand', () => {
      const [e] = errorsOf('1 -eq');
      expect(e.message).to.equal("You must provide a value expression following the '-eq' operator.");
    });
    it('reports every error in the script, not just the first', () => {
      const errors = errorsOf("1 +;\n'x' 'y'\nclass A { }");
      expect(errors.map(e => e.id)).to.deep.equal(['ExpectedValueExpression', 'UnexpectedToken', 'NotSupported']);
    });
  });

  describe('isIncompleteInput', () => {
    const incomplete = ['if ($a) {', 'function f {\n  1', '(1 +', "@'\nabc", '"abc', "'abc", 'Get-Item |', 'Get-Item `',
      '$x = @{', '$x = @(1,', '$a.Where{', 'foreach ($a in $b)', 'a &&', 'do { }', 'try { }\n', '<# ...', '$x = ', 'cmd `\n'];
    for (const text of incomplete) it(`says ${JSON.stringify(text)} wants more`, () => expect(isIncompleteInput(text)).to.equal(true));
    const complete = ['Get-Item', 'if ($a) { }', "'a' 'b'", '1 +)', '}', "@' x", 'cmd a`b', ''];
    for (const text of complete) it(`says ${JSON.stringify(text)} does not`, () => expect(isIncompleteInput(text)).to.equal(false));
  });
});
