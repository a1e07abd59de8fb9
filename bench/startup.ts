// Start-up (SPEC §8, issue 2 point 8, issue 6 point 2): a one-off `cscert -c '1+1'` and
// `cscert Get-CsCertificate` on a small store (3 certificates, one assigned) against a bare
// `node -e 0`, NODE_EXTRA_CA_CERTS unset, then the same with the variable as this workplace sets
// it. Target: at most 2.5x. Run: npm run bench -- startup   (BENCH_RUNS)
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { cleanEnvironment, compareProcesses, printTable, verdict, type ProcessSpec } from './timing.js';
import { cscertBinary, freshDir, workRoot } from './work.js';

const store = join(freshDir('startup'), 'store');
const node = process.execPath;
execFileSync(node, [cscertBinary, '-c', '1..3 | ForEach-Object { $null = Request-CsCertificate -New -Type Default -KeyAlg ECDH_P256 -Assign }'],
  { env: cleanEnvironment({ CSCERT_STORE: store }), cwd: workRoot, stdio: 'ignore' });
const commands: ProcessSpec[] = [
  ['node -e 0', node, ['-e', '0']],
  ["cscert -c '1+1'", node, [cscertBinary, '-c', '1+1']],
  ['cscert Get-CsCertificate', node, [cscertBinary, 'Get-CsCertificate']],
];
const runs = Number(process.env.BENCH_RUNS ?? 20);

for (const [title, env] of <Array<[string, NodeJS.ProcessEnv]>>[['NODE_EXTRA_CA_CERTS unset', cleanEnvironment({ CSCERT_STORE: store })],
  ['as this environment sets NODE_EXTRA_CA_CERTS', { ...process.env, CSCERT_STORE: store }]]) {
  if (title.startsWith('as') && !process.env.NODE_EXTRA_CA_CERTS) continue;
  const results = compareProcesses(commands, { runs, env, cwd: workRoot });
  const floor = results[0].median;
  printTable(`Start-up, ${title} (median of ${runs} runs after 3 warm-up, ms)`, results.map(r => ({
    command: r.label, 'median ms': r.median.toFixed(1), 'min–max': `${r.min.toFixed(1)}–${r.max.toFixed(1)}`,
    'x node -e 0': (r.median / floor).toFixed(2), 'CPU ms (mean)': r.cpuMean.toFixed(0), 'CPU x': (r.cpuMean / results[0].cpuMean).toFixed(2), target: r.label === 'node -e 0' ? '' : `≤ 2.50: ${verdict(r.median / floor <= 2.5)}`,
  })), ['command', 'median ms', 'min–max', 'x node -e 0', 'CPU ms (mean)', 'CPU x', 'target']);
}
