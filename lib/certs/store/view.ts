// Reading the store: certificates by thumbprint, private keys, requests and assignments. Shared
// by the store (reading disk) and a transaction (reading disk through its staged changes), so a
// multi-step change sees its own earlier steps. Reads take no lock: every file is replaced
// atomically. Imports Node built-ins, x509, layout and certificate-text.

import type { KeyObject } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CertError } from '../errors.js';
import type { DomainEnv } from '../env.js';
import { parseCertificate, normalizeThumbprint, type CertificateInfo } from '../x509/parse.js';
import { fromPem } from '../x509/pem-text.js';
import { metadataOf } from './certificate-text.js';
import { decodeKey } from './keys-at-rest.js';
import { loggedRecord, loggedRecordOnDisk, loggedRecords } from './record-log.js';
import { paths, STORE_NAMES, type Assignment, type AssignmentsFile, type CertificateMetadata, type RequestRecord, type StoreName } from './layout.js';

export interface StoredCertificate extends CertificateInfo {
  store: StoreName;
  der: Buffer;
  hasPrivateKey: boolean;
  friendlyName?: string;
  exportable: boolean;
  requestId?: number;
}

export interface AssignmentView {
  scope: string;
  usage: string;
  /** The certificate in effect now (a rolled one once its effective date has passed). */
  thumbprint?: string;
  previousThumbprint?: string;
  /** A rolled certificate waiting for its effective date. */
  pendingThumbprint?: string;
  effectiveDate?: Date;
  updateTime: Date;
}

export abstract class StoreView {
  constructor(readonly root: string, readonly env: DomainEnv) {}
  protected abstract read(relativePath: string): Buffer | undefined;
  /** Whether a file is there, without reading it. */
  protected abstract exists(relativePath: string): boolean;
  protected abstract listDirectory(relativePath: string): string[];

  /** A certificate by thumbprint (any accepted spelling), searched in My, CA, Root unless a store is named. */
  async get(thumbprint: string, store?: StoreName): Promise<StoredCertificate | undefined> {
    const id = normalizeThumbprint(thumbprint);
    for (const name of store ? [store] : (['My', 'CA', 'Root'] as const)) {
      const pem = this.read(paths.certificate(name, id));
      if (!pem) continue;
      const text = pem.toString();
      const der = fromPem(text, 'CERTIFICATE');
      const metadata = metadataOf(text) ?? this.legacyMetadata(name, id);
      return { ...parseCertificate(der), store: name, der, hasPrivateKey: this.exists(paths.key(name, id)),
        friendlyName: metadata.friendlyName, exportable: metadata.exportable ?? false, requestId: metadata.requestId };
    }
    return undefined;
  }

  /** Like get, but NotFound names the store searched. */
  async require(thumbprint: string, store?: StoreName): Promise<StoredCertificate> {
    const found = await this.get(thumbprint, store);
    if (!found) throw new CertError('NotFound', `No certificate with thumbprint '${normalizeThumbprint(thumbprint)}' in ${store ? `the ${store} store` : 'the My, CA or Root store'}.`,
      { target: normalizeThumbprint(thumbprint) });
    return found;
  }

  /** A certificate's metadata: on the first line of its file, or (format 1) in a file beside it. */
  protected metadata(store: StoreName, thumbprint: string): CertificateMetadata {
    const pem = this.read(paths.certificate(store, thumbprint));
    return (pem && metadataOf(pem)) ?? this.legacyMetadata(store, thumbprint);
  }

  /** Metadata a format-1 store kept beside a certificate in My (certificate-text.ts). */
  protected legacyMetadata(store: StoreName, thumbprint: string): CertificateMetadata {
    const text = store === 'My' ? this.read(paths.legacyMetadata(store, thumbprint)) : undefined;
    return text ? JSON.parse(text.toString()) as CertificateMetadata : {};
  }

  /** The private key of a certificate in My; `forExport` refuses keys marked non-exportable. */
  async privateKey(thumbprint: string, options: { forExport?: boolean } = {}): Promise<KeyObject> {
    const id = normalizeThumbprint(thumbprint);
    const pem = this.read(paths.key('My', id));
    if (!pem) throw new CertError('NoPrivateKey', `The certificate '${id}' has no private key in the store.`, { target: id });
    if (options.forExport && !this.metadata('My', id).exportable)
      throw new CertError('NotExportable', `The private key of '${id}' was not marked exportable.`, { target: id,
        hint: 'Request the certificate again with -PrivateKeyExportable $true.' });
    return decodeKey(pem, this.env.keyPassphrase, id, this.env.keyPassphraseEnv);
  }

  /** Every request: a file each, and those issued at once, lines of the log (a file of the same id wins). */
  async requests(): Promise<RequestRecord[]> {
    const filed = this.listDirectory('REQUEST').filter((n) => /^\d+\.json$/.test(n))
      .map((n) => JSON.parse(this.read(join('REQUEST', n))!.toString()) as RequestRecord);
    const passed = new Set([...filed.map((r) => r.id), ...loggedRecords(this.read(paths.removedRequests)).map((r) => r.id)]);
    const logged = loggedRecords<RequestRecord>(this.read(paths.issuedRequests)).filter((r) => !passed.has(r.id));
    return [...filed, ...logged].sort((a, b) => a.id - b.id);
  }

