import {
  formatByRegistryType
} from "./chunk-BROX5GRX.js";
import {
  directionsOf,
  isTransitive,
  parseLevel
} from "./chunk-UO5ZFLJF.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/registry/server/server.ts
import { mkdirSync } from "node:fs";
import { createServer } from "node:http";
import { resolve as resolve2 } from "node:path";

// src/registry/server/messages.ts
function findingMessage(type, f, ctx) {
  if (type === "AVRO") {
    const info = f.additionalInfo ?? "";
    return `{errorType:'${f.errorType}', description:'${avroDescription(f, ctx)}', additionalInfo:'${info}'}`;
  }
  return `{errorType:"${f.errorType}", description:"${f.message}'}`;
}
function avroDescription(f, { reader, writer }) {
  const loc = f.path === "" ? "/" : f.path;
  switch (f.errorType) {
    case "FIXED_SIZE_MISMATCH":
      return `The size of FIXED type field at path '${loc}' in the ${reader} schema does not match with the ${writer} schema`;
    case "TYPE_MISMATCH":
      return `The type (path '${loc}') of a field in the ${reader} schema does not match with the ${writer} schema`;
    case "NAME_MISMATCH":
      return `The name of the schema has changed (path '${loc}')`;
    case "MISSING_ENUM_SYMBOLS":
      return `The ${reader} schema is missing enum symbols '${f.additionalInfo ?? ""}' at path '${loc}' in the ${writer} schema`;
    case "MISSING_UNION_BRANCH":
      return `The ${reader} schema is missing a type inside a union field at path '${loc}' in the ${writer} schema`;
    case "READER_FIELD_MISSING_DEFAULT_VALUE":
      return `The field '${f.additionalInfo ?? ""}' at path '${loc}' in the ${reader} schema has no default value and is missing in the ${writer} schema`;
    default:
      return f.message;
  }
}
var OLD_SCHEMA_LIMIT = 10 * 1024;
function versionSuffix(version, oldSchema) {
  const shown = oldSchema.length > OLD_SCHEMA_LIMIT ? `${oldSchema.slice(0, OLD_SCHEMA_LIMIT)}<truncated>` : oldSchema;
  return [`{oldSchemaVersion: ${version}}`, `{oldSchema: '${shown}'}`];
}
function configSuffix(level, validateFields) {
  return `{validateFields: '${validateFields}', compatibility: '${level}'}`;
}
var DIFFERENT_TYPE_MESSAGE = "Incompatible because of different schema type";

// src/registry/server/engine.ts
var SCHEMA_TYPES = ["AVRO", "JSON", "PROTOBUF"];
var CACHE_LIMIT = 2e4;
var SchemaEngine = class {
  cache = /* @__PURE__ */ new Map();
  prepare(text, schemaType, options) {
    const refKey2 = options.references.map((r) => `${r.name}${r.text}`).join("");
    const key = `${schemaType}\0${options.lenient ? 1 : 0}${options.normalize ? 1 : 0}\0${refKey2}\0${text}`;
    const hit = this.cache.get(key);
    if (hit !== void 0) return hit;
    const result = prepareUncached(text, schemaType, options);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }
};
function prepareUncached(text, schemaType, options) {
  const handler = formatByRegistryType(schemaType);
  if (handler === void 0) return { ok: false, message: `Invalid schema type ${schemaType}` };
  if (text.trim() === "") return { ok: false, message: "Empty schema" };
  let parsed;
  try {
    parsed = handler.parse(text, { references: options.references, lenient: options.lenient });
  } catch (e) {
    return {
      ok: false,
      message: `Invalid schema ${text}, details: ${e instanceof Error ? e.message : String(e)}`
    };
  }
  if (!parsed.ok) {
    const details = parsed.issues.map((i) => i.pointer === "" ? i.message : `${i.message} (at ${i.pointer})`).join("; ");
    return { ok: false, message: `Invalid schema ${text}, details: ${details}` };
  }
  const canonical = options.normalize ? handler.normalized(parsed.schema) : handler.canonical(parsed.schema);
  return { ok: true, schema: { schemaType, canonical, parsed: parsed.schema, handler } };
}
function checkLevel(level, candidate, previous, validateFields) {
  const directions = directionsOf(level);
  if (directions.length === 0 || previous.length === 0) return { compatible: true, messages: [] };
  const first = isTransitive(level) ? 0 : previous.length - 1;
  for (let i = previous.length - 1; i >= first; i--) {
    const old = previous[i];
    const messages = [];
    if (old.schema.schemaType !== candidate.schemaType) {
      messages.push(DIFFERENT_TYPE_MESSAGE);
    } else {
      for (const direction of directions) {
        const ctx = direction === "new-reads-old" ? { reader: "new", writer: "old" } : { reader: "old", writer: "new" };
        const findings = direction === "new-reads-old" ? candidate.handler.check(candidate.parsed, old.schema.parsed, ctx) : candidate.handler.check(old.schema.parsed, candidate.parsed, ctx);
        for (const f of findings) messages.push(findingMessage(candidate.schemaType, f, ctx));
      }
    }
    if (messages.length > 0) {
      messages.push(...versionSuffix(old.version, old.schema.canonical), configSuffix(level, validateFields));
      return { compatible: false, messages };
    }
  }
  return { compatible: true, messages: [] };
}

// src/registry/server/errors.ts
var RegistryHttpError = class extends Error {
  errorCode;
  status;
  constructor(errorCode, message) {
    super(message);
    this.name = "RegistryHttpError";
    this.errorCode = errorCode;
    this.status = errorCode >= 1e4 ? Math.floor(errorCode / 100) : errorCode;
  }
  body() {
    return { error_code: this.errorCode, message: this.message };
  }
};
var err = (code, message) => new RegistryHttpError(code, message);
var RegistryErrors = {
  subjectNotFound: (s) => err(40401, `Subject '${s}' not found.`),
  versionNotFound: (v) => err(40402, `Version ${v} not found.`),
  schemaNotFound: (id) => err(40403, id === void 0 ? "Schema not found" : `Schema ${id} not found`),
  subjectSoftDeleted: (s) => err(40404, `Subject '${s}' was soft deleted.Set permanent=true to delete permanently`),
  subjectNotSoftDeleted: (s) => err(40405, `Subject '${s}' was not deleted first before being permanently deleted`),
  versionSoftDeleted: (s, v) => err(40406, `Subject '${s}' Version ${v} was soft deleted.Set permanent=true to delete permanently`),
  versionNotSoftDeleted: (s, v) => err(40407, `Subject '${s}' Version ${v} was not deleted first before being permanently deleted`),
  subjectConfigNotFound: (s) => err(40408, `Subject '${s}' does not have subject-level compatibility configured`),
  subjectModeNotFound: (s) => err(40409, `Subject '${s}' does not have subject-level mode configured`),
  incompatible: (s, messages, shapes) => err(
    shapes === "8" ? 40901 : 409,
    `Schema being registered is incompatible with an earlier schema for subject "${s}", details: [${messages.join(", ")}]`
  ),
  invalidSchema: (message) => err(42201, message),
  invalidVersion: (v) => err(
    42202,
    `The specified version '${v}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`
  ),
  invalidCompatibility: () => err(
    42203,
    "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive"
  ),
  invalidMode: () => err(42204, "Invalid mode. Valid values are READWRITE, READONLY, IMPORT and FORWARD."),
  notPermitted: (message) => err(42205, message),
  referenceExists: (s, v) => err(42206, `One or more references exist to the schema {subject=${s}, version=${v}}.`),
  idConflict: (message) => err(42207, message),
  invalidSubject: (s) => err(42208, `The specified subject '${s}' is not a valid.`),
  badRequest: (message) => err(400, message),
  notFound: (message = "HTTP 404 Not Found") => err(404, message),
  methodNotAllowed: () => err(405, "HTTP 405 Method Not Allowed"),
  notAcceptable: () => err(406, "HTTP 406 Not Acceptable"),
  tooLarge: (limit) => err(413, `Request body larger than ${limit} bytes`),
  unsupportedMediaType: () => err(415, "HTTP 415 Unsupported Media Type"),
  unprocessable: (message) => err(422, message),
  storeError: (message) => err(50001, message),
  internal: (message) => err(500, message)
};

