import { AnswerMemo } from './answer-memo.js';
import { parseLevel } from '../../compat/level.js';
import { aliasesByTarget } from './aliases.js';
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
import {
  compareSubjects,
  CONTEXT_WILDCARD,
  contextOf,
  matchesPrefix,
  normalizeContextName,
  normalizeSubject,
  qualifyWithParent,
} from './qualified.js';
import { Router } from './router.js';
import type { RegistryService } from './service.js';
import { modifySchemaTags } from './tag-requests.js';
import { findTags } from './tagging.js';
import { schemaTagsView } from './tags.js';
import {
  MODES,
  type Mode,
  type RegistryConfig,
  type SchemaEntry,
  type SchemaRef,
  type VersionEntry,
} from './types.js';
import { idView, versionView } from './views.js';
import type { ProtobufSchema } from '../../formats/protobuf/parse.js';
import { protoToDescriptor } from '../../formats/protobuf/proto-to-descriptor.js';

export interface RequestContext {
  params: Record<string, string>;
  query: URLSearchParams;
  /** The raw request body ('' when none). */
  body: string;
  service: RegistryService;
}

/** A JSON value to serialise, a raw JSON text to send as it is (the `/schema` endpoints), or 204. */
export type Reply = { json: unknown } | { raw: string } | { empty: true };

export type Handler = (ctx: RequestContext) => Reply;

const json = (value: unknown): Reply => ({ json: value });

/** The Confluent release whose API each `--shapes` answers like. */
const SERVER_VERSION = { '7': '7.9.0', '8': '8.0.0' } as const;

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

/**
 * The subject-version through which `/schemas/ids/{id}` finds its schema (getSchemaKeyUsingContexts).
 * A schema stays readable while any version, soft-deleted or not, holds it (§3.5).
 */
function holderById(ctx: RequestContext): VersionEntry {
  const id = schemaId(ctx);
  const subject = ctx.query.get('subject');
  const found = ctx.service.state.holderOf(id, subject === null ? '' : normalizeSubject(subject));
  if (found === undefined) throw RegistryErrors.schemaNotFound(id);
  return found;
}

/** Every subject-version of the schema's context that holds its id, sorted. */
function holdersOf(ctx: RequestContext): VersionEntry[] {
  const found = holderById(ctx);
  const deleted = boolParam(ctx.query, 'deleted');
  return [...(ctx.service.state.spaceOf(found.subject).holders.get(found.id) ?? [])]
    .filter((h) => deleted || !h.deleted)
    .sort((a, b) => compareSubjects(a.subject, b.subject) || a.version - b.version);
}

/** A PUT /config body: the fields to set, and the fields sent as null, which the registry clears. */
interface ConfigUpdate {
  set: RegistryConfig;
  cleared: (keyof RegistryConfig)[];
}

/**
 * PUT /config body: `compatibility` in requests (§3.7), other fields as given; a field sent as null
 * clears it (ConfigValue.update reads an empty Optional as null), an absent one keeps it. With rule
 * sets dropped (the community edition), `defaultRuleSet` and `overrideRuleSet` are ignored.
 */
