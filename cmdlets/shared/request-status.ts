// The "Online Certificate Request Status" page as objects. Request-CsCertificate (and -List,
// -Retrieve, Approve/Deny) return Cs.CertificateRequestStatus: RequestId, RequestStatus (Issued,
// Pending, Denied, Offline, Failed), Thumbprint, Use, CA, Subject, AlternativeNames, NotAfter,
// ChainStatus, CanAssign, Assigned, Message. Get-CsCertificateStatus adds "View Certificate
// Details": the certificate's own properties and the Chain, each link marked Trusted, Present
// or Missing (Cs.CertificateStatus, which is also a Cs.CertificateRequestStatus), and the Store it
// is in: My, CA, Root, or for a CA certificate that came only with the CA's answer, NOT_INSTALLED.
// ChainStatus is 'Trusted', 'NotChecked' (no certificate yet), or the error id of the first
// problem (UntrustedRoot, MissingIntermediate, CertificateExpired...), so scripts compare one word.

import { PSObject } from '../../lib/core/values.js';
import type { ChainLink, ChainResult } from '../../lib/certs/x509/chain.js';
import type { RequestResult } from '../../lib/certs/workflow/request.js';
import type { StoredCertificate } from '../../lib/certs/store/view.js';
import { CODE_KINDS } from './errors.js';
import { ekuNames } from './x509-object.js';
import { SIGNATURE_NAMES } from '../../lib/certs/x509/oids.js';   // a table with no imports: cheap at start-up

export const REQUEST_STATUS_TYPE = 'Cs.CertificateRequestStatus';
export const CERTIFICATE_STATUS_TYPE = 'Cs.CertificateStatus';
export const CHAIN_LINK_TYPE = 'Cs.CertificateChainLink';

export function chainStatus(chain: ChainResult | undefined): string {
  if (!chain) return 'NotChecked';
  const first = chain.problems[0];
  return first ? CODE_KINDS[first.code].id : chain.trusted ? 'Trusted' : CODE_KINDS.Untrusted.id;
}

function statusEntries(result: RequestResult): [string, unknown][] {
  return [
    ['RequestId', result.requestId],
    ['RequestStatus', result.status],
    ['Thumbprint', result.thumbprint ?? null],
    ['Use', [...result.use]],
    ['CA', result.ca ?? null],
    ['Subject', result.subject],
    ['AlternativeNames', [...result.alternativeNames]],
    ['NotAfter', result.notAfter ? new Date(result.notAfter) : null],
    ['ChainStatus', chainStatus(result.chain)],
    ['CanAssign', result.canAssign],
    ['Assigned', result.assigned],
    ['Message', result.message],
  ];
}

export function requestStatus(result: RequestResult): PSObject {
  return new PSObject(statusEntries(result), [REQUEST_STATUS_TYPE]);
}

/** The Store of a chain link the CA sent with its answer: in no store yet, and the administrator must import it. */
export const NOT_INSTALLED = 'Not installed (sent by the CA)';

/** Where a link's certificate is, in the words of the Cert: drive (a file given to Test-CsCertificate: 'Given'). */
function storeOf(link: ChainLink): string | null {
  if (link.source === 'Leaf') return 'My';
  if (link.source === 'Response') return NOT_INSTALLED;
  return link.source ?? null;
}

export function chainLink(link: ChainLink): PSObject {
  const object = new PSObject([
    ['Status', link.status],
    ['Subject', link.subject],
    ['Issuer', link.issuer ?? null],
    ['Thumbprint', link.thumbprint ?? null],
    ['NotAfter', link.notAfter ? new Date(link.notAfter) : null],
    ['Store', storeOf(link)],
    ['Reason', link.reason ?? null],
  ], [CHAIN_LINK_TYPE]);
  object.defineMethod('ToString', () => `${link.status}: ${link.subject}`);
  return object;
}

/** The status page with the certificate's details, its chain and where it is assigned. */
export function certificateStatus(result: RequestResult, certificate: StoredCertificate | undefined,
  assignedTo: string[]): PSObject {
  const details: [string, unknown][] = certificate ? [
    ['Issuer', certificate.issuer],
    ['NotBefore', new Date(certificate.notBefore)],
    ['SerialNumber', certificate.serialNumber],
    ['FriendlyName', certificate.friendlyName ?? ''],
    ['HasPrivateKey', certificate.hasPrivateKey],
    ['KeyAlgorithm', certificate.keyAlgorithm],
    ['KeySize', certificate.keySize],
    ['EnhancedKeyUsageList', ekuNames(certificate.ekus)],
    ['SignatureAlgorithm', SIGNATURE_NAMES[certificate.signatureAlgorithm] ?? certificate.signatureAlgorithm],
  ] : [];
  return new PSObject([
    ...statusEntries(result), ...details,
    ['AssignedTo', assignedTo],
    ['Chain', (result.chain?.links ?? []).map(chainLink)],
  ], [CERTIFICATE_STATUS_TYPE, REQUEST_STATUS_TYPE]);
}
