import { parseLevel } from '../../compat/level.js';
import { canonicalMetadata, canonicalRuleSet } from './contracts.js';
import { validRuleSet } from './rule-validation.js';
import { SCHEMA_TYPES } from './engine.js';
import { RegistryErrors } from './errors.js';
import {
  boolParam,
  checkSubject,
  isObject,
  LATEST,
  page,
  parseJsonBody,
  parseSchemaRequest,
  parseVersion,
  requireObject,
} from './params.js';
import { Router } from './router.js';
import type { RegistryService } from './service.js';
import { modifySchemaTags } from './tag-requests.js';
import { findTags, schemaTagsView } from './tags.js';
import { MODES, type Mode, type RegistryConfig, type SchemaEntry, type VersionEntry } from './types.js';
import type { AvroSchema } from '../../formats/avro/model.js';
import { idView, versionView } from './views.js';

export interface RequestContext {
  params: Record<string, string>;
  query: URLSearchParams;
  /** The raw request body ('' when none). */
  body: string;
  service: RegistryService;
}

/** A JSON value to serialise, or a raw JSON text to send as it is (the `/schema` endpoints). */
export type Reply = { json: unknown } | { raw: string };

export type Handler = (ctx: RequestContext) => Reply;

const json = (value: unknown): Reply => ({ json: value });

const SERVER_VERSION = '7.9.0';

function param(ctx: RequestContext, name: string): string {
  return ctx.params[name] ?? '';
}

/** Resolves `{subject}/versions/{version}` for reads (§3.4): 40401, 40402 or the version. */
function readVersion(ctx: RequestContext, includeDeleted: boolean): VersionEntry {
  const { state } = ctx.service;
  const subject = checkSubject(param(ctx, 'subject'));
  const version = parseVersion(param(ctx, 'version'));
  if (state.versions(subject, includeDeleted).length === 0) throw RegistryErrors.subjectNotFound(subject);
  const entry = version === LATEST ? state.latestLive(subject) : state.version(subject, version);
  if (entry === undefined || (entry.deleted && !includeDeleted))
    throw RegistryErrors.versionNotFound(version === LATEST ? 'latest' : version);
  return entry;
}

function schemaId(ctx: RequestContext): number {
  const text = param(ctx, 'id');
  if (!/^\d+$/.test(text)) throw RegistryErrors.notFound();
  return Number(text);
}

function schemaById(ctx: RequestContext) {
  const id = schemaId(ctx);
  const entry = ctx.service.state.schemas.get(id);
  // A schema stays readable while any version, soft-deleted or not, holds it (§3.5).
  if (entry === undefined || (ctx.service.state.holders.get(id)?.length ?? 0) === 0)
    throw RegistryErrors.schemaNotFound(id);
  return entry;
}

function holdersOf(ctx: RequestContext, id: number): VersionEntry[] {
  const deleted = boolParam(ctx.query, 'deleted');
  const only = ctx.query.get('subject');
  return [...(ctx.service.state.holders.get(id) ?? [])]
    .filter((h) => (deleted || !h.deleted) && (only === null || only === '' || h.subject === only))
    .sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.version - b.version));
}

/**
 * PUT /config body: `compatibility` in requests (§3.7), other fields as given. With rule sets
 * dropped (the community edition), `defaultRuleSet` and `overrideRuleSet` are ignored.
 */
