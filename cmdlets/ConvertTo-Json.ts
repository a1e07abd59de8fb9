// ConvertTo-Json: objects as JSON text, with PowerShell 7's rules (two-space indentation, dates in
// ISO 8601, property order kept). Piped objects are gathered: one becomes a JSON value, several a
// JSON array. Nesting deeper than -Depth (2 by default) is cut to text, with a warning.

import { textConversions } from '../lib/core/text-conversions.js';
import { defineCmdlet, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';

const gathered = new WeakMap<CmdletContext, unknown[]>();

export default defineCmdlet({
  name: 'ConvertTo-Json',
  synopsis: 'Converts an object to a JSON-formatted string.',
  description: 'Writes the properties of objects as JSON fields, in order. Hashtables become JSON objects, ' +
    'collections arrays, dates ISO 8601 strings. Objects nested deeper than -Depth are written as their text, ' +
    'and a warning says so. Several piped objects become one array; -AsArray makes even one an array.',
  module: 'Microsoft.PowerShell.Utility',
  outputType: 'System.String',
  parameters: {
    InputObject: param.object({ help: 'The object to convert.', position: 0, pipeline: 'value' }),
    Depth: param.int({ help: 'How many levels of contained objects to include.', validateRange: [0, 100], defaultText: '2' }),
    Compress: param.switch({ help: 'Leaves out white space and indentation.' }),
    AsArray: param.switch({ help: 'Writes a JSON array even for one object.' }),
    EnumsAsStrings: param.switch({ help: 'Writes enumeration values by name (they already are here).' }),
  },
  examples: [
    { title: 'A hashtable as compact JSON', code: "@{ Type = 'Default'; KeySize = 2048 } | ConvertTo-Json -Compress" },
    { title: 'An object as indented JSON', code: "[pscustomobject]@{ Name = 'web'; Ports = 443, 5061 } | ConvertTo-Json",
      output: ['{\n  "Name": "web",\n  "Ports": [\n    443,\n    5061\n  ]\n}'] },
  ],
  related: ['ConvertFrom-Json', 'ConvertTo-Csv'],
  process(args, ctx) {
    const list = gathered.get(ctx) ?? [];
    gathered.set(ctx, list);
    // -InputObject $null converts too (to 'null'); an empty pipeline converts nothing.
    if (args.InputObject !== undefined) list.push(args.InputObject);
  },
  *end(args, ctx) {
    const items = gathered.get(ctx) ?? [];
    if (!items.length) return;
    const value = items.length === 1 && !args.AsArray ? items[0] : items;
    const depth = args.Depth ?? 2;
    const { text, truncated } = textConversions().toJsonWithInfo(value, {
      depth, compress: args.Compress ?? false, enumsAsStrings: args.EnumsAsStrings ?? false });
    if (truncated) ctx.writeWarning(`Resulting JSON is truncated as serialization has exceeded the set depth of ${depth}.`);
    yield text;
  },
});
