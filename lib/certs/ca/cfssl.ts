// A CFSSL certification authority (`kind: cfssl`): CFSSL's remote signing API. The CSR goes to
// /api/v1/cfssl/sign, or, when `authKeyEnv` names a variable holding the hex HMAC key the
// server's auth_keys share, to /api/v1/cfssl/authsign as { token: HMAC-SHA256(key, request),
// request } (the key itself is never in the configuration, a message or a log). -Template picks
// the signing profile through `profiles` (an unmapped template uses the server's default
// profile). The CA's certificate, which is the chain the caller places (and, when it is a root,
// what the user must trust), comes from /api/v1/cfssl/info. CFSSL signs at once: the answer is
// Issued, Denied (a policy refusal, code 5xxx) or a CertError 'Failed' carrying the server's
// own message; nothing is written to the store before a certificate arrives.
// Imports Node built-ins (node:http/https lazily) and the domain.

import { createHmac, X509Certificate } from 'node:crypto';
import type { AuthorityDescription, CertificateAuthority, IssueRequest, IssuedCertificate } from '../authority.js';
import { CertError } from '../errors.js';
import type { DomainEnv } from '../env.js';
import { csrToPem, parseCsr } from '../x509/csr.js';
import { pemBlocks } from '../x509/pem-text.js';
import { describeOnline, saveChain } from './online-chain.js';
import { readCaBundle, secretFromEnv, SettingsReader } from './settings-check.js';

export interface CfsslSettings { url: string; authKeyEnv?: string; profiles: Record<string, string>; label?: string; caBundle?: string }

interface CfsslAnswer { success?: boolean; result?: { certificate?: string }; errors?: { code?: number; message?: string }[] }

const REQUEST_TIMEOUT_MS = 30_000;

export function readCfsslSettings(settings: Record<string, unknown>, name: string): CfsslSettings {
  const read = new SettingsReader(settings, `authorities.${name}`, ['url', 'authKeyEnv', 'profiles', 'label', 'caBundle']);
  return { url: read.url('url', ['http:', 'https:']).replace(/\/+$/, ''), authKeyEnv: read.string('authKeyEnv'),
    profiles: read.stringMap('profiles'), label: read.string('label'), caBundle: read.string('caBundle') };
}

export class CfsslAuthority implements CertificateAuthority {
  readonly kind = 'cfssl';
  private readonly settings: CfsslSettings;

  constructor(readonly name: string, raw: Record<string, unknown>, private readonly env: DomainEnv) {
    this.settings = readCfsslSettings(raw, name);
  }

  async issue(request: IssueRequest): Promise<IssuedCertificate> {
    const csr = parseCsr(request.csr);   // Malformed before anything is sent
    const profile = this.profileFor(request.template);
    const body = Buffer.from(JSON.stringify({ certificate_request: csrToPem(csr.der), hosts: csr.sans,
      ...(profile ? { profile } : {}), ...(this.settings.label ? { label: this.settings.label } : {}) }));
    const answer = await this.call(this.settings.authKeyEnv ? 'authsign' : 'sign', this.signed(body));
    if (!answer.success) return this.refused(answer, 'signing the request');
    const certificate = this.certificateFrom(answer, 'sign');
    const chain = await this.chain(profile);
    saveChain(this.env, this.name, chain);
    return { status: 'Issued', certificate, chain, message: `Certificate issued by '${this.name}' (CFSSL${profile ? `, profile ${profile}` : ''}).` };
  }

  describe(): Promise<AuthorityDescription> { return describeOnline(this.env, this.name, this.kind); }

  private profileFor(template = 'WebServer'): string | undefined {
    const entry = Object.entries(this.settings.profiles).find(([name]) => name.toLowerCase() === template.toLowerCase());
    return entry?.[1];
  }

  /** The authsign envelope when an auth key is configured, else the request as it is. */
  private signed(request: Buffer): Buffer {
    if (!this.settings.authKeyEnv) return request;
    const setting = `authorities.${this.name}.authKeyEnv`;
    const key = secretFromEnv(this.settings.authKeyEnv, setting);
    if (!/^([0-9a-f]{2})+$/i.test(key))
      throw new CertError('InvalidConfig', `The environment variable ${this.settings.authKeyEnv} (named by ${setting}) does not hold a hex key.`, { target: setting });
    const token = createHmac('sha256', Buffer.from(key, 'hex')).update(request).digest('base64');
    return Buffer.from(JSON.stringify({ token, request: request.toString('base64') }));
  }

