// Request-CsCertificate -New and -Retrieve as one domain operation each: compute the names
// from the topology, make the key and CSR, write an offline request or submit to the CA, keep
// the request (and its key) in REQUEST, place an issued certificate in My with its key and any
// intermediates in CA, judge the chain, and assign when asked and allowed. A remote CA is asked
// outside the store lock; everything the answer changes is one store transaction. The embedded
// CA, which keeps its records in the store, answers inside that transaction (issueWithin): its
// record and the certificate commit together, in one group-commit batch with the requests this
// process makes meanwhile, instead of a durable write of the CA's own first.

import type { KeyObject } from 'node:crypto';
import { CertError, isCertError } from '../errors.js';
import type { CertType } from '../cert-types.js';
import type { CsConfig } from '../config-schema.js';
import type { DomainEnv } from '../env.js';
import { createAuthority, findAuthority, type CertificateAuthority, type IssueRequest, type IssuedCertificate } from '../authority.js';
import { computeNames, type ComputedNames } from '../topology.js';
import type { Store, StoreTransaction } from '../store/store.js';
import type { RequestRecord, RequestStatus } from '../store/layout.js';
import type { ChainResult } from '../x509/chain.js';
import { buildCsr, csrToPem } from '../x509/csr.js';
import { generateKey, type KeyAlgorithm } from '../x509/keys.js';
import { thumbprintOf } from '../x509/parse.js';
import { fromPem, toPem } from '../x509/pem-text.js';
import { assess, scopeFor } from './assign.js';

export interface NewRequestOptions {
  types: CertType[];
  computer?: string;
  domainNames?: string[];
  allSipDomain?: boolean;
  keyAlg?: KeyAlgorithm;
  keySize?: number;
  organization?: string; ou?: string; city?: string; state?: string; country?: string;
  friendlyName?: string;
  privateKeyExportable?: boolean;
  template?: string;
  clientEku?: boolean;
  /** -CA: a configured authority name; default: config.defaultAuthority. */
  ca?: string;
  /** -Output given: make an offline request and return its CSR instead of submitting. */
  offline?: boolean;
  /** -Assign (the wizard's check box): assign the usages once issued, if the chain allows. */
  assign?: boolean;
  /** The names computeNames gave for these options, when the caller has them already (and has shown them). */
  names?: ComputedNames;
}

export interface RequestResult {
  requestId: number;
  status: RequestStatus;
  thumbprint?: string;
  use: string[];
  ca?: string;
  subject: string;
  alternativeNames: string[];
  notAfter?: Date;
  chain?: ChainResult;
  canAssign: boolean;
  assigned: boolean;
  message: string;
  /** Offline requests: the PKCS#10 PEM to write to -Output. */
  csrPem?: string;
}

export async function requestCertificate(config: CsConfig, store: Store, env: DomainEnv, options: NewRequestOptions): Promise<RequestResult> {
  const computer = options.computer ?? config.computerFqdn;
  store.checkPassphrase();   // a missing or wrong passphrase for keys at rest, before a key is made or a CA asked
  const names = options.names ?? computeNames(config, { types: options.types, computer, domainNames: options.domainNames, allSipDomain: options.allSipDomain });
  const d = config.defaults;
  const keyPair = await generateKey({ alg: options.keyAlg ?? d.keyAlg, size: options.keySize ?? d.keySize });
  // An offline request names its template inside the file: the CA reading it has no other way to learn it.
  const csr = buildCsr({ keyPair, sans: names.sans, clientEku: options.clientEku, template: options.offline ? options.template ?? d.template : undefined, subject: { commonName: names.subject,
    organization: options.organization ?? d.organization, organizationalUnit: options.ou ?? d.ou, locality: options.city ?? d.city,
    state: options.state ?? d.state, country: options.country ?? d.country } });
  const record: Omit<RequestRecord, 'id' | 'createdAt'> = { status: 'Offline', subject: `CN=${names.subject}`, sans: names.sans,
    types: options.types, csr: csrToPem(csr.der), friendlyName: options.friendlyName, exportable: options.privateKeyExportable ?? d.privateKeyExportable,
    assign: options.assign, scope: computer };
  if (options.offline) {
    const saved = await store.addRequest(record, keyPair.privateKey);
    return { ...baseResult(saved), message: 'The certificate request was written; import the CA\'s answer with Import-CsCertificate.', csrPem: record.csr };
  }
  const authorityConfig = findAuthority(config.authorities, options.ca, config.defaultAuthority);
  const authority = createAuthority(authorityConfig, env);
  const issueRequest: IssueRequest = { csr: csr.der, built: csr, template: options.template ?? d.template, clientEku: options.clientEku };
  // A CA that failed (unreachable, garbage, a refused account) leaves nothing behind: no request, no key.
  const succeeded = (answer: IssuedCertificate) => {
    if (answer.status === 'Failed') throw new CertError('Failed', answer.message, { target: authorityConfig.name, cause: answer.error });
    return answer;
  };
  const keep = (tx: StoreTransaction, answer: IssuedCertificate) => keepAnswer(tx, env, { ...record, authority: authorityConfig.name }, answer, keyPair.privateKey);
  if (issuesInStore(authority)) {
    await authority.ensureCreated();   // a transaction of its own the first time: not inside the one below
    return store.transaction(async (tx) => keep(tx, succeeded(await askAuthority(async () => authority.issueWithin(tx, issueRequest)))));
  }
  const answer = succeeded(await askAuthority(() => authority.issue(issueRequest)));
  return store.transaction(async (tx) => keep(tx, answer));
}

