// Group-Object: groups the pipeline by the value of properties (or of the objects themselves),
// sorted by key as PowerShell 6.1 and later do (objects keep their order inside a group), as GroupInfo objects (Count, Name, Group, Values) or, with
// -AsHashTable, one hashtable from key to the group's objects. Keys compare case-insensitively
// unless -CaseSensitive.

import { Hashtable, PSObject } from '../lib/core/values.js';
import { defineCmdlet, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';
import { evaluateSpec, parsePropertySpecs } from './shared/property-selection.js';
import { compareValues, toStr } from './shared/values.js';

export const GROUP_INFO_TYPE = 'Microsoft.PowerShell.Commands.GroupInfo';

interface Group { values: unknown[]; name: string; items: unknown[] }
const groupsOf = new WeakMap<CmdletContext, Group[]>();

function sameKey(a: unknown[], b: unknown[], caseSensitive: boolean): boolean {
  return a.length === b.length && a.every((v, i) => {
    try { return compareValues(v, b[i], caseSensitive) === 0; } catch { return v === b[i]; }
  });
}

async function keyOf(item: unknown, property: unknown[] | undefined, ctx: CmdletContext): Promise<unknown[]> {
  const specs = parsePropertySpecs(property);
  if (specs.length === 0) return [item];
  const values: unknown[] = [];
  for (const spec of specs) values.push((await evaluateSpec(spec, item, ctx)) ?? null);
  return values;
}

function byKey(caseSensitive: boolean) {
  return (a: Group, b: Group) => {
    for (let i = 0; i < Math.min(a.values.length, b.values.length); i++) {
      let c: number;
      try { c = compareValues(a.values[i], b.values[i], caseSensitive); } catch { c = toStr(a.values[i]).localeCompare(toStr(b.values[i])); }
      if (c !== 0) return c;
    }
    return 0;
  };
}

function groupInfo(g: Group, noElement: boolean): PSObject {
  const info = new PSObject({ Count: g.items.length, Name: g.name }, [GROUP_INFO_TYPE, 'System.Object']);
  if (!noElement) info.set('Group', g.items);
  info.set('Values', g.values);
  return info;
}

function asHashtable(groups: Group[], asString: boolean): Hashtable {
  const table = new Hashtable();
  for (const g of groups) table.set(asString || g.values.length !== 1 ? g.name : g.values[0], g.items);
  return table;
}

const groupObject = defineCmdlet({
  name: 'Group-Object',
  synopsis: 'Groups objects that contain the same value for specified properties.',
  description: 'Returns one GroupInfo object per distinct key, sorted by key: Count, Name (the ' +
    'key as text, several keys joined by ", "), Group (the objects) and Values (the keys). -AsHashTable returns ' +
    'a hashtable from each key to its objects instead.',
  module: 'Microsoft.PowerShell.Utility',
  aliases: ['group'],
  outputType: GROUP_INFO_TYPE,
  parameters: {
    InputObject: param.object({ help: 'The objects to group; usually piped in.', pipeline: 'value' }),
    Property: param.objects({ help: 'Group by these: property names, script blocks or hashtables with an Expression.', position: 0 }),
    NoElement: param.switch({ help: 'Leaves the Group property (the objects) out of the result.' }),
    AsHashTable: param.switch({ help: 'Returns a hashtable: each key maps to the objects of its group.' }),
    AsString: param.switch({ help: 'With -AsHashTable, uses the key text as the hashtable key.' }),
    CaseSensitive: param.switch({ help: 'Keys differing only in case form separate groups.' }),
    Culture: param.string({ help: 'Accepted for compatibility; keys compare in the invariant culture.' }),
  },
  examples: [
    { title: 'Count words by length', code: "'a','bb','c' | Group-Object Length | ForEach-Object { '{0}:{1}' -f $_.Name, $_.Count }",
      output: ['1:2', '2:1'] },
    { title: 'A hashtable of groups', code: "$h = 'x','y','x' | Group-Object -AsHashTable; $h['x'].Count", output: [2] },
  ],
  related: ['Sort-Object', 'Measure-Object'],

  begin(args, ctx) {
    parsePropertySpecs(args.Property);
    groupsOf.set(ctx, []);
  },

  async process(args, ctx) {
    if (!ctx.isBound('InputObject')) return;
    const item = args.InputObject ?? null;
    const key = await keyOf(item, args.Property, ctx);
    const groups = groupsOf.get(ctx)!;
    const found = groups.find(g => sameKey(g.values, key, args.CaseSensitive === true));
    if (found) found.items.push(item);
    else groups.push({ values: key, name: key.map(v => toStr(v)).join(', '), items: [item] });
  },

  *end(args, ctx) {
    const groups = [...(groupsOf.get(ctx) ?? [])].sort(byKey(args.CaseSensitive === true));
    groupsOf.delete(ctx);
    if (args.AsHashTable) { if (groups.length) yield asHashtable(groups, args.AsString === true); return; }
    for (const g of groups) yield groupInfo(g, args.NoElement === true);
  },
});

export default groupObject;
