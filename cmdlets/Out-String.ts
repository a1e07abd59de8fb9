// Out-String: the text the console would show for the objects, as one string (or, with -Stream,
// one string per line). Objects are gathered and rendered together so tables line up, as in
// PowerShell; the session renders them with the console's formatter.

import { defineCmdlet, param, type CmdletContext } from '../lib/engine/cmdlet/index.js';

const gathered = new WeakMap<CmdletContext, unknown[]>();

export default defineCmdlet({
  name: 'Out-String',
  synopsis: 'Outputs input objects as a string.',
  description: 'Renders the objects as the console would, including the output of Format-Table and Format-List, ' +
    'and writes the text as one string ending in a new line. -Stream writes each line as its own string instead. ' +
    '-Width sets the line width used for tables and lists.',
  module: 'Microsoft.PowerShell.Utility',
  aliases: ['oss'],
  outputType: 'System.String',
  parameters: {
    Width: param.int({ help: 'The number of characters in each line; tables and lists fit within it.', validateRange: [2, 100000] }),
    Stream: param.switch({ help: 'Writes each line as a separate string.' }),
    NoNewline: param.switch({ help: 'Leaves out the line breaks.' }),
    InputObject: param.object({ help: 'The objects to render.', pipeline: 'value' }),
  },
  examples: [
    { title: 'A table as text', code: "[pscustomobject]@{Name='web'; Port=443} | Out-String",
      output: ['\nName Port\n---- ----\nweb   443\n\n'] },
    { title: 'Each line on its own', code: "'a', 'b' | Out-String -Stream", output: ['a', 'b'] },
  ],
  related: ['Out-File', 'Format-Table', 'Format-List'],
  process(args, ctx) {
    const list = gathered.get(ctx) ?? [];
    gathered.set(ctx, list);
    if (args.InputObject !== undefined && args.InputObject !== null) list.push(args.InputObject);
  },
  *end(args, ctx) {
    const objects = gathered.get(ctx) ?? [];
    if (!objects.length) return;
    const text = ctx.session.renderText(objects, { width: args.Width });
    if (args.Stream) yield* text.replace(/\n$/, '').split('\n');
    else if (args.NoNewline) yield text.replace(/\r?\n/g, '');
    else yield text;
  },
});
