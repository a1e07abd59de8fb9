import { expect } from 'chai';
import { ShellError } from '../../../lib/core/errors.js';
import { Hashtable, PSObject } from '../../../lib/core/values.js';
import { binaryOperator, isNull, matchOperator, unaryOperator } from '../../../lib/engine/values/operators.js';
import { ScriptBlock } from '../../../lib/engine/cmdlet/script-block.js';
import { TimeSpan } from '../../../lib/engine/values/timespan.js';
import { resolveType } from '../../../lib/engine/values/types.js';
import { setScriptBlockInvoker } from '../../../lib/engine/values/members.js';

const op = binaryOperator;
const show = (v: unknown) => JSON.stringify(v);
const throwsShell = (fn: () => unknown, id: string, category: string) =>
  expect(fn).to.throw(ShellError).that.includes({ id, category });

type Case = [unknown, string, unknown, unknown];
const table = (cases: Case[]) => {
  for (const [left, o, right, result] of cases)
    it(`${show(left)} ${o} ${show(right)} is ${show(result)}`, () => expect(op(o, left, right)).to.deep.equal(result));
};

describe('operators: arithmetic (about_Arithmetic_Operators)', () => {
  describe('the left operand decides', () => table([
    [1, '+', 2, 3], ['1', '+', 1, '11'], [1, '+', '1', 2], [1, '+', '1.5', 2.5], ['a', '+', null, 'a'],
    ['a', '+', [1, 2], 'a1 2'], ['a', '+', true, 'aTrue'], [[1, 2], '+', 3, [1, 2, 3]], [[1], '+', [2, 3], [1, 2, 3]],
    [[1], '+', null, [1, null]], [null, '+', 1, 1], [null, '+', 'a', 'a'], [null, '+', null, null], [null, '+', [1], [1]],
    [true, '+', 1, 2], [6, '-', 2, 4], ['5', '-', 2, 3], [null, '-', 1, -1], ['ab', '*', 3, 'ababab'], ['ab', '*', 0, ''],
    [[1, 2], '*', 2, [1, 2, 1, 2]], [3, '*', '4', 12], ['3', '*', 4, '3333'], [7, '/', 2, 3.5], [6, '/', 2, 3],
    ['10', '/', '4', 2.5], [7, '%', 3, 1], [-7, '%', 3, -1], [5.5, '%', 2, 1.5], [-4, '%', 2, 0],
  ]));

  it('widens an [int] overflow ([int]::MaxValue + 1)', () => expect(op('+', 2147483647, 1)).to.equal(2147483648));
  it('refuses to divide by zero', () => {
    throwsShell(() => op('/', 1, 0), 'RuntimeException', 'NotSpecified');
    expect(() => op('/', 1, 0)).to.throw('Attempted to divide by zero.');
    throwsShell(() => op('%', 1, 0), 'RuntimeException', 'NotSpecified');
    throwsShell(() => op('/', 1, '0'), 'RuntimeException', 'NotSpecified');
  });
  it('refuses a string that is no number', () => throwsShell(() => op('+', 1, 'abc'), 'InvalidCastFromStringToInteger', 'InvalidArgument'));
  it('has no subtraction for arrays', () => {
    throwsShell(() => op('-', [1, 2], 1), 'MethodNotFound', 'InvalidOperation');
    expect(() => op('-', [1, 2], 1)).to.throw("Method invocation failed because [System.Object[]] does not contain a method named 'op_Subtraction'.");
  });
  it('has no arithmetic for objects', () => throwsShell(() => op('*', new PSObject(), 2), 'MethodNotFound', 'InvalidOperation'));

  describe('hashtables', () => {
    it('adds two into a new one', () => {
      const sum = op('+', Hashtable.from({ a: 1 }), Hashtable.from({ b: 2 })) as Hashtable;
      expect(sum.keys()).to.deep.equal(['a', 'b']);
      expect(sum.get('B')).to.equal(2);
    });
    it('keeps an ordered table ordered', () =>
      expect((op('+', Hashtable.from({ a: 1 }, true), Hashtable.from({ b: 2 })) as Hashtable).ordered).to.equal(true));
    it('refuses a key that both have', () => {
      throwsShell(() => op('+', Hashtable.from({ a: 1 }), Hashtable.from({ A: 2 })), 'DuplicateKeyInHashtableAddition', 'InvalidOperation');
      expect(() => op('+', Hashtable.from({ a: 1 }), Hashtable.from({ A: 2 })))
        .to.throw("Item has already been added. Key in dictionary: 'a'  Key being added: 'A'");
    });
    it('refuses anything but a hashtable', () =>
      throwsShell(() => op('+', Hashtable.from({ a: 1 }), 1), 'AddHashTableToNonHashTable', 'InvalidOperation'));
  });

  describe('dates and time spans', () => {
    const day = new TimeSpan(864_000_000_000);
    it('subtracts two dates into a TimeSpan', () =>
      expect((op('-', new Date(2030, 0, 3), new Date(2030, 0, 1)) as TimeSpan).Days).to.equal(2));
    it('adds a TimeSpan to a date', () =>
      expect((op('+', new Date(2030, 0, 1), day) as Date).getDate()).to.equal(2));
    it('subtracts a TimeSpan from a date', () =>
      expect((op('-', new Date(2030, 0, 2), day) as Date).getDate()).to.equal(1));
    it('adds a number of ticks to a date', () =>
      expect((op('+', new Date(2030, 0, 1, 0, 0, 0), 10_000_000) as Date).getSeconds()).to.equal(1));
    it('adds and subtracts TimeSpans', () => {
      expect((op('+', day, day) as TimeSpan).Days).to.equal(2);
      expect((op('-', day, day) as TimeSpan).Ticks).to.equal(0);
    });
  });
});

