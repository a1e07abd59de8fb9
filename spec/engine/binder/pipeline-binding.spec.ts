import { expect } from 'chai';
import { ShellError } from '../../../lib/core/errors.js';
import { Hashtable, PSObject } from '../../../lib/core/values.js';
import { bindArguments, bindPipelineInput, NO_INPUT } from '../../../lib/engine/binder/index.js';
import { defineCmdlet, param } from '../../../lib/engine/cmdlet/index.js';
import { getThing, named, setCert, stringInput } from './fixtures.js';

const reference = () => new PSObject({ Thumbprint: 'AB', Use: 'Default' }, ['Cs.CertificateReference']);

describe('binder: pipeline input', () => {
  it('says whether any open parameter takes pipeline input', () => {
    expect(bindArguments(stringInput, []).acceptsPipeline).to.equal(true);
    expect(bindArguments(getThing, []).acceptsPipeline).to.equal(false);
    expect(bindArguments(setCert, [named('Thumbprint', 'AB')]).acceptsPipeline).to.equal(true);
  });
  it('binds the object by value and chooses the set it belongs to', () => {
    const ref = reference();
    const b = bindPipelineInput(bindArguments(setCert, [named('Type', 'Default')]), ref);
    expect(b.args.Reference).to.equal(ref);
    expect(b.parameterSetName).to.equal('Reference');
    expect([...b.bound].sort()).to.deep.equal(['Reference', 'Type']);
  });
  it('binds by property name, case-insensitively and by alias, converting the value', () => {
    const input = new PSObject({ type: 'webservicesinternal', scope: 'global' });
    const b = bindPipelineInput(bindArguments(setCert, [named('Thumbprint', 'AB')]), input);
    expect(b.args).to.include({ Thumbprint: 'AB', Identity: 'global' });
    expect(b.args.Type).to.deep.equal(['WebServicesInternal']);
  });
  it('reads JS getters as properties', () => {
    class Row { get COUNT() { return '3'; } }
    const b = bindPipelineInput(bindArguments(stringInput, [named('InputObject', 'x')]), new Row());
    expect(b.args.Count).to.equal(3);
  });
  describe('the properties it reads (those Format-List and Select-Object * show)', () => {
    const byName = defineCmdlet({ name: 'Get-Part', synopsis: 'Takes Day and Name by property name.', examples: [],
      parameters: { Day: param.int({ help: 'Day.', pipeline: 'property' }), Name: param.string({ help: 'Name.', pipeline: 'property' }) } });
    it("reads a built-in value's properties: a date's Day", () => {
      expect(bindPipelineInput(bindArguments(byName, []), new Date(2030, 0, 31)).args).to.deep.equal({ Day: 31 });
    });
    it("does not read a class instance's non-public (lower-case) fields", () => {
      class Internal { name = 'secret'; }
      expect(() => bindPipelineInput(bindArguments(byName, []), new Internal()))
        .to.throw(ShellError).with.property('id', 'InputObjectNotBound');
    });
  });
  it('binds the same command afresh for each object', () => {
    const binding = bindArguments(stringInput, []);
    expect(bindPipelineInput(binding, 'a').args).to.deep.equal({ InputObject: 'a' });
    expect(bindPipelineInput(binding, 'b').args).to.deep.equal({ InputObject: 'b' });
    expect(binding.args).to.deep.equal({});
  });
  it('converts by value when no parameter takes the type as it is', () => {
    expect(bindPipelineInput(bindArguments(stringInput, []), 42).args.InputObject).to.equal('42');
  });
  it('does not bind hashtable keys by property name', () => {
    const h = Hashtable.from({ Type: 'Default' });
    expect(() => bindPipelineInput(bindArguments(setCert, [named('Thumbprint', 'AB')]), h))
      .to.throw(ShellError).with.property('id', 'InputObjectNotBound');
  });
  it('rejects input a command does not take with InputObjectNotBound', () => {
    expect(() => bindPipelineInput(bindArguments(getThing, []), 'x')).to.throw(ShellError).that.satisfies(
      (e: ShellError) => e.id === 'InputObjectNotBound' && e.category === 'InvalidArgument');
  });
  it('reports a mandatory pipeline parameter the object did not supply', () => {
    const input = new PSObject({ Identity: 'global' });
    expect(() => bindPipelineInput(bindArguments(setCert, [named('Thumbprint', 'AB')]), input))
      .to.throw(ShellError).with.property('id', 'InputObjectMissingMandatory');
  });
  it('reports MissingMandatoryParameter when nothing is piped in', () => {
    expect(() => bindPipelineInput(bindArguments(stringInput, []), NO_INPUT)).to.throw(ShellError).that.satisfies(
      (e: ShellError) => e.id === 'MissingMandatoryParameter' && e.message.endsWith(': InputObject.'));
  });
});

describe('binder: pipeline input, object after object', () => {
  it('reads the declaration once for the stage, not again for each object', () => {
    let enumerations = 0;
    const parameters = new Proxy(setCert.parameters, { ownKeys: target => { enumerations++; return Reflect.ownKeys(target); } });
    const binding = bindArguments({ ...setCert, parameters }, [named('Thumbprint', 'AB')]);
    const before = enumerations;
    for (let i = 0; i < 20; i++) bindPipelineInput(binding, new PSObject({ Type: 'Default', Identity: `site${i}` }));
    expect(enumerations - before).to.equal(0);
  });
  it('binds each object from the command line alone: what one object bound or failed does not reach the next', () => {
    const binding = bindArguments(setCert, [named('Thumbprint', 'AB')]);
    expect(() => bindPipelineInput(binding, new PSObject({ Identity: 'global' })))
      .to.throw(ShellError).with.property('id', 'InputObjectMissingMandatory');
    const next = bindPipelineInput(binding, new PSObject({ Type: 'Default' }));
    expect(next.args).to.deep.equal({ Thumbprint: 'AB', Type: ['Default'] });
    expect([...next.bound].sort()).to.deep.equal(['Thumbprint', 'Type']);
    expect(next.parameterSetName).to.equal('Thumbprint');
  });
});
