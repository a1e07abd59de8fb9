// Small .NET value types that have no JS equivalent: Guid, Version, the Match and Group
// objects [regex]::Match returns, and the DictionaryEntry a hashtable's GetEnumerator() yields. Their members are PascalCase getters and methods, found by
// member lookup's reflection. Imports only lib/core and node:crypto.

import { randomUUID } from 'node:crypto';
import { ShellError } from '../../core/errors.js';

/** What $h.GetEnumerator() yields: Key and Value, and Name as PowerShell's alias of Key. */
export class DictionaryEntry {
  constructor(readonly Key: unknown, readonly Value: unknown) {}
  get Name() { return this.Key; }
  toString() { return 'System.Collections.DictionaryEntry'; }
}

export class Guid {
  static readonly Empty = new Guid('00000000-0000-0000-0000-000000000000');
  private constructor(private readonly text: string) {}
  static newGuid() { return new Guid(randomUUID()); }
  /** Accepts 'N', 'D', 'B' and 'P' forms, as Guid.Parse does. */
  static parse(text: string): Guid {
    const hex = text.trim().replace(/^[{(]|[})]$/g, '').replace(/-/g, '');
    if (!/^[0-9a-f]{32}$/i.test(hex)) throw new ShellError('FormatException', 'InvalidArgument',
      `Unrecognized Guid format.`, { target: text, exceptionType: 'System.FormatException' });
    const h = hex.toLowerCase();
    return new Guid(`${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`);
  }
  get Guid() { return this.text; }
  ToString(format?: unknown) {
    const f = String(format ?? 'D').toUpperCase();
    if (f === 'N') return this.text.replace(/-/g, '');
    if (f === 'B') return `{${this.text}}`;
    if (f === 'P') return `(${this.text})`;
    return this.text;
  }
  Equals(other: unknown) { return other instanceof Guid && other.text === this.text; }
  toString() { return this.text; }
}

export class Version {
  constructor(readonly Major: number, readonly Minor: number, readonly Build = -1, readonly Revision = -1) {}
  static parse(text: string): Version {
    const m = /^\s*(\d+)\.(\d+)(?:\.(\d+)(?:\.(\d+))?)?\s*$/.exec(text);
    if (!m) throw new ShellError('FormatException', 'InvalidArgument', `Version string portion was too short or too long.`,
      { target: text, exceptionType: 'System.ArgumentException' });
    return new Version(+m[1], +m[2], m[3] === undefined ? -1 : +m[3], m[4] === undefined ? -1 : +m[4]);
  }
  private parts() { return [this.Major, this.Minor, this.Build, this.Revision]; }
  CompareTo(other: unknown) {
    if (!(other instanceof Version)) return 1;
    const a = this.parts(), b = other.parts();
    for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
  }
  Equals(other: unknown) { return this.CompareTo(other) === 0; }
  ToString() { return this.toString(); }
  toString() { return this.parts().filter(p => p >= 0).join('.'); }
}

export class Group {
  constructor(readonly Name: string, readonly Value: string, readonly Index: number, readonly Success: boolean) {}
  get Length() { return this.Value.length; }
  toString() { return this.Value; }
}

export class Match extends Group {
  /** Groups by number (0 is the whole match), and by name too: $m.Groups[1], $m.Groups['year']. */
  readonly Groups: Group[];
  constructor(m: RegExpExecArray | null, groupNames: readonly string[] = []) {
    super('0', m?.[0] ?? '', m?.index ?? 0, m !== null);
    this.Groups = m ? [...m].map((v, i) => new Group(i === 0 ? '0' : groupNames[i] ?? String(i), v ?? '',
      v === undefined ? 0 : m.index + Math.max(0, m[0].indexOf(v)), v !== undefined)) : [];
    for (const g of this.Groups) if (!/^\d+$/.test(g.Name)) Object.defineProperty(this.Groups, g.Name, { value: g, enumerable: false });
  }
  get Captures() { return [this]; }
}
