// Assignable expressions: variables (any scope, $env:, typed `[int]$x`), `$a[i]`, `$o.Name` and
// `[T]::Name`. Each compiles to a reader and a writer; the target object and index are evaluated
// once per assignment, so `$a[$i++] += 1` steps $i once.
// Imports only lib/core, lib/engine/parser, lib/engine/values and sibling modules.

import { ShellError } from '../../core/errors.js';
import type { ConvertAst, ExpressionAst, HashtableAst, VariableAst } from '../parser/ast.js';
import type { PSType } from '../values/type.js';
import { PathInfo } from './automatic.js';
import { notSupported, type Ev } from './compiled.js';
import { indexValue, indexedByKey, setIndex } from './indexing.js';
import type { Scope } from './scopes.js';
import { getMember, resolveType, setMember, toStr } from './value-ops.js';

/**
 * An assignable place. prepare evaluates its parts (target object, index) once per assignment;
 * read and write take them back. No closure is created per use: assignments run in hot loops.
 */
export interface LValue {
  async: boolean;
  prepare(f: Scope): unknown;
  read(f: Scope, parts: unknown): unknown;
  write(f: Scope, parts: unknown, value: unknown): void;
}

type Compile = (e: ExpressionAst) => Ev;

export function variableReader(n: VariableAst): (f: Scope) => unknown {
  const key = n.name.toLowerCase(), q = n.scope?.toLowerCase() ?? null;
  if (q === 'env') return f => f.engine.getEnv(n.name);
  if (q === 'global') return f => f.global.get(key);
  if (q === 'script') return f => f.script.get(key);
  if (q === 'local' || q === 'private') return f => f.vars.get(key)?.value ?? null;
  if (q === 'using') return f => usingValue(f, n);
  if (q && q !== 'variable') throw notSupported(`The '${n.scope}:' variable drive`, n.span);
  switch (key) {
    case 'true': return () => true;
    case 'false': return () => false;
    case 'null': return () => null;
    case '?': return f => f.engine.lastStatus;
    case 'psitem': return f => f.get('_');
    case 'pwd': return f => new PathInfo(f.engine.cwd);
  }
  return f => { const v = f.lookup(key); return v === undefined ? null : v.value; };
}

/** `$using:x`: the caller's value, copied when the isolated scope was made (using.ts). */
function usingValue(f: Scope, n: VariableAst): unknown {
  const values = f.usingValues();
  if (!values) throw new ShellError('UsingWithoutInvokeCommand', 'InvalidOperation',
    'A Using variable cannot be retrieved. A Using variable can be used only with ForEach-Object -Parallel here.',
    { span: n.span, target: n.name, exceptionType: 'System.Management.Automation.RuntimeException' });
  const key = n.name.toLowerCase();
  if (!values.has(key)) throw new ShellError('UsingVariableIsUndefined', 'InvalidOperation',
    `The value of the using variable '$using:${n.name}' cannot be retrieved because it has not been set in the local session.`,
    { span: n.span, target: n.name, exceptionType: 'System.Management.Automation.RuntimeException' });
  return values.get(key);
}

export function variableWriter(n: VariableAst, type?: () => PSType): (f: Scope, value: unknown) => void {
  const key = n.name.toLowerCase() === 'psitem' ? '_' : n.name.toLowerCase();
  const q = n.scope?.toLowerCase() ?? null;
  if (q === 'env') return (f, v) => f.engine.setEnv(n.name, v === null ? null : toStr(v));
  if (q && !['global', 'script', 'local', 'private', 'variable'].includes(q))
    throw notSupported(`The '${n.scope}:' variable drive`, n.span);
  if (key === 'null' && !q) return () => {};
  if (['true', 'false', '?'].includes(key) && !q)
    throw new ShellError('VariableNotWritable', 'InvalidOperation',
      `Cannot overwrite variable ${n.name} because it is read-only or constant.`, { span: n.span, target: n.name });
  if (type) return (f, v) => {
    const t = type(), scope = f.named(q);
    scope.define(n.name, t.convert(v), t);
    if (q === 'private') scope.vars.get(key)!.isPrivate = true;
  };
  if (q === 'private') return (f, v) => { f.set(n.name, v, key).isPrivate = true; };
  if (q === 'global' || q === 'script') return (f, v) => { f.named(q).set(n.name, v, key); };
  return (f, v) => { f.set(n.name, v, key); };
}

