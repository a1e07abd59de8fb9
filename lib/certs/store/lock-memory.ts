// What the store's transactions read from disk, remembered while this process holds the store
// lock: nobody else writes the store meanwhile, and this process writes it only through its
// batches, whose changes are applied here as they are committed. A batch remembers its reads
// until its commit; the group committer keeps the memory across the batches of one lock lease
// (lock.ts), so a script's requests one after another look up store.json, keys.json, the log
// tails and the chain certificates once, not once each, and list a request folder once instead
// of probing it for every new id; while the lease stands it also answers checks made before a
// change (group-commit.ts leasedMemory). It is dropped when the lock is taken afresh, when a
// batch fails, and when this process writes a store file outside the journal (files.ts
// directWrites). Imports files.ts (and a type of view.ts).

import { basename, dirname } from 'node:path';
import { directWrites, type FileChange } from './files.js';
import type { ChainCertificates } from './view.js';

/** Paths remembered at most: past this (a long script's every file) the memory starts afresh, and reads again what it needs. */
const MAX_PATHS = 4096;

export class LockMemory {
  /** File contents by path (undefined: missing), as the disk holds them now. */
  readonly reads = new Map<string, Buffer | undefined>();
  /** Whether a file is there, by path, for files looked up without being read. */
  readonly presence = new Map<string, boolean>();
  /** The last id of each record log (record-log.ts). */
  readonly loggedIds = new Map<string, number>();
  /** Root and CA certificates, while no batch changes either folder. */
  chain?: Promise<ChainCertificates>;
  /** The names in a request folder, listed once a lease is taken up (every issuance probes it for a new id). */
  readonly listings = new Map<string, Set<string>>();
  /** The memory serves a batch after the first of one hold: a folder's listing then pays for itself. */
  leased = false;
  private readonly writesWhenMade = directWrites();

  /** Still true: no store file was written outside the journal since it was made. */
  get current(): boolean { return directWrites() === this.writesWhenMade; }

  /**
   * A batch's changes are on disk now. Contents are kept only for files already read (store.json,
   * say), so the memory never holds every certificate written; an appended log is forgotten.
   */
  committed(changes: FileChange[]): void {
    for (const change of changes) {
      if (change.path.startsWith('Root/') || change.path.startsWith('CA/')) this.chain = undefined;
      this.presence.set(change.path, change.op !== 'delete');
      const names = this.listings.get(dirname(change.path));
      if (names && change.op === 'delete') names.delete(basename(change.path));
      else if (names) names.add(basename(change.path));
      if (change.op === 'append') this.reads.delete(change.path);
      else if (this.reads.has(change.path)) this.reads.set(change.path, change.op === 'write' ? change.data : undefined);
    }
    if (this.reads.size + this.presence.size > MAX_PATHS) this.forget();
  }

  private forget(): void {
    this.reads.clear(); this.presence.clear(); this.loggedIds.clear(); this.listings.clear();
    this.chain = undefined;
  }
}