// src/registry/server/params.ts
var LATEST = -1;
var MAX_VERSION = 2 ** 31 - 1;
function parseVersion(text) {
  const t = text.trim();
  if (t.toLowerCase() === "latest") return LATEST;
  if (/^-?\d+$/.test(t)) {
    const n = Number(t);
    if (n === -1) return LATEST;
    if (n >= 1 && n <= MAX_VERSION) return n;
  }
  throw RegistryErrors.invalidVersion(text);
}
var CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
function canonicalSubject(subject) {
  return subject.startsWith(":.:") ? subject.slice(3) : subject;
}
function checkSubject(raw, { allowGlobalContext = false } = {}) {
  const subject = canonicalSubject(raw);
  if (CONTROL.test(subject) || subject === "__GLOBAL" || subject === "__EMPTY")
    throw RegistryErrors.invalidSubject(raw);
  if (!allowGlobalContext && subject.startsWith(":.__GLOBAL:")) throw RegistryErrors.invalidSubject(raw);
  return subject;
}
function boolParam(q, name, fallback = false) {
  const v = q.get(name);
  if (v === null) return fallback;
  return v.trim().toLowerCase() === "true";
}
function intParam(q, name, fallback) {
  const v = q.get(name);
  if (v === null || v.trim() === "") return fallback;
  const n = Number(v);
  if (!Number.isInteger(n))
    throw RegistryErrors.badRequest(`Query parameter '${name}' must be an integer, got '${v}'`);
  return n;
}
function page(items, q) {
  const offset = Math.max(0, intParam(q, "offset", 0));
  const limit = intParam(q, "limit", -1);
  return items.slice(offset, limit < 0 ? void 0 : offset + limit);
}
function parseJsonBody(text) {
  if (text.trim() === "") throw RegistryErrors.unprocessable("Request body is required");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw RegistryErrors.badRequest(
      `Invalid JSON in request body: ${e instanceof Error ? e.message : String(e)}`
    );
  }
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function mismatch(field, expected) {
  throw RegistryErrors.badRequest(`Cannot deserialize field '${field}': expected ${expected}`);
}
function optionalString(o, field) {
  const v = o[field];
  if (v === void 0 || v === null) return void 0;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return mismatch(field, "a string");
}
function optionalInt(o, field) {
  const v = o[field];
  if (v === void 0 || v === null) return void 0;
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "string" && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return mismatch(field, "an integer");
}
function optionalObject(o, field) {
  const v = o[field];
  if (v === void 0 || v === null) return void 0;
  if (!isObject(v)) return mismatch(field, "an object");
  return Object.keys(v).length === 0 ? void 0 : v;
}
function parseSchemaRequest(body) {
  if (body === null) throw RegistryErrors.unprocessable("Request body is required");
  if (!isObject(body)) return mismatch("(body)", "an object");
  const refsRaw = body["references"];
  const references = [];
  if (refsRaw !== void 0 && refsRaw !== null) {
    if (!Array.isArray(refsRaw)) mismatch("references", "an array");
    for (const r of refsRaw) {
      if (!isObject(r)) return mismatch("references", "an array of {name, subject, version}");
      const name = optionalString(r, "name");
      const subject = optionalString(r, "subject");
      const version2 = optionalInt(r, "version");
      if (name === void 0 || subject === void 0 || version2 === void 0) {
        throw RegistryErrors.invalidSchema(
          "Invalid reference: each reference needs a name, a subject and a version"
        );
      }
      references.push({ name, subject, version: version2 });
    }
  }
  const out = { references };
  const schema = optionalString(body, "schema");
  if (schema !== void 0) out.schema = schema;
  const schemaType = optionalString(body, "schemaType");
  if (schemaType !== void 0) out.schemaType = schemaType;
  const metadata = optionalObject(body, "metadata");
  if (metadata !== void 0) out.metadata = metadata;
  const ruleSet = optionalObject(body, "ruleSet") ?? optionalObject(body, "ruleset");
  if (ruleSet !== void 0) out.ruleSet = ruleSet;
  const id = optionalInt(body, "id");
  if (id !== void 0 && id >= 0) out.id = id;
  const version = optionalInt(body, "version");
  if (version !== void 0 && version > 0) out.version = version;
  return out;
}
function requireObject(body) {
  if (body === null) throw RegistryErrors.unprocessable("Request body is required");
  if (!isObject(body)) return mismatch("(body)", "an object");
  return body;
}

// src/registry/server/router.ts
function pathSegments(path) {
  const parts = path.split("/");
  if (parts[0] === "") parts.shift();
  if (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  try {
    return parts.map((p) => p.includes("%") ? decodeURIComponent(p) : p);
  } catch {
    return void 0;
  }
}
var Router = class {
  buckets = /* @__PURE__ */ new Map();
  add(method, path, handler) {
    const pattern = path.split("/").filter((p) => p !== "");
    let bucket = this.buckets.get(pattern.length);
    if (bucket === void 0) this.buckets.set(pattern.length, bucket = []);
    bucket.push({ method, pattern, handler });
    return this;
  }
  match(method, segments) {
    let pathMatched = false;
    for (const route of this.buckets.get(segments.length) ?? []) {
      const params = matchPattern(route.pattern, segments);
      if (params === void 0) continue;
      if (route.method === method) return { handler: route.handler, params };
      pathMatched = true;
    }
    return pathMatched ? "method-not-allowed" : void 0;
  }
};
function matchPattern(pattern, segments) {
  const params = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    const s = segments[i];
    if (p.startsWith(":")) params[p.slice(1)] = s;
    else if (p !== s) return void 0;
  }
  return params;
}

// src/registry/server/types.ts
var MODES = ["READWRITE", "READONLY", "READONLY_OVERRIDE", "IMPORT", "FORWARD"];

// src/registry/server/views.ts
import { createHash } from "node:crypto";

// src/registry/server/identity.ts
function identityKey(type, canonical, refs, metadata, ruleSet) {
  let key = `${type}\0${canonical}`;
  for (const r of refs) key += `\0${r.name}${r.subject}${r.version}`;
  if (metadata !== void 0 || ruleSet !== void 0)
    key += `${JSON.stringify(metadata ?? null)}${JSON.stringify(ruleSet ?? null)}`;
  return key;
}
function keyOf(entry) {
  entry.key ??= identityKey(entry.schemaType, entry.schema, entry.references, entry.metadata, entry.ruleSet);
  return entry.key;
}

