// An ACME certification authority (`kind: acme`, RFC 8555) through acme-client: the account is
// created once and its key kept in the store (acme-state.ts); each request is an order for the
// CSR's subject and SANs (computed from the topology by the caller), answered with http-01 or
// dns-01 (acme-challenges.ts), finalized with our own CSR, and downloaded with its chain.
// An order that is not valid within `waitSeconds` answers Pending with the order URL as the CA
// request id, and retrieve() takes it further from wherever it stands; an invalid order answers
// Denied with the server's problem detail. Faults of the server or the network are CertError
// 'Failed' with the server's own words, and change nothing in the store. -Template has no
// meaning in ACME (the server decides the profile) and is ignored.
// Imports Node built-ins, the domain, and acme-client (lazily, through acme-library.ts).

import { X509Certificate, type KeyObject } from 'node:crypto';
import type { Authorization, Client, Order } from 'acme-client';
import type { AuthorityDescription, CertificateAuthority, IssueRequest, IssuedCertificate } from '../authority.js';
import { CertError } from '../errors.js';
import type { DomainEnv } from '../env.js';
import { openStore } from '../store/store.js';
import { csrToPem, parseCsr, type ParsedCsr } from '../x509/csr.js';
import { pemBlocks } from '../x509/pem-text.js';
import { dnsRecordName, HttpChallengeResponder, runDnsHook } from './acme-challenges.js';
import { describeFailure } from './acme-errors.js';
import { loadAcme, trustForOrigin } from './acme-library.js';
import { acmeTrust, externalAccountBinding, readAcmeSettings, type AcmeSettings } from './acme-settings.js';
import { AcmeState } from './acme-state.js';
import { describeOnline, saveChain } from './online-chain.js';