function configUpdate(body: unknown, ruleSets: 'keep' | 'drop' = 'keep'): RegistryConfig {
  const o = requireObject(body);
  const update: RegistryConfig = {};
  const level = o['compatibility'] ?? o['compatibilityLevel'];
  if (level !== undefined && level !== null) {
    const parsed = typeof level === 'string' ? parseLevel(level) : undefined;
    if (parsed === undefined) throw RegistryErrors.invalidCompatibility();
    update.compatibilityLevel = parsed;
  }
  for (const k of ['normalize', 'validateFields', 'validateNewSchemas'] as const) {
    const v = o[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'boolean')
      throw RegistryErrors.badRequest(`Cannot deserialize field '${k}': expected a boolean`);
    update[k] = v;
  }
  for (const k of ['compatibilityGroup', 'alias', 'compatibilityPolicy'] as const) {
    const v = o[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string')
      throw RegistryErrors.badRequest(`Cannot deserialize field '${k}': expected a string`);
    update[k] = v;
  }
  for (const k of ['defaultMetadata', 'overrideMetadata', 'defaultRuleSet', 'overrideRuleSet'] as const) {
    const v = o[k];
    if (v === undefined || v === null || (ruleSets === 'drop' && k.endsWith('RuleSet'))) continue;
    if (!isObject(v)) throw RegistryErrors.badRequest(`Cannot deserialize field '${k}': expected an object`);
    // In the registry's shape; rule sets are checked as on register (42210).
    update[k] = k.endsWith('RuleSet') ? validRuleSet(canonicalRuleSet(v)) : canonicalMetadata(v);
  }
  return update;
}

function modeFrom(body: unknown): Mode {
  const m = requireObject(body)['mode'];
  const upper = typeof m === 'string' ? m.trim().toUpperCase() : '';
  if (!(MODES as readonly string[]).includes(upper)) throw RegistryErrors.invalidMode();
  return upper as Mode;
}

/** `/config/{subject}` and `/mode/{subject}`: the default context `:.:` means the global setting (§3.7). */
function scopedSubject(ctx: RequestContext): string | undefined {
  const raw = param(ctx, 'subject');
  if (raw === ':.:') return undefined;
  return checkSubject(raw, { allowGlobalContext: true });
}

function contexts(ctx: RequestContext): string[] {
  const found = new Set<string>(['.']);
  for (const s of ctx.service.state.subjectNames()) {
    const m = /^:(\.[^:]*):/.exec(s);
    if (m?.[1] !== undefined) found.add(m[1]);
  }
  return [...found].sort();
}

function listSubjects(ctx: RequestContext): string[] {
  const { state } = ctx.service;
  const deletedOnly = boolParam(ctx.query, 'deletedOnly');
  const deleted = boolParam(ctx.query, 'deleted');
  const prefix = ctx.query.get('subjectPrefix') ?? ':*:';
  const out: string[] = [];
  for (const s of state.subjectNames()) {
    if (prefix !== ':*:' && !s.startsWith(prefix)) continue;
    const hasLive = state.latestLive(s) !== undefined;
    if (deletedOnly ? !hasLive : deleted || hasLive) out.push(s);
  }
  return page(out, ctx.query);
}

function listSchemas(ctx: RequestContext): Record<string, unknown>[] {
  const { state, shapes } = ctx.service;
  const prefix = ctx.query.get('subjectPrefix') ?? '';
  const deleted = boolParam(ctx.query, 'deleted');
  const latestOnly = boolParam(ctx.query, 'latestOnly');
  const out: Record<string, unknown>[] = [];
  for (const s of state.subjectNames()) {
    if (!s.startsWith(prefix)) continue;
    let versions = state.versions(s, deleted);
    if (latestOnly) versions = versions.slice(-1);
    for (const v of versions) out.push(versionView(v, ctx.service.schemaOf(v), shapes));
  }
  const limit = Number(ctx.query.get('limit') ?? -1);
  const q = new URLSearchParams(ctx.query);
  // The registry caps this listing at its search limit (1000).
  q.set('limit', String(!Number.isInteger(limit) || limit < 0 || limit > 1000 ? 1000 : limit));
  return page(out, q);
}

/** `findTags=T` (repeatable, `*` for all): the tagged entities carrying those tags, as `schemaTags`. */
function withFoundTags(
  ctx: RequestContext,
  entry: SchemaEntry,
  view: Record<string, unknown>,
): Record<string, unknown> {
  const wanted = ctx.query.getAll('findTags');
  if (wanted.length === 0) return view;
  const parsed = ctx.service.storedSchema(entry).parsed;
  const found = parsed.format === 'avro' ? findTags(parsed as AvroSchema, wanted) : [];
  return found.length === 0
    ? view
    : insertBefore(view, ['maxId', 'ts', 'deleted'], 'schemaTags', schemaTagsView(found));
}

/** The registry writes `schemaTags` right after the schema, before `maxId`, `ts` and `deleted`. */
function insertBefore(
  view: Record<string, unknown>,
  later: readonly string[],
  key: string,
  value: unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let placed = false;
  for (const [k, v] of Object.entries(view)) {
    if (!placed && later.includes(k)) {
      out[key] = value;
      placed = true;
    }
    out[k] = v;
  }
  if (!placed) out[key] = value;
  return out;
}

function compatibilityReply(ctx: RequestContext, version: number | undefined): Reply {
  const subject = checkSubject(param(ctx, 'subject'));
  const verbose = boolParam(ctx.query, 'verbose');
  const req = parseSchemaRequest(parseJsonBody(ctx.body));
  const outcome = ctx.service.compatibility(
    subject,
    version,
    req,
    boolParam(ctx.query, 'normalize'),
    verbose,
  );
  return json(
    verbose
      ? { is_compatible: outcome.compatible, messages: outcome.messages }
      : { is_compatible: outcome.compatible },
  );
}

/** Every route of §3 that the server implements; anything else is a 404 with an error body. */
export function buildRouter(): Router<Handler> {
  const r = new Router<Handler>();
  r.add('GET', '/', () => json({}));
  r.add('POST', '/', () => json({}));
  r.add('GET', '/v1/metadata/id', () =>
    json({
      scope: {
        path: [],
        clusters: { 'kafka-cluster': 'schemagate-local', 'schema-registry-cluster': 'schema-registry' },
      },
      id: '',
    }),
  );
  r.add('GET', '/v1/metadata/version', () => json({ version: SERVER_VERSION, commitId: 'schemagate' }));
  r.add('GET', '/schemas/types', () => json(SCHEMA_TYPES.filter((t) => t !== 'PROTOBUF')));
  r.add('GET', '/contexts', (ctx) => json(page(contexts(ctx), ctx.query)));

  r.add('GET', '/subjects', (ctx) => json(listSubjects(ctx)));
  r.add('POST', '/subjects/:subject', (ctx) => {
    const subject = checkSubject(param(ctx, 'subject'));
    const req = parseSchemaRequest(parseJsonBody(ctx.body));
    return json(
      ctx.service.lookup(subject, req, boolParam(ctx.query, 'normalize'), boolParam(ctx.query, 'deleted')),
    );
  });
  r.add('DELETE', '/subjects/:subject', (ctx) =>
    json(ctx.service.deleteSubject(checkSubject(param(ctx, 'subject')), boolParam(ctx.query, 'permanent'))),
  );
  // The latest version whose metadata properties hold every key=value pair asked for (§3.3).
  r.add('GET', '/subjects/:subject/metadata', (ctx) => {
    const subject = checkSubject(param(ctx, 'subject'));
    const versions = ctx.service.state.versions(subject, boolParam(ctx.query, 'deleted'));
    if (versions.length === 0) throw RegistryErrors.subjectNotFound(subject);
    const keys = ctx.query.getAll('key');
    const values = ctx.query.getAll('value');
    for (let i = versions.length - 1; i >= 0; i--) {
      const v = versions[i] as VersionEntry;
      const entry = ctx.service.schemaOf(v);
      const props = entry.metadata?.['properties'];
      const has = (k: string, j: number): boolean => isObject(props) && props[k] === values[j];
      if (keys.every(has)) return json(versionView(v, entry, ctx.service.shapes));
    }
    throw RegistryErrors.schemaNotFound();
  });
  r.add('GET', '/subjects/:subject/versions', (ctx) => {
    const subject = checkSubject(param(ctx, 'subject'));
    const all = ctx.service.state.versions(subject, true);
    const list = boolParam(ctx.query, 'deletedOnly')
      ? all.filter((v) => v.deleted)
      : boolParam(ctx.query, 'deleted')
        ? all
        : all.filter((v) => !v.deleted);
    if (list.length === 0) throw RegistryErrors.subjectNotFound(subject);
    return json(
      page(
        list.map((v) => v.version),
        ctx.query,
      ),
    );
  });
  r.add('POST', '/subjects/:subject/versions', (ctx) => {
    const subject = checkSubject(param(ctx, 'subject'));
    const req = parseSchemaRequest(parseJsonBody(ctx.body));
    return json(
      ctx.service.register(subject, req, boolParam(ctx.query, 'normalize'), boolParam(ctx.query, 'force')),
    );
  });
  r.add('GET', '/subjects/:subject/versions/:version', (ctx) => {
    const v = readVersion(ctx, boolParam(ctx.query, 'deleted'));
    const entry = ctx.service.schemaOf(v);
    return json(withFoundTags(ctx, entry, versionView(v, entry, ctx.service.shapes)));
  });
  r.add('GET', '/subjects/:subject/versions/:version/schema', (ctx) => ({
    raw: ctx.service.schemaOf(readVersion(ctx, boolParam(ctx.query, 'deleted'))).schema,
  }));
  r.add('POST', '/subjects/:subject/versions/:version/tags', (ctx) =>
    json(
      modifySchemaTags(
        ctx.service,
        checkSubject(param(ctx, 'subject')),
        parseVersion(param(ctx, 'version')),
        parseJsonBody(ctx.body),
      ),
    ),
  );
  r.add('GET', '/subjects/:subject/versions/:version/referencedby', (ctx) => {
    const v = readVersion(ctx, true);
    return json(
      page(ctx.service.state.referrersOf(v.subject, v.version, boolParam(ctx.query, 'deleted')), ctx.query),
    );
  });
  r.add('DELETE', '/subjects/:subject/versions/:version', (ctx) => {
    const subject = checkSubject(param(ctx, 'subject'));
    return json(
      ctx.service.deleteVersion(
        subject,
        parseVersion(param(ctx, 'version')),
        boolParam(ctx.query, 'permanent'),
      ),
    );
  });

  r.add('GET', '/schemas', (ctx) => json(listSchemas(ctx)));
  // Ids never change what they name, so the plain answer is serialised once per id.
  const plainById = new Map<number, string>();
  r.add('GET', '/schemas/ids/:id', (ctx) => {
    const entry = schemaById(ctx);
    if (ctx.service.shapes === '7' && ctx.query.size === 0) {
      let text = plainById.get(entry.id);
      if (text === undefined) plainById.set(entry.id, (text = JSON.stringify(idView(entry, '7', {}))));
      return { raw: text };
    }
    const subject = ctx.query.get('subject') ?? undefined;
    const holder =
      subject === undefined
        ? undefined
        : ctx.service.state.holders.get(entry.id)?.find((h) => h.subject === subject);
    return json(
      withFoundTags(
        ctx,
        entry,
        idView(entry, ctx.service.shapes, {
          ...(boolParam(ctx.query, 'fetchMaxId') ? { maxId: ctx.service.state.maxId } : {}),
          ...(holder === undefined ? {} : { subject: holder.subject, version: holder.version }),
        }),
      ),
    );
  });
  r.add('GET', '/schemas/ids/:id/schema', (ctx) => ({ raw: schemaById(ctx).schema }));
  r.add('GET', '/schemas/ids/:id/subjects', (ctx) => {
    const entry = schemaById(ctx);
    return json(page([...new Set(holdersOf(ctx, entry.id).map((h) => h.subject))], ctx.query));
  });
  r.add('GET', '/schemas/ids/:id/versions', (ctx) => {
    const entry = schemaById(ctx);
    return json(
      page(
        holdersOf(ctx, entry.id).map((h) => ({ subject: h.subject, version: h.version })),
        ctx.query,
      ),
    );
  });

  r.add('POST', '/compatibility/subjects/:subject/versions/:version', (ctx) =>
    compatibilityReply(ctx, parseVersion(param(ctx, 'version'))),
  );
  r.add('POST', '/compatibility/subjects/:subject/versions', (ctx) => compatibilityReply(ctx, undefined));

  r.add('GET', '/config', (ctx) => json(ctx.service.settings.getConfig(undefined, true)));
  r.add('PUT', '/config', (ctx) =>
    json(
      ctx.service.settings.putConfig(
        undefined,
        configUpdate(parseJsonBody(ctx.body), ctx.service.options.ruleSets),
      ),
    ),
  );
  r.add('DELETE', '/config', (ctx) => json(ctx.service.settings.deleteConfig(undefined)));
  r.add('GET', '/config/:subject', (ctx) =>
    json(ctx.service.settings.getConfig(scopedSubject(ctx), boolParam(ctx.query, 'defaultToGlobal'))),
  );
  r.add('PUT', '/config/:subject', (ctx) => {
    const subject = scopedSubject(ctx);
    return json(
      ctx.service.settings.putConfig(
        subject,
        configUpdate(parseJsonBody(ctx.body), ctx.service.options.ruleSets),
      ),
    );
  });
  r.add('DELETE', '/config/:subject', (ctx) => json(ctx.service.settings.deleteConfig(scopedSubject(ctx))));

  r.add('GET', '/mode', (ctx) => json(ctx.service.settings.getMode(undefined, true)));
  r.add('PUT', '/mode', (ctx) =>
    json(
      ctx.service.settings.putMode(
        undefined,
        modeFrom(parseJsonBody(ctx.body)),
        boolParam(ctx.query, 'force'),
      ),
    ),
  );
  r.add('DELETE', '/mode', (ctx) => json(ctx.service.settings.deleteMode(undefined)));
  r.add('GET', '/mode/:subject', (ctx) =>
    json(ctx.service.settings.getMode(scopedSubject(ctx), boolParam(ctx.query, 'defaultToGlobal'))),
  );
  r.add('PUT', '/mode/:subject', (ctx) => {
    const subject = scopedSubject(ctx);
    return json(
      ctx.service.settings.putMode(subject, modeFrom(parseJsonBody(ctx.body)), boolParam(ctx.query, 'force')),
    );
  });
  r.add('DELETE', '/mode/:subject', (ctx) => json(ctx.service.settings.deleteMode(scopedSubject(ctx))));
  return r;
}
