// The certificate store (SPEC §5) under one root directory. Reads go
// straight to the files (no lock); every change runs as a transaction under the store lock and
// is committed through the journal, so parallel processes lose nothing and a crash at any
// instant leaves the state before or after. Opening finishes a crashed change; listing checks
// the index against the files and repairs it when they disagree.
//
// Group commit and the write-ahead journal (group-commit.ts, journal.ts), because issuance is
// bound by waits on the disk, not by CPU:
// - A batch is every transaction one process starts while the previous batch is being written,
//   up to 64. The process holds the store lock from the batch's first transaction to its end
//   (and the command line for a lease after it, for its next batch: lock.ts, lock-memory.ts);
//   transactions run one after another, each reading the files through the changes of those
//   before it, and one that throws is dropped alone.
// - It flushes as soon as nobody in the process is waiting (after one turn of the event loop,
//   so callers a moment away can join), or at 64. No timer: a lone transaction is never held
//   back, and the batch grows exactly when the disk is the bottleneck.
// - Flushing: the batch (every write, append and delete) is appended to this process's journal
//   and fdatasynced: from then on it has happened. Then all files are written, renamed and
//   appended; they are synced in the background, many batches per round, and the journal is
//   removed once everything it holds is synced (journal.ts). One wait on the disk per batch.
// - A transaction's promise settles after its batch is durable (acknowledged = in the journal
//   on disk, and in the files), and after the lock is released, so a failed change leaves the
//   store exactly as it was.
// - Readers in other processes never lock. Within a batch, certificate, key and request files
//   land before the index lines, assignments.json and store.json that refer to them, each by
//   rename or one append; a reader sees each document whole, and assignments.json switches
//   from one complete batch to the next. A listing that finds the files and the index apart (a
//   batch half applied) waits for the lock, that is for the batch to end, and reads again; it
//   rebuilds the index only if they still disagree (a crash, a hand edit). Nothing is applied
//   before its journal record is durable, so whatever a reader has seen is never rolled back.
// - Recovery: a writer, before its batch, settles other processes' journals (a live one's
//   files only need syncing, a dead one's are replayed); opening the store replays the
//   journals of dead processes. Replaying is idempotent (whole-file writes, deletes, index lines
//   folded by thumbprint); a torn last record was never applied and is dropped; temp files of
//   dead writers are then removed. A lock whose owner died is taken over (lock.ts).
//
// Layout on disk, format 2 (paths in layout.ts):
//
//   <root>/
//     store.json              { "format": 2, "nextRequestId": 7 }  (format marker, request counter)
//     index.jsonl             append-only index: one JSON line per add/remove, folded on read;
//                             compacted when dead lines dominate; repaired from the files
//     assignments.json        { "format": 1, "scopes": { <scope>: { <usage>: Assignment } } }
//     keys.json               with encrypted keys: a scrypt check of the passphrase (keys-at-rest.ts)
//     journal-<pid>-<tag>.log a writing process's redo log, removed once its batches are synced
//                             (journal.json in stores of older versions, replayed if left by a crash)
//     .lock                   present while a process changes the store ({ pid, host, since }),
//                             and for its lease after (lock.ts); .lock.waiting: another waits
//     My/<THUMBPRINT>.pem     certificate (the file whose presence means "in the store"), after
//                             a line of metadata { friendlyName, exportable, requestId, addedAt }
//                             (certificate-text.ts; format 1 kept it in My/<THUMBPRINT>.json)
//     My/<THUMBPRINT>.key.pem private key, PKCS#8 PEM, mode 0600, encrypted when a passphrase is set
//     Root/<THUMBPRINT>.pem   trusted roots          CA/<THUMBPRINT>.pem   intermediates
//     REQUEST/<id>.json       pending or offline request (CSR, names, usages, CA, status), and
//                             one completed later
//     REQUEST/issued.jsonl    the requests issued at once, one line each (record-log.ts)
//     REQUEST/removed.jsonl   those of them removed since, one line each
//     REQUEST/<id>.key.pem    the request's private key until the certificate arrives
//     ca/<name>/              the embedded CA's certificates, keys and state (ca/local.ts)
//
// Why an append-only index: adding one certificate to a 10,000-certificate store must cost what
// it costs on an empty store, so an add appends a line instead of rewriting a 5 MB file.
// A newer cscert reads every older format; an unknown newer format is refused ('StoreVersion').

import type { KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CertError } from '../errors.js';
import type { DomainEnv } from '../env.js';
import { atomicWrite, readIfExists } from './files.js';
import { deadJournalPresent, settleJournals } from './journal.js';
import { DEFAULT_LOCK_TIMEOUT_MS, groupCommit, leasedMemory } from './group-commit.js';
import { checkKeyProtection, KEYS_FILE } from './keys-at-rest.js';
import { agrees, foldIndex, rebuildIndex, serializeIndex, thumbprintsOnDisk, type IndexState } from './index-log.js';
import { withLock } from './lock.js';
import { paths, STORE_FORMAT, type IndexEntry, type RequestRecord, type StoreName } from './layout.js';
import type { StoreTransaction, StoreFile } from './transaction.js';
import type { AddOptions } from './transaction.js';
import { readDirectory, StoreView } from './view.js';

export type { StoreTransaction, AddOptions } from './transaction.js';
export type { StoredCertificate, AssignmentView } from './view.js';
export * from './layout.js';

export class Store extends StoreView {
  private cachedIndex?: { key: string; index: IndexState; lines: number };