// src/registry/server/views.ts
function guidOf(entry) {
  const h = createHash("md5").update(keyOf(entry)).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
function schemaFields(entry, shapes, out) {
  if (shapes === "8") out["guid"] = guidOf(entry);
  if (shapes === "8" || entry.schemaType !== "AVRO") out["schemaType"] = entry.schemaType;
  if (entry.references.length > 0) out["references"] = entry.references;
  if (entry.metadata !== void 0) out["metadata"] = entry.metadata;
  if (entry.ruleSet !== void 0) out["ruleSet"] = entry.ruleSet;
  out["schema"] = entry.schema;
  return out;
}
function versionFields(v, shapes, out) {
  if (shapes === "8") {
    if (v.ts !== void 0) out["ts"] = v.ts;
    out["deleted"] = v.deleted;
  }
  return out;
}
function versionView(v, entry, shapes) {
  return versionFields(
    v,
    shapes,
    schemaFields(entry, shapes, { subject: v.subject, version: v.version, id: entry.id })
  );
}
function registerView(v, entry, shapes) {
  return versionFields(v, shapes, schemaFields(entry, shapes, { id: entry.id, version: v.version }));
}
function idView(entry, shapes, extra) {
  const out = {};
  if (shapes === "8" && extra.subject !== void 0 && extra.version !== void 0) {
    out["subject"] = extra.subject;
    out["version"] = extra.version;
  }
  schemaFields(entry, shapes, out);
  if (extra.maxId !== void 0) out["maxId"] = extra.maxId;
  return out;
}

// src/registry/server/handlers.ts
var json = (value) => ({ json: value });
var SERVER_VERSION = "7.9.0";
function param(ctx, name) {
  return ctx.params[name] ?? "";
}
function readVersion(ctx, includeDeleted) {
  const { state } = ctx.service;
  const subject = checkSubject(param(ctx, "subject"));
  const version = parseVersion(param(ctx, "version"));
  if (state.versions(subject, includeDeleted).length === 0) throw RegistryErrors.subjectNotFound(subject);
  const entry = version === LATEST ? state.latestLive(subject) : state.version(subject, version);
  if (entry === void 0 || entry.deleted && !includeDeleted)
    throw RegistryErrors.versionNotFound(version === LATEST ? "latest" : version);
  return entry;
}
function schemaId(ctx) {
  const text = param(ctx, "id");
  if (!/^\d+$/.test(text)) throw RegistryErrors.notFound();
  return Number(text);
}
function schemaById(ctx) {
  const id = schemaId(ctx);
  const entry = ctx.service.state.schemas.get(id);
  if (entry === void 0 || (ctx.service.state.holders.get(id)?.length ?? 0) === 0)
    throw RegistryErrors.schemaNotFound(id);
  return entry;
}
function holdersOf(ctx, id) {
  const deleted = boolParam(ctx.query, "deleted");
  const only = ctx.query.get("subject");
  return [...ctx.service.state.holders.get(id) ?? []].filter((h) => (deleted || !h.deleted) && (only === null || only === "" || h.subject === only)).sort((a, b) => a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.version - b.version);
}
function configUpdate(body) {
  const o = requireObject(body);
  const update = {};
  const level = o["compatibility"] ?? o["compatibilityLevel"];
  if (level !== void 0 && level !== null) {
    const parsed = typeof level === "string" ? parseLevel(level) : void 0;
    if (parsed === void 0) throw RegistryErrors.invalidCompatibility();
    update.compatibilityLevel = parsed;
  }
  for (const k of ["normalize", "validateFields"]) {
    const v = o[k];
    if (v === void 0 || v === null) continue;
    if (typeof v !== "boolean")
      throw RegistryErrors.badRequest(`Cannot deserialize field '${k}': expected a boolean`);
    update[k] = v;
  }
  for (const k of ["compatibilityGroup", "alias", "compatibilityPolicy"]) {
    const v = o[k];
    if (v === void 0 || v === null) continue;
    if (typeof v !== "string")
      throw RegistryErrors.badRequest(`Cannot deserialize field '${k}': expected a string`);
    update[k] = v;
  }
  for (const k of ["defaultMetadata", "overrideMetadata", "defaultRuleSet", "overrideRuleSet"]) {
    const v = o[k];
    if (v === void 0 || v === null) continue;
    if (!isObject(v)) throw RegistryErrors.badRequest(`Cannot deserialize field '${k}': expected an object`);
    update[k] = v;
  }
  return update;
}
function modeFrom(body) {
  const m = requireObject(body)["mode"];
  const upper = typeof m === "string" ? m.trim().toUpperCase() : "";
  if (!MODES.includes(upper)) throw RegistryErrors.invalidMode();
  return upper;
}
function scopedSubject(ctx) {
  const raw = param(ctx, "subject");
  if (raw === ":.:") return void 0;
  return checkSubject(raw, { allowGlobalContext: true });
}
function contexts(ctx) {
  const found = /* @__PURE__ */ new Set(["."]);
  for (const s of ctx.service.state.subjectNames()) {
    const m = /^:(\.[^:]*):/.exec(s);
    if (m?.[1] !== void 0) found.add(m[1]);
  }
  return [...found].sort();
}
function listSubjects(ctx) {
  const { state } = ctx.service;
  const deletedOnly = boolParam(ctx.query, "deletedOnly");
  const deleted = boolParam(ctx.query, "deleted");
  const prefix = ctx.query.get("subjectPrefix") ?? ":*:";
  const out = [];
  for (const s of state.subjectNames()) {
    if (prefix !== ":*:" && !s.startsWith(prefix)) continue;
    const hasLive = state.latestLive(s) !== void 0;
    if (deletedOnly ? !hasLive : deleted || hasLive) out.push(s);
  }
  return page(out, ctx.query);
}
function listSchemas(ctx) {
  const { state, shapes } = ctx.service;
  const prefix = ctx.query.get("subjectPrefix") ?? "";
  const deleted = boolParam(ctx.query, "deleted");
  const latestOnly = boolParam(ctx.query, "latestOnly");
  const out = [];
  for (const s of state.subjectNames()) {
    if (!s.startsWith(prefix)) continue;
    let versions = state.versions(s, deleted);
    if (latestOnly) versions = versions.slice(-1);
    for (const v of versions) out.push(versionView(v, ctx.service.schemaOf(v), shapes));
  }
  const limit = Number(ctx.query.get("limit") ?? -1);
  const q = new URLSearchParams(ctx.query);
  q.set("limit", String(!Number.isInteger(limit) || limit < 0 || limit > 1e3 ? 1e3 : limit));
  return page(out, q);
}
function compatibilityReply(ctx, version) {
  const subject = checkSubject(param(ctx, "subject"));
  const verbose = boolParam(ctx.query, "verbose");
  const req = parseSchemaRequest(parseJsonBody(ctx.body));
  const outcome = ctx.service.compatibility(
    subject,
    version,
    req,
    boolParam(ctx.query, "normalize"),
    verbose
  );
  return json(
    verbose ? { is_compatible: outcome.compatible, messages: outcome.messages } : { is_compatible: outcome.compatible }
  );
}
function buildRouter() {
  const r = new Router();
  r.add("GET", "/", () => json({}));
  r.add("POST", "/", () => json({}));
  r.add(
    "GET",
    "/v1/metadata/id",
    () => json({
      scope: {
        path: [],
        clusters: { "kafka-cluster": "schemagate-local", "schema-registry-cluster": "schema-registry" }
      },
      id: ""
    })
  );
  r.add("GET", "/v1/metadata/version", () => json({ version: SERVER_VERSION, commitId: "schemagate" }));
  r.add("GET", "/schemas/types", () => json(SCHEMA_TYPES.filter((t) => t !== "PROTOBUF")));
  r.add("GET", "/contexts", (ctx) => json(page(contexts(ctx), ctx.query)));
  r.add("GET", "/subjects", (ctx) => json(listSubjects(ctx)));
  r.add("POST", "/subjects/:subject", (ctx) => {
    const subject = checkSubject(param(ctx, "subject"));
    const req = parseSchemaRequest(parseJsonBody(ctx.body));
    return json(
      ctx.service.lookup(subject, req, boolParam(ctx.query, "normalize"), boolParam(ctx.query, "deleted"))
    );
  });
  r.add(
    "DELETE",
    "/subjects/:subject",
    (ctx) => json(ctx.service.deleteSubject(checkSubject(param(ctx, "subject")), boolParam(ctx.query, "permanent")))
  );
  r.add("GET", "/subjects/:subject/metadata", (ctx) => {
    const subject = checkSubject(param(ctx, "subject"));
    const versions = ctx.service.state.versions(subject, boolParam(ctx.query, "deleted"));
    if (versions.length === 0) throw RegistryErrors.subjectNotFound(subject);
    const keys = ctx.query.getAll("key");
    const values = ctx.query.getAll("value");
    for (let i = versions.length - 1; i >= 0; i--) {
      const v = versions[i];
      const entry = ctx.service.schemaOf(v);
      const props = entry.metadata?.["properties"];
      const has = (k, j) => isObject(props) && props[k] === values[j];
      if (keys.every(has)) return json(versionView(v, entry, ctx.service.shapes));
    }
    throw RegistryErrors.schemaNotFound();
  });
  r.add("GET", "/subjects/:subject/versions", (ctx) => {
    const subject = checkSubject(param(ctx, "subject"));
    const all = ctx.service.state.versions(subject, true);
    const list = boolParam(ctx.query, "deletedOnly") ? all.filter((v) => v.deleted) : boolParam(ctx.query, "deleted") ? all : all.filter((v) => !v.deleted);
    if (list.length === 0) throw RegistryErrors.subjectNotFound(subject);
    return json(
      page(
        list.map((v) => v.version),
        ctx.query
      )
    );
  });
  r.add("POST", "/subjects/:subject/versions", (ctx) => {
    const subject = checkSubject(param(ctx, "subject"));
    const req = parseSchemaRequest(parseJsonBody(ctx.body));
    return json(ctx.service.register(subject, req, boolParam(ctx.query, "normalize")));
  });
  r.add("GET", "/subjects/:subject/versions/:version", (ctx) => {
    const v = readVersion(ctx, boolParam(ctx.query, "deleted"));
    return json(versionView(v, ctx.service.schemaOf(v), ctx.service.shapes));
  });
  r.add("GET", "/subjects/:subject/versions/:version/schema", (ctx) => ({
    raw: ctx.service.schemaOf(readVersion(ctx, boolParam(ctx.query, "deleted"))).schema
  }));
  r.add("GET", "/subjects/:subject/versions/:version/referencedby", (ctx) => {
    const v = readVersion(ctx, true);
    return json(
      page(ctx.service.state.referrersOf(v.subject, v.version, boolParam(ctx.query, "deleted")), ctx.query)
    );
  });
  r.add("DELETE", "/subjects/:subject/versions/:version", (ctx) => {
    const subject = checkSubject(param(ctx, "subject"));
    return json(
      ctx.service.deleteVersion(
        subject,
        parseVersion(param(ctx, "version")),
        boolParam(ctx.query, "permanent")
      )
    );
  });
  r.add("GET", "/schemas", (ctx) => json(listSchemas(ctx)));
  const plainById = /* @__PURE__ */ new Map();
  r.add("GET", "/schemas/ids/:id", (ctx) => {
    const entry = schemaById(ctx);
    if (ctx.service.shapes === "7" && ctx.query.size === 0) {
      let text = plainById.get(entry.id);
      if (text === void 0) plainById.set(entry.id, text = JSON.stringify(idView(entry, "7", {})));
      return { raw: text };
    }
    const subject = ctx.query.get("subject") ?? void 0;
    const holder = subject === void 0 ? void 0 : ctx.service.state.holders.get(entry.id)?.find((h) => h.subject === subject);
    return json(
      idView(entry, ctx.service.shapes, {
        ...boolParam(ctx.query, "fetchMaxId") ? { maxId: ctx.service.state.maxId } : {},
        ...holder === void 0 ? {} : { subject: holder.subject, version: holder.version }
      })
    );
  });
  r.add("GET", "/schemas/ids/:id/schema", (ctx) => ({ raw: schemaById(ctx).schema }));
  r.add("GET", "/schemas/ids/:id/subjects", (ctx) => {
    const entry = schemaById(ctx);
    return json(page([...new Set(holdersOf(ctx, entry.id).map((h) => h.subject))], ctx.query));
  });
  r.add("GET", "/schemas/ids/:id/versions", (ctx) => {
    const entry = schemaById(ctx);
    return json(
      page(
        holdersOf(ctx, entry.id).map((h) => ({ subject: h.subject, version: h.version })),
        ctx.query
      )
    );
  });
  r.add(
    "POST",
    "/compatibility/subjects/:subject/versions/:version",
    (ctx) => compatibilityReply(ctx, parseVersion(param(ctx, "version")))
  );
  r.add("POST", "/compatibility/subjects/:subject/versions", (ctx) => compatibilityReply(ctx, void 0));
  r.add("GET", "/config", (ctx) => json(ctx.service.settings.getConfig(void 0, true)));
  r.add(
    "PUT",
    "/config",
    (ctx) => json(ctx.service.settings.putConfig(void 0, configUpdate(parseJsonBody(ctx.body))))
  );
  r.add("DELETE", "/config", (ctx) => json(ctx.service.settings.deleteConfig(void 0)));
  r.add(
    "GET",
    "/config/:subject",
    (ctx) => json(ctx.service.settings.getConfig(scopedSubject(ctx), boolParam(ctx.query, "defaultToGlobal")))
  );
  r.add("PUT", "/config/:subject", (ctx) => {
    const subject = scopedSubject(ctx);
    return json(ctx.service.settings.putConfig(subject, configUpdate(parseJsonBody(ctx.body))));
  });
  r.add("DELETE", "/config/:subject", (ctx) => json(ctx.service.settings.deleteConfig(scopedSubject(ctx))));
  r.add("GET", "/mode", (ctx) => json(ctx.service.settings.getMode(void 0, true)));
  r.add(
    "PUT",
    "/mode",
    (ctx) => json(
      ctx.service.settings.putMode(
        void 0,
        modeFrom(parseJsonBody(ctx.body)),
        boolParam(ctx.query, "force")
      )
    )
  );
  r.add("DELETE", "/mode", (ctx) => json(ctx.service.settings.deleteMode(void 0)));
  r.add(
    "GET",
    "/mode/:subject",
    (ctx) => json(ctx.service.settings.getMode(scopedSubject(ctx), boolParam(ctx.query, "defaultToGlobal")))
  );
  r.add("PUT", "/mode/:subject", (ctx) => {
    const subject = scopedSubject(ctx);
    return json(
      ctx.service.settings.putMode(subject, modeFrom(parseJsonBody(ctx.body)), boolParam(ctx.query, "force"))
    );
  });
  r.add("DELETE", "/mode/:subject", (ctx) => json(ctx.service.settings.deleteMode(scopedSubject(ctx))));
  return r;
}

// src/registry/server/http.ts
var COMMON_HEADERS = {
  "X-XSS-Protection": "1; mode=block",
  "Cache-Control": "no-cache, no-store, must-revalidate"
};
var DRAIN_FACTOR = 8;
function readBody(req, limit) {
  return new Promise((resolve3, reject) => {
    const declared = Number(req.headers["content-length"]);
    let size = 0;
    let tooLarge = Number.isFinite(declared) && declared > limit;
    const chunks = [];
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (tooLarge) {
        chunks.length = 0;
        if (size > limit * DRAIN_FACTOR) req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (tooLarge) reject(RegistryErrors.tooLarge(limit));
      else resolve3(Buffer.concat(chunks).toString("utf8"));
    });
    req.on("error", (e) => reject(tooLarge ? RegistryErrors.tooLarge(limit) : e));
    req.on("close", () => {
      if (tooLarge) reject(RegistryErrors.tooLarge(limit));
    });
  });
}
function sendJson(res, status, contentType, body) {
  res.writeHead(status, [
    "X-XSS-Protection",
    COMMON_HEADERS["X-XSS-Protection"],
    "Cache-Control",
    COMMON_HEADERS["Cache-Control"],
    "Content-Type",
    contentType,
    "Content-Length",
    String(Buffer.byteLength(body))
  ]);
  res.end(body);
}
function sendError(res, contentType, e) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (e.status === 413) res.setHeader("Connection", "close");
  sendJson(res, e.status, contentType, JSON.stringify(e.body()));
}

