// Text encodings of -Encoding as PowerShell 7 names them (utf8 without a BOM by default, utf8BOM,
// unicode = UTF-16LE, bigendianunicode, utf32, ascii, latin1...). Reading honours a byte-order mark
// whatever was asked, as PowerShell does. Node built-ins only.
// Imports only lib/core and lib/engine/cmdlet.

import { ShellError } from '../../lib/core/errors.js';
import { defineEnum } from '../../lib/engine/cmdlet/index.js';

export const FileEncoding = defineEnum('Microsoft.PowerShell.Commands.FileSystemCmdletProviderEncoding', ['ASCII',
  'BigEndianUnicode', 'BigEndianUTF32', 'Default', 'Latin1', 'OEM', 'Unicode', 'UTF7', 'UTF8', 'UTF8BOM', 'UTF8NoBOM', 'UTF32']);

const BOMS: ReadonlyArray<readonly [string, number[]]> = [
  ['utf32', [0xff, 0xfe, 0, 0]], ['bigendianutf32', [0, 0, 0xfe, 0xff]], ['utf8bom', [0xef, 0xbb, 0xbf]],
  ['unicode', [0xff, 0xfe]], ['bigendianunicode', [0xfe, 0xff]],
];

const swap16 = (b: Buffer) => { const c = Buffer.from(b); c.swap16(); return c; };

function decodeUtf32(b: Buffer, littleEndian: boolean): string {
  let out = '';
  for (let i = 0; i + 3 < b.length; i += 4) out += String.fromCodePoint(littleEndian ? b.readUInt32LE(i) : b.readUInt32BE(i));
  return out;
}

function encodeUtf32(text: string, littleEndian: boolean): Buffer {
  const points = [...text].map(c => c.codePointAt(0)!);
  const b = Buffer.alloc(points.length * 4);
  points.forEach((p, i) => (littleEndian ? b.writeUInt32LE(p, i * 4) : b.writeUInt32BE(p, i * 4)));
  return b;
}

function normalize(name: string | undefined): string {
  const n = (name ?? 'utf8nobom').toLowerCase();
  if (n === 'utf8' || n === 'default' || n === 'oem') return 'utf8nobom';
  if (n === 'utf7') throw new ShellError('EncodingNotSupported', 'NotImplemented', "The encoding 'UTF7' is not supported.",
    { target: name, hint: 'Use UTF8 instead: UTF-7 is obsolete.' });
  return n;
}

/** The text of a file's bytes. */
export function decode(bytes: Buffer, encoding?: string): string {
  const bom = BOMS.find(([, mark]) => mark.every((x, i) => bytes[i] === x));
  const name = bom ? bom[0] : normalize(encoding);
  const body = bom ? bytes.subarray(bom[1].length) : bytes;
  switch (name) {
    case 'utf32': return decodeUtf32(body, true);
    case 'bigendianutf32': return decodeUtf32(body, false);
    case 'unicode': return body.toString('utf16le');
    case 'bigendianunicode': return swap16(body.subarray(0, body.length & ~1)).toString('utf16le');
    case 'ascii': return body.toString('ascii');
    case 'latin1': return body.toString('latin1');
    default: return body.toString('utf8');
  }
}

/** The bytes of text in an encoding; withPreamble adds the BOM those encodings write. */
export function encode(text: string, encoding?: string, withPreamble = true): Buffer {
  const name = normalize(encoding);
  const bom = withPreamble ? BOMS.find(([n]) => n === name)?.[1] ?? [] : [];
  let body: Buffer;
  switch (name) {
    case 'utf32': body = encodeUtf32(text, true); break;
    case 'bigendianutf32': body = encodeUtf32(text, false); break;
    case 'unicode': body = Buffer.from(text, 'utf16le'); break;
    case 'bigendianunicode': body = swap16(Buffer.from(text, 'utf16le')); break;
    case 'ascii': body = Buffer.from(text.replace(/[^\x00-\x7f]/g, '?'), 'ascii'); break;
    case 'latin1': body = Buffer.from(text, 'latin1'); break;
    default: body = Buffer.from(text, 'utf8');
  }
  return Buffer.concat([Buffer.from(bom), body]);
}
