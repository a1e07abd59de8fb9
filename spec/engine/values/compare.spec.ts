import { expect } from 'chai';
import { ShellError } from '../../../lib/core/errors.js';
import { Hashtable, PSObject, SwitchParameter } from '../../../lib/core/values.js';
import { compareValues, equalValues } from '../../../lib/engine/values/compare.js';
import { TimeSpan } from '../../../lib/engine/values/timespan.js';

describe('compare: equalValues', () => {
  describe('the left operand decides the conversion (about_Comparison_Operators)', () => {
    const cases: [unknown, unknown, boolean][] = [
      [1, '1', true], ['1', 1, true], [1, '1.0', true], ['1.0', 1, false], [2, 2, true], [2, 3, false],
      [1, '1.4', true], [1, '1.6', false], [1.5, '1.5', true], [5, '5000000000', false], [5e9, '5000000000', true],
      ['abc', 'abc', true], ['abc', 'ABC', true], ['a', 'A', true], [1, 'abc', false], [0, '', true],
      [null, 0, false], [0, null, false], ['', null, false], [null, '', false], [null, null, true],
      [true, 'true', true], ['true', true, true], [true, 'false', true], [false, '', true], [true, 2, true],
      [false, 0, true], ['True', true, true], [1.5, '1.5', true], ['0x10', 16, false], [16, '0x10', true],
      ['abc', ['abc', 'def'], false], ['abc def', ['abc', 'def'], true],
      [new SwitchParameter(true), true, true],
      [new Date(2030, 0, 1), '2030-01-01', true], [new Date(2030, 0, 1), 'junk', false],
    ];
    for (const [a, b, eq] of cases)
      it(`${JSON.stringify(a)} -eq ${JSON.stringify(b)} is ${eq}`, () => expect(equalValues(a, b)).to.equal(eq));
  });

  it('compares case-sensitively when asked (-ceq)', () => {
    expect(equalValues('a', 'A', true)).to.equal(false);
    expect(equalValues('a', 'a', true)).to.equal(true);
  });
  it('ignores case beyond ASCII', () => expect(equalValues('ÉCOLE', 'école')).to.equal(true));
  it('does not ignore accents', () => expect(equalValues('ecole', 'école')).to.equal(false));
  it('compares objects by reference', () => {
    const o = new PSObject({ a: 1 });
    expect(equalValues(o, o)).to.equal(true);
    expect(equalValues(o, new PSObject({ a: 1 }))).to.equal(false);
    expect(equalValues(new Hashtable(), new Hashtable())).to.equal(false);
  });
  it('compares TimeSpans by value', () => expect(equalValues(new TimeSpan(10), new TimeSpan(10))).to.equal(true));
});

describe('compare: compareValues', () => {
  const sign = (n: number) => Math.sign(n);
  describe('scalars of one kind', () => {
    const cases: [unknown, unknown, number][] = [
      [8, 6, 1], [8, 8, 0], [6, 8, -1], ['a', 'z', -1], ['macOS', 'MacOS', 0], ['a', 'B', -1], ['B', 'a', 1],
      [2, '10', -1], ['2', 10, 1], [1, '1.4', 0], [1.2, '1.4', -1], [true, false, 1], [false, true, -1], [1.5, 1, 1],
      [new Date(2001, 10, 12), new Date(2020, 7, 1), -1], [new Date(2001, 10, 12), '2020-08-01', -1],
    ];
    for (const [a, b, c] of cases)
      it(`orders ${JSON.stringify(a)} against ${JSON.stringify(b)} as ${c}`, () => expect(sign(compareValues(a, b))).to.equal(c));
  });

  it("sorts lower case first when case-sensitive ('macOS' -clt 'MacOS')", () =>
    expect(compareValues('macOS', 'MacOS', true)).to.equal(-1));
  it('sorts no keyboard symbol after a letter', () => {
    for (const s of [' ', '`', '~', '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+', '-', '=', '{', '}',
      '[', ']', ':', ';', '"', "'", '\\', '|', '/', '?', '.', '>', ',', '<'])
      expect(compareValues(s, 'a'), s).to.be.below(0);
  });

  describe('$null', () => {
    it('sorts before strings and positive numbers', () => {
      expect(compareValues(null, 'a')).to.be.below(0);
      expect(compareValues(null, 0)).to.be.below(0);
      expect(compareValues('a', null)).to.be.above(0);
    });
    it('sorts after negative numbers', () => {
      expect(compareValues(null, -1)).to.be.above(0);
      expect(compareValues(-1, null)).to.be.below(0);
    });
    it('equals $null', () => expect(compareValues(null, null)).to.equal(0));
  });

  it('orders TimeSpans', () => expect(compareValues(new TimeSpan(1), new TimeSpan(2))).to.equal(-1));
  it('fails with ComparisonFailure when the right side cannot convert', () =>
    expect(() => compareValues(1, 'abc')).to.throw(ShellError).that.includes({ id: 'ComparisonFailure', category: 'InvalidArgument' }));
  it('names the left operand\'s type when the right cannot convert', () =>
    expect(() => compareValues(1, 'abc')).to.throw('Could not compare "1" to "abc". Error: "Cannot convert value "abc" to type "System.Int32".'));
  it('finds an object equal to itself', () => { const o = new PSObject(); expect(compareValues(o, o)).to.equal(0); });
  it('fails with NotIcomparable for objects', () =>
    expect(() => compareValues(new PSObject(), 1)).to.throw(ShellError).that.includes({ id: 'NotIcomparable', category: 'InvalidArgument' }));
});
