// Certification authorities behind one interface, so Request-CsCertificate treats the embedded
// CA, ACME and CFSSL alike, and one status model for all (SPEC §6): Issued, Pending (with the
// CA's request id), Denied (with the reason), Failed (with the CA's error); Offline belongs to
// the cmdlet (a CSR written to a file). Back ends register at load time (ca/index.ts).

import { CertError } from './errors.js';
import type { AuthorityConfig } from './config-schema.js';
import type { DomainEnv } from './env.js';
import type { ParsedCsr } from './x509/csr.js';

export interface IssueRequest {
  /** PKCS#10, DER. Subject and SANs come from it. */
  csr: Buffer;
  /** Template (profile) name; default WebServer. */
  template?: string;
  /** Also clientAuth (-ClientEKU). */
  clientEku?: boolean;
  /** Who asked, for the CA's records. */
  requester?: string;
  /** The CSR as parseCsr gives it, when this process built it (buildCsr): a CA in the process need not parse and verify it again. */
  built?: ParsedCsr;
}

export type IssuedCertificate =
  | { status: 'Issued'; certificate: Buffer; chain: Buffer[]; caRequestId?: string; message: string }
  | { status: 'Pending'; caRequestId: string; message: string }
  | { status: 'Denied'; caRequestId?: string; reason: string; message: string }
  | { status: 'Failed'; error: string; message: string };

export type RevocationReason = 'unspecified' | 'keyCompromise' | 'cACompromise' | 'affiliationChanged' | 'superseded' | 'cessationOfOperation';

export interface AuthorityDescription {
  identity: string;
  kind: string;
  policy: string;
  trusted: boolean;
  rootCertificatePath?: string;
  issuingCertificatePath?: string;
}

export interface PendingCaRequest { caRequestId: string; subject: string; sans: string[]; template: string; submittedAt: Date }

export interface CertificateAuthority {
  readonly kind: string;
  readonly name: string;
  issue(request: IssueRequest): Promise<IssuedCertificate>;
  /** The current state of a request the CA answered Pending (Request-CsCertificate -Retrieve). */
  retrieve?(caRequestId: string): Promise<IssuedCertificate>;
  approve?(caRequestId: string): Promise<IssuedCertificate>;
  deny?(caRequestId: string, reason: string): Promise<IssuedCertificate>;
  pending?(): Promise<PendingCaRequest[]>;
  describe(): Promise<AuthorityDescription>;
  revoke?(serialNumber: string, reason: RevocationReason): Promise<void>;   // optional ability
}

export type AuthorityFactory = (settings: Record<string, unknown>, env: DomainEnv, name: string) => CertificateAuthority;

const factories = new Map<string, AuthorityFactory>();   // back ends register at load time

export const registerAuthority = (kind: string, make: AuthorityFactory) => factories.set(kind.toLowerCase(), make);

export function createAuthority(config: AuthorityConfig, env: DomainEnv): CertificateAuthority {
  const make = factories.get(config.kind.toLowerCase());
  if (!make) throw new CertError('Unsupported',
    `Unknown CA kind '${config.kind}' (known: ${[...factories.keys()].join(', ')}).`, { target: config.name });
  return make(config.settings ?? {}, env, config.name);
}

/** The configured CA a -CA value names (case-insensitive), or the default one. */
export function findAuthority(authorities: Record<string, AuthorityConfig>, name: string | undefined, fallback: string): AuthorityConfig {
  const wanted = (name ?? fallback).toLowerCase();
  const found = Object.values(authorities).find((a) => a.name.toLowerCase() === wanted);
  if (!found) throw new CertError('NotFound', `No certification authority named '${name}' is configured (known: ${Object.keys(authorities).join(', ')}).`,
    { target: name, hint: 'Add it under authorities in the configuration file.' });
  return found;
}