// src/registry/server/lock.ts
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";
var LOCK_FILE = "server.lock";
var heldHere = /* @__PURE__ */ new Set();
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
function acquireLock(dir) {
  const abs = resolve(dir);
  const file = join(abs, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx");
      try {
        writeSync(fd, `${process.pid}
`);
      } finally {
        closeSync(fd);
      }
      heldHere.add(abs);
      return () => release(abs, file);
    } catch (e) {
      const code = e.code;
      if (code !== "EEXIST") {
        throw new SchemagateError(
          "LOCKED",
          `cannot lock the registry data directory ${abs}: ${e.message}`,
          { file }
        );
      }
    }
    let owner;
    try {
      owner = Number.parseInt(readFileSync(file, "utf8").trim(), 10);
    } catch {
      continue;
    }
    const ours = owner === process.pid;
    if (Number.isInteger(owner) && owner > 0 && (ours && heldHere.has(abs) || !ours && alive(owner))) {
      throw new SchemagateError(
        "LOCKED",
        `the registry data directory ${abs} is in use by another schemagate registry server (pid ${owner}); stop it or choose another --data directory`,
        { file }
      );
    }
    try {
      unlinkSync(file);
    } catch {
    }
  }
  throw new SchemagateError("LOCKED", `cannot lock the registry data directory ${abs}`, { file });
}
function release(abs, file) {
  heldHere.delete(abs);
  try {
    if (Number.parseInt(readFileSync(file, "utf8").trim(), 10) === process.pid) unlinkSync(file);
  } catch {
  }
}

