import type { CompatibilityLevel } from '../../compat/level.js';
import type { RegistrySchemaType, SchemaReference } from '../../formats/format.js';
import {
  checkLevel,
  SchemaEngine,
  type CompatOutcome,
  type PreparedSchema,
  type PreviousVersion,
} from './engine.js';
import { RegistryErrors } from './errors.js';
import { identityKey, keyOf } from './identity.js';
import { LATEST, type SchemaRequest } from './params.js';
import { contextOf, DEFAULT_CONTEXT, formatSubject, parseSubject, qualifyWithParent } from './qualified.js';
import type { RegistryState } from './state.js';
import type { LogEvent, Mode, SchemaEntry, SchemaRef, StoredSchema, VersionEntry } from './types.js';
import { contextInMessage, RegistrySettings } from './settings.js';
import { registerView, versionView, type Shapes } from './views.js';

export interface ServiceOptions {
  shapes: Shapes;
  /** The largest stored registration record, in bytes (Kafka's `message.max.bytes` in the registry). */
  maxSchemaBytes: number;
  /** Registering under '' or `*` is refused (`schema.reject.empty.subject`). */
  rejectEmptySubject: boolean;
  /** One reference name bound to two versions across the graph is a 42201 (`reference.versions.strict`). */
  referenceVersionsStrict: boolean;
}

/**
 * The registry's rules (§4) over the in-memory state: every request is answered from the state, and
 * every change goes through `commit`, which logs the events and applies them. No I/O here.
 */
export class RegistryService {
  /** Parsed stored schemas, by entry (ids are per context, so the entry is the key). */
  private readonly storedCache = new WeakMap<SchemaEntry, PreparedSchema>();
  readonly settings: RegistrySettings;

  constructor(
    readonly state: RegistryState,
    readonly engine: SchemaEngine,
    private readonly commit: (events: LogEvent[]) => void,
    readonly options: ServiceOptions,
  ) {
    this.settings = new RegistrySettings(state, commit, options.shapes);
  }

  get shapes(): Shapes {
    return this.options.shapes;
  }

  private requireWritable(subject: string): Mode {
    return this.settings.requireWritable(subject);
  }

  // ---- schemas -------------------------------------------------------------------------------

  /**
   * The texts of the references (and of theirs), dependencies first, as the engines take them. A
   * reference's subject is read in the context of the schema that holds it (`context`).
   */
  resolveReferences(
    refs: readonly SchemaRef[],
    context: string,
    { liveOnly = false } = {},
    seen = new Map<string, number>(),
  ): SchemaReference[] {
    const out: SchemaReference[] = [];
    for (const r of refs) {
      const subject = qualifyWithParent(context, r.subject);
      const entry =
        r.version === LATEST ? this.state.latestLive(subject) : this.state.version(subject, r.version);
      // A new schema may not use a soft-deleted version (validateAsNew in the registry's provider).
      const schema =
        entry === undefined || (liveOnly && entry.deleted) ? undefined : this.state.schemaAt(entry);
      if (entry === undefined || schema === undefined) {
        throw RegistryErrors.invalidSchema(
          `Invalid schema: reference '${r.name}' to subject '${r.subject}' version ${r.version} not found`,
        );
      }
      const earlier = seen.get(r.name);
      if (earlier !== undefined) {
        if (this.options.referenceVersionsStrict && earlier !== entry.version)
          throw RegistryErrors.invalidSchema(
            `Invalid schema: Conflicting reference versions for "${r.name}": version ${earlier} and version ${entry.version}`,
          );
        continue;
      }
      seen.set(r.name, entry.version);
      out.push(...this.resolveReferences(schema.references, contextOf(subject), { liveOnly }, seen), {
        name: r.name,
        text: schema.schema,
      });
    }
    return out;
  }

  /** A stored schema, parsed leniently for compatibility checks; parsed once per id. */
  storedSchema(entry: SchemaEntry, context: string): PreparedSchema {
    const hit = this.storedCache.get(entry);
    if (hit !== undefined) return hit;
    const result = this.engine.prepare(entry.schema, entry.schemaType, {
      references: this.resolveReferences(entry.references, context),
      lenient: true,
      normalize: false,
    });
    if (!result.ok)
      throw RegistryErrors.internal(`Stored schema ${entry.id} cannot be parsed: ${result.message}`);
    this.storedCache.set(entry, result.schema);
    return result.schema;
  }

  private schemaTypeOf(req: SchemaRequest): RegistrySchemaType {
    const t = (req.schemaType ?? 'AVRO').toUpperCase();
    if (t !== 'AVRO' && t !== 'JSON' && t !== 'PROTOBUF')
      throw RegistryErrors.invalidSchema(`Invalid schema type ${req.schemaType ?? ''}`);
    return t;
  }

