// ConvertTo-Csv: objects as lines of comma-separated values, PowerShell 7's way: a header of the
// first object's property names, every field quoted (unless -UseQuotes says otherwise), no #TYPE
// line unless -IncludeTypeInformation. One string per line.

import { ShellError } from '../lib/core/errors.js';
import { textConversions } from '../lib/core/text-conversions.js';
import { defineCmdlet, defineEnum, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';

export const QuoteKind = defineEnum('Microsoft.PowerShell.Commands.BaseCsvWritingCommand+QuoteKind', ['Never', 'Always', 'AsNeeded']);
const gathered = new WeakMap<CmdletContext, unknown[]>();

export default defineCmdlet({
  name: 'ConvertTo-Csv',
  synopsis: 'Converts objects into a series of character-separated value (CSV) strings.',
  description: 'Writes a header line of the first object\'s property names, then one line per object with its ' +
    'values, quoted. Objects with other properties fill the first object\'s columns by name.',
  module: 'Microsoft.PowerShell.Utility',
  outputType: 'System.String',
  parameters: {
    InputObject: param.object({ help: 'The objects to convert.', position: 0, mandatory: true, pipeline: 'value' }),
    Delimiter: param.string({ help: 'The character between values; a comma by default.', position: 1 }),
    NoTypeInformation: param.switch({ help: 'Leaves out the #TYPE line (the default in PowerShell 7).', aliases: ['NTI'] }),
    IncludeTypeInformation: param.switch({ help: 'Writes a #TYPE line naming the type of the objects.', aliases: ['ITI'] }),
    UseQuotes: param.enum(QuoteKind, { help: 'When to quote values: Always (default), AsNeeded or Never.' }),
  },
  examples: [
    { title: 'Objects as CSV lines', code: "[pscustomobject]@{ Name = 'web'; Port = 443 } | ConvertTo-Csv",
      output: ['"Name","Port"', '"web","443"'] },
  ],
  related: ['Export-Csv', 'ConvertTo-Json'],
  process(args, ctx) {
    const list = gathered.get(ctx) ?? [];
    gathered.set(ctx, list);
    if (args.InputObject !== undefined && args.InputObject !== null) list.push(args.InputObject);
  },
  *end(args, ctx) {
    yield* textConversions().toCsv(gathered.get(ctx) ?? [], {
      delimiter: delimiterOf(args.Delimiter), noTypeInformation: !args.IncludeTypeInformation,
      useQuotes: args.UseQuotes as 'Always' | 'AsNeeded' | 'Never' | undefined,
    });
  },
});

/** -Delimiter is a [char] in PowerShell; a longer string is refused rather than silently cut. */
export function delimiterOf(value: string | undefined): string {
  if (value === undefined) return ',';
  if (value.length === 1) return value;
  throw new ShellError('DelimiterNotOneCharacter', 'InvalidArgument', `The delimiter '${value}' must be one character.`,
    { target: value, hint: "Give one character, e.g. -Delimiter ';' or -Delimiter \"`t\" for tabs." });
}
