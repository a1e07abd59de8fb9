// New-TimeSpan: a TimeSpan between two dates (-Start, -End, each defaulting to now), or built from
// days, hours, minutes, seconds and milliseconds.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { subtractDates } from '../lib/engine/values/datetime.js';
import { TimeSpan } from '../lib/engine/values/timespan.js';

const time = (help: string) => param.int({ help, sets: ['Time'] });

export default defineCmdlet({
  name: 'New-TimeSpan',
  synopsis: 'Creates a TimeSpan object.',
  description: 'Returns the time from -Start to -End (either defaults to now), or a span of the given days, ' +
    'hours, minutes, seconds and milliseconds.',
  module: 'Microsoft.PowerShell.Utility',
  defaultParameterSet: 'Date',
  outputType: 'System.TimeSpan',
  parameters: {
    Start: param.datetime({ help: 'Where the span starts (default: now).', aliases: ['LastWriteTime'],
      sets: { Date: { position: 0, valueFromPipelineByPropertyName: true } } }),
    End: param.datetime({ help: 'Where the span ends (default: now).', sets: { Date: { position: 1 } } }),
    Days: time('Days in the span.'),
    Hours: time('Hours in the span.'),
    Minutes: time('Minutes in the span.'),
    Seconds: time('Seconds in the span.'),
    Milliseconds: time('Milliseconds in the span.'),
  },
  examples: [
    { title: 'Days between two dates', code: "(New-TimeSpan -Start '2030-01-01' -End '2030-03-01').Days", output: [59] },
    { title: 'A span of hours and minutes', code: '(New-TimeSpan -Hours 1 -Minutes 30).TotalMinutes', output: [90] },
  ],
  related: ['Get-Date'],
  *process(args, ctx) {
    if (ctx.parameterSetName === 'Time') {
      yield TimeSpan.fromParts(args.Days ?? 0, args.Hours ?? 0, args.Minutes ?? 0, args.Seconds ?? 0, args.Milliseconds ?? 0);
      return;
    }
    const now = ctx.now();
    yield subtractDates(args.End ?? now, args.Start ?? now);
  },
});
