import { IdSpace } from './id-space.js';
import {
  compareSubjects,
  contextOf,
  DEFAULT_CONTEXT,
  formatSubject,
  parseSubject,
  qualifyWithParent,
} from './qualified.js';
import type { LogEvent, Mode, RegistryConfig, SchemaEntry, StoredSchema, VersionEntry } from './types.js';

const refKey = (subject: string, version: number): string => `${version}\u0000${subject}`;

/** A schema named by its context and its id there (ids are per context). */
export interface ContextId {
  context: string;
  id: number;
}

/**
 * The registry's whole state in memory, rebuilt by applying log events in order. Pure: no I/O, and
 * `apply` is the only way in, so what is in memory is exactly what the log says.
 */
export class RegistryState {
  /** Context → its id space; the default context's always exists. */
  private readonly spaces = new Map<string, IdSpace>();
  readonly defaultSpace: IdSpace;
  /** Named contexts, created by their first registration and gone after `DELETE /contexts/{c}`. */
  private readonly namedContexts = new Set<string>();
  /** Subject (qualified) → its versions, ascending by version number (soft-deleted ones included). */
  readonly subjects = new Map<string, VersionEntry[]>();
  /** `version\0subject` (qualified) → context → ids of schemas whose references name that subject-version. */
  private readonly referrers = new Map<string, Map<string, Set<number>>>();
  globalConfig: RegistryConfig | undefined;
  /** Configs of subjects and of contexts (`:.ctx:`, `:.__GLOBAL:`). */
  readonly subjectConfigs = new Map<string, RegistryConfig>();
  /** Subject → the alias its own config names (`PUT /config/{s} {"alias": …}`). */
  readonly aliases = new Map<string, string>();
  globalMode: Mode | undefined;
  readonly subjectModes = new Map<string, Mode>();
  private sortedSubjects: string[] | undefined;
  /** Counts the events applied: an answer computed at one revision holds until the next. */
  revision = 0;

  constructor() {
    this.defaultSpace = new IdSpace(DEFAULT_CONTEXT);
    this.spaces.set(DEFAULT_CONTEXT, this.defaultSpace);
  }

