// Validity at the instant asked for (RFC 5280 §4.1.2.5): notBefore and notAfter are both
// inclusive, to the second; every certificate on the path counts, the trust anchor included.

import { problem, type ValidationProblem } from '../problems.js';
import type { PathContext } from './context.js';

export function validityRule(context: PathContext): ValidationProblem[] {
  // Certificate times have whole seconds: 00:00:00.005 is still within a notAfter of 00:00:00.
  const at = new Date(Math.floor(context.policy.at.getTime() / 1000) * 1000);
  return context.path.flatMap((certificate) => {
    if (at > certificate.notAfter) return [problem('Expired', certificate,
      `The certificate '${certificate.subject}' expired on ${certificate.notAfter.toISOString()}.`)];
    if (at < certificate.notBefore) return [problem('NotYetValid', certificate,
      `The certificate '${certificate.subject}' is not valid before ${certificate.notBefore.toISOString()}.`)];
    return [];
  });
}
