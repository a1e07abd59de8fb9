// Compiles expression nodes to closures (see compiled.ts). Pure expressions stay synchronous;
// only those containing a command (in `$( )`, `@( )`, `( )`) or invoking script blocks
// (`$sb.Invoke()`, `.Where({})`) are async. Operators, conversions and member access are
// delegated to lib/engine/values through value-ops.ts.
// Imports only lib/core, lib/engine/parser, lib/engine/values, lib/engine/cmdlet and sibling modules.

import { ShellError } from '../../core/errors.js';
import { Hashtable } from '../../core/values.js';
import { ScriptBlock } from '../cmdlet/script-block.js';
import type {
  BinaryAst, ExpandableStringAst, ExpressionAst, HashtableAst, InvokeMemberAst, MemberAst, UnaryAst,
} from '../parser/ast.js';
import type { PSType } from '../values/type.js';
import { asyncEv, combine, isPromise, located, map1, map2, type Ev } from './compiled.js';
import { compileCapture, compileValueOf } from './compile-statements.js';
import { indexValue, indexedByKey } from './indexing.js';
import { compileLValue, orderedOperand, variableReader } from './lvalues.js';
import { invokeScriptBlockMethod, setActiveScope } from './script-blocks.js';
import type { Scope } from './scopes.js';
import {
  binary, getMember, invokeMethod, matchOperator, resolveType, toBool, toStr, unaryOperator,
} from './value-ops.js';

export function compileExpression(e: ExpressionAst): Ev {
  switch (e.kind) {
    case 'Constant': { const v = e.value; return () => v; }
    case 'StringConstant': { const v = e.value; return () => v; }
    case 'ExpandableString': return compileExpandable(e);
    case 'Variable':
      if (e.splatted) throw new ShellError('SplattingNotAllowed', 'ParserError',
        'Splatted variables like \'@' + e.name + '\' cannot be part of a comma-separated list of arguments or an expression; they may only be used as command arguments.', { span: e.span });
      return variableReader(e);
    case 'Binary': return located(compileBinary(e), e.span);
    case 'Unary': return located(compileUnary(e), e.span);
    case 'Convert': return located(compileConvert(e.type.text, e.operand), e.span);
    case 'TypeLiteral': return typeOf(e.type.text);
    case 'Paren': return compileValueOf(e.statement);
    case 'SubExpression': return map1(compileCapture(e.statements), unwrap);
    case 'ArrayExpression': return compileCapture(e.statements);
    case 'ArrayLiteral': return combine(e.elements.map(compileExpression), values => values);
    case 'Hashtable': return compileHashtable(e, false);
    case 'ScriptBlockExpression': { const ast = e.block; return () => new ScriptBlock(ast); }
    case 'Member': return located(compileMember(e), e.span);
    case 'InvokeMember': return located(compileInvoke(e), e.span);
    case 'Index': {
      const nullConditional = e.nullConditional, byKey = indexedByKey(e.index);
      return located(map2(compileExpression(e.target), compileExpression(e.index),
        (t, i) => nullConditional && t === null ? null : indexValue(t, i, byKey)), e.span);
    }
    case 'Ternary': {
      const c = compileExpression(e.condition), a = compileExpression(e.ifTrue), b = compileExpression(e.ifFalse);
      if (c.async || a.async || b.async) return asyncEv(async f => toBool(await c(f)) ? a(f) : b(f));
      return f => toBool(c(f)) ? a(f) : b(f);
    }
  }
}

/** Pipeline output as a value: nothing is $null, one object is itself, more are an array. */
export const unwrap = (items: unknown) => {
  const list = items as unknown[];
  return list.length === 0 ? null : list.length === 1 ? list[0] : list;
};

function typeOf(name: string): Ev {
  let t: PSType | undefined;
  return () => t ??= resolveType(name);
}

function compileExpandable(e: ExpandableStringAst): Ev {
  const parts = e.parts.map(p => typeof p === 'string' ? (() => p) as Ev : compileExpression(p));
  return combine(parts, (values, f) => values.map(v => typeof v === 'string' ? v : interpolate(v, f)).join(''));
}

/** A value inside "...": arrays joined with $OFS (a space by default). */
export function interpolate(v: unknown, f: Scope): string {
  if (Array.isArray(v)) {
    const ofs = f.lookup('ofs');
    return v.map(x => toStr(x)).join(ofs === undefined || ofs.value === null ? ' ' : toStr(ofs.value));
  }
  return toStr(v);
}

const MATCH = /^-(i|c)?(not)?match$/;

function compileBinary(e: BinaryAst): Ev {
  const l = compileExpression(e.left), r = compileExpression(e.right), op = e.operator;
  const sync = !l.async && !r.async;
  switch (op) {
    case '-and': return sync ? f => toBool(l(f)) && toBool(r(f))
      : asyncEv(async f => toBool(await l(f)) && toBool(await r(f)));
    case '-or': return sync ? f => toBool(l(f)) || toBool(r(f))
      : asyncEv(async f => toBool(await l(f)) || toBool(await r(f)));
    case '??': return sync ? f => l(f) ?? r(f) : asyncEv(async f => (await l(f)) ?? r(f));
  }
  const m = MATCH.exec(op);
  if (m) return map2(l, r, (x, y, f) => {
    const result = matchOperator(x, y, m[1] === 'c', m[2] === 'not');
    if (result.matches !== undefined) f.set('Matches', result.matches, 'matches');
    return result.value;
  });
  if (/^-(is|isnot|as)$/.test(op))
    return map2(l, r, (x, y) => binary(op, x, typeof y === 'string' ? resolveType(y) : y));
  // A script block operand of -replace/-split runs in this expression's scope.
  if (/^-[ic]?(replace|split)$/.test(op)) return map2(l, r, (x, y, f) => { setActiveScope(f); return binary(op, x, y); });
  return sync ? f => binary(op, l(f), r(f)) : map2(l, r, (x, y) => binary(op, x, y));
}

