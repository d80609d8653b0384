import { keyOf } from './identity.js';
import type { SchemaEntry, VersionEntry } from './types.js';

/**
 * One context's schema ids: each context numbers its schemas on its own (the registry's
 * IncrementalIdGenerator keeps a counter per context), so id 1 in `.ctx` is not id 1 in `.`.
 */
export class IdSpace {
  readonly schemas = new Map<number, SchemaEntry>();
  /** Schema id → the subject-versions of this context that hold it. */
  readonly holders = new Map<number, VersionEntry[]>();
  /** Identity → first id, built on first use: start-up does not pay for hashing every schema. */
  private keyIndex: Map<string, number> | undefined;
  maxId = 0;

  constructor(readonly context: string) {}

  /** The id already given to a schema with this identity in this context, if any. */
  idOfKey(key: string): number | undefined {
    if (this.keyIndex === undefined) {
      const index = new Map<string, number>();
      for (const s of this.schemas.values()) {
        const k = keyOf(s);
        if (!index.has(k)) index.set(k, s.id);
      }
      this.keyIndex = index;
    }
    return this.keyIndex.get(key);
  }

  /**
   * Adds a schema under its id. An id that no version holds any more (all hard-deleted) may be given to
   * another schema, as IMPORT can do; the entry it replaces is returned. `false`: the id is taken.
   */
  add(s: SchemaEntry): { replaced?: SchemaEntry } | false {
    const old = this.schemas.get(s.id);
    if (old !== undefined && (this.held(s.id) !== undefined || keyOf(old) === keyOf(s))) return false;
    this.schemas.set(s.id, s);
    if (this.keyIndex !== undefined) {
      if (old !== undefined && this.keyIndex.get(keyOf(old)) === s.id) this.keyIndex.delete(keyOf(old));
      const known = this.keyIndex.get(keyOf(s));
      if (known === undefined || this.held(known) === undefined) this.keyIndex.set(keyOf(s), s.id);
    }
    if (s.id > this.maxId) this.maxId = s.id;
    return old === undefined ? {} : { replaced: old };
  }

  /** A schema some version (soft-deleted or not) still holds. */
  held(id: number): SchemaEntry | undefined {
    return (this.holders.get(id)?.length ?? 0) > 0 ? this.schemas.get(id) : undefined;
  }

  hold(entry: VersionEntry): void {
    let held = this.holders.get(entry.id);
    if (held === undefined) this.holders.set(entry.id, (held = []));
    held.push(entry);
  }

  unhold(entry: VersionEntry): void {
    const held = this.holders.get(entry.id);
    if (held === undefined) return;
    const i = held.indexOf(entry);
    if (i >= 0) held.splice(i, 1);
  }
}
