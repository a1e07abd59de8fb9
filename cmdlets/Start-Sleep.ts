// Start-Sleep: waits for a number of seconds or milliseconds (or a -Duration), returning early
// and quietly when the command is stopped (Ctrl+C: ctx.signal aborts).

import { setTimeout as sleep } from 'node:timers/promises';
import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';

const LIMIT = 2_147_483_647;   // .NET's longest wait, in milliseconds

export default defineCmdlet({
  name: 'Start-Sleep',
  synopsis: 'Suspends the activity in a script or session for the specified period of time.',
  description: 'Waits, then lets the script go on. -Seconds may be fractional. Ctrl+C ends the wait.',
  module: 'Microsoft.PowerShell.Utility',
  aliases: ['sleep'],
  defaultParameterSet: 'Seconds',
  parameters: {
    Seconds: param.double({ help: 'How long to wait, in seconds (fractions allowed).',
      sets: { Seconds: { mandatory: true, position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } },
      validateRange: [0, LIMIT / 1000] }),
    Milliseconds: param.int({ help: 'How long to wait, in milliseconds.', aliases: ['ms'],
      sets: { Milliseconds: { mandatory: true, valueFromPipelineByPropertyName: true } }, validateRange: [0, LIMIT] }),
    Duration: param.timespan({ help: 'How long to wait, as a TimeSpan.', aliases: ['ts'],
      sets: { FromTimeSpan: { mandatory: true, position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } } }),
  },
  examples: [
    { title: 'Wait a quarter of a second', code: 'Start-Sleep -Milliseconds 250' },
    { title: 'Wait between retries', code: "foreach ($i in 1..2) { Start-Sleep -Seconds 0.1 }; 'done'", output: ['done'] },
  ],
  related: ['Get-Date'],
  async process(args, ctx) {
    const ms = args.Milliseconds ?? (args.Seconds !== undefined ? args.Seconds * 1000 : args.Duration ?? 0);
    if (ctx.signal.aborted || ms <= 0) return;
    await sleep(Math.min(ms, LIMIT), undefined, { signal: ctx.signal }).catch(() => undefined);
  },
});
