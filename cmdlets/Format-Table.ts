// Format-Table: shows objects as a table with the columns the user chose: property names
// (wildcards too), script blocks, or @{Label=...; Expression=...; Width=...; Alignment=...}. It
// writes a FormatRecord that the console, Out-String and Out-File turn into text; without
// -Property the type's default view chooses the columns.

import { FormatRecord, type FormatRow } from '../lib/core/format-records.js';
import { defineCmdlet, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';
import { columnValue, expandColumns, parseColumnSpecs, parseGroupBy, type ColumnSpec } from './shared/format-columns.js';

interface State { specs: ColumnSpec[]; columns?: ColumnSpec[]; group?: ColumnSpec; rows: FormatRow[] }
const states = new WeakMap<CmdletContext, State>();

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
  begin(args, ctx) {
    states.set(ctx, { specs: parseColumnSpecs(args.Property, true), group: parseGroupBy(args.GroupBy), rows: [] });
  },
  async process(args, ctx) {
    const state = states.get(ctx)!;
    const obj = args.InputObject;
    if (obj === undefined || obj === null) return;
    const group = state.group ? await columnValue(state.group, obj, ctx) : undefined;
    if (!state.specs.length) { state.rows.push({ values: [], object: obj, group }); return; }
    // The first object fixes the columns, as in PowerShell; later objects fill them by name.
    state.columns ??= expandColumns(state.specs, obj);
    const values: unknown[] = [];
    for (const column of state.columns) values.push(await columnValue(column, obj, ctx, true));
    state.rows.push({ values, group });
  },
  *end(args, ctx) {
    const state = states.get(ctx)!;
    if (!state.rows.length) return;
    const columns = (state.columns ?? []).map(c => ({ label: c.label, width: c.width, alignment: c.alignment, formatString: c.formatString }));
    yield new FormatRecord('table', state.rows, columns, {
      autoSize: args.AutoSize ?? false, hideTableHeaders: args.HideTableHeaders ?? false, wrap: args.Wrap ?? false,
      groupLabel: state.group?.label,
    });
  },
});
