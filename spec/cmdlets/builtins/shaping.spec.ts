import { expect } from 'chai';
import { ShellError } from '../../../lib/core/errors.js';
import { Hashtable, PSObject } from '../../../lib/core/values.js';
import selectObject from '../../../cmdlets/Select-Object.js';
import sortObject from '../../../cmdlets/Sort-Object.js';
import groupObject from '../../../cmdlets/Group-Object.js';
import measureObject from '../../../cmdlets/Measure-Object.js';
import getMember from '../../../cmdlets/Get-Member.js';
import { resolveType } from '../../../lib/engine/values/types.js';
import { fakeBlock, run } from './fake-context.js';

const cert = (Name: string, Size: number, Type = 'Default') => new PSObject({ Name, Size, Type }, ['Cs.Certificate']);
const certs = () => [cert('b', 2), cert('a', 3, 'WebServicesInternal'), cert('c', 1)];
const plain = (o: unknown) => Object.fromEntries((o as PSObject).entries());

describe('Select-Object', () => {
  it('selects named properties into objects typed Selected.<type>', async () => {
    const { output } = await run(selectObject, { Property: ['Name', 'Missing'] }, { input: [cert('a', 1)] });
    expect(plain(output[0])).to.deep.equal({ Name: 'a', Missing: null });
    expect((output[0] as PSObject).typeNames[0]).to.equal('Selected.Cs.Certificate');
  });

  it('expands wildcards and honours -ExcludeProperty', async () => {
    const { output } = await run(selectObject, { Property: ['*'], ExcludeProperty: ['S*'] }, { input: [cert('a', 1)] });
    expect((output[0] as PSObject).names()).to.deep.equal(['Name', 'Type']);
  });

  it('uses -ExcludeProperty alone as "every other property"', async () => {
    const { output } = await run(selectObject, { ExcludeProperty: ['Type'] }, { input: [cert('a', 1)] });
    expect((output[0] as PSObject).names()).to.deep.equal(['Name', 'Size']);
  });

  it('computes calculated properties written with Name/Expression or n/e', async () => {
    const kb = Hashtable.from({ Name: 'KB', Expression: fakeBlock(o => ((o.dollarUnder as PSObject).get('Size') as number) * 2) });
    const short = Hashtable.from({ n: 'Who', e: 'Name' });
    const { output } = await run(selectObject, { Property: [kb, short] }, { input: [cert('a', 4)] });
    expect(plain(output[0])).to.deep.equal({ KB: 8, Who: 'a' });
  });

  it('refuses a hashtable with an unknown key before reading input', async () => {
    const bad = Hashtable.from({ Name: 'x', Colour: 'red', Expression: 'Name' });
    try { await run(selectObject, { Property: [bad] }, { input: [1] }); expect.fail('no error'); }
    catch (e) { expect(e).to.be.instanceOf(ShellError).with.property('id', 'DictionaryKeyIllegal'); }
  });

  it('expands a property into its elements', async () => {
    const { output } = await run(selectObject, { ExpandProperty: 'Names' }, { input: [new PSObject({ Names: ['x', 'y'] }), new PSObject({ Names: 'z' })] });
    expect(output).to.deep.equal(['x', 'y', 'z']);
  });

  it('reports an -ExpandProperty that the object lacks', async () => {
    try { await run(selectObject, { ExpandProperty: 'Nope' }, { input: [cert('a', 1)] }); expect.fail('no error'); }
    catch (e) { expect(e).to.have.property('id', 'ExpandPropertyNotFound'); }
  });

  const positions = [
    [{ First: 2 }, [1, 2]], [{ Last: 2 }, [4, 5]], [{ Skip: 3 }, [4, 5]], [{ First: 2, Skip: 1 }, [2, 3]],
    [{ Last: 2, Skip: 1 }, [3, 4]], [{ SkipLast: 2 }, [1, 2, 3]], [{ Index: [4, 0, 9] }, [1, 5]], [{ SkipIndex: [0, 1] }, [3, 4, 5]],
  ] as const;
  for (const [args, expected] of positions) it(`picks by position with ${JSON.stringify(args)}`, async () => {
    const { output } = await run(selectObject, { ...args }, { input: [1, 2, 3, 4, 5] });
    expect(output).to.deep.equal(expected);
  });

  it('stops upstream once -First has its objects', async () => {
    const { output, ctx } = await run(selectObject, { First: 1 }, { input: [1, 2, 3] });
    expect(output).to.deep.equal([1]);
    expect(ctx.stoppedUpstream).to.equal(true);
  });

  it('keeps the first of equal objects with -Unique, case-sensitively', async () => {
    const { output } = await run(selectObject, { Unique: true }, { input: ['a', 'A', 'a', 1, 1] });
    expect(output).to.deep.equal(['a', 'A', 1]);
  });
});

