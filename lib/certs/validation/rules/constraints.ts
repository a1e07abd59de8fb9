// Basic constraints, path length and key usage (RFC 5280 §4.2.1.3, §4.2.1.9, §6.1.4): every
// certificate that issued another must be a CA with a critical basicConstraints and, when it has
// a keyUsage, keyCertSign; pathLenConstraint counts the non-self-issued intermediates below it;
// keyCertSign or a pathLen on a non-CA is inconsistent. Also the caller's chain depth limit.

import type { CertificateModel } from '../certificate-model.js';
import { problem, type ValidationProblem } from '../problems.js';
import type { PathContext } from './context.js';

function issuerProblems(certificate: CertificateModel): ValidationProblem[] {
  const name = `'${certificate.subject}'`;
  const constraints = certificate.basicConstraints;
  if (!constraints?.ca) return [problem('NotCA', certificate,
    `The certificate ${name} issued another certificate but is not a CA certificate (basicConstraints cA is ${constraints ? 'false' : 'absent'}).`)];
  const found: ValidationProblem[] = [];
  if (!constraints.critical) found.push(problem('Profile', certificate, `The CA certificate ${name} has a basicConstraints extension that is not critical.`));
  if (certificate.keyUsage && !certificate.keyUsage.has('keyCertSign'))
    found.push(problem('KeyUsage', certificate, `The CA certificate ${name} has a key usage without keyCertSign, so it may not sign certificates.`));
  return found;
}

function consistencyProblems(certificate: CertificateModel): ValidationProblem[] {
  const constraints = certificate.basicConstraints;
  const name = `'${certificate.subject}'`;
  const found: ValidationProblem[] = [];
  if (certificate.keyUsage?.has('keyCertSign') && !constraints?.ca)
    found.push(problem('KeyUsage', certificate, `The certificate ${name} asserts keyCertSign but is not a CA certificate.`));
  if (constraints?.pathLength !== undefined && (!constraints.ca || (certificate.keyUsage && !certificate.keyUsage.has('keyCertSign'))))
    found.push(problem('Profile', certificate, `The certificate ${name} has a pathLenConstraint without being a CA that may sign certificates.`));
  return found;
}

/** Intermediates below position `index` that count towards path lengths (self-issued ones do not, RFC 5280 §6.1.4 (l)). */
const countedBelow = (path: CertificateModel[], index: number) => path.slice(1, index).filter((c) => !c.selfIssued).length;

export function constraintsRule(context: PathContext): ValidationProblem[] {
  const { path } = context;
  const found: ValidationProblem[] = [];
  path.forEach((certificate, index) => {
    if (index > 0) found.push(...issuerProblems(certificate));
    found.push(...consistencyProblems(certificate));
    const limit = certificate.basicConstraints?.ca ? certificate.basicConstraints.pathLength : undefined;
    if (index > 0 && limit !== undefined && countedBelow(path, index) > limit)
      found.push(problem('PathLengthExceeded', certificate,
        `The CA certificate '${certificate.subject}' allows ${limit} intermediate CA(s) below it, but the path has ${countedBelow(path, index)}.`));
  });
  const max = context.policy.maxIntermediates;
  const top = context.anchored ? path.length - 1 : path.length;
  if (max !== undefined && countedBelow(path, top) > max)
    found.push(problem('PathTooLong', path[0]!, `The path from '${path[0]!.subject}' has ${countedBelow(path, top)} intermediate CAs; at most ${max} are allowed.`));
  return found;
}
