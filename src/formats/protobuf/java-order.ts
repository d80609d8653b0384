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

/** A Java HashSet's order after adding `keys` in order; `initialCapacity` as given to its constructor. */
export class JavaHashSet<K extends string | number> {
  private table: K[][] | undefined;
  private capacity: number;
  private size = 0;
  private readonly members = new Set<K>();

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
    this.table ??= Array.from({ length: this.capacity }, () => []);
    (this.table[spread(key) & (this.capacity - 1)] as K[]).push(key);
    if (++this.size > this.capacity * 0.75) this.resize();
  }

  private resize(): void {
    const old = this.table ?? [];
    this.capacity *= 2;
    const next: K[][] = Array.from({ length: this.capacity }, () => []);
    for (const bucket of old) for (const k of bucket) (next[spread(k) & (this.capacity - 1)] as K[]).push(k);
    this.table = next;
  }

  has(key: K): boolean {
    return this.members.has(key);
  }

  *[Symbol.iterator](): IterableIterator<K> {
    for (const bucket of this.table ?? []) yield* bucket;
  }
}

/** The key order of a default-sized Java HashMap filled with `keys` in order. */
export function javaHashOrder<K extends string | number>(keys: Iterable<K>): K[] {
  const set = new JavaHashSet<K>();
  for (const k of keys) set.add(k);
  return [...set];
}
