// TimeSpan: .NET's System.TimeSpan as scripts see it. A duration kept as a tick count (100 ns);
// JS numbers hold ticks exactly up to about 28 years and to the microsecond far beyond that.
// Members are PascalCase getters and methods, so member lookup finds them by reflection.
// Parsing ('[d.]hh:mm[:ss[.fffffff]]'), the 'c'/'g'/'G' and custom format strings live here too.
// Imports only lib/core.

import { ShellError } from '../../core/errors.js';

export const TICKS_PER_MILLISECOND = 10_000;
export const TICKS_PER_SECOND = 10_000_000;
export const TICKS_PER_MINUTE = 600_000_000;
export const TICKS_PER_HOUR = 36_000_000_000;
export const TICKS_PER_DAY = 864_000_000_000;

export class TimeSpan {
  readonly ticks: number;
  constructor(ticks: number) { this.ticks = Math.trunc(ticks) || 0; }

  static fromParts(days: number, hours: number, minutes: number, seconds: number, milliseconds = 0) {
    return new TimeSpan(days * TICKS_PER_DAY + hours * TICKS_PER_HOUR + minutes * TICKS_PER_MINUTE
      + seconds * TICKS_PER_SECOND + Math.round(milliseconds * TICKS_PER_MILLISECOND));
  }
  static fromMilliseconds(ms: number) { return new TimeSpan(Math.round(ms * TICKS_PER_MILLISECOND)); }
  static readonly Zero = new TimeSpan(0);

  // Components truncate toward zero, as .NET's do: -90 minutes is Hours -1, Minutes -30.
  private part(unit: number, modulo: number) { return Math.trunc(this.ticks / unit) % modulo || 0; }
  get Ticks() { return this.ticks; }
  get Days() { return Math.trunc(this.ticks / TICKS_PER_DAY) || 0; }
  get Hours() { return this.part(TICKS_PER_HOUR, 24); }
  get Minutes() { return this.part(TICKS_PER_MINUTE, 60); }
  get Seconds() { return this.part(TICKS_PER_SECOND, 60); }
  get Milliseconds() { return this.part(TICKS_PER_MILLISECOND, 1000); }
  get TotalDays() { return this.ticks / TICKS_PER_DAY; }
  get TotalHours() { return this.ticks / TICKS_PER_HOUR; }
  get TotalMinutes() { return this.ticks / TICKS_PER_MINUTE; }
  get TotalSeconds() { return this.ticks / TICKS_PER_SECOND; }
  get TotalMilliseconds() { return this.ticks / TICKS_PER_MILLISECOND; }

  Add(other: TimeSpan) { return new TimeSpan(this.ticks + asTimeSpan(other).ticks); }
  Subtract(other: TimeSpan) { return new TimeSpan(this.ticks - asTimeSpan(other).ticks); }
  Negate() { return new TimeSpan(-this.ticks); }
  Duration() { return new TimeSpan(Math.abs(this.ticks)); }
  CompareTo(other: unknown) { return other === null ? 1 : Math.sign(this.ticks - asTimeSpan(other).ticks); }
  Equals(other: unknown) { return other instanceof TimeSpan && other.ticks === this.ticks; }
  GetHashCode() { return this.ticks | 0; }
  ToString(format?: unknown) { return format === undefined || format === null ? this.toString() : formatTimeSpan(this, String(format)); }
  valueOf() { return this.ticks; }
  /** The constant ('c') format: [-][d.]hh:mm:ss[.fffffff] */
  toString() { return formatTimeSpan(this, 'c'); }
}