type OrderStatus = Order['status'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The order's identifiers: the subject's common name and every SAN, once each. */
export function identifiersOf(csr: ParsedCsr): { type: 'dns' | 'ip'; value: string }[] {
  const names = [...new Set([csr.commonName, ...csr.sans].filter((n): n is string => Boolean(n)).map((n) => n.toLowerCase()))];
  return names.map((value) => ({ type: /^[\d.]+$|:/.test(value) ? 'ip' : 'dns', value }));
}

export class AcmeAuthority implements CertificateAuthority {
  readonly kind = 'acme';
  private readonly settings: AcmeSettings;
  private readonly state: AcmeState;

  constructor(readonly name: string, raw: Record<string, unknown>, private readonly env: DomainEnv) {
    this.settings = readAcmeSettings(raw, name);
    this.state = new AcmeState(name, env);
  }

  async issue(request: IssueRequest): Promise<IssuedCertificate> {
    const csr = parseCsr(request.csr);   // Malformed before anything is sent
    const client = await this.connect();
    const order = await this.step('creating the order', () => client.createOrder({ identifiers: identifiersOf(csr) }));
    return this.advance(client, order, csrToPem(csr.der));
  }

  async retrieve(orderUrl: string): Promise<IssuedCertificate> {
    const record = this.state.order(orderUrl);
    const client = await this.connect();
    const order = await this.step('reading the order', () => client.getOrder({ url: orderUrl } as Order));
    return this.advance(client, order, record.csr);
  }

  describe(): Promise<AuthorityDescription> { return describeOnline(this.env, this.name, this.kind); }

  /** A client for the stored account, registering one (under the lock) on first use. */
  private async connect(): Promise<Client> {
    const acme = await this.step('loading acme-client', loadAcme);
    const { directory } = this.settings;
    trustForOrigin(directory, acmeTrust(this.settings, this.name));
    await openStore(this.env.storeRoot, this.env);   // the lock lives in the store's ca/ folder
    const existing = () => {
      const stored = this.state.account(directory);
      return stored && new acme.Client({ directoryUrl: directory, accountKey: keyPem(stored.key), accountUrl: stored.url });
    };
    return existing() ?? this.state.lock(async () => {
      const raced = existing();
      if (raced) return raced;
      const key = this.state.keyForNewAccount();
      const client = new acme.Client({ directoryUrl: directory, accountKey: keyPem(key),
        externalAccountBinding: externalAccountBinding(this.settings, this.name) });
      await this.step('creating the account', () => client.createAccount({ termsOfServiceAgreed: this.settings.termsOfServiceAgreed,
        ...(this.settings.email ? { contact: [`mailto:${this.settings.email}`] } : {}) }));
      this.state.saveAccount(key, directory, client.getAccountUrl());
      return client;
    });
  }

  /** Takes an order as far as it goes before the deadline: validate, finalize, download. */
  private async advance(client: Client, start: Order, csrPem: string): Promise<IssuedCertificate> {
    const deadline = Date.now() + this.settings.waitSeconds * 1000;
    let order = start;
    if (order.status === 'pending') order = await this.validate(client, order, deadline);
    if (order.status === 'ready') order = await this.step('finalizing the order', () => client.finalizeOrder(order, csrPem));
    order = await this.poll(client, order, ['processing'], deadline);
    if (order.status === 'valid') return this.download(client, order);
    if (order.status === 'invalid') return this.denied(client, order);
    this.state.saveOrder(order.url, csrPem);
    return { status: 'Pending', caRequestId: order.url,
      message: `The ACME order ${order.url} at '${this.name}' is ${order.status}; run Request-CsCertificate -Retrieve to complete it.` };
  }

  /** Answers the open challenges of the configured type, then waits for the order to leave 'pending'. */
  private async validate(client: Client, order: Order, deadline: number): Promise<Order> {
    const type = this.settings.challenge;
    const authorizations = await this.step('reading the authorizations', () => client.getAuthorizations(order));
    const responder = type === 'http-01' ? new HttpChallengeResponder(this.settings.http) : undefined;
    const answered = [];
    for (const authz of authorizations.filter((a) => a.status === 'pending')) {
      const challenge = authz.challenges.find((c) => c.type === type);
      if (!challenge) throw new CertError('Failed', `The ACME server '${this.name}' offers no ${type} challenge for ${authz.identifier.value} `
        + `(it offers ${authz.challenges.map((c) => c.type).join(', ') || 'none'}).`, { target: authz.identifier.value, hint: 'Set challenge to one it offers.' });
      if (challenge.status !== 'pending') continue;
      const keyAuthorization = await client.getChallengeKeyAuthorization(challenge);
      if (responder) responder.add((challenge as { token: string }).token, keyAuthorization);
      else await runDnsHook(this.settings.dnsHook!, 'present', dnsRecordName(authz.identifier.value), keyAuthorization);
      answered.push(challenge);
    }
    if (responder?.size) await responder.start();
    try {
      for (const challenge of answered) await this.step('answering a challenge', () => client.completeChallenge(challenge));
      return await this.poll(client, order, ['pending'], deadline);
    } finally {
      await responder?.stop();
    }
  }

  private async poll(client: Client, start: Order, waiting: OrderStatus[], deadline: number): Promise<Order> {
    let order = start;
    for (let delay = 20; waiting.includes(order.status) && Date.now() < deadline; delay = Math.min(delay * 2, 1000)) {
      await sleep(Math.min(delay, Math.max(0, deadline - Date.now())));
      order = await this.step('reading the order', () => client.getOrder(order));
    }
    return order;
  }

  private async download(client: Client, order: Order): Promise<IssuedCertificate> {
    const pem = await this.step('downloading the certificate', () => client.getCertificate(order));
    const [certificate, ...chain] = pemBlocks(pem).filter((b) => b.label === 'CERTIFICATE').map((b) => b.der);
    if (!certificate) throw new CertError('Failed', `The ACME server '${this.name}' sent no certificate for order ${order.url}.`, { target: order.url });
    for (const der of [certificate, ...chain]) new X509Certificate(der);   // garbage fails here, before the store sees it
    await this.cleanUp(client, order);
    this.state.removeOrder(order.url);
    saveChain(this.env, this.name, chain);
    return { status: 'Issued', certificate, chain, caRequestId: order.url, message: `Certificate issued by '${this.name}' (ACME order ${order.url}).` };
  }

  private async denied(client: Client, order: Order): Promise<IssuedCertificate> {
    const authorizations = await this.step('reading the authorizations', () => client.getAuthorizations(order));
    const reason = problemOf(order, authorizations);
    await this.cleanUp(client, order, authorizations);
    this.state.removeOrder(order.url);
    return { status: 'Denied', caRequestId: order.url, reason, message: `The ACME server '${this.name}' refused order ${order.url}: ${reason}` };
  }

  /** Removes the dns-01 records; a failure here must not lose a certificate, so it is ignored. */
  private async cleanUp(client: Client, order: Order, known?: Authorization[]): Promise<void> {
    if (this.settings.challenge !== 'dns-01') return;
    try {
      for (const authz of known ?? await client.getAuthorizations(order)) {
        const challenge = authz.challenges.find((c) => c.type === 'dns-01');
        if (challenge) await runDnsHook(this.settings.dnsHook!, 'cleanup', dnsRecordName(authz.identifier.value),
          await client.getChallengeKeyAuthorization(challenge));
      }
    } catch { /* a stale TXT record does no harm */ }
  }

  private async step<T>(doing: string, work: () => Promise<T>): Promise<T> {
    try { return await work(); } catch (error) {
      throw describeFailure(error, doing, { name: this.name, directory: this.settings.directory });
    }
  }
}

/** The server's problem detail for an invalid order: the order's own, else each failed challenge's. */
function problemOf(order: Order, authorizations: Authorization[]): string {
  const detail = (problem: unknown) => (problem as { detail?: string } | undefined)?.detail;
  const own = detail(order.error);
  if (own) return own;
  const failed = authorizations.flatMap((authz) => authz.challenges.map((c) => detail(c.error)).filter(Boolean)
    .map((text) => `${authz.identifier.value}: ${text}`));
  return failed.join('; ') || `the order is invalid (authorizations: ${authorizations.map((a) => `${a.identifier.value} ${a.status}`).join(', ')}).`;
}

const keyPem = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }) as string;

export const createAcmeAuthority = (settings: Record<string, unknown>, env: DomainEnv, name: string) => new AcmeAuthority(name, settings, env);
