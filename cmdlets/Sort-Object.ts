// Sort-Object: sorts the pipeline by the objects themselves or by properties (names, script blocks,
// hashtables with Expression and Ascending/Descending). The sort is stable, case-insensitive unless
// -CaseSensitive, and compares as PowerShell's operators do (compareValues). -Unique drops objects
// equal to the one before them; -Top and -Bottom keep only that many.

import { defineCmdlet, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';
import { evaluateSpec, parsePropertySpecs, type PropertySpec } from './shared/property-selection.js';
import { compareValues } from './shared/values.js';

interface Keyed { item: unknown; keys: unknown[] }
const collected = new WeakMap<CmdletContext, Keyed[]>();

async function keysOf(item: unknown, specs: readonly PropertySpec[], ctx: CmdletContext): Promise<unknown[]> {
  if (specs.length === 0) return [item];
  const keys: unknown[] = [];
  for (const spec of specs) keys.push((await evaluateSpec(spec, item, ctx)) ?? null);
  return keys;
}

function compareSafely(a: unknown, b: unknown, caseSensitive: boolean): number {
  try { return compareValues(a, b, caseSensitive); }
  catch { return compareValues(String(a), String(b), caseSensitive); }   // incomparable types: as text
}

function comparator(specs: readonly PropertySpec[], descending: boolean, caseSensitive: boolean) {
  const directions = (specs.length ? specs : [{ name: '' } as PropertySpec]).map(s => s.descending ?? descending);
  return (a: Keyed, b: Keyed) => {
    for (let i = 0; i < directions.length; i++) {
      const c = compareSafely(a.keys[i], b.keys[i], caseSensitive);
      if (c !== 0) return directions[i] ? -c : c;
    }
    return 0;
  };
}

function uniqueRuns(sorted: Keyed[], caseSensitive: boolean): Keyed[] {
  return sorted.filter((k, i) => i === 0 || k.keys.some((key, j) => compareSafely(key, sorted[i - 1].keys[j], caseSensitive) !== 0));
}

const sortObject = defineCmdlet({
  name: 'Sort-Object',
  synopsis: 'Sorts objects by property values.',
  description: 'Sorts the input objects in ascending order of the objects themselves, or of the properties ' +
    'given. A property may be a name, a script block, or a hashtable with Expression and Ascending or ' +
    'Descending keys to sort each key its own way. Equal objects keep their input order.',
  module: 'Microsoft.PowerShell.Utility',
  aliases: ['sort'],
  defaultParameterSet: 'Default',
  outputType: 'System.Object',
  parameters: {
    InputObject: param.object({ help: 'The objects to sort; usually piped in.', pipeline: 'value' }),
    Property: param.objects({ help: 'Sort keys: property names, script blocks, or hashtables with Expression and Ascending/Descending.',
      position: 0 }),
    Descending: param.switch({ help: 'Sorts in descending order (a hashtable key can override it per property).' }),
    Unique: param.switch({ help: 'Outputs one object of each run of equal sort keys.' }),
    CaseSensitive: param.switch({ help: 'Upper and lower case sort apart (by default they compare equal).' }),
    Stable: param.switch({ help: 'Equal objects keep their input order (always true here).', sets: ['Default'] }),
    Top: param.int({ help: 'Outputs only this many objects from the start of the sorted list.',
      sets: { Top: { mandatory: true } }, validateRange: [1, 2147483647] }),
    Bottom: param.int({ help: 'Outputs only this many objects from the end of the sorted list.',
      sets: { Bottom: { mandatory: true } }, validateRange: [1, 2147483647] }),
    Culture: param.string({ help: 'Accepted for compatibility; comparisons use the invariant culture.' }),
  },
  examples: [
    { title: 'Sort numbers in descending order', code: '3,1,2 | Sort-Object -Descending', output: [3, 2, 1] },
    { title: 'Sort objects by a property',
      code: "@([pscustomobject]@{N='b'; V=2}, [pscustomobject]@{N='a'; V=1}) | Sort-Object V | ForEach-Object N", output: ['a', 'b'] },
    { title: 'Distinct sorted values', code: "'b','a','B' | Sort-Object -Unique", output: ['a', 'b'] },
  ],
  related: ['Group-Object', 'Select-Object'],

  begin(args, ctx) {
    parsePropertySpecs(args.Property, ['name', 'expression', 'ascending', 'descending']);   // fail early on a bad key
    collected.set(ctx, []);
  },

  async process(args, ctx) {
    if (!ctx.isBound('InputObject')) return;
    const specs = parsePropertySpecs(args.Property, ['name', 'expression', 'ascending', 'descending']);
    const item = args.InputObject ?? null;
    collected.get(ctx)!.push({ item, keys: await keysOf(item, specs, ctx) });
  },

  *end(args, ctx) {
    const specs = parsePropertySpecs(args.Property, ['name', 'expression', 'ascending', 'descending']);
    const caseSensitive = args.CaseSensitive === true;
    let sorted = [...(collected.get(ctx) ?? [])].sort(comparator(specs, args.Descending === true, caseSensitive));
    collected.delete(ctx);
    if (args.Unique) sorted = uniqueRuns(sorted, caseSensitive);
    if (args.Top !== undefined) sorted = sorted.slice(0, args.Top);
    if (args.Bottom !== undefined) sorted = sorted.slice(Math.max(0, sorted.length - args.Bottom));
    for (const k of sorted) yield k.item;
  },
});

export default sortObject;