function configUpdate(body: unknown, ruleSets: 'keep' | 'drop' = 'keep'): ConfigUpdate {
  const o = requireObject(body);
  const update: RegistryConfig = {};
  const cleared: (keyof RegistryConfig)[] = [];
  const levelKey = 'compatibility' in o ? 'compatibility' : 'compatibilityLevel';
  const level = o[levelKey];
  if (level === null) cleared.push('compatibilityLevel');
  else if (level !== undefined) {
    const parsed = typeof level === 'string' ? parseLevel(level) : undefined;
    if (parsed === undefined) throw RegistryErrors.invalidCompatibility();
    update.compatibilityLevel = parsed;
  }
  for (const k of ['normalize', 'validateFields', 'validateNewSchemas'] as const) {
    const v = o[k];
    if (v === null) cleared.push(k);
    if (v === undefined || v === null) continue;
    if (typeof v !== 'boolean')
      throw RegistryErrors.badRequest(`Cannot deserialize field '${k}': expected a boolean`);
    update[k] = v;
  }
  for (const k of ['compatibilityGroup', 'alias', 'compatibilityPolicy'] as const) {
    const v = o[k];
    if (v === null) cleared.push(k);
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string')
      throw RegistryErrors.badRequest(`Cannot deserialize field '${k}': expected a string`);
    update[k] = v;
  }
  for (const k of ['defaultMetadata', 'overrideMetadata', 'defaultRuleSet', 'overrideRuleSet'] as const) {
    const v = o[k];
    if (v === undefined || (ruleSets === 'drop' && k.endsWith('RuleSet'))) continue;
    if (v === null) {
      cleared.push(k);
      continue;
    }
    if (!isObject(v)) throw RegistryErrors.badRequest(`Cannot deserialize field '${k}': expected an object`);
    // In the registry's shape; rule sets are checked as on register (42210).
    update[k] = k.endsWith('RuleSet') ? validRuleSet(canonicalRuleSet(v)) : canonicalMetadata(v);
  }
  return { set: update, cleared };
}

/** A mode update's `mode`; null when the body has none, which clears the setting (§3.8). */
function modeFrom(body: unknown): Mode | null {
  const m = requireObject(body)['mode'];
  if (m === undefined || m === null) return null;
  const upper = typeof m === 'string' ? m.trim().toUpperCase() : '';
  if (!(MODES as readonly string[]).includes(upper)) throw RegistryErrors.invalidMode();
  return upper as Mode;
}

/** PUT /mode[/{subject}] echoes the request, as the registry does. */
function putMode(ctx: RequestContext, subject: string | undefined): Reply {
  const body = requireObject(parseJsonBody(ctx.body));
  const mode = modeFrom(body);
  ctx.service.settings.putMode(subject, mode, boolParam(ctx.query, 'force'));
  return json('mode' in body ? { mode } : {});
}

/** `/config/{subject}` and `/mode/{subject}`: the default context (`:.:`, '') means the global setting (§3.7). */
function scopedSubject(ctx: RequestContext): string | undefined {
  const subject = checkSubject(param(ctx, 'subject'), { allowGlobalContext: true });
  return subject === '' ? undefined : subject;
}

/** `referenceFormat=qualified`: reference subjects written with the context of the schema that holds them. */
function withReferenceFormat(ctx: RequestContext, view: Record<string, unknown>, holder: string) {
  const refs = view['references'];
  if (ctx.query.get('referenceFormat') !== 'qualified' || !Array.isArray(refs)) return view;
  const context = contextOf(holder);
  view['references'] = (refs as SchemaRef[]).map((r) => ({
    ...r,
    subject: qualifyWithParent(context, r.subject),
  }));
  return view;
}

/**
 * The schema string in the `format` asked for: `serialized` gives a Protobuf schema as the base64
 * FileDescriptorProto Confluent's clients read; any other format, or another type, the stored string.
 */
function formatted(ctx: RequestContext, entry: SchemaEntry, holder: string): string {
  if (ctx.query.get('format') !== 'serialized' || entry.schemaType !== 'PROTOBUF') return entry.schema;
  const parsed = ctx.service.storedSchema(entry, contextOf(holder)).parsed as ProtobufSchema;
  return Buffer.from(protoToDescriptor(parsed)).toString('base64');
}

function withFormat(ctx: RequestContext, entry: SchemaEntry, view: Record<string, unknown>, holder: string) {
  if (ctx.query.has('format')) view['schema'] = formatted(ctx, entry, holder);
  return view;
}

function contexts(ctx: RequestContext): string[] {
  const prefix = ctx.query.get('contextPrefix') ?? '';
  return ctx.service.state.contexts().filter((c) => c.startsWith(prefix));
}