describe('operators: comparison (about_Comparison_Operators)', () => {
  describe('scalars', () => table([
    [2, '-eq', 2, true], [2, '-eq', 3, false], ['abc', '-eq', 'abc', true], ['abc', '-eq', ['abc', 'def'], false],
    ['abc', '-ne', 'def', true], ['abc', '-ne', 'abc', false], ['abc', '-ne', ['abc', 'def'], true],
    [1, '-eq', '1.0', true], ['1.0', '-eq', 1, false], ['a', '-eq', 'A', true], ['a', '-ieq', 'A', true],
    ['a', '-ceq', 'A', false], ['a', '-cne', 'A', true], [8, '-gt', 6, true], [8, '-ge', 8, true], [6, '-lt', 8, true],
    [8, '-le', 8, true], ['a', '-lt', 'z', true], ['macOS', '-ilt', 'MacOS', false], ['MacOS', '-ilt', 'macOS', false],
    ['macOS', '-clt', 'MacOS', true], [null, '-eq', null, true], [null, '-ne', [1, 2], true],
  ]));

  describe('a collection on the left filters it', () => table([
    [[1, 2, 3], '-eq', 2, [2]], [['abc', 'def'], '-eq', 'abc', ['abc']], [['abc', 'def'], '-ne', 'abc', ['def']],
    [['zzz', 'def', 'zzz'], '-eq', 'zzz', ['zzz', 'zzz']], [[1, 2], '-eq', 3, []], [[], '-eq', null, []],
    [[1, 2, null, 4, null, 6], '-ne', null, [1, 2, 4, 6]], [[5, 6, 7, 8, 9], '-gt', 7, [8, 9]],
    [[5, 6, 7, 8, 9], '-ge', 7, [7, 8, 9]], [[5, 6, 7, 8, 9], '-lt', 7, [5, 6]], [[5, 6, 7, 8, 9], '-le', 7, [5, 6, 7]],
    [['a', 'A'], '-ceq', 'a', ['a']], [[1, '1', 2], '-eq', '1', [1, '1']],
  ]));

  it('returns a date comparison', () => expect(op('-lt', new Date(2001, 10, 12), new Date(2020, 7, 1))).to.equal(true));
  it('fails to compare what cannot convert', () => throwsShell(() => op('-gt', 1, 'abc'), 'ComparisonFailure', 'InvalidArgument'));
});

describe('operators: -like and -notlike', () => table([
  ['PowerShell', '-like', '*shell', true], ['PowerShell', '-notlike', '*shell', false], ['PowerShell', '-like', 'Power?hell', true],
  ['PowerShell', '-like', 'Power[p-w]hell', true], ['PowerShell', '-clike', '*shell', false], ['PowerShell', '-clike', '*Shell', true],
  [['PowerShell', 'Server'], '-like', '*shell', ['PowerShell']], [['PowerShell', 'Server'], '-notlike', '*shell', ['Server']],
  [[1, 12, 2], '-like', '1*', ['1', '12']], [null, '-like', '', true], [null, '-like', '*', true], [42, '-like', '4?', true],
]));

