// A change to the store, staged in memory and committed all at once through the journal
// (files.ts): certificate files first, then the index lines, assignments and counters, so a
// reader or a crash sees the state before or after, never between. Only the group committer
// creates transactions, holding the lock: one per caller, read through the batch it joins
// (`base`), absorbed into that batch when it succeeds and dropped when it throws. Imports
// Node built-ins, x509, layout and view.

import type { KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CertError } from '../errors.js';
import type { DomainEnv } from '../env.js';
import { toX509, thumbprintOf, normalizeThumbprint } from '../x509/parse.js';
import { tbsParts } from '../x509/certificate.js';
import { generatedSpki } from '../x509/keys.js';
import { certificateText } from './certificate-text.js';
import { readIfExists, type FileChange } from './files.js';
import { addLine, entryFor, removeLine } from './index-log.js';
import { lastLoggedId, loggedRecord, logLine } from './record-log.js';
import { checkKeyProtection, encodeKey, KEYS_FILE } from './keys-at-rest.js';
import { paths, STORE_FORMAT, type Assignment, type AssignmentsFile, type CertificateMetadata, type IndexEntry, type RequestRecord, type StoreName } from './layout.js';
import { LockMemory } from './lock-memory.js';
import { effective, readDirectory, StoreView, type ChainCertificates } from './view.js';

export interface AddOptions {
  key?: KeyObject;
  friendlyName?: string;
  exportable?: boolean;
  requestId?: number;
}

/** Whether the certificate carries the public half of a key generateKey made in this process. */
function isForGeneratedKey(certificateDer: Buffer, key: KeyObject): boolean {
  const spki = generatedSpki(key);
  if (!spki) return false;
  try { return tbsParts(certificateDer).spki.raw.equals(spki); } catch { return false; }
}

/** Keys generateKey made that a change has put in My (staged: a change that then failed counts too, and only costs a look). */
const keysPutInMy = new WeakSet<KeyObject>();

export interface StoreFile { format: number; nextRequestId?: number }
const ID_FLOOR_STEP = 16;

export class StoreTransaction extends StoreView {
  private readonly staged = new Map<string, FileChange>();
  private readonly indexLines: string[] = [];
  private assignmentsDoc?: AssignmentsFile;
  private storeDoc?: StoreFile;

  /**
   * `base`: the batch this transaction joins. `memory` (a batch only): what was read from disk
   * under the lock, kept across the batches of a lease by the group committer.
   */
  constructor(root: string, env: DomainEnv, private readonly base?: StoreTransaction, private readonly memory = new LockMemory()) { super(root, env); }

  protected read(relativePath: string): Buffer | undefined {
    if (relativePath === paths.assignments && this.assignmentsDoc) return Buffer.from(JSON.stringify(this.assignmentsDoc));
    if (relativePath === paths.storeFile && this.storeDoc) return Buffer.from(JSON.stringify(this.storeDoc));
    const change = this.staged.get(relativePath);
    if (change?.op === 'append') return Buffer.concat([this.readUnder(relativePath) ?? Buffer.alloc(0), change.data]);
    if (change) return change.op === 'write' ? change.data : undefined;
    return this.readUnder(relativePath);
  }

  /** The file as it stands below this change: through the batch, else on disk. */
  private readUnder(relativePath: string): Buffer | undefined {
    return this.base ? this.base.read(relativePath) : this.onDisk(relativePath);
  }

  /**
   * What the batch read from disk, by path (LockMemory): the lock is held for the whole batch and
   * its own changes are staged, not written, so a file read once stands until the commit. The
   * changes of a batch look up the same files (store.json, keys.json, the CA's files) one after another.
   */
  private onDisk(relativePath: string): Buffer | undefined {
    const { reads, presence } = this.memory;
    if (reads.has(relativePath)) return reads.get(relativePath);
    const data = presence.get(relativePath) === false ? undefined : readIfExists(join(this.root, relativePath));
    reads.set(relativePath, data);
    return data;
  }