// src/registry/server/log.ts
import { closeSync as closeSync2, fsyncSync, openSync as openSync2, readFileSync as readFileSync2, truncateSync } from "node:fs";
import { open } from "node:fs/promises";
import { join as join2 } from "node:path";
var LOG_FILE = "registry.log";
function replayLog(dir, apply) {
  const file = join2(dir, LOG_FILE);
  let text;
  try {
    text = readFileSync2(file, "utf8");
  } catch (e) {
    if (e.code === "ENOENT") return { events: 0, tornBytes: 0 };
    throw e;
  }
  const end = text.lastIndexOf("\n") + 1;
  let tornBytes = 0;
  if (end < text.length) {
    tornBytes = Buffer.byteLength(text.slice(end));
    truncateSync(file, Buffer.byteLength(text.slice(0, end)));
  }
  let events = 0;
  let start = 0;
  let line = 0;
  while (start < end) {
    const nl = text.indexOf("\n", start);
    line++;
    const raw = text.slice(start, nl);
    start = nl + 1;
    if (raw === "") continue;
    let event;
    try {
      event = JSON.parse(raw);
    } catch (e) {
      throw new SchemagateError(
        "REGISTRY_ERROR",
        `the registry log is damaged: ${e instanceof Error ? e.message : String(e)}; restore it from a backup or move it away`,
        { file, line }
      );
    }
    apply(event);
    events++;
  }
  return { events, tornBytes };
}
var EventLog = class _EventLog {
  constructor(handle2) {
    this.handle = handle2;
  }
  handle;
  pending = [];
  appended = 0;
  synced = 0;
  flushing = false;
  failure;
  waiters = [];
  static async open(dir) {
    const handle2 = await open(join2(dir, LOG_FILE), "a");
    const d = openSync2(dir, "r");
    try {
      fsyncSync(d);
    } finally {
      closeSync2(d);
    }
    return new _EventLog(handle2);
  }
  /** The sequence number of the last appended event. */
  get head() {
    return this.appended;
  }
  get failed() {
    return this.failure;
  }
  append(event) {
    if (this.failure !== void 0) throw this.failure;
    this.pending.push(`${JSON.stringify(event)}
`);
    this.appended++;
    if (!this.flushing) {
      this.flushing = true;
      setImmediate(() => void this.flush());
    }
    return this.appended;
  }
  isDurable(seq) {
    return seq <= this.synced;
  }
  durable(seq) {
    if (this.failure !== void 0) return Promise.reject(this.failure);
    if (seq <= this.synced) return Promise.resolve();
    return new Promise((resolve3, reject) => this.waiters.push({ seq, resolve: resolve3, reject }));
  }
  async flush() {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.join("");
        const upto = this.appended;
        this.pending = [];
        await this.handle.write(batch);
        await this.handle.datasync();
        this.synced = upto;
        const ready = this.waiters.filter((w) => w.seq <= upto);
        this.waiters = this.waiters.filter((w) => w.seq > upto);
        for (const w of ready) w.resolve();
      }
    } catch (e) {
      this.failure = new Error(
        `cannot write the registry log: ${e instanceof Error ? e.message : String(e)}`
      );
      for (const w of this.waiters) w.reject(this.failure);
      this.waiters = [];
    } finally {
      this.flushing = false;
    }
  }
  async close() {
    while (this.flushing || this.pending.length > 0) {
      if (!this.flushing) {
        this.flushing = true;
        await this.flush();
      } else await new Promise((r) => setImmediate(r));
      if (this.failure !== void 0) break;
    }
    await this.handle.close();
  }
};

// src/registry/server/negotiate.ts
var PRODUCES = [
  ["application/vnd.schemaregistry.v1+json", 1],
  ["application/vnd.schemaregistry+json", 0.9],
  ["application/json", 0.5]
];
var DEFAULT_RESPONSE_TYPE = "application/vnd.schemaregistry.v1+json";
var ACCEPTED_REQUEST_TYPES = /* @__PURE__ */ new Set([
  "application/vnd.schemaregistry.v1+json",
  "application/vnd.schemaregistry+json",
  "application/json",
  "application/octet-stream"
]);
function parseAccept(header) {
  const out = [];
  for (const part of header.split(",")) {
    const [media = "", ...params] = part.split(";").map((p) => p.trim());
    const [type = "", subtype = ""] = media.toLowerCase().split("/");
    if (type === "") continue;
    let q = 1;
    for (const p of params) {
      const [k, v] = p.split("=").map((x) => x.trim());
      if (k === "q" && v !== void 0) q = Number.parseFloat(v);
    }
    out.push({ type, subtype: subtype === "" ? "*" : subtype, q: Number.isFinite(q) ? q : 0 });
  }
  return out;
}
function qualityOf(produced, ranges) {
  const [type, subtype] = produced.split("/");
  let best = -1;
  let q = 0;
  for (const r of ranges) {
    const specificity = r.type === type && r.subtype === subtype ? 2 : r.type === type && r.subtype === "*" ? 1 : r.type === "*" ? 0 : -1;
    if (specificity > best) {
      best = specificity;
      q = r.q;
    }
  }
  return q;
}
var cache = /* @__PURE__ */ new Map();
function negotiateResponseType(accept) {
  if (accept === void 0 || accept === "" || accept === "*/*") return DEFAULT_RESPONSE_TYPE;
  if (cache.has(accept)) return cache.get(accept);
  const ranges = parseAccept(accept);
  let chosen;
  let score = 0;
  for (const [type, qs] of PRODUCES) {
    const s = qualityOf(type, ranges) * qs;
    if (s > score) {
      score = s;
      chosen = type;
    }
  }
  if (cache.size > 1e3) cache.clear();
  cache.set(accept, chosen);
  return chosen;
}
function acceptsRequestType(contentType) {
  if (contentType === void 0 || contentType.trim() === "") return true;
  const media = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  return ACCEPTED_REQUEST_TYPES.has(media);
}

