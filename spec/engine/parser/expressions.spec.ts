import { expect } from 'chai';
import type { MemberAst } from '../../../lib/engine/parser/ast.js';
import { command, expression, sexp } from './helpers.js';

describe('parser: expressions', () => {
  describe('operator precedence (about_Operator_Precedence, as PowerShell implements it)', () => {
    const table: [string, string][] = [
      ['2 + 2', '(+ 2 2)'],
      ['1 + 2 * 3', '(+ 1 (* 2 3))'],
      ['1 - 2 - 3', '(- (- 1 2) 3)'],
      ['$x -eq 5', '(-eq $x 5)'],
      ['-not $x', '(-not $x)'],
      ['-not $a -eq $b', '(-eq (-not $a) $b)'],
      ['!$x', '(! $x)'],
      ['$a -and $b -or $c', '(-or (-and $a $b) $c)'],
      ['$a -eq 1 -and $b -eq 2', '(-and (-eq $a 1) (-eq $b 2))'],
      ['$a -band 1 -eq 1', '(-band $a (-eq 1 1))'],
      ['1 + 2 -eq 3', '(-eq (+ 1 2) 3)'],
      ['1..10', '(.. 1 10)'],
      ['1 + 1..3', '(+ 1 (.. 1 3))'],
      ['"{0}" -f 1 + 2', "(+ (-f '{0}' 1) 2)"],
      ['1, 2 -join "+"', "(-join (, 1 2) '+')"],
      ['1, 2 + 3', '(+ (, 1 2) 3)'],
      ['$a ?? $b + 1', '(?? $a (+ $b 1))'],
      ['$a -eq $b ?? $c', '(-eq $a (?? $b $c))'],
      ['$x ? 1 : 2', '(? $x 1 2)'],
      ['$a -gt 1 ? "y" : "n"', "(? (-gt $a 1) 'y' 'n')"],
      ['1 -shl 2 + 1', '(-shl 1 (+ 2 1))'],
      ['-split $x', '(-split $x)'],
      ['$a -split ","', "(-split $a ',')"],
      ['-join $a', '(-join $a)'],
      ['$a -join ","', "(-join $a ',')"],
      ['$x -is [int]', '(-is $x [int])'],
      ['$x -as [string[]]', '(-as $x [string[]])'],
      ['$a -replace "a", "b"', "(-replace $a (, 'a' 'b'))"],
      ['$a -ceq "A"', "(-ceq $a 'A')"],
      ['$a -ieq "A"', "(-ieq $a 'A')"],
      ['$a -CNotLike "x*"', "(-cnotlike $a 'x*')"],
      ['-5', '-5'],
      ['- 5', '(- 5)'],
      ['-$x', '(- $x)'],
      ["+ '123'", "(+ '123')"],
      ["- 'a'", "(- 'a')"],
      ['2 -1', '(- 2 1)'],
      [',$x', '(, $x)'],
      ['++$i', '(++ $i)'],
      ['$i++', '(post++ $i)'],
      ['$i--', '(post-- $i)'],
      ['--$i', '(-- $i)'],
      ['-bnot 5', '(-bnot 5)'],
      ['[int]"5" + 1', "(+ [int]'5' 1)"],
      ['[int]-1', '[int]-1'],
      ['$a -notin 1, 2', '(-notin $a (, 1 2))'],
    ];
    for (const [text, tree] of table) it(`reads ${text} as ${tree}`, () => expect(sexp(expression(text))).to.equal(tree));
  });

  describe('casts', () => {
    const table: [string, string][] = [
      ["[int][char]'A'", "[int][char]'A'"],
      ['[int] [char] 65', '[int][char]65'],
      ['[int][Math]::Round(2.5)', '[int][Math]::Round(2.5)'],
      ['[char][int]$_.Value', '[char][int]$_.Value'],
      ['[string[]][int]1', '[string[]][int]1'],
    ];
    for (const [text, tree] of table) it(`chains ${text} as ${tree}`, () => expect(sexp(expression(text))).to.equal(tree));
  });

  describe('postfix operators', () => {
    const table: [string, string][] = [
      ['$x.Name', '$x.Name'],
      ['$x.Name.Length', '$x.Name.Length'],
      ['$x.$prop', '$x.$prop'],
      ["$x.'odd name'", "$x.'odd name'"],
      ['$x?.Name', '$x?.Name'],
      ['[math]::PI', '[math]::PI'],
      ['[math]::Round(2.5)', '[math]::Round(2.5)'],
      ['$x.Method(1, 2)', '$x.Method(1 2)'],
      ['$x.Method()', '$x.Method()'],
      ['$x.Method((1, 2), 3)', '$x.Method((paren (, 1 2)) 3)'],
      ['$a[0]', '$a[0]'],
      ['$a[-1]', '$a[-1]'],
      ['$a[1..3]', '$a[(.. 1 3)]'],
      ["$h['k']", "$h['k']"],
      ['$a[0][1]', '$a[0][1]'],
      ['$a[0, 2]', '$a[(, 0 2)]'],
      ['$x?[0]', '$x?[0]'],
      ['(Get-Date).AddDays(45)', '(paren (pipeline 1)).AddDays(45)'],
      ['[System.Collections.Generic.List[string]]::new()', '[System.Collections.Generic.List[string]]::new()'],
      ['$x.Items[0].Name', '$x.Items[0].Name'],
      ['(0..9).Where{ $_ % 2 }', '(paren (.. 0 9)).Where({ $_ % 2 })'],
      ['$a.ForEach{ $_ }.Count', '$a.ForEach({ $_ }).Count'],
    ];
    for (const [text, tree] of table) it(`reads ${text}`, () => expect(sexp(expression(text))).to.equal(tree));

    it('reads a number after the dot as the member, a numeric key: $hash.1', () => {
      const e = expression('$hash.1');
      expect(e).to.include({ kind: 'Member' });
      expect((e as MemberAst).member).to.include({ kind: 'Constant', value: 1, numberType: 'int' });
    });

    it("reads $using: as a variable in scope 'using', with property and constant index access", () => {
      expect(expression('$using:x')).to.include({ kind: 'Variable', name: 'x', scope: 'using' });
      expect(sexp(expression('$using:h.Name[0]'))).to.equal('$using:h.Name[0]');
      expect(sexp(command('ForEach-Object -Parallel { $using:x }').elements[2])).to.equal('{ $using:x }');
    });

    it('does not call a method when a space comes before the parenthesis or brace', () => {
      expect(() => expression('$x.Method (1)')).to.throw();
      expect(() => expression('$x.Where {1}')).to.throw();
    });
  });
});
