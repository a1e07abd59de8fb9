// The SkypeForBusiness module: the certificate cmdlets (filled in by the certificates work).
import type { CmdletDefinition } from '../lib/engine/cmdlet/index.js';

export const certificateCmdlets: CmdletDefinition[] = [];
