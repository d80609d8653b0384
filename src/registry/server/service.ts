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
import { compatibilityGroupValue, hasDefaultsOrOverrides, mergeContract } from './contracts.js';
import { identityKey, keyOf } from './identity.js';
import { findInSubject, findOnce, type Found } from './lookup.js';
import { configSuffix } from './messages.js';
import { reservedFieldMessages } from './reserved.js';
import { validateRuleSet } from './rule-validation.js';
import { applySchemaTags, taggedEntities } from './tagging.js';
import { LATEST, type SchemaRequest } from './params.js';
import { contextOf, DEFAULT_CONTEXT, formatSubject, parseSubject, qualifyWithParent } from './qualified.js';
import type { RegistryState } from './state.js';
import type {
  JsonObject,
  LogEvent,
  Mode,
  RegistryConfig,
  SchemaEntry,
  SchemaRef,
  StoredSchema,
  VersionEntry,
} from './types.js';
import { contextInMessage, RegistrySettings } from './settings.js';
import { registerView, type Shapes } from './views.js';

/** Whether rule sets are stored (Confluent Enterprise, Cloud) or dropped (community edition). */
export type RuleSetPolicy = 'keep' | 'drop';

export interface ServiceOptions {
  shapes: Shapes;
  /** The largest stored registration record, in bytes (Kafka's `message.max.bytes` in the registry). */
  maxSchemaBytes: number;
  /** Registering under '' or `*` is refused (`schema.reject.empty.subject`). */
  rejectEmptySubject: boolean;
  /** One reference name bound to two versions across the graph is a 42201 (`reference.versions.strict`). */
  referenceVersionsStrict: boolean;
  ruleSets?: RuleSetPolicy;
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
    options: { lenient: boolean; normalize: boolean; validateFields?: boolean },
  ): { prepared: PreparedSchema; refs: SchemaRef[] } {
    const type = this.schemaTypeOf(req);
    const context = contextOf(subject);
    const pinned = req.references.map((r) => (r.version === LATEST ? this.pinLatest(r, context) : r));
    const result = this.engine.prepare(req.schema ?? '', type, {
      references: this.resolveReferences(pinned, context, { liveOnly: !options.lenient }),
      ...options,
    });
    if (!result.ok) throw RegistryErrors.invalidSchema(result.message);
    // Normalising also sorts the references (by subject, then version) and drops repeats (§4.3).
    return { prepared: result.schema, refs: options.normalize ? sortedReferences(pinned) : pinned };
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
    return this.state.versions(subject).map((v) => this.previousVersion(v));
  }

  private previousVersion(v: VersionEntry): PreviousVersion {
    const entry = this.schemaOf(v);
    return {
      version: v.version,
      schema: this.storedSchema(entry, contextOf(v.subject)),
      metadata: entry.metadata,
    };
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
  private alreadyRegistered(
    subject: string,
    sent: SchemaRequest,
    req: SchemaRequest,
    normalizeParam: boolean,
  ): Found | undefined {
    if ((req.schema ?? '') === '') return undefined;
    const config = this.settings.effectiveConfig(subject);
    const tagged = sent.schemaTagsToAdd !== undefined || sent.schemaTagsToRemove !== undefined;
    if (hasDefaultsOrOverrides(config) || tagged || req.propagateSchemaTags === true) return undefined;
    const mode = this.settings.effectiveMode(subject);
    const importing = mode === 'IMPORT' || mode === 'FORWARD';
    const normalize = !importing && (normalizeParam || config.normalize === true);
    try {
      return this.findForRegister(subject, req, normalize, importing);
    } catch {
      return undefined; // register itself reports what is wrong with the request
    }
  }

  /** `force` skips the compatibility check, as IMPORT mode does (the registry's `force=true`). */
  register(
    subject: string,
    sent: SchemaRequest,
    normalizeParam: boolean,
    force = false,
  ): Record<string, unknown> {
    const name = parseSubject(subject).name;
    if (this.options.rejectEmptySubject && (name === '' || name === '*'))
      throw RegistryErrors.invalidSubject(subject === '' ? ':.:' : subject);
    const req = this.withTags(
      this.options.ruleSets === 'drop' ? { ...sent, ruleSet: undefined } : sent,
      subject,
    );
    const existing = this.alreadyRegistered(subject, sent, req, normalizeParam);
    if (existing !== undefined) return registerView(existing.version, existing.entry, this.shapes);
    const mode = this.requireWritable(subject);
    const importing = mode === 'IMPORT' || mode === 'FORWARD';
    if (req.id !== undefined && !importing)
      throw RegistryErrors.notPermitted(`Subject ${subject} is not in import or forward mode`);
    if (req.id === undefined && importing)
      throw RegistryErrors.notPermitted(
        `Subject ${subject} in context ${contextInMessage(subject)} is not in read-write mode`,
      );
    // The request's rules are checked before anything else (42210), as the registry's resource does.
    validateRuleSet(req.ruleSet);
    const config = this.settings.effectiveConfig(subject);
    const normalize = !importing && (normalizeParam || config.normalize === true);
    const versions = this.state.subjects.get(subject) ?? [];
    const highest = versions[versions.length - 1]?.version ?? 0;
    const latest = this.state.latestLive(subject);
    const latestSchema = latest === undefined ? undefined : this.schemaOf(latest);

    let request = req;
    if ((req.schema ?? '') === '') {
      // An empty schema re-registers the latest one with new metadata or rules (§4.10).
      if (latestSchema === undefined || importing) throw RegistryErrors.invalidSchema('Empty schema');
      request = {
        ...req,
        schema: latestSchema.schema,
        schemaType: latestSchema.schemaType,
        references: latestSchema.references,
      };
    }
    if (req.propagateSchemaTags === true && latestSchema !== undefined && !importing)
      request = this.propagateTags(request, latestSchema, subject);
    // Metadata and rules: the request's or the latest version's, under the config's defaults and
    // overrides, with confluent:version kept up to date (§4.10).
    const contract = importing
      ? { metadata: req.metadata, ruleSet: req.ruleSet }
      : mergeContract(config, { metadata: req.metadata, ruleSet: req.ruleSet }, latestSchema, {
          version: highest + 1,
          requested: req.version !== undefined,
        });
    // `validateNewSchemas: false` in the config registers what only a stored schema would pass.
    const lenient = importing || config.validateNewSchemas === false;
    const { prepared, refs } = this.prepareRequest(request, subject, {
      lenient,
      normalize,
      validateFields: config.validateFields === true,
    });
    const { metadata, ruleSet } = contract;
    const key = identityKey(prepared.schemaType, prepared.canonical, refs, metadata, ruleSet);
    const candidate = { prepared, refs, metadata, ruleSet };

    if (req.version === undefined) {
      const live = versions.filter((v) => !v.deleted);
      for (let i = live.length - 1; i >= 0; i--) {
        const v = live[i] as VersionEntry;
        const s = this.schemaOf(v);
        // Registering what the subject already holds live answers that version and writes nothing (§4.2).
        if (keyOf(s) === key && (req.id === undefined || req.id === s.id))
          return registerView(v, s, this.shapes);
      }
      if (!importing) {
        const same = findOnce(this, subject, candidate, { deleted: false, latestOnly: false });
        if (same !== undefined) return registerView(same.version, same.entry, this.shapes);
      }
    }
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
      version = req.version !== undefined && req.version > 0 ? req.version : highest + 1;
      const taken = this.state.version(subject, version);
      if (taken !== undefined && taken.id !== id) {
        throw RegistryErrors.invalidSchema(
          `Version ${version} of subject '${subject}' already exists with a different schema`,
        );
      }
    } else {
      if (!force) {
        const outcome = this.checkAgainstPrevious(config, candidate, this.previousLive(subject));
        if (!outcome.compatible) throw RegistryErrors.incompatible(subject, outcome.messages, this.shapes);
      }
      if (req.version !== undefined && req.version > 0 && req.version !== highest + 1) {
        throw RegistryErrors.invalidSchema('Version is not one more than previous version');
      }
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

  /**
   * A request that adds or removes schema tags is the tagged schema, registered as a new version
   * (`version` -1 unless given, so `confluent:version` is set), as the registry's `toSchemaWithTags`.
   */
  private withTags(req: SchemaRequest, subject: string): SchemaRequest {
    if (req.schemaTagsToAdd === undefined && req.schemaTagsToRemove === undefined) return req;
    const { prepared } = this.prepareRequest(req, subject, { lenient: true, normalize: false });
    const schema = applySchemaTags(
      prepared.parsed,
      prepared.canonical,
      req.schemaTagsToAdd ?? [],
      req.schemaTagsToRemove ?? [],
    );
    const { schemaTagsToAdd: _add, schemaTagsToRemove: _remove, ...rest } = req;
    return { ...rest, schema, version: req.version ?? LATEST };
  }

  /** `propagateSchemaTags`: the latest version's tags added to the new schema. */
  private propagateTags(req: SchemaRequest, latest: SchemaEntry, subject: string): SchemaRequest {
    const previous = this.storedSchema(latest, contextOf(subject)).parsed;
    const tags = taggedEntities(previous);
    if (tags.length === 0) return req;
    const { prepared } = this.prepareRequest(req, subject, { lenient: true, normalize: false });
    return { ...req, schema: applySchemaTags(prepared.parsed, prepared.canonical, tags, []) };
  }

  /**
   * `registerOrForward`'s first look (§4.2): a version of the subject that already is this schema
   * (by identity, or written differently) answers a register that names no version (or `-1`, which
   * only the latest can answer) and no other id.
   */
  private findForRegister(
    subject: string,
    req: SchemaRequest,
    normalize: boolean,
    importing: boolean,
  ): Found | undefined {
    const latestOnly = req.version === LATEST;
    const { prepared, refs } = this.prepareRequest(req, subject, { lenient: true, normalize });
    const candidate = { prepared, refs, metadata: req.metadata, ruleSet: req.ruleSet };
    const found = findOnce(this, subject, candidate, { deleted: false, latestOnly });
    if (found === undefined) return undefined;
    if (req.version === undefined || latestOnly) {
      if (req.id === undefined || req.id === found.entry.id) return found;
    } else if (importing && req.id === found.entry.id && req.version === found.version.version) {
      return found;
    }
    return undefined;
  }

  lookup(subject: string, req: SchemaRequest, normalizeParam: boolean, deleted: boolean): Found {
    const config = this.settings.effectiveConfig(subject);
    const normalize = normalizeParam || config.normalize === true;
    // Parsed before the subject is looked at: an invalid schema is 42201 wherever it is sent.
    const { prepared, refs } = this.prepareRequest(req, subject, { lenient: true, normalize });
    const exists = deleted
      ? (this.state.subjects.get(subject)?.length ?? 0) > 0
      : this.state.latestLive(subject) !== undefined;
    if (!exists) throw RegistryErrors.subjectNotFound(subject);
    const candidate = { prepared, refs, metadata: req.metadata, ruleSet: req.ruleSet };
    const found = findInSubject(this, subject, config, candidate, { deleted, latestOnly: false });
    if (found === undefined) throw RegistryErrors.schemaNotFound();
    return found;
  }

  /**
   * The register check (§4.8): reserved fields when `validateFields` is on, then the level against
   * the earlier versions in the candidate's `compatibilityGroup` (when the config names one).
   */
  private checkAgainstPrevious(
    config: RegistryConfig,
    candidate: { prepared: PreparedSchema; metadata: JsonObject | undefined },
    previous: PreviousVersion[],
  ): CompatOutcome {
    const level = RegistrySettings.levelOf(config);
    const validateFields = config.validateFields === true;
    const latest = previous[previous.length - 1];
    const reserved = validateFields
      ? reservedFieldMessages(candidate.prepared, candidate.metadata, latest?.metadata, latest !== undefined)
      : [];
    const group = config.compatibilityGroup;
    let against = previous;
    if (group !== undefined) {
      const value = compatibilityGroupValue(candidate.metadata, group);
      against = previous.filter((p) => compatibilityGroupValue(p.metadata, group) === value);
    }
    const outcome = checkLevel(level, candidate.prepared, against, validateFields);
    if (reserved.length === 0) return outcome;
    const rest = outcome.compatible ? [configSuffix(level, validateFields)] : outcome.messages;
    return { compatible: false, messages: [...reserved, ...rest] };
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
    let previous: PreviousVersion[];
    if (version === undefined) previous = this.previousLive(subject);
    else {
      const v = version === LATEST ? this.state.latestLive(subject) : this.state.version(subject, version);
      if (version !== LATEST && (v === undefined || v.deleted)) throw RegistryErrors.versionNotFound(version);
      previous = v === undefined ? [] : [this.previousVersion(v)];
    }
    let candidate;
    try {
      // The candidate is validated as on register, even when there is nothing to check it against.
      candidate = this.prepareRequest(req, subject, {
        lenient: config.validateNewSchemas === false,
        normalize: normalizeParam || config.normalize === true,
        validateFields: config.validateFields === true,
      });
    } catch (e) {
      if (verbose && e instanceof Error && 'errorCode' in e && e.errorCode === 42201)
        return { compatible: false, messages: [e.message] };
      throw e;
    }
    // Against one given version, a transitive level means its plain form (§3.6).
    const level = RegistrySettings.levelOf(config);
    const effective: RegistryConfig =
      version === undefined
        ? config
        : { ...config, compatibilityLevel: level.replace('_TRANSITIVE', '') as CompatibilityLevel };
    return this.checkAgainstPrevious(
      effective,
      { prepared: candidate.prepared, metadata: req.metadata },
      previous,
    );
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

/** Confluent's `references.stream().sorted().distinct()`: by subject, then version; equal ones once. */
function sortedReferences(refs: readonly SchemaRef[]): SchemaRef[] {
  const sorted = [...refs].sort((a, b) =>
    a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.version - b.version,
  );
  return sorted.filter(
    (r, i) =>
      sorted.findIndex((o) => o.name === r.name && o.subject === r.subject && o.version === r.version) === i,
  );
}
