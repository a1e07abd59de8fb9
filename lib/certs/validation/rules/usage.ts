// What the leaf may be used for. Under the Web PKI profile (CA/B Forum BR 7.1.2.7) a TLS server
// certificate carries a non-critical EKU naming serverAuth (anyExtendedKeyUsage does not do),
// is not a CA, and intermediates that restrict EKUs must allow serverAuth; a root carries no EKU.
// The leaf's keyUsage, when present, must assert what the caller requires (RFC 5280 §4.2.1.3).

import type { CertificateModel } from '../certificate-model.js';
import { problem, type ValidationProblem } from '../problems.js';
import type { PathContext } from './context.js';

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const ANY_EKU = '2.5.29.37.0';

function leafServerProblems(leaf: CertificateModel): ValidationProblem[] {
  const name = `'${leaf.subject}'`;
  const found: ValidationProblem[] = [];
  if (leaf.basicConstraints?.ca)
    found.push(problem('CAAsLeaf', leaf, `The certificate ${name} is a CA certificate; a TLS server certificate must not be one.`));
  const eku = leaf.extendedKeyUsage;
  if (!eku) found.push(problem('ServerAuthMissing', leaf,
    `The certificate ${name} has no enhanced key usage; a TLS server certificate must name Server Authentication.`));
  else if (!eku.oids.includes(SERVER_AUTH)) found.push(problem('ServerAuthMissing', leaf,
    `The certificate ${name} lacks the Server Authentication enhanced key usage${eku.oids.includes(ANY_EKU) ? ' (Any Purpose is not enough)' : ''}.`));
  else if (eku.oids.includes(ANY_EKU)) found.push(problem('Profile', leaf,
    `The certificate ${name} names Any Purpose among its enhanced key usages, which a TLS server certificate must not.`));
  else if (eku.critical) found.push(problem('Profile', leaf, `The certificate ${name} has a critical enhanced key usage extension.`));
  return found;
}

function issuerEkuProblems(context: PathContext): ValidationProblem[] {
  return context.path.slice(1).flatMap((certificate, offset) => {
    const eku = certificate.extendedKeyUsage;
    if (!eku) return [];
    const isAnchor = context.anchored && offset === context.path.length - 2 && certificate.selfIssued;
    if (isAnchor) return [problem('Profile', certificate, `The root '${certificate.subject}' has an enhanced key usage extension, which a Web PKI root must not have.`,
      context.policy.strict ? 'Error' : 'Warning')];
    return eku.oids.includes(SERVER_AUTH) || eku.oids.includes(ANY_EKU) ? [] : [problem('ServerAuthMissing', certificate,
      `The CA certificate '${certificate.subject}' restricts its enhanced key usages and Server Authentication is not among them.`)];
  });
}

export function usageRule(context: PathContext): ValidationProblem[] {
  const leaf = context.path[0]!;
  const found = context.policy.serverAuth ? [...leafServerProblems(leaf), ...issuerEkuProblems(context)] : [];
  const missing = (context.policy.leafKeyUsage ?? []).filter((usage) => leaf.keyUsage && !leaf.keyUsage.has(usage));
  if (missing.length) found.push(problem('KeyUsage', leaf,
    `The certificate '${leaf.subject}' has a key usage without ${missing.join(', ')}.`));
  return found;
}
