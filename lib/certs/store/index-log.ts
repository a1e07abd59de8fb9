// The store index: an append-only log of `{"op":"add",...}` / `{"op":"remove",...}` lines,
// folded into a map per store on read, so listing 10,000 certificates reads one file instead of
// parsing 10,000. A torn last line (crash mid-append) is ignored: the state before. When the
// log disagrees with the certificate files (a crash between them, a hand edit), the files win
// and the index is rebuilt from them. Imports Node built-ins, x509/parse and layout.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { X509Certificate } from 'node:crypto';
import { parseCertificate, thumbprintOf } from '../x509/parse.js';
import { fromPem } from '../x509/pem-text.js';
import { metadataOf } from './certificate-text.js';
import { readIfExists } from './files.js';
import { paths, STORE_NAMES, type CertificateMetadata, type IndexEntry, type StoreName } from './layout.js';

export type IndexState = Record<StoreName, Map<string, IndexEntry>>;
type IndexLine = { op: 'add'; store: StoreName; entry: IndexEntry } | { op: 'remove'; store: StoreName; thumbprint: string };

export const emptyIndex = (): IndexState => ({ My: new Map(), Root: new Map(), CA: new Map() });

export function foldIndex(text: string): { index: IndexState; lines: number } {
  const index = emptyIndex();
  let lines = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    let record: IndexLine;
    try { record = JSON.parse(line) as IndexLine; } catch { continue; }
    lines++;
    const map = index[record.store];
    if (!map) continue;
    if (record.op === 'add') map.set(record.entry.thumbprint, record.entry);
    else map.delete(record.thumbprint);
  }
  return { index, lines };
}

export const addLine = (store: StoreName, entry: IndexEntry): string => JSON.stringify({ op: 'add', store, entry }) + '\n';
export const removeLine = (store: StoreName, thumbprint: string): string => JSON.stringify({ op: 'remove', store, thumbprint }) + '\n';

export function serializeIndex(index: IndexState): string {
  return STORE_NAMES.flatMap((store) => [...index[store].values()].map((entry) => addLine(store, entry))).join('');
}

type ParsedPart = Omit<IndexEntry, 'hasPrivateKey' | 'friendlyName'>;
/** Certificates this process parsed lately, by thumbprint: the issuing CA is re-added with every certificate it issues. */
const parsed = new Map<string, ParsedPart>();

export function entryFor(certificateDer: Buffer, hasPrivateKey: boolean, metadata: CertificateMetadata, x509?: X509Certificate): IndexEntry {
  const thumbprint = thumbprintOf(certificateDer);
  let part = parsed.get(thumbprint);
  if (!part) {
    const info = parseCertificate(certificateDer, x509);
    part = { thumbprint: info.thumbprint, subject: info.subject, issuer: info.issuer, serialNumber: info.serialNumber,
      notBefore: info.notBefore.toISOString(), notAfter: info.notAfter.toISOString(), sans: info.sans, ekus: info.ekus,
      isCA: info.isCA, selfSigned: info.selfSigned, keyAlgorithm: info.keyAlgorithm, keySize: info.keySize };
    if (parsed.size >= 64) parsed.delete(parsed.keys().next().value!);
    parsed.set(thumbprint, part);
  }
  return { ...part, hasPrivateKey, ...(metadata.friendlyName ? { friendlyName: metadata.friendlyName } : {}) };
}

/** Thumbprints whose certificate file exists, per store: cheap (readdir only). */
export function thumbprintsOnDisk(root: string): Record<StoreName, Set<string>> {
  const result = {} as Record<StoreName, Set<string>>;
  for (const store of STORE_NAMES) {
    let names: string[] = [];
    try { names = readdirSync(join(root, store)); } catch { /* store folder not created yet */ }
    result[store] = new Set(names.filter((n) => /^[0-9A-F]{40}\.pem$/.test(n)).map((n) => n.slice(0, 40)));
  }
  return result;
}

export function agrees(index: IndexState, onDisk: Record<StoreName, Set<string>>): boolean {
  return STORE_NAMES.every((store) => index[store].size === onDisk[store].size
    && [...onDisk[store]].every((thumbprint) => index[store].has(thumbprint)));
}

/** The index the files describe; entries still valid in `known` are reused, not re-parsed. */
export function rebuildIndex(root: string, known: IndexState): IndexState {
  const onDisk = thumbprintsOnDisk(root);
  const index = emptyIndex();
  for (const store of STORE_NAMES) for (const thumbprint of onDisk[store]) {
    const hasKey = readIfExists(join(root, paths.key(store, thumbprint))) !== undefined;
    const reuse = known[store].get(thumbprint);
    if (reuse && reuse.hasPrivateKey === hasKey) { index[store].set(thumbprint, reuse); continue; }
    const pem = readIfExists(join(root, paths.certificate(store, thumbprint)))?.toString();
    if (!pem) continue;
    try {
      const legacy = () => (store === 'My' ? readIfExists(join(root, paths.legacyMetadata(store, thumbprint))) : undefined);
      const metadata = metadataOf(pem) ?? JSON.parse(legacy()?.toString() ?? '{}') as CertificateMetadata;
      index[store].set(thumbprint, entryFor(fromPem(pem, 'CERTIFICATE'), hasKey, metadata));
    }
    catch { /* an unreadable file stays on disk but out of the index */ }
  }
  return index;
}