  private presentOnDisk(relativePath: string): boolean {
    const { reads, presence } = this.memory;
    let present = presence.get(relativePath);
    if (present === undefined) {
      present = reads.has(relativePath) ? reads.get(relativePath) !== undefined : existsSync(join(this.root, relativePath));
      presence.set(relativePath, present);
    }
    return present;
  }

  /** A logged record through this change and its batch: lines appended here, else on disk. */
  override loggedAt<T>(relativePath: string, id: number | string): T | undefined {
    const change = this.staged.get(relativePath);
    if (change?.op === 'delete') return undefined;
    const here = change && loggedRecord<T>(change.data, id);
    if (here || change?.op === 'write') return here;
    return this.base ? this.base.loggedAt<T>(relativePath, id) : super.loggedAt<T>(relativePath, id);
  }

  /**
   * The last id of a record log (record-log.ts): read from disk once under the lock (no other
   * process appends while it is held), then raised by the lines the batch appends.
   */
  lastLoggedId(relativePath: string): number {
    if (this.base) return this.base.lastLoggedId(relativePath);
    const { loggedIds } = this.memory;
    let id = loggedIds.get(relativePath);
    if (id === undefined) loggedIds.set(relativePath, (id = lastLoggedId(join(this.root, relativePath))));
    return id;
  }

  private logged(relativePath: string, id: number): void {
    if (this.base) { this.base.logged(relativePath, id); return; }
    this.memory.loggedIds.set(relativePath, Math.max(this.lastLoggedId(relativePath), id));
  }

  protected exists(relativePath: string): boolean {
    if ((relativePath === paths.assignments && this.assignmentsDoc) || (relativePath === paths.storeFile && this.storeDoc)) return true;
    const change = this.staged.get(relativePath);
    if (change) return change.op !== 'delete';
    return this.base ? this.base.exists(relativePath) : this.presentOnDisk(relativePath);
  }

  /**
   * Looked at once under the lock while the batches leave Root and CA alone: no other process
   * changes them while it is held (every issuance judges its chain; the look is two stats).
   */
  override chainCertificates(): Promise<ChainCertificates> {
    if (this.changesUnder('Root') || this.changesUnder('CA')) return super.chainCertificates();
    return this.base ? this.base.chainCertificates() : (this.memory.chain ??= super.chainCertificates());
  }

  protected changesUnder(folder: string): boolean {
    for (const path of this.staged.keys()) if (path.startsWith(folder + '/')) return true;
    return this.base?.changesUnder(folder) ?? false;
  }

  protected listDirectory(relativePath: string): string[] {
    const names = new Set(this.base ? this.base.listDirectory(relativePath) : readDirectory(this.root, relativePath));
    for (const [path, change] of this.staged) {
      if (!path.startsWith(relativePath + '/')) continue;
      const name = path.slice(relativePath.length + 1);
      if (change.op === 'delete') names.delete(name); else names.add(name);
    }
    return [...names];
  }

  private write(path: string, data: Buffer | string, mode?: number): void {
    this.stage({ op: 'write', path, data: Buffer.from(data), mode });
  }

  private remove(path: string): void {
    this.staged.delete(path);
    if (this.base ? this.base.exists(path) : this.presentOnDisk(path)) this.staged.set(path, { op: 'delete', path });
  }

  /** A key as its file holds it; refuses a missing or wrong passphrase before anything is written with it. */
  private protect(key: KeyObject): Buffer {
    const keysFile = checkKeyProtection(this.env, this.read(KEYS_FILE));
    if (keysFile) this.write(KEYS_FILE, keysFile, 0o600);
    return encodeKey(key, this.env.keyPassphrase);
  }

  /**
   * A file of something the store houses (the embedded CA's request records), read through this
   * change and its batch; `putFile` writes one as part of the change, so it is as durable and as
   * all-or-nothing as the certificates it goes with.
   */
  fileAt(relativePath: string): Buffer | undefined { return this.read(relativePath); }
  fileExists(relativePath: string): boolean { return this.exists(relativePath); }

