// Get-CsCertificate's objects: Microsoft.Rtc.Management.Deployment.CertificateReference, one per
// usage, with the twelve properties in the order the real cmdlet's log writes them (reference
// §1.3). A usage whose rolled certificate is waiting for its effective date yields a second
// object for that certificate (EffectiveDate set, PreviousThumbprint = the current one), so
// `Get-CsCertificate` shows what -Roll staged. Builds from plain data; loads nothing.

import { PSObject } from '../../lib/core/values.js';
import type { AssignmentView } from '../../lib/certs/store/view.js';

export const CERTIFICATE_REFERENCE_TYPE = 'Microsoft.Rtc.Management.Deployment.CertificateReference';

/** What a reference shows of its certificate (a StoredCertificate or an index entry both fit). */
export interface ReferencedCertificate {
  thumbprint: string; subject: string; issuer: string; serialNumber: string;
  notBefore: Date | string; notAfter: Date | string; sans: readonly string[];
}

const asDate = (value: Date | string | undefined) => (value === undefined ? null : new Date(value));

export function certificateReference(view: AssignmentView, certificate: ReferencedCertificate | undefined,
  options: { rolled?: boolean } = {}): PSObject {
  const thumbprint = options.rolled ? view.pendingThumbprint : view.thumbprint;
  return new PSObject([
    ['Issuer', certificate?.issuer ?? null],
    ['NotAfter', asDate(certificate?.notAfter)],
    ['NotBefore', asDate(certificate?.notBefore)],
    ['SerialNumber', certificate?.serialNumber ?? null],
    ['Subject', certificate?.subject ?? null],
    ['AlternativeNames', certificate ? [...certificate.sans] : []],
    ['Thumbprint', thumbprint ?? null],
    ['EffectiveDate', options.rolled || !view.pendingThumbprint ? asDate(view.effectiveDate) : null],
    ['PreviousThumbprint', (options.rolled ? view.thumbprint : view.previousThumbprint) ?? null],
    ['UpdateTime', asDate(view.updateTime)],
    ['Use', view.usage],
    ['SourceScope', view.scope.toLowerCase() === 'global' ? 'Global' : 'Local'],
  ], [CERTIFICATE_REFERENCE_TYPE]);
}
