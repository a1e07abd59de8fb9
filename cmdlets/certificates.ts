// The SkypeForBusiness module: the certificate cmdlets, their topology readers and the embedded
// CA's side. Each file is one declaration; the host passes this list to the engine.
import type { CmdletDefinition } from '../lib/engine/cmdlet/index.js';
import approveCsCertificateRequest from './Approve-CsCertificateRequest.js';
import denyCsCertificateRequest from './Deny-CsCertificateRequest.js';
import exportCsCertificate from './Export-CsCertificate.js';
import getCsCertificate from './Get-CsCertificate.js';
import getCsCertificateAuthority from './Get-CsCertificateAuthority.js';
import getCsCertificateStatus from './Get-CsCertificateStatus.js';
import getCsComputer from './Get-CsComputer.js';
import getCsPool from './Get-CsPool.js';
import getCsSipDomain from './Get-CsSipDomain.js';
import importCsCertificate from './Import-CsCertificate.js';
import removeCsCertificate from './Remove-CsCertificate.js';
import requestCsCertificate from './Request-CsCertificate.js';
import setCsCertificate from './Set-CsCertificate.js';
import testCsCertificateConfiguration from './Test-CsCertificateConfiguration.js';
import testCsCertificate from './Test-CsCertificate.js';

export const certificateCmdlets: CmdletDefinition[] = [
  requestCsCertificate, getCsCertificateStatus, setCsCertificate, getCsCertificate, importCsCertificate, exportCsCertificate,
  removeCsCertificate, testCsCertificateConfiguration, getCsSipDomain, getCsPool, getCsComputer,
  approveCsCertificateRequest, denyCsCertificateRequest, getCsCertificateAuthority,
  testCsCertificate,
] as CmdletDefinition[];
