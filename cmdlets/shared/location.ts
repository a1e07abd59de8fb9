// Changing the session's location, shared by Set-Location and Push-Location: the path must name
// exactly one existing file-system directory (wildcards allowed); provider drives such as Cert:
// cannot be the current location here.
// Imports only lib/core, lib/engine/cmdlet, Node built-ins and sibling helpers.

import { stat } from 'node:fs/promises';
import { ShellError } from '../../lib/core/errors.js';
import type { CmdletContext } from '../../lib/engine/cmdlet/index.js';
import { expandFs, notFoundFor, parsePath } from './paths.js';

/** Makes the directory `text` names the current location; answers its full path. */
export async function changeLocation(ctx: CmdletContext, text: string, literal: boolean): Promise<string> {
  if (parsePath(text).kind !== 'fs') throw new ShellError('NotSupported', 'NotImplemented',
    `Only file-system directories can be the current location; '${text}' is on another drive.`,
    { target: text, hint: 'Use the full path with Get-ChildItem instead, e.g. Get-ChildItem Cert:\\LocalMachine\\My.' });
  const directories: string[] = [];
  for (const full of await expandFs(ctx, text, literal))
    if ((await stat(full).catch(() => undefined))?.isDirectory()) directories.push(full);
  if (directories.length === 0) throw notFoundFor(ctx, text);
  if (directories.length > 1) throw new ShellError('PathResolvedToMultiple', 'InvalidArgument',
    `Cannot set the location because path '${text}' resolved to multiple containers. You can only set the location to a single container at a time.`,
    { target: text, exceptionType: 'System.Management.Automation.PSArgumentException' });
  ctx.session.setLocation(directories[0]);
  return directories[0];
}
