// Static members of [regex], [convert] and [System.Text.Encoding]: ::Escape, ::Matches,
// ::ToBase64String, ::FromBase64String, ::ToInt32('ff', 16), [Text.Encoding]::UTF8.GetBytes().
// Byte arrays are arrays of numbers. Imports only lib/core and sibling modules.

import type { StaticMember } from './type.js';
import { argStr } from './member-table.js';
import { toBool, toDouble, toInt } from './convert.js';
import { argumentError, formatException } from './dotnet-errors.js';
import { RegexObject, escape, unescape } from './dotnet-regex.js';

const call = (f: (args: unknown[]) => unknown): StaticMember => ({ call: f });

const rx = (pattern: unknown, opts: unknown) => new RegexObject(argStr(pattern), opts);

export const regexStatics: Record<string, StaticMember> = {
  Escape: call(([s]) => escape(argStr(s))),
  Unescape: call(([s]) => unescape(argStr(s))),
  IsMatch: call(([s, p, o]) => rx(p, o).IsMatch(s)),
  Match: call(([s, p, o]) => rx(p, o).Match(s)),
  Matches: call(([s, p, o]) => rx(p, o).Matches(s)),
  Replace: call(([s, p, r, o]) => rx(p, o).Replace(s, r)),
  Split: call(([s, p, o]) => rx(p, o).Split(s)),
  new: call(([p, o]) => rx(p, o)),
};

const bytes = (v: unknown): Buffer => {
  const list = Array.isArray(v) ? v : [v];
  return Buffer.from(list.map(b => toInt(b, 32) & 0xff));
};

/** Convert.ToInt32(text, base) and friends; the one-argument form is an ordinary conversion. */
function toIntBase(args: unknown[], bits: number): number {
  if (args.length < 2) return toInt(args[0], bits === 64 ? 64 : 32);
  const base = toInt(args[1], 32), text = argStr(args[0]).trim().replace(/^0x/i, '');
  if (![2, 8, 10, 16].includes(base)) throw argumentError('Invalid Base.');
  const n = parseInt(text, base);
  if (Number.isNaN(n) || !/^[0-9a-f]+$/i.test(text)) throw formatException('Could not find any recognizable digits.');
  // Base 16 reads two's complement, as .NET does: 'ffffffff' is -1 for ToInt32.
  return bits === 32 && base !== 10 && n >= 2 ** 31 ? n - 2 ** 32 : n;
}

function fromBase64(v: unknown): number[] {
  const text = argStr(v).replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0)
    throw formatException('The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.');
  return [...Buffer.from(text, 'base64')];
}

export const convertStatics: Record<string, StaticMember> = {
  ToBase64String: call(([b]) => bytes(b).toString('base64')),
  FromBase64String: call(([s]) => fromBase64(s)),
  ToInt32: call(args => toIntBase(args, 32)),
  ToInt64: call(args => toIntBase(args, 64)),
  ToInt16: call(args => toIntBase(args, 16)),
  ToByte: call(args => toIntBase(args, 8) & 0xff),
  ToDouble: call(([v]) => toDouble(v)),
  ToString: call(([v, base]) => base === undefined ? argStr(v) : toInt(v, 64).toString(toInt(base, 32))),
  ToBoolean: call(([v]) => toBool(v)),
  ToHexString: call(([b]) => bytes(b).toString('hex').toUpperCase()),
  FromHexString: call(([s]) => [...Buffer.from(argStr(s), 'hex')]),
};

/** An Encoding object: $enc.GetBytes('text'), $enc.GetString($bytes). */
class TextEncoding {
  constructor(readonly EncodingName: string, private readonly node: BufferEncoding, readonly WebName: string) {}
  GetBytes(s: unknown) { return [...Buffer.from(argStr(s), this.node)]; }
  GetString(b: unknown) { return bytes(b).toString(this.node); }
  GetByteCount(s: unknown) { return Buffer.byteLength(argStr(s), this.node); }
  toString() { return `System.Text.${this.EncodingName.replace(/[^A-Za-z0-9]/g, '')}Encoding`; }
}

const encodings = {
  UTF8: new TextEncoding('Unicode (UTF-8)', 'utf8', 'utf-8'),
  ASCII: new TextEncoding('US-ASCII', 'ascii', 'us-ascii'),
  Unicode: new TextEncoding('Unicode', 'utf16le', 'utf-16'),
  Latin1: new TextEncoding('Western European (ISO)', 'latin1', 'iso-8859-1'),
};

export const encodingStatics: Record<string, StaticMember> = {
  UTF8: { get: () => encodings.UTF8 },
  ASCII: { get: () => encodings.ASCII },
  Unicode: { get: () => encodings.Unicode },
  Latin1: { get: () => encodings.Latin1 },
  Default: { get: () => encodings.UTF8 },
  GetEncoding: call(([name]) => {
    const key = argStr(name).toLowerCase().replace(/[^a-z0-9]/g, '');
    const e = { utf8: encodings.UTF8, ascii: encodings.ASCII, usascii: encodings.ASCII, unicode: encodings.Unicode, utf16: encodings.Unicode, latin1: encodings.Latin1, iso88591: encodings.Latin1 }[key];
    if (!e) throw argumentError(`'${argStr(name)}' is not a supported encoding name.`);
    return e;
  }),
};
