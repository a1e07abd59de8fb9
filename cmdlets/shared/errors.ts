// The one place that turns the certificate domain's CertError codes into what the user sees:
// a stable PascalCase id, a PowerShell error category and a hint saying what to do. Conditions
// the cmdlets detect themselves (a roll without a date, an unknown CA...) have ids here too, so
// every id of the module is listed once. Ids name a condition and never change once released;
// they are never built from data. Messages come from the domain or the caller and never hold a
// secret (the domain never puts passwords or keys in them).

import { ShellError, type ErrorCategory } from '../../lib/core/errors.js';
import { CertError, type CertErrorCode } from '../../lib/certs/errors.js';

interface ErrorKind { id: string; category: ErrorCategory; hint: string }

const kind = (id: string, category: ErrorCategory, hint: string): ErrorKind => ({ id, category, hint });

/** Every CertError code, mapped. */
export const CODE_KINDS: Record<CertErrorCode, ErrorKind> = {
  NotFound: kind('CertificateNotFound', 'ObjectNotFound',
    "Run 'Get-ChildItem Cert:\\LocalMachine\\My' to list the thumbprints the store holds."),
  Exists: kind('CertificateExists', 'ResourceExists', 'The certificate is already in the store; assign it with Set-CsCertificate.'),
  Expired: kind('CertificateExpired', 'InvalidData', 'Request a new certificate with Request-CsCertificate -New.'),
  NotYetValid: kind('CertificateNotYetValid', 'InvalidData', 'Check the computer clock, or wait until the certificate becomes valid.'),
  Untrusted: kind('UntrustedRoot', 'SecurityError',
    "Import the issuing CA's root certificate with Import-CsCertificate (it goes to Cert:\\LocalMachine\\Root), then assign again."),
  MissingIntermediate: kind('MissingIntermediate', 'SecurityError',
    'Import the intermediate CA certificate with Import-CsCertificate (it goes to Cert:\\LocalMachine\\CA), then assign again.'),
  NoPrivateKey: kind('NoPrivateKey', 'InvalidData',
    'Import the certificate with its private key (a .pfx with -Password), or answer the request that created the key.'),
  NotExportable: kind('PrivateKeyNotExportable', 'PermissionDenied',
    'Request the certificate again with -PrivateKeyExportable $true.'),
  WrongPassword: kind('WrongPassword', 'AuthenticationError', 'Give the password the file was protected with (-Password).'),
  PassphraseMissing: kind('PassphraseMissing', 'AuthenticationError',
    "Set the environment variable the configuration's keyPassphraseEnv names (default CSCERT_KEY_PASSPHRASE) to the store's passphrase."),
  Malformed: kind('MalformedCertificateFile', 'InvalidData',
    'Give a .pfx/.p12, .cer/.crt/.der/.pem or .p7b file holding certificates.'),
  Unsupported: kind('UnsupportedCertificateFeature', 'NotImplemented', 'See Get-Help for what the cmdlet supports.'),
  InvalidConfig: kind('InvalidConfiguration', 'InvalidData', 'Correct the configuration file named in the message.'),
  TopologyIncomplete: kind('TopologyIncomplete', 'ObjectNotFound', 'Complete the topology in the configuration file.'),
  NotNeeded: kind('CertificateTypeNotNeeded', 'InvalidArgument',
    "Request only the types this computer's role needs; see Test-CsCertificateConfiguration."),
  Locked: kind('StoreLocked', 'ResourceBusy', 'Another cscert process is changing the store; try again when it finishes.'),
  Pending: kind('CertificateRequestPending', 'ResourceUnavailable',
    'Wait for approval (Approve-CsCertificateRequest), then run Request-CsCertificate -Retrieve.'),
  Denied: kind('CertificateRequestDenied', 'PermissionDenied', 'Correct the request (template, names) and request again.'),
  UsageMissing: kind('MissingServerAuthentication', 'InvalidData',
    'Request a certificate from a template that grants Server Authentication (WebServer).'),
  InvalidArgument: kind('InvalidCertificateArgument', 'InvalidArgument', 'Check the value against Get-Help.'),
  StoreVersion: kind('StoreVersionTooNew', 'InvalidData', 'Use a newer cscert with this store.'),
  Offline: kind('OfflineRequest', 'InvalidOperation',
    "Send the request file to the CA, then import its answer with Import-CsCertificate."),
  Failed: kind('CertificationAuthorityFailed', 'ConnectionError', "Check the CA's settings and that it is reachable, then request again."),
  InvalidCertificate: kind('CertificateProfileInvalid', 'InvalidData',
    'Use a certificate that follows the server-certificate profile; Test-CsCertificate -Detailed lists what is wrong.'),
  NameMismatch: kind('CertificateNameMismatch', 'InvalidData',
    'Request a certificate whose subject alternative names include the name (Request-CsCertificate -DomainName).'),
  WeakCrypto: kind('WeakCertificateCryptography', 'SecurityError',
    'Request a new certificate with a key of 2048 bits or more, signed with SHA-256 or better.'),
};

