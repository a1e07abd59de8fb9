// The lib/certs functions the certificate cmdlets call, in one module that the services load on
// first use (cert-services.ts), so no cmdlet file pulls domain code in at start-up. Where the
// domain does not have a function yet, a thin one lives in ./cert-operations.ts and is
// re-exported here; when lib/certs gains it, only this file changes.

export { requestCertificate, retrieveRequest, type RequestResult, type NewRequestOptions } from '../../lib/certs/workflow/request.js';
export { assess, assertAssignable, scopeFor, type Assessment } from '../../lib/certs/workflow/assign.js';
export { importCertificates, type ImportedCertificate } from '../../lib/certs/workflow/import.js';
export { MAX_CERTIFICATE_FILE_BYTES } from '../../lib/certs/x509/certificate-file.js';
export { computeNames, findPool, poolOfComputer, pools, computers, sipDomains } from '../../lib/certs/topology.js';
export { createAuthority, findAuthority, type CertificateAuthority } from '../../lib/certs/authority.js';
export { buildChain, type ChainResult } from '../../lib/certs/x509/chain.js';
export { hasServerAuth, normalizeThumbprint, parseCertificate, thumbprintOf } from '../../lib/certs/x509/parse.js';
export { REQUIRED_TYPES, GLOBAL_TYPES, ONLINE_ONLY_TYPES } from '../../lib/certs/cert-types.js';
export * from './cert-operations.js';
import '../../lib/certs/ca/index.js';   // registers the CA back ends (kind: local...)
