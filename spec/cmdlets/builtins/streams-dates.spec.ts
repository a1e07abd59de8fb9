import { expect } from 'chai';
import { ErrorRecord, ShellError } from '../../../lib/core/errors.js';
import writeOutput from '../../../cmdlets/Write-Output.js';
import writeHost from '../../../cmdlets/Write-Host.js';
import writeVerbose from '../../../cmdlets/Write-Verbose.js';
import writeWarning from '../../../cmdlets/Write-Warning.js';
import writeDebug from '../../../cmdlets/Write-Debug.js';
import writeError from '../../../cmdlets/Write-Error.js';
import writeProgress from '../../../cmdlets/Write-Progress.js';
import getDate from '../../../cmdlets/Get-Date.js';
import newTimeSpan from '../../../cmdlets/New-TimeSpan.js';
import startSleep from '../../../cmdlets/Start-Sleep.js';
import { dateKind } from '../../../lib/engine/values/datetime.js';
import { TimeSpan } from '../../../lib/engine/values/timespan.js';
import { uformat } from '../../../cmdlets/shared/uformat.js';
import { FakeContext, run } from './fake-context.js';

describe('Write-Output', () => {
  it('enumerates collections unless -NoEnumerate', async () => {
    expect((await run(writeOutput, { InputObject: [1, 2] })).output).to.deep.equal([1, 2]);
    expect((await run(writeOutput, { InputObject: [1, 2], NoEnumerate: true })).output).to.deep.equal([[1, 2]]);
  });
});

describe('Write-Host', () => {
  it('joins objects with the separator, flattening collections, and passes colours and -NoNewline', async () => {
    const { output, ctx } = await run(writeHost, { Object: ['a', [1, 2]], Separator: '-', ForegroundColor: 'Green', NoNewline: true });
    expect(output).to.deep.equal([]);
    expect(ctx.host).to.deep.equal([{ text: 'a-1-2', options: { foregroundColor: 'Green', backgroundColor: undefined, noNewline: true } }]);
  });
});

describe('Write-Verbose, Write-Warning, Write-Debug and Write-Progress', () => {
  it('write to their own streams', async () => {
    expect((await run(writeVerbose, { Message: 'v' })).ctx.verbose).to.deep.equal(['v']);
    expect((await run(writeWarning, { Message: 'w' })).ctx.warnings).to.deep.equal(['w']);
    expect((await run(writeDebug, { Message: 'd' })).ctx.debug).to.deep.equal(['d']);
    const { ctx } = await run(writeProgress, { Activity: 'Issuing', Status: '1 of 2', PercentComplete: 50 });
    expect(ctx.progress[0]).to.include({ activity: 'Issuing', status: '1 of 2', percentComplete: 50, completed: false });
  });
});

describe('Write-Error', () => {
  it("writes a non-terminating error with PowerShell's id, the category, target and hint", async () => {
    const { output, ctx } = await run(writeError, { Message: 'No pool', Category: 'ObjectNotFound', TargetObject: 'pool1', RecommendedAction: 'Check the topology.' });
    expect(output).to.deep.equal([]);
    const e = ctx.errors[0];
    expect(e).to.include({ id: 'Microsoft.PowerShell.Commands.WriteErrorException', category: 'ObjectNotFound', message: 'No pool' });
    expect([e.target, e.hint]).to.deep.equal(['pool1', 'Check the topology.']);
  });

  it('uses -ErrorId, and the message of -Exception', async () => {
    const { ctx } = await run(writeError, { Exception: new Error('disk full'), ErrorId: 'SaveFailed' }, { parameterSetName: 'WithException' });
    expect(ctx.errors[0]).to.include({ id: 'SaveFailed', message: 'disk full', category: 'NotSpecified' });
  });

  it("keeps the .NET type of an exception taken from a catch block's $_.Exception", async () => {
    const exception = new ErrorRecord(new ShellError('X', 'InvalidData', 'bad', { exceptionType: 'System.IO.IOException' })).Exception;
    const { ctx } = await run(writeError, { Exception: exception }, { parameterSetName: 'WithException' });
    expect(ctx.errors[0].more.exceptionType).to.equal('System.IO.IOException');
    expect(ctx.errors[0].message).to.equal('bad');
  });

  it('writes an existing ErrorRecord again', async () => {
    const original = new ShellError('Original', 'InvalidData', 'bad');
    const { ctx } = await run(writeError, { ErrorRecord: new ErrorRecord(original, 'X') }, { parameterSetName: 'ErrorRecord' });
    expect(ctx.errors[0]).to.equal(original);
  });
});

