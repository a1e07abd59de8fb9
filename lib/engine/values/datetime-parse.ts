// Reading DateTimes from text: parseDate for [datetime]'...' casts and DateTime.Parse (the
// invariant culture's forms: ISO 8601, M/d/yyyy, month names, a time alone means today), and
// parseExactDate for DateTime.ParseExact with a custom or standard format. A string with a zone
// ('Z', '+02:00') becomes local time, as .NET does. Imports only lib/core and sibling modules.

import { ShellError } from '../../core/errors.js';
import { MONTH_NAMES, fromWallMs, wallFromParts, withKind } from './datetime.js';
import { STANDARD_DATE_PATTERNS } from './date-patterns.js';

interface Fields {
  year?: number; month?: number; day?: number; hour?: number; minute?: number; second?: number;
  fraction?: string; pm?: boolean; offsetMinutes?: number;
}

const notADate = (text: string) => new ShellError('FormatException', 'InvalidArgument',
  `String '${text}' was not recognized as a valid DateTime.`, { target: text, exceptionType: 'System.FormatException' });

const TIME = /(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?\s*([AaPp]\.?[Mm]\.?)?/;
const ZONE = /\s*(Z|GMT|UTC|[+-]\d{2}(?::?\d{2})?)$/i;

function monthIndex(name: string): number | undefined {
  const i = MONTH_NAMES.findIndex(m => m.toLowerCase().startsWith(name.toLowerCase()) && name.length >= 3);
  return i < 0 ? undefined : i + 1;
}

function parseZone(z: string): number {
  if (/^(Z|GMT|UTC)$/i.test(z)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(z)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

// Date parts in the orders the invariant culture accepts.
const DATE_FORMS: [RegExp, (m: RegExpExecArray) => Fields | undefined][] = [
  [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, m => ({ year: +m[1], month: +m[2], day: +m[3] })],
  [/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/, m => ({ year: fullYear(m[3]), month: +m[1], day: +m[2] })],
  [/^(\d{1,2})[-/](\d{1,2})$/, m => ({ month: +m[1], day: +m[2] })],
  [/^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/, m => named(m[1], m[2], m[3])],
  [/^(\d{1,2})[\s-]+([A-Za-z]+)\.?,?[\s-]+(\d{4})$/, m => named(m[2], m[1], m[3])],
  [/^([A-Za-z]+)\s+(\d{4})$/, m => named(m[1], '1', m[2])],
  [/^(\d{4})(\d{2})(\d{2})$/, m => ({ year: +m[1], month: +m[2], day: +m[3] })],
];

const fullYear = (y: string) => y.length === 2 ? (Number(y) < 50 ? 2000 : 1900) + Number(y) : Number(y);
function named(month: string, day: string, year: string): Fields | undefined {
  const mi = monthIndex(month);
  return mi === undefined ? undefined : { year: +year, month: mi, day: +day };
}

/** DateTime.Parse with the invariant culture, as [datetime]'text' uses it. */
export function parseDate(text: string): Date {
  let rest = text.trim().replace(/^(sun|mon|tue|wed|thu|fri|sat)[a-z]*,?\s*/i, '');
  const fields: Fields = {};
  const zone = ZONE.exec(rest);
  if (zone && TIME.test(rest.slice(0, zone.index))) { fields.offsetMinutes = parseZone(zone[1]); rest = rest.slice(0, zone.index); }
  const time = TIME.exec(rest);
  if (time) {
    Object.assign(fields, timeFields(time));
    rest = (rest.slice(0, time.index) + rest.slice(time.index + time[0].length)).trim().replace(/[T,]$/, '').trim();
  }
  if (rest) {
    const form = DATE_FORMS.map(([re, make]) => { const m = re.exec(rest); return m && make(m); }).find(f => f);
    if (!form) throw notADate(text);
    Object.assign(fields, form);
  } else if (!time) throw notADate(text);
  return build(fields, text, fields.year === undefined && fields.day === undefined);
}

function timeFields(m: RegExpExecArray): Fields {
  const f: Fields = { hour: +m[1], minute: +m[2], second: +(m[3] ?? 0), fraction: m[4] ?? '' };
  if (m[5]) f.pm = /^p/i.test(m[5]);
  return f;
}

/** Checks the fields and makes the Date; a missing date is today, a missing year this year. */
function build(f: Fields, text: string, today: boolean): Date {
  const now = new Date();
  const year = f.year ?? now.getFullYear(), month = f.month ?? (today ? now.getMonth() + 1 : 1);
  const day = f.day ?? (today ? now.getDate() : 1);
  let hour = f.hour ?? 0;
  if (f.pm !== undefined) {
    if (hour < 1 || hour > 12) throw notADate(text);
    hour = hour % 12 + (f.pm ? 12 : 0);
  }
  const ms = Number((f.fraction ?? '').padEnd(3, '0').slice(0, 3));
  const wall = wallFromParts(year, month, day, hour, f.minute ?? 0, f.second ?? 0, ms);
  const check = new Date(wall);
  if (year < 1 || year > 9999 || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day
    || hour > 23 || (f.minute ?? 0) > 59 || (f.second ?? 0) > 59) throw notADate(text);
  if (f.offsetMinutes === undefined) return fromWallMs(wall, 'Unspecified');
  return withKind(new Date(wall - f.offsetMinutes * 60_000), 'Local');
}

// ---- ParseExact --------------------------------------------------------------------------

type Setter = (f: Fields, s: string) => void;
const TOKENS: [RegExp, (n: number) => [string, Setter | undefined]][] = [
  [/^y+/, n => [n <= 2 ? '(\\d{1,2})' : `(\\d{${n}})`, (f, s) => { f.year = n <= 2 ? fullYear(s.padStart(2, '0')) : +s; }]],
  [/^M+/, n => n >= 3 ? ['([A-Za-z]+)', (f, s) => { f.month = monthIndex(s) ?? NaN; }]
    : [n === 2 ? '(\\d{2})' : '(\\d{1,2})', (f, s) => { f.month = +s; }]],
  [/^d+/, n => n >= 3 ? ['[A-Za-z]+', undefined] : [n === 2 ? '(\\d{2})' : '(\\d{1,2})', (f, s) => { f.day = +s; }]],
  [/^[Hh]+/, n => [n === 2 ? '(\\d{2})' : '(\\d{1,2})', (f, s) => { f.hour = +s; }]],
  [/^m+/, n => [n === 2 ? '(\\d{2})' : '(\\d{1,2})', (f, s) => { f.minute = +s; }]],
  [/^s+/, n => [n === 2 ? '(\\d{2})' : '(\\d{1,2})', (f, s) => { f.second = +s; }]],
  [/^f+/, n => [`(\\d{${n}})`, (f, s) => { f.fraction = s; }]],
  [/^F+/, n => [`(\\d{0,${n}})`, (f, s) => { f.fraction = s; }]],
  [/^t+/, n => [n === 1 ? '([AaPp])' : '([AaPp][Mm])', (f, s) => { f.pm = /^p/i.test(s); }]],
  [/^(K|z+)/, () => ['(Z|[+-]\\d{2}(?::?\\d{2})?)?', (f, s) => { if (s) f.offsetMinutes = parseZone(s); }]],
];

function exactRegex(format: string): { re: RegExp; setters: Setter[] } {
  if (format.length === 1) format = STANDARD_DATE_PATTERNS[format] ?? format;
  let src = '';
  const setters: Setter[] = [];
  for (let i = 0; i < format.length;) {
    const rest = format.slice(i), c = format[i];
    if (c === "'" || c === '"') {
      const end = format.indexOf(c, i + 1);
      src += escape(format.slice(i + 1, end < 0 ? undefined : end)); i = end < 0 ? format.length : end + 1; continue;
    }
    if (c === '\\') { src += escape(format[i + 1] ?? ''); i += 2; continue; }
    const token = TOKENS.find(([re]) => re.test(rest));
    if (!token) { src += c === ' ' ? '\\s+' : escape(c); i++; continue; }
    const len = token[0].exec(rest)![0].length, [pattern, set] = token[1](len);
    src += pattern; if (set) setters.push(set); i += len;
  }
  return { re: new RegExp(`^\\s*${src}\\s*$`, 'i'), setters };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** DateTime.ParseExact(text, format(s), provider): the first format that matches wins. */
export function parseExactDate(text: string, formats: string | string[]): Date {
  for (const format of Array.isArray(formats) ? formats : [formats]) {
    const { re, setters } = exactRegex(format);
    const m = re.exec(text);
    if (!m) continue;
    const f: Fields = {};
    setters.forEach((set, i) => set(f, m[i + 1] ?? ''));
    const hasDate = f.year !== undefined || f.month !== undefined || f.day !== undefined;
    return build(f, text, !hasDate);
  }
  throw notADate(text);
}
