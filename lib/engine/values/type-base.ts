// DotNetType: the one implementation of the PSType contract. A type is data: names, a test for
// -is, a conversion for casts, and a table of static members. It also answers scripts that look
// at a type object ([int].Name, $x.GetType().FullName) through PascalCase getters.
// Imports only lib/core and sibling modules.

import { ShellError } from '../../core/errors.js';
import type { PSType, StaticMember } from './type.js';
import { methodCall } from './dotnet-errors.js';

export interface TypeSpec {
  name: string;
  fullName: string;
  isInstance?: (value: unknown) => boolean;
  convert?: (value: unknown) => unknown;
  statics?: Record<string, StaticMember>;
  elementType?: PSType;
  baseType?: string;
  isValueType?: boolean;
}

export class DotNetType implements PSType {
  readonly name: string;
  readonly fullName: string;
  readonly elementType?: PSType;
  /** By lower-case name; each keeps its declared name for Get-Member -Static. */
  private readonly statics = new Map<string, { name: string; member: StaticMember }>();
  private readonly test: (value: unknown) => boolean;
  private readonly conv?: (value: unknown) => unknown;

  constructor(readonly spec: TypeSpec) {
    this.name = spec.name;
    this.fullName = spec.fullName;
    this.elementType = spec.elementType;
    this.test = spec.isInstance ?? (() => false);
    this.conv = spec.convert;
    for (const [k, v] of Object.entries(spec.statics ?? {})) this.addStatic(k, v);
  }

  isInstance(value: unknown) { return value !== null && value !== undefined && this.test(value); }

  convert(value: unknown): unknown {
    if (!this.conv) throw new ShellError('NotSupported', 'NotImplemented',
      `Conversion to [${this.fullName}] is not supported.`, { target: value });
    try {
      return this.conv(value);
    } catch (e) {
      if (e instanceof ShellError && e.id === 'InvalidCastException') throw e;
      throw castError(value, this, e);
    }
  }

  staticMember(name: string) { return this.statics.get(name.toLowerCase())?.member; }
  /** For subclasses whose members need the type itself (an enum's values). */
  protected addStatic(name: string, member: StaticMember) {
    this.statics.set(name.toLowerCase(), { name, member: wrapped(name, member) });
  }
  /** Every static member with its declared name, as Get-Member -Static lists them. */
  staticMembers() { return [...this.statics.values()]; }

  // What scripts see on a type object.
  get Name() { return this.name; }
  get FullName() { return this.fullName; }
  get Namespace() { return this.fullName.includes('.') ? this.fullName.slice(0, this.fullName.lastIndexOf('.')) : ''; }
  get IsArray() { return this.fullName.endsWith('[]'); }
  get IsValueType() { return this.spec.isValueType ?? false; }
  get BaseType() { return this.spec.baseType ?? (this.fullName === 'System.Object' ? null : 'System.Object'); }
  ToString() { return this.fullName; }
  Equals(other: unknown) { return other instanceof DotNetType && other.fullName === this.fullName; }
  toString() { return this.fullName; }
}

// A .NET exception inside a static method reaches the script as PowerShell reports it.
function wrapped(name: string, m: StaticMember): StaticMember {
  const call = m.call;
  return call ? { ...m, call: args => methodCall(name, args.length, () => call(args)) } : m;
}

const describe = (v: unknown) => Array.isArray(v) ? 'System.Object[]' : String(v);

/** PowerShell's "Cannot convert value "x" to type "System.Int32". Error: "..."". */
export function castError(value: unknown, type: PSType, cause?: unknown): ShellError {
  const reason = cause instanceof Error ? ` Error: "${cause.message}"` : '';
  return new ShellError('InvalidCastException', 'InvalidArgument',
    `Cannot convert value "${describe(value)}" to type "${type.fullName}".${reason}`,
    { target: value, cause, exceptionType: 'System.Management.Automation.PSInvalidCastException' });
}

export const prop = (get: () => unknown): StaticMember => ({ get });
export const fn = (call: (args: unknown[]) => unknown): StaticMember => ({ call });