/** An authority that keeps its records in the store and can answer inside a store transaction (the embedded CA). */
interface InStoreAuthority {
  ensureCreated(): Promise<unknown>;
  issueWithin(tx: StoreTransaction, request: IssueRequest): IssuedCertificate;
}
const issuesInStore = (authority: CertificateAuthority): authority is CertificateAuthority & InStoreAuthority =>
  typeof (authority as Partial<InStoreAuthority>).issueWithin === 'function';

/** Keeps the request with the CA's answer, and what an Issued answer brings. */
async function keepAnswer(tx: StoreTransaction, env: DomainEnv, record: Omit<RequestRecord, 'id' | 'createdAt'>,
  answer: IssuedCertificate, key: KeyObject): Promise<RequestResult> {
  // A denied request stays listed (Request-CsCertificate -List / -Clear), but its key is of no further use; an
  // issued one's key goes beside the certificate in My, so only a pending request keeps its own. An issued
  // one is recorded as such at once.
  const saved = await tx.addRequest({ ...record, status: answer.status,
    caRequestId: 'caRequestId' in answer ? answer.caRequestId : undefined, message: answer.message,
    ...(answer.status === 'Issued' ? issuedFields(answer) : {}) },
  answer.status === 'Pending' ? key : undefined);
  return complete(tx, env, saved, answer, key);
}

/**
 * What the request record keeps of an issued certificate. The CA's certificates are not filed in
 * Root or CA: trusting them is the administrator's step (SPEC §1.4, §6). They are kept with the
 * request, so that the status can name each one to import.
 */
const issuedFields = (answer: Extract<IssuedCertificate, { status: 'Issued' }>) =>
  ({ status: 'Issued' as const, thumbprint: thumbprintOf(answer.certificate), message: answer.message,
    chain: answer.chain.map((der) => toPem('CERTIFICATE', der)) });

/** -Retrieve: asks the CA again about a Pending request and completes it when issued. */
export async function retrieveRequest(config: CsConfig, store: Store, env: DomainEnv, requestId: number): Promise<RequestResult> {
  const request = await store.request(requestId);
  if (!request) throw new CertError('NotFound', `No certificate request with id ${requestId}.`, { target: String(requestId) });
  if (request.status !== 'Pending' || !request.authority || !request.caRequestId) return { ...baseResult(request), message: request.message ?? request.status };
  const authority = createAuthority(findAuthority(config.authorities, request.authority, config.defaultAuthority), env);
  if (!authority.retrieve) throw new CertError('Unsupported', `The CA '${request.authority}' cannot be asked about pending requests.`);
  const answer = await askAuthority(() => authority.retrieve!(request.caRequestId!));
  return store.transaction(async (tx) => {
    const key = await tx.requestKey(requestId);
    if (!key) throw new CertError('NoPrivateKey', `The private key of request ${requestId} is missing.`, { target: String(requestId) });
    // complete() records an issued answer; anything else only changes the status.
    const current = answer.status === 'Issued' ? await tx.request(requestId) : await tx.updateRequest(requestId, { status: answer.status, message: answer.message });
    if (!current) throw new CertError('NotFound', `No certificate request with id ${requestId}.`, { target: String(requestId) });
    return complete(tx, env, current, answer, key);
  });
}

async function askAuthority(ask: () => Promise<IssuedCertificate>): Promise<IssuedCertificate> {
  try { return await ask(); } catch (error) {
    if (isCertError(error, 'Malformed') || isCertError(error, 'InvalidArgument') || isCertError(error, 'Locked') || isCertError(error, 'WrongPassword')
      || isCertError(error, 'PassphraseMissing')) throw error;
    const text = error instanceof Error ? error.message : String(error);
    return { status: 'Failed', error: text, message: `The certification authority failed: ${text}` };
  }
}

function baseResult(request: RequestRecord): RequestResult {
  return { requestId: request.id, status: request.status, use: request.types, ca: request.authority, subject: request.subject,
    alternativeNames: request.sans, canAssign: false, assigned: false, message: request.message ?? '' };
}

/** Stores what an Issued answer brings and assigns if asked; other answers only update the record. */
async function complete(tx: StoreTransaction, env: DomainEnv, request: RequestRecord, answer: IssuedCertificate, key: KeyObject): Promise<RequestResult> {
  if (answer.status !== 'Issued') return { ...baseResult(request), status: answer.status, message: answer.message };
  const thumbprint = thumbprintOf(answer.certificate);
  await tx.add('My', answer.certificate, { key, friendlyName: request.friendlyName, exportable: request.exportable, requestId: request.id });
  if (request.status !== 'Issued') {   // a pending request, retrieved
    await tx.updateRequest(request.id, issuedFields(answer));
    await tx.dropRequestKey(request.id);   // the key now lives beside the certificate in My
  }
  const assessment = await assess(tx, thumbprint, env.now(), answer.chain);
  let assigned = false;
  if (request.assign && assessment.canAssign) {
    for (const type of request.types) await tx.assign(scopeFor(type, request.scope ?? ''), [type], thumbprint);
    assigned = true;
  }
  const message = assessment.canAssign ? answer.message
    : `${answer.message} The certificate cannot be assigned: ${assessment.problems.join(' ')}`;
  return { ...baseResult(request), status: 'Issued', thumbprint, notAfter: assessment.certificate.notAfter,
    chain: assessment.chain, canAssign: assessment.canAssign, assigned, message };
}

export const requestFromPem = (pem: string): Buffer => fromPem(pem, 'CERTIFICATE REQUEST');
