import { keyOf } from './identity.js';
import type { LogEvent, Mode, RegistryConfig, SchemaEntry, StoredSchema, VersionEntry } from './types.js';

const refKey = (subject: string, version: number): string => `${version}\u0000${subject}`;

/**
 * The registry's whole state in memory, rebuilt by applying log events in order. Pure: no I/O, and
 * `apply` is the only way in, so what is in memory is exactly what the log says.
 */
export class RegistryState {
  readonly schemas = new Map<number, SchemaEntry>();
  /** Identity → first id, built on first use: start-up does not pay for hashing every schema. */
  private keyIndex: Map<string, number> | undefined;
  /** Subject → its versions, ascending by version number (soft-deleted ones included). */
  readonly subjects = new Map<string, VersionEntry[]>();
  /** Schema id → the subject-versions that hold it. */
  readonly holders = new Map<number, VersionEntry[]>();
  /** `version\0subject` → ids of schemas whose references name that subject-version. */
  readonly referrers = new Map<string, Set<number>>();
  maxId = 0;
  globalConfig: RegistryConfig | undefined;
  readonly subjectConfigs = new Map<string, RegistryConfig>();
  globalMode: Mode | undefined;
  readonly subjectModes = new Map<string, Mode>();
  private sortedSubjects: string[] | undefined;

  apply(e: LogEvent): void {
    switch (e.t) {
      case 'reg': {
        if (e.schema !== undefined) this.addSchema(e.schema);
        for (const v of e.drop ?? []) this.removeVersion(e.s, v);
        this.addVersion({
          subject: e.s,
          version: e.v,
          id: e.id,
          deleted: false,
          ...(e.ts === undefined ? {} : { ts: e.ts }),
        });
        break;
      }
      case 'soft':
        for (const v of e.v) {
          const entry = this.version(e.s, v);
          if (entry !== undefined) entry.deleted = true;
        }
        break;
      case 'hard':
        for (const v of e.v) this.removeVersion(e.s, v);
        if ((this.subjects.get(e.s)?.length ?? 0) === 0) {
          // Hard-deleting the last version also drops the subject's config and mode (§4.6).
          this.subjectConfigs.delete(e.s);
          this.subjectModes.delete(e.s);
        }
        break;
      case 'config':
        if (e.s === undefined) this.globalConfig = e.c ?? undefined;
        else if (e.c === null) this.subjectConfigs.delete(e.s);
        else this.subjectConfigs.set(e.s, e.c);
        break;
      case 'mode':
        if (e.s === undefined) this.globalMode = e.m ?? undefined;
        else if (e.m === null) this.subjectModes.delete(e.s);
        else this.subjectModes.set(e.s, e.m);
        break;
    }
  }

  /** The id already given to a schema with this identity, if any. */
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

  version(subject: string, version: number): VersionEntry | undefined {
    const list = this.subjects.get(subject);
    if (list === undefined) return undefined;
    // Versions are nearly always 1..n without gaps; try the direct slot before searching.
    const direct = list[version - 1];
    if (direct !== undefined && direct.version === version) return direct;
    return list.find((v) => v.version === version);
  }

  /** Versions of a subject, ascending; live only unless `deleted`. */
  versions(subject: string, deleted = false): VersionEntry[] {
    const list = this.subjects.get(subject) ?? [];
    return deleted ? list : list.filter((v) => !v.deleted);
  }

  latestLive(subject: string): VersionEntry | undefined {
    const list = this.subjects.get(subject);
    if (list === undefined) return undefined;
    for (let i = list.length - 1; i >= 0; i--) {
      const v = list[i] as VersionEntry;
      if (!v.deleted) return v;
    }
    return undefined;
  }

  /** All subject names that hold at least one version, sorted. */
  subjectNames(): string[] {
    if (this.sortedSubjects === undefined)
      this.sortedSubjects = [...this.subjects.keys()].sort(compareSubjects);
    return this.sortedSubjects;
  }

  /** Ids of the schemas whose references name this subject-version and that some version still holds. */
  referrersOf(subject: string, version: number, includeDeleted: boolean): number[] {
    const ids = this.referrers.get(refKey(subject, version));
    if (ids === undefined) return [];
    const out: number[] = [];
    for (const id of ids) {
      const held = this.holders.get(id) ?? [];
      if (held.some((h) => includeDeleted || !h.deleted)) out.push(id);
    }
    return out.sort((a, b) => a - b);
  }

  private addSchema(stored: StoredSchema): void {
    if (this.schemas.has(stored.id)) return;
    const s: SchemaEntry = stored;
    this.schemas.set(s.id, s);
    if (this.keyIndex !== undefined && !this.keyIndex.has(keyOf(s))) this.keyIndex.set(keyOf(s), s.id);
    if (s.id > this.maxId) this.maxId = s.id;
    for (const r of s.references) {
      const k = refKey(r.subject, r.version);
      let set = this.referrers.get(k);
      if (set === undefined) this.referrers.set(k, (set = new Set()));
      set.add(s.id);
    }
  }

  private addVersion(entry: VersionEntry): void {
    let list = this.subjects.get(entry.subject);
    if (list === undefined) {
      this.subjects.set(entry.subject, (list = []));
      this.sortedSubjects = undefined;
    }
    const last = list[list.length - 1];
    if (last === undefined || last.version < entry.version) list.push(entry);
    else {
      const at = list.findIndex((v) => v.version >= entry.version);
      if (list[at]?.version === entry.version) this.unhold(list[at] as VersionEntry);
      list.splice(at, list[at]?.version === entry.version ? 1 : 0, entry);
    }
    let held = this.holders.get(entry.id);
    if (held === undefined) this.holders.set(entry.id, (held = []));
    held.push(entry);
  }

  private removeVersion(subject: string, version: number): void {
    const list = this.subjects.get(subject);
    if (list === undefined) return;
    const at = list.findIndex((v) => v.version === version);
    if (at < 0) return;
    const [entry] = list.splice(at, 1);
    if (entry !== undefined) this.unhold(entry);
    if (list.length === 0) {
      this.subjects.delete(subject);
      this.sortedSubjects = undefined;
    }
  }

  private unhold(entry: VersionEntry): void {
    const held = this.holders.get(entry.id);
    if (held === undefined) return;
    const i = held.indexOf(entry);
    if (i >= 0) held.splice(i, 1);
  }
}

/** The registry sorts by context, then subject; plain subjects are in the default context and come first. */
export function compareSubjects(a: string, b: string): number {
  const ca = a.startsWith(':.') ? 1 : 0;
  const cb = b.startsWith(':.') ? 1 : 0;
  if (ca !== cb) return ca - cb;
  return a < b ? -1 : a > b ? 1 : 0;
}
