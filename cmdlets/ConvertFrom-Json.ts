// ConvertFrom-Json: JSON text to objects, with PowerShell 7's rules: objects become
// PSCustomObjects (or ordered hashtables with -AsHashtable), ISO 8601 date strings become dates,
// and a top-level array is written element by element. Piped lines are joined first, so a file
// read by Get-Content converts as one document.

import { defineCmdlet, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';
import { textConversions } from '../lib/core/text-conversions.js';

const gathered = new WeakMap<CmdletContext, string[]>();

export default defineCmdlet({
  name: 'ConvertFrom-Json',
  synopsis: 'Converts a JSON-formatted string to a custom object or a hash table.',
  description: 'Reads JSON text into objects whose properties are the JSON fields, in order. Strings in ISO 8601 ' +
    'date form become dates. Lines piped in (as Get-Content writes them) are joined into one document. A JSON ' +
    'array is written one element at a time unless -NoEnumerate.',
  module: 'Microsoft.PowerShell.Utility',
  outputType: 'System.Management.Automation.PSCustomObject',
  parameters: {
    InputObject: param.string({ help: 'The JSON text.', position: 0, mandatory: true, pipeline: 'value' }),
    AsHashtable: param.switch({ help: 'Makes each JSON object an ordered hashtable instead of a PSCustomObject.' }),
    Depth: param.int({ help: 'The deepest nesting accepted.', validateRange: [1, 100000], defaultText: '1024' }),
    NoEnumerate: param.switch({ help: 'Writes a JSON array as one array object.' }),
  },
  examples: [
    { title: 'Read a field of a JSON document', code: `'{"Name":"web","Port":443}' | ConvertFrom-Json | ForEach-Object Port`, output: [443] },
    { title: 'A JSON array, element by element', code: "'[1, 2, 3]' | ConvertFrom-Json | Measure-Object | ForEach-Object Count", output: [3] },
  ],
  related: ['ConvertTo-Json', 'Get-Content'],
  process(args, ctx) {
    const lines = gathered.get(ctx) ?? [];
    gathered.set(ctx, lines);
    if (args.InputObject !== undefined && args.InputObject !== null) lines.push(args.InputObject);
  },
  *end(args, ctx) {
    const text = (gathered.get(ctx) ?? []).join('\n');
    if (!text.trim()) return;
    const value = textConversions().fromJson(text, { asHashtable: args.AsHashtable ?? false, depth: args.Depth });
    if (Array.isArray(value) && !args.NoEnumerate) yield* value;
    else yield value;
  },
});
