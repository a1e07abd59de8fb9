// Whether a certificate may be assigned to usages (Set-CsCertificate, the wizard's Assign): it
// needs its private key, must be within its validity, carry serverAuth, and chain through the
// CA store to a root in Root. Failures name the certificate to import, as the wizard's status
// page does. Also: which scope a usage lives in.

import { CertError } from '../errors.js';
import { GLOBAL_TYPES, type CertType } from '../cert-types.js';
import type { StoreView, StoredCertificate } from '../store/view.js';
import { assertTrusted, buildChain, type ChainResult } from '../x509/chain.js';
import { fromPem } from '../x509/pem-text.js';

export interface Assessment { certificate: StoredCertificate; chain: ChainResult; canAssign: boolean; problems: string[] }

/**
 * The chain and every reason the certificate cannot be assigned (none: it can). `sentChain`: the
 * chain the CA answered with, when the caller has it at hand (else read from the request).
 */
export async function assess(store: StoreView, thumbprint: string, at: Date, sentChain?: Buffer[]): Promise<Assessment> {
  const certificate = await store.require(thumbprint);
  const chain = buildChain(certificate.der, { ...(await store.chainCertificates()), at, requireServerAuth: true,
    unstored: sentChain ?? await chainSentWith(store, certificate) });
  const problems = chain.problems.map((p) => p.message);
  if (!certificate.hasPrivateKey) problems.unshift(`The certificate '${certificate.thumbprint}' has no private key in the store.`);
  return { certificate, chain, canAssign: problems.length === 0, problems };
}

/** The chain the CA sent when it issued the certificate (none for imported ones). */
async function chainSentWith(store: StoreView, certificate: StoredCertificate): Promise<Buffer[]> {
  const request = certificate.requestId === undefined ? undefined : await store.request(certificate.requestId);
  return (request?.chain ?? []).map((pem) => fromPem(pem, 'CERTIFICATE'));
}

/** Throws the first reason as a CertError (NoPrivateKey, Expired, UsageMissing, Untrusted, MissingIntermediate). */
export async function assertAssignable(store: StoreView, thumbprint: string, at: Date): Promise<Assessment> {
  const assessment = await assess(store, thumbprint, at);
  if (!assessment.certificate.hasPrivateKey)
    throw new CertError('NoPrivateKey', assessment.problems[0]!, { target: assessment.certificate.thumbprint,
      hint: 'Import the certificate with its private key (a .pfx), or request a new one.' });
  assertTrusted(assessment.chain);
  return assessment;
}

/** OAuthTokenIssuer lives at the global scope; every other usage on the computer. */
export const scopeFor = (type: CertType | string, computer: string, identity?: string): string =>
  identity?.toLowerCase() === 'global' || GLOBAL_TYPES.includes(type as CertType) ? 'global' : computer.toLowerCase();