  protected read(relativePath: string): Buffer | undefined { return readIfExists(join(this.root, relativePath)); }
  protected exists(relativePath: string): boolean { return existsSync(join(this.root, relativePath)); }
  protected changesUnder(): boolean { return false; }
  protected listDirectory(relativePath: string): string[] { return readDirectory(this.root, relativePath); }

  /**
   * Runs `work` as one change: all of it is committed, or (when it throws) none of it. Settles
   * once the change is durable, in a batch with the changes this process makes meanwhile.
   */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    return groupCommit(this.root, this.env, work);
  }

  // One-step changes, each its own transaction.
  add(store: StoreName, certificateDer: Buffer, options?: AddOptions): Promise<IndexEntry> {
    return this.transaction((tx) => tx.add(store, certificateDer, options));
  }
  remove(store: StoreName, thumbprint: string): Promise<void> {
    return this.transaction((tx) => tx.removeCertificate(store, thumbprint));
  }
  addRequest(record: Omit<RequestRecord, 'id' | 'createdAt'>, key?: KeyObject): Promise<RequestRecord> {
    return this.transaction((tx) => tx.addRequest(record, key));
  }
  updateRequest(id: number, patch: Partial<Omit<RequestRecord, 'id'>>): Promise<RequestRecord> {
    return this.transaction((tx) => tx.updateRequest(id, patch));
  }
  removeRequest(id: number): Promise<void> {
    return this.transaction((tx) => tx.removeRequest(id));
  }
  assign(scope: string, usages: string[], thumbprint: string, options?: { effectiveDate?: Date }): Promise<void> {
    return this.transaction((tx) => tx.assign(scope, usages, thumbprint, options));
  }
  unassign(scope: string, usages: string[], options?: { previous?: boolean }): Promise<string[]> {
    return this.transaction((tx) => tx.unassign(scope, usages, options));
  }

  /**
   * Refuses a missing or wrong passphrase for the keys at rest (CertError PassphraseMissing or WrongPassword, naming
   * the variable) without changing anything: for callers about to make keys, before they ask a CA.
   */
  checkPassphrase(): void {
    const memory = leasedMemory(this.root);
    checkKeyProtection(this.env, memory?.reads.has(KEYS_FILE) ? memory.reads.get(KEYS_FILE) : this.read(KEYS_FILE));
  }

  /** The certificates of a store, from the index (no certificate is parsed unless a repair is due). */
  async list(store: StoreName): Promise<IndexEntry[]> {
    let { index, lines } = this.loadIndex();
    if (!this.indexHolds(index, lines)) index = await this.repairIndex({ unlessSettled: true });
    return [...index[store].values()];
  }

  /** The index says what the files say, and is not mostly dead lines. */
  private indexHolds(index: IndexState, lines: number): boolean {
    const live = Object.values(index).reduce((n, map) => n + map.size, 0);
    return lines <= 2 * live + 1000 && agrees(index, thumbprintsOnDisk(this.root));
  }

  private loadIndex(): { index: IndexState; lines: number } {
    const path = join(this.root, paths.index);
    let key = 'missing';
    try { const s = statSync(path); key = `${s.ino}:${s.size}:${s.mtimeMs}`; } catch { /* no index yet */ }
    if (this.cachedIndex?.key !== key) {
      const text = readIfExists(path)?.toString() ?? '';
      this.cachedIndex = { key, ...foldIndex(text) };
    }
    return this.cachedIndex;
  }

  /**
   * Rebuilds the index from the certificate files and writes it compacted. `unlessSettled`: a
   * listing that caught another process's batch half applied (files ahead of the index) waits
   * for the lock, and rewrites nothing if the batch, once complete, made the two agree.
   */
  async repairIndex(options: { unlessSettled?: boolean } = {}): Promise<IndexState> {
    return withLock(join(this.root, paths.lock), this.env.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, async () => {
      await settleJournals(this.root);
      const { index: known, lines } = this.loadIndex();
      if (options.unlessSettled && this.indexHolds(known, lines)) return known;
      const index = rebuildIndex(this.root, known);
      atomicWrite(join(this.root, paths.index), serializeIndex(index));
      this.cachedIndex = undefined;
      return index;
    });
  }
}

/** Opens (creating on first use) the store at `root`; finishes a change a crash interrupted. */
export async function openStore(root: string, env: DomainEnv): Promise<Store> {
  const store = new Store(root, env);
  const text = readIfExists(join(root, paths.storeFile));
  if (!text) {
    mkdirSync(root, { recursive: true, mode: 0o700 });
    await withLock(join(root, paths.lock), env.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, () => {
      if (existsSync(join(root, paths.storeFile))) return;
      for (const name of ['My', 'Root', 'CA', 'REQUEST', 'ca']) mkdirSync(join(root, name), { recursive: true, mode: 0o700 });
      atomicWrite(join(root, paths.storeFile), JSON.stringify({ format: STORE_FORMAT, nextRequestId: 1 } satisfies StoreFile, null, 2));
    });
    return store;
  }
  let format: number;
  try { format = (JSON.parse(text.toString()) as StoreFile).format; } catch (error) {
    throw new CertError('Malformed', `${join(root, paths.storeFile)} is not valid JSON.`, { target: root, cause: error });
  }
  if (format > STORE_FORMAT)
    throw new CertError('StoreVersion', `The store at '${root}' has format ${format}; this cscert reads up to ${STORE_FORMAT}.`,
      { target: root, hint: 'Use a newer cscert with this store.' });
  if (deadJournalPresent(root))
    await withLock(join(root, paths.lock), env.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, () => settleJournals(root, { deadOnly: true }));
  return store;
}
