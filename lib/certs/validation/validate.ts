// The one chain validator: Set-CsCertificate, Get-CsCertificateStatus, Test-CsCertificateConfiguration
// (through buildChain/assess) and Test-CsCertificate all call `validateCertificate`. It builds
// every candidate path from the leaf to a trust anchor, judges each with the rules (validity,
// constraints, usage, name constraints, host name, key and signature strength, profile) and
// keeps the first path without errors; failing that, the path with the fewest, and reports the
// chain link by link (Trusted / Present / Missing, and where each certificate came from) with
// every problem. Synchronous; fetching missing intermediates is aia-fetch.ts's business.

import { modelCertificate, type CertificateModel, type CertificateSource } from './certificate-model.js';
import { DEFAULT_LIMITS, PathBuilder, type BuildLimits, type Candidate } from './path-builder.js';
import { isError, problem, problemByName, type ValidationProblem } from './problems.js';
import type { PathContext, ValidationPolicy } from './rules/context.js';
import { constraintsRule } from './rules/constraints.js';
import { cryptoStrengthRule } from './rules/crypto-strength.js';
import { hostNameRule } from './rules/host-name.js';
import { nameConstraintsRule } from './rules/name-constraints.js';
import { profileRule } from './rules/profile.js';
import { usageRule } from './rules/usage.js';
import { validityRule } from './rules/validity.js';

export type { ValidationPolicy } from './rules/context.js';
export type LinkStatus = 'Trusted' | 'Present' | 'Missing';

export interface ValidationLink {
  status: LinkStatus;
  subject: string;
  issuer?: string;
  thumbprint?: string;
  notBefore?: Date;
  notAfter?: Date;
  source?: CertificateSource;
  reason?: string;
}

export interface ValidationResult {
  valid: boolean;
  /** Leaf first; the trust anchor, or the missing link, last. */
  chain: ValidationLink[];
  /** Errors first, then warnings; errors of the leaf before those of its issuers. */
  problems: ValidationProblem[];
  /** The top certificate whose issuer was not found (AIA fetching starts there). */
  missingIssuerOf?: CertificateModel;
}

export interface CertificateInput { der: Buffer; source: CertificateSource }

export interface ValidationInput {
  leaf: Buffer;
  leafSource?: CertificateSource;
  anchors: CertificateInput[];
  intermediates: CertificateInput[];
  /**
   * Certificates the CA sent with its answer that are in no store. They take part in building the
   * path so that the result can name what to import (the untrusted root first, then each
   * intermediate), but a path through one of them is never valid: each is a Missing link.
   */
  unstored?: CertificateInput[];
  policy: ValidationPolicy;
  /** How messages name where anchors live, e.g. "the Trusted Root store (Root)". */
  anchorPlace?: string;
  limits?: Partial<BuildLimits>;
}

const RULES = [validityRule, usageRule, hostNameRule, constraintsRule, nameConstraintsRule, cryptoStrengthRule, profileRule];

const ROOT_STORE = 'the Trusted Root store (Root)';

function toCandidates(list: CertificateInput[], anchor: boolean): Candidate[] {
  return list.flatMap(({ der, source }) => { try { return [{ model: modelCertificate(der), source, anchor }]; } catch { return []; } });
}

function judge(path: Candidate[], anchored: boolean, policy: ValidationPolicy): ValidationProblem[] {
  // A leaf that is itself a trust anchor is trusted as configured (Windows: a certificate in Root):
  // only its dates, names, key and encoding are judged, not what a server certificate must carry.
  if (anchored && path.length === 1) {
    const context: PathContext = { path: [path[0]!.model], anchored, policy: { ...policy, serverAuth: false } };
    return [validityRule, hostNameRule, cryptoStrengthRule, profileRule].flatMap((rule) => rule(context));
  }
  const context: PathContext = { path: path.map((c) => c.model), anchored, policy };
  return RULES.flatMap((rule) => rule(context));
}

const errorCount = (problems: ValidationProblem[]) => problems.filter(isError).length;

