// What a careful import says about a certificate it accepts but that cannot serve as it is:
// expired or not yet valid, signed with MD5 or SHA-1, an RSA key under 2048 bits. Importing such
// a certificate is allowed (an old root, a certificate kept for the record); assigning it is
// refused by the chain validator (validation/rules). Imports only the domain's own types.

import type { CertificateInfo } from './parse.js';

const WEAK_SIGNATURES: Record<string, string> = {
  '1.2.840.113549.1.1.2': 'MD2', '1.2.840.113549.1.1.4': 'MD5', '1.2.840.113549.1.1.5': 'SHA-1',
  '1.2.840.10045.4.1': 'SHA-1', '1.2.840.10040.4.3': 'SHA-1', '1.3.14.3.2.29': 'SHA-1',
};

const day = (date: Date) => date.toISOString().slice(0, 10);

export function importWarnings(info: CertificateInfo, at: Date): string[] {
  const warnings: string[] = [];
  const name = `The certificate '${info.subject}'`;
  if (info.notAfter < at) warnings.push(`${name} expired on ${day(info.notAfter)}; it cannot be assigned.`);
  if (info.notBefore > at) warnings.push(`${name} is not valid before ${day(info.notBefore)}; it cannot be assigned until then.`);
  const hash = WEAK_SIGNATURES[info.signatureAlgorithm];
  if (hash && !info.selfSigned) warnings.push(`${name} is signed with ${hash}, which is no longer accepted; it cannot be assigned.`);
  if (info.keyAlgorithm === 'RSA' && info.keySize < 2048)
    warnings.push(`${name} has an RSA key of ${info.keySize} bits (at least 2048 are needed); it cannot be assigned.`);
  return warnings;
}
