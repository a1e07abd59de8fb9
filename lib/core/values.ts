// The shell's value model, shared by the engine, the formatter and the cmdlets.
//
//   PowerShell            JavaScript here
//   $null                 null (never undefined)
//   bool, string          boolean, string
//   int, long, double     number: integral values in Int32 range are [int], in Int64 range [long],
//                         others [double] (see lib/engine/values for the exact rules)
//   decimal               not supported (refused by the parser/converter with a clear error)
//   object[]              Array
//   hashtable, ordered    Hashtable (case-insensitive string keys, insertion order kept)
//   PSCustomObject, and   PSObject: ordered, case-insensitive properties, a list of type names
//   cmdlet output         ('Cs.CertificateReference', ...) that picks the default view
//   DateTime              Date
//   SecureString          SecureString
//   scriptblock           ScriptBlock (lib/engine/cmdlet)
// Other JS class instances expose PowerShell members as PascalCase getters and methods; member
// lookup on them is case-insensitive. Imports nothing.

export interface PSProperty {
  readonly name: string;                    // as declared (display case)
  value?: unknown;                          // a note property...
  readonly get?: () => unknown;             // ...or a script/code property
}

export class PSObject {
  readonly typeNames: string[];
  private readonly props = new Map<string, PSProperty>();
  /** Methods callable as $obj.Name(args); names are case-insensitive. */
  readonly methods = new Map<string, (...args: unknown[]) => unknown>();

  constructor(properties: Record<string, unknown> | Iterable<readonly [string, unknown]> = {},
    typeNames: readonly string[] = ['System.Management.Automation.PSCustomObject']) {
    this.typeNames = [...typeNames];
    const entries = Symbol.iterator in properties
      ? properties as Iterable<readonly [string, unknown]> : Object.entries(properties);
    for (const [name, value] of entries) this.set(name, value);
  }

  /** The most specific type name: what the default view and Get-Member use. */
  get typeName() { return this.typeNames[0]; }
  has(name: string) { return this.props.has(name.toLowerCase()); }
  property(name: string) { return this.props.get(name.toLowerCase()); }
  get(name: string): unknown {
    const p = this.props.get(name.toLowerCase());
    return p === undefined ? undefined : p.get ? p.get() : p.value;
  }
  /** Sets a note property, keeping the original spelling and position of an existing one. */
  set(name: string, value: unknown) {
    const key = name.toLowerCase(), old = this.props.get(key);
    this.props.set(key, { name: old?.name ?? name, value: value === undefined ? null : value });
  }
  defineGetter(name: string, get: () => unknown) { this.props.set(name.toLowerCase(), { name, get }); }
  defineMethod(name: string, fn: (...args: unknown[]) => unknown) { this.methods.set(name.toLowerCase(), fn); }
  delete(name: string) { return this.props.delete(name.toLowerCase()); }
  /** Property names in declaration order, as declared. */
  names(): string[] { return [...this.props.values()].map(p => p.name); }
  *entries(): IterableIterator<[string, unknown]> {
    for (const p of this.props.values()) yield [p.name, p.get ? p.get() : p.value];
  }
  isA(typeName: string) { return this.typeNames.some(t => t.toLowerCase() === typeName.toLowerCase()); }
}

/** PowerShell's @{} (and [ordered]@{}): string keys compare case-insensitively. */
export class Hashtable {
  private readonly map = new Map<unknown, { key: unknown; value: unknown }>();
  constructor(readonly ordered = false) {}
  private static norm(key: unknown) { return typeof key === 'string' ? 's:' + key.toLowerCase() : key; }
  get size() { return this.map.size; }
  has(key: unknown) { return this.map.has(Hashtable.norm(key)); }
  get(key: unknown): unknown { return this.map.get(Hashtable.norm(key))?.value; }
  set(key: unknown, value: unknown) {
    const k = Hashtable.norm(key), old = this.map.get(k);
    this.map.set(k, { key: old ? old.key : key, value: value === undefined ? null : value });
  }
  delete(key: unknown) { return this.map.delete(Hashtable.norm(key)); }
  clear() { this.map.clear(); }
  keys(): unknown[] { return [...this.map.values()].map(e => e.key); }
  values(): unknown[] { return [...this.map.values()].map(e => e.value); }
  *entries(): IterableIterator<[unknown, unknown]> { for (const e of this.map.values()) yield [e.key, e.value]; }
  static from(record: Record<string, unknown>, ordered = false) {
    const h = new Hashtable(ordered);
    for (const [k, v] of Object.entries(record)) h.set(k, v);
    return h;
  }
}

/** A password that never prints: ToString() is the type name, as in PowerShell. */
export class SecureString {
  readonly #plain: string;
  constructor(plain: string) { this.#plain = plain; }
  get Length() { return this.#plain.length; }
  /** Only for code that must hand the secret to a crypto routine. */
  reveal() { return this.#plain; }
  toString() { return 'System.Security.SecureString'; }
  toJSON() { return 'System.Security.SecureString'; }
}

/** PowerShell's [switch] parameter value. */
export class SwitchParameter {
  constructor(readonly IsPresent: boolean) {}
  toString() { return this.IsPresent ? 'True' : 'False'; }
}
