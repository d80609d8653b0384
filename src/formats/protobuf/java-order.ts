/**
 * The iteration order of Java's `HashMap`/`HashSet` for string and integer keys. The registry walks
 * message names, enum names and enum numbers through hash sets, so the order of its differences (which
 * its tests and messages show) is the hash order; we report in the same order.
 */

function stringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

function spread(key: string | number): number {
  const h = typeof key === 'number' ? key | 0 : stringHash(key);
  return h ^ (h >>> 16);
}

function tableSizeFor(cap: number): number {
  let n = 1;
  while (n < cap) n *= 2;
  return n;
}

/**
 * A Java HashSet's iteration order after adding keys in order. Within one bucket Java keeps insertion
 * order (a resize splits buckets without reordering), so the order is the insertion order stably
 * sorted by bucket index in the final table; only that table's size needs simulating.
 */
export class JavaHashSet<K extends string | number> {
  private readonly keys: K[] = [];
  private readonly members = new Set<K>();
  private capacity: number;

  constructor(initialCapacity?: number) {
    this.capacity = initialCapacity === undefined ? 16 : tableSizeFor(initialCapacity);
  }

  /** `new HashSet<>(collection)`: sized for the collection, then filled in its order. */
  static of<K extends string | number>(keys: Iterable<K>): JavaHashSet<K> {
    const list = [...keys];
    const set = new JavaHashSet<K>(
      Math.max(Math.floor(Math.fround(list.length / Math.fround(0.75))) + 1, 16),
    );
    for (const k of list) set.add(k);
    return set;
  }

  add(key: K): void {
    if (this.members.has(key)) return;
    this.members.add(key);
    this.keys.push(key);
    if (this.keys.length > this.capacity * 0.75) this.capacity *= 2;
  }

  has(key: K): boolean {
    return this.members.has(key);
  }

  [Symbol.iterator](): IterableIterator<K> {
    if (this.keys.length < 2) return this.keys[Symbol.iterator]();
    const mask = this.capacity - 1;
    const buckets = this.keys.map((k, i) => ({ k, b: spread(k) & mask, i }));
    buckets.sort((x, y) => x.b - y.b || x.i - y.i);
    return buckets.map((x) => x.k)[Symbol.iterator]();
  }
}

/** The key order of a default-sized Java HashMap filled with `keys` in order. */
export function javaHashOrder<K extends string | number>(keys: Iterable<K>): K[] {
  const set = new JavaHashSet<K>();
  for (const k of keys) set.add(k);
  return [...set];
}
