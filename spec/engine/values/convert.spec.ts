import { expect } from 'chai';
import { ShellError } from '../../../lib/core/errors.js';
import { Hashtable, PSObject, SecureString, SwitchParameter } from '../../../lib/core/values.js';
import {
  asList, isEnumerable, numberType, toBool, toDate, toDouble, toInt, toNumber, toStr, unwrapSingle,
} from '../../../lib/engine/values/convert.js';

const throwsShell = (fn: () => unknown, id: string, category = 'InvalidArgument') =>
  expect(fn).to.throw(ShellError).that.includes({ id, category });

describe('convert: toStr', () => {
  describe('numbers, as PowerShell prints doubles (G15, invariant culture)', () => {
    const cases: [number, string][] = [
      [0.1 + 0.2, '0.3'], [1 / 3, '0.333333333333333'], [2 / 3, '0.666666666666667'], [1e20, '1E+20'],
      [1.5e-7, '1.5E-07'], [0.0001, '0.0001'], [0.00001, '1E-05'], [-2.5, '-2.5'], [42, '42'],
      [2147483648, '2147483648'], [9007199254740993, '9007199254740992'], [1e15, '1000000000000000'],
      [123456789.123, '123456789.123'], [1.7976931348623157e308, '1.79769313486232E+308'],
      [Math.PI, '3.14159265358979'], [NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity'],
      [11111.11 - 11110.01, '1.10000000000036'],
    ];
    for (const [n, text] of cases) it(`shows ${n} as ${text}`, () => expect(toStr(n)).to.equal(text));
  });

  describe('other values', () => {
    const cases: [string, unknown, string][] = [
      ['$null', null, ''], ['$true', true, 'True'], ['$false', false, 'False'], ['a string', 'x y', 'x y'],
      ['an array, joined by $OFS', [1, 'a', true], '1 a True'], ['an empty array', [], ''],
      ['a nested array', [1, [2, 3]], '1 System.Object[]'], ['an array with $null', [1, null, 2], '1  2'],
      ['a hashtable', Hashtable.from({ a: 1 }), 'System.Collections.Hashtable'],
      ['an ordered hashtable', Hashtable.from({ a: 1 }, true), 'System.Collections.Specialized.OrderedDictionary'],
      ['a PSCustomObject', new PSObject({ a: 1, b: 'x', c: [1, 2], d: null }), '@{a=1; b=x; c=System.Object[]; d=}'],
      ['a SecureString', new SecureString('secret'), 'System.Security.SecureString'],
      ['a present switch', new SwitchParameter(true), 'True'],
      ['a date, invariant', new Date(2030, 0, 2, 3, 4, 5), '01/02/2030 03:04:05'],
      ['an object with toString', { toString: () => 'custom' }, 'custom'],
      ['a plain object', {}, 'System.Object'],
    ];
    for (const [what, v, text] of cases) it(`shows ${what} as '${text}'`, () => expect(toStr(v)).to.equal(text));

    it('uses a PSObject\'s own ToString method', () => {
      const o = new PSObject({ a: 1 }, ['Cs.Thing']);
      o.defineMethod('ToString', () => 'thing');
      expect(toStr(o)).to.equal('thing');
    });
  });
});

describe('convert: toBool (about_Booleans)', () => {
  const cases: [string, unknown, boolean][] = [
    ['$null', null, false], ['an empty string', '', false], ["'False'", 'False', true], ["'0'", '0', true],
    ['0', 0, false], ['0.0', 0.0, false], ['1', 1, true], ['-1', -1, true], ['an empty array', [], false],
    ['@(0)', [0], false], ['@($null)', [null], false], ["@('')", [''], false], ['@(1)', [1], true],
    ['@(0, 0)', [0, 0], true], ['@(@())', [[]], false], ['@(,@(0))', [[0]], true],
    ['an empty hashtable', new Hashtable(), true], ['a PSCustomObject', new PSObject(), true],
    ['an absent switch', new SwitchParameter(false), false], ['a present switch', new SwitchParameter(true), true],
    ['a date', new Date(), true],
  ];
  for (const [what, v, b] of cases) it(`treats ${what} as ${b}`, () => expect(toBool(v)).to.equal(b));
});

describe('convert: toNumber', () => {
  const cases: [unknown, number][] = [
    ['0x1F', 31], [' 12 ', 12], ['1e3', 1000], ['1kb', 1024], ['1.5mb', 1.5 * 1024 * 1024], ['', 0], ['  ', 0],
    [null, 0], [true, 1], [false, 0], ['-7', -7], ['+7', 7], ['.5', 0.5], ['10L', 10], ['0xFFFFFFFF', -1],
    ['0b101', 5], ['3.25', 3.25], [[5], 5], [new SwitchParameter(true), 1],
  ];
  for (const [v, n] of cases) it(`reads ${JSON.stringify(v)} as ${n}`, () => expect(toNumber(v)).to.equal(n));

  it('refuses a string that is no number, with PowerShell\'s message', () => {
    throwsShell(() => toNumber('abc'), 'InvalidCastFromStringToInteger');
    expect(() => toNumber('abc')).to.throw(
      'Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."');
  });
  it('refuses NaN and Infinity spelled out, as [int] does', () => throwsShell(() => toNumber('Infinity'), 'InvalidCastFromStringToInteger'));
  it('refuses a hashtable', () => throwsShell(() => toNumber(new Hashtable()), 'ConvertToFinalInvalidCastException'));
  it('refuses an array of two', () => throwsShell(() => toNumber([1, 2]), 'ConvertToFinalInvalidCastException'));
});

describe('convert: toDouble', () => {
  it('accepts NaN and Infinity', () => {
    expect(toDouble('Infinity')).to.equal(Infinity);
    expect(toDouble('-Infinity')).to.equal(-Infinity);
    expect(toDouble('NaN')).to.be.NaN;
  });
  it('reads numbers like toNumber', () => expect(toDouble(' 2.5e1 ')).to.equal(25));
  it('names System.Double when it fails', () => {
    throwsShell(() => toDouble('x'), 'InvalidCastFromStringToDoubleOrSingle');
    expect(() => toDouble('x')).to.throw('"System.Double"');
  });
});

describe('convert: toInt (banker\'s rounding)', () => {
  const cases: [unknown, number][] = [
    [2.5, 2], [3.5, 4], [-2.5, -2], [-3.5, -4], [2.4999, 2], [2.5001, 3], ['2.5', 2], ['7', 7], [true, 1],
    [null, 0], ['0x10', 16], [2147483647, 2147483647], [-2147483648, -2147483648],
  ];
  for (const [v, n] of cases) it(`converts ${JSON.stringify(v)} to ${n}`, () => expect(toInt(v)).to.equal(n));

  it('refuses [int] beyond Int32', () => {
    throwsShell(() => toInt(2147483648), 'InvalidCastIConvertible');
    expect(() => toInt(3e9)).to.throw('Value was either too large or too small for an Int32.');
  });
  it('refuses a string beyond Int32 with the string id', () => throwsShell(() => toInt('3000000000'), 'InvalidCastFromStringToInteger'));
  it('accepts [long] values', () => expect(toInt(3e9, 64)).to.equal(3e9));
  it('refuses [long] beyond Int64', () => throwsShell(() => toInt(1e19, 64), 'InvalidCastIConvertible'));
  it('refuses NaN', () => throwsShell(() => toInt(NaN), 'InvalidCastIConvertible'));
});

describe('convert: numberType', () => {
  const cases: [number, string][] = [
    [1, 'int'], [-2147483648, 'int'], [2147483647, 'int'], [2147483648, 'long'], [-2147483649, 'long'],
    [1e18, 'long'], [1e19, 'double'], [1.5, 'double'], [NaN, 'double'], [Infinity, 'double'],
  ];
  for (const [n, t] of cases) it(`types ${n} as [${t}]`, () => expect(numberType(n)).to.equal(t));
});

describe('convert: toDate', () => {
  it('reads ISO dates as local midnight', () => expect(toStr(toDate('2030-01-01'))).to.equal('01/01/2030 00:00:00'));
  it('reads US month/day/year', () => expect(toStr(toDate('1/2/2030'))).to.equal('01/02/2030 00:00:00'));
  it('reads a UTC time as the same instant', () =>
    expect(toDate('2030-01-01T10:00:00Z').getTime()).to.equal(Date.UTC(2030, 0, 1, 10)));
  it('reads month names', () => expect(toStr(toDate('January 2, 2030'))).to.equal('01/02/2030 00:00:00'));
  it('keeps a Date', () => { const d = new Date(); expect(toDate(d)).to.equal(d); });
  it('refuses text that is no date', () => {
    throwsShell(() => toDate('not a date'), 'InvalidCastParseTargetInvocation');
    expect(() => toDate('xyz')).to.throw('Cannot convert value "xyz" to type "System.DateTime".');
  });
  it('refuses a hashtable', () => throwsShell(() => toDate(new Hashtable()), 'ConvertToFinalInvalidCastException'));
});

describe('convert: enumeration', () => {
  const cases: [string, unknown, unknown[]][] = [
    ['$null', null, []], ['an array', [1, 2], [1, 2]], ['a string', 'ab', ['ab']], ['a number', 3, [3]],
    ['a hashtable', Hashtable.from({ a: 1 }), [Hashtable.from({ a: 1 })]], ['a Set', new Set([1, 2]), [1, 2]],
  ];
  for (const [what, v, list] of cases) it(`enumerates ${what}`, () => expect(asList(v)).to.deep.equal(list));

  it('does not unroll hashtables, strings or objects', () => {
    for (const v of [new Hashtable(), 'abc', new PSObject(), new Date(), 5, null]) expect(isEnumerable(v)).to.equal(false);
    expect(isEnumerable([])).to.equal(true);
  });
  it('keeps arrays as they are, without copying', () => { const a = [1]; expect(asList(a)).to.equal(a); });
  it('collapses no output to $null and one to the object', () => {
    expect(unwrapSingle([])).to.equal(null);
    expect(unwrapSingle(['x'])).to.equal('x');
    expect(unwrapSingle([1, 2])).to.deep.equal([1, 2]);
  });
});