  /** Parses a request's schema with its references; an invalid one is a 42201. */
  prepareRequest(
    req: SchemaRequest,
    subject: string,
    options: { lenient: boolean; normalize: boolean },
  ): { prepared: PreparedSchema; refs: SchemaRef[] } {
    const type = this.schemaTypeOf(req);
    const context = contextOf(subject);
    const refs = req.references.map((r) => (r.version === LATEST ? this.pinLatest(r, context) : r));
    const result = this.engine.prepare(req.schema ?? '', type, {
      references: this.resolveReferences(refs, context, { liveOnly: !options.lenient }),
      ...options,
    });
    if (!result.ok) throw RegistryErrors.invalidSchema(result.message);
    return { prepared: result.schema, refs };
  }

  private pinLatest(r: SchemaRef, context: string): SchemaRef {
    const latest = this.state.latestLive(qualifyWithParent(context, r.subject));
    if (latest === undefined)
      throw RegistryErrors.invalidSchema(
        `Invalid schema: reference '${r.name}' to subject '${r.subject}' has no live version`,
      );
    return { ...r, version: latest.version };
  }

  private previousLive(subject: string): PreviousVersion[] {
    return this.state
      .versions(subject)
      .map((v) => ({ version: v.version, schema: this.storedSchema(this.schemaOf(v), contextOf(subject)) }));
  }

  schemaOf(v: VersionEntry): SchemaEntry {
    const s = this.state.schemaAt(v);
    if (s === undefined)
      throw RegistryErrors.storeError(
        `Schema ${v.id} of subject '${v.subject}' version ${v.version} is missing`,
      );
    return s;
  }

  // ---- register and lookup -------------------------------------------------------------------

  /**
   * A schema the subject already holds live is answered before any mode check, as the registry's
   * registerOrForward does: auto-registering clients keep working in READONLY and IMPORT mode.
   */
  private alreadyRegistered(subject: string, req: SchemaRequest, normalizeParam: boolean) {
    if (req.version !== undefined || (req.schema ?? '') === '') return undefined;
    const config = this.settings.effectiveConfig(subject);
    if (
      config.defaultMetadata !== undefined ||
      config.overrideMetadata !== undefined ||
      config.defaultRuleSet !== undefined ||
      config.overrideRuleSet !== undefined
    )
      return undefined;
    const live = this.state.versions(subject);
    if (live.length === 0) return undefined;
    let found;
    try {
      found = this.findVersion(subject, live, req, normalizeParam);
    } catch {
      return undefined; // register itself reports what is wrong with the request
    }
    return found !== undefined && (req.id === undefined || req.id === found.schema.id) ? found : undefined;
  }

