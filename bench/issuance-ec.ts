// ECDSA P-256 issuance (SPEC §8, issue 6 point 4): at least 500 certificates a second in one
// `cscert -c` script of `Request-CsCertificate -New -KeyAlg ECDH_P256`, beside the peers' loops
// (about 185/s and 150/s on this machine kind) and the domain API alone (lib/certs
// `requestCertificate` in-process, from the last commit's lib/: what the cmdlet adds is the difference). Whole processes,
// interleaved rounds, medians. Run: npm run bench -- issue-ec   (BENCH_EC_COUNT, BENCH_ROUNDS)
import { execFileSync } from 'node:child_process';
import { cleanEnvironment, compareProcesses, median, printTable, verdict, type ProcessSpec } from './timing.js';
import { peerCommands, preparePeers } from './peers.js';
import { certificatesInMy, cscertBinary, cscertCommand, freshDir, runOnCommittedLib } from './work.js';

const count = Number(process.env.BENCH_EC_COUNT ?? 500);
const peerCount = Math.min(count, 100);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const peersDir = preparePeers();
const store = `${freshDir('issue-ec')}/store`;
const env = cleanEnvironment({ CSCERT_STORE: store });
const request = '$null = Request-CsCertificate -New -Type Default -KeyAlg ECDH_P256';
const script = (n: number) => `1..${n} | ForEach-Object { ${request} }`;
const commands: ProcessSpec[] = [
  cscertCommand(`cscert: ${count} x Request-CsCertificate -New -KeyAlg ECDH_P256`, script(count)),
  cscertCommand('cscert: the same script with 1 request (start-up and first request)', script(1)),
  ...peerCommands('ec', peerCount),
];

execFileSync(process.execPath, [cscertBinary, '-c', request], { env, cwd: peersDir, stdio: 'ignore' });   // creates the CA
const domainRuns: number[] = [];
const results = compareProcesses(commands, { runs: rounds, warmup: 0, env, cwd: peersDir });
for (let round = 0; round < rounds; round++) {
  domainRuns.push(JSON.parse(runOnCommittedLib('domain-issue.ts', [String(count), 'ECDH_P256'], { env, cwd: peersDir })).ms);
}
if (certificatesInMy(store) < rounds * (2 * count + 2)) throw new Error(`only ${certificatesInMy(store)} certificates were issued`);

const [full, one, openssl, cfssl] = results;
const scriptRate = count * 1000 / full.median;
const marginalRate = (count - 1) * 1000 / (full.median - one.median);
const domainRate = count * 1000 / median(domainRuns);
printTable(`ECDSA P-256 issuance (median of ${rounds} interleaved runs, NODE_EXTRA_CA_CERTS unset)`, [
  { path: `cscert script, ${count} certificates, whole process`, 'total ms': full.median.toFixed(0), 'ms per cert': (full.median / count).toFixed(2),
    'certs/s': scriptRate.toFixed(0), 'CPU ms per cert': (full.cpuMedian / count).toFixed(2), target: `≥ 500/s: ${verdict(scriptRate >= 500)}` },
  { path: 'cscert, the same without start-up and the first request', 'total ms': (full.median - one.median).toFixed(0),
    'ms per cert': (1000 / marginalRate).toFixed(2), 'certs/s': marginalRate.toFixed(0),
    'CPU ms per cert': ((full.cpuMedian - one.cpuMedian) / (count - 1)).toFixed(2), target: '' },
  { path: `domain API only (last commit's lib/, in-process, ${count}, sequential)`, 'total ms': median(domainRuns).toFixed(0),
    'ms per cert': (1000 / domainRate).toFixed(2), 'certs/s': domainRate.toFixed(0), 'CPU ms per cert': '', target: '' },
  ...[openssl, cfssl].map(peer => ({ path: peer.label, 'total ms': peer.median.toFixed(0), 'ms per cert': (peer.median / peerCount).toFixed(2),
    'certs/s': (peerCount * 1000 / peer.median).toFixed(0), 'CPU ms per cert': (peer.cpuMedian / peerCount).toFixed(2), target: 'peer' })),
], ['path', 'total ms', 'ms per cert', 'certs/s', 'CPU ms per cert', 'target']);