const simple = (get: (f: Scope) => unknown, set: (f: Scope, v: unknown) => void): LValue =>
  ({ async: false, prepare: () => undefined, read: f => get(f), write: (f, _, v) => set(f, v) });

/** An lvalue whose parts are a target object and a key, both from expressions. */
function pair(obj: Ev, key: Ev, read: (o: unknown, k: unknown) => unknown, write: (o: unknown, k: unknown, v: unknown) => void): LValue {
  const async = !!(obj.async || key.async);
  return {
    async,
    prepare: async ? async f => [await obj(f), await key(f)] : f => [obj(f), key(f)],
    read: (_f, p) => read((p as unknown[])[0], (p as unknown[])[1]),
    write: (_f, p, v) => write((p as unknown[])[0], (p as unknown[])[1], v),
  };
}

export function compileLValue(target: ExpressionAst, compile: Compile): LValue {
  switch (target.kind) {
    case 'Variable': return simple(variableReader(target), variableWriter(target));
    case 'Convert': return typedVariable(target, compile);
    case 'Index': {
      const byKey = indexedByKey(target.index);
      return pair(compile(target.target), compile(target.index), (t, i) => indexValue(t, i, byKey), (t, i, v) => setIndex(t, i, v, byKey));
    }
    case 'Member': return memberLValue(target.target, target.member, target.static, compile);
    case 'Paren':
      if (target.statement.kind === 'Pipeline' && target.statement.elements.length === 1
        && target.statement.elements[0].kind === 'CommandExpression')
        return compileLValue(target.statement.elements[0].expression, compile);
  }
  throw new ShellError('InvalidLeftHandSide', 'ParserError',
    'The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.',
    { span: target.span });
}

/** `[ordered]` applies to a hash literal only; PowerShell refuses `[ordered]$h` before running. */
export function orderedOperand(operand: ExpressionAst): HashtableAst {
  if (operand.kind === 'Hashtable') return operand;
  throw new ShellError('OrderedAttributeOnlyOnHashLiteralNode', 'ParserError',
    'The ordered attribute can be specified only on a hash literal node.', { span: operand.span });
}

function typedVariable(target: ConvertAst, compile: Compile): LValue {
  if (/^ordered$/i.test(target.type.text)) orderedOperand(target.operand);
  let operand: ExpressionAst = target.operand;
  if (operand.kind === 'Convert') operand = operand.operand;    // [ValidateNotNull()][int]$x
  if (operand.kind !== 'Variable') return compileLValue(operand, compile);
  let t: PSType | undefined;
  const type = () => t ??= resolveType(target.type.text);
  return simple(variableReader(operand), variableWriter(operand, type));
}

function memberLValue(targetAst: ExpressionAst, memberAst: ExpressionAst, isStatic: boolean, compile: Compile): LValue {
  const obj = compile(targetAst);
  const name: Ev = memberAst.kind === 'StringConstant' ? (() => memberAst.value) : compile(memberAst);
  if (isStatic) return pair(obj, name, (o, n) => (o as PSType).staticMember(toStr(n))?.get?.() ?? null, (o, n, v) => {
    const m = (o as PSType).staticMember(toStr(n));
    if (!m?.set) throw new ShellError('PropertyNotFound', 'InvalidOperation', `'${toStr(n)}' is not a settable static property of [${String(o)}].`);
    m.set(v);
  });
  return pair(obj, name, (o, n) => getMember(o, toStr(n)) ?? null, (o, n, v) => setMember(o, toStr(n), v));
}
