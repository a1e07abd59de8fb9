// Write-Progress: one progress record (activity, status, percentage) to the host's progress display;
// -Completed clears it. Nothing goes down the pipeline.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';

export default defineCmdlet({
  name: 'Write-Progress',
  synopsis: 'Displays a progress bar within a PowerShell command window.',
  description: 'Shows (or updates) the progress of an activity: its status text and how far along it is. ' +
    'Records with the same -Id update one bar; -Completed removes it.',
  module: 'Microsoft.PowerShell.Utility',
  parameters: {
    Activity: param.string({ help: 'What is being done, e.g. "Requesting certificates".', position: 0 }),
    Status: param.string({ help: 'Where the activity is, e.g. "3 of 10".', position: 1 }),
    Id: param.int({ help: 'Tells bars apart when several activities run at once.', position: 2 }),
    PercentComplete: param.int({ help: 'How far along, from 0 to 100 (-1: unknown).', validateRange: [-1, 100] }),
    SecondsRemaining: param.int({ help: 'An estimate of the time left.' }),
    CurrentOperation: param.string({ help: 'The step under way, shown under the bar.' }),
    ParentId: param.int({ help: 'The -Id of the parent activity.' }),
    Completed: param.switch({ help: 'The activity is finished: remove its bar.' }),
    SourceId: param.int({ help: 'Accepted for compatibility.' }),
  },
  examples: [
    { title: 'Report progress through a loop',
      code: "foreach ($i in 1..3) { Write-Progress -Activity 'Requesting' -Status \"$i of 3\" -PercentComplete ($i * 33) }; Write-Progress -Activity 'Requesting' -Completed" },
  ],
  related: ['Write-Verbose', 'Write-Host'],
  process(args, ctx) {
    ctx.writeProgress({ activity: args.Activity ?? 'Processing', status: args.Status, percentComplete: args.PercentComplete,
      completed: args.Completed === true, id: args.Id });
  },
});
