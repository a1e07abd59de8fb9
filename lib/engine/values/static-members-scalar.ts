// Static members of the scalar types: [int]::MaxValue, [int]::Parse('42'), [double]::NaN,
// [string]::IsNullOrEmpty, ::Join, ::Format, [char]::IsDigit, [bool]::Parse. Methods that need a
// [ref] argument (TryParse) are refused by name. Imports only lib/core and sibling modules.

import type { StaticMember } from './type.js';
import { argStr } from './member-table.js';
import { formatString } from './dotnet-format.js';
import { DotNetException, formatException, refNotSupported } from './dotnet-errors.js';

const prop = (value: unknown): StaticMember => ({ get: () => value });
const call = (f: (args: unknown[]) => unknown): StaticMember => ({ call: f });

const LIMITS = {
  int: [-(2 ** 31), 2 ** 31 - 1],
  long: [-(2 ** 63), 2 ** 63 - 1],          // the ends are not exact as JS numbers
  byte: [0, 255],
  double: [-Number.MAX_VALUE, Number.MAX_VALUE],
} as const;

/** Int32.Parse and friends: digits with an optional sign; a hex style reads hex digits. */
function parseNumber(kind: keyof typeof LIMITS, args: unknown[]): number {
  const text = argStr(args[0]).trim();
  const hexStyle = /hex/i.test(argStr(args[1] ?? ''));
  let n: number;
  if (kind === 'double') n = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.replace(/,/g, '')) ? Number(text.replace(/,/g, '')) : NaN;
  else if (hexStyle) n = /^[0-9a-f]+$/i.test(text) ? parseInt(text, 16) : NaN;
  else n = /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(n)) throw formatException(`The input string '${argStr(args[0])}' was not in a correct format.`);
  const [min, max] = LIMITS[kind];
  if (n < min || n > max) throw new DotNetException('System.OverflowException', `Value was either too large or too small for ${kind === 'byte' ? 'an unsigned byte' : 'an ' + kind}.`);
  return n;
}

export function numberStatics(kind: keyof typeof LIMITS): Record<string, StaticMember> {
  const statics: Record<string, StaticMember> = {
    MaxValue: prop(LIMITS[kind][1]),
    MinValue: prop(LIMITS[kind][0]),
    Parse: call(args => parseNumber(kind, args)),
    TryParse: call(() => { throw refNotSupported('TryParse'); }),
  };
  if (kind === 'double') Object.assign(statics, {
    Epsilon: prop(Number.MIN_VALUE), NaN: prop(NaN),
    PositiveInfinity: prop(Infinity), NegativeInfinity: prop(-Infinity),
    IsNaN: call(([v]) => Number.isNaN(v)),
    IsInfinity: call(([v]) => v === Infinity || v === -Infinity),
    IsPositiveInfinity: call(([v]) => v === Infinity),
    IsNegativeInfinity: call(([v]) => v === -Infinity),
  });
  return statics;
}

/** The values of a params array: f('a', 'b') and f(@('a', 'b')) are the same call. */
const rest = (args: unknown[], from: number) =>
  args.length === from + 1 && Array.isArray(args[from]) ? args[from] as unknown[] : args.slice(from);

function compare(a: unknown, b: unknown, ignoreCase: boolean) {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  let x = argStr(a), y = argStr(b);
  if (ignoreCase) { x = x.toLowerCase(); y = y.toLowerCase(); }
  return Math.sign(x.localeCompare(y, 'en-US'));
}

const ignoreCaseArg = (v: unknown) => v === true || /ignorecase/i.test(argStr(v ?? ''));

export const stringStatics: Record<string, StaticMember> = {
  Empty: prop(''),
  IsNullOrEmpty: call(([v]) => v === null || v === undefined || v === ''),
  IsNullOrWhiteSpace: call(([v]) => v === null || v === undefined || argStr(v).trim() === ''),
  Join: call(args => rest(args, 1).map(argStr).join(argStr(args[0]))),
  Concat: call(args => rest(args, 0).map(argStr).join('')),
  Format: call(args => formatString(argStr(args[0]), rest(args, 1))),
  Compare: call(([a, b, ic]) => compare(a, b, ignoreCaseArg(ic))),
  Equals: call(([a, b, ic]) => ignoreCaseArg(ic) ? compare(a, b, true) === 0 : a === b),
  new: call(([c, n]) => typeof n === 'number' ? argStr(c).repeat(n) : argStr(c)),
};

const charTest = (re: RegExp) => call(([c]) => re.test(argStr(c).charAt(0)));

export const charStatics: Record<string, StaticMember> = {
  IsDigit: charTest(/^\p{Nd}$/u),
  IsLetter: charTest(/^\p{L}$/u),
  IsLetterOrDigit: charTest(/^[\p{L}\p{Nd}]$/u),
  IsWhiteSpace: charTest(/^\s$/),
  IsUpper: charTest(/^\p{Lu}$/u),
  IsLower: charTest(/^\p{Ll}$/u),
  IsPunctuation: charTest(/^\p{P}$/u),
  ToUpper: call(([c]) => argStr(c).toUpperCase()),
  ToLower: call(([c]) => argStr(c).toLowerCase()),
  MaxValue: prop('\uffff'),
  MinValue: prop('\0'),
};

export const boolStatics: Record<string, StaticMember> = {
  TrueString: prop('True'),
  FalseString: prop('False'),
  Parse: call(([v]) => {
    const t = argStr(v).trim().toLowerCase();
    if (t === 'true' || t === 'false') return t === 'true';
    throw formatException(`String '${argStr(v)}' was not recognized as a valid Boolean.`);
  }),
  TryParse: call(() => { throw refNotSupported('TryParse'); }),
};
