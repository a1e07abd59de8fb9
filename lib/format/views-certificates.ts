// Default views of the certificate cmdlets' records, as the real cmdlets and PowerShell's Cert:
// provider show them: Get-CsCertificate's documented list (reference §1.3: eight of its twelve
// properties; Format-List * shows them all), the configuration test as a Thumbprint/Use table,
// the CAs, the topology, and the Cert: drive's locations and stores as lists. Imports ./views only.

import { registerView } from './views.js';

registerView('Microsoft.Rtc.Management.Deployment.CertificateReference', {
  kind: 'list',
  properties: ['Issuer', 'NotAfter', 'NotBefore', 'SerialNumber', 'Subject', 'AlternativeNames', 'Thumbprint', 'Use'],
});

registerView('Microsoft.Rtc.Management.Deployment.CertificateExists', {
  kind: 'table',
  properties: ['Thumbprint', 'Use', 'Status', 'Issues'],
});

registerView('Cs.CertificateChainLink', { kind: 'table', properties: ['Status', 'Store', 'Subject', 'Thumbprint'] });

registerView('Cs.CertificateAuthority', { kind: 'table', properties: ['Identity', 'Kind', 'Policy', 'Trusted', 'IsDefault'] });

registerView('Microsoft.Rtc.Management.Xds.DisplayComputer', { kind: 'table', properties: ['Identity', 'Pool'] });

registerView('Microsoft.Rtc.Management.WritableConfig.Policy.Registrar.SipDomain', {
  kind: 'table',
  properties: ['Identity', 'IsDefault'],
});

/** `Get-ChildItem Cert:\` and `Cert:\LocalMachine`, as PowerShell lists them. */
registerView('Microsoft.PowerShell.Commands.X509StoreLocation', { kind: 'list', properties: ['Location', 'StoreNames'] });
registerView('System.Security.Cryptography.X509Certificates.X509Store', { kind: 'list', properties: ['Name'] });