function compileUnary(e: UnaryAst): Ev {
  const op = e.operator;
  if (op === '++' || op === '--' || op === 'post++' || op === 'post--') return compileStep(e);
  const v = compileExpression(e.operand);
  switch (op) {
    case ',': return map1(v, x => [x]);
    case '-not': case '!': return map1(v, x => !toBool(x));
    default: return map1(v, x => unaryOperator(op, x));
  }
}

/** `++$x`, `$x--`...: $null counts as 0; the prefix form's value is the new one. */
function compileStep(e: UnaryAst): Ev {
  const lv = compileLValue(e.operand, compileExpression);
  const delta = e.operator.endsWith('++') ? '+' : '-', post = e.operator.startsWith('post');
  const step = (f: Scope, parts: unknown) => {
    const old = lv.read(f, parts) ?? 0, next = binary(delta, old, 1);
    lv.write(f, parts, next);
    return post ? old : next;
  };
  return lv.async ? asyncEv(async f => step(f, await lv.prepare(f))) : f => step(f, lv.prepare(f));
}

function compileConvert(typeName: string, operand: ExpressionAst): Ev {
  const lower = typeName.toLowerCase();
  if (lower === 'ordered') return compileHashtable(orderedOperand(operand), true);
  if (NUMERIC_CASTS.test(lower) && operand.kind === 'Convert' && /^(system\.)?char$/i.test(operand.type.text)) {
    // A char is a one-character string here, so `[int][char]'A'` reads the code point (65).
    let t: PSType | undefined;
    return map1(compileExpression(operand), x => (t ??= resolveType(typeName)).convert(typeof x === 'string' ? x.charCodeAt(0) : x));
  }
  const v = compileExpression(operand);
  if (lower === 'void') return map1(v, () => null);
  let t: PSType | undefined;
  return map1(v, x => (t ??= resolveType(typeName)).convert(x));
}

const NUMERIC_CASTS = /^(system\.)?(int|int16|int32|int64|long|short|byte|sbyte|uint16|uint32|uint64|ushort|uint|ulong|double|single|float)$/;

function compileHashtable(e: HashtableAst, ordered: boolean): Ev {
  const parts: Ev[] = [];
  for (const entry of e.entries) {
    const key = entry.key;
    parts.push(key.kind === 'StringConstant' ? () => key.value : compileExpression(key), compileValueOf(entry.value));
  }
  return combine(parts, values => {
    const h = new Hashtable(ordered);
    for (let i = 0; i < values.length; i += 2) {
      if (h.has(values[i])) throw new ShellError('DuplicateKeyInHashLiteral', 'ParserError',
        `Duplicate keys '${toStr(values[i])}' are not allowed in hash literals.`, { target: values[i] });
      h.set(values[i], values[i + 1]);
    }
    return h;
  });
}

const memberName = (m: ExpressionAst): Ev =>
  m.kind === 'StringConstant' ? (() => m.value) : map1(compileExpression(m), x => toStr(x));

function compileMember(e: MemberAst): Ev {
  const { static: isStatic, nullConditional } = e;
  // `$hash.1` reads the key 1 (a number), as PowerShell does, before the key '1'.
  const numericKey = e.member.kind === 'Constant' && typeof e.member.value === 'number' ? e.member.value : undefined;
  return map2(compileExpression(e.target), memberName(e.member), (t, n) => {
    const name = n as string;
    if (isStatic) return (t as PSType).staticMember(name)?.get?.() ?? null;
    if (nullConditional && t === null) return null;
    if (numericKey !== undefined && t instanceof Hashtable && t.has(numericKey)) return t.get(numericKey);
    return getMember(t, name) ?? null;
  });
}

// Methods that may run a script block (and so commands): their calls are awaited.
const RUNS_BLOCKS = new Set(['invoke', 'invokereturnasis', 'getnewclosure', 'shouldprocess',
  'shouldcontinue', 'writeobject', 'writeerror']);

function compileInvoke(e: InvokeMemberAst): Ev {
  const { static: isStatic, nullConditional } = e;
  const parts = [compileExpression(e.target), memberName(e.member), ...e.args.map(compileExpression)];
  const call = (values: unknown[], f: Scope) => {
    const [t, n, ...args] = values, name = n as string;
    if (isStatic) {
      const m = (t as PSType).staticMember(name);
      if (!m?.call) throw methodNotFound(String((t as PSType).fullName ?? t), name);
      return m.call(args);
    }
    if (nullConditional && t === null) return null;
    if (t === null) throw new ShellError('InvokeMethodOnNull', 'InvalidOperation',
      'You cannot call a method on a null-valued expression.', { exceptionType: 'System.Management.Automation.RuntimeException' });
    if (t instanceof ScriptBlock) {
      const r = invokeScriptBlockMethod(t, name, args, f);
      if (r !== undefined) return r;
    }
    setActiveScope(f);
    return invokeMethod(t, name, args);
  };
  const constant = e.member.kind === 'StringConstant' ? e.member.value.toLowerCase() : undefined;
  const inner = combine(parts, call);
  if (constant !== undefined && !RUNS_BLOCKS.has(constant)) return inner;
  return asyncEv(async f => { const r = inner(f); return isPromise(r) ? await r : r; });
}

const methodNotFound = (typeName: string, name: string) =>
  new ShellError('MethodNotFound', 'InvalidOperation',
    `Method invocation failed because [${typeName}] does not contain a method named '${name}'.`,
    { exceptionType: 'System.Management.Automation.RuntimeException' });
