// npm run bench [name...]: runs the benchmarks (all, or those named) and prints each one's table.
// Results and method are recorded in BENCHMARKS.md. Never part of npm test. Outputs go to
// $BENCH_WORK (default <os tmpdir>/cscert-bench); each one reads dist/, so build first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const tsx = (file) => ['--import', 'tsx', file];
// issue-rsa keeps both vCPUs busy for about four minutes, and what ran right after it read 10-25%
// slower, the peers included (BENCHMARKS.md, Method): it runs last.
const benchmarks = {
  startup: tsx('bench/startup.ts'),
  language: tsx('bench/language.ts'),
  'issue-ec': tsx('bench/issuance-ec.ts'),
  scale: tsx('bench/scale.ts'),
  limbo: tsx('bench/x509-limbo.ts'),
  pkcs12: tsx('bench/pkcs12-import.ts'),
  'issue-steps': tsx('bench/issuance-steps.ts'),
  'issue-rsa': tsx('bench/issuance-rsa.ts'),
};
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(benchmarks);
const root = join(import.meta.dirname, '..');
if (!existsSync(join(root, 'dist', 'cscert.cjs'))) { console.error('dist/cscert.cjs is missing: run npm run build first'); process.exit(1); }
// A stale bundle measures old code (it once still loaded cosmiconfig the source had made lazy).
const newest = (dir) => Math.max(0, ...readdirSync(join(root, dir), { recursive: true }).map(f => statSync(join(root, dir, f)).mtimeMs));
if (Math.max(newest('lib'), newest('cmdlets'), newest('bin')) > statSync(join(root, 'dist', 'cscert-main.cjs')).mtimeMs)
  console.warn('WARNING: dist/ is older than lib/, cmdlets/ or bin/: these figures are of an old build (npm run build)');
const tool = (command, ...args) => { const r = spawnSync(command, args, { encoding: 'utf8' }); return r.status === 0 ? r.stdout.split('\n')[0].trim() : 'not installed'; };
const work = process.env.BENCH_WORK ?? join(tmpdir(), 'cscert-bench');
mkdirSync(work, { recursive: true });
console.log(`machine: ${cpus().length} x ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
  `work dir ${work} on ${tool('sh', '-c', `df -T ${JSON.stringify(work)} | tail -1 | awk '{print $2" "$1}'`)}\n` +
  `software: Node ${process.version} (OpenSSL ${process.versions.openssl}); ${tool('openssl', 'version')}; cfssl ${tool('cfssl', 'version')}\n` +
  `code: ${tool('git', '-C', root, 'describe', '--always', '--dirty')} (dist/ built ${statSync(join(root, 'dist', 'cscert-main.cjs')).mtime.toISOString()})`);
// The machine is shared: before each benchmark wait (up to BENCH_QUIET_WAIT_S seconds) for the
// 1-minute load average to drop below BENCH_QUIET_LOAD, then run regardless; the header says which.
const quietLoad = Number(process.env.BENCH_QUIET_LOAD ?? 1.5), quietWaitMs = 1000 * Number(process.env.BENCH_QUIET_WAIT_S ?? 120);
const waitForQuiet = () => {
  const start = Date.now();
  while (loadavg()[0] >= quietLoad && Date.now() - start < quietWaitMs) pause(5000);
  return loadavg()[0] < quietLoad ? 'quiet' : `NOT quiet after ${quietWaitMs / 1000} s of waiting`;
};
// What earlier runs threw away (bench/work.ts: trash) is deleted first, before anything is
// timed: on a device with online discard the deletion slows file creation and syncs for seconds
// after it. Then wait (up to a minute) until the device's count of discards stops moving.
const device = tool('sh', '-c', `df --output=source ${JSON.stringify(work)} | tail -1`);
const deviceStat = join('/sys/class/block', basename(device), 'stat');
const discards = () => { try { return Number(readFileSync(deviceStat, 'utf8').trim().split(/\s+/)[11] ?? 0); } catch { return 0; } };
const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const emptying = Date.now(), before = discards();
rmSync(join(work, 'trash'), { recursive: true, force: true });
for (let last = -1; Date.now() - emptying < 60_000; pause(1000)) {
  const now = discards();
  if (now === last) break;
  last = now;
}
console.log(`trash emptied: ${discards() - before} discards on ${device}, settled after ${((Date.now() - emptying) / 1000).toFixed(0)} s`);
for (const name of wanted) {
  if (!benchmarks[name]) { console.error(`Unknown benchmark '${name}' (known: ${Object.keys(benchmarks).join(', ')})`); process.exit(64); }
  const quiet = waitForQuiet();
  console.log(`\n== ${name} (${new Date().toISOString()}, load average ${loadavg().map(l => l.toFixed(2)).join(' ')}: ${quiet})`);
  const r = spawnSync(process.execPath, benchmarks[name], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