// src/registry/server/settings.ts
var DEFAULT_LEVEL = "BACKWARD";
var RegistrySettings = class {
  constructor(state, commit) {
    this.state = state;
    this.commit = commit;
  }
  state;
  commit;
  /** Subject config merged over the global one, over the server default (§3.7). */
  effectiveConfig(subject) {
    const subjectConfig = subject === void 0 ? void 0 : this.state.subjectConfigs.get(subject);
    return { compatibilityLevel: DEFAULT_LEVEL, ...this.state.globalConfig, ...subjectConfig };
  }
  /** The level a config names; the default when it names none. */
  static levelOf(config) {
    return parseLevel(config.compatibilityLevel ?? DEFAULT_LEVEL) ?? DEFAULT_LEVEL;
  }
  /** A global READONLY_OVERRIDE beats any subject mode; otherwise subject, then global (§3.8). */
  effectiveMode(subject) {
    const global = this.state.globalMode;
    if (global === "READONLY_OVERRIDE") return global;
    return this.state.subjectModes.get(subject) ?? global ?? "READWRITE";
  }
  // ---- config --------------------------------------------------------------------------------
  getConfig(subject, defaultToGlobal) {
    if (subject === void 0) return this.effectiveConfig(void 0);
    const own = this.state.subjectConfigs.get(subject);
    if (defaultToGlobal) return this.effectiveConfig(subject);
    if (own === void 0) throw RegistryErrors.subjectConfigNotFound(subject);
    return own;
  }
  /** PUT /config[/{subject}]: the given fields over the current ones; echoes the request form. */
  putConfig(subject, update) {
    const current = subject === void 0 ? this.state.globalConfig : this.state.subjectConfigs.get(subject);
    const next = { ...current, ...update };
    this.commit([{ t: "config", ...subject === void 0 ? {} : { s: subject }, c: next }]);
    const { compatibilityLevel, ...rest } = update;
    return { ...compatibilityLevel === void 0 ? {} : { compatibility: compatibilityLevel }, ...rest };
  }
  deleteConfig(subject) {
    if (subject === void 0) {
      const previous = this.effectiveConfig(void 0);
      this.commit([{ t: "config", c: null }]);
      return previous;
    }
    const own = this.state.subjectConfigs.get(subject);
    if (own === void 0) throw RegistryErrors.subjectNotFound(subject);
    this.commit([{ t: "config", s: subject, c: null }]);
    return own;
  }
  // ---- mode ----------------------------------------------------------------------------------
  getMode(subject, defaultToGlobal) {
    if (subject === void 0) return { mode: this.state.globalMode ?? "READWRITE" };
    const own = this.state.subjectModes.get(subject);
    if (own !== void 0) return { mode: own };
    if (defaultToGlobal) return { mode: this.effectiveMode(subject) };
    throw RegistryErrors.subjectModeNotFound(subject);
  }
  putMode(subject, mode, force) {
    if (mode === "FORWARD" && subject !== void 0) throw RegistryErrors.invalidMode();
    const events = [];
    if (mode === "IMPORT" || mode === "FORWARD") {
      const scope = subject === void 0 ? this.state.subjectNames() : [subject];
      if (!force && scope.some((s) => this.state.latestLive(s) !== void 0)) {
        throw RegistryErrors.notPermitted("Cannot import since found existing subjects");
      }
      for (const s of scope) {
        const gone = this.state.versions(s, true).filter((v) => v.deleted && this.state.referrersOf(s, v.version, true).length === 0);
        if (gone.length > 0) events.push({ t: "hard", s, v: gone.map((v) => v.version) });
      }
    }
    events.push({ t: "mode", ...subject === void 0 ? {} : { s: subject }, m: mode });
    this.commit(events);
    return { mode };
  }
  deleteMode(subject) {
    if (subject === void 0) {
      const previous = this.state.globalMode ?? "READWRITE";
      this.commit([{ t: "mode", m: null }]);
      return { mode: previous };
    }
    const own = this.state.subjectModes.get(subject);
    if (own === void 0) throw RegistryErrors.subjectNotFound(subject);
    this.commit([{ t: "mode", s: subject, m: null }]);
    return { mode: own };
  }
};

