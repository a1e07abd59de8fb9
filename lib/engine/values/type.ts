// PSType: a .NET-like type as scripts see it ([int], [datetime], [math]...). The type registry
// (types.ts) implements it; operators (-is, -as, casts) and member access use it. Contract only.
// Imports nothing.

export interface StaticMember {
  get?(): unknown;
  set?(value: unknown): void;
  call?(args: unknown[]): unknown;
}

export interface PSType {
  readonly name: string;          // short name as PowerShell shows it: 'Int32', 'String', 'Hashtable'
  readonly fullName: string;      // 'System.Int32'
  /** `$v -is [T]` */
  isInstance(value: unknown): boolean;
  /** `[T]$v`: PowerShell's conversion; throws ShellError 'InvalidCastException'-style on failure. */
  convert(value: unknown): unknown;
  /** `[T]::Name` and `[T]::Name(args)`; undefined when T has no such static member. */
  staticMember(name: string): StaticMember | undefined;
  /** For `[T[]]`: the element type. */
  readonly elementType?: PSType;
  toString(): string;             // 'System.Int32' style, as [int].ToString() prints
}
