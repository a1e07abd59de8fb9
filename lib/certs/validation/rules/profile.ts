// Structural rules every certificate on the path must follow (RFC 5280 §4.1-4.2 and the CA/B
// Forum profile): v3, a sane serial, non-empty names, no duplicate or unknown critical
// extensions, matching signature algorithms, AKI/SKI present and well formed, SAN and policy
// constraint criticality, AIA not critical. Each failure names the certificate and the field.

import type { CertificateModel } from '../certificate-model.js';
import { EXTENSION_OID } from '../extension-decoders.js';
import { problem, type ValidationProblem } from '../problems.js';
import type { PathContext } from './context.js';

/** Extensions we process or that are safe to ignore when critical. */
const UNDERSTOOD = new Set<string>([
  ...Object.values(EXTENSION_OID),
  '2.5.29.31', // CRL distribution points
  '2.5.29.32', // certificate policies (no policy processing: any policy is acceptable)
  '2.5.29.33', '2.5.29.54', // policy mappings, inhibitAnyPolicy
  '2.5.29.18', // issuer alternative name
  '2.5.29.46', // freshest CRL
  '1.3.6.1.4.1.11129.2.4.2', // embedded SCTs
  '1.3.6.1.5.5.7.1.24', // TLS feature (OCSP must-staple)
]);

function serialProblems(certificate: CertificateModel): string[] {
  const serial = certificate.serial;
  if (serial.length === 0 || serial.every((byte) => byte === 0)) return ['its serial number is zero'];
  if (serial[0]! & 0x80) return ['its serial number is negative'];
  const significant = serial[0] === 0 ? serial.length - 1 : serial.length;
  return significant > 20 ? ['its serial number is longer than 20 octets'] : [];
}

function extensionProblems(certificate: CertificateModel): string[] {
  const found: string[] = [];
  const oids = certificate.extensions.map((e) => e.oid);
  const duplicates = oids.filter((oid, i) => oids.indexOf(oid) !== i);
  if (duplicates.length) found.push(`it repeats the extension ${duplicates[0]}`);
  if (certificate.subjectAltName?.critical && certificate.subjectRdnCount > 0)
    found.push('its subject alternative name is critical although its subject is not empty');
  if (certificate.subjectAltName && !certificate.subjectAltName.critical && certificate.subjectRdnCount === 0)
    found.push('its subject is empty but its subject alternative name is not critical');
  if (certificate.authorityInfoAccess?.critical) found.push('its authority information access extension is critical');
  if (certificate.policyConstraints && !certificate.policyConstraints.critical) found.push('its policy constraints are not critical');
  if (certificate.extendedKeyUsage && certificate.extendedKeyUsage.oids.length === 0) found.push('its extended key usage list is empty');
  if (certificate.subjectAltName && certificate.subjectAltName.names.length === 0) found.push('its subject alternative name is empty');
  return found;
}

/** AKI: required except on self-issued certificates and trust anchors (whose own issuer is not on the path); a
 * self-signed root's must only repeat its SKI. SKI: required on CAs. */
function keyIdentifierProblems(certificate: CertificateModel, isCA: boolean, isAnchor: boolean): string[] {
  const aki = certificate.authorityKeyIdentifier;
  const ski = certificate.subjectKeyIdentifier;
  const found: string[] = [];
  if (aki?.critical) found.push('its authority key identifier is critical');
  if (ski?.critical) found.push('its subject key identifier is critical');
  if (!certificate.selfIssued && !isAnchor && !aki?.keyId) found.push('it has no authority key identifier');
  if (certificate.selfSigned && aki && (aki.hasIssuer || aki.hasSerial || !aki.keyId || (ski && !aki.keyId.equals(ski.keyId))))
    found.push('its authority key identifier does not simply repeat its own key identifier');
  if (isCA && !ski) found.push('it is a CA certificate without a subject key identifier');
  return found;
}

export function profileRule(context: PathContext): ValidationProblem[] {
  return context.path.flatMap((certificate, index) => {
    const reasons = [...certificate.defects.map((d) => `it cannot be read (${d})`)];
    if (certificate.version !== 3) reasons.push(`it is a version ${certificate.version} certificate, not version 3`);
    // A trust anchor above the leaf is configured, not issued to us: old roots have serial 0.
    const anchorAbove = index > 0 && context.anchored && index === context.path.length - 1;
    if (!anchorAbove) reasons.push(...serialProblems(certificate));
    if (certificate.issuerRdnCount === 0) reasons.push('its issuer name is empty');
    if (index > 0 && certificate.subjectRdnCount === 0) reasons.push('it is a CA certificate with an empty subject');
    if (!certificate.tbsSignatureAlgorithm.equals(certificate.outerSignatureAlgorithm))
      reasons.push('its signed and outer signature algorithms differ');
    reasons.push(...extensionProblems(certificate), ...keyIdentifierProblems(certificate, index > 0, context.anchored && index === context.path.length - 1));
    const unknown = certificate.extensions.filter((e) => e.critical && !UNDERSTOOD.has(e.oid));
    const found = reasons.map((why) => problem(certificate.defects.length ? 'Malformed' : 'Profile', certificate,
      `The certificate '${certificate.subject}' is not a valid X.509 certificate for TLS: ${why}.`));
    for (const extension of unknown) found.push(problem('UnknownCriticalExtension', certificate,
      `The certificate '${certificate.subject}' has the critical extension ${extension.oid}, which cscert does not understand, so it must be rejected.`));
    return found;
  });
}
