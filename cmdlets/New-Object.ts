// New-Object: creates PSCustomObjects (`New-Object PSObject -Property @{...}`), the one use of it
// in deployment scripts. Other .NET types cannot be created here and are refused by name, with the
// [pscustomobject]@{} or @() alternative as the hint.

import { ShellError } from '../lib/core/errors.js';
import { Hashtable, PSObject } from '../lib/core/values.js';
import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { toStr } from './shared/values.js';

const PSOBJECT_NAMES = new Set(['psobject', 'pscustomobject', 'system.management.automation.psobject',
  'system.management.automation.pscustomobject', 'object', 'system.object']);

function unsupported(typeName: string): ShellError {
  return new ShellError('TypeNotFound', 'InvalidType',
    `Cannot find type [${typeName}]: verify that the assembly containing this type is loaded.`,
    { target: typeName, hint: "New-Object creates only PSObject here: write [pscustomobject]@{...}, or @() for a list.",
      exceptionType: 'System.Management.Automation.PSArgumentException' });
}

export default defineCmdlet({
  name: 'New-Object',
  synopsis: 'Creates an instance of a Microsoft .NET Framework or COM object.',
  description: 'Creates a PSObject (also spelled PSCustomObject) whose properties are the keys and values of ' +
    '-Property, in the hashtable\'s order. Other .NET types and COM objects are not supported.',
  module: 'Microsoft.PowerShell.Utility',
  defaultParameterSet: 'Net',
  outputType: 'System.Management.Automation.PSObject',
  parameters: {
    TypeName: param.string({ help: 'The type to create: PSObject or PSCustomObject.', sets: { Net: { mandatory: true, position: 0 } } }),
    ArgumentList: param.objects({ help: 'Constructor arguments (PSObject takes none).', aliases: ['Args'], sets: { Net: { position: 1 } } }),
    Property: param.hashtable({ help: 'Properties of the new object, as a hashtable of names and values.' }),
    ComObject: param.string({ help: 'Not supported: COM objects exist only on Windows.', sets: { Com: { mandatory: true, position: 0 } } }),
    Strict: param.switch({ help: 'Accepted for compatibility.', sets: ['Com'] }),
  },
  examples: [
    { title: 'An object with two properties', code: "(New-Object PSObject -Property ([ordered]@{Pool='pool1'; Size=2})).Pool",
      output: ['pool1'] },
  ],
  related: ['Select-Object'],
  *process(args, ctx) {
    if (ctx.parameterSetName === 'Com')
      throw new ShellError('ComObjectNotSupported', 'NotImplemented', `Cannot create the COM object '${args.ComObject}': COM is not supported.`,
        { target: args.ComObject, hint: 'COM objects exist only on Windows.' });
    const typeName = args.TypeName ?? '';
    if (!PSOBJECT_NAMES.has(typeName.toLowerCase().replace(/^\[|\]$/g, ''))) throw unsupported(typeName);
    const o = new PSObject();
    if (args.Property instanceof Hashtable) for (const [k, v] of args.Property.entries()) o.set(toStr(k), v);
    yield o;
  },
});