describe('Get-Date', () => {
  const now = new Date(2030, 0, 15, 13, 4, 5, 678);

  it('returns the pinned clock', async () => {
    const { output } = await run(getDate, {}, { now });
    expect((output[0] as Date).getTime()).to.equal(now.getTime());
  });

  it('replaces parts of the date', async () => {
    const { output } = await run(getDate, { Date: now, Year: 2031, Day: 1, Hour: 0 });
    const d = output[0] as Date;
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).to.deep.equal([2031, 0, 1, 0, 4]);
  });

  it('formats with .NET format strings, including FileDate', async () => {
    expect((await run(getDate, { Format: 'yyyy-MM-dd HH:mm' }, { now })).output).to.deep.equal(['2030-01-15 13:04']);
    expect((await run(getDate, { Format: 'FileDate' }, { now })).output).to.deep.equal(['20300115']);
  });

  it('formats with -UFormat', async () => {
    const { output } = await run(getDate, { UFormat: '%Y/%m/%d %H:%M:%S %j %A %b' }, { now, parameterSetName: 'DateAndUFormat' });
    expect(output).to.deep.equal(['2030/01/15 13:04:05 015 Tuesday Jan']);
  });

  it('converts to UTC with -AsUTC', async () => {
    const { output } = await run(getDate, { AsUTC: true }, { now });
    const d = output[0] as Date;
    expect(dateKind(d)).to.equal('Utc');
    expect(d.getHours()).to.equal(now.getUTCHours());
  });
});

describe('uformat', () => {
  const cases = [['%V', new Date(2021, 0, 3), '53'], ['%G', new Date(2021, 0, 3), '2020'], ['%u', new Date(2021, 0, 3), '7'],
    ['%e|%k|%l', new Date(2030, 0, 5, 7), ' 5| 7| 7'], ['%r', new Date(2030, 0, 5, 15, 6, 7), '03:06:07 PM'], ['%q%%', new Date(2030, 0, 1), '%q%%'],
    ['%U %W', new Date(2030, 0, 7), '01 01']] as const;
  for (const [format, date, expected] of cases) it(`renders ${format} as '${expected}'`, () => {
    expect(uformat(date, format)).to.equal(expected);
  });
});

describe('New-TimeSpan', () => {
  it('measures from -Start to -End', async () => {
    const { output } = await run(newTimeSpan, { Start: new Date(2030, 0, 1), End: new Date(2030, 2, 1) });
    expect((output[0] as TimeSpan).Days).to.equal(59);
  });

  it('defaults -End to now', async () => {
    const { output } = await run(newTimeSpan, { Start: new Date(2030, 0, 1, 11, 0, 0) }, { now: new Date(2030, 0, 1, 12, 30, 0) });
    expect((output[0] as TimeSpan).TotalMinutes).to.equal(90);
  });

  it('builds a span from parts', async () => {
    const { output } = await run(newTimeSpan, { Hours: 1, Minutes: 30, Seconds: 15 }, { parameterSetName: 'Time' });
    expect((output[0] as TimeSpan).TotalSeconds).to.equal(5415);
  });
});

describe('Start-Sleep', () => {
  it('waits about as long as asked', async () => {
    const start = Date.now();
    await run(startSleep, { Milliseconds: 30 }, { parameterSetName: 'Milliseconds' });
    expect(Date.now() - start).to.be.at.least(25);
  });

  it('returns early when the command is stopped', async () => {
    const ctx = new FakeContext({ parameterSetName: 'Seconds' });
    const start = Date.now();
    setTimeout(() => ctx.controller.abort(), 20);
    await startSleep.process!({ Seconds: 30 } as never, ctx.asContext());
    expect(Date.now() - start).to.be.below(1000);
  });
});
