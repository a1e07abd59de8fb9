// .NET enums as scripts see them ([DayOfWeek], [ConsoleColor], [MidpointRounding]...): a value is
// its type and number, prints as its name, and converts both ways, so `4 -eq $d.DayOfWeek` and
// `$d.DayOfWeek -eq 'thursday'` are both true, `[ConsoleColor]::Blue + 3` is Red and the
// difference of two values is a number. `value__` is .NET's own name for the number, which is how
// the number conversions in convert.ts find it without importing this module.
// Imports only lib/core and sibling modules.

import { ShellError } from '../../core/errors.js';
import { DotNetType } from './type-base.js';

export class EnumValue {
  constructor(readonly type: EnumType, readonly value__: number) {}
  /** The member's name, or the number for a value no member has (enum arithmetic can make one). */
  toString() { return this.type.nameOf(this.value__) ?? String(this.value__); }
  Equals(other: unknown) {
    const o = this.type.tryFrom(other);
    return o !== undefined && o.value__ === this.value__;
  }
  CompareTo(other: unknown) {
    const o = this.type.from(other);
    return Math.sign(this.value__ - o.value__);
  }
  GetHashCode() { return this.value__; }
}

export class EnumType extends DotNetType {
  private readonly names = new Map<number, string>();
  private readonly byName = new Map<string, EnumValue>();

  constructor(name: string, fullName: string, members: readonly string[] | Record<string, number>) {
    const entries = Array.isArray(members) ? members.map((m, i) => [m, i] as const) : Object.entries(members);
    super({ name, fullName, isValueType: true, baseType: 'System.Enum',
      isInstance: v => v instanceof EnumValue && v.type === this,
      convert: v => this.from(v) });
    for (const [member, n] of entries) {
      const value = new EnumValue(this, n);
      if (!this.names.has(n)) this.names.set(n, member);
      this.byName.set(member.toLowerCase(), value);
      this.addStatic(member, { get: () => value });
    }
  }

  nameOf(n: number) { return this.names.get(n); }
  /** The value for a number (kept even when no member has it, as arithmetic results are). */
  of(n: number) { return new EnumValue(this, n); }

  /** [T]$v: a value of T, a member's name (any case) or a defined number. */
  from(v: unknown): EnumValue {
    const found = this.tryFrom(v);
    if (found) return found;
    const names = [...this.byName.values()].map(x => String(x)).join(', ');
    throw new ShellError('InvalidCastException', 'InvalidArgument',
      `Cannot convert value "${String(v)}" to type "${this.fullName}". Error: "Unable to match the identifier name ${String(v)} to a valid enumerator name. Specify one of the following enumerator names and try again:\n${names}"`,
      { target: v, exceptionType: 'System.Management.Automation.PSInvalidCastException' });
  }

  tryFrom(v: unknown): EnumValue | undefined {
    if (v instanceof EnumValue) return v.type === this ? v : this.tryFrom(v.value__);
    if (typeof v === 'number') return this.names.has(v) ? this.of(v) : undefined;
    if (typeof v !== 'string') return undefined;
    const text = v.trim();
    if (/^-?\d+$/.test(text)) return this.tryFrom(Number(text));
    return this.byName.get(text.toLowerCase());
  }
}

const COLORS = ['Black', 'DarkBlue', 'DarkGreen', 'DarkCyan', 'DarkRed', 'DarkMagenta', 'DarkYellow', 'Gray',
  'DarkGray', 'Blue', 'Green', 'Cyan', 'Red', 'Magenta', 'Yellow', 'White'];

export const dayOfWeekType = new EnumType('DayOfWeek', 'System.DayOfWeek',
  ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);

/** The enums scripts name, with the short names they answer to. */
export const enumTypes = (): [EnumType, string[]][] => [
  [dayOfWeekType, ['dayofweek']],
  [new EnumType('ConsoleColor', 'System.ConsoleColor', COLORS), ['consolecolor']],
  [new EnumType('MidpointRounding', 'System.MidpointRounding', ['ToEven', 'AwayFromZero', 'ToZero', 'ToNegativeInfinity', 'ToPositiveInfinity']), ['midpointrounding']],
  [new EnumType('StringSplitOptions', 'System.StringSplitOptions', { None: 0, RemoveEmptyEntries: 1, TrimEntries: 2 }), ['stringsplitoptions']],
];

/** Enum ± number is of the enum's type; enum - enum is a number (about_Arithmetic_Operators). */
export function enumArithmetic(left: EnumValue, right: unknown, sign: 1 | -1, toNumber: (v: unknown) => number): unknown {
  const n = left.value__ + sign * toNumber(right);
  return right instanceof EnumValue && sign === -1 ? n : left.type.of(n);
}
