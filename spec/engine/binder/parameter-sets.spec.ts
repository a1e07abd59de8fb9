import { expect } from 'chai';
import { ShellError } from '../../../lib/core/errors.js';
import { bindArguments, bindPipelineInput, NO_INPUT, type CommandArgument } from '../../../lib/engine/binder/index.js';
import { defineCmdlet, param } from '../../../lib/engine/cmdlet/index.js';
import { getThing, named, pos, requestCert, setCert } from './fixtures.js';

const setOf = (cmd: typeof setCert | typeof requestCert, ...args: CommandArgument[]) =>
  bindPipelineInput(bindArguments(cmd, args), NO_INPUT).parameterSetName;

describe('binder: parameter sets', () => {
  it('reports __AllParameterSets for a cmdlet that declares none', () => {
    expect(bindPipelineInput(bindArguments(getThing, []), NO_INPUT).parameterSetName).to.equal('__AllParameterSets');
  });
  it('chooses the only set that holds the parameters given', () => {
    expect(setOf(requestCert, named('List'))).to.equal('List');
    expect(setOf(requestCert, named('New'), named('Type', 'Default'))).to.equal('New');
  });
  it('chooses the set whose mandatory parameters are all given', () => {
    expect(setOf(setCert, named('Path', 'c.pfx'), named('Type', 'Default'))).to.equal('Path');
  });
  it('lets the default set break a tie', () => {
    expect(setOf(setCert, pos('AB'), named('Type', 'Default'))).to.equal('Thumbprint');
  });
  it('keeps every set holding the given parameters as candidates', () => {
    expect(bindArguments(setCert, [named('Type', 'Default')]).candidateSets)
      .to.deep.equal(['Thumbprint', 'Reference', 'Path']);
  });

  const rejects: [string, typeof setCert | typeof requestCert, CommandArgument[], string][] = [
    ['parameters of different sets', requestCert, [named('New'), named('List')], 'AmbiguousParameterSet'],
    ['a set-specific parameter with the other selector', requestCert, [named('New'), named('RequestId', 1)],
      'AmbiguousParameterSet'],
    ['no selector and no default set', requestCert, [named('CA', 'x')], 'AmbiguousParameterSet'],
    ['a missing mandatory parameter', setCert, [named('Thumbprint', 'AB')], 'MissingMandatoryParameter'],
  ];
  for (const [what, cmd, args, id] of rejects) it(`rejects ${what} with ${id}`, () => {
    expect(() => setOf(cmd, ...args)).to.throw(ShellError).that.satisfies(
      (e: ShellError) => e.id === id && e.category === 'InvalidArgument');
  });

  it('names the missing mandatory parameters', () => {
    expect(() => setOf(requestCert, named('New'))).to.throw(
      'Cannot process command because of one or more missing mandatory parameters: Type.');
  });
  it('picks the default set when several are incomplete, then reports what it lacks', () => {
    expect(() => setOf(setCert)).to.throw(ShellError).that.satisfies((e: ShellError) =>
      e.id === 'MissingMandatoryParameter' && e.message.endsWith('parameters: Thumbprint Type.'));
  });
  it('uses PowerShell\'s message for an unresolvable set', () => {
    expect(() => setOf(requestCert, named('New'), named('List'))).to.throw(
      'Parameter set cannot be resolved using the specified named parameters. One or more parameters issued ' +
      'cannot be used together or an insufficient number of parameters were provided.');
  });
  it('prefers the one complete set over the default', () => {
    const cmd = defineCmdlet({ name: 'Get-Y', synopsis: '', examples: [], defaultParameterSet: 'A', parameters: {
      X: param.string({ help: '', sets: { A: { mandatory: true }, B: {} } }),
      Y: param.string({ help: '', sets: ['B'] }),
    } });
    expect(bindPipelineInput(bindArguments(cmd, []), NO_INPUT).parameterSetName).to.equal('B');
  });
});

// The sets and pipeline plan are worked out once per command and shape (the names bound), and the
// set chosen without input once a call of that shape has passed: these pin what must not be shared.
describe('binder: repeated calls that bind the same parameters', () => {
  it('binds each call\'s own values', () => {
    const first = bindArguments(requestCert, [named('New'), named('Type', 'Default')]);
    const second = bindArguments(requestCert, [named('New'), named('Type', 'internal')]);
    expect([first.args.Type, second.args.Type]).to.deep.equal([['Default'], ['WebServicesInternal']]);
    expect(bindPipelineInput(second, NO_INPUT).args).to.deep.equal({ New: true, Type: ['WebServicesInternal'] });
  });
  it('reports a missing mandatory parameter on every call, before and after calls that passed', () => {
    const missing = () => setOf(setCert, named('Thumbprint', 'AB'));
    expect(missing).to.throw(ShellError).with.property('id', 'MissingMandatoryParameter');
    expect(setOf(setCert, named('Thumbprint', 'AB'), named('Type', 'Default'))).to.equal('Thumbprint');
    expect(missing).to.throw(ShellError).with.property('id', 'MissingMandatoryParameter');
  });
  it('chooses each shape\'s own set, alternating', () => {
    const sets = [1, 2].flatMap(() => [setOf(requestCert, named('List')), setOf(requestCert, named('New'), named('Type', 'Default'))]);
    expect(sets).to.deep.equal(['List', 'New', 'List', 'New']);
  });
  it('rejects parameters of different sets on every call', () => {
    for (let i = 0; i < 2; i++)
      expect(() => setOf(requestCert, named('New'), named('List'))).to.throw(ShellError).with.property('id', 'AmbiguousParameterSet');
  });
  it('gives each call arguments of its own, so a cmdlet changing them changes no later call', () => {
    const first = bindPipelineInput(bindArguments(requestCert, [named('List')]), NO_INPUT);
    (first.args as Record<string, unknown>).RequestId = 7;
    expect(bindPipelineInput(bindArguments(requestCert, [named('List')]), NO_INPUT).args).to.deep.equal({ List: true });
  });
});
