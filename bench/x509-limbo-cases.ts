// Runs the x509-limbo server-auth corpus (../shared/corpora/x509-limbo, read in place) through
// cscert's validator under the Web PKI profile and compares each verdict with the expected one.
// Shared by bench/x509-limbo.ts (prints the figures) and spec/certs/validation/limbo.spec.ts
// (the ratchet). Each case's options map onto the validator's policy: validation_time → at,
// expected_peer_name → dnsName, key_usage → leafKeyUsage, max_chain_depth → maxIntermediates.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pemBlocks } from '../lib/certs/x509/pem-text.js';
import { validateCertificate, type ValidationResult } from '../lib/certs/validation/validate.js';
import type { KeyUsageName } from '../lib/certs/validation/extension-decoders.js';

export const LIMBO_DIR = resolve(import.meta.dirname, '..', '..', 'shared', 'corpora', 'x509-limbo');

export interface LimboCase {
  id: string; family: string; description: string; expected_result: 'SUCCESS' | 'FAILURE';
  validation_time: string | null; expected_peer_name: { kind: string; value: string };
  extended_key_usage: string[]; key_usage: string[]; max_chain_depth: number | null;
  features: string[]; conflicts_with: string[];
}

export interface LimboOutcome { case: LimboCase; result: ValidationResult; actual: 'SUCCESS' | 'FAILURE'; agrees: boolean }

const certificates = (path: string) => pemBlocks(readFileSync(path, 'utf8')).filter((b) => b.label === 'CERTIFICATE').map((b) => b.der);

/** "Any time" cases are valid from 1970 to 2969; a fixed instant keeps the run reproducible. */
const ANY_TIME = new Date('2030-01-01T00:00:00Z');

export function runCase(directory: string, strict = true): LimboOutcome {
  const limboCase = JSON.parse(readFileSync(join(directory, 'case.json'), 'utf8')) as LimboCase;
  const [leaf] = certificates(join(directory, 'leaf.pem'));
  const result = validateCertificate({
    leaf: leaf!,
    anchors: certificates(join(directory, 'trusted.pem')).map((der) => ({ der, source: 'Given' as const })),
    intermediates: certificates(join(directory, 'untrusted.pem')).map((der) => ({ der, source: 'Given' as const })),
    policy: {
      at: limboCase.validation_time ? new Date(limboCase.validation_time) : ANY_TIME,
      dnsName: limboCase.expected_peer_name.value,
      serverAuth: true,
      strict,
      leafKeyUsage: limboCase.key_usage as KeyUsageName[],
      maxIntermediates: limboCase.max_chain_depth ?? undefined,
    },
    anchorPlace: 'trusted.pem',
  });
  const actual = result.valid ? 'SUCCESS' : 'FAILURE';
  return { case: limboCase, result, actual, agrees: actual === limboCase.expected_result };
}

export function runLimbo(directory = LIMBO_DIR, strict = true): LimboOutcome[] {
  if (!existsSync(join(directory, 'cases'))) throw new Error(`The x509-limbo corpus is not at ${directory}.`);
  return readdirSync(join(directory, 'cases')).sort().map((name) => runCase(join(directory, 'cases', name), strict));
}
