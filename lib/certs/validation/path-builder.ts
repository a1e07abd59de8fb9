// Certification path building (RFC 4158, simplified): depth-first from the leaf, trying every
// certificate whose subject is the current issuer name and whose key verifies the signature,
// trust anchors and certificates valid at the time first. Cross-signs and several candidates
// yield several paths; loops are cut (a certificate, or the same subject and key, at most once
// per path); depth and the total work are bounded so pathological inputs end quickly.
// Uses X509Certificate.verify (native, ~15 µs per link); a certificate this process built is
// known to verify under the key that signed it.

import { publicKeyOf, type CertificateModel, type CertificateSource } from './certificate-model.js';

export interface Candidate { model: CertificateModel; source: CertificateSource; anchor: boolean }

export interface BuildLimits { maxDepth: number; maxSteps: number }
export const DEFAULT_LIMITS: BuildLimits = { maxDepth: 12, maxSteps: 4096 };

export interface BuildOutcome {
  /** Anchored paths found, leaf first, in preference order (lazily: see `paths`). */
  paths: Generator<Candidate[]>;
  /** Filled as building proceeds: the longest path that reached no anchor. */
  longestDeadEnd(): Candidate[];
  /** True once the step budget ran out. */
  exhausted(): boolean;
}

const nameKey = (model: CertificateModel, which: 'subject' | 'issuer') =>
  (which === 'subject' ? model.subjectRaw : model.issuerRaw).toString('hex');

/** Signature checks by (child, issuer) thumbprints, across validations: the store's chains are judged often. */
const verified = new Map<string, boolean>();
const VERIFIED_SIZE = 4096;

export class PathBuilder {
  private readonly bySubject = new Map<string, Candidate[]>();
  private steps = 0;
  private deadEnd: Candidate[] = [];

  constructor(candidates: Candidate[], private readonly at: Date, private readonly limits: BuildLimits = DEFAULT_LIMITS) {
    for (const candidate of candidates) {
      const key = nameKey(candidate.model, 'subject');
      const list = this.bySubject.get(key) ?? [];
      if (!list.some((c) => c.model.thumbprint === candidate.model.thumbprint && c.anchor === candidate.anchor)) list.push(candidate);
      this.bySubject.set(key, list);
    }
  }

  build(leaf: Candidate): BuildOutcome {
    return { paths: this.extend([leaf]), longestDeadEnd: () => this.deadEnd, exhausted: () => this.steps > this.limits.maxSteps };
  }

  private *extend(path: Candidate[]): Generator<Candidate[]> {
    if (++this.steps > this.limits.maxSteps) return;
    const top = path[path.length - 1]!;
    if (top.anchor) { yield path; return; }
    let extended = false;
    if (path.length <= this.limits.maxDepth) {
      for (const issuer of this.issuersOf(top.model, path)) {
        extended = true;
        yield* this.extend([...path, issuer]);
        if (this.steps > this.limits.maxSteps) return;
      }
    }
    if (!extended && path.length > this.deadEnd.length) this.deadEnd = path;
  }

  /** Issuers of `child` not yet on the path, best first. */
  private issuersOf(child: CertificateModel, path: Candidate[]): Candidate[] {
    const onPath = (c: Candidate) => path.some((p) => p.model.thumbprint === c.model.thumbprint
      || (p.model.subjectRaw.equals(c.model.subjectRaw) && sameKey(p.model, c.model)));
    const found = (this.bySubject.get(nameKey(child, 'issuer')) ?? []).filter((c) => !onPath(c) && this.verifies(child, c.model));
    const rank = (c: Candidate) => (c.anchor ? 4 : 0) + (this.validNow(c.model) ? 2 : 0) + (keyIdsMatch(child, c.model) ? 1 : 0);
    return found.sort((a, b) => rank(b) - rank(a));
  }

  private validNow = (model: CertificateModel) => model.notBefore <= this.at && this.at <= model.notAfter;

  private verifies(child: CertificateModel, issuer: CertificateModel): boolean {
    const key = child.thumbprint + issuer.thumbprint;
    this.steps++;
    let result = verified.get(key);
    if (result === undefined) {
      try { result = child.signedBy ? child.signedBy.equals(issuer.spki) : !!child.x509 && !!(issuer.x509 || issuer.signedBy) && child.x509.verify(publicKeyOf(issuer)); }
      catch { result = false; }
      if (verified.size >= VERIFIED_SIZE) verified.delete(verified.keys().next().value!);
      verified.set(key, result);
    }
    return result;
  }
}

const sameKey = (a: CertificateModel, b: CertificateModel): boolean =>
  a.spki.equals(b.spki) || (!!a.x509 && !!b.x509 && a.x509.publicKey.equals(b.x509.publicKey));

function keyIdsMatch(child: CertificateModel, issuer: CertificateModel): boolean {
  const wanted = child.authorityKeyIdentifier?.keyId;
  const have = issuer.subjectKeyIdentifier?.keyId;
  return !!wanted && !!have && wanted.equals(have);
}