describe('Sort-Object', () => {
  it('sorts values ascending, or descending', async () => {
    expect((await run(sortObject, {}, { input: [3, 1, 2] })).output).to.deep.equal([1, 2, 3]);
    expect((await run(sortObject, { Descending: true }, { input: [3, 1, 2] })).output).to.deep.equal([3, 2, 1]);
  });

  it('sorts by a property and keeps equal objects in input order', async () => {
    const input = [cert('x', 2), cert('y', 1), cert('z', 2)];
    const { output } = await run(sortObject, { Property: ['Size'] }, { input });
    expect(output.map(o => (o as PSObject).get('Name'))).to.deep.equal(['y', 'x', 'z']);
  });

  it('sorts each key its own way with hashtables', async () => {
    const input = [cert('a', 1, 'T1'), cert('b', 2, 'T1'), cert('c', 3, 'T2')];
    const byType = Hashtable.from({ Expression: 'Type', Descending: true });
    const bySize = Hashtable.from({ e: fakeBlock(o => (o.dollarUnder as PSObject).get('Size')), Ascending: true });
    const { output } = await run(sortObject, { Property: [byType, bySize] }, { input });
    expect(output.map(o => (o as PSObject).get('Name'))).to.deep.equal(['c', 'a', 'b']);
  });

  it('is case-insensitive unless -CaseSensitive, and -Unique drops equal keys', async () => {
    expect((await run(sortObject, { Unique: true }, { input: ['b', 'a', 'B'] })).output).to.deep.equal(['a', 'b']);
    expect((await run(sortObject, { Unique: true, CaseSensitive: true }, { input: ['b', 'a', 'B'] })).output).to.have.length(3);
  });

  it('keeps only -Top or -Bottom objects', async () => {
    expect((await run(sortObject, { Top: 2 }, { input: [5, 1, 4, 2], parameterSetName: 'Top' })).output).to.deep.equal([1, 2]);
    expect((await run(sortObject, { Bottom: 1 }, { input: [5, 1, 4, 2], parameterSetName: 'Bottom' })).output).to.deep.equal([5]);
  });
});

describe('Group-Object', () => {
  it('groups by a property into GroupInfo objects sorted by key', async () => {
    const { output } = await run(groupObject, { Property: ['Type'] }, { input: certs() });
    expect(output.map(g => [(g as PSObject).get('Name'), (g as PSObject).get('Count')])).to.deep.equal([['Default', 2], ['WebServicesInternal', 1]]);
    expect((output[0] as PSObject).typeName).to.equal('Microsoft.PowerShell.Commands.GroupInfo');
    expect(((output[0] as PSObject).get('Group') as PSObject[]).map(c => c.get('Name'))).to.deep.equal(['b', 'c']);
  });

  it('groups case-insensitively unless -CaseSensitive', async () => {
    expect((await run(groupObject, {}, { input: ['a', 'A'] })).output).to.have.length(1);
    expect((await run(groupObject, { CaseSensitive: true }, { input: ['a', 'A'] })).output).to.have.length(2);
  });

  it('joins several keys in Name and leaves out Group with -NoElement', async () => {
    const { output } = await run(groupObject, { Property: ['Type', 'Size'], NoElement: true }, { input: [cert('a', 1)] });
    expect((output[0] as PSObject).get('Name')).to.equal('Default, 1');
    expect((output[0] as PSObject).has('Group')).to.equal(false);
  });

  it('returns one hashtable with -AsHashTable', async () => {
    const { output } = await run(groupObject, { AsHashTable: true }, { input: ['x', 'y', 'x'] });
    expect(output).to.have.length(1);
    expect((output[0] as Hashtable).get('X')).to.deep.equal(['x', 'x']);
  });
});

