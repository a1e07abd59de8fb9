// The intrinsic .Where({}) and .ForEach({}) methods every value has (a scalar acts as a
// one-item collection). Running a script block is the runtime's job: it registers how with
// setScriptBlockInvoker. Imports only lib/core, lib/engine/cmdlet and sibling modules.

import { ShellError } from '../../core/errors.js';
import { ScriptBlock } from './script-block.js';
import { asList, toBool, toStr } from './convert.js';
import { DotNetType } from './type-base.js';
import { getMember, hasMember, invokeMethod, setMember } from './members.js';

export type ScriptBlockInvoker = (sb: ScriptBlock, dollarUnder: unknown) => unknown[];
let invoker: ScriptBlockInvoker | undefined;

/** The runtime says how to run a script block with $_ set; Where/ForEach need it. */
export function setScriptBlockInvoker(fn: ScriptBlockInvoker) { invoker = fn; }

/** Runs a block with $_ set to item, synchronously; what it wrote. Also for -replace and -split. */
export function runScriptBlock(sb: ScriptBlock, item: unknown): unknown[] {
  if (!invoker) throw new ShellError('NoScriptBlockInvoker', 'InvalidOperation', 'Script blocks cannot run here: no runtime is attached.');
  return invoker(sb, item);
}

export const truth = (out: unknown[]) => toBool(out.length === 1 ? out[0] : out);

const MODES = ['default', 'first', 'last', 'skipuntil', 'until', 'split'] as const;

/** .Where({ condition } [, mode [, count]]) with the modes of about_Arrays. */
export function where(items: unknown[], [filter, modeArg, countArg]: unknown[]): unknown[] {
  if (!(filter instanceof ScriptBlock)) throw new ShellError('MethodArgumentConversionInvalidCastArgument', 'InvalidArgument',
    'Where() takes a script block: .Where({ $_ -gt 1 }).');
  const mode = toStr(modeArg ?? 'Default').toLowerCase() as typeof MODES[number];
  if (!MODES.includes(mode)) throw new ShellError('InvalidWhereMode', 'InvalidArgument',
    `'${toStr(modeArg)}' is not a Where() mode: use ${MODES.join(', ')}.`);
  const count = countArg === undefined ? 0 : Number(countArg);
  const hits = items.map(x => truth(runScriptBlock(filter, x)));
  const limit = (xs: unknown[]) => count > 0 ? xs.slice(0, count) : xs;
  switch (mode) {
    case 'first': return items.filter((_, i) => hits[i]).slice(0, count || 1);
    case 'last': return items.filter((_, i) => hits[i]).slice(-(count || 1));
    case 'skipuntil': { const at = hits.indexOf(true); return at < 0 ? [] : limit(items.slice(at)); }
    case 'until': { const at = hits.indexOf(true); return limit(at < 0 ? items : items.slice(0, at)); }
    case 'split': {
      const yes = items.filter((_, i) => hits[i]);
      return [limit(yes), items.filter((x, i) => !hits[i] || (count > 0 && yes.indexOf(x) >= count))];
    }
    default: return limit(items.filter((_, i) => hits[i]));
  }
}

/** .ForEach({ block }), .ForEach([type]), .ForEach('Property'), .ForEach('Method', args...). */
export function forEach(items: unknown[], [what, ...args]: unknown[]): unknown[] {
  if (what instanceof ScriptBlock) return items.flatMap(x => runScriptBlock(what, x));
  if (what instanceof DotNetType) return items.map(x => what.convert(x));
  const name = toStr(what);
  // .ForEach('ToUpper') calls a method of that name; .ForEach('Length') reads a property.
  if (args.length === 0) return items.flatMap(x => {
    const member = getMember(x, name);
    return asList((member instanceof MethodReference ? invokeMethod(x, name, []) : member) ?? null);
  });
  return items.flatMap(x => {
    // A name with arguments calls the method when there is one, else sets the property.
    if (hasMember(x, name) && typeof getMember(x, name) === 'object' && getMember(x, name) instanceof MethodReference) return asList(invokeMethod(x, name, args) ?? null);
    setMember(x, name, args.length === 1 ? args[0] : args);
    return [];
  });
}

/** $s.ToUpper without parentheses: shows its overloads; .Invoke(args) calls it. */
export class MethodReference {
  constructor(readonly target: unknown, readonly Name: string, readonly definition: string) {}
  get OverloadDefinitions() { return this.definition.split(/,\s(?=\S+ \S+\()/); }
  get MemberType() { return 'Method'; }
  Invoke(...args: unknown[]) { return invokeMethod(this.target, this.Name, args); }
  toString() { return this.definition; }
}
