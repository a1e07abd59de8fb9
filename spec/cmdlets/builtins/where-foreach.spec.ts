import { expect } from 'chai';
import { ShellError } from '../../../lib/core/errors.js';
import { PSObject } from '../../../lib/core/values.js';
import whereObject from '../../../cmdlets/Where-Object.js';
import foreachObject from '../../../cmdlets/ForEach-Object.js';
import { fakeBlock, run } from './fake-context.js';
import { testHost } from '../../support/test-host.js';

const people = () => [new PSObject({ Name: 'alpha', Age: 30 }), new PSObject({ Name: 'Beta', Age: 20 }), new PSObject({ Name: 'gamma', Age: 0 })];
const names = (out: unknown[]) => out.map(o => (o as PSObject).get('Name'));

describe('Where-Object', () => {
  it('keeps the objects for which the filter script is true', async () => {
    const { output } = await run(whereObject, { FilterScript: fakeBlock(o => (o.dollarUnder as number) > 2) },
      { input: [1, 2, 3, 4], parameterSetName: 'ScriptBlockSet' });
    expect(output).to.deep.equal([3, 4]);
  });

  const simplified = [
    ['EqualSet', 'EQ', 'beta', ['Beta']], ['CaseSensitiveEqualSet', 'CEQ', 'beta', []],
    ['LikeSet', 'Like', 'a*', ['alpha']], ['NotLikeSet', 'NotLike', 'a*', ['Beta', 'gamma']],
    ['MatchSet', 'Match', 'MM', ['gamma']], ['NotEqualSet', 'NE', 'alpha', ['Beta', 'gamma']],
  ] as const;
  for (const [set, op, value, expected] of simplified) it(`filters with -${op} in the simplified syntax`, async () => {
    const { output } = await run(whereObject, { Property: 'Name', [op]: true, Value: value }, { input: people(), parameterSetName: set });
    expect(names(output)).to.deep.equal(expected);
  });

  it('compares numbers with -GT', async () => {
    const { output } = await run(whereObject, { Property: 'Age', GT: true, Value: 10 }, { input: people(), parameterSetName: 'GreaterThanSet' });
    expect(names(output)).to.deep.equal(['alpha', 'Beta']);
  });

  it('with a property alone keeps objects whose value is true', async () => {
    const { output } = await run(whereObject, { Property: 'Age' }, { input: people(), parameterSetName: 'EqualSet' });
    expect(names(output)).to.deep.equal(['alpha', 'Beta']);
  });

  it('with -Not keeps objects whose value is false or missing', async () => {
    const { output } = await run(whereObject, { Property: 'Age', Not: true }, { input: people(), parameterSetName: 'NotSet' });
    expect(names(output)).to.deep.equal(['gamma']);
  });

  it('outputs nothing when nothing is piped in', async () => {
    const { output } = await run(whereObject, { FilterScript: fakeBlock(() => true) }, { parameterSetName: 'ScriptBlockSet' });
    expect(output).to.deep.equal([]);
  });

  it('declares one parameter set per operator, ScriptBlockSet the default so script blocks bind first', () => {
    expect(whereObject.defaultParameterSet).to.equal('ScriptBlockSet');
    expect(Object.keys((whereObject.parameters as Record<string, { sets: object }>).CLike.sets)).to.deep.equal(['CaseSensitiveLikeSet']);
    expect(whereObject.parameters.Property.sets.MatchSet).to.include({ position: 0, mandatory: true });
    expect(whereObject.parameters.Value.sets.MatchSet).to.include({ position: 1 });
    expect(whereObject.aliases).to.include.members(['where', '?']);
  });
});

