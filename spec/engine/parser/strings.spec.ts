import { expect } from 'chai';
import { expression, sexp } from './helpers.js';

describe('parser: strings and literals (about_Quoting_Rules, about_Numeric_Literals)', () => {
  describe('strings', () => {
    const table: [string, string][] = [
      ["'plain $x'", "'plain $x'"],
      ["'it''s'", "'it's'"],
      ['"say ""hi"""', `'say "hi"'`],
      ['"a $x b"', '"a {$x} b"'],
      ['"$x.Name"', '"{$x}.Name"'],
      ['"$x[0]"', '"{$x}[0]"'],
      ['"$($x.Name)!"', '"{$($x.Name)}!"'],
      ['"${a b}c"', '"{$a b}c"'],
      ['"$env:PATH;"', '"{$env:PATH};"'],
      ['"$script:x"', '"{$script:x}"'],
      ['"cost: 5$"', "'cost: 5$'"],
      ['"$$ $? $^ $_"', '"{$$} {$?} {$^} {$_}"'],
      ['"`$x"', "'$x'"],
      ['"tab`there"', "'tab\there'"],
      ['"`0`a`b`e`f`n`r`t`v"', `'\0\x07\b\x1b\f\n\r\t\v'`],
      ['"`u{1F600}"', "'\u{1F600}'"],
      ['"`q"', "'q'"],
      ['"$("a)")"', `"{$('a)')}"`],
      ["@'\nline $x\n  two\n'@", "'line $x\n  two'"],
      ["@'\n'@", "''"],
      ['@"\n$x `t\n"@', '"{$x} \t"'],
      ["@'  \r\nwindows\r\n'@", "'windows'"],
      ['\u201csmart $x\u201d', '"smart {$x}"'],
      ["\u2018smart\u2019", "'smart'"],
    ];
    for (const [text, tree] of table) it(`reads ${JSON.stringify(text)}`, () => expect(sexp(expression(text))).to.equal(tree));

    it('keeps a double-quoted string without holes as a constant with its quote', () => {
      expect(expression('"x"')).to.include({ kind: 'StringConstant', quote: 'double', value: 'x' });
    });
    it('gives the text between the quotes of an expandable string', () => {
      expect(expression('"a $b"')).to.include({ kind: 'ExpandableString', text: 'a $b' });
    });
    it('places a $( ) hole where it stands in the source', () => {
      const e = expression('"ab $(1 + 2)"');
      const hole = e.kind === 'ExpandableString' ? e.parts[1] : undefined;
      expect(typeof hole === 'object' && hole.span.start).to.equal(4);
      expect(typeof hole === 'object' && hole.span.end).to.equal(12);
    });
  });

  describe('numbers', () => {
    const table: [string, number, string][] = [
      ['42', 42, 'int'], ['0x1F', 31, 'int'], ['0xFFFFFFFF', -1, 'int'], ['0x100000000', 4294967296, 'long'],
      ['1kb', 1024, 'int'], ['1MB', 1048576, 'int'], ['5gb', 5368709120, 'long'], ['1.5kb', 1536, 'double'],
      ['1tb', 1024 ** 4, 'long'], ['1pb', 1024 ** 5, 'long'], ['1.5e3', 1500, 'double'], ['1e3', 1000, 'double'],
      ['10L', 10, 'long'], ['.5', 0.5, 'double'], ['3.14', 3.14, 'double'], ['2147483648', 2147483648, 'long'],
      ['0b101', 5, 'int'], ['2.', 2, 'double'], ['2.e2', 200, 'double'],
    ];
    for (const [text, value, type] of table) it(`reads ${text} as ${type} ${value}`, () => {
      expect(expression(text)).to.include({ kind: 'Constant', value, numberType: type, text });
    });

    it('reads member access after a real number but not after an integer and its dot', () => {
      expect(sexp(expression('1.234.GetType()'))).to.equal('1.234.GetType()');
      expect(sexp(expression('(2).GetType()'))).to.equal('(paren 2).GetType()');
      expect(sexp(expression('1..3'))).to.equal('(.. 1 3)');
    });
  });

  describe('variables', () => {
    const table: [string, string, string | null][] = [
      ['$x', 'x', null], ['$script:x', 'x', 'script'], ['$global:x', 'x', 'global'], ['$env:PATH', 'PATH', 'env'],
      ['${a b}', 'a b', null], ['${env:ProgramFiles(x86)}', 'ProgramFiles(x86)', 'env'], ['$_', '_', null],
      ['$?', '?', null], ['$^', '^', null], ['$$', '$', null], ['$true', 'true', null], ['$null', 'null', null],
      ['$PSItem', 'PSItem', null],
    ];
    for (const [text, name, scope] of table) it(`reads ${text}`, () => {
      expect(expression(text)).to.include({ kind: 'Variable', name, scope, splatted: false });
    });
  });

  describe('collections', () => {
    const table: [string, string][] = [
      ['@()', '@()'],
      ['@(1, 2)', '@((, 1 2))'],
      ['@(\n1\n2\n)', '@(1; 2)'],
      ['@{ a = 1; b = 2 }', '@{a=1; b=2}'],
      ["@{\n  a = 1\n  'b c' = 2\n  (1 + 1) = 3\n  5 = Get-Date\n}", "@{a=1; 'b c'=2; (paren (+ 1 1))=3; 5=(pipeline 1)}"],
      ['@{}', '@{}'],
      ['[ordered]@{ z = 1 }', '[ordered]@{z=1}'],
      ['1, 2, 3', '(, 1 2 3)'],
      ['1,\n2', '(, 1 2)'],
      ['{ param($a) $a }', '{ param($a) $a }'],
    ];
    for (const [text, tree] of table) it(`reads ${JSON.stringify(text)}`, () => expect(sexp(expression(text))).to.equal(tree));
  });

  describe('types', () => {
    const table: [string, string, number, string[]][] = [
      ['[string[]]$x', 'string', 1, []],
      ['[int[]]$x', 'int', 1, []],
      ['[System.Collections.Generic.List[string]]$x', 'System.Collections.Generic.List', 0, ['string']],
      ['[System.Collections.Generic.Dictionary[string, int]]$x', 'System.Collections.Generic.Dictionary', 0, ['string', 'int']],
      ['[System.Collections.Generic.List[string][]]$x', 'System.Collections.Generic.List', 1, ['string']],
    ];
    for (const [text, name, arrayRank, generics] of table) it(`reads ${text}`, () => {
      const e = expression(text);
      expect(e.kind).to.equal('Convert');
      if (e.kind !== 'Convert') return;
      expect(e.type).to.include({ name, arrayRank });
      expect(e.type.generics.map(g => g.name)).to.deep.equal(generics);
      expect(e.type.text).to.equal(text.slice(1, text.lastIndexOf(']')));
    });
    it('reads a type alone as a type literal', () => {
      expect(expression('[datetime]')).to.include({ kind: 'TypeLiteral' });
    });
  });
});