// src/registry/server/service.ts
var RegistryService = class {
  constructor(state, engine, commit, options) {
    this.state = state;
    this.engine = engine;
    this.commit = commit;
    this.options = options;
    this.settings = new RegistrySettings(state, commit);
  }
  state;
  engine;
  commit;
  options;
  storedCache = /* @__PURE__ */ new Map();
  settings;
  get shapes() {
    return this.options.shapes;
  }
  requireWritable(subject) {
    const mode = this.settings.effectiveMode(subject);
    if (mode === "READONLY" || mode === "READONLY_OVERRIDE") {
      throw RegistryErrors.notPermitted(`Subject ${subject} in context . is in read-only mode`);
    }
    return mode;
  }
  // ---- schemas -------------------------------------------------------------------------------
  /** The texts of the references (and of theirs), dependencies first, as the engines take them. */
  resolveReferences(refs, seen = /* @__PURE__ */ new Set()) {
    const out = [];
    for (const r of refs) {
      const entry = r.version === LATEST ? this.state.latestLive(r.subject) : this.state.version(r.subject, r.version);
      const schema = entry === void 0 ? void 0 : this.state.schemas.get(entry.id);
      if (schema === void 0) {
        throw RegistryErrors.invalidSchema(
          `Invalid schema: reference '${r.name}' to subject '${r.subject}' version ${r.version} not found`
        );
      }
      if (seen.has(r.name)) continue;
      seen.add(r.name);
      out.push(...this.resolveReferences(schema.references, seen), { name: r.name, text: schema.schema });
    }
    return out;
  }
  /** A stored schema, parsed leniently for compatibility checks; parsed once per id. */
  storedSchema(entry) {
    const hit = this.storedCache.get(entry.id);
    if (hit !== void 0) return hit;
    const result = this.engine.prepare(entry.schema, entry.schemaType, {
      references: this.resolveReferences(entry.references),
      lenient: true,
      normalize: false
    });
    if (!result.ok)
      throw RegistryErrors.internal(`Stored schema ${entry.id} cannot be parsed: ${result.message}`);
    this.storedCache.set(entry.id, result.schema);
    return result.schema;
  }
  schemaTypeOf(req) {
    const t = (req.schemaType ?? "AVRO").toUpperCase();
    if (t !== "AVRO" && t !== "JSON" && t !== "PROTOBUF")
      throw RegistryErrors.invalidSchema(`Invalid schema type ${req.schemaType ?? ""}`);
    return t;
  }
  /** Parses a request's schema with its references; an invalid one is a 42201. */
  prepareRequest(req, options) {
    const type = this.schemaTypeOf(req);
    const refs = req.references.map((r) => r.version === LATEST ? this.pinLatest(r) : r);
    const result = this.engine.prepare(req.schema ?? "", type, {
      references: this.resolveReferences(refs),
      ...options
    });
    if (!result.ok) throw RegistryErrors.invalidSchema(result.message);
    return { prepared: result.schema, refs };
  }
  pinLatest(r) {
    const latest = this.state.latestLive(r.subject);
    if (latest === void 0)
      throw RegistryErrors.invalidSchema(
        `Invalid schema: reference '${r.name}' to subject '${r.subject}' has no live version`
      );
    return { ...r, version: latest.version };
  }
  previousLive(subject) {
    return this.state.versions(subject).map((v) => ({ version: v.version, schema: this.storedSchema(this.schemaOf(v)) }));
  }
  schemaOf(v) {
    const s = this.state.schemas.get(v.id);
    if (s === void 0)
      throw RegistryErrors.storeError(
        `Schema ${v.id} of subject '${v.subject}' version ${v.version} is missing`
      );
    return s;
  }
  // ---- register and lookup -------------------------------------------------------------------
  register(subject, req, normalizeParam) {
    const mode = this.requireWritable(subject);
    const importing = mode === "IMPORT" || mode === "FORWARD";
    if (req.id !== void 0 && !importing)
      throw RegistryErrors.notPermitted(`Subject ${subject} is not in import or forward mode`);
    if (req.id === void 0 && importing)
      throw RegistryErrors.notPermitted(`Subject ${subject} in context . is not in read-write mode`);
    const config = this.settings.effectiveConfig(subject);
    const normalize = !importing && (normalizeParam || config.normalize === true);
    const latest = this.state.latestLive(subject);
    const latestSchema = latest === void 0 ? void 0 : this.schemaOf(latest);
    let request = req;
    if ((req.schema ?? "") === "") {
      if (latestSchema === void 0) throw RegistryErrors.invalidSchema("Empty schema");
      request = {
        ...req,
        schema: latestSchema.schema,
        schemaType: latestSchema.schemaType,
        references: req.references.length > 0 ? req.references : latestSchema.references
      };
    }
    const { prepared, refs } = this.prepareRequest(request, { lenient: importing, normalize });
    const metadata = request.metadata ?? latestSchema?.metadata;
    const ruleSet = request.ruleSet ?? latestSchema?.ruleSet;
    const key = identityKey(prepared.schemaType, prepared.canonical, refs, metadata, ruleSet);
    const versions = this.state.subjects.get(subject) ?? [];
    for (let i = versions.length - 1; i >= 0; i--) {
      const v = versions[i];
      if (v.deleted) continue;
      const s = this.schemaOf(v);
      if (keyOf(s) === key && (req.id === void 0 || req.id === s.id))
        return registerView(v, s, this.shapes);
    }
    const highest = versions[versions.length - 1]?.version ?? 0;
    let id;
    let version;
    if (importing) {
      id = req.id;
      const holder = this.state.schemas.get(id);
      if (holder !== void 0 && keyOf(holder) !== key) {
        throw RegistryErrors.idConflict(`Overwrite new schema with id ${id} is not permitted.`);
      }
      version = req.version ?? highest + 1;
      const taken = this.state.version(subject, version);
      if (taken !== void 0 && taken.id !== id) {
        throw RegistryErrors.invalidSchema(
          `Version ${version} of subject '${subject}' already exists with a different schema`
        );
      }
    } else {
      if (req.version !== void 0 && req.version !== highest + 1) {
        throw RegistryErrors.invalidSchema("Version is not one more than previous version");
      }
      const level = RegistrySettings.levelOf(config);
      const outcome = checkLevel(level, prepared, this.previousLive(subject), config.validateFields === true);
      if (!outcome.compatible) throw RegistryErrors.incompatible(subject, outcome.messages, this.shapes);
      id = this.state.idOfKey(key) ?? this.state.maxId + 1;
      version = highest + 1;
    }
    const known = this.state.schemas.get(id);
    const stored = {
      id,
      schemaType: prepared.schemaType,
      schema: prepared.canonical,
      references: refs,
      ...metadata === void 0 ? {} : { metadata },
      ...ruleSet === void 0 ? {} : { ruleSet }
    };
    const entry = known ?? stored;
    const drop = versions.filter(
      (v) => v.deleted && v.id === id && v.version < version && this.state.referrersOf(subject, v.version, true).length === 0
    ).map((v) => v.version);
    const ts = Date.now();
    this.commit([
      {
        t: "reg",
        s: subject,
        v: version,
        id,
        ts,
        ...known === void 0 ? { schema: stored } : {},
        ...drop.length > 0 ? { drop } : {}
      }
    ]);
    return registerView({ subject, version, id, deleted: false, ts }, entry, this.shapes);
  }
  lookup(subject, req, normalizeParam, deleted) {
    const versions = this.state.versions(subject, deleted);
    if (versions.length === 0) throw RegistryErrors.subjectNotFound(subject);
    const normalize = normalizeParam || this.settings.effectiveConfig(subject).normalize === true;
    const { prepared, refs } = this.prepareRequest(req, { lenient: true, normalize });
    const key = identityKey(prepared.schemaType, prepared.canonical, refs, req.metadata, req.ruleSet);
    const match = (test) => {
      for (let i = versions.length - 1; i >= 0; i--) {
        const v = versions[i];
        const s = this.schemaOf(v);
        if (test(s)) return versionView(v, s, this.shapes);
      }
      return void 0;
    };
    const found = match((s) => keyOf(s) === key) ?? (req.metadata === void 0 && req.ruleSet === void 0 ? match(
      (s) => s.schemaType === prepared.schemaType && s.schema === prepared.canonical && sameRefs(s.references, refs)
    ) : void 0);
    if (found === void 0) throw RegistryErrors.schemaNotFound();
    return found;
  }
  // ---- compatibility -------------------------------------------------------------------------
  /**
   * `POST /compatibility/subjects/{s}/versions[/{v}]`: against one version (`version` given) or as
   * register would check (`version` undefined). Invalid schemas become a verbose answer when asked.
   */
  compatibility(subject, version, req, normalizeParam, verbose) {
    const config = this.settings.effectiveConfig(subject);
    const level = RegistrySettings.levelOf(config);
    let previous;
    if (version === void 0) previous = this.previousLive(subject);
    else if (version === LATEST) {
      const latest = this.state.latestLive(subject);
      if (latest === void 0) return { compatible: true, messages: [] };
      previous = [{ version: latest.version, schema: this.storedSchema(this.schemaOf(latest)) }];
    } else {
      const v = this.state.version(subject, version);
      if (v === void 0 || v.deleted) throw RegistryErrors.versionNotFound(version);
      previous = [{ version: v.version, schema: this.storedSchema(this.schemaOf(v)) }];
    }
    let prepared;
    try {
      prepared = this.prepareRequest(req, {
        lenient: false,
        normalize: normalizeParam || config.normalize === true
      }).prepared;
    } catch (e) {
      if (verbose && e instanceof Error && "errorCode" in e && e.errorCode === 42201)
        return { compatible: false, messages: [e.message] };
      throw e;
    }
    const effective = version === void 0 ? level : level.replace("_TRANSITIVE", "");
    return checkLevel(effective, prepared, previous, config.validateFields === true);
  }
  // ---- deletes -------------------------------------------------------------------------------
  deleteVersion(subject, version, permanent) {
    this.requireWritable(subject);
    const all = this.state.versions(subject, true);
    if (all.length === 0) throw RegistryErrors.subjectNotFound(subject);
    const entry = version === LATEST ? this.state.latestLive(subject) : this.state.version(subject, version);
    if (entry === void 0) throw RegistryErrors.versionNotFound(version === LATEST ? "latest" : version);
    if (permanent) {
      if (!entry.deleted) throw RegistryErrors.versionNotSoftDeleted(subject, entry.version);
      if (this.state.referrersOf(subject, entry.version, true).length > 0)
        throw RegistryErrors.referenceExists(subject, entry.version);
      this.commit([{ t: "hard", s: subject, v: [entry.version] }]);
    } else {
      if (entry.deleted) throw RegistryErrors.versionSoftDeleted(subject, entry.version);
      if (this.state.referrersOf(subject, entry.version, false).length > 0)
        throw RegistryErrors.referenceExists(subject, entry.version);
      this.commit([{ t: "soft", s: subject, v: [entry.version] }]);
    }
    return entry.version;
  }
  deleteSubject(subject, permanent) {
    this.requireWritable(subject);
    const all = this.state.versions(subject, true);
    if (all.length === 0) throw RegistryErrors.subjectNotFound(subject);
    const live = all.filter((v) => !v.deleted);
    if (permanent && live.length > 0) throw RegistryErrors.subjectNotSoftDeleted(subject);
    if (!permanent && live.length === 0) throw RegistryErrors.subjectSoftDeleted(subject);
    const targets = permanent ? all : live;
    const ownIds = new Set(all.map((v) => v.id));
    for (const v of targets) {
      const referrers = this.state.referrersOf(subject, v.version, permanent).filter((id) => !ownIds.has(id));
      if (referrers.length > 0) throw RegistryErrors.referenceExists(subject, v.version);
    }
    const numbers = targets.map((v) => v.version);
    this.commit([{ t: permanent ? "hard" : "soft", s: subject, v: numbers }]);
    return numbers;
  }
};
function sameRefs(a, b) {
  return a.length === b.length && a.every((r, i) => r.name === b[i]?.name && r.subject === b[i]?.subject && r.version === b[i]?.version);
}

