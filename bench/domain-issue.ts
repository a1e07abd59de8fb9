// Issues certificates through the domain API (`requestCertificate` of lib/certs), no shell: the
// part of a `Request-CsCertificate -New` that is the domain's own. Prints one JSON line with the
// batch's wall time, so a benchmark can tell domain cost from cmdlet and start-up cost.
// Run: node --import tsx bench/domain-issue.ts <count> <RSA|ECDH_P256> [parallel]   (CSCERT_STORE names the store)
import { createDomainEnv, loadConfig, openStore, requestCertificate, type KeyAlgorithm } from '../lib/certs/index.js';

const count = Number(process.argv[2] ?? 100);
const keyAlg = (process.argv[3] ?? 'ECDH_P256') as KeyAlgorithm;
const inFlight = Number(process.argv[4] ?? 1);
const config = await loadConfig({ cwd: process.cwd(), env: process.env });
const env = createDomainEnv({ storeRoot: config.store, env: process.env });
const store = await openStore(config.store, env);
const issueOne = async () => {
  const result = await requestCertificate(config, store, env, { types: ['Default'], keyAlg });
  if (result.status !== 'Issued') throw new Error(`request ${result.requestId}: ${result.status} ${result.message}`);
};

await issueOne();                                                     // the CA exists and the JIT is warm before timing
const start = performance.now();
let left = count;
await Promise.all(Array.from({ length: inFlight }, async () => { while (left-- > 0) await issueOne(); }));
const ms = performance.now() - start;
console.log(JSON.stringify({ count, keyAlg, inFlight, ms, perCertificateMs: ms / count }));
