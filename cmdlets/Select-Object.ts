// Select-Object: picks properties of objects (names, wildcards, calculated properties) into new
// objects typed 'Selected.<type>', expands one property (-ExpandProperty), and picks objects by
// position (-First, -Last, -Skip, -SkipLast, -Index) or uniqueness (-Unique). -First streams: once
// it has its objects it asks the runtime to stop the commands before it (ctx.stopUpstream).

import { ShellError } from '../lib/core/errors.js';
import { PSObject } from '../lib/core/values.js';
import { defineCmdlet, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';
import { evaluateSpec, expandSpecs, hasProperty, parsePropertySpecs, propertyValue, type PropertySpec }
  from './shared/property-selection.js';
import { asList, compareValues, isEnumerable, typeNameOf, wildcardToRegExp } from './shared/values.js';

interface SelectArgs {
  Property?: unknown[]; ExcludeProperty?: string[]; ExpandProperty?: string; Unique?: boolean; CaseInsensitive?: boolean;
  First?: number; Last?: number; Skip?: number; SkipLast?: number; Index?: number[]; SkipIndex?: number[];
}

/** Per-command state: what has been seen and kept so far. */
interface SelectState {
  specs: PropertySpec[]; exclude: RegExp[]; seen: number; emitted: number; buffer: unknown[]; kept: unknown[];
}
const states = new WeakMap<CmdletContext, SelectState>();

/** Is the whole input needed before anything can be emitted? */
const buffers = (a: SelectArgs) => a.Last !== undefined || a.SkipLast !== undefined
  || a.Index !== undefined || a.SkipIndex !== undefined;

/** A new object with the selected properties, typed after the original. */
async function selectProperties(target: unknown, s: SelectState, ctx: CmdletContext): Promise<PSObject> {
  const typeName = typeNameOf(target);
  const out = new PSObject({}, [`Selected.${typeName}`, 'System.Management.Automation.PSCustomObject', 'System.Object']);
  for (const spec of expandSpecs(s.specs, target, s.exclude))
    out.set(spec.name, (await evaluateSpec(spec, target, ctx)) ?? null);
  return out;
}

/** -ExpandProperty: the property's elements (or value), each carrying the other selected properties. */
async function expand(target: unknown, name: string, s: SelectState, ctx: CmdletContext): Promise<unknown[]> {
  if (!hasProperty(target, name) && propertyValue(target, name) === undefined)
    throw new ShellError('ExpandPropertyNotFound', 'InvalidArgument', `Property "${name}" cannot be found.`,
      { target, hint: "Pipe the object to 'Get-Member' to list its properties." });
  const value = propertyValue(target, name) ?? null;
  const items = typeof value !== 'string' && isEnumerable(value) ? asList(value) : [value];
  if (s.specs.length === 0) return items;
  const extra = await selectProperties(target, s, ctx);
  for (const item of items) if (item instanceof PSObject) for (const [k, v] of extra.entries()) item.set(k, v);
  return items;
}

/** The object(s) one input becomes, before positional selection. */
async function transform(target: unknown, args: SelectArgs, s: SelectState, ctx: CmdletContext): Promise<unknown[]> {
  if (args.ExpandProperty !== undefined) return expand(target, args.ExpandProperty, s, ctx);
  if (s.specs.length > 0) return [await selectProperties(target, s, ctx)];
  return [target];
}

function sameObject(a: unknown, b: unknown, caseSensitive: boolean): boolean {
  if (a instanceof PSObject && b instanceof PSObject) {
    const an = a.names(), bn = b.names();
    return an.length === bn.length && an.every((n, i) => n.toLowerCase() === bn[i].toLowerCase()
      && sameObject(a.get(n) ?? null, b.get(n) ?? null, caseSensitive));
  }
  if (a instanceof PSObject || b instanceof PSObject) return a === b;
  try { return compareValues(a, b, caseSensitive) === 0; } catch { return a === b; }
}

/** -Unique: false when an equal object was already kept (case-sensitive unless -CaseInsensitive). */
function isNew(item: unknown, args: SelectArgs, s: SelectState): boolean {
  if (!args.Unique) return true;
  if (s.kept.some(k => sameObject(k, item, !args.CaseInsensitive))) return false;
  s.kept.push(item);
  return true;
}

/** Streaming positions: -Skip then -First. */
function takeStreaming(args: SelectArgs, s: SelectState): boolean {
  s.seen++;
  if (s.seen <= (args.Skip ?? 0)) return false;
  if (args.First !== undefined && s.emitted >= args.First) return false;
  s.emitted++;
  return true;
}

/** Buffered positions, once all input is in. */
function pickBuffered(items: unknown[], args: SelectArgs): unknown[] {
  if (args.Index) return [...new Set(args.Index)].sort((a, b) => a - b).filter(i => i >= 0 && i < items.length).map(i => items[i]);
  if (args.SkipIndex) { const skip = new Set(args.SkipIndex); return items.filter((_, i) => !skip.has(i)); }
  if (args.SkipLast !== undefined) return items.slice(0, Math.max(0, items.length - args.SkipLast));
  let end = items.length;
  if (args.Last !== undefined) {
    if (args.First === undefined) end = Math.max(0, items.length - (args.Skip ?? 0));
    const last = items.slice(Math.max(0, end - args.Last), end);
    const first = args.First !== undefined ? items.slice(args.Skip ?? 0, (args.Skip ?? 0) + args.First) : [];
    return args.First !== undefined ? [...first, ...last] : last;
  }
  return items;
}

const positiveInt = (n: number) => (n < 0 ? 'The value must be zero or more.' : undefined);
const defaultSets = ['DefaultParameter', 'SkipLastParameter'];

const selectObject = defineCmdlet({
  name: 'Select-Object',
  synopsis: 'Selects objects or object properties.',
  description: 'Picks properties of each input object into a new object (names, wildcards and calculated ' +
    "properties written @{Name='N'; Expression={...}}), expands a property with -ExpandProperty, or picks " +
    'objects by position (-First, -Last, -Skip, -SkipLast, -Index) and uniqueness (-Unique). The new objects ' +
    "are typed 'Selected.' followed by the original type name.",
  module: 'Microsoft.PowerShell.Utility',
  aliases: ['select'],
  defaultParameterSet: 'DefaultParameter',
  outputType: 'System.Management.Automation.PSObject',
  parameters: {
    InputObject: param.object({ help: 'The objects to select from; usually piped in.', pipeline: 'value' }),
    Property: param.objects({ help: 'Properties to select: names (wildcards allowed), script blocks, or hashtables ' +
      'with Name (or Label) and Expression keys.', sets: { DefaultParameter: { position: 0 }, SkipLastParameter: { position: 0 } } }),
    ExcludeProperty: param.strings({ help: 'Properties to leave out (wildcards allowed); alone, selects every other property.', sets: defaultSets }),
    ExpandProperty: param.string({ help: 'A property whose value (or each element of it) is output instead of the object.', sets: defaultSets }),
    Unique: param.switch({ help: 'Outputs only the first of equal objects (compared case-sensitively).' }),
    CaseInsensitive: param.switch({ help: 'With -Unique, compares strings ignoring case.' }),
    Last: param.int({ help: 'Selects this many objects from the end.', sets: ['DefaultParameter'], validate: positiveInt }),
    First: param.int({ help: 'Selects this many objects from the start, then stops.', sets: ['DefaultParameter'], validate: positiveInt }),
    Skip: param.int({ help: 'Skips this many objects first (from the end with -Last).', sets: ['DefaultParameter'], validate: positiveInt }),
    SkipLast: param.int({ help: 'Leaves out this many objects at the end.', sets: ['SkipLastParameter'], validate: positiveInt }),
    Index: param.ints({ help: 'Selects the objects at these zero-based positions.', sets: ['IndexParameter'] }),
    SkipIndex: param.ints({ help: 'Selects every object except those at these zero-based positions.', sets: ['SkipIndexParameter'] }),
  },
  examples: [
    { title: 'The first two objects', code: '1..10 | Select-Object -First 2', output: [1, 2] },
    { title: 'Select and compute properties',
      code: "[pscustomobject]@{Name='a'; Size=2048} | Select-Object Name, @{Name='KB'; Expression={ $_.Size / 1024 }} | ForEach-Object KB",
      output: [2] },
    { title: 'Expand a property', code: "[pscustomobject]@{Names='x','y'} | Select-Object -ExpandProperty Names", output: ['x', 'y'] },
    { title: 'Distinct values', code: '1,2,2,3,1 | Select-Object -Unique', output: [1, 2, 3] },
  ],
  related: ['Where-Object', 'Sort-Object', 'Group-Object'],

  begin(args, ctx) {
    state(args as SelectArgs, ctx);     // reads -Property now, so a bad hashtable fails before any input
  },

  async *process(args, ctx) {
    if (!ctx.isBound('InputObject')) return;
    const a = args as SelectArgs, s = state(a, ctx);
    if (!buffers(a) && a.First !== undefined && s.emitted >= a.First) return;   // done: ignore the rest
    for (const item of await transform(args.InputObject ?? null, a, s, ctx)) {
      if (!isNew(item, a, s)) continue;
      if (buffers(a)) s.buffer.push(item);
      else if (takeStreaming(a, s)) yield item;
    }
    if (!buffers(a) && a.First !== undefined && s.emitted >= a.First) ctx.stopUpstream?.();
  },

  *end(args, ctx) {
    const a = args as SelectArgs, s = states.get(ctx);
    if (s && buffers(a)) yield* pickBuffered(s.buffer, a);
    states.delete(ctx);
  },
});

function state(a: SelectArgs, ctx: CmdletContext): SelectState {
  let s = states.get(ctx);
  if (!s) {
    const props = a.Property ?? (a.ExcludeProperty && !a.ExpandProperty ? ['*'] : []);
    s = { specs: parsePropertySpecs(props), exclude: (a.ExcludeProperty ?? []).map(p => wildcardToRegExp(p)),
      seen: 0, emitted: 0, buffer: [], kept: [] };
    states.set(ctx, s);
  }
  return s;
}

export default selectObject;
