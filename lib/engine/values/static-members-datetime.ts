// Static members of [datetime] and [timespan]: ::Now, ::UtcNow, ::Today, ::Parse, ::ParseExact,
// ::DaysInMonth, ::new(y, M, d, h, m, s), [timespan]::FromMinutes(5), ::Zero, ::Parse.
// Imports only lib/core and sibling modules.

import type { StaticMember } from './type.js';
import { toStr } from './convert.js';
import { argumentOutOfRange } from './dotnet-errors.js';
import {
  dateOnly, daysInMonth, fromTicks, fromWallMs, isLeapYear, now, wallFromParts, parseDate, parseExactDate, toUniversalTime,
} from './datetime.js';
import { TimeSpan, TICKS_PER_DAY, TICKS_PER_HOUR, TICKS_PER_MILLISECOND, TICKS_PER_MINUTE, TICKS_PER_SECOND, parseTimeSpan } from './timespan.js';

const prop = (get: () => unknown): StaticMember => ({ get });
const call = (f: (args: unknown[]) => unknown): StaticMember => ({ call: f });
const num = (v: unknown) => { const n = Number(v); if (Number.isNaN(n)) throw argumentOutOfRange('value', 'Not a number.'); return n; };

/** new DateTime(ticks) or (y, M, d[, h, m, s[, ms]]), checked as .NET checks it. */
function newDate(args: unknown[]): Date {
  if (args.length === 1) return fromTicks(num(args[0]));
  const [y, M, d, h = 0, m = 0, s = 0, ms = 0] = args.map(num);
  if (y < 1 || y > 9999 || M < 1 || M > 12 || d < 1 || d > daysInMonth(y, M) || h > 23 || m > 59 || s > 59)
    throw argumentOutOfRange('year', 'Year, Month, and Day parameters describe an un-representable DateTime.');
  return fromWallMs(wallFromParts(y, M, d, h, m, s, ms), 'Unspecified');
}

const formats = (v: unknown) => Array.isArray(v) ? v.map(x => toStr(x)) : toStr(v);

export const dateTimeStatics: Record<string, StaticMember> = {
  Now: prop(now),
  UtcNow: prop(() => toUniversalTime(now())),
  Today: prop(() => dateOnly(now())),
  MinValue: prop(() => fromTicks(0)),
  MaxValue: prop(() => fromWallMs(Date.UTC(9999, 11, 31, 23, 59, 59, 999), 'Unspecified')),
  Parse: call(([s]) => parseDate(toStr(s))),
  ParseExact: call(([s, f]) => parseExactDate(toStr(s), formats(f))),
  DaysInMonth: call(([y, m]) => daysInMonth(num(y), num(m))),
  IsLeapYear: call(([y]) => isLeapYear(num(y))),
  new: call(newDate),
};

const span = (unit: number) => call(([v]) => new TimeSpan(Math.round(num(v) * unit)));

export const timeSpanStatics: Record<string, StaticMember> = {
  Zero: prop(() => TimeSpan.Zero),
  MaxValue: prop(() => new TimeSpan(Number.MAX_SAFE_INTEGER)),
  MinValue: prop(() => new TimeSpan(-Number.MAX_SAFE_INTEGER)),
  FromDays: span(TICKS_PER_DAY),
  FromHours: span(TICKS_PER_HOUR),
  FromMinutes: span(TICKS_PER_MINUTE),
  FromSeconds: span(TICKS_PER_SECOND),
  FromMilliseconds: span(TICKS_PER_MILLISECOND),
  FromTicks: span(1),
  Parse: call(([s]) => parseTimeSpan(toStr(s))),
  // new TimeSpan(ticks), (h, m, s), (d, h, m, s) or (d, h, m, s, ms)
  new: call(args => {
    const n = args.map(num);
    if (n.length === 1) return new TimeSpan(n[0]);
    if (n.length === 3) return TimeSpan.fromParts(0, n[0], n[1], n[2]);
    return TimeSpan.fromParts(n[0] ?? 0, n[1] ?? 0, n[2] ?? 0, n[3] ?? 0, n[4] ?? 0);
  }),
};
