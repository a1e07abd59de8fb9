// toJson and fromJson against ConvertTo-Json / ConvertFrom-Json in PowerShell 7.
import { expect } from 'chai';
import { Hashtable, PSObject, SecureString } from '../../lib/core/values.js';
import { ShellError } from '../../lib/core/errors.js';
import { fromJson, toJson, toJsonWithInfo } from '../../lib/format/index.js';
import { dateKind } from '../../lib/engine/values/datetime.js';
import { resolveType } from '../../lib/engine/values/types.js';

const indented = { depth: 2, compress: false };
const compressed = { depth: 2, compress: true };

describe('toJson', () => {
  it('writes an object indented by two spaces, keeping property order', () => {
    const o = new PSObject({ Name: 'web', Port: 443, Use: ['Default', 'Internal'], Empty: [], None: null });
    expect(toJson(o, indented)).to.equal([
      '{',
      '  "Name": "web",',
      '  "Port": 443,',
      '  "Use": [',
      '    "Default",',
      '    "Internal"',
      '  ],',
      '  "Empty": [],',
      '  "None": null',
      '}'].join('\n'));
  });

  it('writes compressed JSON without any spaces', () => {
    expect(toJson(Hashtable.from({ a: 1, b: [true, 'x'], c: {} }), compressed)).to.equal('{"a":1,"b":[true,"x"],"c":{}}');
  });

  it('writes numbers as .NET does: shortest digits, E exponents, NaN as a string', () => {
    expect(toJson([1, 0.1, 1e21, NaN], compressed)).to.equal('[1,0.1,1E+21,"NaN"]');
  });

  it('writes an enum as its number, as Json.NET does', () => {
    expect(toJson(Hashtable.from({ Day: resolveType('DayOfWeek').convert('Thursday') }), compressed)).to.equal('{"Day":4}');
  });

  it('writes a date as ISO 8601 with its offset, the fraction only when there is one', () => {
    const d = new Date(2030, 0, 1, 0, 0, 0);
    const offset = toJson(d, compressed).slice(-7, -1);
    expect(offset).to.match(/^[+-]\d\d:\d\d$/);
    expect(toJson(d, compressed)).to.equal(`"2030-01-01T00:00:00${offset}"`);
    expect(toJson(new Date(2030, 0, 1, 0, 0, 0, 250), compressed)).to.equal(`"2030-01-01T00:00:00.25${offset}"`);
  });

  it('cuts nesting deeper than the depth to the string form and says so', () => {
    const deep = Hashtable.from({ a: Hashtable.from({ b: Hashtable.from({ c: Hashtable.from({ d: 1 }) }) }) });
    expect(toJsonWithInfo(deep, compressed)).to.deep.equal({
      text: '{"a":{"b":{"c":"System.Collections.Hashtable"}}}', truncated: true });
    expect(toJsonWithInfo(deep, { depth: 3, compress: true }).truncated).to.equal(false);
  });

  it('never writes the secret of a SecureString', () => {
    expect(toJson(new SecureString('p@ss'), compressed)).to.equal('{"Length":4}');
  });

  it('escapes quotes, backslashes and control characters', () => {
    expect(toJson('a"b\\c\nd\u0001', compressed)).to.equal('"a\\"b\\\\c\\nd\\u0001"');
  });
});

describe('fromJson', () => {
  it('reads objects as PSCustomObjects in document order', () => {
    const o = fromJson('{"b": 1, "2": "x", "a": {"n": [1, 2.5, null, true]}}') as PSObject;
    expect(o).to.be.instanceOf(PSObject);
    expect(o.names()).to.deep.equal(['b', '2', 'a']);
    expect((o.get('a') as PSObject).get('N')).to.deep.equal([1, 2.5, null, true]);
  });

  it('reads ISO date-time strings as dates', () => {
    const text = '{"plain": "2030-01-01T10:30:00", "utc": "2030-01-01T10:30:00Z", "zoned": "2030-01-01T10:30:00+02:00", "text": "2030-01-01"}';
    const o = fromJson(text) as PSObject;
    expect(o.get('plain')).to.deep.equal(new Date(2030, 0, 1, 10, 30));
    expect(dateKind(o.get('plain') as Date)).to.equal('Unspecified');
    expect((o.get('utc') as Date).getHours()).to.equal(10);
    expect(dateKind(o.get('utc') as Date)).to.equal('Utc');
    expect((o.get('zoned') as Date).getTime()).to.equal(Date.UTC(2030, 0, 1, 8, 30));
    expect(o.get('text')).to.equal('2030-01-01');
    expect(toJson(o, compressed)).to.match(/^\{"plain":"2030-01-01T10:30:00","utc":"2030-01-01T10:30:00Z","zoned":"2030-01-01T\d\d:30:00[+-]\d\d:\d\d","text":"2030-01-01"\}$/);
  });

  it('reads objects as ordered hashtables with asHashtable', () => {
    const h = fromJson('{"z": 1, "a": 2}', { asHashtable: true }) as Hashtable;
    expect(h).to.be.instanceOf(Hashtable);
    expect(h.keys()).to.deep.equal(['z', 'a']);
  });

  const rejects = [['{"a": 1,}', 'a trailing comma'], ["{'a': 1}", 'single quotes'], ['[1, 2', 'an unclosed array'],
    ['{"a": 1, "A": 2}', 'keys differing only in case']] as const;
  for (const [text, what] of rejects) it(`refuses ${what} with JsonParseError`, () => {
    expect(() => fromJson(text)).to.throw(ShellError).with.property('id', 'JsonParseError');
  });

  it('refuses nesting beyond the depth', () => {
    expect(() => fromJson('[[[1]]]', { depth: 2 })).to.throw(ShellError).with.property('id', 'JsonParseError');
    expect(fromJson('[[[1]]]', { depth: 3 })).to.deep.equal([[[1]]]);
  });

  it('round-trips what toJson wrote', () => {
    const o = new PSObject({ Name: 'x', List: [1, 'two'], Inner: new PSObject({ Ok: true }) });
    const back = fromJson(toJson(o, indented)) as PSObject;
    expect(toJson(back, compressed)).to.equal(toJson(o, compressed));
  });
});
