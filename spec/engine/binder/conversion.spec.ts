import { expect } from 'chai';
import { ShellError } from '../../../lib/core/errors.js';
import { Hashtable, SecureString } from '../../../lib/core/values.js';
import { bindArguments } from '../../../lib/engine/binder/index.js';
import { ScriptBlock } from '../../../lib/engine/cmdlet/index.js';
import { TimeSpan } from '../../../lib/engine/values/timespan.js';
import { getThing, named } from './fixtures.js';

const bound = (name: string, value: unknown) => bindArguments(getThing, [named(name, value)]).args[name];
const block = new ScriptBlock({ text: '$true' } as never);

describe('binder: conversion', () => {
  const converts: [string, unknown, unknown][] = [
    ['Name', 42, '42'],
    ['Name', true, 'True'],
    ['Name', ['one'], 'one'],
    ['Path', 'a', ['a']],
    ['Path', ['a', 1], ['a', '1']],
    ['Count', '12', 12],
    ['Count', 2.5, 2],
    ['Count', 3.5, 4],
    ['Count', '0x10', 16],
    ['Size', '5000000000', 5000000000],
    ['Ratio', '1.5', 1.5],
    ['Enabled', 0, false],
    ['Enabled', true, true],
    ['Type', 'webservicesinternal', ['WebServicesInternal']],
    ['Type', ['default', 'Internal'], ['Default', 'WebServicesInternal']],
    ['One', 'OAUTHTOKENISSUER', 'OAuthTokenIssuer'],
    ['Wait', '00:01:30', 90000],
    ['Wait', new TimeSpan(20_000), 2],
    ['Filter', block, block],
    ['Anything', [1, 2], [1, 2]],
  ];
  for (const [name, input, output] of converts) it(`binds ${JSON.stringify(input)} to -${name} as ${JSON.stringify(output)}`, () => {
    expect(bound(name, input)).to.deep.equal(output);
  });

  it('parses an invariant date string', () => {
    expect((bound('When', '7/31/2012 8:00 AM') as Date).getTime()).to.equal(new Date(2012, 6, 31, 8, 0).getTime());
  });
  it('turns a string into a SecureString for a password', () => {
    const s = bound('Password', 'p@ss');
    expect(s).to.be.instanceOf(SecureString);
    expect((s as SecureString).reveal()).to.equal('p@ss');
  });
  it('passes a hashtable through', () => {
    const h = new Hashtable();
    expect(bound('Options', h)).to.equal(h);
  });

  const rejects: [string, unknown, string][] = [
    ['Count', 'abc', 'CannotConvertArgumentNoMessage'],
    ['Count', 3e10, 'CannotConvertArgumentNoMessage'],
    ['Enabled', 'true', 'CannotConvertArgumentNoMessage'],
    ['Filter', '$_ -gt 1', 'CannotConvertArgumentNoMessage'],
    ['Options', 'a=1', 'CannotConvertArgumentNoMessage'],
    ['When', 'someday', 'CannotConvertArgumentNoMessage'],
    ['Wait', 'soon', 'CannotConvertArgumentNoMessage'],
    ['Type', 'Edge', 'CannotConvertArgumentNoMessage'],
    ['Name', ['a', 'b'], 'CannotConvertArgument'],
  ];
  for (const [name, input, id] of rejects) it(`rejects ${JSON.stringify(input)} for -${name} with ${id}`, () => {
    expect(() => bound(name, input)).to.throw(ShellError).that.satisfies(
      (e: ShellError) => e.id === id && e.category === 'InvalidArgument');
  });

  it('lists the enumerator names and points at Get-Help for an invalid enum value', () => {
    expect(() => bound('Type', 'Edge')).to.throw(ShellError).that.satisfies((e: ShellError) =>
      e.message.startsWith("Cannot bind parameter 'Type'. Cannot convert value \"Edge\" to type")
      && e.message.endsWith('try again:\nDefault, WebServicesInternal, WebServicesExternal, OAuthTokenIssuer"')
      && e.hint === "Run 'Get-Help Get-Thing -Parameter Type' to see the valid values.");
  });
  it('says that [bool] takes only booleans and numbers', () => {
    expect(() => bound('Enabled', 'yes')).to.throw(/Boolean parameters accept only Boolean values and numbers/);
  });
  it("uses a definition's own convert and reports its failure as a transformation error", () => {
    const cmd = { ...getThing, parameters: { N: { ...getThing.parameters.Count, convert: (v: unknown) => {
      if (v === 'bad') throw new Error('Input string was not in a correct format.');
      return [Number(v)];
    } } } };
    expect(bindArguments(cmd, [named('N', '3')]).args.N).to.deep.equal([3]);
    expect(() => bindArguments(cmd, [named('N', 'bad')])).to.throw(ShellError).that.satisfies((e: ShellError) =>
      e.id === 'ParameterArgumentTransformationError' && e.category === 'InvalidData'
      && e.message === "Cannot process argument transformation on parameter 'N'. Input string was not in a correct format.");
  });
});

describe('binder: validation', () => {
  const rejects: [string, unknown, string][] = [
    ['Count', 101, 'ParameterArgumentValidationError'],
    ['Count', -1, 'ParameterArgumentValidationError'],
    ['Label', '', 'ParameterArgumentValidationError'],
    ['Label', null, 'ParameterArgumentValidationError'],
    ['Even', 3, 'ParameterArgumentValidationError'],
  ];
  for (const [name, input, id] of rejects) it(`rejects ${JSON.stringify(input)} for -${name} with ${id}`, () => {
    expect(() => bound(name, input)).to.throw(ShellError).that.satisfies(
      (e: ShellError) => e.id === id && e.category === 'InvalidData');
  });
  it("puts the validator's message after PowerShell's prefix", () => {
    expect(() => bound('Even', 3)).to.throw("Cannot validate argument on parameter 'Even'. The value must be even.");
  });
  const mandatory = { ...getThing, parameters: {
    M: { ...getThing.parameters.Name, sets: { __AllParameterSets: { mandatory: true } } },
    L: { ...getThing.parameters.Path, sets: { __AllParameterSets: { mandatory: true } } } } };
  const empties: [string, unknown, string][] = [
    ['M', null, 'ParameterArgumentValidationErrorNullNotAllowed'],
    ['M', '', 'ParameterArgumentValidationErrorEmptyStringNotAllowed'],
    ['L', [], 'ParameterArgumentValidationErrorEmptyArrayNotAllowed'],
  ];
  for (const [name, value, id] of empties) it(`refuses ${JSON.stringify(value)} for mandatory -${name} with ${id}`, () => {
    expect(() => bindArguments(mandatory, [named(name, value)])).to.throw(ShellError).that.satisfies(
      (e: ShellError) => e.id === id && e.category === 'InvalidData');
  });
});