describe('Measure-Object', () => {
  it('counts, and leaves statistics not asked for $null', async () => {
    const { output } = await run(measureObject, {}, { input: [1, 2, 3], parameterSetName: 'GenericMeasure' });
    expect(plain(output[0])).to.deep.equal({ Count: 3, Average: null, Sum: null, Maximum: null, Minimum: null, StandardDeviation: null, Property: null });
    expect((output[0] as PSObject).typeName).to.equal('Microsoft.PowerShell.Commands.GenericMeasureInfo');
  });

  it('computes every statistic of a property', async () => {
    const { output } = await run(measureObject, { Property: ['Size'], AllStats: true }, { input: [cert('a', 2), cert('b', 4), cert('c', 6)], parameterSetName: 'GenericMeasure' });
    expect(plain(output[0])).to.deep.equal({ Count: 3, Average: 4, Sum: 12, Maximum: 6, Minimum: 2, StandardDeviation: 2, Property: 'Size' });
  });

  it('finds the maximum and minimum of text', async () => {
    const { output } = await run(measureObject, { Maximum: true, Minimum: true }, { input: ['pear', 'apple', 'zoo'], parameterSetName: 'GenericMeasure' });
    expect([(output[0] as PSObject).get('Maximum'), (output[0] as PSObject).get('Minimum')]).to.deep.equal(['zoo', 'apple']);
  });

  it('refuses to sum text that is not a number', async () => {
    try { await run(measureObject, { Sum: true }, { input: ['x'], parameterSetName: 'GenericMeasure' }); expect.fail('no error'); }
    catch (e) { expect(e).to.have.property('id', 'NonNumericInputObject'); }
  });

  it('reports a property no object has', async () => {
    const { output, ctx } = await run(measureObject, { Property: ['Nope'] }, { input: [cert('a', 1)], parameterSetName: 'GenericMeasure' });
    expect(output).to.deep.equal([]);
    expect(ctx.errors[0]).to.have.property('id', 'GenericMeasurePropertyNotFound');
  });

  it('counts lines, words and characters of text', async () => {
    const { output } = await run(measureObject, { Line: true, Word: true, Character: true }, { input: ['one two\nthree', 'four'], parameterSetName: 'TextMeasure' });
    expect(plain(output[0])).to.deep.equal({ Lines: 3, Words: 4, Characters: 17, Property: null });
  });
});

describe('Get-Member', () => {
  it('lists the note properties of a PSObject once per type', async () => {
    const { output } = await run(getMember, { MemberType: ['NoteProperty'] }, { input: [cert('a', 1), cert('b', 2)] });
    expect(output.map(m => (m as PSObject).get('Name'))).to.deep.equal(['Name', 'Size', 'Type']);
    expect((output[0] as PSObject).get('TypeName')).to.equal('Cs.Certificate');
    expect((output[0] as PSObject).typeName).to.equal('Microsoft.PowerShell.Commands.MemberDefinition');
  });

  it('lists the members of a string, filtered by name', async () => {
    const { output } = await run(getMember, { Name: ['Len*'] }, { input: ['abc'] });
    expect(output.map(m => [(m as PSObject).get('Name'), (m as PSObject).get('TypeName')])).to.deep.equal([['Length', 'System.String']]);
  });

  describe('with -Static', () => {
    const listed = (output: unknown[]) => output.map(m => [(m as PSObject).get('TypeName'), (m as PSObject).get('Name'), (m as PSObject).get('MemberType')]);

    it('lists the static members of a type object', async () => {
      const { output } = await run(getMember, { Static: true, Name: ['Round', 'PI'] }, { input: [resolveType('math')] });
      expect(listed(output)).to.deep.equal([['System.Math', 'Round', 'Method'], ['System.Math', 'PI', 'Property']]);
    });

    it("lists the static members of each object's type, once per type", async () => {
      const { output } = await run(getMember, { Static: true, Name: ['Empty'] }, { input: ['a', 'b'] });
      expect(listed(output)).to.deep.equal([['System.String', 'Empty', 'Property']]);
    });
  });

  it('fails when given no object', async () => {
    try { await run(getMember, {}); expect.fail('no error'); }
    catch (e) { expect(e).to.have.property('id', 'NoObjectInGetMember'); }
  });
});
