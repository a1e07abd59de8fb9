// The SkypeForBusiness module: the certificate cmdlets, their topology readers and the embedded
// CA's side. Each file is one declaration; the host passes this list to the engine.
import type { CmdletDefinition } from '../lib/engine/cmdlet/index.js';
import getCsCertificate from './Get-CsCertificate.js';
import requestCsCertificate from './Request-CsCertificate.js';
import setCsCertificate from './Set-CsCertificate.js';

export const certificateCmdlets: CmdletDefinition[] = [
  requestCsCertificate, setCsCertificate, getCsCertificate,
] as CmdletDefinition[];