describe('operators: -match and -notmatch', () => {
  describe('results', () => table([
    ['PowerShell', '-match', 'shell', true], ['PowerShell', '-like', 'shell', false], ['PowerShell', '-match', '^Power\\w+', true],
    ['bag', '-notmatch', 'b[iou]g', true], ['SHELL', '-cmatch', 'shell', false], ['SHELL', '-imatch', 'shell', true],
    [['PowerShell', 'Super PowerShell', "Power's hell"], '-match', '^Power\\w+', ['PowerShell']],
    [['Rhell', 'Chell', 'Mel', 'Smell', 'Shell'], '-match', 'hell', ['Rhell', 'Chell', 'Shell']],
    [['Bag', 'Beg', 'Big', 'Bog', 'Bug'], '-match', 'b[iou]g', ['Big', 'Bog', 'Bug']],
    [['Bag', 'Beg', 'Big', 'Bog', 'Bug'], '-notmatch', 'b[iou]g', ['Bag', 'Beg']],
    [[1, 22, 3], '-match', '\\d\\d', [22]], ['a\nb', '-match', 'a$', false], ['a\n', '-match', 'a$', true],
    ['abc', '-match', '\\Aabc\\z', true], ['ABC', '-match', '(?-i)abc', false], ['abc', '-cmatch', '(?i)ABC', true],
  ]));

  it('fills $Matches with named groups and the whole match', () => {
    const r = matchOperator('The last logged on user was CONTOSO\\jsmith', 'was (?<domain>.+)\\\\(?<user>.+)', false, false);
    expect(r.value).to.equal(true);
    expect([...r.matches!.entries()]).to.deep.equal([['domain', 'CONTOSO'], ['user', 'jsmith'], [0, 'was CONTOSO\\jsmith']]);
  });
  it('numbers unnamed groups before named ones, as .NET does', () => {
    const r = matchOperator('ab', '(?<x>a)(b)', false, false);
    expect(r.matches!.get(1)).to.equal('b');
    expect(r.matches!.get('x')).to.equal('a');
  });
  it('leaves out groups that did not take part', () =>
    expect(matchOperator('a', '(a)|(b)', false, false).matches!.has(2)).to.equal(false));
  it('gives no $Matches when nothing matched', () => expect(matchOperator('x', 'y', false, false)).to.deep.equal({ value: false }));
  it('gives $Matches when -notmatch is false', () => {
    const r = matchOperator('abc', 'b', false, true);
    expect(r.value).to.equal(false);
    expect(r.matches!.get(0)).to.equal('b');
  });
  it('gives no $Matches for a collection', () => expect(matchOperator(['a', 'b'], 'a', false, false).matches).to.equal(undefined));
  it('reports an invalid pattern', () => throwsShell(() => op('-match', 'a', '('), 'InvalidRegularExpression', 'InvalidOperation'));
});

describe('operators: -replace', () => {
  const SEARCH = '^(?<DomainName>[\\w-.]+)\\\\(?<Username>[\\w-.]+)$';
  describe('substitutions', () => table([
    ['book', '-ireplace', ['B', 'C'], 'Cook'], ['book', '-creplace', ['B', 'C'], 'book'], ['book', '-replace', 'o', 'bk'],
    ['Contoso.local\\John.Doe', '-replace', [SEARCH, '${Username}@${DomainName}'], 'John.Doe@Contoso.local'],
    ['Hello World', '-replace', ['(\\w+) \\w+', '$1 Universe'], 'Hello Universe'], ['5.72', '-replace', ['(.+)', '$ $1'], '$ 5.72'],
    ['5.72', '-replace', ['(.+)', '$$$1'], '$5.72'], ['5.72', '-replace', ['(.+)', '$$1'], '$1'], ['abc', '-replace', ['b', '[$&]'], 'a[b]c'],
    ['abc', '-replace', ['b', '[$0]'], 'a[b]c'], ['abc', '-replace', ['b', "[$`|$']"], 'a[a|c]c'], ['abc', '-replace', ['b', '$_'], 'aabcc'],
    ['abc', '-replace', ['(b)', '$12'], 'ab2c'], ['abc', '-replace', ['x*', '-'], '-a-b-c-'], ['a.txt', '-replace', ['\\.txt$', '.log'], 'a.log'],
    [['B1', 'B2', 'B3'], '-replace', ['B', 'a'], ['a1', 'a2', 'a3']], [1.2, '-replace', ',', '1.2'], [null, '-replace', ['a', 'b'], ''],
  ]));
  it('refuses three operands', () => throwsShell(() => op('-replace', 'a', ['a', 'b', 'c']), 'BadReplaceArgument', 'InvalidOperation'));
});

