// Start-up (SPEC §8, issue 2 point 8, issue 6 point 2): a one-off `cscert -c '1+1'` and
// `cscert Get-CsCertificate` on a small store against a bare `node -e 0`, NODE_EXTRA_CA_CERTS
// unset, then the same with the variable as this workplace sets it. Target: at most 2.5x.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnvironment, compareProcesses, printTable, type ProcessSpec } from './timing.js';

const cscert = join(import.meta.dirname, '..', 'dist', 'cscert.cjs');
const store = mkdtempSync(join(tmpdir(), 'cscert-bench-store-'));
const node = process.execPath;
const commands: ProcessSpec[] = [
  ['node -e 0', node, ['-e', '0']],
  ["cscert -c '1+1'", node, [cscert, '-c', '1+1']],
  ['cscert Get-CsCertificate', node, [cscert, 'Get-CsCertificate']],
];
const runs = Number(process.env.BENCH_RUNS ?? 20);

for (const [title, env] of <Array<[string, NodeJS.ProcessEnv]>>[['NODE_EXTRA_CA_CERTS unset', cleanEnvironment({ CSCERT_STORE: store })],
  ['as this environment sets NODE_EXTRA_CA_CERTS', { ...process.env, CSCERT_STORE: store }]]) {
  if (title.startsWith('as') && !process.env.NODE_EXTRA_CA_CERTS) continue;
  const results = compareProcesses(commands, { runs, env });
  const floor = results[0].median;
  printTable(`Start-up, ${title} (median of ${runs} runs after 3 warm-up, ms)`, results.map(r => ({
    command: r.label, 'median ms': r.median.toFixed(1), 'min–max': `${r.min.toFixed(1)}–${r.max.toFixed(1)}`,
    'x node -e 0': (r.median / floor).toFixed(2), target: r.label === 'node -e 0' ? '' : '≤ 2.50',
  })), ['command', 'median ms', 'min–max', 'x node -e 0', 'target']);
}
