// Weak keys and signatures (CA/B Forum BR 6.1.5, 7.1.3): RSA keys of at least 2048 bits in whole
// bytes, EC keys only on P-256, P-384 or P-521 named curves, no DSA; no MD2/MD5/SHA-1 signatures.
// Keys are checked on every certificate of the path, the root included; signatures on all but a
// trust anchor, whose self-signature nobody relies on.

import type { CertificateModel } from '../certificate-model.js';
import { problem, type ValidationProblem } from '../problems.js';
import type { PathContext } from './context.js';

const NAMED_CURVES = new Set(['prime256v1', 'secp384r1', 'secp521r1']);

const WEAK_SIGNATURES: Record<string, string> = {
  '1.2.840.113549.1.1.2': 'MD2', '1.2.840.113549.1.1.4': 'MD5', '1.2.840.113549.1.1.5': 'SHA-1',
  '1.2.840.10045.4.1': 'SHA-1', '1.2.840.10040.4.3': 'SHA-1', '1.3.14.3.2.29': 'SHA-1',
};

function keyWeakness(certificate: CertificateModel): string | undefined {
  const key = certificate.key;
  if (certificate.explicitCurve) return 'an EC key given with explicit curve parameters instead of a named curve';
  if (!key) return undefined;   // unreadable keys are reported by the profile rule
  if (key.type === 'rsa' || key.type === 'rsa-pss') {
    if (key.bits < 2048) return `an RSA key of ${key.bits} bits (at least 2048 are needed)`;
    if (key.bits % 8 !== 0) return `an RSA key of ${key.bits} bits, not a whole number of bytes`;
    return undefined;
  }
  if (key.type === 'ec') return key.curve && NAMED_CURVES.has(key.curve) ? undefined
    : `an EC key on ${key.curve ? `the curve ${key.curve}` : 'explicitly given curve parameters'} (only P-256, P-384 and P-521 are allowed)`;
  return `a ${key.type.toUpperCase()} key, which TLS server certificates may not use`;
}

export function cryptoStrengthRule(context: PathContext): ValidationProblem[] {
  return context.path.flatMap((certificate, index) => {
    const found: ValidationProblem[] = [];
    const weakness = keyWeakness(certificate);
    if (weakness) found.push(problem('WeakKey', certificate, `The certificate '${certificate.subject}' has ${weakness}.`));
    const hash = WEAK_SIGNATURES[certificate.signatureOid];
    const isAnchor = context.anchored && index === context.path.length - 1;
    if (hash && !isAnchor) found.push(problem('WeakSignature', certificate,
      `The certificate '${certificate.subject}' is signed with ${hash}, which is no longer accepted.`));
    return found;
  });
}
