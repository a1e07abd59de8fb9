// The remaining types: datetime, timespan, guid, version, regex, and the static-only classes
// ([math], [convert], [Environment], [System.IO.Path]...). Each entry lists the names it answers
// to; the full name always works, and so does the full name without 'System.'.
// Imports only lib/core and sibling modules.

import { ErrorRecord, ShellError } from '../../core/errors.js';
import { toStr } from './convert.js';
import { parseDate } from './datetime.js';
import { Guid, Version } from './dotnet-objects.js';
import { RegexObject } from './dotnet-regex.js';
import { DotNetType, type TypeSpec } from './type-base.js';
import { TimeSpan, parseTimeSpan } from './timespan.js';
import { dateTimeStatics, timeSpanStatics } from './static-members-datetime.js';
import { mathStatics } from './static-members-math.js';
import { convertStatics, encodingStatics, regexStatics } from './static-members-text.js';
import {
  directoryStatics, dnsStatics, environmentStatics, fileStatics, guidStatics, pathStatics, versionStatics,
} from './static-members-system.js';

function toDateTime(v: unknown): Date {
  if (v instanceof Date) return v;
  if (typeof v === 'string') return parseDate(v);
  throw new ShellError('InvalidCastException', 'InvalidArgument', `Cannot convert "${toStr(v)}" to "System.DateTime".`, { target: v });
}

function toTimeSpan(v: unknown): TimeSpan {
  if (v instanceof TimeSpan) return v;
  if (typeof v === 'number') return new TimeSpan(v);    // a number is ticks, as in .NET
  if (typeof v === 'string') return parseTimeSpan(v);
  throw new ShellError('InvalidCastException', 'InvalidArgument', `Cannot convert "${toStr(v)}" to "System.TimeSpan".`, { target: v });
}

const staticOnly = (name: string, fullName: string, statics: TypeSpec['statics']): TypeSpec => ({ name, fullName, statics });

export const OTHER_TYPES: [TypeSpec, string[]][] = [
  [{ name: 'DateTime', fullName: 'System.DateTime', isInstance: v => v instanceof Date, convert: toDateTime, statics: dateTimeStatics, isValueType: true }, ['datetime']],
  [{ name: 'TimeSpan', fullName: 'System.TimeSpan', isInstance: v => v instanceof TimeSpan, convert: toTimeSpan, statics: timeSpanStatics, isValueType: true }, ['timespan']],
  [{ name: 'Guid', fullName: 'System.Guid', isInstance: v => v instanceof Guid, convert: v => v instanceof Guid ? v : Guid.parse(toStr(v)), statics: guidStatics, isValueType: true }, ['guid']],
  [{ name: 'Version', fullName: 'System.Version', isInstance: v => v instanceof Version, convert: v => v instanceof Version ? v : Version.parse(toStr(v)), statics: versionStatics }, ['version']],
  [{ name: 'Regex', fullName: 'System.Text.RegularExpressions.Regex', isInstance: v => v instanceof RegexObject, convert: v => v instanceof RegexObject ? v : new RegexObject(toStr(v)), statics: regexStatics }, ['regex']],
  // $_ in a catch block and the items of $Error: `$x -is [System.Management.Automation.ErrorRecord]`.
  [{ name: 'ErrorRecord', fullName: 'System.Management.Automation.ErrorRecord', isInstance: v => v instanceof ErrorRecord,
    convert: v => { if (v instanceof ErrorRecord) return v; throw new ShellError('InvalidCastException', 'InvalidArgument', `Cannot convert "${toStr(v)}" to "System.Management.Automation.ErrorRecord".`, { target: v }); } }, []],
  [staticOnly('Math', 'System.Math', mathStatics), ['math']],
  [staticOnly('Convert', 'System.Convert', convertStatics), ['convert']],
  [staticOnly('Environment', 'System.Environment', environmentStatics), ['environment']],
  [staticOnly('Path', 'System.IO.Path', pathStatics), ['io.path']],
  [staticOnly('File', 'System.IO.File', fileStatics), ['io.file']],
  [staticOnly('Directory', 'System.IO.Directory', directoryStatics), ['io.directory']],
  [staticOnly('Dns', 'System.Net.Dns', dnsStatics), ['net.dns']],
  [staticOnly('Encoding', 'System.Text.Encoding', encodingStatics), ['text.encoding']],
];

export const otherTypes = () => OTHER_TYPES.map(([spec, aliases]) => [new DotNetType(spec), aliases] as const);

/** Types PowerShell has and this shell refuses, with what to use instead. */
export const REFUSED_TYPES: Record<string, string> = {
  xml: 'XML documents are not supported: read the file with Get-Content and use -match or ConvertFrom-Json.',
  'system.xml.xmldocument': 'XML documents are not supported: read the file with Get-Content and use -match or ConvertFrom-Json.',
  decimal: '[decimal] is not supported: use [double].',
  'system.decimal': '[decimal] is not supported: use [double].',
  'text.stringbuilder': '[System.Text.StringBuilder] is not supported: build an array and -join it.',
  'system.text.stringbuilder': '[System.Text.StringBuilder] is not supported: build an array and -join it.',
  wmi: 'WMI is not supported.', wmiclass: 'WMI is not supported.', adsi: 'ADSI is not supported.',
  ipaddress: '[ipaddress] is not supported: keep addresses as strings.',
  'system.net.ipaddress': '[ipaddress] is not supported: keep addresses as strings.',
  bigint: '[bigint] is not supported: use [long] or [double].',
  'system.numerics.biginteger': '[bigint] is not supported: use [long] or [double].',
  ref: '[ref] is not supported: return values from functions instead.',
};
