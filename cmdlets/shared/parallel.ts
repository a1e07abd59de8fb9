// A small pool for ForEach-Object -Parallel: at most `limit` tasks run at once, results are handed
// back in the order the tasks finish (as PowerShell emits them), and one task's failure is reported
// as that task's result rather than stopping the others. Imports nothing.

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export class CompletionPool<T> {
  private readonly running = new Set<Promise<void>>();
  private readonly done: Settled<T>[] = [];
  constructor(private readonly limit: number) {}

  get size() { return this.running.size; }

  /** Starts a task, first waiting for a free place; returns the results that finished meanwhile. */
  async add(task: () => Promise<T>): Promise<Settled<T>[]> {
    while (this.running.size >= this.limit) await Promise.race(this.running);
    const p: Promise<void> = task().then(
      value => { this.done.push({ ok: true, value }); },
      error => { this.done.push({ ok: false, error }); },
    ).finally(() => this.running.delete(p));
    this.running.add(p);
    return this.take();
  }

  /** Results as each remaining task finishes, until none is left. */
  async *drain(): AsyncGenerator<Settled<T>> {
    yield* this.take();
    while (this.running.size > 0) {
      await Promise.race(this.running);
      yield* this.take();
    }
  }

  private take(): Settled<T>[] { return this.done.splice(0, this.done.length); }
}
