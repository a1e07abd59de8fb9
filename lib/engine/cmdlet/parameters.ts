// Parameter declarations: what a cmdlet accepts, in one object the binder, Get-Help, Get-Command
// and tab completion all read. `param.*` builders keep declarations short and typed. Imports only
// lib/core and lib/engine/parser types.

import type { SecureString } from '../../core/values.js';
import type { ScriptBlock } from './script-block.js';

export type ParamKind =
  | 'string' | 'int' | 'long' | 'double' | 'bool' | 'switch' | 'datetime' | 'timespan'
  | 'scriptblock' | 'hashtable' | 'object' | 'securestring' | 'enum';

/** How the parameter takes part in one parameter set. */
export interface SetMembership {
  mandatory?: boolean;
  position?: number;
  valueFromPipeline?: boolean;
  valueFromPipelineByPropertyName?: boolean;
}

export const ALL_SETS = '__AllParameterSets';

export interface ParameterDefinition<T = unknown> {
  readonly kind: ParamKind;
  readonly array: boolean;
  readonly help: string;
  readonly aliases: readonly string[];
  /** Set name → membership. A parameter declared without sets is in every set (ALL_SETS). */
  readonly sets: Readonly<Record<string, SetMembership>>;
  /** For 'enum': the canonical values (matched case-insensitively) and extra spellings. */
  readonly values?: readonly string[];
  readonly valueAliases?: Readonly<Record<string, string>>;
  /** Extra checks after conversion; return an error message to refuse the value. */
  readonly validate?: (value: T) => string | undefined;
  readonly validateNotNullOrEmpty?: boolean;
  readonly validateRange?: readonly [number, number];
  /** Shown in help as the default, e.g. '2048'. Defaults themselves are applied by the cmdlet. */
  readonly defaultText?: string;
  /** Completion of argument values beyond enum values (e.g. thumbprints), for the interactive shell. */
  readonly complete?: (prefix: string, services: object) => Promise<string[]> | string[];
  /** A password: accepts a string or a SecureString, never shown in -Verbose or -Report output. */
  readonly secret?: boolean;
  /** ValueFromRemainingArguments: positional values no position takes are collected here. */
  readonly remaining?: boolean;
  /** Script parameters of any type ([int[]], [IO.FileInfo]...): the type name shown in help and its converter. */
  readonly typeName?: string;
  readonly convert?: (value: unknown) => unknown;
  /** Phantom: the bound value's type, for typing `args`. */
  readonly __type?: T;
}

export interface ParamOptions<T> {
  help: string;
  position?: number;
  mandatory?: boolean;
  /** 'value': ValueFromPipeline; 'property': ValueFromPipelineByPropertyName; 'both'. */
  pipeline?: 'value' | 'property' | 'both';
  /** Sets this parameter belongs to; plain names take `position/mandatory/pipeline` from above. */
  sets?: readonly string[] | Readonly<Record<string, SetMembership>>;
  aliases?: readonly string[];
  validate?: (value: T) => string | undefined;
  validateNotNullOrEmpty?: boolean;
  validateRange?: readonly [number, number];
  defaultText?: string;
  complete?: ParameterDefinition['complete'];
  secret?: boolean;
  /** ValueFromRemainingArguments (Write-Output 1 2 3). */
  remaining?: boolean;
}

function make<T>(kind: ParamKind, array: boolean, o: ParamOptions<T>,
  extra: Partial<ParameterDefinition<T>> = {}): ParameterDefinition<T> {
  const base: SetMembership = {
    mandatory: o.mandatory, position: o.position,
    valueFromPipeline: o.pipeline === 'value' || o.pipeline === 'both',
    valueFromPipelineByPropertyName: o.pipeline === 'property' || o.pipeline === 'both',
  };
  let sets: Record<string, SetMembership>;
  if (!o.sets) sets = { [ALL_SETS]: base };
  else if (Array.isArray(o.sets)) sets = Object.fromEntries((o.sets as string[]).map(s => [s, base]));
  else sets = Object.fromEntries(Object.entries(o.sets).map(([s, m]) => [s, { ...base, ...m }]));
  return { kind, array, help: o.help, aliases: o.aliases ?? [], sets, validate: o.validate,
    validateNotNullOrEmpty: o.validateNotNullOrEmpty, validateRange: o.validateRange,
    defaultText: o.defaultText, complete: o.complete, secret: o.secret, remaining: o.remaining, ...extra };
}

/** An enumeration's canonical values, with optional extra spellings (alias → value). */
export interface EnumType { readonly name: string; readonly values: readonly string[]; readonly aliases?: Readonly<Record<string, string>> }
export const defineEnum = (name: string, values: readonly string[], aliases?: Record<string, string>): EnumType =>
  ({ name, values, aliases });

export const param = {
  string: (o: ParamOptions<string>) => make<string>('string', false, o),
  strings: (o: ParamOptions<string[]>) => make<string[]>('string', true, o),
  int: (o: ParamOptions<number>) => make<number>('int', false, o),
  ints: (o: ParamOptions<number[]>) => make<number[]>('int', true, o),
  long: (o: ParamOptions<number>) => make<number>('long', false, o),
  double: (o: ParamOptions<number>) => make<number>('double', false, o),
  bool: (o: ParamOptions<boolean>) => make<boolean>('bool', false, o),
  /** Present -> true; `-Name:$false` -> false; absent -> undefined. */
  switch: (o: ParamOptions<boolean>) => make<boolean>('switch', false, o),
  datetime: (o: ParamOptions<Date>) => make<Date>('datetime', false, o),
  /** A TimeSpan, held as milliseconds. */
  timespan: (o: ParamOptions<number>) => make<number>('timespan', false, o),
  scriptBlock: (o: ParamOptions<ScriptBlock>) => make<ScriptBlock>('scriptblock', false, o),
  scriptBlocks: (o: ParamOptions<ScriptBlock[]>) => make<ScriptBlock[]>('scriptblock', true, o),
  hashtable: (o: ParamOptions<import('../../core/values.js').Hashtable>) =>
    make<import('../../core/values.js').Hashtable>('hashtable', false, o),
  object: (o: ParamOptions<unknown>) => make<unknown>('object', false, o),
  objects: (o: ParamOptions<unknown[]>) => make<unknown[]>('object', true, o),
  /** A password: a plain string or a SecureString; the cmdlet receives a SecureString. */
  secureString: (o: ParamOptions<SecureString>) => make<SecureString>('securestring', false, { ...o, secret: true }),
  enum: (type: EnumType, o: ParamOptions<string>) =>
    make<string>('enum', false, o, { values: type.values, valueAliases: type.aliases, typeName: type.name }),
  enumArray: (type: EnumType, o: ParamOptions<string[]>) =>
    make<string[]>('enum', true, o, { values: type.values, valueAliases: type.aliases, typeName: `${type.name}[]` }),
};

export type ParameterMap = Record<string, ParameterDefinition<any>>;

/** The bound arguments a cmdlet receives: each declared parameter's type, undefined when not bound. */
export type BoundArgs<P extends ParameterMap> = { [K in keyof P]: P[K] extends ParameterDefinition<infer T> ? T | undefined : never };
