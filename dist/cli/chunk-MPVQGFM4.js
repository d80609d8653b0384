import {
  parseLevel
} from "./chunk-UO5ZFLJF.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/registry/client/errors.ts
var RegistryError = class extends SchemagateError {
  status;
  errorCode;
  constructor(message, status, errorCode, options) {
    super(status === 0 ? "REGISTRY_UNREACHABLE" : "REGISTRY_ERROR", message, {}, options);
    this.name = "RegistryError";
    this.status = status;
    this.errorCode = errorCode;
  }
  /** The registry refused the schema as incompatible: keyed on HTTP 409 (error_code 409 before 8.0, 40901 after). */
  get isIncompatible() {
    return this.status === 409;
  }
  get isNotFound() {
    return this.status === 404;
  }
};
function isRegistryError(e) {
  return e instanceof RegistryError;
}
var REGISTRY_ERROR_CODES = {
  SUBJECT_NOT_FOUND: 40401,
  VERSION_NOT_FOUND: 40402,
  SCHEMA_NOT_FOUND: 40403,
  SUBJECT_SOFT_DELETED: 40404,
  SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED: 40408,
  SUBJECT_LEVEL_MODE_NOT_CONFIGURED: 40409,
  INCOMPATIBLE: 409,
  INVALID_SCHEMA: 42201,
  INVALID_VERSION: 42202,
  INVALID_COMPATIBILITY_LEVEL: 42203,
  INVALID_MODE: 42204,
  OPERATION_NOT_PERMITTED: 42205,
  REFERENCE_EXISTS: 42206,
  UNPARSEABLE_ERROR_RESPONSE: 50005
};

