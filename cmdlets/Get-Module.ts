// Get-Module: the modules of the session. Every module cscert has is built in and always loaded
// (SkypeForBusiness, its older name Lync, and PowerShell's own), so scripts that check for a module
// before importing it find it, with or without -ListAvailable.

import { defineCmdlet, param } from '../lib/engine/cmdlet/index.js';
import { BUILT_IN_MODULES, MODULE_INFO_TYPE, moduleInfo } from './Import-Module.js';
import { wildcardToRegExp } from './shared/values.js';

export default defineCmdlet({
  name: 'Get-Module',
  synopsis: 'List the modules imported in the current session or that can be imported from the PSModulePath.',
  description: 'Returns a module object for each built-in module whose name matches -Name (wildcards allowed; ' +
    'all of them without -Name). The built-in modules are always loaded, so -ListAvailable changes nothing.',
  module: 'Microsoft.PowerShell.Core',
  aliases: ['gmo'],
  outputType: MODULE_INFO_TYPE,
  parameters: {
    Name: param.strings({ help: 'Only modules with these names (wildcards allowed).', position: 0, pipeline: 'value' }),
    ListAvailable: param.switch({ help: 'Lists the modules that could be imported: the same built-in modules.' }),
    All: param.switch({ help: 'Accepted for compatibility.' }),
  },
  examples: [
    { title: 'Import the module only when it is there', code: "if (Get-Module -ListAvailable -Name SkypeForBusiness) { Import-Module SkypeForBusiness; 'imported' }",
      output: ['imported'] },
  ],
  related: ['Import-Module'],
  *process(args) {
    const patterns = (args.Name ?? ['*']).map(n => wildcardToRegExp(n));
    for (const name of BUILT_IN_MODULES.values()) if (patterns.some(p => p.test(name))) yield moduleInfo(name);
  },
});
