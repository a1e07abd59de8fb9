// Get-Location: the session's current directory as a PathInfo object (Path, Drive, Provider,
// ProviderPath), as PowerShell returns it.

import * as path from 'node:path';
import { PSObject } from '../lib/core/values.js';
import { defineCmdlet } from '../lib/engine/cmdlet/index.js';

export const PATH_INFO_TYPE = 'System.Management.Automation.PathInfo';

/** A directory as the PathInfo object Get-Location (and Set-Location -PassThru) returns. */
export function pathInfo(cwd: string): PSObject {
  const info = new PSObject({ Drive: path.parse(cwd).root === '/' ? '/' : path.parse(cwd).root,
    Provider: 'Microsoft.PowerShell.Core\\FileSystem', ProviderPath: cwd, Path: cwd }, [PATH_INFO_TYPE, 'System.Object']);
  info.defineMethod('ToString', () => cwd);
  return info;
}

export default defineCmdlet({
  name: 'Get-Location',
  synopsis: 'Gets information about the current working location.',
  description: 'Returns the current directory of the session as a PathInfo object; its Path property is the ' +
    'directory as text, and "$(Get-Location)" expands to it.',
  module: 'Microsoft.PowerShell.Management',
  aliases: ['gl', 'pwd'],
  outputType: PATH_INFO_TYPE,
  parameters: {},
  examples: [
    { title: 'The current directory as text', code: '(Get-Location).Path -eq $PWD.Path', output: [true] },
  ],
  related: ['Get-ChildItem', 'Join-Path'],
  *process(_args, ctx) {
    yield pathInfo(ctx.session.cwd);
  },
});
