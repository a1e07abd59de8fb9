// Variable scopes as PowerShell defines them (about_Scopes): a chain of scopes, reads look up the
// chain (dynamic scoping: a function's parent scope is its caller's), writes create in the current
// scope, `private` variables are seen only by their own scope. A scope also holds the functions
// defined in it. Type constraints (`[int]$x = ...`) stay on the variable and convert later writes.
// Imports only the PSType contract (and the Engine type it belongs to).

import type { PSType } from '../values/type.js';
import type { Engine } from './engine.js';

export interface Variable {
  readonly name: string;            // as first written, for completion and Get-Variable
  value: unknown;
  type?: PSType;                    // set by `[T]$x = ...`; converts every later assignment
  isPrivate?: boolean;
}

/** A variable whose value is made on first read (or replaced by a write before that). */
class LazyVariable implements Variable {
  private made = false;
  private held: unknown;
  constructor(readonly name: string, private readonly make: () => unknown) {}
  get value(): unknown {
    if (!this.made) { this.held = this.make(); this.made = true; }
    return this.held;
  }
  set value(v: unknown) { this.held = v; this.made = true; }
}
export const lazyVariable = (name: string, make: () => unknown): Variable => new LazyVariable(name, make);

export type ScopeKind = 'global' | 'script' | 'function' | 'local';

export class Scope {
  readonly vars = new Map<string, Variable>();
  readonly functions = new Map<string, unknown>();
  readonly global: Scope;
  readonly script: Scope;
  /** How many try blocks enclose the code running in this scope (dynamically, through calls). */
  tryDepth: number;
  /** In an isolated scope (ForEach-Object -Parallel): the `$using:` values copied from the caller. */
  using?: Map<string, unknown>;

  constructor(readonly parent: Scope | null, readonly kind: ScopeKind, readonly engine: Engine) {
    this.global = parent ? parent.global : this;
    this.script = kind === 'script' || !parent ? this : parent.script;
    this.tryDepth = parent ? parent.tryDepth : 0;
  }

  /** The `$using:` values of the isolated scope this one runs in, if any. */
  usingValues(): Map<string, unknown> | undefined {
    for (let s: Scope | null = this; s; s = s.parent) if (s.using) return s.using;
    return undefined;
  }

  /** The variable seen from here: this scope's own, else the nearest non-private one above. */
  lookup(key: string): Variable | undefined {
    const own = this.vars.get(key);
    if (own) return own;
    for (let s = this.parent; s; s = s.parent) {
      const v = s.vars.get(key);
      if (v && !v.isPrivate) return v;
    }
    return undefined;
  }

  get(key: string): unknown {
    const v = this.lookup(key);
    return v === undefined ? null : v.value;
  }

  /** Assignment: updates this scope's variable or creates one here (never writes a parent's). */
  set(name: string, value: unknown, key = name.toLowerCase()): Variable {
    const v = this.vars.get(key);
    if (v) { v.value = v.type ? v.type.convert(value) : value; return v; }
    const created: Variable = { name, value };
    this.vars.set(key, created);
    return created;
  }

  /** A variable local to this scope, replacing any constraint (parameters, $_, foreach variables). */
  define(name: string, value: unknown, type?: PSType) {
    this.vars.set(name.toLowerCase(), { name, value, type });
  }

  /** Named scopes: `$global:x`, `$script:x`, `$local:x`, `$private:x`. */
  named(qualifier: string | null): Scope {
    switch (qualifier?.toLowerCase()) {
      case 'global': return this.global;
      case 'script': return this.script;
      default: return this;
    }
  }

  lookupFunction(key: string): unknown {
    for (let s: Scope | null = this; s; s = s.parent) {
      const f = s.functions.get(key);
      if (f !== undefined) return f;
    }
    return undefined;
  }

  /** Every variable name visible from here, for tab completion. */
  visibleNames(): string[] {
    const names = new Map<string, string>();
    for (let s: Scope | null = this; s; s = s.parent)
      for (const [k, v] of s.vars) if (!names.has(k) && (s === this || !v.isPrivate)) names.set(k, v.name);
    return [...names.values()];
  }
}