function asTimeSpan(v: unknown): TimeSpan {
  if (v instanceof TimeSpan) return v;
  throw new ShellError('InvalidCastException', 'InvalidArgument',
    `Cannot convert "${String(v)}" to "System.TimeSpan".`, { target: v });
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Fraction of a second as 7 digits (ticks within the second). */
const fraction7 = (ts: TimeSpan) => pad(Math.abs(ts.ticks) % TICKS_PER_SECOND, 7);

// 'c' is invariant and always shows hh:mm:ss; 'g' drops zero days and trailing fraction zeros;
// 'G' always shows days and all seven fraction digits.
function standardFormat(ts: TimeSpan, f: string): string | undefined {
  const a = ts.Duration(), sign = ts.ticks < 0 ? '-' : '', frac = fraction7(ts);
  const hms = `${pad(a.Hours, 2)}:${pad(a.Minutes, 2)}:${pad(a.Seconds, 2)}`;
  switch (f) {
    case 'c': case 't': case 'T':
      return `${sign}${a.Days ? a.Days + '.' : ''}${hms}${frac === '0000000' ? '' : '.' + frac}`;
    case 'g': {
      const trimmed = frac.replace(/0+$/, '');
      return `${sign}${a.Days ? a.Days + ':' : ''}${a.Hours}:${pad(a.Minutes, 2)}:${pad(a.Seconds, 2)}${trimmed ? '.' + trimmed : ''}`;
    }
    case 'G': return `${sign}${a.Days}:${hms}.${frac}`;
  }
  return undefined;
}

/** TimeSpan.ToString(format): standard 'c', 'g', 'G' or custom (d, hh, mm, ss, f..., \, '...'). */
export function formatTimeSpan(ts: TimeSpan, format: string): string {
  if (format === '') return standardFormat(ts, 'c')!;
  if (format.length === 1) {
    const std = standardFormat(ts, format);
    if (std !== undefined) return std;
  }
  return customFormat(ts.Duration(), format.startsWith('%') ? format.slice(1) : format);
}

function customFormat(a: TimeSpan, format: string): string {
  let out = '';
  for (let i = 0; i < format.length;) {
    const c = format[i];
    let n = 1;
    while (format[i + n] === c) n++;
    if (c === '\\') { out += format[i + 1] ?? ''; i += 2; continue; }
    if (c === "'" || c === '"') {
      const end = format.indexOf(c, i + 1);
      if (end < 0) throw badFormat();
      out += format.slice(i + 1, end); i = end + 1; continue;
    }
    out += customField(a, c, n);
    i += n;
  }
  return out;
}

function customField(a: TimeSpan, c: string, n: number): string {
  switch (c) {
    case 'd': return pad(a.Days, n);
    case 'h': return pad(a.Hours, Math.min(n, 2));
    case 'm': return pad(a.Minutes, Math.min(n, 2));
    case 's': return pad(a.Seconds, Math.min(n, 2));
    case 'f': return fraction7(a).slice(0, n);
    case 'F': return fraction7(a).slice(0, n).replace(/0+$/, '');
  }
  throw badFormat();   // .NET refuses any other unescaped character in a TimeSpan format
}

const badFormat = () => new ShellError('FormatException', 'InvalidArgument', 'Input string was not in a correct format.');

// [-][d.]h:m[:s[.fffffff]], [-]d:h:m:s[.fffffff] or a bare day count, as TimeSpan.Parse accepts.
const SPAN = /^\s*(-)?(?:(\d+)\.)?(\d+):(\d+)(?::(\d+)(?:\.(\d{1,7}))?)?\s*$/;
const SPAN_COLON_DAYS = /^\s*(-)?(\d+):(\d+):(\d+):(\d+)(?:\.(\d{1,7}))?\s*$/;

/** TimeSpan.Parse: '01:02:03', '1.02:03:04.5', '-00:30', '5' (days). */
export function parseTimeSpan(text: string): TimeSpan {
  const days = /^\s*(-)?(\d+)\s*$/.exec(text);
  if (days) return TimeSpan.fromParts((days[1] ? -1 : 1) * Number(days[2]), 0, 0, 0);
  const m = SPAN.exec(text) ?? SPAN_COLON_DAYS.exec(text);
  if (!m || Number(m[3]) > 23 || Number(m[4]) > 59 || Number(m[5] ?? 0) > 59)
    throw new ShellError('InvalidCastException', 'InvalidArgument',
      `Cannot convert value "${text}" to type "System.TimeSpan". Error: "String '${text}' was not recognized as a valid TimeSpan."`,
      { target: text });
  const ticks = TimeSpan.fromParts(Number(m[2] ?? 0), Number(m[3]), Number(m[4]), Number(m[5] ?? 0)).ticks
    + Number((m[6] ?? '').padEnd(7, '0'));
  return new TimeSpan(m[1] ? -ticks : ticks);
}
