// A param() block as a ParameterMap the binder understands (about_Functions_Advanced_Parameters):
// types through resolveType, [Parameter(Mandatory, Position, ValueFromPipeline...,
// ParameterSetName)], [Alias()], [switch], and the validation attributes. Attribute arguments
// are constants, evaluated once when the block is first called.
// Imports only lib/core, lib/engine/parser, lib/engine/values, lib/engine/cmdlet and sibling modules.

import { ShellError } from '../../core/errors.js';
import { ALL_SETS, type ParamKind, type ParameterDefinition, type SetMembership } from '../cmdlet/parameters.js';
import type { AttributeAst, ExpressionAst, ParameterAst, TypeConstraintAst } from '../parser/ast.js';
import type { PSType } from '../values/type.js';
import { notSupported, type Ev } from './compiled.js';
import { compileExpression } from './compile-expressions.js';
import { resolveType, toBool, toStr } from './value-ops.js';

export interface ScriptParameter {
  name: string;
  definition: ParameterDefinition;
  type?: PSType;
  isSwitch: boolean;
  defaultValue?: Ev;
}

type Evaluate = (e: ExpressionAst) => unknown;

const attributeName = (a: AttributeAst) => a.typeName.name.toLowerCase().replace(/attribute$/, '');
const isAttribute = (a: AttributeAst | TypeConstraintAst): a is AttributeAst => a.kind === 'Attribute';

/** Is this block an advanced one ([CmdletBinding()] or a [Parameter()] on any parameter)? */
export function isAdvanced(blockAttributes: readonly AttributeAst[], params: readonly ParameterAst[]) {
  return blockAttributes.some(a => attributeName(a) === 'cmdletbinding')
    || params.some(p => p.attributes.some(a => isAttribute(a) && attributeName(a) === 'parameter'));
}

export function buildParameters(params: readonly ParameterAst[], evaluate: Evaluate): ScriptParameter[] {
  const explicitPositions = params.some(p => p.attributes.some(a => isAttribute(a) && attributeName(a) === 'parameter'
    && a.named.some(n => n.name.toLowerCase() === 'position')));
  let position = 0;
  return params.map(p => {
    const built = buildParameter(p, evaluate);
    // Without explicit positions every non-switch parameter is positional, in declaration order.
    if (!explicitPositions && !built.isSwitch) {
      const pos = position++;
      for (const m of Object.values(built.definition.sets)) (m as SetMembership).position ??= pos;
    }
    return built;
  });
}

function buildParameter(p: ParameterAst, evaluate: Evaluate): ScriptParameter {
  const constraint = p.attributes.find((a): a is TypeConstraintAst => a.kind === 'TypeConstraint');
  const typeName = constraint?.typeName.text;
  const isSwitch = typeName?.toLowerCase() === 'switch' || typeName?.toLowerCase() === 'system.management.automation.switchparameter';
  const type = typeName && !isSwitch ? resolveType(typeName) : undefined;
  const { sets, aliases, checks, notNullOrEmpty, range } = readAttributes(p.attributes.filter(isAttribute), evaluate);
  const kind: ParamKind = isSwitch ? 'switch' : 'object';
  const definition: ParameterDefinition = {
    kind, array: false, help: '', aliases, sets, typeName: isSwitch ? 'switch' : typeName,
    convert: type ? (v: unknown) => type.convert(v) : undefined,
    validate: checks.length ? (v: unknown) => { for (const c of checks) { const m = c(v); if (m) return m; } return undefined; } : undefined,
    validateNotNullOrEmpty: notNullOrEmpty || undefined, validateRange: range,
    defaultText: p.defaultValue ? p.defaultValue.span.source.text.slice(p.defaultValue.span.start, p.defaultValue.span.end) : undefined,
  };
  return { name: p.name, definition, type, isSwitch, defaultValue: p.defaultValue ? compileExpression(p.defaultValue) : undefined };
}

type Check = (value: unknown) => string | undefined;

