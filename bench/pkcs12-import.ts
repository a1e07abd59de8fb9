// PFX import (brief pkcs12): `cscert Import-CsCertificate -Path <file> -Password <password>` for
// every file of ../shared/corpora/pkcs12, each into a new store, as a user runs it: one whole
// process, start-up included (the `cscert -c '1+1'` row gives start-up alone). Prints the 10
// slowest files (median wall and CPU ms of BENCH_RUNS rounds, files interleaved), the totals, and
// any file whose exit status is not what its manifest entry expects (0 for accept, else not 0;
// what is imported is checked by spec/certs/pkcs12-corpus.spec.ts). Target: every file well
// under 1 s. Run: npm run bench -- pkcs12   (BENCH_RUNS, default 3)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cleanEnvironment, median, printTable, PROCESS_TIMEOUT_MS, verdict } from './timing.js';
import { cscertBinary, freshDir, throwAway, workRoot } from './work.js';

interface Entry { file: string; password: string; expected_import: 'accept' | 'accept-certificates-only' | 'reject'; mac: string; structure: string[] }

const CORPUS = resolve(import.meta.dirname, '../../shared/corpora/pkcs12');
const entries: Entry[] = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')).files;
const runs = Number(process.env.BENCH_RUNS ?? 3);
const stores = freshDir('pkcs12');
const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** One process: wall and CPU ms (all threads, from the child's own rusage) and its exit status. */
function run(code: string, store: string) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cscertBinary, '--store', store, '-c', code],
    { env: cleanEnvironment(), cwd: workRoot, encoding: 'utf8', timeout: PROCESS_TIMEOUT_MS, stdio: ['ignore', 'ignore', 'pipe'] });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  throwAway(store);
  if (r.error || r.signal) throw new Error(`cscert -c ${code}: ${r.error?.message ?? r.signal}`);
  return { wallMs, status: r.status ?? -1 };
}

/** CPU ms of the children reaped so far (user + system, 10 ms ticks), as bench/timing.ts reads it. */
function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** What protects the file, shortly: "MAC sha256 x600000; 3-KeyTripleDES-CBC x600000". */
function protection(entry: Entry): string {
  const ciphers = new Set(entry.structure.flatMap((line) => {
    const found = /(PBES2, PBKDF2, [\w-]+|pbeWith[\w-]+).*?Iteration (\d+)/.exec(line);
    return found ? [`${found[1]!.replace('PBES2, PBKDF2, ', '').replace(/pbeWithSHA1And/, '')} x${found[2]}`] : [];
  }));
  return [`MAC ${entry.mac.replace(/ iteration\(s\)/, '').replace(', ', ' x')}`, ...ciphers].join('; ');
}

const commands = [
  { label: "cscert -c '1+1' (start-up alone)", code: '1+1', expected: 'accept' as const, protection: '' },
  ...entries.map((entry) => ({ label: entry.file, expected: entry.expected_import, protection: protection(entry),
    code: `Import-CsCertificate -Path ${quote(join(CORPUS, entry.file))} -Password ${quote(entry.password)}` })),
];
const samples = commands.map(() => ({ wall: [] as number[], cpu: [] as number[], statuses: new Set<number>() }));
run('1+1', join(stores, 'warm-up'));   // the page cache and the code cache, before anything counts
for (let round = 0; round < runs; round++) commands.forEach((command, i) => {
  const cpuBefore = childrenCpuMs();
  const { wallMs, status } = run(command.code, join(stores, `store-${i}`));
  samples[i]!.wall.push(wallMs);
  samples[i]!.cpu.push(childrenCpuMs() - cpuBefore);
  samples[i]!.statuses.add(status);
});

const rows = commands.map((command, i) => {
  const { wall, cpu, statuses } = samples[i]!;
  const asExpected = [...statuses].every((status) => (command.expected === 'reject' ? status !== 0 : status === 0));
  return { file: command.label, protection: command.protection, wall: median(wall)!, cpu: median(cpu)!,
    exit: asExpected ? 'as expected' : `WRONG: exit ${[...statuses].join(', ')} (expected ${command.expected})` };
});
const [startup, ...files] = rows;
const slowest = [...files].sort((a, b) => b.wall - a.wall).slice(0, 10);
printTable(`PFX import, the 10 slowest of ${files.length} corpus files: one cscert process each (ms, median of ${runs} rounds)`,
  [startup!, ...slowest].map((r) => ({ ...r, wall: r.wall.toFixed(0), cpu: r.cpu.toFixed(0), target: r === startup ? '' : `< 1000: ${verdict(r.wall < 1000)}` })),
  ['file', 'protection', 'wall', 'cpu', 'target', 'exit']);
const sum = (values: number[]) => values.reduce((total, v) => total + v, 0).toFixed(0);
const wrong = files.filter((r) => r.exit !== 'as expected');
console.log(`\nall ${files.length} files: ${sum(files.map((r) => r.wall))} ms wall, ${sum(files.map((r) => r.cpu))} ms CPU ` +
  `(start-up ${startup!.wall.toFixed(0)} ms each of that); slowest ${slowest[0]!.file} ${slowest[0]!.wall.toFixed(0)} ms; ` +
  `${files.length - wrong.length}/${files.length} exit as the manifest expects`);
for (const r of wrong) console.log(`  ${r.file}: ${r.exit}`);
throwAway(stores);
if (wrong.length) process.exitCode = 1;