  apply(e: LogEvent): void {
    this.revision++;
    switch (e.t) {
      case 'reg': {
        const context = contextOf(e.s);
        const space = this.space(context);
        if (e.schema !== undefined) this.addSchema(space, e.schema);
        // Logs written before contexts had their own ids name a schema first stored in another context.
        else if (!space.schemas.has(e.id)) this.adoptFromOtherContext(space, e.id);
        if (context !== DEFAULT_CONTEXT) this.namedContexts.add(context);
        for (const v of e.drop ?? []) this.removeVersion(e.s, v);
        this.addVersion(space, {
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
          this.aliases.delete(e.s);
          this.subjectModes.delete(e.s);
        }
        break;
      case 'config':
        if (e.s === undefined) this.globalConfig = e.c ?? undefined;
        else if (e.c === null) this.subjectConfigs.delete(e.s);
        else this.subjectConfigs.set(e.s, e.c);
        if (e.s !== undefined) {
          if (e.c?.alias === undefined) this.aliases.delete(e.s);
          else this.aliases.set(e.s, e.c.alias);
        }
        break;
      case 'mode':
        if (e.s === undefined) this.globalMode = e.m ?? undefined;
        else if (e.m === null) this.subjectModes.delete(e.s);
        else this.subjectModes.set(e.s, e.m);
        break;
      case 'ctxdel':
        this.namedContexts.delete(e.c);
        break;
    }
  }

  /** A context's id space, made on first use. */
  space(context: string): IdSpace {
    let s = this.spaces.get(context);
    if (s === undefined) this.spaces.set(context, (s = new IdSpace(context)));
    return s;
  }

  /** The id space of a subject's context. */
  spaceOf(subject: string): IdSpace {
    return subject.startsWith(':.') ? this.space(contextOf(subject)) : this.defaultSpace;
  }

  /**
   * The subject-version through which `/schemas/ids/{id}` reads an id (getSchemaKeyUsingContexts):
   * `subject` '' is the default context and `:.ctx:` that context (any holder); a qualified subject
   * must hold the id itself; a plain one is tried in the default context, then in each named context,
   * and else any holder in the default context answers.
   */
  holderOf(id: number, subject: string): VersionEntry | undefined {
    if (subject === '') return this.defaultSpace.holders.get(id)?.[0]; // the hot path: no `subject`
    const held = (context: string, name: string | undefined): VersionEntry | undefined =>
      this.spaces
        .get(context)
        ?.holders.get(id)
        ?.find((h) => name === undefined || h.subject === name);
    const q = parseSubject(subject);
    if (q.name === '') return held(q.context, undefined);
    if (q.context !== DEFAULT_CONTEXT) return held(q.context, subject);
    const direct = held(DEFAULT_CONTEXT, subject);
    if (direct !== undefined) return direct;
    for (const c of this.namedContexts) {
      const h = held(c, formatSubject(c, q.name));
      if (h !== undefined) return h;
    }
    return held(DEFAULT_CONTEXT, undefined);
  }

  /** Whether any subject of the context holds a version, soft-deleted ones included. */
  hasSubjectsIn(context: string): boolean {
    for (const s of this.subjects.keys()) if (contextOf(s) === context) return true;
    return false;
  }

  /** `.` and every named context, sorted as the registry sorts them. */
  contexts(): string[] {
    return [DEFAULT_CONTEXT, ...[...this.namedContexts].sort()];
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

  /** The schema a version holds, from its context's id space. */
  schemaAt(v: VersionEntry): SchemaEntry | undefined {
    return this.spaceOf(v.subject).schemas.get(v.id);
  }

  /** All subject names that hold at least one version, sorted by context, then name. */
  subjectNames(): string[] {
    if (this.sortedSubjects === undefined)
      this.sortedSubjects = [...this.subjects.keys()].sort(compareSubjects);
    return this.sortedSubjects;
  }

  /** Schemas whose references name this subject-version and that some version still holds (live only unless `includeDeleted`). */
  referrersOf(subject: string, version: number, includeDeleted: boolean): ContextId[] {
    const byContext = this.referrers.get(refKey(subject, version));
    if (byContext === undefined) return [];
    const out: ContextId[] = [];
    for (const [context, ids] of byContext) {
      const space = this.space(context);
      for (const id of ids) {
        const held = space.holders.get(id) ?? [];
        if (held.some((h) => includeDeleted || !h.deleted)) out.push({ context, id });
      }
    }
    return out.sort((a, b) => a.id - b.id || (a.context < b.context ? -1 : 1));
  }

  private addSchema(space: IdSpace, stored: StoredSchema): void {
    const s: SchemaEntry = stored;
    const added = space.add(s);
    if (added === false) return;
    if (added.replaced !== undefined) {
      for (const r of added.replaced.references)
        this.referrers
          .get(refKey(qualifyWithParent(space.context, r.subject), r.version))
          ?.get(space.context)
          ?.delete(s.id);
    }
    for (const r of s.references) {
      const k = refKey(qualifyWithParent(space.context, r.subject), r.version);
      let byContext = this.referrers.get(k);
      if (byContext === undefined) this.referrers.set(k, (byContext = new Map()));
      let ids = byContext.get(space.context);
      if (ids === undefined) byContext.set(space.context, (ids = new Set()));
      ids.add(s.id);
    }
  }

  private adoptFromOtherContext(space: IdSpace, id: number): void {
    for (const other of this.spaces.values()) {
      const s = other.schemas.get(id);
      if (s === undefined || other === space) continue;
      const { key: _key, ...stored } = s;
      this.addSchema(space, stored);
      return;
    }
  }

  private addVersion(space: IdSpace, entry: VersionEntry): void {
    let list = this.subjects.get(entry.subject);
    if (list === undefined) {
      this.subjects.set(entry.subject, (list = []));
      this.sortedSubjects = undefined;
    }
    const last = list[list.length - 1];
    if (last === undefined || last.version < entry.version) list.push(entry);
    else {
      const at = list.findIndex((v) => v.version >= entry.version);
      if (list[at]?.version === entry.version) space.unhold(list[at] as VersionEntry);
      list.splice(at, list[at]?.version === entry.version ? 1 : 0, entry);
    }
    space.hold(entry);
  }

  private removeVersion(subject: string, version: number): void {
    const list = this.subjects.get(subject);
    if (list === undefined) return;
    const at = list.findIndex((v) => v.version === version);
    if (at < 0) return;
    const [entry] = list.splice(at, 1);
    if (entry !== undefined) this.spaceOf(subject).unhold(entry);
    if (list.length === 0) {
      this.subjects.delete(subject);
      this.sortedSubjects = undefined;
    }
  }
}