function listSubjects(ctx: RequestContext): string[] {
  const { state } = ctx.service;
  const deletedOnly = boolParam(ctx.query, 'deletedOnly');
  const deleted = boolParam(ctx.query, 'deleted');
  const prefix = ctx.query.get('subjectPrefix') ?? CONTEXT_WILDCARD;
  const out: string[] = [];
  for (const s of state.subjectNames()) {
    if (prefix !== CONTEXT_WILDCARD && !matchesPrefix(s, prefix)) continue;
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
  // `aliases=true`: subjects that aliases within the prefix name come too, each version listing them.
  const byTarget = boolParam(ctx.query, 'aliases')
    ? aliasesByTarget(state.aliases, prefix)
    : new Map<string, string[]>();
  const out: Record<string, unknown>[] = [];
  for (const s of state.subjectNames()) {
    if (!matchesPrefix(s, prefix) && !byTarget.has(s)) continue;
    let versions = state.versions(s, deleted);
    if (latestOnly) versions = versions.slice(-1);
    const aliases = byTarget.get(s);
    for (const v of versions) {
      const view = versionView(v, ctx.service.schemaOf(v), shapes);
      out.push(aliases === undefined ? view : { ...view, aliases });
    }
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
  holder: string,
): Record<string, unknown> {
  const wanted = ctx.query.getAll('findTags');
  if (wanted.length === 0) return view;
  const parsed = ctx.service.storedSchema(entry, contextOf(holder)).parsed;
  const found = findTags(parsed, wanted);
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
  r.add('GET', '/v1/metadata/version', (ctx) =>
    json({ version: SERVER_VERSION[ctx.service.shapes], commitId: 'schemagate' }),
  );
  // No deployment attributes are configured (7.9.x and 8.x answer the same).
  r.add('GET', '/v1/metadata/deployment', () => json({ attributes: [] }));
  r.add('GET', '/schemas/types', () => json(SCHEMA_TYPES));
  r.add('GET', '/contexts', (ctx) => json(page(contexts(ctx), ctx.query)));
  // 8.x: an empty context (no subject, soft-deleted ones included) is no longer listed.
  r.add('DELETE', '/contexts/:context', (ctx) => {
    if (ctx.service.shapes === '7') throw RegistryErrors.notFound();
    const raw = param(ctx, 'context');
    const context = normalizeContextName(raw);
    if (context === undefined)
      throw RegistryErrors.badRequest(`Context name '${raw}' cannot contain a colon`);
    ctx.service.deleteContext(context);
    return { empty: true };
  });

  r.add('GET', '/subjects', (ctx) => json(listSubjects(ctx)));
  // Found answers are remembered until the state changes (lookups repeat: each serializer sends its own).
  const lookups = new AnswerMemo();
  r.add('POST', '/subjects/:subject', (ctx) => {
    const subject = checkSubject(param(ctx, 'subject'));
    const revision = ctx.service.state.revision;
    const key = `${subject}\u0000${ctx.query.toString()}\u0000${ctx.body}`;
    const known = lookups.get(key, revision);
    if (known !== undefined) return { raw: known };
    const req = parseSchemaRequest(parseJsonBody(ctx.body));
    const found = ctx.service.lookup(
      subject,
      req,
      boolParam(ctx.query, 'normalize'),
      boolParam(ctx.query, 'deleted'),
    );
    const view = withFormat(
      ctx,
      found.entry,
      versionView(found.version, found.entry, ctx.service.shapes),
      subject,
    );
    const text = JSON.stringify(view);
    lookups.set(key, revision, text);
    return { raw: text };
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
      if (keys.every(has))
        return json(withFormat(ctx, entry, versionView(v, entry, ctx.service.shapes), subject));
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
    return json(
      withReferenceFormat(
        ctx,
        withFoundTags(
          ctx,
          entry,
          withFormat(ctx, entry, versionView(v, entry, ctx.service.shapes), v.subject),
          v.subject,
        ),
        v.subject,
      ),
    );
  });
  r.add('GET', '/subjects/:subject/versions/:version/schema', (ctx) => {
    const v = readVersion(ctx, boolParam(ctx.query, 'deleted'));
    return { raw: formatted(ctx, ctx.service.schemaOf(v), v.subject) };
  });
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
    const referrers = ctx.service.state.referrersOf(v.subject, v.version, boolParam(ctx.query, 'deleted'));
    return json(
      page(
        referrers.map((r) => r.id),
        ctx.query,
      ),
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
  // A default-context id names one entry until that entry is replaced, so its plain answer is kept.
  const plainById = new Map<number, { entry: SchemaEntry; text: string }>();
  r.add('GET', '/schemas/ids/:id', (ctx) => {
    const holder = holderById(ctx);
    const entry = ctx.service.schemaOf(holder);
    if (ctx.service.shapes === '7' && ctx.query.size === 0) {
      let cached = plainById.get(entry.id);
      if (cached?.entry !== entry)
        plainById.set(entry.id, (cached = { entry, text: JSON.stringify(idView(entry, '7', {})) }));
      return { raw: cached.text };
    }
    const subject = ctx.query.get('subject');
    const view = idView(entry, ctx.service.shapes, {
      ...(boolParam(ctx.query, 'fetchMaxId')
        ? { maxId: ctx.service.state.spaceOf(holder.subject).maxId }
        : {}),
      ...(subject === null ? {} : { subject: holder.subject, version: holder.version }),
    });
    const tagged = withFoundTags(ctx, entry, withFormat(ctx, entry, view, holder.subject), holder.subject);
    return json(withReferenceFormat(ctx, tagged, holder.subject));
  });
  r.add('GET', '/schemas/ids/:id/schema', (ctx) => {
    const holder = holderById(ctx);
    return { raw: formatted(ctx, ctx.service.schemaOf(holder), holder.subject) };
  });
  r.add('GET', '/schemas/ids/:id/subjects', (ctx) =>
    json(page([...new Set(holdersOf(ctx).map((h) => h.subject))], ctx.query)),
  );
  r.add('GET', '/schemas/ids/:id/versions', (ctx) =>
    json(
      page(
        holdersOf(ctx).map((h) => ({ subject: h.subject, version: h.version })),
        ctx.query,
      ),
    ),
  );

  r.add('POST', '/compatibility/subjects/:subject/versions/:version', (ctx) =>
    compatibilityReply(ctx, parseVersion(param(ctx, 'version'))),
  );
  r.add('POST', '/compatibility/subjects/:subject/versions', (ctx) => compatibilityReply(ctx, undefined));

  r.add('GET', '/config', (ctx) =>
    json(ctx.service.settings.getConfig(undefined, boolParam(ctx.query, 'defaultToGlobal'))),
  );
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

  r.add('GET', '/mode', (ctx) =>
    json(ctx.service.settings.getMode(undefined, boolParam(ctx.query, 'defaultToGlobal'))),
  );
  r.add('PUT', '/mode', (ctx) => putMode(ctx, undefined));
  r.add('DELETE', '/mode', (ctx) =>
    json(ctx.service.settings.deleteMode(undefined, boolParam(ctx.query, 'recursive'))),
  );
  r.add('GET', '/mode/:subject', (ctx) =>
    json(ctx.service.settings.getMode(scopedSubject(ctx), boolParam(ctx.query, 'defaultToGlobal'))),
  );
  r.add('PUT', '/mode/:subject', (ctx) => putMode(ctx, scopedSubject(ctx)));
  r.add('DELETE', '/mode/:subject', (ctx) =>
    json(ctx.service.settings.deleteMode(scopedSubject(ctx), boolParam(ctx.query, 'recursive'))),
  );
  return r;
}
