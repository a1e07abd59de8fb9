// What a validation rule reports: a stable rule id (what Test-CsCertificate -Detailed shows and
// scripts match on), the domain's CertErrorCode (what the cmdlets map to error ids and hints),
// the certificate it concerns and a message naming that certificate. Imports errors and the model.

import type { CertErrorCode } from '../errors.js';
import type { CertificateModel } from './certificate-model.js';

export type ProblemRule =
  | 'Expired' | 'NotYetValid' | 'UntrustedRoot' | 'MissingIntermediate' | 'BadSignature' | 'PathTooLong'
  | 'PathBuildingLimit' | 'NotCA' | 'PathLengthExceeded' | 'KeyUsage' | 'ServerAuthMissing' | 'CAAsLeaf'
  | 'NameConstraints' | 'NameMismatch' | 'InvalidName' | 'WeakKey' | 'WeakSignature' | 'UnknownCriticalExtension'
  | 'Malformed' | 'Profile';

export type Severity = 'Error' | 'Warning';

export interface ValidationProblem {
  rule: ProblemRule;
  code: CertErrorCode;
  severity: Severity;
  /** The certificate concerned (or, for a missing link, the name its child says issued it). */
  subject: string;
  thumbprint?: string;
  message: string;
}

const CODE_OF: Record<ProblemRule, CertErrorCode> = {
  Expired: 'Expired', NotYetValid: 'NotYetValid', UntrustedRoot: 'Untrusted', MissingIntermediate: 'MissingIntermediate',
  BadSignature: 'Untrusted', PathTooLong: 'Untrusted', PathBuildingLimit: 'Untrusted', NotCA: 'Untrusted',
  PathLengthExceeded: 'Untrusted', KeyUsage: 'UsageMissing', ServerAuthMissing: 'UsageMissing', CAAsLeaf: 'UsageMissing',
  NameConstraints: 'Untrusted', NameMismatch: 'NameMismatch', InvalidName: 'InvalidCertificate', WeakKey: 'WeakCrypto',
  WeakSignature: 'WeakCrypto', UnknownCriticalExtension: 'InvalidCertificate', Malformed: 'Malformed', Profile: 'InvalidCertificate',
};

/** A problem about one certificate; `severity` defaults to Error. */
export function problem(rule: ProblemRule, certificate: Pick<CertificateModel, 'subject' | 'thumbprint'>, message: string,
  severity: Severity = 'Error'): ValidationProblem {
  return { rule, code: CODE_OF[rule], severity, subject: certificate.subject, thumbprint: certificate.thumbprint, message };
}

/** A problem about a certificate known only by name (a missing issuer). */
export const problemByName = (rule: ProblemRule, subject: string, message: string): ValidationProblem =>
  ({ rule, code: CODE_OF[rule], severity: 'Error', subject, message });

export const isError = (p: ValidationProblem): boolean => p.severity === 'Error';
