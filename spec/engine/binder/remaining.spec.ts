import { expect } from 'chai';
import { bindArguments, bindPipelineInput, NO_INPUT } from '../../../lib/engine/binder/index.js';
import { defineCmdlet, param } from '../../../lib/engine/cmdlet/index.js';

const echo = defineCmdlet({
  name: 'Write-Echo', synopsis: 'Echoes.', examples: [],
  parameters: {
    InputObject: param.objects({ help: 'what', position: 0, pipeline: 'value', remaining: true }),
    Separator: param.string({ help: 'between' }),
  },
});
const positional = (...values: unknown[]) => values.map(value => ({ kind: 'positional' as const, value }));
const bound = (args: ReturnType<typeof positional> | Parameters<typeof bindArguments>[1]) =>
  bindPipelineInput(bindArguments(echo, args), NO_INPUT).args;

describe('binder: ValueFromRemainingArguments', () => {
  it('collects every positional value after its own position into one array', () =>
    expect(bound(positional('a', 'b', 3)).InputObject).to.deep.equal(['a', 'b', 3]));
  it('still binds a single value by position', () =>
    expect(bound(positional('a')).InputObject).to.deep.equal(['a']));
  it('leaves named parameters to their names', () =>
    expect(bound([{ kind: 'named', name: 'Separator', value: '-', hasValue: true }, ...positional('a', 'b')]))
      .to.deep.equal({ Separator: '-', InputObject: ['a', 'b'] }));
});
