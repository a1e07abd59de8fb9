// npm run bench [name...]: runs the benchmarks (all, or those named) and prints each one's table.
// Results and method are recorded in BENCHMARKS.md. Never part of npm test. Outputs go to
// $BENCH_WORK (default <os tmpdir>/cscert-bench); each one reads dist/, so build first.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const tsx = (file) => ['--import', 'tsx', file];
const benchmarks = {
  startup: tsx('bench/startup.ts'),
  language: tsx('bench/language.ts'),
  'issue-rsa': tsx('bench/issuance-rsa.ts'),
  'issue-ec': tsx('bench/issuance-ec.ts'),
  scale: tsx('bench/scale.ts'),
};
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(benchmarks);
const root = join(import.meta.dirname, '..');
if (!existsSync(join(root, 'dist', 'cscert.cjs'))) { console.error('dist/cscert.cjs is missing: run npm run build first'); process.exit(1); }
// A stale bundle measures old code (it once still loaded cosmiconfig the source had made lazy).
const newest = (dir) => Math.max(0, ...readdirSync(join(root, dir), { recursive: true }).map(f => statSync(join(root, dir, f)).mtimeMs));
if (Math.max(newest('lib'), newest('cmdlets'), newest('bin')) > statSync(join(root, 'dist', 'cscert-main.cjs')).mtimeMs)
  console.warn('WARNING: dist/ is older than lib/, cmdlets/ or bin/: these figures are of an old build (npm run build)');
for (const name of wanted) {
  if (!benchmarks[name]) { console.error(`Unknown benchmark '${name}' (known: ${Object.keys(benchmarks).join(', ')})`); process.exit(64); }
  console.log(`\n== ${name} (${new Date().toISOString()}, load average ${loadavg().map(l => l.toFixed(2)).join(' ')})`);
  const r = spawnSync(process.execPath, benchmarks[name], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
