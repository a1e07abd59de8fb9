// Measure-Object: counts the pipeline and computes sum, average, minimum, maximum and standard
// deviation of the objects or of properties (one GenericMeasureInfo per property), or counts the
// lines, words and characters of text (TextMeasureInfo). What was not asked for is $null.

import { ShellError } from '../lib/core/errors.js';
import { PSObject } from '../lib/core/values.js';
import { defineCmdlet, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';
import { evaluateSpec, hasProperty, parsePropertySpecs, type PropertySpec } from './shared/property-selection.js';
import { compareValues, toNumber, toStr } from './shared/values.js';

export const GENERIC_MEASURE_TYPE = 'Microsoft.PowerShell.Commands.GenericMeasureInfo';
export const TEXT_MEASURE_TYPE = 'Microsoft.PowerShell.Commands.TextMeasureInfo';

/** The values seen for one property (or the objects themselves: name ''). */
interface Column { spec?: PropertySpec; name: string; values: unknown[]; found: boolean }
const columnsOf = new WeakMap<CmdletContext, Column[]>();

interface Wanted { Sum?: boolean; Average?: boolean; Maximum?: boolean; Minimum?: boolean; StandardDeviation?: boolean; AllStats?: boolean }

function numeric(value: unknown): number {
  if (typeof value === 'number') return value;
  try {
    const n = toNumber(value);
    if (typeof n === 'number' && !Number.isNaN(n)) return n;
  } catch { /* reported below */ }
  throw new ShellError('NonNumericInputObject', 'InvalidType', `Input object "${toStr(value)}" is not numeric.`,
    { target: value, hint: 'Sum, Average and StandardDeviation need numbers; Maximum and Minimum also compare text.' });
}

function extreme(values: unknown[], sign: 1 | -1): unknown {
  return values.reduce((best, v) => (best === undefined || sign * compareValues(v, best, false) > 0 ? v : best),
    undefined as unknown) ?? null;
}

function stats(values: unknown[], w: Wanted) {
  const all = w.AllStats === true;
  const needNumbers = all || w.Sum || w.Average || w.StandardDeviation;
  const nums = needNumbers ? values.map(numeric) : [];
  const sum = nums.reduce((a, b) => a + b, 0), n = values.length;
  const mean = n ? sum / n : 0;
  const sd = n > 1 ? Math.sqrt(nums.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1)) : 0;
  return {
    Average: all || w.Average ? (n ? mean : null) : null,
    Sum: all || w.Sum ? sum : null,
    Maximum: all || w.Maximum ? extreme(values, 1) : null,
    Minimum: all || w.Minimum ? extreme(values, -1) : null,
    StandardDeviation: all || w.StandardDeviation ? sd : null,
  };
}

function genericInfo(c: Column, w: Wanted): PSObject {
  const s = stats(c.values, w);
  return new PSObject({ Count: c.values.length, Average: s.Average, Sum: s.Sum, Maximum: s.Maximum, Minimum: s.Minimum,
    StandardDeviation: s.StandardDeviation, Property: c.spec ? c.name : null }, [GENERIC_MEASURE_TYPE, 'System.Object']);
}

function textInfo(c: Column, a: { Line?: boolean; Word?: boolean; Character?: boolean; IgnoreWhiteSpace?: boolean }): PSObject {
  const texts = c.values.map(v => toStr(v));
  const count = (f: (t: string) => number) => texts.reduce((sum, t) => sum + f(t), 0);
  const lines = (t: string) => t.split(/\r?\n/).filter((l, i, all) => i < all.length - 1 || l !== '').length;
  const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
  const chars = (t: string) => (a.IgnoreWhiteSpace ? t.replace(/\s/g, '') : t).length;
  return new PSObject({ Lines: a.Line ? count(lines) : null, Words: a.Word ? count(words) : null,
    Characters: a.Character ? count(chars) : null, Property: c.spec ? c.name : null }, [TEXT_MEASURE_TYPE, 'System.Object']);
}

