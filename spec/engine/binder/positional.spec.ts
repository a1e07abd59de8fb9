import { expect } from 'chai';
import { ShellError } from '../../../lib/core/errors.js';
import { bindArguments, type CommandArgument } from '../../../lib/engine/binder/index.js';
import { defineCmdlet, param } from '../../../lib/engine/cmdlet/index.js';
import { getThing, named, pos } from './fixtures.js';

const bindThing = (...args: CommandArgument[]) => bindArguments(getThing, args);

describe('binder: positional parameters', () => {
  it('binds values by position order', () => {
    expect(bindThing(pos('n'), pos('p')).args).to.deep.equal({ Name: 'n', Path: ['p'] });
  });
  it('skips positions already bound by name', () => {
    expect(bindThing(named('Name', 'n'), pos('p')).args).to.deep.equal({ Name: 'n', Path: ['p'] });
  });
  it('rejects an extra value with PositionalParameterNotFound, quoting it', () => {
    expect(() => bindThing(pos('a'), pos('b'), pos('c'))).to.throw(ShellError).that.satisfies((e: ShellError) =>
      e.id === 'PositionalParameterNotFound' && e.category === 'InvalidArgument'
      && e.message === "A positional parameter cannot be found that accepts argument 'c'.");
  });
  it('takes, among parameters of different sets at one position, the one whose type fits', () => {
    const cmd = defineCmdlet({ name: 'Get-X', synopsis: '', examples: [], parameters: {
      Id: param.int({ help: '', sets: { ById: { position: 0 } } }),
      Name: param.string({ help: '', sets: { ByName: { position: 0 } } }),
    }, defaultParameterSet: 'ById' });
    expect(bindArguments(cmd, [pos('7')]).args).to.deep.equal({ Id: 7 });
    const byName = bindArguments(cmd, [pos('seven')]);
    expect(byName.args).to.deep.equal({ Name: 'seven' });
    expect(byName.candidateSets).to.deep.equal(['ByName']);
  });
});