  /** The signer's certificate from /info: the chain above what it issues. */
  private async chain(profile: string | undefined): Promise<Buffer[]> {
    const body = Buffer.from(JSON.stringify({ ...(profile ? { profile } : {}), ...(this.settings.label ? { label: this.settings.label } : {}) }));
    const answer = await this.call('info', body);
    if (!answer.success) throw this.failure(`failed reading its CA certificate: ${messagesOf(answer)}`);
    return [this.certificateFrom(answer, 'info')];
  }

  private certificateFrom(answer: CfsslAnswer, endpoint: string): Buffer {
    const der = pemBlocks(answer.result?.certificate ?? '').find((b) => b.label === 'CERTIFICATE')?.der;
    try { if (der) { new X509Certificate(der); return der; } } catch { /* reported below */ }
    throw this.failure(`did not answer as a CFSSL server: /api/v1/cfssl/${endpoint} sent no readable certificate.`);
  }

  /** A policy refusal (CFSSL's PolicyError codes) is the CA saying no; anything else is a failure. */
  private refused(answer: CfsslAnswer, doing: string): IssuedCertificate {
    const reason = messagesOf(answer);
    if ((answer.errors ?? []).some((e) => (e.code ?? 0) >= 5000 && (e.code ?? 0) < 6000))
      return { status: 'Denied', reason, message: `The CFSSL server '${this.name}' refused the request: ${reason}` };
    throw this.failure(`failed ${doing}: ${reason}`);
  }

  private failure(text: string, cause?: unknown): CertError {
    return new CertError('Failed', `The CFSSL server '${this.name}' (${this.settings.url}) ${text}`,
      { target: this.name, cause, hint: 'Check url, authKeyEnv and profiles for this CA; the message above is the server\'s own.' });
  }

  /** POSTs to /api/v1/cfssl/<endpoint>; any JSON CFSSL answer comes back, whatever its HTTP status. */
  private async call(endpoint: string, body: Buffer): Promise<CfsslAnswer> {
    const url = `${this.settings.url}/api/v1/cfssl/${endpoint}`;
    let reply: { status: number; text: string };
    try { reply = await post(url, body, this.settings.caBundle ? readCaBundle(this.settings.caBundle, `authorities.${this.name}.caBundle`) : undefined); } catch (error) {
      if (error instanceof CertError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw this.failure(`cannot be reached: ${code ? `${code} ` : ''}${(error as Error).message}.`, error);
    }
    if (reply.status === 404 && endpoint === 'sign')
      throw this.failure('has no /api/v1/cfssl/sign (a server whose profiles require an auth key serves only authsign): set authKeyEnv.');
    let answer: CfsslAnswer;
    try { answer = JSON.parse(reply.text) as CfsslAnswer; } catch { answer = {}; }
    if (typeof answer !== 'object' || answer === null || typeof answer.success !== 'boolean')
      throw this.failure(`did not answer as a CFSSL server: HTTP ${reply.status} from /api/v1/cfssl/${endpoint}: ${excerpt(reply.text)}`);
    return answer;
  }
}

const messagesOf = (answer: CfsslAnswer) =>
  (answer.errors ?? []).map((e) => `${e.message ?? 'unknown error'}${e.code ? ` (code ${e.code})` : ''}`).join('; ') || 'no reason given';

const excerpt = (text: string) => JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);

async function post(url: string, body: Buffer, ca: Buffer | undefined): Promise<{ status: number; text: string }> {
  const transport = url.startsWith('https:') ? await import('node:https') : await import('node:http');
  return new Promise((resolve, reject) => {
    const request = transport.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': body.length },
      timeout: REQUEST_TIMEOUT_MS, ...(ca ? { ca } : {}) }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk)).on('error', reject)
        .on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('timeout', () => request.destroy(Object.assign(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`), { code: 'ETIMEDOUT' })));
    request.on('error', reject).end(body);
  });
}

export const createCfsslAuthority = (settings: Record<string, unknown>, env: DomainEnv, name: string) => new CfsslAuthority(name, settings, env);
