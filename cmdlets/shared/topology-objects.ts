// Objects of the topology readers (Get-CsSipDomain, Get-CsPool, Get-CsComputer), shaped as the
// real cmdlets' are where scripts read them: .Identity of a SIP domain, .Computers of a pool,
// .Pool of a computer (greiginsydney/Update-SfbCertificate.ps1). Builds from plain data.

import { PSObject } from '../../lib/core/values.js';
import type { Pool } from '../../lib/certs/config.js';

export const sipDomainObject = (identity: string, isDefault: boolean) =>
  new PSObject([['Identity', identity], ['Name', identity], ['IsDefault', isDefault]],
    ['Microsoft.Rtc.Management.WritableConfig.Policy.Registrar.SipDomain']);

export const poolObject = (pool: Pool) => new PSObject([
  ['Identity', pool.fqdn], ['Fqdn', pool.fqdn], ['Role', pool.role], ['Computers', [...pool.computers]],
  ['WebServicesInternalFqdn', pool.webServices?.internalFqdn ?? null], ['WebServicesExternalFqdn', pool.webServices?.externalFqdn ?? null],
  ['EdgeInternalFqdn', pool.edge?.internalFqdn ?? null], ['AccessEdgeFqdn', pool.edge?.accessEdgeFqdn ?? null],
  ['WebConferencingEdgeFqdn', pool.edge?.webConferencingFqdn ?? null], ['AudioVideoEdgeFqdn', pool.edge?.avFqdn ?? null],
], ['Microsoft.Rtc.Management.Xds.DisplayPool']);

export const computerObject = (identity: string, pool: string, role: string) =>
  new PSObject([['Identity', identity], ['Pool', pool], ['Fqdn', identity], ['Role', role]],
    ['Microsoft.Rtc.Management.Xds.DisplayComputer']);