// src/registry/server/state.ts
var refKey = (subject, version) => `${version}\0${subject}`;
var RegistryState = class {
  schemas = /* @__PURE__ */ new Map();
  /** Identity → first id, built on first use: start-up does not pay for hashing every schema. */
  keyIndex;
  /** Subject → its versions, ascending by version number (soft-deleted ones included). */
  subjects = /* @__PURE__ */ new Map();
  /** Schema id → the subject-versions that hold it. */
  holders = /* @__PURE__ */ new Map();
  /** `version\0subject` → ids of schemas whose references name that subject-version. */
  referrers = /* @__PURE__ */ new Map();
  maxId = 0;
  globalConfig;
  subjectConfigs = /* @__PURE__ */ new Map();
  globalMode;
  subjectModes = /* @__PURE__ */ new Map();
  sortedSubjects;
  apply(e) {
    switch (e.t) {
      case "reg": {
        if (e.schema !== void 0) this.addSchema(e.schema);
        for (const v of e.drop ?? []) this.removeVersion(e.s, v);
        this.addVersion({
          subject: e.s,
          version: e.v,
          id: e.id,
          deleted: false,
          ...e.ts === void 0 ? {} : { ts: e.ts }
        });
        break;
      }
      case "soft":
        for (const v of e.v) {
          const entry = this.version(e.s, v);
          if (entry !== void 0) entry.deleted = true;
        }
        break;
      case "hard":
        for (const v of e.v) this.removeVersion(e.s, v);
        if ((this.subjects.get(e.s)?.length ?? 0) === 0) {
          this.subjectConfigs.delete(e.s);
          this.subjectModes.delete(e.s);
        }
        break;
      case "config":
        if (e.s === void 0) this.globalConfig = e.c ?? void 0;
        else if (e.c === null) this.subjectConfigs.delete(e.s);
        else this.subjectConfigs.set(e.s, e.c);
        break;
      case "mode":
        if (e.s === void 0) this.globalMode = e.m ?? void 0;
        else if (e.m === null) this.subjectModes.delete(e.s);
        else this.subjectModes.set(e.s, e.m);
        break;
    }
  }
  /** The id already given to a schema with this identity, if any. */
  idOfKey(key) {
    if (this.keyIndex === void 0) {
      const index = /* @__PURE__ */ new Map();
      for (const s of this.schemas.values()) {
        const k = keyOf(s);
        if (!index.has(k)) index.set(k, s.id);
      }
      this.keyIndex = index;
    }
    return this.keyIndex.get(key);
  }
  version(subject, version) {
    const list = this.subjects.get(subject);
    if (list === void 0) return void 0;
    const direct = list[version - 1];
    if (direct !== void 0 && direct.version === version) return direct;
    return list.find((v) => v.version === version);
  }
  /** Versions of a subject, ascending; live only unless `deleted`. */
  versions(subject, deleted = false) {
    const list = this.subjects.get(subject) ?? [];
    return deleted ? list : list.filter((v) => !v.deleted);
  }
  latestLive(subject) {
    const list = this.subjects.get(subject);
    if (list === void 0) return void 0;
    for (let i = list.length - 1; i >= 0; i--) {
      const v = list[i];
      if (!v.deleted) return v;
    }
    return void 0;
  }
  /** All subject names that hold at least one version, sorted. */
  subjectNames() {
    if (this.sortedSubjects === void 0)
      this.sortedSubjects = [...this.subjects.keys()].sort(compareSubjects);
    return this.sortedSubjects;
  }
  /** Ids of the schemas whose references name this subject-version and that some version still holds. */
  referrersOf(subject, version, includeDeleted) {
    const ids = this.referrers.get(refKey(subject, version));
    if (ids === void 0) return [];
    const out = [];
    for (const id of ids) {
      const held = this.holders.get(id) ?? [];
      if (held.some((h) => includeDeleted || !h.deleted)) out.push(id);
    }
    return out.sort((a, b) => a - b);
  }
  addSchema(stored) {
    if (this.schemas.has(stored.id)) return;
    const s = stored;
    this.schemas.set(s.id, s);
    if (this.keyIndex !== void 0 && !this.keyIndex.has(keyOf(s))) this.keyIndex.set(keyOf(s), s.id);
    if (s.id > this.maxId) this.maxId = s.id;
    for (const r of s.references) {
      const k = refKey(r.subject, r.version);
      let set = this.referrers.get(k);
      if (set === void 0) this.referrers.set(k, set = /* @__PURE__ */ new Set());
      set.add(s.id);
    }
  }
  addVersion(entry) {
    let list = this.subjects.get(entry.subject);
    if (list === void 0) {
      this.subjects.set(entry.subject, list = []);
      this.sortedSubjects = void 0;
    }
    const last = list[list.length - 1];
    if (last === void 0 || last.version < entry.version) list.push(entry);
    else {
      const at = list.findIndex((v) => v.version >= entry.version);
      if (list[at]?.version === entry.version) this.unhold(list[at]);
      list.splice(at, list[at]?.version === entry.version ? 1 : 0, entry);
    }
    let held = this.holders.get(entry.id);
    if (held === void 0) this.holders.set(entry.id, held = []);
    held.push(entry);
  }
  removeVersion(subject, version) {
    const list = this.subjects.get(subject);
    if (list === void 0) return;
    const at = list.findIndex((v) => v.version === version);
    if (at < 0) return;
    const [entry] = list.splice(at, 1);
    if (entry !== void 0) this.unhold(entry);
    if (list.length === 0) {
      this.subjects.delete(subject);
      this.sortedSubjects = void 0;
    }
  }
  unhold(entry) {
    const held = this.holders.get(entry.id);
    if (held === void 0) return;
    const i = held.indexOf(entry);
    if (i >= 0) held.splice(i, 1);
  }
};
function compareSubjects(a, b) {
  const ca = a.startsWith(":.") ? 1 : 0;
  const cb = b.startsWith(":.") ? 1 : 0;
  if (ca !== cb) return ca - cb;
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/registry/server/server.ts
var DEFAULT_DATA_DIR = ".schemagate/registry";
var DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
async function startRegistryServer(options = {}) {
  const host = options.host ?? "127.0.0.1";
  const dataDir = resolve2(options.dataDir ?? DEFAULT_DATA_DIR);
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    throw new SchemagateError(
      "REGISTRY_ERROR",
      `cannot use ${dataDir} as the registry data directory: ${e.message}`
    );
  }
  const release2 = acquireLock(dataDir);
  let log;
  const state = new RegistryState();
  const started = performance.now();
  let replay;
  try {
    replay = replayLog(dataDir, (e) => state.apply(e));
    log = await EventLog.open(dataDir);
  } catch (e) {
    release2();
    throw e;
  }
  const millis = performance.now() - started;
  const service = new RegistryService(
    state,
    new SchemaEngine(),
    (events) => {
      for (const e of events) {
        log.append(e);
        state.apply(e);
      }
    },
    { shapes: options.shapes ?? "7" }
  );
  const router = buildRouter();
  const server = createServer(
    { keepAliveTimeout: 3e4 },
    (req, res) => handle(req, res, router, service, log, maxBody)
  );
  const wanted = options.port ?? 8081;
  try {
    await new Promise((ok, fail) => {
      server.once("error", fail);
      server.listen(wanted, host, () => {
        server.off("error", fail);
        ok();
      });
    });
  } catch (e) {
    await log.close();
    release2();
    const code = e.code;
    const why = code === "EADDRINUSE" ? "the port is in use (choose another with --port, or 0 for a free one)" : e.message;
    throw new SchemagateError("REGISTRY_ERROR", `cannot listen on ${host}:${wanted}: ${why}`);
  }
  const port = server.address().port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  let closing;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    dataDir,
    startup: { events: replay.events, millis, tornBytes: replay.tornBytes },
    close() {
      closing ??= (async () => {
        const stopped = new Promise((ok) => server.close(() => ok()));
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1e3).unref();
        await stopped;
        await log.close();
        release2();
      })();
      return closing;
    }
  };
}
var BODY_METHODS = /* @__PURE__ */ new Set(["POST", "PUT", "PATCH"]);
var NO_QUERY = new URLSearchParams();
function handle(req, res, router, service, log, maxBody) {
  const negotiated = negotiateResponseType(req.headers.accept);
  const contentType = negotiated ?? DEFAULT_RESPONSE_TYPE;
  const fail = (e) => {
    if (!req.complete) req.resume();
    if (e instanceof RegistryHttpError) sendError(res, contentType, e);
    else sendError(res, contentType, RegistryErrors.internal(e instanceof Error ? e.message : String(e)));
  };
  try {
    if (negotiated === void 0) throw RegistryErrors.notAcceptable();
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const segments = pathSegments(q < 0 ? url : url.slice(0, q));
    const match = segments === void 0 ? void 0 : router.match(req.method ?? "GET", segments);
    if (match === void 0) throw RegistryErrors.notFound();
    if (match === "method-not-allowed") throw RegistryErrors.methodNotAllowed();
    const query = q < 0 ? NO_QUERY : new URLSearchParams(url.slice(q + 1));
    const run = (body) => {
      if (log.failed !== void 0) throw RegistryErrors.storeError(log.failed.message);
      const reply = match.handler({ params: match.params, query, body, service });
      const text = "raw" in reply ? reply.raw : JSON.stringify(reply.json);
      if (log.isDurable(log.head)) sendJson(res, 200, contentType, text);
      else {
        log.durable(log.head).then(
          () => sendJson(res, 200, contentType, text),
          (failure) => fail(RegistryErrors.storeError(failure instanceof Error ? failure.message : String(failure)))
        );
      }
    };
    if (!BODY_METHODS.has(req.method ?? "")) return run("");
    if (!acceptsRequestType(req.headers["content-type"])) throw RegistryErrors.unsupportedMediaType();
    readBody(req, maxBody).then((body) => {
      try {
        run(body);
      } catch (e) {
        fail(e);
      }
    }, fail);
  } catch (e) {
    fail(e);
  }
}

export {
  DEFAULT_DATA_DIR,
  DEFAULT_MAX_BODY_BYTES,
  startRegistryServer
};