// src/registry/client/transport.ts
var CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
var ACCEPT = "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
var NOT_SENT_CODES = /* @__PURE__ */ new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);
var RegistryTransport = class {
  /** The URL without credentials, safe to print. */
  baseUrl;
  authorization;
  timeoutMs;
  retries;
  retryDelayMs;
  fetchImpl;
  constructor(options) {
    let parsed;
    try {
      parsed = new URL(options.url);
    } catch {
      throw new RegistryError(`invalid registry URL '${maskUrl(options.url)}'`, 0, 0);
    }
    let userInfo = options.userInfo;
    if (parsed.username !== "" && userInfo === void 0) {
      userInfo = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
    }
    parsed.username = "";
    parsed.password = "";
    this.baseUrl = parsed.toString().replace(/\/+$/, "");
    if (options.token !== void 0 && options.token !== "") this.authorization = `Bearer ${options.token}`;
    else if (userInfo !== void 0 && userInfo !== "") this.authorization = `Basic ${Buffer.from(userInfo, "utf8").toString("base64")}`;
    this.timeoutMs = options.timeoutMs ?? 3e4;
    this.retries = Math.max(0, options.retries ?? 3);
    this.retryDelayMs = options.retryDelayMs ?? 100;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }
  async request(spec) {
    const url = this.urlFor(spec);
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(spec, url);
      if (outcome.ok) return outcome.value;
      const error = outcome.error;
      if (attempt >= this.retries || !this.mayRetry(spec.retry, outcome)) throw error;
      await sleep(this.backoff(attempt, outcome.retryAfterMs));
    }
  }
  urlFor(spec) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== void 0) params.set(k, String(v));
    const q = params.toString();
    return `${this.baseUrl}${spec.path}${q === "" ? "" : `?${q}`}`;
  }
  async attempt(spec, url) {
    const headers = { Accept: ACCEPT };
    if (spec.body !== void 0) headers["Content-Type"] = CONTENT_TYPE;
    if (this.authorization !== void 0) headers.Authorization = this.authorization;
    const where = `${spec.method} ${this.baseUrl}${spec.path}`;
    let response;
    let text;
    try {
      response = await this.fetchImpl(url, {
        method: spec.method,
        headers,
        ...spec.body === void 0 ? {} : { body: JSON.stringify(spec.body) },
        signal: AbortSignal.timeout(this.timeoutMs)
      });
      text = await response.text();
    } catch (e) {
      const code = networkCode(e);
      const timedOut = code === "TIMEOUT";
      const why = timedOut ? `timed out after ${this.timeoutMs} ms` : `${code ?? "network error"}`;
      return {
        ok: false,
        error: new RegistryError(`registry unreachable: ${where}: ${why}`, 0, 0, { cause: e }),
        network: true,
        notSent: code !== void 0 && NOT_SENT_CODES.has(code)
      };
    }
    if (response.ok) {
      if (text === "") return { ok: true, value: void 0 };
      try {
        return { ok: true, value: JSON.parse(text) };
      } catch {
        return { ok: true, value: text };
      }
    }
    const { errorCode, message } = parseErrorBody(response.status, text);
    const retryAfter = Number(response.headers.get("retry-after"));
    return {
      ok: false,
      error: new RegistryError(`registry ${response.status} (${errorCode}) on ${where}: ${message}`, response.status, errorCode),
      status: response.status,
      ...Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1e3 } : {}
    };
  }
  mayRetry(policy, outcome) {
    const status = outcome.status ?? 0;
    if (status === 429) return true;
    if (policy === "idempotent") return outcome.network === true || status >= 500;
    return outcome.notSent === true;
  }
  backoff(attempt, retryAfterMs) {
    const ceiling = Math.min(5e3, this.retryDelayMs * 2 ** attempt);
    const jittered = Math.random() * ceiling;
    return Math.max(jittered, Math.min(retryAfterMs ?? 0, 5e3));
  }
};
function parseErrorBody(status, text) {
  try {
    const body = JSON.parse(text);
    if (typeof body.error_code === "number") {
      return { errorCode: body.error_code, message: typeof body.message === "string" ? body.message : text };
    }
  } catch {
  }
  return { errorCode: 50005, message: text.length > 200 ? `${text.slice(0, 200)}…` : text || `HTTP ${status}` };
}
function networkCode(e) {
  if (e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError")) return "TIMEOUT";
  let current = e;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = current.code;
    if (typeof code === "string") return code;
    current = current.cause;
  }
  return void 0;
}
function maskUrl(url) {
  return url.replace(/\/\/[^/@]*@/, "//***@");
}
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// src/registry/client/index.ts
var SchemaRegistryClient = class _SchemaRegistryClient {
  http;
  byId = /* @__PURE__ */ new Map();
  constructor(options) {
    this.http = new RegistryTransport(options);
  }
  /** From `SCHEMA_REGISTRY_URL`, `SCHEMA_REGISTRY_USER_INFO` (user:password) and `SCHEMA_REGISTRY_TOKEN`. */
  static fromEnv(env, overrides = {}) {
    const url = overrides.url ?? env.SCHEMA_REGISTRY_URL;
    if (url === void 0 || url === "") {
      throw new SchemagateError("INVALID_ARGUMENT", "no registry URL: set SCHEMA_REGISTRY_URL or pass --registry");
    }
    const userInfo = overrides.userInfo ?? nonEmpty(env.SCHEMA_REGISTRY_USER_INFO);
    const token = overrides.token ?? nonEmpty(env.SCHEMA_REGISTRY_TOKEN);
    return new _SchemaRegistryClient({
      ...overrides,
      url,
      ...userInfo === void 0 ? {} : { userInfo },
      ...token === void 0 ? {} : { token }
    });
  }
  /** The registry's URL without credentials. */
  get url() {
    return this.http.baseUrl;
  }
  async register(subject, input, options = {}) {
    const body = await this.http.request({
      method: "POST",
      path: `/subjects/${enc(subject)}/versions`,
      query: { normalize: options.normalize },
      body: wireInput(input),
      retry: "write"
    });
    return body.version === void 0 ? { id: body.id } : { id: body.id, version: body.version };
  }
  async lookup(subject, input, options = {}) {
    const body = await this.http.request({
      method: "POST",
      path: `/subjects/${enc(subject)}`,
      query: { normalize: options.normalize, deleted: options.deleted },
      body: wireInput(input),
      retry: "idempotent"
    });
    return subjectVersion(body);
  }
  /** Cached per id (and subject): a schema id never changes its schema. Failures are not cached. */
  getSchemaById(id, options = {}) {
    const key = `${id}\0${options.subject ?? ""}`;
    let pending = this.byId.get(key);
    if (pending === void 0) {
      pending = this.http.request({ method: "GET", path: `/schemas/ids/${id}`, query: { subject: options.subject }, retry: "idempotent" }).then(storedSchema);
      pending.catch(() => this.byId.delete(key));
      this.byId.set(key, pending);
    }
    return pending;
  }
  async getVersion(subject, version, options = {}) {
    const body = await this.http.request({
      method: "GET",
      path: `/subjects/${enc(subject)}/versions/${version}`,
      query: { deleted: options.deleted },
      retry: "idempotent"
    });
    return subjectVersion(body);
  }
  getLatest(subject) {
    return this.getVersion(subject, "latest");
  }
  listSubjects(options = {}) {
    return this.http.request({
      method: "GET",
      path: "/subjects",
      query: { deleted: options.deleted, subjectPrefix: options.subjectPrefix },
      retry: "idempotent"
    });
  }
  listVersions(subject, options = {}) {
    return this.http.request({
      method: "GET",
      path: `/subjects/${enc(subject)}/versions`,
      query: { deleted: options.deleted },
      retry: "idempotent"
    });
  }
  /** Against one version, or (no `version`) against every version the level selects, as register would. */
  async testCompatibility(subject, input, options = {}) {
    const versionPath = options.version === void 0 ? "" : `/${options.version}`;
    const body = await this.http.request({
      method: "POST",
      path: `/compatibility/subjects/${enc(subject)}/versions${versionPath}`,
      query: { verbose: options.verbose ?? true, normalize: options.normalize },
      body: wireInput(input),
      retry: "idempotent"
    });
    return { isCompatible: body.is_compatible, messages: body.messages ?? [] };
  }
  /**
   * The global config, or the subject's own config. `undefined` when the subject has no config of its
   * own (unless `defaultToGlobal`, which answers the effective level).
   */
  async getConfig(subject, options = {}) {
    try {
      const body = await this.http.request({
        method: "GET",
        path: subject === void 0 ? "/config" : `/config/${enc(subject)}`,
        query: { defaultToGlobal: options.defaultToGlobal },
        retry: "idempotent"
      });
      const level = parseLevel(body.compatibilityLevel ?? body.compatibility ?? "");
      if (level === void 0) return void 0;
      return body.normalize === void 0 ? { compatibilityLevel: level } : { compatibilityLevel: level, normalize: body.normalize };
    } catch (e) {
      if (subject !== void 0 && isRegistryError(e) && (e.errorCode === REGISTRY_ERROR_CODES.SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED || e.errorCode === REGISTRY_ERROR_CODES.SUBJECT_NOT_FOUND)) {
        return void 0;
      }
      throw e;
    }
  }
  async setConfig(level, subject) {
    await this.request({
      method: "PUT",
      path: subject === void 0 ? "/config" : `/config/${enc(subject)}`,
      body: { compatibility: level },
      // Setting a level is idempotent (PUT): a retry after a lost answer changes nothing more.
      retry: "idempotent"
    });
    return { compatibility: level };
  }
  /** Removes the subject's own level (it then follows the global one); answers the level it had. */
  async deleteConfig(subject) {
    const body = await this.http.request({
      method: "DELETE",
      path: `/config/${enc(subject)}`,
      retry: "write"
    });
    const level = parseLevel(body.compatibilityLevel ?? "");
    return level === void 0 ? void 0 : { compatibilityLevel: level };
  }
  /** The global mode, or the subject's own mode; `undefined` when the subject has none of its own. */
  async getMode(subject) {
    try {
      const body = await this.http.request({
        method: "GET",
        path: subject === void 0 ? "/mode" : `/mode/${enc(subject)}`,
        retry: "idempotent"
      });
      return body.mode;
    } catch (e) {
      if (subject !== void 0 && isRegistryError(e) && (e.errorCode === REGISTRY_ERROR_CODES.SUBJECT_LEVEL_MODE_NOT_CONFIGURED || e.errorCode === REGISTRY_ERROR_CODES.SUBJECT_NOT_FOUND)) {
        return void 0;
      }
      throw e;
    }
  }
  async setMode(mode, subject, options = {}) {
    await this.request({
      method: "PUT",
      path: subject === void 0 ? "/mode" : `/mode/${enc(subject)}`,
      query: { force: options.force },
      body: { mode },
      retry: "idempotent"
    });
    return { mode };
  }
  /** Soft delete by default; `permanent` hard-deletes (the registry wants a soft delete first). Answers the versions deleted. */
  deleteSubject(subject, options = {}) {
    return this.http.request({
      method: "DELETE",
      path: `/subjects/${enc(subject)}`,
      query: { permanent: options.permanent },
      retry: "write"
    });
  }
  deleteVersion(subject, version, options = {}) {
    return this.http.request({
      method: "DELETE",
      path: `/subjects/${enc(subject)}/versions/${version}`,
      query: { permanent: options.permanent },
      retry: "write"
    });
  }
  /** Ids of the schemas whose references point at this subject-version. */
  referencedBy(subject, version) {
    return this.http.request({
      method: "GET",
      path: `/subjects/${enc(subject)}/versions/${version}/referencedby`,
      retry: "idempotent"
    });
  }
  /** Subjects and versions that hold a schema id. */
  getVersionsById(id) {
    return this.http.request({
      method: "GET",
      path: `/schemas/ids/${id}/versions`,
      retry: "idempotent"
    });
  }
  request(spec) {
    return this.http.request(spec);
  }
};
function enc(subject) {
  return encodeURIComponent(subject);
}
function nonEmpty(v) {
  return v === void 0 || v === "" ? void 0 : v;
}
function wireInput(input) {
  const body = { schema: input.schema };
  if (input.schemaType !== void 0 && input.schemaType !== "AVRO") body.schemaType = input.schemaType;
  if (input.references !== void 0 && input.references.length > 0) body.references = input.references;
  return body;
}
function storedSchema(body) {
  const out = { schema: body.schema, schemaType: body.schemaType ?? "AVRO" };
  if (body.references !== void 0 && body.references.length > 0) out.references = body.references;
  return out;
}
function subjectVersion(body) {
  return { subject: body.subject, id: body.id, version: body.version, ...storedSchema(body) };
}

export {
  isRegistryError,
  SchemaRegistryClient
};
