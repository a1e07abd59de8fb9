// Import-Module: the SkypeForBusiness (alias Lync) module and PowerShell's own modules are built
// in, so importing them succeeds at once and real deployment scripts run unchanged. Any other
// module is PowerShell's Modules_ModuleNotFound error.

import { ShellError } from '../lib/core/errors.js';
import { PSObject } from '../lib/core/values.js';
import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';

export const MODULE_INFO_TYPE = 'System.Management.Automation.PSModuleInfo';

/** Module name (lower case) → the name it is shown under. */
export const BUILT_IN_MODULES: ReadonlyMap<string, string> = new Map([
  'SkypeForBusiness', 'Lync', 'Microsoft.PowerShell.Core', 'Microsoft.PowerShell.Utility',
  'Microsoft.PowerShell.Management', 'Microsoft.PowerShell.Security',
].map(n => [n.toLowerCase(), n]));

export function moduleInfo(name: string): PSObject {
  return new PSObject({ ModuleType: 'Binary', Version: '7.0.0', Name: name, ExportedCommands: null }, [MODULE_INFO_TYPE, 'System.Object']);
}

/** A name, or a path to a module file (…\SkypeForBusiness\SkypeForBusiness.psd1), as its built-in module. */
function builtIn(name: string): string | undefined {
  const leaf = name.split(/[\\/]/).pop() ?? name;
  return BUILT_IN_MODULES.get(leaf.replace(/\.(psd1|psm1|dll)$/i, '').toLowerCase());
}

function notFound(name: string): ShellError {
  return new ShellError('Modules_ModuleNotFound', 'ResourceUnavailable',
    `The specified module '${name}' was not loaded because no valid module file was found in any module directory.`,
    { target: name, hint: 'cscert has the SkypeForBusiness (Lync) module built in; other modules are not available.',
      exceptionType: 'System.IO.FileNotFoundException' });
}

export default defineCmdlet({
  name: 'Import-Module',
  synopsis: 'Adds modules to the current session.',
  description: 'SkypeForBusiness and Lync, and the Microsoft.PowerShell.* modules, are built in: importing them, ' +
    'by name or by the path of their module file, succeeds and changes nothing. Other modules cannot be loaded ' +
    'and give an error.',
  module: 'Microsoft.PowerShell.Core',
  aliases: ['ipmo'],
  outputType: MODULE_INFO_TYPE,
  parameters: {
    Name: param.strings({ help: 'The modules to import.', position: 0, mandatory: true, pipeline: 'value' }),
    Force: param.switch({ help: 'Accepted for compatibility.' }),
    Global: param.switch({ help: 'Accepted for compatibility.' }),
    PassThru: param.switch({ help: 'Returns an object for each imported module.' }),
    DisableNameChecking: param.switch({ help: 'Accepted for compatibility.' }),
    Prefix: param.string({ help: 'Not supported: command names are never prefixed.',
      validate: () => 'The -Prefix parameter is not supported: built-in modules keep their command names.' }),
  },
  examples: [
    { title: 'Import the Skype for Business module', code: 'Import-Module SkypeForBusiness' },
    { title: 'See the module that was imported', code: '(Import-Module Lync -PassThru).Name', output: ['Lync'] },
  ],
  related: ['Get-Command'],
  *process(args, ctx) {
    for (const name of args.Name ?? []) {
      const known = builtIn(name);
      if (!known) { ctx.writeError(notFound(name)); continue; }
      if (args.PassThru) yield moduleInfo(known);
    }
  },
});
