// Format-Table: shows objects as a table with the columns the user chose: property names
// (wildcards too), script blocks, or @{Label=...; Expression=...; Width=...; Alignment=...}. It
// writes a FormatRecord that the console, Out-String and Out-File turn into text; without
// -Property the type's default view chooses the columns.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { addRow, finishRows, startRows } from './shared/format-rows.js';

export default defineCmdlet({
  name: 'Format-Table',
  synopsis: 'Formats the output as a table.',
  description: 'Shows each object as a row. -Property picks the columns: names (wildcards allowed), script blocks, ' +
    'or hashtables with Label (or Name), Expression, Width, Alignment (Left, Center, Right) and FormatString. ' +
    'Columns take the width of their content and give way, ending in …, when the table is wider than the console. ' +
    'The output is formatting data for the console, Out-String or Out-File, not objects to process further.',
  module: 'Microsoft.PowerShell.Utility',
  aliases: ['ft'],
  outputType: 'Microsoft.PowerShell.Commands.Internal.Format.FormatStartData',
  parameters: {
    Property: param.objects({ help: 'The properties, script blocks or @{Label; Expression; Width; Alignment} to show.', position: 0 }),
    AutoSize: param.switch({ help: 'Sizes columns to their content (they always are here; accepted for scripts).' }),
    HideTableHeaders: param.switch({ help: 'Leaves out the header and the dashes under it.' }),
    Wrap: param.switch({ help: 'Continues long values on the next lines instead of cutting them with …' }),
    GroupBy: param.object({ help: 'Starts a new table, under a header, whenever this property (or expression) changes.' }),
    InputObject: param.object({ help: 'The objects to format.', pipeline: 'value' }),
  },
  examples: [
    { title: 'Chosen columns of the assigned certificates', code: 'Get-CsCertificate | Format-Table Use, Thumbprint, NotAfter' },
    { title: 'Group rows under a header per value',
      code: "'a.pem', 'b.pfx', 'c.pem' | ForEach-Object { [pscustomobject]@{ Name = $_; Kind = $_.Split('.')[1] } } | Format-Table Name -GroupBy Kind | Out-String -Stream",
      output: ['', '   Kind: pem', '', 'Name', '----', 'a.pem', '', '', '   Kind: pfx', '', 'Name', '----', 'b.pfx', '', '', '   Kind: pem', '', 'Name', '----', 'c.pem', ''] },
    { title: 'A calculated column with a fixed width',
      code: "[pscustomobject]@{Name='web'; Days=45} | Format-Table Name, @{Label='Expires in'; Expression={ \"$($_.Days) days\" }; Width=12} | Out-String" },
  ],
  related: ['Format-List', 'Out-String', 'Select-Object'],
  begin(args, ctx) { startRows(ctx, 'table', args); },
  async process(args, ctx) { await addRow(ctx, args.InputObject); },
  *end(args, ctx) {
    const record = finishRows(ctx,
      { autoSize: args.AutoSize ?? false, hideTableHeaders: args.HideTableHeaders ?? false, wrap: args.Wrap ?? false });
    if (record) yield record;
  },
});