describe('operators: -split (about_Split)', () => {
  const PLANETS = 'Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,Neptune';
  describe('binary', () => table([
    ['Lastname:FirstName:Address', '-split', ':', ['Lastname', 'FirstName', 'Address']],
    ['Lastname:FirstName:Address', '-split', '(:)', ['Lastname', ':', 'FirstName', ':', 'Address']],
    [PLANETS, '-split', [',', 5], ['Mercury', 'Venus', 'Earth', 'Mars', 'Jupiter,Saturn,Uranus,Neptune']],
    [PLANETS, '-split', [',', -5], ['Mercury,Venus,Earth,Mars', 'Jupiter', 'Saturn', 'Uranus', 'Neptune']],
    ['a,b,c', '-split', [',', 0], ['a', 'b', 'c']], ['a,b,c', '-split', [',', 1], ['a,b,c']],
    ['A.B.C', '-split', ['.', 0, 'simplematch'], ['A', 'B', 'C']], ['aXbxc', '-split', 'x', ['a', 'b', 'c']],
    ['aXbxc', '-csplit', 'x', ['aXb', 'c']], ['aXbxc', '-split', ['x', 0, 'SimpleMatch'], ['a', 'b', 'c']],
    ['abc', '-split', '', ['', 'a', 'b', 'c', '']], [',a,', '-split', ',', ['', 'a', '']],
    [['a b', 'c d'], '-split', ' ', ['a', 'b', 'c', 'd']], [12345, '-split', '3', ['12', '45']],
    ['1The first line.\n2The second line.', '-split', ['^\\d', 0, 'multiline'], ['', 'The first line.\n', 'The second line.']],
  ]));
  describe('unary', () => {
    const cases: [unknown, string[]][] = [
      ['red yellow blue green', ['red', 'yellow', 'blue', 'green']], ['  a \t b\n c  ', ['a', 'b', 'c']],
      [['a b', 'c'], ['a', 'b', 'c']], ['', ['']],
    ];
    for (const [v, r] of cases) it(`-split ${show(v)} is ${show(r)}`, () => expect(unaryOperator('-split', v)).to.deep.equal(r));
  });
  it('refuses an unknown option', () => throwsShell(() => op('-split', 'a', ['a', 0, 'Fast']), 'InvalidSplitOption', 'InvalidArgument'));
});

describe('operators: -join (about_Join)', () => {
  describe('binary', () => table([
    [['a', 'b', 'c'], '-join', ', ', 'a, b, c'], [[1, 2, 3], '-join', '', '123'], ['abc', '-join', ',', 'abc'],
    [[1, [2, 3]], '-join', '+', '1+System.Object[]'], [[1, null, 2], '-join', '-', '1--2'], [[], '-join', ',', ''],
    [[true, 1.5], '-join', 0, 'True01.5'],
  ]));
  it('joins without separator when unary', () => expect(unaryOperator('-join', ['a', 'b', 'c'])).to.equal('abc'));
});

describe('operators: containment', () => table([
  [['abc', 'def'], '-contains', 'def', true], [['abc', 'def'], '-notcontains', 'def', false],
  [['Windows', 'PowerShell'], '-contains', 'Shell', false], [['abc', 'def', 'ghi'], '-contains', ['abc', 'def'], false],
  [['abc def', 'ghi'], '-contains', ['abc', 'def'], true], ['def', '-in', ['abc', 'def'], true],
  ['Shell', '-notin', ['Windows', 'PowerShell'], true], [['abc', 'def'], '-in', ['abc', 'def', 'ghi'], false],
  [['abc', 'def'], '-in', ['abc def', 'ghi'], true], [[1, 2], '-contains', '2', true], [['1', '2'], '-contains', 2, true],
  ['A', '-in', ['a'], true], ['A', '-cin', ['a'], false], [['a'], '-ccontains', 'A', false], ['abc', '-contains', 'abc', true],
  [null, '-contains', null, true], [1, '-in', null, false],
]));

describe('operators: types', () => {
  it('tests types with -is and -isnot', () => {
    expect(op('-is', 1, resolveType('int'))).to.equal(true);
    expect(op('-is', '1', resolveType('int'))).to.equal(false);
    expect(op('-isnot', '1', resolveType('int'))).to.equal(true);
    expect(op('-is', 'x', 'string')).to.equal(true);
    expect(op('-is', 'x', '[string]')).to.equal(true);
  });
  it('converts with -as, or gives $null', () => {
    expect(op('-as', '5', resolveType('int'))).to.equal(5);
    expect(op('-as', 'x', resolveType('int'))).to.equal(null);
    expect(op('-as', 2.5, 'int')).to.equal(2);
  });
  it('refuses a right operand that is no type', () =>
    throwsShell(() => op('-is', 1, 5), 'IsOperatorRequiresType', 'InvalidOperation'));
});