  /**
   * Whether a request id's file is there (the id probes of addRequest and of the embedded CA).
   * Once a lease is taken up, the folder is listed once (LockMemory), not looked up per id; a
   * one-off command looks up the one id, as listing an older store's thousands of request files
   * would cost it more.
   */
  idFileExists(relativePath: string): boolean {
    const change = this.staged.get(relativePath);
    if (change) return change.op !== 'delete';
    if (this.base) return this.base.idFileExists(relativePath);
    const { listings, leased } = this.memory;
    if (!leased) return this.presentOnDisk(relativePath);
    const folder = dirname(relativePath);
    let names = listings.get(folder);
    if (!names) listings.set(folder, (names = new Set(readDirectory(this.root, folder))));
    return names.has(basename(relativePath));
  }

  putFile(relativePath: string, data: Buffer | string, mode?: number): void { this.write(relativePath, data, mode); }
  /** Appends to a log file (made when missing), after whatever this change and its batch appended to it already. */
  appendToFile(relativePath: string, data: Buffer | string): void { this.stage({ op: 'append', path: relativePath, data: Buffer.from(data) }); }

  /** Stages a change, latest last; appends to one file add up, and an append to a file written here extends the write. */
  private stage(change: FileChange): void {
    const earlier = this.staged.get(change.path);
    this.staged.delete(change.path);
    this.staged.set(change.path, change.op === 'append' && earlier && earlier.op !== 'delete'
      ? { ...earlier, data: Buffer.concat([earlier.data, change.data]) } : change);
  }

  /** Takes a finished transaction's changes into this batch, as if they had been made here. */
  absorb(tx: StoreTransaction): void {
    for (const [path, change] of tx.staged) {
      if (change.op === 'delete' && !this.presentOnDisk(path)) { this.staged.delete(path); continue; }   // written earlier in this batch only: nothing to delete
      this.stage(change);
    }
    this.indexLines.push(...tx.indexLines);
    if (tx.assignmentsDoc) this.assignmentsDoc = tx.assignmentsDoc;
    if (tx.storeDoc) this.storeDoc = tx.storeDoc;
  }

  /** Adds a certificate (and its key); adding one already there is a no-op that may attach a key. */
  async add(store: StoreName, certificateDer: Buffer, options: AddOptions = {}): Promise<IndexEntry> {
    const thumbprint = thumbprintOf(certificateDer);
    if (options.key && store !== 'My') throw new CertError('InvalidArgument', 'Only the My store keeps private keys.');
    // A certificate for a key generateKey made in this process and never put in My cannot be in
    // the store yet (the key was made here, moments ago): no need to look.
    const freshKey = options.key !== undefined && !keysPutInMy.has(options.key) && isForGeneratedKey(certificateDer, options.key);
    const existing = !freshKey && this.exists(paths.certificate(store, thumbprint));
    // Malformed before anything is staged (a present file was checked when it was added). A new
    // certificate for a key generateKey made in this process needs no OpenSSL parse (~0.1-0.2 ms,
    // on every issuance): its key is known to match, and entryFor reads it with the DER reader,
    // which leaves to OpenSSL (Malformed) whatever it cannot read whole.
    const forOwnKey = freshKey || (!existing && options.key !== undefined && isForGeneratedKey(certificateDer, options.key));
    const x509 = (existing && !options.key) || forOwnKey ? undefined : toX509(certificateDer);
    // A certificate's key and metadata are written and removed with it (one batch), so a new one has neither.
    const hadKey = existing && this.exists(paths.key(store, thumbprint));
    const before = existing ? this.metadata(store, thumbprint) : {};
    const metadata: CertificateMetadata = { ...before, addedAt: before.addedAt ?? this.env.now().toISOString(),
      ...(options.friendlyName !== undefined ? { friendlyName: options.friendlyName } : {}),
      ...(options.exportable !== undefined && (options.key || !hadKey) ? { exportable: options.exportable } : {}),
      ...(options.requestId !== undefined ? { requestId: options.requestId } : {}) };
    if (options.key && !hadKey) {
      if (!forOwnKey && !x509!.checkPrivateKey(options.key))
        throw new CertError('InvalidArgument', `The private key does not belong to certificate '${thumbprint}'.`, { target: thumbprint });
      this.write(paths.key(store, thumbprint), this.protect(options.key), 0o600);
      keysPutInMy.add(options.key);
    }
    // In My, the metadata rides on the certificate's first line (certificate-text.ts): a new or
    // changed one rewrites the file, and a format-1 store's file beside it goes.
    const metadataChanged = store === 'My' && (!existing || JSON.stringify(metadata) !== JSON.stringify(before) || this.hasLegacyMetadata(thumbprint));
    if (!existing || metadataChanged) this.writeCertificate(store, thumbprint, certificateDer, metadata);
    if (metadataChanged && existing) this.dropLegacyMetadata(thumbprint);
    const entry = entryFor(certificateDer, hadKey || options.key !== undefined, metadata, x509);
    // Re-adding what is there (the issuing CA with every certificate it issues) changes nothing, so logs nothing.
    if (!existing || metadataChanged || (options.key && !hadKey)) this.indexLines.push(addLine(store, entry));
    return entry;
  }