  async request(id: number): Promise<RequestRecord | undefined> {
    const text = this.read(paths.request(id));
    return text ? JSON.parse(text.toString()) as RequestRecord : this.loggedRequest(id);
  }

  /** A request issued at once, from its line in the log, unless taken out since. */
  protected loggedRequest(id: number): RequestRecord | undefined {
    if (loggedRecord(this.read(paths.removedRequests), id)) return undefined;
    return this.loggedAt<RequestRecord>(paths.issuedRequests, id);
  }

  /** A record of a log (record-log.ts) by id. */
  loggedAt<T>(relativePath: string, id: number | string): T | undefined {
    return loggedRecordOnDisk<T>(join(this.root, relativePath), id);
  }

  async requestKey(id: number): Promise<KeyObject | undefined> {
    const pem = this.read(paths.requestKey(id));
    return pem ? decodeKey(pem, this.env.keyPassphrase, `request ${id}`, this.env.keyPassphraseEnv) : undefined;
  }

  protected assignmentsFile(): AssignmentsFile {
    const text = this.read(paths.assignments);
    return text ? JSON.parse(text.toString()) as AssignmentsFile : { format: 1, scopes: {} };
  }

  /** Assignments of a scope (or all scopes), with rolled certificates promoted once due. */
  async assignments(scope?: string, usages?: string[]): Promise<AssignmentView[]> {
    const { scopes } = this.assignmentsFile();
    const now = this.env.now();
    return Object.entries(scopes)
      .filter(([name]) => scope === undefined || name.toLowerCase() === scope.toLowerCase())
      .flatMap(([name, byUsage]) => Object.entries(byUsage)
        .filter(([usage]) => !usages || usages.some((u) => u.toLowerCase() === usage.toLowerCase()))
        .map(([usage, record]) => viewOf(name, usage, effective(record, now))));
  }

  /** Scopes and usages a certificate is assigned to (current, rolled or previous). */
  async usagesOf(thumbprint: string): Promise<{ scope: string; usage: string; as: 'current' | 'rolled' | 'previous' }[]> {
    const id = normalizeThumbprint(thumbprint);
    const result: { scope: string; usage: string; as: 'current' | 'rolled' | 'previous' }[] = [];
    for (const [scope, byUsage] of Object.entries(this.assignmentsFile().scopes))
      for (const [usage, record] of Object.entries(byUsage)) {
        if (record.current === id) result.push({ scope, usage, as: 'current' });
        if (record.rolled?.thumbprint === id) result.push({ scope, usage, as: 'rolled' });
        if (record.previous === id) result.push({ scope, usage, as: 'previous' });
      }
    return result;
  }

  /** Whether this view changes anything under a folder (a transaction's staged files). */
  protected abstract changesUnder(folder: string): boolean;

  /**
   * The CA and Root certificates, for chain building; every issuance checks its chain. Kept per
   * process while neither folder's mtime moves (readdir and two reads saved per request). A
   * folder changed within the last second is read afresh every time: its mtime has the kernel's
   * coarse clock, so a change in the same tick as the reading would not show.
   */
  async chainCertificates(): Promise<ChainCertificates> {
    const key = this.changesUnder('Root') || this.changesUnder('CA') ? undefined : settledMtimes(this.root);
    const cached = chainCache.get(this.root);
    if (key && cached?.key === key) return cached.value;
    const load = (store: StoreName) => this.listDirectory(store).filter((n) => /^[0-9A-F]{40}\.pem$/.test(n))
      .map((n) => fromPem(this.read(join(store, n))!.toString(), 'CERTIFICATE'));
    const value = { roots: load('Root'), intermediates: load('CA') };
    if (key) chainCache.set(this.root, { key, value });
    return value;
  }
}

export type ChainCertificates = { roots: Buffer[]; intermediates: Buffer[] };
const chainCache = new Map<string, { key: string; value: ChainCertificates }>();

/** `Root` and `CA` folders' mtimes, or undefined when either changed too recently to be sure of. */
function settledMtimes(root: string): string | undefined {
  const stamps: number[] = [];
  for (const folder of ['Root', 'CA']) {
    const stat = statSync(join(root, folder), { throwIfNoEntry: false });
    if (!stat || Date.now() - stat.mtimeMs < 1000) return undefined;
    stamps.push(stat.mtimeMs, stat.ino);
  }
  return stamps.join(':');
}

/** A rolled certificate whose effective date has passed becomes current; the old one previous. */
export function effective(record: Assignment, now: Date): Assignment {
  if (!record.rolled || new Date(record.rolled.effectiveDate) > now) return record;
  return { current: record.rolled.thumbprint, previous: record.current ?? record.previous,
    effectiveDate: record.rolled.effectiveDate, updateTime: record.updateTime };
}

function viewOf(scope: string, usage: string, record: Assignment): AssignmentView {
  return { scope, usage, thumbprint: record.current, previousThumbprint: record.previous,
    pendingThumbprint: record.rolled?.thumbprint,
    effectiveDate: record.rolled ? new Date(record.rolled.effectiveDate) : record.effectiveDate ? new Date(record.effectiveDate) : undefined,
    updateTime: new Date(record.updateTime) };
}

export const isStoreName = (name: string): name is StoreName => (STORE_NAMES as readonly string[]).includes(name);

export function readDirectory(root: string, relativePath: string): string[] {
  try { return readdirSync(join(root, relativePath)); } catch { return []; }
}
