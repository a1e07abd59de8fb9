// Format-List: shows each object as `Name : value` lines. `Format-List *` lists every property
// (the way to see all of a certificate status); without -Property the type's list view, or every
// property when it has none. Writes a FormatRecord that the console, Out-String and Out-File
// turn into text.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { addRow, finishRows, startRows } from './shared/format-rows.js';

export default defineCmdlet({
  name: 'Format-List',
  synopsis: 'Formats the output as a list of properties in which each property appears on a new line.',
  description: 'Shows each object as lines of `Name : value`. -Property picks the properties: names (wildcards ' +
    'allowed; * is every property), script blocks, or hashtables with Label (or Name), Expression and FormatString. ' +
    'Long values wrap under the start of the value. The output is formatting data for the console, Out-String or ' +
    'Out-File, not objects to process further.',
  module: 'Microsoft.PowerShell.Utility',
  aliases: ['fl'],
  outputType: 'Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData',
  parameters: {
    Property: param.objects({ help: 'The properties, script blocks or @{Label; Expression} to show; * for all.', position: 0 }),
    GroupBy: param.object({ help: 'Starts a new group, under a header, whenever this property (or expression) changes.' }),
    InputObject: param.object({ help: 'The objects to format.', pipeline: 'value' }),
  },
  examples: [
    { title: 'Every property of the latest request status', setup: 'Request-CsCertificate -New -Type Default', code: 'Get-CsCertificateStatus | Format-List *' },
    { title: 'Chosen properties, one of them calculated',
      code: "[pscustomobject]@{Name='web'; Port=443} | Format-List Name, @{Label='Url'; Expression={ \"https://$($_.Name):$($_.Port)\" }} | Out-String" },
  ],
  related: ['Format-Table', 'Out-String', 'Select-Object'],
  begin(args, ctx) { startRows(ctx, 'list', args); },
  async process(args, ctx) { await addRow(ctx, args.InputObject); },
  *end(_args, ctx) {
    const record = finishRows(ctx);
    if (record) yield record;
  },
});
