import { expect } from 'chai';
import { ErrorRecord, ShellError } from '../../../lib/core/errors.js';
import { Hashtable, PSObject } from '../../../lib/core/values.js';
import { resolveType, typeOf } from '../../../lib/engine/values/types.js';
import { TimeSpan } from '../../../lib/engine/values/timespan.js';
import { collectionInfo } from '../../../lib/engine/values/types-collection.js';

const call = (type: string, member: string, ...args: unknown[]) => resolveType(type).staticMember(member)!.call!(args);
const get = (type: string, member: string) => resolveType(type).staticMember(member)!.get!();

describe('types', () => {
  describe('resolveType', () => {
    // about_Type_Accelerators: short names, full names, any case.
    const names: [string, string][] = [
      ['int', 'System.Int32'], ['Int32', 'System.Int32'], ['SYSTEM.INT32', 'System.Int32'], ['long', 'System.Int64'],
      ['double', 'System.Double'], ['float', 'System.Double'], ['single', 'System.Double'], ['byte', 'System.Byte'], ['char', 'System.Char'],
      ['bool', 'System.Boolean'], ['string', 'System.String'], ['object', 'System.Object'], ['array', 'System.Object[]'],
      ['hashtable', 'System.Collections.Hashtable'], ['ordered', 'System.Collections.Specialized.OrderedDictionary'],
      ['pscustomobject', 'System.Management.Automation.PSCustomObject'], ['psobject', 'System.Management.Automation.PSObject'],
      ['datetime', 'System.DateTime'], ['timespan', 'System.TimeSpan'], ['guid', 'System.Guid'], ['version', 'System.Version'],
      ['regex', 'System.Text.RegularExpressions.Regex'], ['math', 'System.Math'], ['System.IO.Path', 'System.IO.Path'],
      ['IO.File', 'System.IO.File'], ['Environment', 'System.Environment'], ['scriptblock', 'System.Management.Automation.ScriptBlock'],
      ['switch', 'System.Management.Automation.SwitchParameter'], ['securestring', 'System.Security.SecureString'], ['void', 'System.Void'],
      ['string[]', 'System.String[]'], ['int[]', 'System.Int32[]'], ['System.Text.Encoding', 'System.Text.Encoding'],
      ['System.Collections.Generic.List[string]', 'System.Collections.Generic.List[System.String]'],
    ];
    for (const [name, full] of names) it(`[${name}] is ${full}`, () => expect(String(resolveType(name))).to.equal(full));
    it('refuses an unknown type with TypeNotFound', () => {
      expect(() => resolveType('foo')).to.throw(ShellError, 'Unable to find type [foo].')
        .with.property('category', 'InvalidOperation');
      expect(() => resolveType('foo')).to.throw(ShellError).with.property('id', 'TypeNotFound');
    });
    it('refuses [xml] by name with NotSupported', () => {
      expect(() => resolveType('xml')).to.throw(ShellError).with.property('id', 'NotSupported');
    });
    it('answers the same object for the same name', () => expect(resolveType('int[]')).to.equal(resolveType('Int32[]')));
  });

  describe('-is', () => {
    const cases: [unknown, string, boolean][] = [
      [5, 'int', true], [5.5, 'int', false], [5.5, 'double', true], [2 ** 40, 'long', true], [2 ** 40, 'int', false],
      ['x', 'string', true], [true, 'bool', true], [[1], 'array', true], [new Hashtable(), 'hashtable', true],
      [new Hashtable(true), 'hashtable', false], [new Hashtable(true), 'ordered', true], [new PSObject({}), 'pscustomobject', true],
      [new Date(), 'datetime', true], [new TimeSpan(1), 'timespan', true], [5, 'object', true], [null, 'object', false],
      [new ErrorRecord(new ShellError('X', 'NotSpecified', 'x')), 'System.Management.Automation.ErrorRecord', true],
      ['x', 'Management.Automation.ErrorRecord', false],
    ];
    for (const [v, t, want] of cases) it(`${JSON.stringify(v)} -is [${t}] is ${want}`, () => expect(resolveType(t).isInstance(v)).to.equal(want));
  });

  describe('casts', () => {
    it("[int]'42' is 42", () => expect(resolveType('int').convert('42')).to.equal(42));
    it('[int]2.5 rounds half to even', () => expect(resolveType('int').convert(2.5)).to.equal(2));
    it("[int[]]@('1','2') converts each element", () => {
      const a = resolveType('int[]').convert(['1', '2']) as unknown[];
      expect(a).to.deep.equal([1, 2]);
      expect(String(typeOf(a))).to.equal('System.Int32[]');
    });
    it("[string[]]5 is a one-element array", () => expect(resolveType('string[]').convert(5)).to.deep.equal(['5']));
    it("[bool]'false' is $true (a non-empty string)", () => expect(resolveType('bool').convert('false')).to.equal(true));
    it('[string]$null is empty', () => expect(resolveType('string').convert(null)).to.equal(''));
    it("[datetime]'2030-01-01' is midnight local", () => {
      expect((resolveType('datetime').convert('2030-01-01') as Date).getTime()).to.equal(new Date(2030, 0, 1).getTime());
    });
    it("[timespan]'01:02:03' is 1h 2m 3s", () => expect(String(resolveType('timespan').convert('01:02:03'))).to.equal('01:02:03'));
    it('[ordered] copies a hashtable and keeps its order', () => {
      const h = Hashtable.from({ b: 1, a: 2 });
      const o = resolveType('ordered').convert(h) as Hashtable;
      expect(o).to.not.equal(h);
      expect(o.ordered).to.equal(true);
      expect(o.keys()).to.deep.equal(['b', 'a']);
    });
    it('[pscustomobject] makes properties in the hashtable order', () => {
      const o = resolveType('pscustomobject').convert(Hashtable.from({ Name: 'x', Size: 2 })) as PSObject;
      expect(o).to.be.instanceOf(PSObject);
      expect(o.names()).to.deep.equal(['Name', 'Size']);
    });
    it('[array]$x wraps a scalar and keeps $null', () => {
      expect(resolveType('array').convert(3)).to.deep.equal([3]);
      expect(resolveType('array').convert(null)).to.equal(null);
    });
    it('[List[string]] grows', () => {
      const list = resolveType('System.Collections.Generic.List[string]').staticMember('new')!.call!([]) as unknown[];
      expect(collectionInfo(list).kind).to.equal('List');
    });
    it("[int]'abc' fails with an InvalidArgument error", () => {
      expect(() => resolveType('int').convert('abc')).to.throw(ShellError).with.property('category', 'InvalidArgument');
    });
    it('[char]65 is A', () => expect(resolveType('char').convert(65)).to.equal('A'));
    it('[version]1.2.3 compares by parts', () => {
      const v = resolveType('version').convert('1.10.0') as { CompareTo(o: unknown): number };
      expect(v.CompareTo(resolveType('version').convert('1.9'))).to.equal(1);
    });
  });

  describe('static members', () => {
    const calls: [string, string, unknown[], unknown][] = [
      ['math', 'Round', [2.5], 2], ['math', 'Round', [3.5], 4], ['math', 'Round', [-2.5], -2], ['math', 'Round', [2.345, 2], 2.35],
      ['math', 'Round', [2.5, 'AwayFromZero'], 3], ['math', 'Floor', [-1.5], -2], ['math', 'Ceiling', [1.2], 2], ['math', 'Max', [3, 7], 7],
      ['math', 'Min', [3, 7], 3], ['math', 'Abs', [-4], 4], ['math', 'Pow', [2, 10], 1024], ['math', 'Sqrt', [16], 4], ['math', 'Truncate', [-1.7], -1],
      ['string', 'IsNullOrEmpty', [''], true], ['string', 'IsNullOrEmpty', [null], true], ['string', 'IsNullOrWhiteSpace', ['  '], true],
      ['string', 'Join', [', ', ['a', 'b']], 'a, b'], ['string', 'Join', ['-', 'a', 'b', 'c'], 'a-b-c'], ['string', 'Format', ['{0}-{1}', 1, 2], '1-2'],
      ['convert', 'ToBase64String', [[104, 105]], 'aGk='], ['convert', 'FromBase64String', ['aGk='], [104, 105]], ['convert', 'ToInt32', ['ff', 16], 255],
      ['convert', 'ToInt32', ['101', 2], 5], ['int', 'Parse', ['42'], 42], ['regex', 'Escape', ['a.b'], 'a\\.b'],
      ['System.IO.Path', 'GetExtension', ['a/b.txt'], '.txt'], ['System.IO.Path', 'GetFileNameWithoutExtension', ['a/b.txt'], 'b'],
      ['System.IO.Path', 'GetFileName', ['a/b.txt'], 'b.txt'], ['char', 'IsDigit', ['7'], true],
      ['System.Text.Encoding', 'GetEncoding', ['utf-8'], undefined],
    ];
    for (const [t, m, args, want] of calls) if (want !== undefined)
      it(`[${t}]::${m}(${args.map(a => JSON.stringify(a)).join(', ')}) is ${JSON.stringify(want)}`, () => expect(call(t, m, ...args)).to.deep.equal(want));
    it('[int]::MaxValue and ::MinValue', () => {
      expect(get('int', 'MaxValue')).to.equal(2147483647);
      expect(get('int', 'MinValue')).to.equal(-2147483648);
    });
    it('[math]::PI and [string]::Empty', () => { expect(get('math', 'PI')).to.equal(Math.PI); expect(get('string', 'Empty')).to.equal(''); });
    it('[guid]::NewGuid() prints as a guid', () => expect(String(call('guid', 'NewGuid'))).to.match(/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/));
    it('[int]::Parse refuses text with a FormatException', () => {
      expect(() => call('int', 'Parse', 'x')).to.throw(ShellError).with.property('id', 'FormatException');
    });
    it('[int]::TryParse is refused as NotSupported ([ref])', () => {
      expect(() => call('int', 'TryParse', '1', null)).to.throw(ShellError).with.property('id', 'NotSupported');
    });
    it('[scriptblock]::Create is refused as NotSupported', () => {
      expect(() => call('scriptblock', 'Create', '1')).to.throw(ShellError).with.property('id', 'NotSupported');
    });
    it('[Text.Encoding]::UTF8 encodes and decodes', () => {
      const utf8 = get('System.Text.Encoding', 'UTF8') as { GetBytes(s: string): number[]; GetString(b: number[]): string };
      expect(utf8.GetBytes('é')).to.deep.equal([0xc3, 0xa9]);
      expect(utf8.GetString([104, 105])).to.equal('hi');
    });
    it('[datetime]::ParseExact reads a custom format', () => {
      const d = call('datetime', 'ParseExact', '15/06/2009 13:45', 'dd/MM/yyyy HH:mm', null) as Date;
      expect(d.getTime()).to.equal(new Date(2009, 5, 15, 13, 45).getTime());
    });
    it('[timespan]::FromMinutes(90) is 01:30:00', () => expect(String(call('timespan', 'FromMinutes', 90))).to.equal('01:30:00'));
    it('[Environment]::NewLine is a line break', () => expect(get('Environment', 'NewLine')).to.match(/^\r?\n$/));
  });

  describe('typeOf', () => {
    const cases: [unknown, string][] = [[5, 'System.Int32'], [2 ** 40, 'System.Int64'], [1.5, 'System.Double'], ['s', 'System.String'],
      [[1], 'System.Object[]'], [new Hashtable(), 'System.Collections.Hashtable'], [new Date(), 'System.DateTime'],
      [new PSObject({}), 'System.Management.Automation.PSCustomObject'], [new TimeSpan(0), 'System.TimeSpan']];
    for (const [v, want] of cases) it(`${JSON.stringify(v)} is ${want}`, () => expect(typeOf(v).fullName).to.equal(want));
    it('a type object shows Name and FullName', () => {
      const t = typeOf(5) as unknown as { Name: string; FullName: string };
      expect([t.Name, t.FullName]).to.deep.equal(['Int32', 'System.Int32']);
    });
  });
});