  async removeCertificate(store: StoreName, thumbprint: string): Promise<void> {
    const id = normalizeThumbprint(thumbprint);
    if (!this.exists(paths.certificate(store, id)))
      throw new CertError('NotFound', `No certificate with thumbprint '${id}' in the ${store} store.`, { target: id });
    this.remove(paths.certificate(store, id));   // the certificate file goes first: it is what "present" means
    this.remove(paths.key(store, id));
    if (store === 'My') this.dropLegacyMetadata(id);
    this.indexLines.push(removeLine(store, id));
  }

  /** A format-1 store's metadata file beside a certificate in My: the certificate's file holds it once rewritten. */
  private hasLegacyMetadata(thumbprint: string): boolean { return this.exists(paths.legacyMetadata('My', thumbprint)); }

  private dropLegacyMetadata(thumbprint: string): void { this.remove(paths.legacyMetadata('My', thumbprint)); }

  /** A certificate's file; in My with its metadata line, which a cscert of format 1 would not read: store.json says format 2. */
  private writeCertificate(store: StoreName, thumbprint: string, der: Buffer, metadata: CertificateMetadata): void {
    this.write(paths.certificate(store, thumbprint), certificateText(der, store === 'My' ? metadata : undefined));
    if (store !== 'My') return;
    const file = this.storeFile();
    if (file.format < STORE_FORMAT) this.storeDoc = { ...file, format: STORE_FORMAT };
  }

  async setFriendlyName(thumbprint: string, friendlyName: string): Promise<void> {
    const certificate = await this.require(thumbprint, 'My');
    const metadata = { ...this.metadata('My', certificate.thumbprint), friendlyName };
    this.writeCertificate('My', certificate.thumbprint, certificate.der, metadata);
    this.dropLegacyMetadata(certificate.thumbprint);
    this.indexLines.push(addLine('My', entryFor(certificate.der, certificate.hasPrivateKey, metadata)));
  }

  // ---- requests ----

  /** store.json as this change sees it; setting storeDoc is what rewrites it. */
  private storeFile(): StoreFile {
    return this.storeDoc ?? JSON.parse(this.read(paths.storeFile)!.toString()) as StoreFile;
  }

  /**
   * Request ids: store.json's nextRequestId is a floor, raised every ID_FLOOR_STEP requests and
   * whenever a request at or above it is removed; ids up to the last one the log of issued
   * requests holds are passed over, and from there, ids whose file exists. So ids are unique and
   * never reused, and store.json is not replaced on every request: on ext4 a rename over an
   * existing file forces a writeback (~0.2 ms and a queue behind the disk), which every issuance
   * paid. A request issued at once is final: it is a line of REQUEST/issued.jsonl
   * (record-log.ts), not a file of its own to make, rename and sync; any other is a file, which
   * its later changes replace.
   */
  async addRequest(record: Omit<RequestRecord, 'id' | 'createdAt'>, key?: KeyObject): Promise<RequestRecord> {
    const floor = this.storeFile().nextRequestId ?? 1;
    let id = Math.max(floor, this.lastLoggedId(paths.issuedRequests) + 1);
    while (this.idFileExists(paths.request(id))) id++;
    if (id + 1 - floor >= ID_FLOOR_STEP) this.storeDoc = { ...this.storeFile(), nextRequestId: id + 1 };
    const full = { id, ...record, createdAt: this.env.now().toISOString() } as RequestRecord;
    if (key) this.write(paths.requestKey(id), this.protect(key), 0o600);
    if (full.status === 'Issued' && !key) { this.appendToFile(paths.issuedRequests, logLine(full)); this.logged(paths.issuedRequests, id); }
    else this.write(paths.request(id), JSON.stringify(full, null, 2));
    return full;
  }

