// [math]: System.Math as scripts use it. Round rounds half to even, as .NET does by default
// ([math]::Round(2.5) is 2), unless told 'AwayFromZero'; digits round the decimal value.
// Imports only lib/core and sibling modules.

import type { StaticMember } from './type.js';
import { toDouble, toStr } from './convert.js';
import { argumentOutOfRange } from './dotnet-errors.js';
import { roundHalfEven } from './numbers.js';

const call = (f: (args: number[], raw: unknown[]) => unknown): StaticMember => ({ call: args => f(args.map(numeric), args) });
const numeric = (v: unknown) => typeof v === 'number' ? v : typeof v === 'string' && /^[a-z]/i.test(v) ? NaN : toDouble(v);
const constant = (value: number): StaticMember => ({ get: () => value });

function halfAway(x: number) { return Math.sign(x) * Math.round(Math.abs(x)); }

/** Math.Round(x), (x, digits), (x, mode), (x, digits, mode). */
function round(args: number[], raw: unknown[]): number {
  const [x] = args;
  const digits = typeof raw[1] === 'number' ? raw[1] : 0;
  const mode = raw.slice(1).find(v => typeof v !== 'number');   // a name or a [MidpointRounding]
  if (digits < 0 || digits > 15) throw argumentOutOfRange('digits', 'Rounding digits must be between 0 and 15, inclusive.');
  const away = mode !== undefined && /^awayfromzero$/i.test(toStr(mode));
  // .NET scales, rounds and scales back, so [math]::Round(2.675, 2) is 2.67 (267.49999999999997).
  const scale = 10 ** digits, scaled = x * scale;
  return (away ? halfAway(scaled) : roundHalfEven(scaled)) / scale;
}

export const mathStatics: Record<string, StaticMember> = {
  PI: constant(Math.PI),
  E: constant(Math.E),
  Round: call(round),
  Floor: call(([x]) => Math.floor(x)),
  Ceiling: call(([x]) => Math.ceil(x)),
  Truncate: call(([x]) => Math.trunc(x)),
  Abs: call(([x]) => Math.abs(x)),
  Sign: call(([x]) => Math.sign(x)),
  Max: call(([a, b]) => Math.max(a, b)),
  Min: call(([a, b]) => Math.min(a, b)),
  Pow: call(([a, b]) => a ** b),
  Sqrt: call(([x]) => Math.sqrt(x)),
  Cbrt: call(([x]) => Math.cbrt(x)),
  Exp: call(([x]) => Math.exp(x)),
  Log: call(([x, base]) => base === undefined ? Math.log(x) : Math.log(x) / Math.log(base)),
  Log10: call(([x]) => Math.log10(x)),
  Log2: call(([x]) => Math.log2(x)),
  Sin: call(([x]) => Math.sin(x)),
  Cos: call(([x]) => Math.cos(x)),
  Tan: call(([x]) => Math.tan(x)),
  Asin: call(([x]) => Math.asin(x)),
  Acos: call(([x]) => Math.acos(x)),
  Atan: call(([x]) => Math.atan(x)),
  Atan2: call(([y, x]) => Math.atan2(y, x)),
  Clamp: call(([x, lo, hi]) => Math.min(Math.max(x, lo), hi)),
  DivRem: call(([a, b]) => Math.trunc(a / b)),
};
