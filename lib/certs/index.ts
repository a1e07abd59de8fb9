// The certificate domain's public face: what cmdlets/ import. It knows nothing about the shell;
// errors are CertError with a code. Importing this registers the built-in CA back ends.

import './ca/index.js';

export * from './errors.js';
export { createDomainEnv, type DomainEnv } from './env.js';
export * from './cert-types.js';
export { loadConfig, hostIdentity, defaultStore, defaultTopology, POOL_ROLES } from './config.js';
export type { CsConfig, Topology, Pool, PoolRole, EdgeFqdns, RequestDefaults, AuthorityConfig, LoadConfigOptions } from './config.js';
export * from './topology.js';
export * from './authority.js';
export { LocalAuthority, type LocalAuthoritySettings } from './ca/index.js';
export { openStore, Store } from './store/store.js';
export type { StoreTransaction, AddOptions, StoredCertificate, AssignmentView } from './store/store.js';
export * from './store/layout.js';
export { generateKey, describeKey, KEY_ALGORITHMS, type KeyAlgorithm, type KeyPair } from './x509/keys.js';
export { createCsr, csrToPem, parseCsr, type ParsedCsr, type CsrOptions } from './x509/csr.js';
export { createCertificate, newSerial, type CertificateOptions } from './x509/certificate.js';
export { parseCertificate, thumbprintOf, normalizeThumbprint, ekuDisplay, hasServerAuth, type CertificateInfo } from './x509/parse.js';
export { readBundle, writePkcs7, certificatesToPem, toPem, fromPem, type Bundle, type BundleKind } from './x509/pem.js';
export { readPkcs12, writePkcs12, type Pkcs12Contents, type WritePkcs12Options, type Encryption } from './x509/pkcs12.js';
export { buildChain, assertTrusted, type ChainResult, type ChainLink, type ChainProblem, type LinkStatus } from './x509/chain.js';
export { OID, EKU_NAMES } from './x509/oids.js';
export { assess, assertAssignable, scopeFor, type Assessment } from './workflow/assign.js';
export { requestCertificate, retrieveRequest, type NewRequestOptions, type RequestResult } from './workflow/request.js';
export { importCertificates, type ImportOptions, type ImportedCertificate } from './workflow/import.js';
