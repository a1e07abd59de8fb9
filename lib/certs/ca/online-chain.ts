// The CA certificates an online CA (acme, cfssl) sent with its last certificate, kept in the
// store so Get-CsCertificateAuthority can show them as files a user imports or copies, the way
// one downloads a chain from an enterprise CA: <store>/ca/<name>/chain.pem (what the CA sent,
// issuer first) and root.pem when the chain ends in a self-signed root. Written only once a
// certificate is issued. Imports Node built-ins and the domain's store and x509 helpers.

import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthorityDescription } from '../authority.js';
import type { DomainEnv } from '../env.js';
import { atomicWrite } from '../store/files.js';
import { paths } from '../store/layout.js';
import { openStore } from '../store/store.js';
import { buildChain } from '../x509/chain.js';
import { pemBlocks, toPem } from '../x509/pem-text.js';

const folderOf = (env: DomainEnv, name: string) => join(env.storeRoot, paths.authority(name));
const isSelfSigned = (der: Buffer) => { const x = new X509Certificate(der); return x.checkIssued(x) && x.verify(x.publicKey); };

export function saveChain(env: DomainEnv, name: string, chain: Buffer[]): void {
  if (!chain.length) return;
  const folder = folderOf(env, name);
  atomicWrite(join(folder, 'chain.pem'), chain.map((der) => toPem('CERTIFICATE', der)).join(''));
  const top = chain[chain.length - 1]!;
  if (isSelfSigned(top)) atomicWrite(join(folder, 'root.pem'), toPem('CERTIFICATE', top));
}

/** Identity, kind and whether the last chain leads to a root in the Root store. */
export async function describeOnline(env: DomainEnv, name: string, kind: string): Promise<AuthorityDescription> {
  const folder = folderOf(env, name);
  const file = (base: string) => (existsSync(join(folder, base)) ? join(folder, base) : undefined);
  const chainPath = file('chain.pem');
  let trusted = false;
  if (chainPath) {
    const [issuer] = pemBlocks(readFileSync(chainPath, 'utf8')).map((b) => b.der);
    const store = await openStore(env.storeRoot, env);
    trusted = buildChain(issuer!, { ...(await store.chainCertificates()), at: env.now() }).trusted;
  }
  return { identity: name, kind, policy: 'auto', trusted, rootCertificatePath: file('root.pem'), issuingCertificatePath: chainPath };
}
