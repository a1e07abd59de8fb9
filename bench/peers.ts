// The peers cscert's issuance is compared with (reference/perf-baselines.md §4): a loop of one
// `openssl req -x509 -newkey -CA -CAkey` process per certificate, and a loop of
// `cfssl gencert | cfssljson -bare` (Debian golang-cfssl). Each writes a key and a certificate
// file per certificate and signs with a CA made here: RSA-2048, as cscert's embedded CA by
// default, or P-256 (`caKey: 'ec'`), for issuance that is ECDSA from end to end.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProcessSpec } from './timing.js';
import { freshDir } from './work.js';

export type PeerKey = 'rsa' | 'ec';
const NEW_KEY = { rsa: '-newkey rsa:2048', ec: '-newkey ec -pkeyopt ec_paramgen_curve:P-256' };

/** Makes the peers' CAs (ca.pem: RSA-2048, ca-ec.pem: P-256), cfssl's configuration and the loop scripts in <work>/peers. */
export function preparePeers(): string {
  const dir = freshDir('peers');
  for (const [caKey, file] of [['rsa', 'ca'], ['ec', 'ca-ec']] as const)
    execFileSync('sh', ['-c', `openssl req -x509 ${NEW_KEY[caKey]} -nodes -keyout ${file}-key.pem -out ${file}.pem -days 3650 ` +
      `-subj '/CN=cscert bench peer CA' -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign`],
    { cwd: dir, stdio: 'ignore' });
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ signing: { default: { expiry: '8760h' },
    profiles: { www: { expiry: '8760h', usages: ['signing', 'key encipherment', 'server auth'] } } } }));
  for (const [key, algorithm] of [['rsa', { algo: 'rsa', size: 2048 }], ['ec', { algo: 'ecdsa', size: 256 }]] as const)
    writeFileSync(join(dir, `csr-${key}.json`), JSON.stringify({ CN: 'pool.contoso.local', key: algorithm,
      hosts: ['pool.contoso.local', 'sip.contoso.local', '192.0.2.10'] }));
  // Loop scripts take the count and the CA's file stem (ca or ca-ec).
  for (const key of ['rsa', 'ec'] as const) {
    writeFileSync(join(dir, `openssl-${key}.sh`), `#!/bin/sh\nset -e\nmkdir -p out\nfor i in $(seq 1 "$1"); do\n` +
      `  openssl req -x509 ${NEW_KEY[key]} -nodes -keyout out/$i.key -out out/$i.pem -days 365 -subj /CN=pool.contoso.local ` +
      `-addext subjectAltName=DNS:pool.contoso.local,DNS:sip.contoso.local,IP:192.0.2.10 -addext extendedKeyUsage=serverAuth ` +
      `-CA "$2.pem" -CAkey "$2-key.pem" 2>/dev/null\ndone\n`);
    writeFileSync(join(dir, `cfssl-${key}.sh`), `#!/bin/sh\nset -e\nmkdir -p out\nfor i in $(seq 1 "$1"); do\n` +
      `  cfssl gencert -loglevel 5 -ca "$2.pem" -ca-key "$2-key.pem" -config config.json -profile www csr-${key}.json | ` +
      `cfssljson -bare out/cfssl-$i\ndone\n`);
  }
  return dir;
}

/** Timed rows for the two peer loops of `count` certificates with `key` keys under the `caKey` CA (run them with cwd = the peers dir). */
export function peerCommands(key: PeerKey, count: number, caKey: PeerKey = 'rsa'): ProcessSpec[] {
  const ca = caKey === 'rsa' ? 'ca' : 'ca-ec', under = caKey === 'rsa' ? 'RSA-2048 CA' : 'P-256 CA';
  return [
    [`openssl req -x509 -newkey -CA loop (${count}), ${under}`, 'sh', [`openssl-${key}.sh`, String(count), ca]],
    [`cfssl gencert | cfssljson loop (${count}), ${under}`, 'sh', [`cfssl-${key}.sh`, String(count), ca]],
  ];
}
