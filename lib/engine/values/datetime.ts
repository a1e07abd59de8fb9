// DateTime on JS Date. A Date's local-time fields are the DateTime PowerShell shows; .NET's Kind
// (Local, Utc, Unspecified) is remembered beside the Date because a Date cannot carry it. A UTC
// DateTime is a Date whose local fields read as the UTC wall clock, so every member and format
// works on the fields alone. Also: ticks, month arithmetic, Date - Date, and the default display.
// Imports only lib/core and sibling value modules.

import { TimeSpan, TICKS_PER_MILLISECOND } from './timespan.js';

let clock: () => Date = () => new Date();
/** The host pins the clock ([datetime]::Now, ::Today) to the session's, so tests can fix time. */
export function setClock(now: () => Date) { clock = now; }
export const now = () => withKind(new Date(clock().getTime()), 'Local');

export type DateKind = 'Local' | 'Utc' | 'Unspecified';

const kinds = new WeakMap<Date, DateKind>();
export const dateKind = (d: Date): DateKind => kinds.get(d) ?? 'Local';
export function withKind(d: Date, kind: DateKind): Date { kinds.set(d, kind); return d; }

export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

/** .NET ticks of 0001-01-01 relative to the Unix epoch. */
const EPOCH_TICKS = 621_355_968_000_000_000;
const MS_PER_MINUTE = 60_000;

/** Milliseconds since 1970 of the wall clock the Date shows (its local fields read as UTC). */
export const wallMs = (d: Date) => d.getTime() - d.getTimezoneOffset() * MS_PER_MINUTE;

/** A Date whose local fields show the given wall-clock milliseconds. */
export function fromWallMs(ms: number, kind: DateKind = 'Local'): Date {
  const guess = new Date(ms);
  const d = new Date(ms + guess.getTimezoneOffset() * MS_PER_MINUTE);
  // Across a DST change the offset at the result differs from the guess: correct once.
  const fixed = new Date(ms + d.getTimezoneOffset() * MS_PER_MINUTE);
  return withKind(fixed, kind);
}

/** Wall-clock milliseconds of a calendar date and time (years below 100 included, unlike Date.UTC). */
export function wallFromParts(y: number, M: number, d: number, h = 0, m = 0, s = 0, ms = 0): number {
  const t = new Date(Date.UTC(y, M - 1, d, h, m, s, ms));
  if (y < 100) t.setUTCFullYear(y, M - 1, d);
  return t.getTime();
}

/** DateTime.Ticks (precise to about 100 ticks: a JS number holds 53 bits). */
export const dateTicks = (d: Date) => wallMs(d) * TICKS_PER_MILLISECOND + EPOCH_TICKS;
export const fromTicks = (ticks: number, kind: DateKind = 'Unspecified') =>
  fromWallMs(Math.round((ticks - EPOCH_TICKS) / TICKS_PER_MILLISECOND), kind);

export const copyDate = (d: Date, ms: number) => withKind(new Date(ms), dateKind(d));

/** Adds wall-clock time, as .NET does: AddHours(24) across a DST change is still 24 clock hours. */
export const addWall = (d: Date, ms: number) => fromWallMs(wallMs(d) + ms, dateKind(d));

/** DateTime.AddMonths: the day is clamped to the last day of the target month (Jan 31 + 1 = Feb 28). */
export function addMonths(d: Date, months: number): Date {
  const total = d.getFullYear() * 12 + d.getMonth() + Math.trunc(months);
  const year = Math.floor(total / 12), month = total - year * 12;
  const day = Math.min(d.getDate(), daysInMonth(year, month + 1));
  const r = new Date(d.getTime());
  r.setFullYear(year, month, day);
  return withKind(r, dateKind(d));
}

export const daysInMonth = (year: number, month: number) => new Date(year, month, 0).getDate();
export const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function dayOfYear(d: Date): number {
  return Math.round((Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) - Date.UTC(d.getFullYear(), 0, 1)) / 86_400_000) + 1;
}

/** Midnight of the same day (DateTime.Date). */
export const dateOnly = (d: Date) =>
  withKind(new Date(d.getFullYear(), d.getMonth(), d.getDate()), dateKind(d));

/** Date - Date: a TimeSpan of wall-clock difference, as .NET subtracts DateTimes (Kind ignored). */
export const subtractDates = (a: Date, b: Date) =>
  new TimeSpan((wallMs(a) - wallMs(b)) * TICKS_PER_MILLISECOND);

/** Date + TimeSpan (and Date - TimeSpan with a negated span). */
export const addTimeSpan = (d: Date, ts: TimeSpan) => addWall(d, ts.ticks / TICKS_PER_MILLISECOND);

export function toUniversalTime(d: Date): Date {
  if (dateKind(d) === 'Utc') return d;
  return fromWallMs(d.getTime(), 'Utc');
}

export function toLocalTime(d: Date): Date {
  if (dateKind(d) !== 'Utc') return withKind(new Date(d.getTime()), 'Local');
  return withKind(new Date(wallMs(d)), 'Local');
}

/** The instant a DateTime denotes (a UTC DateTime's fields are UTC, the others local). */
export const instantMs = (d: Date) => dateKind(d) === 'Utc' ? wallMs(d) : d.getTime();

const p2 = (n: number) => String(n).padStart(2, '0');

function clock12(d: Date, withSeconds: boolean) {
  const h = d.getHours() % 12 || 12;
  return `${h}:${p2(d.getMinutes())}${withSeconds ? ':' + p2(d.getSeconds()) : ''} ${d.getHours() < 12 ? 'AM' : 'PM'}`;
}

/** How PowerShell displays a DateTime (en-US long date and long time): 'Tuesday, November 24, 2026 5:31:52 AM'. */
export function displayDate(d: Date): string {
  return `${DAY_NAMES[d.getDay()]}, ${MONTH_NAMES[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()} ${clock12(d, true)}`;
}

/** [string]$date and "$date": invariant culture, '11/24/2026 05:31:52'. */
export function invariantDateString(d: Date): string {
  return `${p2(d.getMonth() + 1)}/${p2(d.getDate())}/${String(d.getFullYear()).padStart(4, '0')} `
    + `${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}`;
}

/** $date.ToString() (current culture, en-US): '11/24/2026 5:31:52 AM'. */
export function cultureDateString(d: Date): string {
  return `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()} ${clock12(d, true)}`;
}

export { parseDate, parseExactDate } from './datetime-parse.js';