describe('ForEach-Object', () => {
  const double = fakeBlock(o => (o.dollarUnder as number) * 2);

  it('runs the process block once per object', async () => {
    const { output } = await run(foreachObject, { Process: [double] }, { input: [1, 2, 3], parameterSetName: 'ScriptBlockSet' });
    expect(output).to.deep.equal([2, 4, 6]);
  });

  it('reads two positional blocks as begin and process, three as begin, process and end', async () => {
    const begin = fakeBlock(() => 'begin'), end = fakeBlock(() => 'end');
    const two = await run(foreachObject, { Process: [begin, double] }, { input: [1], parameterSetName: 'ScriptBlockSet' });
    expect(two.output).to.deep.equal(['begin', 2]);
    const three = await run(foreachObject, { Process: [begin, double, end] }, { input: [1, 2], parameterSetName: 'ScriptBlockSet' });
    expect(three.output).to.deep.equal(['begin', 2, 4, 'end']);
  });

  it('runs every block as a process block when -Begin or -End is given', async () => {
    const { output } = await run(foreachObject, { Begin: fakeBlock(() => 'b'), Process: [double, double] },
      { input: [1], parameterSetName: 'ScriptBlockSet' });
    expect(output).to.deep.equal(['b', 2, 2]);
  });

  it('keeps each command\'s own blocks when two run in one pipeline and in a loop', async () => {
    const { output, errors } = await (await testHost()).run('foreach ($i in 1, 2) { 1, 2 | ForEach-Object { $_ + $i } | ' +
      "ForEach-Object -Begin { 'b' } -Process { $_ * 10 } -End { 'e' } }");
    expect(errors).to.deep.equal([]);
    expect(output).to.deep.equal(['b', 20, 30, 'e', 'b', 30, 40, 'e']);
  });

  it('runs the process block once with $null when nothing is piped in', async () => {
    const { output } = await run(foreachObject, { Process: [fakeBlock(o => [o.dollarUnder])] }, { parameterSetName: 'ScriptBlockSet' });
    expect(output).to.deep.equal([null]);
  });

  it('reads a property with -MemberName, unrolling collections', async () => {
    const input = [new PSObject({ N: 1 }), new PSObject({ N: [2, 3] })];
    const { output } = await run(foreachObject, { MemberName: 'N' }, { input, parameterSetName: 'PropertyAndMethodSet' });
    expect(output).to.deep.equal([1, 2, 3]);
  });

  it('calls a method with -MemberName and -ArgumentList', async () => {
    const { output } = await run(foreachObject, { MemberName: 'Substring', ArgumentList: [1] },
      { input: ['abc', 'xyz'], parameterSetName: 'PropertyAndMethodSet' });
    expect(output).to.deep.equal(['bc', 'yz']);
  });

  it('reports a missing member as a non-terminating error', async () => {
    const { output, ctx } = await run(foreachObject, { MemberName: 'Nope' },
      { input: [new PSObject({ A: 1 })], parameterSetName: 'PropertyAndMethodSet' });
    expect(output).to.deep.equal([]);
    expect(ctx.errors[0]).to.be.instanceOf(ShellError).with.property('id', 'PropertyOrMethodNotFound');
  });

  describe('-Parallel', () => {
    const delayed = (ms: (n: number) => number, track?: { now: number; max: number }) => fakeBlock(async o => {
      const n = o.dollarUnder as number;
      if (track) { track.now++; track.max = Math.max(track.max, track.now); }
      await new Promise(r => setTimeout(r, ms(n)));
      if (track) track.now--;
      if (n === 13) throw new ShellError('Unlucky', 'InvalidData', 'thirteen');
      return n * 10;
    });

    it('runs at most ThrottleLimit blocks at once, each in an isolated scope', async () => {
      const track = { now: 0, max: 0 };
      const { output, ctx } = await run(foreachObject, { Parallel: delayed(() => 20, track), ThrottleLimit: 2 },
        { input: [1, 2, 3, 4, 5], parameterSetName: 'ParallelParameterSet' });
      expect([...output].sort()).to.deep.equal([10, 20, 30, 40, 50]);
      expect(track.max).to.equal(2);
      expect(ctx.invocations.every(o => o.isolatedScope === true)).to.equal(true);
    });

    it('emits results in the order they finish', async () => {
      const { output } = await run(foreachObject, { Parallel: delayed(n => (n === 1 ? 60 : 5)) },
        { input: [1, 2, 3], parameterSetName: 'ParallelParameterSet' });
      expect(output).to.deep.equal([20, 30, 10]);
    });

    it('reports a failing block as an error and keeps the others', async () => {
      const { output, ctx } = await run(foreachObject, { Parallel: delayed(() => 5) },
        { input: [12, 13, 14], parameterSetName: 'ParallelParameterSet' });
      expect([...output].sort()).to.deep.equal([120, 140]);
      expect(ctx.errors.map(e => e.id)).to.deep.equal(['Unlucky']);
    });

    it('defaults ThrottleLimit to 5', async () => {
      const track = { now: 0, max: 0 };
      await run(foreachObject, { Parallel: delayed(() => 15, track) }, { input: [1, 2, 3, 4, 5, 6, 7], parameterSetName: 'ParallelParameterSet' });
      expect(track.max).to.equal(5);
    });
  });
});
