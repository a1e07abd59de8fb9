// The scalar types: int, long, double, byte, char, bool, string, object, void and the shell's own
// (switch, securestring, scriptblock). Casts use convert.ts, so [int]'42' means what 5 + '37'
// means. A number's type comes from its value, as lib/core/values.ts says.
// Imports only lib/core, lib/engine/cmdlet/script-block.ts and sibling modules.

import { ShellError } from '../../core/errors.js';
import { SecureString, SwitchParameter } from '../../core/values.js';
import { ScriptBlock } from './script-block.js';
import { toBool, toDouble, toInt, toStr } from './convert.js';
import { isInt32, isIntegral } from './format-number.js';
import { DotNetType, type TypeSpec } from './type-base.js';
import { numberStatics, stringStatics, charStatics, boolStatics } from './static-members-scalar.js';

const number = (v: unknown): v is number => typeof v === 'number';

function byte(v: unknown): number {
  const n = toInt(v, 32);
  if (n < 0 || n > 255) throw new ShellError('InvalidCastException', 'InvalidArgument',
    'Value was either too large or too small for an unsigned byte.', { target: v });
  return n;
}

function char(v: unknown): string {
  if (typeof v === 'string' && v.length === 1) return v;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffff) return String.fromCharCode(v);
  throw new ShellError('InvalidCastException', 'InvalidArgument', 'String must be exactly one character long.', { target: v });
}

function switchValue(v: unknown) { return v instanceof SwitchParameter ? v : new SwitchParameter(toBool(v)); }

function secure(v: unknown) {
  if (v instanceof SecureString) return v;
  throw new ShellError('InvalidCastException', 'InvalidArgument',
    'A string is not a SecureString: use ConvertTo-SecureString -AsPlainText.', { target: v });
}

function scriptBlock(v: unknown) {
  if (v instanceof ScriptBlock) return v;
  throw new ShellError('NotSupported', 'NotImplemented',
    'Converting text to a script block is not supported: write the block in braces { ... }.', { target: v });
}

export const SCALAR_TYPES: [TypeSpec, string[]][] = [
  [{ name: 'Int32', fullName: 'System.Int32', isInstance: v => number(v) && isInt32(v), convert: v => toInt(v, 32), statics: numberStatics('int'), isValueType: true }, ['int', 'int32']],
  [{ name: 'Int64', fullName: 'System.Int64', isInstance: v => number(v) && isIntegral(v) && !isInt32(v), convert: v => toInt(v, 64), statics: numberStatics('long'), isValueType: true }, ['long', 'int64']],
  [{ name: 'Double', fullName: 'System.Double', isInstance: v => number(v) && !isIntegral(v), convert: v => toDouble(v), statics: numberStatics('double'), isValueType: true }, ['double', 'float', 'single']],
  [{ name: 'Byte', fullName: 'System.Byte', convert: byte, statics: numberStatics('byte'), isValueType: true }, ['byte']],
  [{ name: 'Char', fullName: 'System.Char', convert: char, statics: charStatics, isValueType: true }, ['char']],
  [{ name: 'Boolean', fullName: 'System.Boolean', isInstance: v => typeof v === 'boolean', convert: v => toBool(v), statics: boolStatics, isValueType: true }, ['bool', 'boolean']],
  [{ name: 'String', fullName: 'System.String', isInstance: v => typeof v === 'string', convert: v => v === null || v === undefined ? '' : toStr(v), statics: stringStatics }, ['string']],
  [{ name: 'Object', fullName: 'System.Object', isInstance: () => true, convert: v => v }, ['object']],
  // [void] is recognised by the runtime, which discards the value: the conversion gives $null.
  [{ name: 'Void', fullName: 'System.Void', convert: () => null }, ['void']],
  [{ name: 'SwitchParameter', fullName: 'System.Management.Automation.SwitchParameter', isInstance: v => v instanceof SwitchParameter, convert: switchValue, isValueType: true }, ['switch']],
  [{ name: 'SecureString', fullName: 'System.Security.SecureString', isInstance: v => v instanceof SecureString, convert: secure }, ['securestring']],
  [{ name: 'ScriptBlock', fullName: 'System.Management.Automation.ScriptBlock', isInstance: v => v instanceof ScriptBlock, convert: scriptBlock,
    statics: { create: { call: () => { throw new ShellError('NotSupported', 'NotImplemented', '[scriptblock]::Create is not supported: write the block in braces { ... }.'); } } } }, ['scriptblock']],
];

export const scalarTypes = () => SCALAR_TYPES.map(([spec, aliases]) => [new DotNetType(spec), aliases] as const);
