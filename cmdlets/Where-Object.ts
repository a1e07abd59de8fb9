// Where-Object: keeps the pipeline objects that pass a test, written either as a script block
// (`Where-Object { $_.Length -gt 10 }`) or in the simplified syntax (`Where-Object Name -like 'a*'`),
// where each comparison operator is a switch naming its own parameter set, as in PowerShell 7.

import { defineCmdlet, param, type CmdletContext, type ParameterDefinition, type SetMembership } from '../lib/engine/cmdlet/index.js';
import { propertyValue } from './shared/property-selection.js';
import { binaryOperator, single, toBool } from './shared/values.js';

/** Switch name → [parameter set, operator]. The order is PowerShell's. */
const OPERATORS: ReadonlyArray<readonly [string, string, string]> = [
  ['EQ', 'EqualSet', '-eq'], ['CEQ', 'CaseSensitiveEqualSet', '-ceq'],
  ['NE', 'NotEqualSet', '-ne'], ['CNE', 'CaseSensitiveNotEqualSet', '-cne'],
  ['GT', 'GreaterThanSet', '-gt'], ['CGT', 'CaseSensitiveGreaterThanSet', '-cgt'],
  ['LT', 'LessThanSet', '-lt'], ['CLT', 'CaseSensitiveLessThanSet', '-clt'],
  ['GE', 'GreaterOrEqualSet', '-ge'], ['CGE', 'CaseSensitiveGreaterOrEqualSet', '-cge'],
  ['LE', 'LessOrEqualSet', '-le'], ['CLE', 'CaseSensitiveLessOrEqualSet', '-cle'],
  ['Like', 'LikeSet', '-like'], ['CLike', 'CaseSensitiveLikeSet', '-clike'],
  ['NotLike', 'NotLikeSet', '-notlike'], ['CNotLike', 'CaseSensitiveNotLikeSet', '-cnotlike'],
  ['Match', 'MatchSet', '-match'], ['CMatch', 'CaseSensitiveMatchSet', '-cmatch'],
  ['NotMatch', 'NotMatchSet', '-notmatch'], ['CNotMatch', 'CaseSensitiveNotMatchSet', '-cnotmatch'],
  ['Contains', 'ContainsSet', '-contains'], ['CContains', 'CaseSensitiveContainsSet', '-ccontains'],
  ['NotContains', 'NotContainsSet', '-notcontains'], ['CNotContains', 'CaseSensitiveNotContainsSet', '-cnotcontains'],
  ['In', 'InSet', '-in'], ['CIn', 'CaseSensitiveInSet', '-cin'],
  ['NotIn', 'NotInSet', '-notin'], ['CNotIn', 'CaseSensitiveNotInSet', '-cnotin'],
  ['Is', 'IsSet', '-is'], ['IsNot', 'IsNotSet', '-isnot'],
];
const ALIASES: Record<string, string[]> = { EQ: ['IEQ'], NE: ['INE'], GT: ['IGT'], LT: ['ILT'], GE: ['IGE'], LE: ['ILE'],
  Like: ['ILike'], NotLike: ['INotLike'], Match: ['IMatch'], NotMatch: ['INotMatch'], Contains: ['IContains'],
  NotContains: ['INotContains'], In: ['IIn'], NotIn: ['INotIn'] };

const comparisonSets = OPERATORS.map(([, set]) => set);
const inSets = (sets: string[], m: SetMembership) => Object.fromEntries(sets.map(s => [s, m]));

const operatorSwitches: Record<string, ParameterDefinition<boolean>> = Object.fromEntries(OPERATORS.map(([name, set, op]) =>
  [name, param.switch({ help: `Keeps objects whose property value satisfies '${op}' against -Value.`,
    aliases: ALIASES[name], sets: { [set]: { mandatory: set !== 'EqualSet' } } })]));

const parameters = {
  InputObject: param.object({ help: 'The objects to filter; usually piped in.', pipeline: 'value' }),
  FilterScript: param.scriptBlock({ help: 'The test: a script block using $_ (or $PSItem) for the current object.',
    sets: { ScriptBlockSet: { mandatory: true, position: 0 } } }),
  Property: param.string({ help: 'The name of the property to compare (simplified syntax).',
    sets: inSets([...comparisonSets, 'NotSet'], { mandatory: true, position: 0 }) }),
  Value: param.object({ help: 'The value to compare the property with; absent, the property value itself is tested.',
    sets: inSets(comparisonSets, { position: 1 }) }),
  ...operatorSwitches,
  Not: param.switch({ help: 'Keeps objects whose property is absent, null, false or empty.', sets: { NotSet: { mandatory: true } } }),
};

type Args = { [K in keyof typeof parameters]?: unknown };

async function passes(args: Args, ctx: CmdletContext): Promise<boolean> {
  const target = args.InputObject ?? null;
  if (ctx.parameterSetName === 'ScriptBlockSet')
    return toBool(single(await ctx.invoke(args.FilterScript as never, { dollarUnder: target })));
  const value = propertyValue(target, args.Property as string) ?? null;
  if (ctx.parameterSetName === 'NotSet') return !toBool(value);
  const entry = OPERATORS.find(([, set]) => set === ctx.parameterSetName) ?? OPERATORS[0];
  if (entry[0] === 'EQ' && !ctx.isBound('Value')) return toBool(value);
  return toBool(binaryOperator(entry[2], value, args.Value ?? null));
}

const whereObject = defineCmdlet({
  name: 'Where-Object',
  synopsis: 'Selects objects from a collection based on their property values.',
  description: 'Passes on each pipeline object for which the test is true. The test is a script block, or a ' +
    'property name, a comparison operator switch and a value (Where-Object Status -eq Issued). A property ' +
    'name alone keeps objects whose property is true, non-empty and non-zero.',
  module: 'Microsoft.PowerShell.Core',
  aliases: ['where', '?'],
  // PowerShell's default is EqualSet; ScriptBlockSet first makes the binder, which tries the default set's
  // parameter first, give a script block to -FilterScript. A lone property name still lands in EqualSet,
  // the only set whose mandatory parameters it satisfies.
  defaultParameterSet: 'ScriptBlockSet',
  outputType: 'System.Object',
  parameters,
  examples: [
    { title: 'Keep numbers greater than two with a script block', code: '1..5 | Where-Object { $_ -gt 2 }', output: [3, 4, 5] },
    { title: 'The simplified syntax with -like',
      code: "@([pscustomobject]@{Name='alpha'}, [pscustomobject]@{Name='beta'}) | Where-Object Name -like 'a*' | ForEach-Object Name",
      output: ['alpha'] },
    { title: 'Keep objects whose property is empty', code: "@([pscustomobject]@{N=''}, [pscustomobject]@{N='x'}) | Where-Object -Not N | Measure-Object | ForEach-Object Count", output: [1] },
  ],
  related: ['ForEach-Object', 'Select-Object'],
  async *process(args, ctx) {
    if (!ctx.isBound('InputObject')) return;     // nothing piped in: nothing to filter
    if (await passes(args as Args, ctx)) yield args.InputObject ?? null;
  },
});

export default whereObject;