describe('operators: -f', () => {
  it('formats one argument', () => expect(op('-f', '{0}!', 'hi')).to.equal('hi!'));
  it('formats an array of arguments', () => expect(op('-f', '{1} {0}', ['a', 'b'])).to.equal('b a'));
  it('formats $null as empty', () => expect(op('-f', '[{0}]', null)).to.equal('[]'));
});

describe('operators: logical and bitwise', () => {
  describe('values', () => table([
    [true, '-xor', false, true], [true, '-xor', true, false], [1, '-xor', 'a', false], [0, '-and', true, false],
    ['', '-or', 'x', true], [10, '-band', 3, 2], [10, '-bor', 3, 11], [10, '-bxor', 3, 9], [1, '-shl', 31, -2147483648],
    [1, '-shl', 32, 1], [-8, '-shr', 1, -4], [102, '-shr', 2, 25], [2147483648, '-bor', 1, 2147483649],
    [4294967296, '-shl', 1, 8589934592], ['12', '-band', 4, 4], [2.5, '-bor', 0, 2],
  ]));
  it('negates bitwise', () => {
    expect(unaryOperator('-bnot', 0)).to.equal(-1);
    expect(unaryOperator('-bnot', 2147483648)).to.equal(-2147483649);
  });
});

describe('operators: ranges', () => {
  it('refuses a letter with a number', () => throwsShell(() => op('..', 'a', 5), 'InvalidCastFromStringToInteger', 'InvalidArgument'));
  table([
  [1, '..', 5, [1, 2, 3, 4, 5]], [5, '..', 1, [5, 4, 3, 2, 1]], [-1, '..', 1, [-1, 0, 1]], [3, '..', 3, [3]],
  ['1', '..', '3', [1, 2, 3]], ['0', '..', '10', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]], [1.5, '..', 3, [2, 3]],
  ['a', '..', 'e', ['a', 'b', 'c', 'd', 'e']], ['c', '..', 'a', ['c', 'b', 'a']], ['一', '..', '七', ['一', '丁', '丂', '七']],
  ]);
});

describe('operators: unary', () => {
  const cases: [string, unknown, unknown][] = [
    ['-not', true, false], ['-not', '', true], ['!', 0, true], ['!', [], true], ['-', 5, -5], ['-', '5', -5],
    ['+', '5', 5], [',', 1, [1]], [',', [1], [[1]]],
  ];
  for (const [o, v, r] of cases) it(`${o} ${show(v)} is ${show(r)}`, () => expect(unaryOperator(o, v)).to.deep.equal(r));
});

describe('operators: the rest', () => {
  it('answers ?? for callers that have both values', () => {
    expect(op('??', null, 1)).to.equal(1);
    expect(op('??', 0, 1)).to.equal(0);
  });
  it('knows what $null is', () => {
    expect(isNull(null)).to.equal(true);
    expect(isNull(undefined)).to.equal(true);
    expect(isNull('')).to.equal(false);
  });
  it('refuses an operator it does not know', () => throwsShell(() => op('-frob', 1, 2), 'OperatorNotSupported', 'NotImplemented'));
});

describe('operators: script block operands (PowerShell 6+)', () => {
  // A stand-in runtime: the block's text names a JS function of $_.
  const fns: Record<string, (x: unknown) => unknown[]> = {
    upper: m => [String((m as { Value: string }).Value).toUpperCase()],
    isComma: c => [c === ','],
  };
  const block = (text: string) => new ScriptBlock({ text } as never);
  before(() => setScriptBlockInvoker((b, item) => fns[b.ast.text](item)));
  it('runs a replacement block per match, $_ being the Match', () =>
    expect(op('-replace', 'abc', ['[ac]', block('upper')])).to.equal('AbC'));
  it('runs a delimiter block per character', () =>
    expect(op('-split', 'a,b,c', block('isComma'))).to.deep.equal(['a', 'b', 'c']));
  it('stops splitting at the maximum count', () =>
    expect(op('-split', 'a,b,c', [block('isComma'), 2])).to.deep.equal(['a', 'b,c']));
});
