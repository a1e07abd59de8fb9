// node --import tsx bench/x509-limbo.ts [-v]: agreement of cscert's chain validator with the
// x509-limbo server-auth corpus (174 cases), per family and per feature, the disagreements with
// their first problem, and how the rfc5280-vs-webpki conflict pairs were decided. Not timed.

import { runLimbo, type LimboOutcome } from './x509-limbo-cases.js';

const verbose = process.argv.includes('-v');
const outcomes = runLimbo();
const agreeing = outcomes.filter((o) => o.agrees).length;
const lenient = runLimbo(undefined, false).filter((o) => o.agrees).length;

function tally(key: (o: LimboOutcome) => string[]) {
  const table = new Map<string, { agree: number; total: number }>();
  for (const outcome of outcomes) for (const k of key(outcome)) {
    const row = table.get(k) ?? { agree: 0, total: 0 };
    row.total++; if (outcome.agrees) row.agree++;
    table.set(k, row);
  }
  return [...table].sort(([a], [b]) => a.localeCompare(b));
}

console.log(`x509-limbo (server-auth subset): cscert agrees on ${agreeing} of ${outcomes.length} cases`
  + ` (OpenSSL 3 baseline: 127; ceiling with one profile: 171).`);
console.log(`Strict Web PKI profile (policy.strict); the cmdlets' default, which only warns about an EKU on a root or a CN the SANs omit, agrees on ${lenient}.`);
console.log('\nby family:');
for (const [family, row] of tally((o) => [o.case.family])) console.log(`  ${family.padEnd(14)} ${row.agree} / ${row.total}`);
console.log('\nby feature (cases carrying it):');
for (const [feature, row] of tally((o) => o.case.features)) console.log(`  ${feature.padEnd(34)} ${row.agree} / ${row.total}`);
console.log('\nconflicting pairs (RFC 5280 vs Web PKI): cscert takes the Web PKI verdict');
for (const outcome of outcomes.filter((o) => o.case.conflicts_with.length && o.case.id.startsWith('webpki::')))
  console.log(`  ${outcome.case.id} (expected ${outcome.case.expected_result}) vs ${outcome.case.conflicts_with[0]}: cscert ${outcome.actual}`);
console.log(`  two more cases conflict with Web PKI cases on the same inputs, so the Web PKI side tops out at 169:
    pathlen::validation-ignores-pathlen-in-leaf (SUCCESS) has a CA leaf without EKU, exactly as webpki::ca-as-leaf (FAILURE);
    rfc5280::aki::cross-signed-root-missing-aki (FAILURE) has a trust anchor without AKI, exactly as cve::cve-2024-0567 (SUCCESS).`);
console.log(`\ndisagreements (${outcomes.length - agreeing}):`);
for (const outcome of outcomes.filter((o) => !o.agrees)) {
  const first = outcome.result.problems[0];
  console.log(`  ${outcome.case.id}: expected ${outcome.case.expected_result}, got ${outcome.actual}`
    + (first ? ` [${first.rule}] ${first.message}` : ''));
  if (verbose) for (const p of outcome.result.problems.slice(1)) console.log(`      [${p.rule}] ${p.message}`);
}
