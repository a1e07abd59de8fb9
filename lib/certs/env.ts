// What the certificate domain takes from its surroundings, passed in rather than read from
// globals so tests pin the clock and the random source. Imports nothing.

export interface DomainEnv {
  now(): Date;
  /** Defaults to crypto.randomBytes. */
  randomBytes?(size: number): Buffer;
  /** Root directory of the certificate store. */
  storeRoot: string;
  /** When set, private keys are encrypted at rest with it (from the variable below). */
  keyPassphrase?: string;
  /**
   * The environment variable the configuration names for the passphrase (`keyPassphraseEnv`);
   * naming one makes encryption required. Unset: CSCERT_KEY_PASSPHRASE, and encryption optional.
   */
  keyPassphraseEnv?: string;
  /** How long to wait for another process's store lock before failing with 'Locked'. */
  lockTimeoutMs?: number;
  /**
   * How long a writer keeps the store lock after a change for its next one (lock.ts leases): a
   * script's changes one after another then take it, settle other journals and look up the
   * store's counters once; another process that asks for it has it at the next change, or when
   * the lease lapses (a thread of its own lets it go on time, however busy the caller's thread).
   * Unset or 0: let go at once.
   */
  lockLeaseMs?: number;
}

/** The lease the command line takes on the store lock (DomainEnv.lockLeaseMs). */
export const HOST_LOCK_LEASE_MS = 25;

/** The usual environment: the store the configuration names, secrets and limits from variables. */
export function createDomainEnv(options: { storeRoot: string; env: NodeJS.ProcessEnv; now?: () => Date; keyPassphraseEnv?: string }): DomainEnv {
  const timeout = Number(options.env.CSCERT_LOCK_TIMEOUT_MS);
  return {
    now: options.now ?? (() => new Date()),
    storeRoot: options.storeRoot,
    keyPassphrase: options.env[options.keyPassphraseEnv ?? 'CSCERT_KEY_PASSPHRASE'] || undefined,
    ...(options.keyPassphraseEnv ? { keyPassphraseEnv: options.keyPassphraseEnv } : {}),
    lockTimeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : undefined,
    lockLeaseMs: HOST_LOCK_LEASE_MS,
  };
}
