// Errors of the certificate domain. The domain knows nothing of the shell, so it names the
// condition with a stable `code`; cmdlets/shared/errors.ts alone maps codes to error ids,
// categories and hints the user sees. Imports nothing.

export type CertErrorCode =
  | 'NotFound' | 'Exists' | 'Expired' | 'NotYetValid' | 'Untrusted' | 'MissingIntermediate'
  | 'NoPrivateKey' | 'NotExportable' | 'WrongPassword' | 'Malformed' | 'Unsupported'
  /** Keys at rest are encrypted and the environment variable with their passphrase is not set (a wrong one is WrongPassword). */
  | 'PassphraseMissing'
  | 'InvalidConfig' | 'TopologyIncomplete' | 'NotNeeded' | 'Locked' | 'Pending' | 'Denied'
  | 'UsageMissing' | 'InvalidArgument' | 'StoreVersion' | 'Offline' | 'Failed'
  /** What chain validation finds wrong with a certificate itself: its profile, its names, its cryptography. */
  | 'InvalidCertificate' | 'NameMismatch' | 'WeakCrypto';

export class CertError extends Error {
  override readonly name = 'CertError';
  constructor(
    readonly code: CertErrorCode,
    message: string,
    readonly more: { target?: string; hint?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: more.cause });
  }
  get target(): string | undefined { return this.more.target; }
  get hint(): string | undefined { return this.more.hint; }
}

export const isCertError = (error: unknown, code?: CertErrorCode): error is CertError =>
  error instanceof CertError && (code === undefined || error.code === code);
