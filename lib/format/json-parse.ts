// fromJson: ConvertFrom-Json's rules in PowerShell 7. Objects become PSCustomObjects (or ordered
// Hashtables with -AsHashtable) keeping the document's key order, which JSON.parse does not for
// numeric keys, hence this small parser; strings in ISO 8601 date-time form become Dates, as
// Json.NET's date handling does; keys differing only in case are refused (PowerShell properties
// are case-insensitive); nesting beyond `depth` is an error. Errors are ShellErrors naming the
// position. Imports lib/core and ./engine-values only.

import { ShellError } from '../core/errors.js';
import { Hashtable, PSObject } from '../core/values.js';
import { fromWallMs, wallFromParts, withKind } from './engine-values.js';

export interface FromJsonOptions { asHashtable?: boolean; depth?: number }

interface Parser { text: string; at: number; options: FromJsonOptions }

export function fromJson(text: string, options: FromJsonOptions = {}): unknown {
  const p: Parser = { text, at: 0, options };
  skipSpace(p);
  if (p.at >= text.length) return null;
  const value = parseValue(p, 0);
  skipSpace(p);
  if (p.at < text.length) fail(p, `unexpected '${text[p.at]}' after the JSON value`);
  return value;
}

function fail(p: Parser, what: string): never {
  const before = p.text.slice(0, p.at);
  const line = before.split('\n').length, column = p.at - before.lastIndexOf('\n');
  throw new ShellError('JsonParseError', 'InvalidData',
    `Conversion from JSON failed with error: ${what} (line ${line}, column ${column}).`,
    { hint: 'check the JSON text, e.g. with a JSON validator; strings need double quotes.',
      exceptionType: 'System.ArgumentException' });
}

function skipSpace(p: Parser) {
  while (p.at < p.text.length) {
    if (/\s/.test(p.text[p.at])) p.at++;
    // Json.NET accepts comments, so PowerShell users write them.
    else if (p.text.startsWith('//', p.at)) p.at = endOf(p.text.indexOf('\n', p.at), p.text);
    else if (p.text.startsWith('/*', p.at)) p.at = endOf(p.text.indexOf('*/', p.at), p.text) + 2;
    else break;
  }
}
const endOf = (i: number, text: string) => i === -1 ? text.length : i;

function parseValue(p: Parser, depth: number): unknown {
  skipSpace(p);
  const c = p.text[p.at];
  if (c === '{') return parseObject(p, depth + 1);
  if (c === '[') return parseArray(p, depth + 1);
  if (c === '"') return stringValue(parseString(p));
  for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
    if (p.text.startsWith(word, p.at)) { p.at += word.length; return value; }
  }
  const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(p.text.slice(p.at, p.at + 400));
  if (!m) fail(p, c === undefined ? 'the text ended early' : `unexpected character '${c}'`);
  p.at += m[0].length;
  return Number(m[0]);
}

function checkDepth(p: Parser, depth: number) {
  const max = p.options.depth ?? 1024;
  if (depth > max) fail(p, `the JSON is nested deeper than the maximum depth of ${max}`);
}

function parseObject(p: Parser, depth: number): PSObject | Hashtable {
  checkDepth(p, depth);
  p.at++;
  const entries: [string, unknown][] = [];
  const seen = new Map<string, string>();
  skipSpace(p);
  if (p.text[p.at] === '}') { p.at++; return makeObject(entries, p); }
  for (;;) {
    skipSpace(p);
    if (p.text[p.at] !== '"') fail(p, 'expected a property name in double quotes');
    const key = parseString(p);
    const other = seen.get(key.toLowerCase());
    if (other !== undefined && !p.options.asHashtable) {
      fail(p, `keys '${other}' and '${key}' differ only in case; use -AsHashtable`);
    }
    seen.set(key.toLowerCase(), key);
    skipSpace(p);
    if (p.text[p.at++] !== ':') { p.at--; fail(p, "expected ':'"); }
    entries.push([key, parseValue(p, depth)]);
    skipSpace(p);
    const c = p.text[p.at++];
    if (c === '}') return makeObject(entries, p);
    if (c !== ',') { p.at--; fail(p, "expected ',' or '}'"); }
  }
}

function makeObject(entries: [string, unknown][], p: Parser): PSObject | Hashtable {
  if (!p.options.asHashtable) return new PSObject(entries);
  // PowerShell's -AsHashtable keys are case-sensitive; ours are not, so a later spelling wins.
  const h = new Hashtable(true);
  for (const [k, v] of entries) h.set(k, v);
  return h;
}

function parseArray(p: Parser, depth: number): unknown[] {
  checkDepth(p, depth);
  p.at++;
  const items: unknown[] = [];
  skipSpace(p);
  if (p.text[p.at] === ']') { p.at++; return items; }
  for (;;) {
    items.push(parseValue(p, depth));
    skipSpace(p);
    const c = p.text[p.at++];
    if (c === ']') return items;
    if (c !== ',') { p.at--; fail(p, "expected ',' or ']'"); }
  }
}

function parseString(p: Parser): string {
  const m = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(p.text.slice(p.at));
  if (!m) fail(p, 'unterminated or invalid string');
  p.at += m[0].length;
  return JSON.parse(m[0]) as string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A date-time string becomes a DateTime as Json.NET reads it: Unspecified when it names no zone,
 * Utc for 'Z', and Local (converted) for an offset.
 */
function stringValue(s: string): unknown {
  const m = ISO_DATE.exec(s);
  if (!m) return s;
  const [, y, mo, d, h, mi, sec = '0', frac = '', zone] = m;
  const wall = wallFromParts(+y, +mo, +d, +h, +mi, +sec, frac ? Math.round(Number('0' + frac) * 1000) : 0);
  if (Number.isNaN(wall)) return s;
  if (!zone) return fromWallMs(wall, 'Unspecified');
  if (zone === 'Z') return fromWallMs(wall, 'Utc');
  const offsetMinutes = (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  return withKind(new Date(wall - offsetMinutes * 60_000), 'Local');
}
