// Answering ACME challenges (RFC 8555 §8): for http-01, cscert serves the key authorizations
// itself at /.well-known/acme-challenge/<token> on the configured address and port, only while
// an order is being validated; for dns-01, a configured hook command publishes the TXT record
// `_acme-challenge.<name>` and later removes it. The hook runs through /bin/sh so the setting
// may carry arguments; the action, record name and value follow as "$1" "$2" "$3" (never pasted
// into the command text). Imports Node built-ins and errors.ts.

import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { CertError } from '../errors.js';

const HOOK_TIMEOUT_MS = 120_000;
const TOKEN_PATH = /^\/\.well-known\/acme-challenge\/([A-Za-z0-9_-]+)$/;

/** The http-01 responder: answers the tokens it holds, 404 for anything else. */
export class HttpChallengeResponder {
  private readonly answers = new Map<string, string>();
  private server?: Server;

  constructor(private readonly where: { address?: string; port: number }) {}

  add(token: string, keyAuthorization: string): void { this.answers.set(token, keyAuthorization); }

  get size(): number { return this.answers.size; }

  async start(): Promise<void> {
    const server = createServer((request, response) => {
      const token = TOKEN_PATH.exec(request.url ?? '')?.[1];
      const answer = request.method === 'GET' && token ? this.answers.get(token) : undefined;
      response.writeHead(answer ? 200 : 404, { 'Content-Type': 'text/plain' }).end(answer ?? 'Not found');
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => reject(new CertError('Failed',
        `Cannot answer http-01 challenges on ${this.where.address ?? '*'}:${this.where.port}: ${error.code ?? error.message}.`,
        { target: String(this.where.port), hint: 'Choose a free port under http.port (the CA must reach it as port 80), or use dns-01.', cause: error })));
      server.listen(this.where.port, this.where.address, () => resolve());
    });
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** `_acme-challenge.<name>` for a DNS identifier (a wildcard's `*.` dropped). */
export const dnsRecordName = (identifier: string) => `_acme-challenge.${identifier.replace(/^\*\./, '')}`;

/** Runs the dns-01 hook: `<hook> present|cleanup <record name> <value>`; fails with the hook's own words. */
export function runDnsHook(hook: string, action: 'present' | 'cleanup', recordName: string, value: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('/bin/sh', ['-c', `${hook} "$@"`, 'cscert-dns-hook', action, recordName, value],
      { timeout: HOOK_TIMEOUT_MS, maxBuffer: 1 << 20 }, (error, _stdout, stderr) => {
        if (!error) return resolve();
        const said = String(stderr).trim().split('\n').slice(-3).join(' ') || error.message;
        const how = error.killed ? `was stopped after ${HOOK_TIMEOUT_MS / 1000} s` : `exited with ${error.code}`;
        reject(new CertError('Failed', `The dns-01 hook '${hook}' (${action} ${recordName}) ${how}: ${said}`,
          { target: recordName, hint: 'Run the dnsHook command by hand with the same arguments to see why.', cause: error }));
      });
  });
}