/** What a parameter's [Parameter()], [Alias()] and [Validate...()] attributes declare. */
function readAttributes(attributes: readonly AttributeAst[], evaluate: Evaluate) {
  const sets: Record<string, SetMembership> = {};
  const aliases: string[] = [];
  const checks: Check[] = [];
  let notNullOrEmpty = false, range: [number, number] | undefined;
  for (const a of attributes) {
    const args = () => a.positional.map(evaluate);
    switch (attributeName(a)) {
      case 'parameter': {
        const { set, membership } = parameterAttribute(a, evaluate);
        sets[set] = membership;
        break;
      }
      case 'alias': aliases.push(...args().flat().map(v => toStr(v))); break;
      case 'validatenotnullorempty': notNullOrEmpty = true; break;
      case 'validatenotnull': checks.push(v => v === null ? 'The argument is null. Provide a valid value for the argument, and then try running the command again.' : undefined); break;
      case 'validaterange': { const [lo, hi] = args() as number[]; range = [Number(lo), Number(hi)]; break; }
      case 'validateset': checks.push(validateSet(args().flat().map(v => toStr(v)))); break;
      case 'validatepattern': checks.push(validatePattern(toStr(args()[0]))); break;
      case 'validatecount': { const [lo, hi] = args() as number[]; checks.push(validateCount(Number(lo), Number(hi))); break; }
      case 'validatelength': { const [lo, hi] = args() as number[]; checks.push(validateLength(Number(lo), Number(hi))); break; }
      case 'validatescript': throw notSupported('[ValidateScript()]', a.span);
    }
  }
  if (Object.keys(sets).length === 0) sets[ALL_SETS] = {};
  return { sets, aliases, checks, notNullOrEmpty, range };
}

function parameterAttribute(a: AttributeAst, evaluate: Evaluate): { set: string; membership: SetMembership } {
  const membership: SetMembership = {};
  let set = ALL_SETS;
  for (const n of a.named) {
    const value = n.value ? evaluate(n.value) : true;
    switch (n.name.toLowerCase()) {
      case 'mandatory': membership.mandatory = toBool(value); break;
      case 'position': membership.position = Number(value); break;
      case 'valuefrompipeline': membership.valueFromPipeline = toBool(value); break;
      case 'valuefrompipelinebypropertyname': membership.valueFromPipelineByPropertyName = toBool(value); break;
      case 'parametersetname': set = toStr(value); break;
      case 'helpmessage': case 'dontshow': case 'valuefromremainingarguments': break;
      default: throw new ShellError('PropertyNotFoundForAttribute', 'ParserError',
        `Property '${n.name}' cannot be found for type 'System.Management.Automation.ParameterAttribute'.`, { span: n.span });
    }
  }
  return { set, membership };
}

const each = (v: unknown) => Array.isArray(v) ? v : [v];

function validateSet(values: string[]) {
  const lower = new Set(values.map(v => v.toLowerCase()));
  return (v: unknown) => each(v).every(x => lower.has(toStr(x).toLowerCase())) ? undefined
    : `The argument "${toStr(v)}" does not belong to the set "${values.join(',')}" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.`;
}

function validatePattern(pattern: string) {
  const re = new RegExp(pattern, 'i');
  return (v: unknown) => each(v).every(x => re.test(toStr(x))) ? undefined
    : `The argument "${toStr(v)}" does not match the "${pattern}" pattern. Supply an argument that matches "${pattern}" and try the command again.`;
}

const validateCount = (lo: number, hi: number) => (v: unknown) => {
  const n = each(v).length;
  return n >= lo && n <= hi ? undefined : `The parameter requires at least ${lo} value(s) and no more than ${hi} value(s) - ${n} value(s) were provided.`;
};

const validateLength = (lo: number, hi: number) => (v: unknown) =>
  each(v).every(x => toStr(x).length >= lo && toStr(x).length <= hi) ? undefined
    : `The character length of "${toStr(v)}" is outside the range ${lo} to ${hi}.`;
