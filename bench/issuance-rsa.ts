// RSA-2048 issuance (SPEC §8, issue 6 point 3): a `cscert -c` script of 100 sequential
// `Request-CsCertificate -New` through the embedded CA (key, CSR, signing, store) against the
// floor, 100 sequential native RSA-2048 key generations in one node process (target ≤ 1.2x);
// the same 100 with `ForEach-Object -Parallel` (target ≥ 1.6x faster than sequential on 2
// cores); beside the peers' loops. Whole processes, interleaved rounds, medians.
// Run: npm run bench -- issue-rsa   (BENCH_RSA_COUNT, BENCH_ROUNDS change the size)
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { cleanEnvironment, compareProcesses, printTable, verdict, type ProcessSpec } from './timing.js';
import { peerCommands, preparePeers } from './peers.js';
import { certificatesInMy, cscertBinary, cscertCommand, freshDir } from './work.js';

const count = Number(process.env.BENCH_RSA_COUNT ?? 100);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const peersDir = preparePeers();
const store = `${freshDir('issue-rsa')}/store`;
const env = cleanEnvironment({ CSCERT_STORE: store });
const request = '$null = Request-CsCertificate -New -Type Default';

const floorSequential = `const { generateKeyPairSync } = require('crypto');
for (let i = 0; i < ${count}; i++) generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });`;
const floorTwoInFlight = `const { generateKeyPair } = require('crypto'); let left = ${count};
const next = () => left-- > 0 && generateKeyPair('rsa', { modulusLength: 2048, publicExponent: 0x10001 }, next); next(); next();`;
const commands: ProcessSpec[] = [
  [`floor: ${count} native RSA-2048 keys, sequential`, process.execPath, ['-e', floorSequential]],
  [`floor: ${count} native RSA-2048 keys, 2 in flight`, process.execPath, ['-e', floorTwoInFlight]],
  cscertCommand(`cscert: ${count} x Request-CsCertificate -New, sequential`, `1..${count} | ForEach-Object { ${request} }`),
  cscertCommand(`cscert: the same, ForEach-Object -Parallel`, `1..${count} | ForEach-Object -Parallel { ${request} }`),
  ...peerCommands('rsa', count),
];

// Warm-up: the store's embedded CA is created by the first request, outside the timed runs.
execFileSync(process.execPath, [cscertBinary, '-c', request], { env, cwd: peersDir, stdio: 'ignore' });
const before = certificatesInMy(store);
const results = compareProcesses(commands, { runs: rounds, warmup: 0, env, cwd: peersDir });
const issued = certificatesInMy(store) - before;
if (issued !== 2 * count * rounds) throw new Error(`cscert issued ${issued} certificates, expected ${2 * count * rounds}`);

const [floor, floorParallel, sequential, parallel] = results;
const target = (label: string) => label.includes('sequential') && label.startsWith('cscert') ? `≤ 1.20x floor: ${verdict(sequential.median / floor.median <= 1.2)}`
  : label.includes('Parallel') ? `≥ 1.60x faster than sequential: ${verdict(sequential.median / parallel.median >= 1.6)}` : '';
printTable(`RSA-2048 issuance, ${count} certificates per run (whole process, median of ${rounds} interleaved runs, NODE_EXTRA_CA_CERTS unset)`,
  results.map(r => ({ command: r.label, 'total s': (r.median / 1000).toFixed(2), 'min–max s': `${(r.min / 1000).toFixed(2)}–${(r.max / 1000).toFixed(2)}`,
    'ms per cert': (r.median / count).toFixed(0), 'certs/s': (count * 1000 / r.median).toFixed(1), 'x floor': (r.median / floor.median).toFixed(2),
    'CPU s': (r.cpuMedian / 1000).toFixed(2), 'CPU x floor': (r.cpuMedian / floor.cpuMedian).toFixed(2), target: target(r.label) })),
  ['command', 'total s', 'min–max s', 'ms per cert', 'certs/s', 'x floor', 'CPU s', 'CPU x floor', 'target']);
console.log(`sequential / parallel = ${(sequential.median / parallel.median).toFixed(2)} (the floor's own: ${(floor.median / floorParallel.median).toFixed(2)}); load average now ${loadavg().map(l => l.toFixed(2)).join(' ')} ` +
  '(the parallel target needs both cores free: other work on the machine caps it)');
