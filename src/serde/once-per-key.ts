/**
 * Values built once per key (a topic's writer, a writer id's reader). Concurrent first requests for a key
 * share one build; a failed build is not kept, so the next request asks again.
 */
export class OncePerKey<K, V> {
  private readonly built = new Map<K, V>();
  private readonly pending = new Map<K, Promise<V>>();

  /** The value for `key` once its build has completed; undefined before (the synchronous hot path). */
  get(key: K): V | undefined {
    return this.built.get(key);
  }

  /** The value for `key`, from `build` unless it is built or being built already. */
  load(key: K, build: () => Promise<V>): Promise<V> {
    let pending = this.pending.get(key);
    if (pending === undefined) {
      pending = build().then(
        (value) => {
          this.built.set(key, value);
          this.pending.delete(key);
          return value;
        },
        (error: unknown) => {
          this.pending.delete(key);
          throw error;
        },
      );
      this.pending.set(key, pending);
    }
    return pending;
  }
}