export function validateCertificate(input: ValidationInput): ValidationResult {
  let leafModel: CertificateModel;
  try { leafModel = modelCertificate(input.leaf); } catch (error) {
    return { valid: false, chain: [], problems: [problemByName('Malformed', '(unreadable certificate)',
      `The certificate is not a readable X.509 certificate: ${(error as Error).message}`)] };
  }
  const anchors = toCandidates(input.anchors, true);
  const leafIsAnchor = anchors.find((a) => a.model.thumbprint === leafModel.thumbprint);
  const leaf: Candidate = leafIsAnchor ?? { model: leafModel, source: input.leafSource ?? 'Leaf', anchor: false };
  const builder = new PathBuilder([...anchors, ...toCandidates(input.intermediates, false), ...toCandidates(input.unstored ?? [], false)], input.policy.at,
    { ...DEFAULT_LIMITS, ...input.limits });
  const outcome = builder.build(leaf);
  let best: { path: Candidate[]; problems: ValidationProblem[] } | undefined;
  for (const path of outcome.paths) {
    const problems = judge(path, true, input.policy);
    if (!best || errorCount(problems) < errorCount(best.problems)) best = { path, problems };
    if (errorCount(problems) === 0) break;
  }
  if (best) return finish(best.path, true, [...best.problems, ...unstoredProblems(best.path)], outcome.exhausted());
  const deadEnd = outcome.longestDeadEnd().length ? outcome.longestDeadEnd() : [leaf];
  const problems = [...judge(deadEnd, false, input.policy), ...unanchoredProblems(deadEnd, input.anchorPlace ?? ROOT_STORE),
    ...unstoredProblems(deadEnd)];
  return finish(deadEnd, false, problems, outcome.exhausted());
}

function finish(path: Candidate[], anchored: boolean, found: ValidationProblem[], exhausted: boolean): ValidationResult {
  const problems = [...found];
  const leaf = path[0]!.model;
  if (exhausted) problems.push(problem('PathBuildingLimit', leaf,
    `Building a path for '${leaf.subject}' took too many steps (loops or too many candidate issuers); the certificate is rejected.`));
  const chain: ValidationLink[] = path.map((c, i) => c.source === 'Response'
    ? { ...linkOf(c, 'Missing'), reason: 'Sent by the CA, but in no store of this computer.' }
    : linkOf(c, anchored && i === path.length - 1 ? 'Trusted' : 'Present'));
  const top = path[path.length - 1]!.model;
  if (!anchored && !top.selfIssued)
    chain.push({ status: 'Missing', subject: top.issuer, reason: 'Not found among the intermediate or trusted certificates.' });
  if (!anchored && top.selfIssued && path[path.length - 1]!.source !== 'Response') chain[chain.length - 1]!.reason = 'Self-signed, but not a trusted root.';
  const ordered = [...problems.filter(isError), ...problems.filter((p) => !isError(p))];
  return { valid: errorCount(problems) === 0 && anchored, chain, problems: dedupe(ordered),
    missingIssuerOf: !anchored && !top.selfIssued ? top : undefined };
}

function linkOf(candidate: Candidate, status: LinkStatus): ValidationLink {
  const m = candidate.model;
  return { status, subject: m.subject, issuer: m.issuer, thumbprint: m.thumbprint, notBefore: m.notBefore, notAfter: m.notAfter, source: candidate.source };
}

const dedupe = (list: ValidationProblem[]) => list.filter((p, i) => list.findIndex((q) => q.message === p.message) === i);

/** Each intermediate on the path that only the CA's answer supplied: the administrator must import it. */
function unstoredProblems(path: Candidate[]): ValidationProblem[] {
  return path.slice(1).filter((c) => c.source === 'Response' && !c.model.selfIssued).map((c) => problem('MissingIntermediate', c.model,
    `The intermediate CA certificate '${c.model.subject}' is not in the intermediate store (CA). Import it: Import-CsCertificate -Path <file holding '${c.model.subject}'>.`));
}

/** No anchor reached: either a self-signed root we do not trust, or an issuer we do not have. */
function unanchoredProblems(path: Candidate[], anchorPlace: string): ValidationProblem[] {
  const top = path[path.length - 1]!.model;
  if (top.selfIssued) return [problem('UntrustedRoot', top,
    `The root '${top.subject}' is not in ${anchorPlace}. Import it: Import-CsCertificate -Path <file holding '${top.subject}'>.`)];
  if (top.basicConstraints?.ca) return [problemByName('UntrustedRoot', top.issuer,
    `The root CA certificate '${top.issuer}' that issued '${top.subject}' is not in ${anchorPlace}. Import it: Import-CsCertificate -Path <file holding '${top.issuer}'>.`)];
  return [problemByName('MissingIntermediate', top.issuer,
    `The CA certificate '${top.issuer}' that issued '${top.subject}' is in neither the intermediate store (CA) nor ${anchorPlace}. Import it: Import-CsCertificate -Path <file holding '${top.issuer}'>.`)];
}
