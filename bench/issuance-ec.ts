// ECDSA P-256 issuance (SPEC §8, issue 6 point 4): at least 500 certificates a second in one
// `cscert -c` script of `Request-CsCertificate -New -KeyAlg ECDH_P256`, beside the peers' loops
// (about 185/s and 150/s on this machine kind). Issuance that is ECDSA from end to end: P-256
// leaf keys signed by a P-256 CA, for cscert (an embedded CA configured with `keyAlg: ECDH_P256`)
// and for both peers alike; perf-baselines.md's floor for it counts two ECDSA signatures. One
// script both ways: one request after another, and with `ForEach-Object -Parallel`. The
// same script under the embedded CA's default RSA-2048 key, and the peers under an RSA-2048 CA,
// are measured beside it; so is the domain API alone (lib/certs `requestCertificate`
// in-process, from the last commit's lib/: what the cmdlet adds is the difference). Whole
// processes, interleaved rounds, medians. Run: npm run bench -- issue-ec   (BENCH_EC_COUNT, BENCH_ROUNDS)
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnvironment, compareProcesses, median, printTable, verdict, type ProcessSpec } from './timing.js';
import { peerCommands, preparePeers } from './peers.js';
import { certificatesInMy, cscertBinary, freshDir, runOnCommittedLib } from './work.js';

const count = Number(process.env.BENCH_EC_COUNT ?? 500);
const peerCount = Math.min(count, 100);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const peersDir = preparePeers();
const work = freshDir('issue-ec');
/** A store per CA key, each named by a configuration file (--config / CSCERT_CONFIG). */
const configs = { ec: join(work, 'ec-ca.json'), rsa: join(work, 'rsa-ca.json') };
for (const [caKey, file] of Object.entries(configs))
  writeFileSync(file, JSON.stringify({ store: join(work, `store-${caKey}`), defaultAuthority: `bench-${caKey}`,
    authorities: { [`bench-${caKey}`]: { kind: 'local', ...(caKey === 'ec' ? { keyAlg: 'ECDH_P256' } : {}) } } }));
const env = cleanEnvironment();
const request = '$null = Request-CsCertificate -New -Type Default -KeyAlg ECDH_P256';
const script = (n: number) => `1..${n} | ForEach-Object { ${request} }`;
const THROTTLE = 16;
/** The same requests as concurrent blocks: their store changes share batches (one lock, one journal sync). */
const parallelScript = (n: number) => `1..${n} | ForEach-Object -Parallel { ${request} } -ThrottleLimit ${THROTTLE}`;
const cscert = (label: string, caKey: 'ec' | 'rsa', code: string): ProcessSpec =>
  [label, process.execPath, [cscertBinary, '--config', configs[caKey], '-c', code]];
const commands: ProcessSpec[] = [
  cscert(`cscert: ${count} x Request-CsCertificate -New -KeyAlg ECDH_P256, P-256 CA`, 'ec', script(count)),
  cscert('cscert: the same script with 1 request (start-up and first request)', 'ec', script(1)),
  cscert(`cscert: the same ${count} with ForEach-Object -Parallel`, 'ec', parallelScript(count)),
  cscert(`cscert: ${count} requests, the embedded CA's default RSA-2048 key`, 'rsa', script(count)),
  ...peerCommands('ec', peerCount, 'ec'),
  ...peerCommands('ec', peerCount, 'rsa'),
];

for (const file of Object.values(configs))   // creates each CA
  execFileSync(process.execPath, [cscertBinary, '--config', file, '-c', request], { env, cwd: peersDir, stdio: 'ignore' });
const domainRuns: number[] = [];
const results = compareProcesses(commands, { runs: rounds, warmup: 0, env, cwd: peersDir });
for (let round = 0; round < rounds; round++) {
  domainRuns.push(JSON.parse(runOnCommittedLib('domain-issue.ts', [String(count), 'ECDH_P256'],
    { env: { ...env, CSCERT_CONFIG: configs.ec }, cwd: peersDir })).ms);
}
if (certificatesInMy(join(work, 'store-ec')) < rounds * (3 * count + 1) + 1) throw new Error('fewer certificates were issued than requested');

const [full, one, parallel, rsaCa, ...peers] = results;
const scriptRate = count * 1000 / full.median, parallelRate = count * 1000 / parallel.median;
const cscertRow = (path: string, totalMs: number, cpuMs: number | undefined, n: number, target: string) => ({
  path, 'total ms': totalMs.toFixed(0), 'ms per cert': (totalMs / n).toFixed(2), 'certs/s': (n * 1000 / totalMs).toFixed(0),
  'CPU ms per cert': cpuMs === undefined ? '' : (cpuMs / n).toFixed(2), target });
printTable(`ECDSA P-256 issuance (median of ${rounds} interleaved runs, NODE_EXTRA_CA_CERTS unset)`, [
  cscertRow(`cscert script, ${count} certificates, P-256 CA, whole process`, full.median, full.cpuMedian, count, `≥ 500/s: ${verdict(scriptRate >= 500)}`),
  cscertRow('cscert, the same without start-up and the first request', full.median - one.median, full.cpuMedian - one.cpuMedian, count - 1, ''),
  cscertRow(`cscert script, ${count} certificates, ForEach-Object -Parallel -ThrottleLimit ${THROTTLE}, P-256 CA`, parallel.median, parallel.cpuMedian, count,
    `≥ 500/s: ${verdict(parallelRate >= 500)}`),
  cscertRow(`domain API only (last commit's lib/, in-process, ${count}, sequential), P-256 CA`, median(domainRuns), undefined, count, ''),
  cscertRow(`cscert script, ${count} certificates, RSA-2048 CA (the default)`, rsaCa.median, rsaCa.cpuMedian, count, ''),
  ...peers.map(peer => cscertRow(peer.label, peer.median, peer.cpuMedian, peerCount, 'peer')),
], ['path', 'total ms', 'ms per cert', 'certs/s', 'CPU ms per cert', 'target']);
