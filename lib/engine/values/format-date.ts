// DateTime.ToString(format) in the en-US culture: the standard letters (d D f F g G m o r s t T
// u U y) through date-patterns.ts, and the custom specifiers (yyyy MM MMM dddd HH hh mm ss fff
// FFF tt K zzz, quotes, '\', '%'). Imports only lib/core and sibling modules.

import { DAY_NAMES, MONTH_NAMES, dateKind, toUniversalTime } from './datetime.js';
import { STANDARD_DATE_PATTERNS } from './date-patterns.js';
import { formatError } from './format-number.js';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function offset(d: Date, width: number): string {
  const total = -d.getTimezoneOffset(), sign = total < 0 ? '-' : '+', a = Math.abs(total);
  const h = Math.floor(a / 60), m = a % 60;
  if (width === 1) return sign + h;
  if (width === 2) return sign + pad(h, 2);
  return `${sign}${pad(h, 2)}:${pad(m, 2)}`;
}

/** Seven fraction digits: a Date holds milliseconds, the rest are zero. */
const fraction = (d: Date) => pad(d.getMilliseconds(), 3) + '0000';

function field(d: Date, c: string, n: number): string {
  switch (c) {
    case 'd': return n === 1 ? String(d.getDate()) : n === 2 ? pad(d.getDate(), 2)
      : n === 3 ? DAY_NAMES[d.getDay()].slice(0, 3) : DAY_NAMES[d.getDay()];
    case 'M': return n === 1 ? String(d.getMonth() + 1) : n === 2 ? pad(d.getMonth() + 1, 2)
      : n === 3 ? MONTH_NAMES[d.getMonth()].slice(0, 3) : MONTH_NAMES[d.getMonth()];
    case 'y': return n === 2 ? pad(d.getFullYear() % 100, 2) : n === 1 ? String(d.getFullYear() % 100) : pad(d.getFullYear(), n);
    case 'h': return pad(d.getHours() % 12 || 12, Math.min(n, 2));
    case 'H': return pad(d.getHours(), Math.min(n, 2));
    case 'm': return pad(d.getMinutes(), Math.min(n, 2));
    case 's': return pad(d.getSeconds(), Math.min(n, 2));
    case 'f': return fraction(d).slice(0, n);
    case 'F': return fraction(d).slice(0, n).replace(/0+$/, '');
    case 't': return (d.getHours() < 12 ? 'AM' : 'PM').slice(0, Math.min(n, 2));
    case 'g': return 'A.D.';
    case 'z': return offset(d, Math.min(n, 3));
    case 'K': { const k = dateKind(d); return k === 'Utc' ? 'Z' : k === 'Local' ? offset(d, 3) : ''; }
    case ':': case '/': return c;
  }
  return c.repeat(n);
}

const FIELDS = 'dMyhHmsfFtgzK';

function custom(d: Date, format: string): string {
  let out = '';
  for (let i = 0; i < format.length;) {
    const c = format[i];
    if (c === '\\') { out += format[i + 1] ?? ''; i += 2; continue; }
    if (c === "'" || c === '"') {
      const end = format.indexOf(c, i + 1);
      if (end < 0) throw formatError('Cannot find a matching quote character for the character \'' + c + '\'.');
      out += format.slice(i + 1, end); i = end + 1; continue;
    }
    if (c === '%') { i++; continue; }
    let n = 1;
    if (FIELDS.includes(c)) while (format[i + n] === c) n++;
    const text = field(d, c, c === 'K' ? 1 : n);
    // An all-zero 'F' fraction also drops the point before it.
    if (c === 'F' && text === '' && out.endsWith('.')) out = out.slice(0, -1);
    out += text;
    i += n;
  }
  return out;
}

/** date.ToString(format); '' is the en-US general form 'M/d/yyyy h:mm:ss tt'. */
export function formatDate(d: Date, format: string): string {
  if (format === '') format = 'G';
  if (format.length === 1) {
    const pattern = STANDARD_DATE_PATTERNS[format];
    if (pattern === undefined) throw formatError('Input string was not in a correct format.');
    return custom(format === 'U' ? toUniversalTime(d) : d, pattern);
  }
  return custom(d, format);
}
