import { expect } from 'chai';
import { ErrorRecord, ShellError } from '../../../lib/core/errors.js';
import { Hashtable, PSObject } from '../../../lib/core/values.js';
import { ScriptBlock } from '../../../lib/engine/cmdlet/script-block.js';
import type { ScriptBlockAst } from '../../../lib/engine/parser/ast.js';
import {
  getMember, hasMember, invokeMethod, listMembers, propertyNames, setMember, setScriptBlockInvoker,
} from '../../../lib/engine/values/members.js';
import { resolveType, typeOf } from '../../../lib/engine/values/types.js';
import { TimeSpan } from '../../../lib/engine/values/timespan.js';

const call = (target: unknown, name: string, ...args: unknown[]) => invokeMethod(target, name, args);

describe('members', () => {
  describe('strings (case-sensitive, as .NET)', () => {
    const cases: [string, string, unknown[], unknown][] = [
      ['hello', 'Substring', [1], 'ello'], ['hello', 'Substring', [1, 3], 'ell'], ['Hi', 'ToUpper', [], 'HI'], ['Hi', 'tolower', [], 'hi'],
      ['  x  ', 'Trim', [], 'x'], ['//a//', 'Trim', ['/'], 'a'], ['xxaxx', 'TrimStart', ['x'], 'axx'], ['a-b_', 'TrimEnd', ['_-'], 'a-b'],
      ['a,b,,c', 'Split', [','], ['a', 'b', '', 'c']], ['a,b,,c', 'Split', [',', 'RemoveEmptyEntries'], ['a', 'b', 'c']],
      ['a, b', 'Split', [', '], ['a', 'b']], ['a-b_c', 'Split', [['-', '_']], ['a', 'b', 'c']], ['a,b,c', 'Split', [',', 2], ['a', 'b,c']],
      ['a b', 'Split', [], ['a', 'b']], ['aXa', 'Replace', ['a', 'b'], 'bXb'], ['a.b', 'Replace', ['.', '-'], 'a-b'],
      ['abc', 'Replace', ['A', 'z'], 'abc'], ['abc', 'Contains', ['b'], true], ['abc', 'Contains', ['B'], false],
      ['abc', 'Contains', ['B', 'OrdinalIgnoreCase'], true], ['abc', 'StartsWith', ['ab'], true], ['abc', 'StartsWith', ['AB'], false],
      ['abc', 'EndsWith', ['bc'], true], ['abcabc', 'IndexOf', ['c'], 2], ['abcabc', 'LastIndexOf', ['c'], 5], ['abc', 'IndexOf', ['z'], -1],
      ['7', 'PadLeft', [3, '0'], '007'], ['ab', 'PadRight', [4], 'ab  '], ['ac', 'Insert', [1, 'b'], 'abc'], ['abcd', 'Remove', [1, 2], 'ad'],
      ['a', 'Equals', ['A'], false], ['ab', 'ToCharArray', [], ['a', 'b']], ['abc', 'Chars', [1], 'b'], ['b', 'CompareTo', ['a'], 1],
    ];
    for (const [s, m, args, want] of cases)
      it(`'${s}'.${m}(${args.map(a => JSON.stringify(a)).join(', ')}) is ${JSON.stringify(want)}`, () => expect(call(s, m, ...args)).to.deep.equal(want));
    it('has Length, and Count of 1', () => { expect(getMember('abc', 'Length')).to.equal(3); expect(getMember('abc', 'Count')).to.equal(1); });
    it('reports a bad Substring as MethodInvocation with the .NET exception id', () => {
      expect(() => call('abc', 'Substring', 5)).to.throw(ShellError, /Exception calling "Substring" with "1" argument\(s\)/)
        .with.property('id', 'ArgumentOutOfRangeException');
    });
    it('refuses a wrong argument count', () => {
      expect(() => call('abc', 'Substring', 1, 2, 3)).to.throw(ShellError).with.property('id', 'MethodCountCouldNotFindBest');
    });
    it('refuses an unknown method with MethodNotFound', () => {
      expect(() => call('abc', 'Frobnicate')).to.throw(ShellError, '[System.String] does not contain a method named \'Frobnicate\'')
        .with.property('category', 'InvalidOperation');
    });
  });

  describe('any value', () => {
    it('has GetType()', () => expect(String(call(5, 'GetType'))).to.equal('System.Int32'));
    it('numbers format with ToString(format)', () => expect(call(1234.5, 'ToString', 'N1')).to.equal('1,234.5'));
    it('$null has Count 0 and no other member', () => {
      expect(getMember(null, 'Count')).to.equal(0);
      expect(getMember(null, 'Name')).to.equal(undefined);
    });
    it('a scalar has Count and Length 1', () => { expect(getMember(5, 'Count')).to.equal(1); expect(getMember(true, 'Length')).to.equal(1); });
    it('a missing property is undefined', () => expect(getMember(5, 'Nope')).to.equal(undefined));
    it('calling a method on $null is InvokeMethodOnNull', () => {
      expect(() => call(null, 'ToString')).to.throw(ShellError).with.property('id', 'InvokeMethodOnNull');
    });
  });

  describe('PSObject', () => {
    const o = () => new PSObject({ Name: 'web', Size: 3 });
    it('reads properties case-insensitively', () => expect(getMember(o(), 'name')).to.equal('web'));
    it('sets an existing property', () => { const x = o(); setMember(x, 'SIZE', 4); expect(x.get('Size')).to.equal(4); });
    it('refuses to set a property it does not have', () => {
      expect(() => setMember(o(), 'Colour', 1)).to.throw(ShellError).with.property('id', 'PropertyAssignmentException');
    });
    it('lists note properties for Get-Member', () => {
      const names = listMembers(o()).map(m => `${m.name}:${m.memberType}`);
      expect(names).to.include.members(['Name:NoteProperty', 'Size:NoteProperty', 'GetType:Method', 'ToString:Method']);
    });
  });

  describe('hashtables', () => {
    const h = () => Hashtable.from({ Name: 'a', Count: 'key wins' });
    it('reads keys as properties, before its own members', () => {
      expect(getMember(h(), 'name')).to.equal('a');
      expect(getMember(h(), 'Count')).to.equal('key wins');
      expect(getMember(Hashtable.from({ a: 1 }), 'Count')).to.equal(1);
    });
    it('has Keys, Values, ContainsKey, Remove, Clone', () => {
      const t = Hashtable.from({ a: 1, b: 2 });
      expect(getMember(t, 'Keys')).to.deep.equal(['a', 'b']);
      expect(getMember(t, 'Values')).to.deep.equal([1, 2]);
      expect(call(t, 'ContainsKey', 'A')).to.equal(true);
      const c = call(t, 'Clone') as Hashtable;
      call(t, 'Remove', 'a');
      expect([t.size, c.size]).to.deep.equal([1, 2]);
    });
    it('refuses a duplicate Add', () => {
      expect(() => call(Hashtable.from({ a: 1 }), 'Add', 'A', 2)).to.throw(ShellError, /Item has already been added/)
        .with.property('id', 'ArgumentException');
    });
    it('sets a key through a property', () => { const t = new Hashtable(); setMember(t, 'x', 1); expect(t.get('x')).to.equal(1); });
    it('enumerates entries with Key, Value and Name', () => {
      const [e] = call(Hashtable.from({ a: 1 }), 'GetEnumerator') as { Key: unknown; Value: unknown; Name: unknown }[];
      expect([e.Key, e.Value, e.Name]).to.deep.equal(['a', 1, 'a']);
    });
  });

  describe('arrays and member-access enumeration', () => {
    const objs = [new PSObject({ Name: 'a' }), new PSObject({ Name: 'b' }), 5];
    it('uses the array\'s own Count and Length', () => { expect(getMember([1, 2], 'Count')).to.equal(2); expect(getMember(['ab'], 'Length')).to.equal(1); });
    it('gets a property from each element that has it', () => expect(getMember(objs, 'Name')).to.deep.equal(['a', 'b']));
    it('answers a single value for a single hit', () => expect(getMember([new PSObject({ Name: 'a' })], 'Name')).to.equal('a'));
    it('flattens collection values', () => expect(getMember([new PSObject({ T: [1, 2] }), new PSObject({ T: 3 })], 'T')).to.deep.equal([1, 2, 3]));
    it('is undefined when no element has it', () => expect(getMember([1, 2], 'Name')).to.equal(undefined));
    it('calls a method on each element', () => expect(call(['a', 'b'], 'ToUpper')).to.deep.equal(['A', 'B']));
    it('calls the collection\'s own GetType, even when it is empty or holds one item', () => {
      expect((call([1], 'GetType') as { Name: string }).Name).to.equal('Object[]');
      expect((call([], 'GetType') as { Name: string }).Name).to.equal('Object[]');
      expect((call(resolveType('int[]').convert([1, 2]), 'GetType') as { Name: string }).Name).to.equal('Int32[]');
    });
    const clears: [string, unknown[]][] = [['int[]', [0, 0]], ['string[]', [null, null]], ['bool[]', [false, false]], ['object[]', [null, null]]];
    for (const [type, want] of clears) it(`Clear() on a [${type}] leaves ${JSON.stringify(want)}`, () => {
      const a = resolveType(type).convert([1, 2]) as unknown[];
      call(a, 'Clear');
      expect(a).to.deep.equal(want);
    });
    it('has Contains and IndexOf with .NET equality', () => {
      expect(call([1, 'a'], 'Contains', 'a')).to.equal(true);
      expect(call([1, 'a'], 'Contains', 'A')).to.equal(false);
      expect(call([1, 'a'], 'IndexOf', 'a')).to.equal(1);
    });
    it('refuses Add on a fixed-size array', () => {
      expect(() => call([1], 'Add', 2)).to.throw(ShellError, /Collection was of a fixed size/).with.property('id', 'NotSupportedException');
    });
    it('lets a List grow, converting to its element type', () => {
      const list = resolveType('System.Collections.Generic.List[int]').staticMember('new')!.call!([]) as unknown[];
      expect(call(list, 'Add', '5')).to.equal(undefined);
      expect(list).to.deep.equal([5]);
    });
    it('returns the index from ArrayList.Add', () => {
      const list = resolveType('System.Collections.ArrayList').staticMember('new')!.call!([]);
      expect(call(list, 'Add', 'x')).to.equal(0);
    });
  });

  describe('Where and ForEach', () => {
    const sb = (text: string) => new ScriptBlock({ kind: 'ScriptBlock', text } as unknown as ScriptBlockAst);
    // A stand-in runtime: the block's text names a JS function of $_.
    const fns: Record<string, (x: unknown) => unknown[]> = { big: x => [(x as number) > 1], double: x => [(x as number) * 2] };
    before(() => setScriptBlockInvoker((block, item) => fns[block.ast.text](item)));
    it('filters with Where', () => expect(call([1, 2, 3], 'Where', sb('big'))).to.deep.equal([2, 3]));
    it('takes the first with First', () => expect(call([1, 2, 3], 'Where', sb('big'), 'First')).to.deep.equal([2]));
    it('splits with Split', () => expect(call([1, 2, 3], 'Where', sb('big'), 'Split')).to.deep.equal([[2, 3], [1]]));
    it('maps with ForEach', () => expect(call([1, 2], 'ForEach', sb('double'))).to.deep.equal([2, 4]));
    it('calls a method with ForEach(name)', () => expect(call(['ab', 'c'], 'ForEach', 'ToUpper')).to.deep.equal(['AB', 'C']));
    it('reads a property with ForEach(name)', () => expect(call(['ab', 'c'], 'ForEach', 'Length')).to.deep.equal([2, 1]));
    it('converts with ForEach([type])', () => expect(call(['1', '2'], 'ForEach', resolveType('int'))).to.deep.equal([1, 2]));
    it('works on a scalar', () => expect(call(3, 'ForEach', sb('double'))).to.deep.equal([6]));
  });

  describe('dates', () => {
    const d = new Date(2030, 0, 31, 13, 5, 9, 250);
    const props: [string, unknown][] = [['Year', 2030], ['Month', 1], ['Day', 31], ['Hour', 13], ['Minute', 5], ['Second', 9],
      ['Millisecond', 250], ['DayOfYear', 31]];
    for (const [p, want] of props) it(`has ${p}`, () => expect(getMember(d, p)).to.equal(want));
    it('has DayOfWeek, a [System.DayOfWeek] that prints as its name', () => {
      expect(String(getMember(d, 'DayOfWeek'))).to.equal('Thursday');
      expect(typeOf(getMember(d, 'DayOfWeek')).fullName).to.equal('System.DayOfWeek');
    });
    it('AddMonths clamps to the month end', () => expect((call(d, 'AddMonths', 1) as Date).getDate()).to.equal(28));
    it('AddDays moves the wall clock', () => expect((call(d, 'AddDays', 1.5) as Date).getTime()).to.equal(new Date(2030, 1, 2, 1, 5, 9, 250).getTime()));
    it('Date is midnight', () => expect((getMember(d, 'Date') as Date).getTime()).to.equal(new Date(2030, 0, 31).getTime()));
    it('Subtract(date) is a TimeSpan', () => expect(String(call(d, 'Subtract', new Date(2030, 0, 30, 13, 5, 9, 250)))).to.equal('1.00:00:00'));
    it('ToString(format)', () => expect(call(d, 'ToString', 'yyyy-MM-dd')).to.equal('2030-01-31'));
    it('ToShortDateString', () => expect(call(d, 'ToShortDateString')).to.equal('1/31/2030'));
    it('TimeOfDay', () => expect(String(getMember(d, 'TimeOfDay'))).to.equal('13:05:09.2500000'));
    it('DateTime, the long date and time', () => expect(getMember(d, 'DateTime')).to.equal('Thursday, January 31, 2030 1:05:09 PM'));
    it('Microsecond and Nanosecond, 0 at millisecond precision', () =>
      expect([getMember(d, 'Microsecond'), getMember(d, 'Nanosecond')]).to.deep.equal([0, 0]));
    it('refuses to set Year', () => expect(() => setMember(d, 'Year', 1)).to.throw(ShellError).with.property('id', 'PropertyAssignmentException'));
  });

  describe('class instances', () => {
    const record = new ErrorRecord(new ShellError('CertificateNotFound', 'ObjectNotFound', 'No such certificate.'), 'Get-X');
    it('reads PascalCase getters case-insensitively', () => {
      expect(getMember(getMember(record, 'exception'), 'message')).to.equal('No such certificate.');
      expect(getMember(getMember(record, 'CategoryInfo'), 'Category')).to.equal('ObjectNotFound');
    });
    it('calls PascalCase methods', () => expect(String(call(new TimeSpan(0), 'Add', new TimeSpan(10_000_000)))).to.equal('00:00:01'));
    it('reads TimeSpan members', () => expect(getMember(TimeSpan.fromParts(1, 2, 3, 4), 'TotalHours')).to.be.closeTo(26.05111, 1e-4));
    it('hides camelCase internals', () => expect(hasMember(record, 'error')).to.equal(false));
  });

  describe('propertyNames (declaration order, properties only)', () => {
    class Row {
      Name = 'web'; hidden = 1;
      get Port() { return 443; }
      get internal() { return 0; }
      Start() { return 1; }
    }
    const cases: [string, unknown, string[]][] = [
      ['a PSObject: its properties as added', new PSObject({ B: 1, A: 2 }), ['B', 'A']],
      ['a date: .NET order, then DateTime', new Date(2030, 0, 1), ['Date', 'Day', 'DayOfWeek', 'DayOfYear', 'Hour', 'Kind',
        'Millisecond', 'Microsecond', 'Nanosecond', 'Minute', 'Month', 'Second', 'Ticks', 'TimeOfDay', 'Year', 'DateTime']],
      ['a class instance: PascalCase fields, then getters; no methods', new Row(), ['Name', 'Port']],
      ['a plain object: its keys but bookkeeping and functions', { Name: 'x', lower: 1, _seen: true, run() {} }, ['Name', 'lower']],
      ['a TimeSpan: its getters in declaration order', new TimeSpan(0), ['Ticks', 'Days', 'Hours', 'Minutes', 'Seconds',
        'Milliseconds', 'TotalDays', 'TotalHours', 'TotalMinutes', 'TotalSeconds', 'TotalMilliseconds']],
      ['a string: Length', 'abc', ['Length']],
      ['a number: none', 42, []],
      ['$null: none', null, []],
    ];
    for (const [what, value, names] of cases) it(what, () => expect(propertyNames(value)).to.deep.equal(names));
    it('names a property once whatever its case along the prototype chain', () => {
      class Base { get Size() { return 1; } }
      class Derived extends Base { SIZE = 2; }
      expect(propertyNames(new Derived())).to.deep.equal(['SIZE']);
    });
  });
});
