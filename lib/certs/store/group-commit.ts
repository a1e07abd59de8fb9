// Group commit: the changes of one process are merged into batches, so a batch of many
// transactions costs one journal and one round of fsyncs instead of one of each per
// transaction. One committer per store root per process; it holds the store lock for the
// whole batch (other processes wait, then see the batch complete), runs the queued
// transactions one after another against the batch so far, and commits them together. A
// transaction's promise settles only once its batch is durable: acknowledged means on disk.
// Imports Node built-ins and the store's own modules.

import { join, resolve } from 'node:path';
import type { DomainEnv } from '../env.js';
import { commitBatch, settleJournals } from './journal.js';
import { paths } from './layout.js';
import { onLease, withLock, type LockHold } from './lock.js';
import { LockMemory } from './lock-memory.js';
import { StoreTransaction } from './transaction.js';

export const DEFAULT_LOCK_TIMEOUT_MS = 15_000;
/** Transactions per batch at most: bounds the journal's size and the files one fsync round keeps open. */
const MAX_BATCH = 64;

interface Job {
  env: DomainEnv;
  work(tx: StoreTransaction): Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

class GroupCommitter {
  private readonly waiting: Job[] = [];
  private draining = false;
  /** What the batches read from disk, while the lock stays this process's (LockMemory). */
  private memory?: LockMemory;

  constructor(private readonly root: string) {}

  /** The memory, while the lock stays on lease since the last batch: nobody else can have written since, so it holds what the disk holds. */
  get leasedMemory(): LockMemory | undefined {
    return this.memory?.current && onLease(join(this.root, paths.lock)) ? this.memory : undefined;
  }

  run<T>(env: DomainEnv, work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ env, work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) { this.draining = true; void this.drain(env); }
    });
  }

  /**
   * Batches until nobody waits. Callers hear the outcome only after the lock is released (or,
   * after a batch that changed the store, kept on lease for the next), so a failed change leaves
   * the store exactly as it was, lock file included; other processes get their turn between
   * batches (lock.ts: a waiting process ends the lease).
   */
  private async drain(env: DomainEnv): Promise<void> {
    try {
      while (this.waiting.length) {
        let outcomes: (() => void)[] = [];
        const leaseMs = env.lockLeaseMs ?? 0;
        try {
          ({ outcomes } = await withLock(join(this.root, paths.lock), env.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, (hold) => this.batch(hold),
            { keepFor: ({ committed }) => (committed ? leaseMs : 0) }));
        } catch (error) {   // the lock was not had: everyone waiting hears why
          outcomes = this.waiting.splice(0).map((job) => () => job.reject(error));
        }
        for (const settle of outcomes) settle();
      }
    } finally { this.draining = false; }
  }

  /** Runs the waiting transactions as one batch; `committed`: it changed the store (else the lock is let go at once, as it was). */
  private async batch(hold: LockHold): Promise<{ outcomes: (() => void)[]; committed: boolean }> {
    if (hold.fresh) await settleJournals(this.root);   // kept on lease: nobody else wrote since this process's last batch
    if (hold.fresh || !this.memory?.current) this.memory = new LockMemory();
    else this.memory.leased = true;
    const memory = this.memory;
    const batch = new StoreTransaction(this.root, this.waiting[0]!.env, undefined, memory);
    const done: { job: Job; value: unknown }[] = [];
    const failed: (() => void)[] = [];
    while (this.waiting.length && done.length + failed.length < MAX_BATCH) {
      const job = this.waiting.shift()!;
      const tx = new StoreTransaction(this.root, job.env, batch);
      try { const value = await job.work(tx); batch.absorb(tx); done.push({ job, value }); } catch (error) { failed.push(() => job.reject(error)); }
      // Transactions started meanwhile elsewhere in this process may be a moment away: let them join.
      if (!this.waiting.length) await new Promise((resolve) => setImmediate(resolve));
    }
    const changes = batch.changes();
    try { await commitBatch(this.root, changes, { sameHold: !hold.fresh }); } catch (error) {
      this.memory = undefined;
      return { outcomes: [...failed, ...done.map(({ job }) => () => job.reject(error))], committed: false };
    }
    memory.committed(changes);
    return { outcomes: [...failed, ...done.map(({ job, value }) => () => job.resolve(value))], committed: changes.length > 0 };
  }
}

const committers = new Map<string, GroupCommitter>();

/** Runs `work` as one change of the store at `root`, committed with whatever else this process changes meanwhile. */
export function groupCommit<T>(root: string, env: DomainEnv, work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
  const key = resolve(root);
  let committer = committers.get(key);
  if (!committer) committers.set(key, (committer = new GroupCommitter(root)));
  return committer.run(env, work);
}

/**
 * What this process's batches read of the store at `root`, while its lease on the store lock
 * stands (a script's requests one after another); else undefined. Lets a check made before a
 * change (the passphrase) skip the file system: no other writer can have changed the store since
 * this process's last batch. A deletion that takes no lock (Remove-Item) is not ruled out, so
 * nothing that guards against one may rely on it.
 */
export const leasedMemory = (root: string): LockMemory | undefined => committers.get(resolve(root))?.leasedMemory;