/** Conditions the cmdlets detect themselves. */
export const CMDLET_KINDS = {
  RollWithoutEffectiveDate: kind('RollWithoutEffectiveDate', 'InvalidArgument', 'Add -EffectiveDate with the date the certificate takes over.'),
  EffectiveDateWithoutRoll: kind('EffectiveDateWithoutRoll', 'InvalidArgument', 'Add -Roll to stage the certificate for -EffectiveDate.'),
  UnknownCertType: kind('UnknownCertType', 'InvalidArgument', 'Use one of the values Get-Help Set-CsCertificate -Parameter Type lists.'),
  CertTypeRequired: kind('CertTypeRequired', 'InvalidArgument', 'Name the usages with -Type, e.g. -Type Default,WebServicesInternal.'),
  UnknownCertificationAuthority: kind('UnknownCertificationAuthority', 'ObjectNotFound',
    'Use one of the names Get-CsCertificateAuthority lists, or add the CA under authorities in the configuration.'),
  CertificateRequestNotFound: kind('CertificateRequestNotFound', 'ObjectNotFound', 'Run Request-CsCertificate -List to see the request ids.'),
  NoCertificateRequest: kind('NoCertificateRequest', 'ObjectNotFound', 'Create one with Request-CsCertificate -New.'),
  InvalidThumbprint: kind('InvalidThumbprint', 'InvalidArgument', 'A thumbprint is 40 hexadecimal digits; copy it from Get-ChildItem Cert:\\LocalMachine\\My.'),
  InvalidIdentity: kind('InvalidIdentity', 'InvalidArgument', "Use 'global', or leave -Identity out for this computer."),
  CertificateFileNotFound: kind('CertificateFileNotFound', 'ObjectNotFound', 'Check the path; relative paths start at the current directory.'),
  PasswordRequired: kind('PasswordRequired', 'InvalidArgument', 'Give the file password with -Password.'),
  NotACertificateFile: kind('NoCertificateInFile', 'InvalidData', 'The file holds no certificate to import.'),
  ComputerNotFound: kind('ComputerNotFound', 'ObjectNotFound', 'Run Get-CsComputer to list the computers of the topology.'),
  PoolNotFound: kind('PoolNotFound', 'ObjectNotFound', 'Run Get-CsPool to list the pools of the topology.'),
  SipDomainNotFound: kind('SipDomainNotFound', 'ObjectNotFound', 'Run Get-CsSipDomain to list the SIP domains.'),
  CertificateInUse: kind('CertificateInUse', 'InvalidOperation', 'Un-assign it first with Remove-CsCertificate -Type <usage>.'),
  AbilityNotAvailable: kind('AbilityNotAvailable', 'NotImplemented', 'Use an authority whose kind supports it (kind: local).'),
  CertificateStoreError: kind('CertificateStoreError', 'InvalidOperation', 'Run the command again with -Verbose for details.'),
} as const satisfies Record<string, ErrorKind>;
export type CmdletErrorName = keyof typeof CMDLET_KINDS;

/** An error the cmdlets raise themselves; the hint defaults to the condition's own. */
export function csError(name: CmdletErrorName, message: string, target?: unknown, hint?: string): ShellError {
  const k = CMDLET_KINDS[name];
  return new ShellError(k.id, k.category, message, { target, hint: hint ?? k.hint });
}

/**
 * A CertError by shape, not by class: the domain is loaded with `await import()` and a loader may
 * give it a module instance of its own, whose class is not this file's CertError.
 */
const isCertError = (error: unknown): error is CertError =>
  error instanceof Error && error.name === 'CertError' && typeof (error as CertError).code === 'string'
  && (error as CertError).code in CODE_KINDS;

/** A ShellError of another instance of lib/core (raised in a lazily imported module): rebuilt as ours. */
const isForeignShellError = (error: unknown): error is ShellError =>
  error instanceof Error && error.name === 'ShellError' && typeof (error as ShellError).id === 'string'
  && typeof (error as ShellError).category === 'string';

/** The error a domain code stands for, when the domain answered rather than threw (a Denied request). */
export const fromCode = (code: CertErrorCode, message: string, target?: string): ShellError =>
  toShellError(new CertError(code, message, { target }));

/**
 * Any failure as a ShellError: a ShellError as it is, a CertError by its code (the domain's own
 * hint wins: it names the concrete thing), a file-system error by its errno, else a generic one.
 * `as` re-labels a code where the caller knows better (NotFound of a request id...).
 */
export function toShellError(error: unknown, as: Partial<Record<CertErrorCode, CmdletErrorName>> = {}): ShellError {
  if (error instanceof ShellError) return error;
  if (isForeignShellError(error)) return new ShellError(error.id, error.category, error.message, error.more);
  if (isCertError(error)) {
    const renamed = as[error.code];
    const k = renamed ? CMDLET_KINDS[renamed] : CODE_KINDS[error.code];
    return new ShellError(k.id, k.category, error.message, { target: error.target, hint: error.hint ?? k.hint, cause: error });
  }
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  const path = (error as NodeJS.ErrnoException | undefined)?.path;
  if (errno === 'ENOENT') return csError('CertificateFileNotFound', `Cannot find the file '${path}'.`, path);
  if (errno === 'EACCES' || errno === 'EPERM')
    return new ShellError('FileAccessDenied', 'PermissionDenied', `Access to '${path}' is denied.`,
      { target: path, hint: 'Check the permissions of the file and its directory.', cause: error });
  const message = error instanceof Error ? error.message : String(error);
  const k = CMDLET_KINDS.CertificateStoreError;
  return new ShellError(k.id, k.category, message, { hint: k.hint, cause: error });
}
