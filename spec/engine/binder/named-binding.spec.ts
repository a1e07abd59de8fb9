import { expect } from 'chai';
import { ShellError } from '../../../lib/core/errors.js';
import { bindArguments, type CommandArgument } from '../../../lib/engine/binder/index.js';
import { getThing, named, pos, requestCert, setCert } from './fixtures.js';

const bindThing = (...args: CommandArgument[]) => bindArguments(getThing, args);

describe('binder: named parameters', () => {
  it('matches names case-insensitively and stores the canonical name', () => {
    expect(bindThing(named('nAmE', 'x')).args).to.deep.equal({ Name: 'x' });
  });
  it('accepts a unique prefix', () => {
    expect(bindThing(named('Rat', 0.5)).args).to.deep.equal({ Ratio: 0.5 });
  });
  it('prefers an exact name over a longer one it prefixes', () => {
    expect(bindThing(named('type', 'Default')).args).to.deep.equal({ Type: ['Default'] });
  });
  it('accepts a declared alias', () => {
    expect(bindThing(named('N', 'x')).args).to.deep.equal({ Name: 'x' });
  });
  it('pairs a value-less parameter with the argument after it', () => {
    expect(bindThing(named('Name'), pos('x')).args).to.deep.equal({ Name: 'x' });
  });
  it('lets an explicit parameter override the same one splatted from a hashtable, before or after it (7.1+)', () => {
    const splatted: CommandArgument = { kind: 'named', name: 'Name', value: 'from-splat', hasValue: true, splatted: true };
    expect(bindThing(splatted, named('Na', 'explicit')).args).to.deep.equal({ Name: 'explicit' });
    expect(bindThing(named('name', 'explicit'), splatted).args).to.deep.equal({ Name: 'explicit' });
    expect(bindThing(splatted).args).to.deep.equal({ Name: 'from-splat' });
  });
  it('lists the candidates of an ambiguous prefix', () => {
    expect(() => bindThing(named('Ty', 'x'))).to.throw(ShellError)
      .that.satisfies((e: ShellError) => e.id === 'AmbiguousParameter' && e.category === 'InvalidArgument'
        && e.message.includes('-Type -TypeName'));
  });
  it('suggests a near name for an unknown one', () => {
    expect(() => bindThing(named('Nmae', 'x'))).to.throw(ShellError)
      .with.property('hint').that.includes('-Name');
  });

  const rejects: [string, CommandArgument[], string][] = [
    ['an unknown name', [named('Colour', 'red')], 'NamedParameterNotFound'],
    ['a parameter given twice', [named('Name', 'a'), named('name', 'b')], 'ParameterAlreadyBound'],
    ['a common parameter given twice', [named('ErrorAction', 'Stop'), named('ea', 'Stop')], 'ParameterAlreadyBound'],
    ['-Name at the end', [named('Name')], 'MissingArgument'],
    ['-Name followed by another parameter', [named('Name'), named('Force')], 'MissingArgument'],
    ['a value-less [bool]', [named('Enabled')], 'MissingArgument'],
    ['-WhatIf on a cmdlet that changes nothing', [named('WhatIf')], 'NamedParameterNotFound'],
  ];
  for (const [what, args, id] of rejects) it(`rejects ${what} with ${id}`, () => {
    expect(() => bindThing(...args)).to.throw(ShellError).that.satisfies(
      (e: ShellError) => e.id === id && e.category === 'InvalidArgument');
  });

  it('names the parameter and its type in MissingArgument', () => {
    expect(() => bindThing(named('Path'))).to.throw("Missing an argument for parameter 'Path'. " +
      "Specify a parameter of type 'System.String[]' and try again.");
  });
  it('keeps the span of the argument in the error', () => {
    const span = { source: { name: 't', text: '-Colour' }, start: 0, end: 7, line: 1, column: 1 };
    expect(() => bindThing({ kind: 'named', name: 'Colour', hasValue: true, value: 1, span }))
      .to.throw(ShellError).with.property('span', span);
  });
});

describe('binder: switches', () => {
  it('sets a present switch to true', () => expect(bindThing(named('Force')).args.Force).to.equal(true));
  it('takes -Force:$false', () => expect(bindThing(named('Force', false)).args.Force).to.equal(false));
  it('never takes the next argument', () => {
    expect(bindThing(named('Force'), pos('x')).args).to.deep.equal({ Force: true, Name: 'x' });
  });
  it('leaves an absent switch undefined', () => expect(bindThing().args).to.not.have.property('Force'));
  it('refuses a string value', () => {
    expect(() => bindThing(named('Force', 'yes'))).to.throw(ShellError)
      .with.property('id', 'CannotConvertArgumentNoMessage');
  });
});

describe('binder: common parameters', () => {
  it('puts common parameters in Binding.common, by canonical name', () => {
    const b = bindThing(named('ea', 'stop'), named('vb'), named('OutVariable', 'out'));
    expect(b.common).to.deep.equal({ ErrorAction: 'Stop', Verbose: true, OutVariable: 'out' });
    expect(b.args).to.deep.equal({});
  });
  it('accepts -WhatIf, -Confirm:$false and -Report on a cmdlet that changes state', () => {
    const b = bindArguments(setCert, [named('Thumbprint', 'AB'), named('Type', 'Default'), named('wi'),
      named('Confirm', false), named('Report', 'r.html')]);
    expect(b.common).to.deep.equal({ WhatIf: true, Confirm: false, Report: 'r.html' });
  });
  it('refuses an unknown ErrorAction, listing the valid values', () => {
    expect(() => bindThing(named('ErrorAction', 'Explode'))).to.throw(ShellError).that.satisfies((e: ShellError) =>
      e.id === 'CannotConvertArgumentNoMessage' && e.message.includes('SilentlyContinue, Stop, Continue'));
  });
  it('does not let a common parameter choose a set', () => {
    expect(bindArguments(requestCert, [named('New'), named('Verbose')]).candidateSets).to.deep.equal(['New']);
  });
});
