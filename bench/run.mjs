// npm run bench [name...]: runs the benchmarks (all, or those named) and prints each one's table.
// Results and method are recorded in BENCHMARKS.md. Never part of npm test.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const benchmarks = {
  startup: ['--import', 'tsx', 'bench/startup.ts'],
  language: ['--import', 'tsx', 'bench/language.ts'],
};
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(benchmarks);
const root = join(import.meta.dirname, '..');
for (const name of wanted) {
  if (!benchmarks[name]) { console.error(`Unknown benchmark '${name}' (known: ${Object.keys(benchmarks).join(', ')})`); process.exit(64); }
  const r = spawnSync(process.execPath, benchmarks[name], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
