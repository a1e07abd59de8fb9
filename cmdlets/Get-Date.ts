// Get-Date: the current date and time from the session clock (ctx.now(), which tests pin), or a
// given date, with parts replaced (-Year ... -Millisecond), as text in a .NET format (-Format) or a
// Unix one (-UFormat), or converted to UTC (-AsUTC).

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { copyDate, toUniversalTime, withKind } from '../lib/engine/values/datetime.js';
import { uformat } from './shared/uformat.js';
import { formatValue } from './shared/values.js';

/** PowerShell's named formats for file names. */
const FILE_FORMATS: Record<string, string> = {
  filedate: 'yyyyMMdd', filedateuniversal: "yyyyMMdd'Z'",
  filedatetime: "yyyyMMdd'T'HHmmssffff", filedatetimeuniversal: "yyyyMMdd'T'HHmmssffff'Z'",
};

interface Parts { Year?: number; Month?: number; Day?: number; Hour?: number; Minute?: number; Second?: number; Millisecond?: number }

/** The date with the given parts replaced, keeping its kind. */
function withParts(d: Date, parts: Parts): Date {
  const r = new Date(d.getTime());
  if (parts.Year !== undefined || parts.Month !== undefined || parts.Day !== undefined)
    r.setFullYear(parts.Year ?? r.getFullYear(), (parts.Month ?? r.getMonth() + 1) - 1, parts.Day ?? r.getDate());
  r.setHours(parts.Hour ?? r.getHours(), parts.Minute ?? r.getMinutes(), parts.Second ?? r.getSeconds(),
    parts.Millisecond ?? r.getMilliseconds());
  return copyDate(d, r.getTime());
}

function render(d: Date, args: { Format?: string; UFormat?: string }, universal: boolean): unknown {
  if (args.UFormat !== undefined) return uformat(d, args.UFormat);
  if (args.Format === undefined) return d;
  const named = FILE_FORMATS[args.Format.toLowerCase()];
  if (!named) return formatValue(d, args.Format);
  return formatValue(named.endsWith("'Z'") && !universal ? toUniversalTime(d) : d, named);
}

const part = (help: string, range: readonly [number, number]) => param.int({ help, validateRange: range });

export default defineCmdlet({
  name: 'Get-Date',
  synopsis: 'Gets the current date and time.',
  description: 'Returns a DateTime for now (or for -Date, or -UnixTimeSeconds), with any of its parts replaced ' +
    'by -Year, -Month, -Day, -Hour, -Minute, -Second and -Millisecond. -Format returns text in a .NET format ' +
    "('yyyy-MM-dd', 'o', 'FileDateTime'...), -UFormat in a Unix one ('%Y-%m-%d'). -AsUTC converts to UTC.",
  module: 'Microsoft.PowerShell.Utility',
  defaultParameterSet: 'DateAndFormat',
  outputType: 'System.DateTime',
  parameters: {
    Date: param.datetime({ help: 'The date to use instead of now.', aliases: ['LastWriteTime'],
      sets: { DateAndFormat: { position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true },
        DateAndUFormat: { position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } } }),
    UnixTimeSeconds: param.long({ help: 'The date as seconds since 1970-01-01 00:00:00 UTC.', aliases: ['UnixTime'],
      sets: { UnixTimeSecondsAndFormat: { mandatory: true }, UnixTimeSecondsAndUFormat: { mandatory: true } } }),
    Year: part('Replaces the year.', [1, 9999]),
    Month: part('Replaces the month.', [1, 12]),
    Day: part('Replaces the day of the month.', [1, 31]),
    Hour: part('Replaces the hour (0-23).', [0, 23]),
    Minute: part('Replaces the minute.', [0, 59]),
    Second: part('Replaces the second.', [0, 59]),
    Millisecond: part('Replaces the millisecond.', [0, 999]),
    DisplayHint: param.string({ help: 'Accepted for compatibility (Date, Time or DateTime).' }),
    Format: param.string({ help: "Returns text in this .NET format, e.g. 'yyyy-MM-dd HH:mm' or 'o'.",
      sets: ['DateAndFormat', 'UnixTimeSecondsAndFormat'] }),
    UFormat: param.string({ help: "Returns text in this Unix format, e.g. '%Y-%m-%d %H:%M'.",
      sets: { DateAndUFormat: { mandatory: true }, UnixTimeSecondsAndUFormat: { mandatory: true } } }),
    AsUTC: param.switch({ help: 'Converts the date to UTC.' }),
  },
  examples: [
    { title: 'Today as year-month-day', code: "Get-Date -Format 'yyyy-MM-dd'" },
    { title: 'A Unix-style timestamp', code: "Get-Date -Date '2030-01-01' -UFormat '%Y/%m/%d'", output: ['2030/01/01'] },
    { title: 'A date with parts replaced', code: "(Get-Date -Date '2030-01-15' -Day 1).Day", output: [1] },
  ],
  related: ['New-TimeSpan'],
  *process(args, ctx) {
    let d: Date = args.UnixTimeSeconds !== undefined
      ? withKind(new Date(args.UnixTimeSeconds * 1000), 'Local')
      : args.Date ?? withKind(new Date(ctx.now().getTime()), 'Local');
    d = withParts(d, args);
    if (args.AsUTC) d = toUniversalTime(d);
    yield render(d, args, args.AsUTC === true);
  },
});
