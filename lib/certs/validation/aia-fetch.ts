// Missing intermediates fetched from the "CA Issuers" URL of a certificate's Authority
// Information Access extension (RFC 5280 §4.2.2.1), only when the caller allows it: plain http
// (as CAs publish them; an https fetch could itself need the chain), a timeout, a size limit, a
// bounded number of fetches. The answer may be DER, PEM or a certs-only PKCS#7 (.p7c). Without
// permission the problem says which URL would have supplied the certificate.

import { request } from 'node:http';
import { readBundle } from '../x509/pem.js';
import { pemBlocks } from '../x509/pem-text.js';
import { modelCertificate } from './certificate-model.js';
import { problemByName, type ValidationProblem } from './problems.js';
import { validateCertificate, type ValidationInput, type ValidationResult } from './validate.js';

export interface FetchOptions {
  allowFetch: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxFetches?: number;
}

const DEFAULTS = { timeoutMs: 5_000, maxBytes: 256 * 1024, maxFetches: 4 };

/** GET an http URL into memory, refusing redirects, large bodies and slow servers. */
export function httpGet(url: string, timeoutMs: number, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    if (target.protocol !== 'http:') { reject(new Error(`only http URLs are fetched, not ${target.protocol}`)); return; }
    const req = request(target, { method: 'GET', timeout: timeoutMs }, (response) => {
      if (response.statusCode !== 200) { response.resume(); reject(new Error(`the server answered ${response.statusCode}`)); return; }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) { req.destroy(new Error(`the answer is larger than ${maxBytes} bytes`)); return; }
        chunks.push(chunk);
      });
      response.on('end', () => resolve(Buffer.concat(chunks)));
      response.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** The certificates in a fetched body: PEM, a single DER certificate, or PKCS#7. */
export function certificatesIn(body: Buffer): Buffer[] {
  const text = body.toString('latin1');
  if (text.includes('-----BEGIN')) return pemBlocks(text).filter((b) => b.label === 'CERTIFICATE').map((b) => b.der);
  try { modelCertificate(body); return [body]; } catch { /* not a lone certificate */ }
  return readBundle(body).certificates;
}

const fetchProblem = (subject: string, message: string): ValidationProblem =>
  ({ ...problemByName('MissingIntermediate', subject, message), severity: 'Warning' });

/** Validates, fetching missing issuers from AIA URLs when allowed, and re-validating with what arrived. */
export async function validateWithFetch(input: ValidationInput, options: FetchOptions): Promise<ValidationResult> {
  const limits = { ...DEFAULTS, ...options };
  const notes: ValidationProblem[] = [];
  const intermediates = [...input.intermediates];
  const tried = new Set<string>();
  for (let fetches = 0; ; fetches++) {
    const result = validateCertificate({ ...input, intermediates });
    const child = result.missingIssuerOf;
    const url = child?.authorityInfoAccess?.caIssuers.find((u) => !tried.has(u));
    if (result.valid || !child || !url) return { ...result, problems: [...result.problems, ...notes] };
    if (!options.allowFetch || fetches >= limits.maxFetches) {
      if (!options.allowFetch) notes.push(fetchProblem(child.issuer,
        `The certificate '${child.issuer}' that issued '${child.subject}' can be fetched from ${url}; run again with -AllowFetch to fetch it.`));
      return { ...result, problems: [...result.problems, ...notes] };
    }
    tried.add(url);
    try {
      const found = certificatesIn(await httpGet(url, limits.timeoutMs, limits.maxBytes));
      intermediates.push(...found.map((der) => ({ der, source: 'Fetched' as const })));
    } catch (error) {
      notes.push(fetchProblem(child.issuer, `Fetching '${child.issuer}' from ${url} failed: ${(error as Error).message}.`));
    }
  }
}