  async updateRequest(id: number, patch: Partial<Omit<RequestRecord, 'id'>>): Promise<RequestRecord> {
    const current = await this.request(id);
    if (!current) throw new CertError('NotFound', `No certificate request with id ${id}.`, { target: String(id) });
    const updated = { ...current, ...patch, id };
    this.write(paths.request(id), JSON.stringify(updated, null, 2));
    return updated;
  }

  async removeRequest(id: number, options: { keepKey?: boolean } = {}): Promise<void> {
    if (!(await this.request(id))) throw new CertError('NotFound', `No certificate request with id ${id}.`, { target: String(id) });
    this.remove(paths.request(id));
    if (!options.keepKey) this.remove(paths.requestKey(id));
    if (this.loggedRequest(id)) this.appendToFile(paths.removedRequests, logLine({ id, removedAt: this.env.now().toISOString() }));
    if (id >= (this.storeFile().nextRequestId ?? 1)) this.storeDoc = { ...this.storeFile(), nextRequestId: id + 1 };   // never handed out again
  }

  /** Once a request's certificate is in My with the key, the request keeps only its record. */
  async dropRequestKey(id: number): Promise<void> {
    this.remove(paths.requestKey(id));
  }

  // ---- assignments ----

  private assignmentsForChange(): AssignmentsFile {
    this.assignmentsDoc ??= this.assignmentsFile();
    return this.assignmentsDoc;
  }

  /** Assigns now, or with effectiveDate as a roll: current until then, previous after. */
  async assign(scope: string, usages: string[], thumbprint: string, options: { effectiveDate?: Date } = {}): Promise<void> {
    const id = normalizeThumbprint(thumbprint);
    const doc = this.assignmentsForChange();
    const now = this.env.now();
    const byUsage = (doc.scopes[scope] ??= {});
    for (const usage of usages) {
      const before = byUsage[usage] ? effective(byUsage[usage]!, now) : undefined;
      const updateTime = now.toISOString();
      byUsage[usage] = options.effectiveDate
        ? { ...before, rolled: { thumbprint: id, effectiveDate: options.effectiveDate.toISOString() }, updateTime }
        : { current: id, previous: before?.current && before.current !== id ? before.current : before?.previous, updateTime };
    }
  }

  /** Removes the usages (current and rolled), or with `previous` only their previous certificates. */
  async unassign(scope: string, usages: string[], options: { previous?: boolean } = {}): Promise<string[]> {
    const doc = this.assignmentsForChange();
    const byUsage = doc.scopes[scope] ?? {};
    const removed: string[] = [];
    for (const usage of usages) {
      const record = byUsage[usage];
      if (!record) continue;
      if (options.previous) {
        const now = effective(record, this.env.now());
        if (!now.previous) continue;
        byUsage[usage] = { ...now, previous: undefined, updateTime: this.env.now().toISOString() } as Assignment;
      } else delete byUsage[usage];
      removed.push(usage);
    }
    if (!Object.keys(byUsage).length) delete doc.scopes[scope];
    return removed;
  }

  // ---- commit ----

  /** Files first, then the index, assignments and counters: the order readers rely on. */
  changes(): FileChange[] {
    const list = [...this.staged.values()];
    if (this.indexLines.length)
      list.push({ op: 'append', path: paths.index, data: Buffer.from(this.indexLines.join('')) });
    if (this.assignmentsDoc)
      list.push({ op: 'write', path: paths.assignments, data: Buffer.from(JSON.stringify(this.assignmentsDoc, null, 2)) });
    if (this.storeDoc)
      list.push({ op: 'write', path: paths.storeFile, data: Buffer.from(JSON.stringify(this.storeDoc, null, 2)) });
    return list;
  }
}
