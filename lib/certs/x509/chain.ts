// Certification paths as the wizard's "Certification Path" tab shows them: from a leaf through
// intermediates (the CA store) to a trusted root (the Root store). Each link is Trusted (the
// anchor), Present (found, not an anchor) or Missing (named by the subject its child says issued
// it), and every problem names the certificate to import or replace. The judging itself is the
// one validator in ../validation/validate.ts; this module keeps the shape assess() and the
// cmdlets read, and throws the first problem as a CertError.

import { CertError, type CertErrorCode } from '../errors.js';
import type { CertificateSource } from '../validation/certificate-model.js';
import type { ProblemRule, Severity } from '../validation/problems.js';
import { validateCertificate } from '../validation/validate.js';

export type LinkStatus = 'Trusted' | 'Present' | 'Missing';

export interface ChainLink {
  status: LinkStatus;
  subject: string;
  issuer?: string;
  thumbprint?: string;
  notAfter?: Date;
  /**
   * Where the certificate was found: 'Leaf', the 'CA' or 'Root' store, a 'Given' file, 'Fetched' from an AIA URL,
   * or 'Response': sent by the CA with its answer and in no store (the administrator must import it).
   */
  source?: CertificateSource;
  reason?: string;
}

export interface ChainProblem {
  code: CertErrorCode;
  message: string;
  subject: string;
  /** The validator's finer id (NameConstraints, WeakKey...); `code` is what error ids map from. */
  rule?: ProblemRule;
  severity?: Severity;
  thumbprint?: string;
}

export interface ChainResult {
  /** Leaf first, root (or the missing link) last. */
  links: ChainLink[];
  trusted: boolean;
  /** What makes the chain untrusted; empty when trusted. */
  problems: ChainProblem[];
  /** What is wrong but does not stop the chain being trusted (an EKU on a private root...). */
  warnings: ChainProblem[];
}

export interface ChainOptions {
  roots: Buffer[];
  intermediates: Buffer[];
  at: Date;
  /** Judge the leaf as a TLS server certificate (serverAuth EKU, not a CA); the cmdlets always do for server certificates. */
  requireServerAuth?: boolean;
  /** Also check that the leaf is valid for this DNS name. */
  dnsName?: string;
  /** Certificates the CA sent with the answer that are in no store: to name what to import. */
  unstored?: Buffer[];
}

export function buildChain(leafDer: Buffer, options: ChainOptions): ChainResult {
  const result = validateCertificate({
    leaf: leafDer,
    anchors: options.roots.map((der) => ({ der, source: 'Root' as const })),
    intermediates: options.intermediates.map((der) => ({ der, source: 'CA' as const })),
    unstored: (options.unstored ?? []).map((der) => ({ der, source: 'Response' as const })),
    policy: { at: options.at, serverAuth: options.requireServerAuth ?? false, dnsName: options.dnsName },
  });
  const toChainProblem = (p: (typeof result.problems)[number]): ChainProblem =>
    ({ code: p.code, message: p.message, subject: p.subject, rule: p.rule, severity: p.severity, thumbprint: p.thumbprint });
  return {
    links: result.chain.map(({ notBefore: _notBefore, ...link }) => link),
    trusted: result.valid,
    problems: result.problems.filter((p) => p.severity === 'Error').map(toChainProblem),
    warnings: result.problems.filter((p) => p.severity === 'Warning').map(toChainProblem),
  };
}

/** Throws the first error as a CertError naming the certificate to import or replace. */
export function assertTrusted(result: ChainResult): void {
  const problem = result.problems[0];
  if (problem) throw new CertError(problem.code, problem.message, { target: problem.subject });
}
