// The members of a DateTime, a number and a bool. Date arithmetic is on the wall clock, as .NET's
// is (AddHours(24) across a DST change is still 24 clock hours); DayOfWeek is the day's name,
// which is how the enum prints and compares. Imports only lib/core and sibling modules.

import { toDouble } from './convert.js';
import { compareValues } from './compare.js';
import {
  addMonths, addTimeSpan, addWall, cultureDateString, dateKind, dateOnly, dateTicks, dayOfYear, displayDate, instantMs,
  subtractDates, toLocalTime, toUniversalTime, wallMs,
} from './datetime.js';
import { argumentError } from './dotnet-errors.js';
import { dayOfWeekType } from './enums.js';
import { formatDate } from './format-date.js';
import { formatNumber, isInt32, isIntegral } from './format-number.js';
import { TimeSpan, TICKS_PER_MILLISECOND } from './timespan.js';
import { memberTable, method, property, type MemberDef } from './member-table.js';

type D = MemberDef<Date>;

const add = (name: string, msPer: number): D =>
  method(name, `datetime ${name}(double value)`, [1], (d, [v]) => addWall(d, Math.round(toDouble(v) * msPer)));

function subtract(d: Date, [v]: unknown[]): Date | TimeSpan {
  if (v instanceof Date) return subtractDates(d, v);
  if (v instanceof TimeSpan) return addTimeSpan(d, v.Negate());
  throw argumentError('Subtract takes a DateTime or a TimeSpan.');
}

/** Windows file time: 100 ns ticks since 1601-01-01 UTC. */
const fileTime = (d: Date) => (instantMs(d) + 11_644_473_600_000) * TICKS_PER_MILLISECOND;

const compareDates = (d: Date, v: unknown) => {
  if (v === null || v === undefined) return 1;
  if (!(v instanceof Date)) throw argumentError('Object must be of type DateTime.');
  return Math.sign(wallMs(d) - wallMs(v));
};

// The properties in .NET's declaration order (what Format-List and Select-Object * show), then
// DateTime, the ScriptProperty PowerShell's type data adds. Ticks are whole milliseconds here, so
// Microsecond and Nanosecond (.NET 7+, PowerShell 7.3+) are always 0.
const DATE_MEMBERS: D[] = [
  property('Date', 'datetime', dateOnly),
  property('Day', 'int', d => d.getDate()),
  property('DayOfWeek', 'System.DayOfWeek', d => dayOfWeekType.of(d.getDay())),
  property('DayOfYear', 'int', dayOfYear),
  property('Hour', 'int', d => d.getHours()),
  property('Kind', 'System.DateTimeKind', dateKind),
  property('Millisecond', 'int', d => d.getMilliseconds()),
  property('Microsecond', 'int', () => 0),
  property('Nanosecond', 'int', () => 0),
  property('Minute', 'int', d => d.getMinutes()),
  property('Month', 'int', d => d.getMonth() + 1),
  property('Second', 'int', d => d.getSeconds()),
  property('Ticks', 'long', dateTicks),
  property('TimeOfDay', 'timespan', d => new TimeSpan((wallMs(d) - wallMs(dateOnly(d))) * TICKS_PER_MILLISECOND)),
  property('Year', 'int', d => d.getFullYear()),
  property('DateTime', 'System.Object', displayDate),
  add('AddMilliseconds', 1), add('AddSeconds', 1000), add('AddMinutes', 60_000), add('AddHours', 3_600_000), add('AddDays', 86_400_000),
  method('AddTicks', 'datetime AddTicks(long value)', [1], (d, [v]) => addWall(d, toDouble(v) / TICKS_PER_MILLISECOND)),
  method('AddMonths', 'datetime AddMonths(int months)', [1], (d, [v]) => addMonths(d, toDouble(v))),
  method('AddYears', 'datetime AddYears(int value)', [1], (d, [v]) => addMonths(d, toDouble(v) * 12)),
  method('Add', 'datetime Add(timespan value)', [1], (d, [v]) => { if (!(v instanceof TimeSpan)) throw argumentError('Add takes a TimeSpan.'); return addTimeSpan(d, v); }),
  method('Subtract', 'timespan Subtract(datetime value), datetime Subtract(timespan value)', [1], subtract),
  method('ToString', 'string ToString(), string ToString(string format), string ToString(string format, System.IFormatProvider provider)...', [0, 1, 2],
    (d, [f]) => f === undefined || f === null || typeof f !== 'string' ? cultureDateString(d) : formatDate(d, f)),
  method('ToShortDateString', 'string ToShortDateString()', [0], d => formatDate(d, 'd')),
  method('ToLongDateString', 'string ToLongDateString()', [0], d => formatDate(d, 'D')),
  method('ToShortTimeString', 'string ToShortTimeString()', [0], d => formatDate(d, 't')),
  method('ToLongTimeString', 'string ToLongTimeString()', [0], d => formatDate(d, 'T')),
  method('ToUniversalTime', 'datetime ToUniversalTime()', [0], toUniversalTime),
  method('ToLocalTime', 'datetime ToLocalTime()', [0], toLocalTime),
  method('ToFileTime', 'long ToFileTime()', [0], fileTime),
  method('ToFileTimeUtc', 'long ToFileTimeUtc()', [0], fileTime),
  method('IsDaylightSavingTime', 'bool IsDaylightSavingTime()', [0], d => {
    const jan = new Date(d.getFullYear(), 0, 1).getTimezoneOffset(), jul = new Date(d.getFullYear(), 6, 1).getTimezoneOffset();
    return jan !== jul && d.getTimezoneOffset() === Math.min(jan, jul);
  }),
  method('CompareTo', 'int CompareTo(System.Object value), int CompareTo(datetime value)', [1], (d, [v]) => compareDates(d, v)),
  method('Equals', 'bool Equals(System.Object value), bool Equals(datetime value)', [1], (d, [v]) => v instanceof Date && wallMs(v) === wallMs(d)),
];

export const dateMembers = memberTable(DATE_MEMBERS);

type N = MemberDef<number>;

const numberName = (n: number) => isInt32(n) ? 'int' : isIntegral(n) ? 'long' : 'double';

const NUMBER_MEMBERS: N[] = [
  method('ToString', 'string ToString(), string ToString(string format), string ToString(System.IFormatProvider provider), string ToString(string format, System.IFormatProvider provider)', [0, 1, 2],
    (n, [f]) => formatNumber(n, typeof f === 'string' ? f : '')),
  method('CompareTo', 'int CompareTo(System.Object value)', [1], (n, [v]) => v === null ? 1 : Math.sign(n - toDouble(v))),
  method('Equals', 'bool Equals(System.Object obj)', [1], (n, [v]) => typeof v === 'number' && v === n && numberName(v) === numberName(n)),
  method('GetTypeCode', 'System.TypeCode GetTypeCode()', [0], n => ({ int: 'Int32', long: 'Int64', double: 'Double' })[numberName(n)]),
];

export const numberMembers = memberTable(NUMBER_MEMBERS);

type B = MemberDef<boolean>;

export const boolMembers = memberTable<boolean>([
  method('ToString', 'string ToString(), string ToString(System.IFormatProvider provider)', [0, 1], b => b ? 'True' : 'False'),
  method('CompareTo', 'int CompareTo(System.Object obj), int CompareTo(bool value)', [1], (b, [v]) => compareValues(b, v)),
  method('Equals', 'bool Equals(System.Object obj), bool Equals(bool obj)', [1], (b, [v]) => v === b),
] as B[]);

