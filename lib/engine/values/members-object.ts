// Members of JS class instances (ErrorRecord, TimeSpan, Guid, a certificate record...): their
// PascalCase getters and methods, found case-insensitively along the prototype chain. Plain
// object literals expose all their keys. An Error also answers Message and InnerException.
// Imports only lib/core and sibling modules.

import type { MemberInfo } from './member-table.js';

const PUBLIC = /^[A-Z]/;

export interface Found { key: string; owner: object; descriptor: PropertyDescriptor }

/** The property or method `name` of `obj`, ignoring case; undefined when it has none. */
export function findMember(obj: object, name: string): Found | undefined {
  const lc = name.toLowerCase(), plain = Object.getPrototypeOf(obj) === Object.prototype || Object.getPrototypeOf(obj) === null;
  for (let o: object | null = obj; o && o !== Object.prototype && o !== Function.prototype; o = Object.getPrototypeOf(o)) {
    for (const key of Object.getOwnPropertyNames(o)) {
      if (key.toLowerCase() !== lc || key === 'constructor' || (!plain && !PUBLIC.test(key))) continue;
      return { key, owner: o, descriptor: Object.getOwnPropertyDescriptor(o, key)! };
    }
  }
  return undefined;
}

/** Error's own fields under their .NET names. */
export function errorMember(e: Error, name: string): { value: unknown } | undefined {
  switch (name.toLowerCase()) {
    case 'message': return { value: e.message };
    case 'innerexception': return { value: e.cause ?? null };
    case 'stacktrace': return { value: null };
    case 'source': return { value: 'cscert' };
  }
  return undefined;
}

export function isMethod(f: Found) {
  return f.descriptor.get === undefined && typeof f.descriptor.value === 'function';
}

/**
 * The property names of a class instance or plain object in declaration order: own fields first,
 * then getters up the prototype chain; a class instance's PascalCase ones, a plain object's keys
 * not starting with `_` (bookkeeping); never methods. Case-insensitively unique.
 */
export function reflectPropertyNames(obj: object): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  const proto = Object.getPrototypeOf(obj);
  const plain = proto === Object.prototype || proto === null;
  for (let o: object | null = obj; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(o))) {
      if (key === 'constructor' || (plain ? key.startsWith('_') : !PUBLIC.test(key))) continue;
      if (!d.get && typeof d.value === 'function') continue;
      if (!seen.has(key.toLowerCase())) { seen.add(key.toLowerCase()); names.push(key); }
    }
  }
  return names;
}

/** Everything Get-Member lists for a class instance. */
export function reflectMembers(obj: object): MemberInfo[] {
  const seen = new Map<string, MemberInfo>();
  const plain = Object.getPrototypeOf(obj) === Object.prototype;
  for (let o: object | null = obj; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const key of Object.getOwnPropertyNames(o)) {
      if (key === 'constructor' || (!plain && !PUBLIC.test(key)) || seen.has(key.toLowerCase())) continue;
      const d = Object.getOwnPropertyDescriptor(o, key)!;
      const isFn = d.get === undefined && typeof d.value === 'function';
      seen.set(key.toLowerCase(), {
        name: key, memberType: isFn ? 'Method' : 'Property',
        definition: isFn ? `${key}()` : `${key} {get;${d.set || d.writable ? 'set;' : ''}}`,
      });
    }
  }
  return [...seen.values()];
}
