// What every rule receives: one candidate certification path (leaf first, trust anchor last when
// the path is anchored) and the policy it is judged under. A rule is a pure function from this
// to problems; validate.ts runs them all. Imports the model and extension decoders only.

import type { CertificateModel } from '../certificate-model.js';
import type { KeyUsageName } from '../extension-decoders.js';

export interface ValidationPolicy {
  /** The instant the path must be valid at (notBefore and notAfter are both inclusive). */
  at: Date;
  /** The name a client would connect to; checked against the leaf's DNS SANs only (RFC 6125). */
  dnsName?: string;
  /** A TLS server certificate under the Web PKI (CA/B Forum) profile: serverAuth EKU present, leaf not a CA. */
  serverAuth: boolean;
  /** Key usages the leaf must assert when it has a keyUsage extension. */
  leafKeyUsage?: KeyUsageName[];
  /**
   * Web PKI rules that private PKIs commonly break without harm (a root carrying an EKU, as
   * Pebble's and some enterprise roots do; a CN the SANs omit, as Skype Edge certificates do)
   * are errors only when strict; otherwise warnings.
   */
  strict?: boolean;
  /** At most this many logical intermediates between leaf and anchor (a self-issued re-key counts once). */
  maxIntermediates?: number;
}

export interface PathContext {
  path: CertificateModel[];
  /** The last certificate is a trust anchor (from Root or -TrustedPath). */
  anchored: boolean;
  policy: ValidationPolicy;
}

export const isLeaf = (context: PathContext, index: number): boolean => index === 0;
export const isAnchor = (context: PathContext, index: number): boolean => context.anchored && index === context.path.length - 1;
