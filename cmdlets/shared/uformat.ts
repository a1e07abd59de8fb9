// Get-Date -UFormat: the Unix-style specifiers (%Y %m %d %H %M %S %s %j %V...) as PowerShell 7
// renders them, in the en-US culture, from the Date's local fields (a UTC DateTime's fields are UTC,
// see lib/engine/values/datetime.ts). Unknown specifiers are copied as they are, as PowerShell does.
// Imports only lib/engine/values.

import { DAY_NAMES, MONTH_NAMES, dateKind, dayOfYear, instantMs } from '../../lib/engine/values/datetime.js';

const p = (n: number, width = 2, fill = '0') => String(n).padStart(width, fill);
const hour12 = (d: Date) => d.getHours() % 12 || 12;
const ampm = (d: Date) => (d.getHours() < 12 ? 'AM' : 'PM');

/** ISO 8601 week number and week-based year (weeks start on Monday; week 1 holds the first Thursday). */
function isoWeek(d: Date): { week: number; year: number } {
  const day = (d.getDay() + 6) % 7;                             // Monday = 0
  const thursday = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate() - day + 3));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return { week: 1 + Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000)), year: thursday.getUTCFullYear() };
}

/** Week of the year counting from the first `firstDay` (0 Sunday, 1 Monday); days before it are week 0. */
function weekOfYear(d: Date, firstDay: 0 | 1): number {
  const yday = dayOfYear(d) - 1, wday = (d.getDay() - firstDay + 7) % 7;
  return Math.floor((yday + 7 - wday) / 7);
}

function offset(d: Date): string {
  const minutes = dateKind(d) === 'Utc' ? 0 : -d.getTimezoneOffset();
  return (minutes < 0 ? '-' : '+') + p(Math.trunc(Math.abs(minutes) / 60));
}

const SPECIFIERS: Record<string, (d: Date) => string> = {
  A: d => DAY_NAMES[d.getDay()], a: d => DAY_NAMES[d.getDay()].slice(0, 3),
  B: d => MONTH_NAMES[d.getMonth()], b: d => MONTH_NAMES[d.getMonth()].slice(0, 3), h: d => MONTH_NAMES[d.getMonth()].slice(0, 3),
  C: d => p(Math.floor(d.getFullYear() / 100)),
  c: d => `${SPECIFIERS.a(d)} ${SPECIFIERS.b(d)} ${p(d.getDate())} ${SPECIFIERS.T(d)} ${d.getFullYear()}`,
  D: d => `${p(d.getMonth() + 1)}/${p(d.getDate())}/${p(d.getFullYear() % 100)}`,
  d: d => p(d.getDate()), e: d => p(d.getDate(), 2, ' '),
  F: d => `${p(d.getFullYear(), 4)}-${p(d.getMonth() + 1)}-${p(d.getDate())}`,
  G: d => p(isoWeek(d).year, 4), g: d => p(isoWeek(d).year % 100),
  H: d => p(d.getHours()), I: d => p(hour12(d)), k: d => p(d.getHours(), 2, ' '), l: d => p(hour12(d), 2, ' '),
  j: d => p(dayOfYear(d), 3), M: d => p(d.getMinutes()), m: d => p(d.getMonth() + 1),
  n: () => '\n', t: () => '\t', p: ampm,
  R: d => `${p(d.getHours())}:${p(d.getMinutes())}`,
  r: d => `${p(hour12(d))}:${p(d.getMinutes())}:${p(d.getSeconds())} ${ampm(d)}`,
  S: d => p(d.getSeconds()), s: d => String(Math.floor(instantMs(d) / 1000)),
  T: d => `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`, X: d => SPECIFIERS.T(d),
  U: d => p(weekOfYear(d, 0)), W: d => p(weekOfYear(d, 1)), V: d => p(isoWeek(d).week),
  u: d => String(d.getDay() || 7), w: d => String(d.getDay()),
  x: d => SPECIFIERS.D(d), Y: d => p(d.getFullYear(), 4), y: d => p(d.getFullYear() % 100), Z: offset,
};

/** Renders a -UFormat string. */
export function uformat(d: Date, format: string): string {
  return format.replace(/%(.)/gs, (whole, c: string) => SPECIFIERS[c]?.(d) ?? whole);
}
