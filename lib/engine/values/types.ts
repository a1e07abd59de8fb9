// The type registry: resolveType('int'), ('System.Int32'), ('string[]'),
// ('System.Collections.Generic.List[string]'), case-insensitively, accelerators included; and
// typeOf(value), the type .GetType() reports. A name PowerShell knows but this shell refuses
// ([xml], [decimal]) gets a NotSupported error that says what to use instead.
// Imports only lib/core, lib/engine/cmdlet and sibling modules.

import { ErrorRecord, ShellError } from '../../core/errors.js';
import { Hashtable, PSObject, SecureString, SwitchParameter } from '../../core/values.js';
import { ScriptBlock } from './script-block.js';
import type { PSType } from './type.js';
import { DotNetType } from './type-base.js';
import { scalarTypes } from './types-scalar.js';
import { REFUSED_TYPES, otherTypes } from './types-other.js';
import {
  arrayListType, arrayOf, collectionInfo, hashtableType, listOf, objectArrayType, orderedType, pscustomobjectType, psobjectType,
} from './types-collection.js';
import { TimeSpan } from './timespan.js';
import { DictionaryEntry, Group, Guid, Match, Version } from './dotnet-objects.js';
import { RegexObject } from './dotnet-regex.js';
import { isInt32, isIntegral } from './format-number.js';
import { EnumValue, enumTypes } from './enums.js';

const registry = new Map<string, PSType>();

function register(type: PSType, aliases: readonly string[] = []) {
  const full = type.fullName.toLowerCase();
  for (const key of [full, full.replace(/^system\./, ''), ...aliases]) registry.set(key.toLowerCase(), type);
}

let loaded = false;
// Filled on first use: the type modules import convert.ts, which may import this module back.
function load() {
  if (loaded) return;
  loaded = true;
  for (const [t, aliases] of [...scalarTypes(), ...otherTypes(), ...enumTypes()]) register(t, aliases);
  register(objectArrayType, ['array']);
  register(hashtableType, ['hashtable']);
  register(orderedType, ['ordered']);
  register(pscustomobjectType, ['pscustomobject']);
  register(psobjectType, ['psobject']);
  register(arrayListType, []);
  register(RUNTIME_TYPE, ['type']);
}

const RUNTIME_TYPE = new DotNetType({ name: 'RuntimeType', fullName: 'System.RuntimeType', isInstance: v => v instanceof DotNetType });

const notFound = (name: string) => new ShellError('TypeNotFound', 'InvalidOperation', `Unable to find type [${name}].`,
  { target: name, exceptionType: 'System.Management.Automation.RuntimeException' });

/** Splits 'string,int' at commas outside brackets. */
function typeArguments(text: string): string[] {
  const out: string[] = [];
  let depth = 0, cur = '';
  for (const c of text) {
    if (c === '[') depth++;
    if (c === ']') depth--;
    if (c === ',' && depth === 0) { out.push(cur.trim()); cur = ''; } else cur += c;
  }
  out.push(cur.trim());
  return out.map(a => a.replace(/^\[(.*)\]$/, '$1'));
}

const GENERIC_LISTS = ['system.collections.generic.list', 'collections.generic.list', 'generic.list', 'list'];
const GENERIC_DICTIONARIES = ['system.collections.generic.dictionary', 'collections.generic.dictionary', 'generic.dictionary', 'dictionary'];

function resolveGeneric(name: string, base: string, args: string[]): PSType {
  const key = base.toLowerCase().replace(/`\d+$/, '');
  if (GENERIC_LISTS.includes(key) && args.length === 1) return listOf(resolveType(args[0]));
  // A Dictionary is a Hashtable; its keys compare as a hashtable's do (case-insensitively for strings).
  if (GENERIC_DICTIONARIES.includes(key) && args.length === 2) { args.forEach(resolveType); return hashtableType; }
  throw new ShellError('NotSupported', 'NotImplemented', `The generic type [${name}] is not supported: use List[T], an array or a hashtable.`, { target: name });
}

const cache = new Map<string, PSType>();

/** The type a `[name]` literal denotes; throws TypeNotFound as PowerShell does. */
export function resolveType(name: string): PSType {
  load();
  const text = name.trim().replace(/^\[(.*)\]$/s, '$1').trim();
  const key = text.toLowerCase().replace(/\s+/g, '');
  const known = registry.get(key) ?? registry.get('system.' + key) ?? cache.get(key);
  if (known) return known;
  if (REFUSED_TYPES[key]) throw new ShellError('NotSupported', 'NotImplemented', REFUSED_TYPES[key], { target: text });
  let made: PSType;
  if (key.endsWith('[]')) made = arrayOf(resolveType(text.slice(0, text.lastIndexOf('['))));
  else {
    const generic = /^([^[]+)\[(.+)\]$/s.exec(text);
    if (!generic) throw notFound(text);
    made = resolveGeneric(text, generic[1].trim(), typeArguments(generic[2]));
  }
  cache.set(key, made);
  return made;
}

const adHoc = new Map<string, PSType>();
function namedType(fullName: string): PSType {
  const known = registry.get(fullName.toLowerCase());
  if (known) return known;
  let t = adHoc.get(fullName);
  if (!t) adHoc.set(fullName, t = new DotNetType({ name: fullName.split('.').pop()!, fullName }));
  return t;
}

function arrayTypeOf(a: unknown[]): PSType {
  const info = collectionInfo(a);
  if (info.kind === 'List') return listOf(info.elementType ?? resolveType('object'));
  if (info.kind === 'ArrayList') return arrayListType;
  return info.elementType ? arrayOf(info.elementType) : objectArrayType;
}

const BY_CLASS: [Function, string][] = [
  [Date, 'datetime'], [TimeSpan, 'timespan'], [Guid, 'guid'], [Version, 'version'], [RegexObject, 'regex'],
  [ScriptBlock, 'scriptblock'], [SecureString, 'securestring'], [SwitchParameter, 'switch'], [PSObject, 'pscustomobject'],
  [DotNetType, 'System.RuntimeType'],
];

/** The type $value.GetType() reports ($null has none; it answers [object]). */
export function typeOf(value: unknown): PSType {
  load();
  if (value === null || value === undefined) return resolveType('object');
  switch (typeof value) {
    case 'boolean': return resolveType('bool');
    case 'string': return resolveType('string');
    case 'number': return resolveType(isInt32(value) ? 'int' : isIntegral(value) ? 'long' : 'double');
  }
  if (Array.isArray(value)) return arrayTypeOf(value);
  if (value instanceof EnumValue) return value.type;
  if (value instanceof Hashtable) return value.ordered ? orderedType : hashtableType;
  for (const [cls, name] of BY_CLASS) if (value instanceof cls) return resolveType(name);
  if (value instanceof Match) return namedType('System.Text.RegularExpressions.Match');
  if (value instanceof Group) return namedType('System.Text.RegularExpressions.Group');
  if (value instanceof DictionaryEntry) return namedType('System.Collections.DictionaryEntry');
  if (value instanceof ErrorRecord) return namedType('System.Management.Automation.ErrorRecord');
  if (value instanceof ShellError) return namedType(value.more.exceptionType ?? 'System.Management.Automation.RuntimeException');
  const ctor = (value as object).constructor;
  return !ctor || ctor === Object ? resolveType('object') : namedType(ctor.name);
}

/** The name Get-Member heads its list with: a PSObject's own first type name, else the type's. */
export function typeNameOf(value: unknown): string {
  return value instanceof PSObject ? value.typeName : typeOf(value).fullName;
}
