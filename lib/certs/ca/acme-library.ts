// Loads acme-client, the protocol library behind `kind: acme`, on first use only: importing it
// costs more than cscert's whole start-up budget, and most runs never talk to an ACME server.
// acme-client sends every request through one shared axios instance, so per-authority settings
// are attached to each request by an interceptor, chosen by the request's origin: the trusted
// CAs (the authority's caBundle), a timeout (a server that accepts connections but never answers
// must not hang a deployment script), and fewer retries than the library's default of five with
// 5-25 s pauses, so an unreachable server is reported in seconds. acme-client 5.4 loses the
// error of a request that got no answer at all (its retry interceptor then reads `response` of
// undefined), so an interceptor placed before it hands such errors on without their request,
// which that interceptor passes through untouched. Imports Node built-ins only (node:https
// lazily too).

import type { Agent } from 'node:https';

type AcmeModule = typeof import('acme-client');
interface AcmeSettingsDefaults { acmeSettings: Record<string, number> }

const REQUEST_TIMEOUT_MS = 30_000;
const trust = new Map<string, { ca: Buffer; agent?: Agent }>();
let loading: Promise<AcmeModule> | undefined;

/** acme-client, with the interceptor installed once. */
export function loadAcme(): Promise<AcmeModule> {
  loading ??= Promise.all([import('acme-client'), import('node:https')]).then(([module, https]) => {
    const acme = ((module as { default?: AcmeModule }).default ?? module) as AcmeModule;
    const defaults = acme.axios.defaults as unknown as AcmeSettingsDefaults;
    defaults.acmeSettings = { ...defaults.acmeSettings, retryMaxAttempts: 2, retryDefaultDelay: 1 };
    acme.axios.interceptors.request.use((config) => {
      const origin = config.url && URL.canParse(config.url) ? new URL(config.url).origin : '';
      const entry = trust.get(origin);
      if (entry) config.httpsAgent = entry.agent ??= new https.Agent({ ca: entry.ca, keepAlive: true });
      if (!config.timeout) config.timeout = REQUEST_TIMEOUT_MS;
      return config;
    });
    keepNetworkErrors(acme.axios.interceptors.response as unknown as { handlers?: unknown[] });
    return acme;
  });
  return loading;
}

/** Requests to the directory's origin trust exactly `ca`; without it, Node's defaults (and NODE_EXTRA_CA_CERTS). */
export function trustForOrigin(directoryUrl: string, ca: Buffer | undefined): void {
  const origin = new URL(directoryUrl).origin;
  if (!ca) trust.delete(origin);
  else if (!trust.get(origin)?.ca.equals(ca)) trust.set(origin, { ca });
}

/** Network and TLS errors (no response) pass acme-client's retry interceptor as they are. */
function keepNetworkErrors(manager: { handlers?: unknown[] }): void {
  if (!Array.isArray(manager.handlers)) return;   // another axios inside: the generic message will do
  manager.handlers.unshift({ fulfilled: (response: unknown) => response, rejected: (error: { response?: unknown; code?: string; message?: string }) => {
    if (error?.response) throw error;
    throw Object.assign(new Error(error?.message ?? String(error)), { code: error?.code });
  }, synchronous: false, runWhen: null });
}
