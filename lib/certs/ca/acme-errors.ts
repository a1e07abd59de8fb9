// Turns what acme-client and the network throw into one CertError 'Failed' a user can act on:
// which server, what cscert was doing, and the server's own words (acme-client puts an RFC 7807
// problem's detail in the message). Unreachable servers, untrusted TLS certificates and answers
// that are not ACME at all are told apart, because each has a different fix. Never quotes a
// request, so no secret (EAB key, JWS) can reach a message. Imports errors.ts only.

import { CertError } from '../errors.js';

const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED', 'EPIPE']);
const TLS = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|HOSTNAME_MISMATCH|EPROTO/;
const NOT_ACME = /Could not locate API resource|Unexpected token|is not valid JSON|Invalid response|not contain a nonce|Unable to (get|locate)|did not return/i;

interface Thrown { code?: string; message?: string; response?: { status?: number } }

export function describeFailure(error: unknown, doing: string, server: { name: string; directory: string }): CertError {
  if (error instanceof CertError) return error;
  const thrown = (error ?? {}) as Thrown;
  const code = thrown.code ?? '';
  const said = String(thrown.message ?? error).replace(/\s+/g, ' ').trim();
  const where = `the ACME server '${server.name}' (${server.directory})`;
  const fail = (message: string, hint: string) => new CertError('Failed', message, { target: server.name, hint, cause: error });
  if (NETWORK.has(code))
    return fail(`Cannot reach ${where} while ${doing}: ${said}.`, 'Check the directory URL and that the server is running and reachable from here.');
  if (TLS.test(code))
    return fail(`The TLS certificate of ${where} is not trusted (${code}): ${said}.`,
      'Name the CA that signed the server\'s certificate in caBundle, or add it with NODE_EXTRA_CA_CERTS.');
  if (NOT_ACME.test(said))
    return fail(`${capitalize(where)} did not answer as an ACME server while ${doing}: ${said}.`, 'Check that the directory URL points at an ACME directory.');
  return fail(`${capitalize(where)} failed ${doing}: ${said}`, 'The message above is the server\'s own; correct the settings it names and request again.');
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
