// Every cmdlet cscert offers: the built-in PowerShell ones and the certificate module's.
// The host passes this list to the engine; Get-Command, Get-Help and the example tests read it.
import type { CmdletDefinition } from '../lib/engine/cmdlet/index.js';
import { builtinCmdlets } from './builtins.js';
import getCommand from './Get-Command.js';
import getHelp from './Get-Help.js';
import { certificateCmdlets } from './certificates.js';

export const allCmdlets: CmdletDefinition[] = [...builtinCmdlets, getHelp, getCommand, ...certificateCmdlets];
