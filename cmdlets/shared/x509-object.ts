// X509Certificate2-like objects for the Cert: drive (Get-ChildItem Cert:\LocalMachine\My): the
// properties scripts read (Thumbprint, Subject, Issuer, NotBefore, NotAfter, SerialNumber,
// FriendlyName, HasPrivateKey, DnsNameList, EnhancedKeyUsageList) and the provider's PSPath,
// PSParentPath and PSChildName. Built from the store's index entries, so listing 10,000
// certificates parses none. Requests in REQUEST show the same way, keyed by the SHA-1 of the CSR.

import { PSObject } from '../../lib/core/values.js';
import { EKU_NAMES } from '../../lib/certs/x509/oids.js';

export const X509_TYPE = 'System.Security.Cryptography.X509Certificates.X509Certificate2';
const PROVIDER = 'Microsoft.PowerShell.Security\\Certificate::';

export interface ListedCertificate {
  thumbprint: string; subject: string; issuer: string; serialNumber: string;
  notBefore: Date | string; notAfter: Date | string; sans: readonly string[]; ekus: readonly string[];
  hasPrivateKey: boolean; friendlyName?: string;
}

/** Windows' EnhancedKeyUsageList entries: `Server Authentication (1.3.6.1.5.5.7.3.1)`. */
export const ekuNames = (ekus: readonly string[]): string[] =>
  ekus.map((oid) => (EKU_NAMES[oid] ? `${EKU_NAMES[oid]} (${oid})` : oid));

/** `location` and `store` as the path shows them: 'LocalMachine', 'My'. */
export function x509Object(certificate: ListedCertificate, location: string, store: string): PSObject {
  const parent = `${PROVIDER}${location}\\${store}`;
  return new PSObject([
    ['PSPath', `${parent}\\${certificate.thumbprint}`],
    ['PSParentPath', parent],
    ['PSChildName', certificate.thumbprint],
    ['Thumbprint', certificate.thumbprint],
    ['Subject', certificate.subject],
    ['Issuer', certificate.issuer],
    ['NotBefore', new Date(certificate.notBefore)],
    ['NotAfter', new Date(certificate.notAfter)],
    ['SerialNumber', certificate.serialNumber],
    ['FriendlyName', certificate.friendlyName ?? ''],
    ['HasPrivateKey', certificate.hasPrivateKey],
    ['DnsNameList', [...certificate.sans]],
    ['EnhancedKeyUsageList', ekuNames(certificate.ekus)],
  ], [X509_TYPE, 'System.Security.Cryptography.X509Certificates.X509Certificate']);
}

/** A store or location container of the drive (`Cert:\LocalMachine`, `Cert:\LocalMachine\My`). */
export function containerObject(kind: 'location' | 'store', name: string, location?: string, children: string[] = []): PSObject {
  if (kind === 'location')
    return new PSObject([['Location', name], ['StoreNames', children], ['PSChildName', name]],
      ['Microsoft.PowerShell.Commands.X509StoreLocation']);
  return new PSObject([['Name', name], ['Location', location ?? null], ['PSChildName', name]],
    ['System.Security.Cryptography.X509Certificates.X509Store']);
}