  register(subject: string, req: SchemaRequest, normalizeParam: boolean): Record<string, unknown> {
    const name = parseSubject(subject).name;
    if (this.options.rejectEmptySubject && (name === '' || name === '*'))
      throw RegistryErrors.invalidSubject(subject === '' ? ':.:' : subject);
    const existing = this.alreadyRegistered(subject, req, normalizeParam);
    if (existing !== undefined) return registerView(existing.version, existing.schema, this.shapes);
    const mode = this.requireWritable(subject);
    const importing = mode === 'IMPORT' || mode === 'FORWARD';
    if (req.id !== undefined && !importing)
      throw RegistryErrors.notPermitted(`Subject ${subject} is not in import or forward mode`);
    if (req.id === undefined && importing)
      throw RegistryErrors.notPermitted(
        `Subject ${subject} in context ${contextInMessage(subject)} is not in read-write mode`,
      );
    const config = this.settings.effectiveConfig(subject);
    const normalize = !importing && (normalizeParam || config.normalize === true);
    const latest = this.state.latestLive(subject);
    const latestSchema = latest === undefined ? undefined : this.schemaOf(latest);

    let request = req;
    if ((req.schema ?? '') === '') {
      // An empty schema re-registers the latest one with new metadata or rules (§4.10).
      if (latestSchema === undefined) throw RegistryErrors.invalidSchema('Empty schema');
      request = {
        ...req,
        schema: latestSchema.schema,
        schemaType: latestSchema.schemaType,
        references: req.references.length > 0 ? req.references : latestSchema.references,
      };
    }
    const { prepared, refs } = this.prepareRequest(request, subject, { lenient: importing, normalize });
    // Metadata and rules not given are inherited from the previous version (§4.10).
    const metadata = request.metadata ?? latestSchema?.metadata;
    const ruleSet = request.ruleSet ?? latestSchema?.ruleSet;
    const key = identityKey(prepared.schemaType, prepared.canonical, refs, metadata, ruleSet);

    const versions = this.state.subjects.get(subject) ?? [];
    for (let i = versions.length - 1; i >= 0; i--) {
      const v = versions[i] as VersionEntry;
      if (v.deleted) continue;
      const s = this.schemaOf(v);
      // Registering what the subject already holds live answers the existing version and writes nothing (§4.2).
      if (keyOf(s) === key && (req.id === undefined || req.id === s.id))
        return registerView(v, s, this.shapes);
    }
    const highest = versions[versions.length - 1]?.version ?? 0;
    const space = this.state.spaceOf(subject);
    let id: number;
    let version: number;
    if (importing) {
      id = req.id as number;
      // An id that only hard-deleted versions held is free again, as in the registry.
      const holder = space.held(id);
      if (holder !== undefined && keyOf(holder) !== key) {
        throw RegistryErrors.notPermitted(
          `Overwrite new schema with id ${id} in context ${contextInMessage(subject)} is not permitted.`,
        );
      }
      version = req.version ?? highest + 1;
      const taken = this.state.version(subject, version);
      if (taken !== undefined && taken.id !== id) {
        throw RegistryErrors.invalidSchema(
          `Version ${version} of subject '${subject}' already exists with a different schema`,
        );
      }
    } else {
      if (req.version !== undefined && req.version !== highest + 1) {
        throw RegistryErrors.invalidSchema('Version is not one more than previous version');
      }
      const level = RegistrySettings.levelOf(config);
      const outcome = checkLevel(level, prepared, this.previousLive(subject), config.validateFields === true);
      if (!outcome.compatible) throw RegistryErrors.incompatible(subject, outcome.messages, this.shapes);
      // The registry reuses an id only while some version (soft-deleted or not) still holds it.
      const same = space.idOfKey(key);
      id = same !== undefined && space.held(same) !== undefined ? same : space.maxId + 1;
      version = highest + 1;
    }
    const existingEntry = space.schemas.get(id);
    const known = existingEntry !== undefined && keyOf(existingEntry) === key ? existingEntry : undefined;
    const stored: StoredSchema = {
      id,
      schemaType: prepared.schemaType,
      schema: prepared.canonical,
      references: refs,
      ...(metadata === undefined ? {} : { metadata }),
      ...(ruleSet === undefined ? {} : { ruleSet }),
    };
    const entry: SchemaEntry = known ?? stored;
    // Soft-deleted versions with the same id below the new one are tombstoned, unless referenced (§4.2).
    const drop = versions
      .filter(
        (v) =>
          v.deleted &&
          v.id === id &&
          v.version < version &&
          this.state.referrersOf(subject, v.version, true).length === 0,
      )
      .map((v) => v.version);
    // The registry's record holds the schema with its subject and version; Kafka refuses one too large.
    if (Buffer.byteLength(JSON.stringify({ subject, version, ...stored })) > this.options.maxSchemaBytes)
      throw RegistryErrors.schemaTooLarge();
    const ts = Date.now();
    this.commit([
      {
        t: 'reg',
        s: subject,
        v: version,
        id,
        ts,
        ...(known === undefined ? { schema: stored } : {}),
        ...(drop.length > 0 ? { drop } : {}),
      },
    ]);
    return registerView({ subject, version, id, deleted: false, ts }, entry, this.shapes);
  }

  lookup(
    subject: string,
    req: SchemaRequest,
    normalizeParam: boolean,
    deleted: boolean,
  ): Record<string, unknown> {
    const versions = this.state.versions(subject, deleted);
    if (versions.length === 0) throw RegistryErrors.subjectNotFound(subject);
    const found = this.findVersion(subject, versions, req, normalizeParam);
    if (found === undefined) throw RegistryErrors.schemaNotFound();
    return versionView(found.version, found.schema, this.shapes);
  }

  /** The newest of `versions` that holds the request's schema (lookup's matching, §3.3). */
  private findVersion(
    subject: string,
    versions: readonly VersionEntry[],
    req: SchemaRequest,
    normalizeParam: boolean,
  ): { version: VersionEntry; schema: SchemaEntry } | undefined {
    const normalize = normalizeParam || this.settings.effectiveConfig(subject).normalize === true;
    const { prepared, refs } = this.prepareRequest(req, subject, { lenient: true, normalize });
    const key = identityKey(prepared.schemaType, prepared.canonical, refs, req.metadata, req.ruleSet);
    const match = (test: (s: SchemaEntry) => boolean) => {
      for (let i = versions.length - 1; i >= 0; i--) {
        const v = versions[i] as VersionEntry;
        const s = this.schemaOf(v);
        if (test(s)) return { version: v, schema: s };
      }
      return undefined;
    };
    // Exact identity first; then, as the registry's fallback, the same schema whatever its metadata.
    const found =
      match((s) => keyOf(s) === key) ??
      (req.metadata === undefined && req.ruleSet === undefined
        ? match(
            (s) =>
              s.schemaType === prepared.schemaType &&
              s.schema === prepared.canonical &&
              sameRefs(s.references, refs),
          )
        : undefined);
    return found;
  }

