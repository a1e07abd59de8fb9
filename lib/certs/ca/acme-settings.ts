// The settings of an ACME authority (`kind: acme`), checked and completed with defaults:
//
//   directory              the server's directory URL (https; http only for 127.0.0.1 tests)
//   email                  contact for the account (optional)
//   termsOfServiceAgreed   must be true for CAs that require agreement (false by default: the
//                          user agrees, cscert never does it on their behalf)
//   eab: { kid, hmacKeyEnv }  External Account Binding; the HMAC key comes from the variable
//   challenge              http-01 (default) or dns-01
//   http: { address, port }   where cscert's own http-01 responder listens (default port 80,
//                          all addresses); the CA connects to port 80 of each name, so a
//                          different port needs a forward
//   dnsHook                command that publishes and removes dns-01 TXT records
//   caBundle               PEM file to trust when reaching the server, instead of the defaults
//   waitSeconds            how long a request waits for validation and issuance before it
//                          answers Pending (default 60; 0: Pending right after the challenges
//                          are answered, for DNS that takes minutes to propagate)
// Imports settings-check.ts and errors.ts.

import { CertError } from '../errors.js';
import { readCaBundle, secretFromEnv, SettingsReader, type Settings } from './settings-check.js';

export type AcmeChallengeType = 'http-01' | 'dns-01';

export interface AcmeSettings {
  directory: string;
  email?: string;
  termsOfServiceAgreed: boolean;
  eab?: { kid: string; hmacKeyEnv: string };
  challenge: AcmeChallengeType;
  http: { address?: string; port: number };
  dnsHook?: string;
  caBundle?: string;
  waitSeconds: number;
}

const KNOWN = ['directory', 'email', 'termsOfServiceAgreed', 'eab', 'challenge', 'http', 'dnsHook', 'caBundle', 'waitSeconds'];

export function readAcmeSettings(settings: Settings, name: string): AcmeSettings {
  const read = new SettingsReader(settings, `authorities.${name}`, KNOWN);
  const eab = read.object('eab', ['kid', 'hmacKeyEnv']);
  const http = read.object('http', ['address', 'port']);
  const result: AcmeSettings = {
    directory: read.url('directory', ['https:', 'http:']),
    email: read.string('email'),
    termsOfServiceAgreed: read.boolean('termsOfServiceAgreed', false),
    eab: eab && { kid: eab.string('kid', true), hmacKeyEnv: eab.string('hmacKeyEnv', true) },
    challenge: read.oneOf('challenge', ['http-01', 'dns-01'] as const, 'http-01'),
    http: { address: http?.string('address'), port: http?.number('port', 80, [1, 65535]) ?? 80 },
    dnsHook: read.string('dnsHook'),
    caBundle: read.string('caBundle'),
    waitSeconds: read.number('waitSeconds', 60, [0, 3600]),
  };
  if (result.email && !/^[^@\s]+@[^@\s]+$/.test(result.email)) read.fail('email', `expected an e-mail address, found '${result.email}'`);
  if (result.challenge === 'dns-01' && !result.dnsHook) read.fail('dnsHook', 'required with challenge dns-01: the command that publishes the TXT record');
  return result;
}

/** The External Account Binding with its key from the environment, when configured. */
export function externalAccountBinding(settings: AcmeSettings, name: string): { kid: string; hmacKey: string } | undefined {
  if (!settings.eab) return undefined;
  const setting = `authorities.${name}.eab.hmacKeyEnv`;
  const hmacKey = secretFromEnv(settings.eab.hmacKeyEnv, setting);
  if (!/^[A-Za-z0-9_=-]+$/.test(hmacKey))
    throw new CertError('InvalidConfig', `The environment variable ${settings.eab.hmacKeyEnv} (named by ${setting}) does not hold a base64url key.`,
      { target: setting });
  return { kid: settings.eab.kid, hmacKey };
}

/** The certificates to trust for the server, or undefined for Node's defaults (and NODE_EXTRA_CA_CERTS). */
export const acmeTrust = (settings: AcmeSettings, name: string): Buffer | undefined =>
  settings.caBundle ? readCaBundle(settings.caBundle, `authorities.${name}.caBundle`) : undefined;
