// Scale (SPEC §8, issue 6 point 5): the same one-off commands on an empty store and on one
// holding 10,000 certificates (bench/gen-store.ts): `Get-CsCertificate`, one
// `Request-CsCertificate -New` and one `Set-CsCertificate`, each within 1.2x of the empty store;
// and `Get-ChildItem Cert:\LocalMachine\My | Measure-Object` on the full store in under 0.5 s
// for the whole process. The request uses a P-256 key: an RSA key's 45–220 ms spread would hide
// any store cost. Whole processes, interleaved, medians, NODE_EXTRA_CA_CERTS unset.
// Run: npm run bench -- scale   (BENCH_SCALE_COUNT, BENCH_RUNS; the full store is kept in the
// work dir and reused while it holds enough certificates; BENCH_REGENERATE=1 rebuilds it)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureProcess, median, printTable, verdict } from './timing.js';
import { certificatesInMy, cscertBinary, cscertEnvironment, freshDir, runOnCommittedLib, workRoot } from './work.js';

const size = Number(process.env.BENCH_SCALE_COUNT ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 10);
const cscert = (store: string, code: string) =>
  String(execFileSync(process.execPath, [cscertBinary, '-c', code], { env: cscertEnvironment(store), cwd: workRoot, timeout: 600_000 })).trim();

/** A store with its CA and two certificates for this computer (A and B, for Set-CsCertificate to swap). */
function newStore(name: string): { store: string; thumbprints: string[] } {
  const store = join(freshDir(name), 'store');
  const thumbprints = [1, 2].map(() => cscert(store, '(Request-CsCertificate -New -Type Default -KeyAlg ECDH_P256).Thumbprint'));
  return { store, thumbprints };
}

async function fullStore(): Promise<{ store: string; thumbprints: string[] }> {
  const marker = join(workRoot, 'scale-full', 'thumbprints.json');
  const store = join(workRoot, 'scale-full', 'store');
  if (!process.env.BENCH_REGENERATE && existsSync(marker) && certificatesInMy(store) >= size)
    return { store, thumbprints: JSON.parse(readFileSync(marker, 'utf8')) };
  const made = newStore('scale-full');
  console.log(`filling ${made.store} with ${size} certificates (kept for the next run)...`);
  runOnCommittedLib('gen-store.ts', [made.store, String(size)]);
  writeFileSync(marker, JSON.stringify(made.thumbprints));
  return made;
}

const empty = newStore('scale-empty');
const full = await fullStore();
const operations: Array<[label: string, code: (thumbprints: string[], round: number) => string]> = [
  ['Get-CsCertificate', () => 'Get-CsCertificate'],
  ['Request-CsCertificate -New (P-256 key)', () => '$null = Request-CsCertificate -New -Type Default -KeyAlg ECDH_P256'],
  ['Set-CsCertificate -Type Default -Thumbprint', (t, round) => `Set-CsCertificate -Type Default -Thumbprint ${t[round % 2]}`],
  ['Get-ChildItem Cert:\\LocalMachine\\My | Measure-Object', () => 'Get-ChildItem Cert:\\LocalMachine\\My | Measure-Object'],
];
const samples = operations.map(() => ({ empty: [] as number[], full: [] as number[], fullCpu: [] as number[] }));
for (let round = 0; round < runs + 2; round++) operations.forEach(([, code], i) => {   // 2 warm-up rounds
  for (const [which, { store, thumbprints }] of [['empty', empty], ['full', full]] as const) {
    const { wallMs, cpuMs } = measureProcess(process.execPath, [cscertBinary, '-c', code(thumbprints, round)], { env: cscertEnvironment(store), cwd: workRoot });
    if (round >= 2) samples[i][which].push(wallMs);
    if (round >= 2 && which === 'full') samples[i].fullCpu.push(cpuMs);
  }
});

printTable(`Scale: a store of ${certificatesInMy(full.store)} certificates against an empty one (whole process, median of ${runs} interleaved runs, ms)`,
  operations.map(([label], i) => {
    const e = median(samples[i].empty), f = median(samples[i].full);
    const listing = label.startsWith('Get-ChildItem');
    return { command: label, 'empty store': e.toFixed(0), [`${size} certificates`]: f.toFixed(0), 'full / empty': (f / e).toFixed(2),
      'CPU ms (full)': median(samples[i].fullCpu).toFixed(0),
      target: listing ? `< 500 ms: ${verdict(f < 500)}` : `≤ 1.20x: ${verdict(f / e <= 1.2)}` };
  }), ['command', 'empty store', `${size} certificates`, 'full / empty', 'CPU ms (full)', 'target']);