  // ---- compatibility -------------------------------------------------------------------------

  /**
   * `POST /compatibility/subjects/{s}/versions[/{v}]`: against one version (`version` given) or as
   * register would check (`version` undefined). Invalid schemas become a verbose answer when asked.
   */
  compatibility(
    subject: string,
    version: number | undefined,
    req: SchemaRequest,
    normalizeParam: boolean,
    verbose: boolean,
  ): CompatOutcome {
    const config = this.settings.effectiveConfig(subject);
    const level = RegistrySettings.levelOf(config);
    let previous: PreviousVersion[];
    if (version === undefined) previous = this.previousLive(subject);
    else if (version === LATEST) {
      const latest = this.state.latestLive(subject);
      if (latest === undefined) return { compatible: true, messages: [] };
      previous = [
        { version: latest.version, schema: this.storedSchema(this.schemaOf(latest), contextOf(subject)) },
      ];
    } else {
      const v = this.state.version(subject, version);
      if (v === undefined || v.deleted) throw RegistryErrors.versionNotFound(version);
      previous = [{ version: v.version, schema: this.storedSchema(this.schemaOf(v), contextOf(subject)) }];
    }
    let prepared: PreparedSchema;
    try {
      prepared = this.prepareRequest(req, subject, {
        lenient: false,
        normalize: normalizeParam || config.normalize === true,
      }).prepared;
    } catch (e) {
      if (verbose && e instanceof Error && 'errorCode' in e && e.errorCode === 42201)
        return { compatible: false, messages: [e.message] };
      throw e;
    }
    // Against one given version, a transitive level means its plain form (§3.6).
    const effective =
      version === undefined ? level : (level.replace('_TRANSITIVE', '') as CompatibilityLevel);
    return checkLevel(effective, prepared, previous, config.validateFields === true);
  }

  // ---- deletes -------------------------------------------------------------------------------

  /** In the registry's order: the version (40401/40402/40406), the mode (42205), references (42206), then 40407. */
  deleteVersion(subject: string, version: number, permanent: boolean): number {
    const all = this.state.versions(subject, true);
    if (all.length === 0) throw RegistryErrors.subjectNotFound(subject);
    const entry = version === LATEST ? this.state.latestLive(subject) : this.state.version(subject, version);
    if (entry === undefined) throw RegistryErrors.versionNotFound(version === LATEST ? 'latest' : version);
    if (!permanent && entry.deleted) throw RegistryErrors.versionSoftDeleted(subject, entry.version);
    this.requireWritable(subject);
    // A permanent delete also counts soft-deleted referrers: they could still be revived.
    if (this.state.referrersOf(subject, entry.version, permanent).length > 0)
      throw RegistryErrors.referenceExists(subject, entry.version);
    if (permanent && !entry.deleted) throw RegistryErrors.versionNotSoftDeleted(subject, entry.version);
    this.commit([{ t: permanent ? 'hard' : 'soft', s: subject, v: [entry.version] }]);
    return entry.version;
  }

  /** `DELETE /contexts/{c}`: refused (42211) while any subject of the context has a version. */
  deleteContext(context: string): void {
    if (this.state.hasSubjectsIn(context)) throw RegistryErrors.contextNotEmpty(formatSubject(context, ''));
    if (context !== DEFAULT_CONTEXT) this.commit([{ t: 'ctxdel', c: context }]);
  }

  deleteSubject(subject: string, permanent: boolean): number[] {
    this.requireWritable(subject);
    const all = this.state.versions(subject, true);
    if (all.length === 0) throw RegistryErrors.subjectNotFound(subject);
    const live = all.filter((v) => !v.deleted);
    if (permanent && live.length > 0) throw RegistryErrors.subjectNotSoftDeleted(subject);
    if (!permanent && live.length === 0) throw RegistryErrors.subjectSoftDeleted(subject);
    const targets = permanent ? all : live;
    // References from versions of the same subject do not count (§4.6).
    const ownIds = new Set(all.map((v) => v.id));
    const context = contextOf(subject);
    for (const v of targets) {
      const referrers = this.state
        .referrersOf(subject, v.version, permanent)
        .filter((r) => r.context !== context || !ownIds.has(r.id));
      if (referrers.length > 0) throw RegistryErrors.referenceExists(subject, v.version);
    }
    const numbers = targets.map((v) => v.version);
    this.commit([{ t: permanent ? 'hard' : 'soft', s: subject, v: numbers }]);
    return numbers;
  }
}

function sameRefs(a: readonly SchemaRef[], b: readonly SchemaRef[]): boolean {
  return (
    a.length === b.length &&
    a.every((r, i) => r.name === b[i]?.name && r.subject === b[i]?.subject && r.version === b[i]?.version)
  );
}
