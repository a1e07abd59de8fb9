// Write-Host: writes text straight to the console (the host), not to the pipeline: objects are
// joined by -Separator, collections element by element, in the colours asked for.

import { defineCmdlet, defineEnum, param } from '../lib/engine/cmdlet/index.js';
import { isEnumerable, asList, toStr } from './shared/values.js';

export const ConsoleColor = defineEnum('System.ConsoleColor', ['Black', 'DarkBlue', 'DarkGreen', 'DarkCyan', 'DarkRed',
  'DarkMagenta', 'DarkYellow', 'Gray', 'DarkGray', 'Blue', 'Green', 'Cyan', 'Red', 'Magenta', 'Yellow', 'White']);

/** The text of one object: collections flattened and joined, as Write-Host does. */
function hostText(value: unknown, separator: string): string {
  if (typeof value !== 'string' && isEnumerable(value)) return asList(value).map(v => hostText(v, separator)).join(separator);
  return value === null || value === undefined ? '' : toStr(value);
}

export default defineCmdlet({
  name: 'Write-Host',
  synopsis: 'Writes customized output to a host.',
  description: 'Writes the objects as text to the console, never to the pipeline, so it cannot be captured ' +
    'or piped. Use it for messages to the person running the script; use Write-Output for data.',
  module: 'Microsoft.PowerShell.Utility',
  parameters: {
    Object: param.objects({ help: 'The objects to display; collections are shown element by element.', position: 0, remaining: true,
      pipeline: 'value', aliases: ['Msg', 'Message'] }),
    NoNewline: param.switch({ help: 'Does not end the output with a newline.' }),
    Separator: param.object({ help: 'Written between the objects (default: a space).', defaultText: "' '" }),
    ForegroundColor: param.enum(ConsoleColor, { help: 'The text colour.' }),
    BackgroundColor: param.enum(ConsoleColor, { help: 'The background colour.' }),
  },
  examples: [
    { title: 'A coloured message', code: "Write-Host 'Certificate assigned' -ForegroundColor Green" },
    { title: 'Join objects with a separator', code: "Write-Host (1, 2, 3) -Separator ', '" },
  ],
  related: ['Write-Output', 'Write-Verbose'],
  process(args, ctx) {
    const separator = args.Separator === undefined || args.Separator === null ? ' ' : toStr(args.Separator);
    const text = (args.Object ?? []).map(o => hostText(o, separator)).join(separator);
    ctx.writeHost(text, { foregroundColor: args.ForegroundColor, backgroundColor: args.BackgroundColor,
      noNewline: args.NoNewline === true });
  },
});
