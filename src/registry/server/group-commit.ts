interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (e: Error) => void;
}

/**
 * Group commit, the same for the file log (write + fsync) and the Kafka topic (a transaction read back
 * by this node): items added while a commit is running go out together in the next one, and
 * `durable(seq)` resolves once the item numbered `seq` is committed. Only then may a request that
 * depends on it be answered.
 */
export class GroupCommit<T> {
  private pending: T[] = [];
  private appended = 0;
  private synced = 0;
  private flushing = false;
  private failure: Error | undefined;
  private waiters: Waiter[] = [];

  /**
   * `commit` makes one batch durable; when it throws, `failed(e)` names the failure, which every waiter
   * and every later `add` then gets.
   */
  constructor(
    private readonly commit: (batch: T[]) => Promise<void>,
    private readonly failed: (e: unknown) => Error,
  ) {}

  /** The sequence number of the last item added. */
  get head(): number {
    return this.appended;
  }

  /** A commit is running. */
  get busy(): boolean {
    return this.flushing;
  }

  get failedWith(): Error | undefined {
    return this.failure;
  }

  /** Adds the items of one event; they get one sequence number. */
  add(items: readonly T[]): number {
    if (this.failure !== undefined) throw this.failure;
    this.pending.push(...items);
    this.appended++;
    if (!this.flushing) {
      this.flushing = true;
      setImmediate(() => void this.flush());
    }
    return this.appended;
  }

  isDurable(seq: number): boolean {
    return seq <= this.synced;
  }

  durable(seq: number): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (seq <= this.synced) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
  }

  /** Stops committing: every waiter and every later `add` gets `e`. */
  fail(e: Error): void {
    if (this.failure !== undefined) return;
    this.failure = e;
    for (const w of this.waiters) w.reject(e);
    this.waiters = [];
  }

  /** Resolves once nothing is pending or running (or the commits failed). */
  async drain(): Promise<void> {
    while (this.flushing || this.pending.length > 0) {
      if (!this.flushing) {
        this.flushing = true;
        await this.flush();
      } else await new Promise((r) => setImmediate(r));
      if (this.failure !== undefined) break;
    }
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.length > 0 && this.failure === undefined) {
        const batch = this.pending;
        const upto = this.appended;
        this.pending = [];
        await this.commit(batch);
        this.synced = upto;
        const ready = this.waiters.filter((w) => w.seq <= upto);
        this.waiters = this.waiters.filter((w) => w.seq > upto);
        for (const w of ready) w.resolve();
      }
    } catch (e) {
      this.fail(this.failed(e));
    } finally {
      this.flushing = false;
    }
  }
}