async function record(item: unknown, columns: Column[], ctx: CmdletContext) {
  for (const c of columns) {
    if (!c.spec) { if (item !== null) c.values.push(item); continue; }
    const present = typeof c.spec.expression !== 'string' || hasProperty(item, c.spec.expression);
    if (!present) continue;
    c.found = true;
    const v = await evaluateSpec(c.spec, item, ctx);
    if (v !== null && v !== undefined) c.values.push(v);
  }
}

const generic = ['GenericMeasure'];
const text = ['TextMeasure'];

const measureObject = defineCmdlet({
  name: 'Measure-Object',
  synopsis: 'Calculates the numeric properties of objects, and the characters, words, and lines in string objects.',
  description: 'Counts the input objects; with -Sum, -Average, -Maximum, -Minimum, -StandardDeviation (or ' +
    '-AllStats) computes them over the objects or over each -Property, one result per property. With -Line, ' +
    '-Word and -Character counts text instead. Statistics not asked for are $null.',
  module: 'Microsoft.PowerShell.Utility',
  aliases: ['measure'],
  defaultParameterSet: 'GenericMeasure',
  outputType: GENERIC_MEASURE_TYPE,
  parameters: {
    InputObject: param.object({ help: 'The objects to measure; usually piped in.', pipeline: 'value' }),
    Property: param.objects({ help: 'Measure these properties (names, script blocks or hashtables) rather than the objects.', position: 0 }),
    Sum: param.switch({ help: 'Adds the values.', sets: generic }),
    Average: param.switch({ help: 'Averages the values.', sets: generic }),
    Maximum: param.switch({ help: 'The largest value (numbers or text).', sets: generic }),
    Minimum: param.switch({ help: 'The smallest value (numbers or text).', sets: generic }),
    StandardDeviation: param.switch({ help: 'The sample standard deviation of the values.', sets: generic }),
    AllStats: param.switch({ help: 'All of the above.', sets: generic }),
    Line: param.switch({ help: 'Counts the lines of text.', sets: text }),
    Word: param.switch({ help: 'Counts the words of text.', sets: text }),
    Character: param.switch({ help: 'Counts the characters of text.', sets: text }),
    IgnoreWhiteSpace: param.switch({ help: 'With -Character, leaves white space out of the count.', sets: text }),
  },
  examples: [
    { title: 'Count, sum and average', code: '1..4 | Measure-Object -Sum -Average | ForEach-Object { $_.Count, $_.Sum, $_.Average }',
      output: [4, 10, 2.5] },
    { title: 'The largest value of a property',
      code: "@([pscustomobject]@{Size=3}, [pscustomobject]@{Size=7}) | Measure-Object Size -Maximum | ForEach-Object Maximum", output: [7] },
    { title: 'Count words in text', code: "'one two', 'three' | Measure-Object -Word | ForEach-Object Words", output: [3] },
  ],
  related: ['Group-Object', 'Sort-Object'],

  begin(args, ctx) {
    const specs = parsePropertySpecs(args.Property);
    columnsOf.set(ctx, specs.length ? specs.map(spec => ({ spec, name: spec.name, values: [], found: false }))
      : [{ name: '', values: [], found: true }]);
  },

  async process(args, ctx) {
    if (ctx.isBound('InputObject')) await record(args.InputObject ?? null, columnsOf.get(ctx)!, ctx);
  },

  *end(args, ctx) {
    const columns = columnsOf.get(ctx) ?? [];
    columnsOf.delete(ctx);
    for (const c of columns) {
      if (!c.found) {
        ctx.writeError(new ShellError('GenericMeasurePropertyNotFound', 'InvalidArgument',
          `The property "${c.name}" cannot be found in the input for any objects.`,
          { target: c.name, hint: "Pipe the input to 'Get-Member' to list its properties." }));
        continue;
      }
      yield ctx.parameterSetName === 'TextMeasure' ? textInfo(c, args) : genericInfo(c, args);
    }
  },
});

export default measureObject;
