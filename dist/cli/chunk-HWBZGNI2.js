import {
  parseLevel
} from "./chunk-KVYAH4SS.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/registry/client/errors.ts
var RegistryError = class extends SchemagateError {
  status;
  errorCode;
  constructor(message, status, errorCode, options) {
    super(options?.code ?? (status === 0 ? "REGISTRY_UNREACHABLE" : "REGISTRY_ERROR"), message, {}, options);
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
var RegistryAnswerError = class extends RegistryError {
  /** The URL asked, without credentials or query. */
  url;
  /** The answer's `Content-Type`, `''` when it had none. */
  contentType;
  constructor(message, status, url, contentType) {
    super(message, status, REGISTRY_ERROR_CODES.UNPARSEABLE_ERROR_RESPONSE, { code: "REGISTRY_BAD_ANSWER" });
    this.name = "RegistryAnswerError";
    this.url = url;
    this.contentType = contentType;
  }
  /** Whatever its status, this answer did not come from the registry: it says nothing about the schema. */
  get isIncompatible() {
    return false;
  }
  get isNotFound() {
    return false;
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

// src/registry/client/timeout.ts
var MAX_MS = 24 * 60 * 60 * 1e3;
function parseTimeout(text2, source) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*$/.exec(text2);
  const ms = m === null ? NaN : Math.round(Number(m[1]) * (m[2] === "ms" ? 1 : 1e3));
  if (!Number.isFinite(ms) || ms < 1 || ms > MAX_MS) {
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `${source} must be a duration in seconds (30, 2.5, 30s) or milliseconds (500ms), between 1 ms and 24 h; got '${text2}'`
    );
  }
  return ms;
}

// src/registry/client/answers.ts
var ShapeMismatch = class extends Error {
  constructor(at, expected, value) {
    super(
      value === void 0 ? `${at} is missing (should be ${expected})` : `${at} should be ${expected}, not ${describe(value)}`
    );
    this.name = "ShapeMismatch";
  }
};
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string")
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}
function record(value, at) {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ShapeMismatch(at, "an object", value);
  return value;
}
function integer(value, at) {
  if (typeof value !== "number" || !Number.isSafeInteger(value))
    throw new ShapeMismatch(at, "an integer", value);
  return value;
}
function text(value, at) {
  if (typeof value !== "string") throw new ShapeMismatch(at, "a string", value);
  return value;
}
function list(value, at, item) {
  if (!Array.isArray(value)) throw new ShapeMismatch(at, "an array", value);
  return value.map((v, i) => item(v, `${at}[${i}]`));
}
function optional(value, at, read) {
  return value === void 0 || value === null ? void 0 : read(value, at);
}
function oneOf(values) {
  return (v, at) => {
    if (typeof v !== "string" || !values.includes(v)) {
      throw new ShapeMismatch(at, `one of ${values.join(", ")}`, v);
    }
    return v;
  };
}
var schemaType = oneOf(["AVRO", "JSON", "PROTOBUF"]);
var mode = oneOf(["READWRITE", "READONLY", "READONLY_OVERRIDE", "IMPORT", "FORWARD"]);
function reference(v, at) {
  const r = record(v, at);
  return {
    name: text(r.name, `${at}.name`),
    subject: text(r.subject, `${at}.subject`),
    version: integer(r.version, `${at}.version`)
  };
}
function stored(v, at = "the answer") {
  const body = record(v, at);
  const out = {
    schema: text(body.schema, "schema"),
    schemaType: optional(body.schemaType, "schemaType", schemaType) ?? "AVRO"
  };
  const references = optional(body.references, "references", (r, a) => list(r, a, reference));
  if (references !== void 0 && references.length > 0) out.references = references;
  return out;
}
var storedSchema = (v) => stored(v);
var subjectVersion = (v) => {
  const body = record(v, "the answer");
  return {
    subject: text(body.subject, "subject"),
    id: integer(body.id, "id"),
    version: integer(body.version, "version"),
    ...stored(body)
  };
};
var registered = (v) => {
  const body = record(v, "the answer");
  const version = optional(body.version, "version", integer);
  return version === void 0 ? { id: integer(body.id, "id") } : { id: integer(body.id, "id"), version };
};
var strings = (v) => list(v, "the answer", text);
var integers = (v) => list(v, "the answer", integer);
var oneInteger = (v) => integer(v, "the answer");
var compatibility = (v) => {
  const body = record(v, "the answer");
  if (typeof body.is_compatible !== "boolean")
    throw new ShapeMismatch("is_compatible", "true or false", body.is_compatible);
  const messages = optional(
    body.messages,
    "messages",
    (m, at) => list(m, at, (x) => typeof x === "string" ? x : JSON.stringify(x))
  );
  return { isCompatible: body.is_compatible, messages: messages ?? [] };
};
var config = (v) => {
  const body = record(v, "the answer");
  const level = optional(body.compatibilityLevel ?? body.compatibility, "compatibilityLevel", (l, at) => {
    const known = parseLevel(text(l, at));
    if (known === void 0) throw new ShapeMismatch(at, "a compatibility level", l);
    return known;
  });
  const normalize = body.normalize;
  if (normalize !== void 0 && normalize !== null && typeof normalize !== "boolean")
    throw new ShapeMismatch("normalize", "true or false", normalize);
  return { level, normalize: normalize ?? void 0 };
};
var modeAnswer = (v) => mode(record(v, "the answer").mode, "mode");
var anObject = (v) => record(v, "the answer");
var subjectVersions = (v) => list(v, "the answer", (item, at) => {
  const r = record(item, at);
  return { subject: text(r.subject, `${at}.subject`), version: integer(r.version, `${at}.version`) };
});

// src/registry/client/raw-path-fetch.ts
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
function hasDotSegment(path) {
  return path.split(/[/?]/).some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
}
function fetchRawPath(baseUrl, pathAndQuery, init) {
  const base = new URL(baseUrl);
  const send = base.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      {
        protocol: base.protocol,
        hostname: base.hostname.replace(/^\[|\]$/g, ""),
        port: base.port,
        method: init.method ?? "GET",
        path: `${base.pathname.replace(/\/+$/, "")}${pathAndQuery}`,
        headers: init.headers,
        ...init.signal === null || init.signal === void 0 ? {} : { signal: init.signal }
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("error", reject);
        res.on("close", () => {
          if (!res.complete)
            reject(init.signal?.aborted === true ? init.signal.reason : new Error("ECONNRESET"));
        });
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          const status = res.statusCode ?? 0;
          const nullBody = status === 204 || status === 205 || status === 304 || body.length === 0;
          resolve(new Response(nullBody ? null : body, { status, headers: toHeaders(res.headers) }));
        });
      }
    );
    req.on("error", reject);
    req.end(typeof init.body === "string" ? init.body : void 0);
  });
}
function toHeaders(headers) {
  const out = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === void 0) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.append(name, v);
  }
  return out;
}

// src/registry/client/tls-hint.ts
var UNTRUSTED = /* @__PURE__ */ new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_GET_ISSUER_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT"
]);
function tlsHint(code) {
  if (code === void 0) return "";
  if (UNTRUSTED.has(code))
    return " (the registry's TLS certificate is not signed by a trusted CA: name its CA file in NODE_EXTRA_CA_CERTS)";
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID")
    return " (the registry's TLS certificate is not for this host name)";
  if (code === "CERT_HAS_EXPIRED") return " (the registry's TLS certificate has expired)";
  if (/CERTIFICATE_REQUIRED|HANDSHAKE_FAILURE/.test(code))
    return " (the registry refused the TLS handshake; it may require a client certificate, which this client does not send)";
  return "";
}

// src/registry/client/transport.ts
var CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
var ACCEPT = "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
var NOT_SENT_CODES = /* @__PURE__ */ new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT"
]);
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
    else if (userInfo !== void 0 && userInfo !== "")
      this.authorization = `Basic ${Buffer.from(userInfo, "utf8").toString("base64")}`;
    this.timeoutMs = options.timeoutMs ?? 3e4;
    this.retries = Math.max(0, options.retries ?? 3);
    this.retryDelayMs = options.retryDelayMs ?? 100;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }
  /** One call: retried as its policy allows, all within `timeoutMs`; a success is decoded or refused. */
  async request(spec, decode) {
    const url = this.urlFor(spec);
    const deadline = Date.now() + this.timeoutMs;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(spec, url, deadline);
      if (outcome.ok) return this.decodeAnswer(spec, outcome, decode);
      const error = outcome.error;
      const left = deadline - Date.now();
      if (attempt >= this.retries || left <= 0 || !this.mayRetry(spec.retry, outcome)) throw error;
      await sleep(Math.min(left, this.backoff(attempt, outcome.retryAfterMs)));
    }
  }
  /**
   * A 2xx is the registry's JSON, of the endpoint's shape, or a RegistryAnswerError naming the URL and the
   * content type: a login page or a proxy answering 200 must not pass for "nothing there".
   */
  decodeAnswer(spec, answer, decode) {
    const where = `${spec.method} ${this.baseUrl}${spec.path}`;
    const refuse = (what) => {
      throw new RegistryAnswerError(
        notRegistryMessage(where, answer.status, answer.contentType, what),
        answer.status,
        `${this.baseUrl}${spec.path}`,
        answer.contentType
      );
    };
    if (answer.contentType !== "" && !isJsonType(answer.contentType))
      refuse(`not JSON; the body begins ${snippet(answer.text)}`);
    let value;
    try {
      value = JSON.parse(answer.text);
    } catch {
      return refuse(`and a body that is not JSON: ${snippet(answer.text)}`);
    }
    try {
      return decode(value);
    } catch (e) {
      if (e instanceof ShapeMismatch)
        return refuse(`and JSON of the wrong shape for this call: ${e.message}`);
      throw e;
    }
  }
  urlFor(spec) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== void 0) params.set(k, String(v));
    const q = params.toString();
    return `${this.baseUrl}${spec.path}${q === "" ? "" : `?${q}`}`;
  }
  async attempt(spec, url, deadline) {
    const headers = { Accept: ACCEPT };
    if (spec.body !== void 0) headers["Content-Type"] = CONTENT_TYPE;
    if (this.authorization !== void 0) headers.Authorization = this.authorization;
    const where = `${spec.method} ${this.baseUrl}${spec.path}`;
    let response;
    let text2;
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new DOMException("The operation timed out.", "TimeoutError")),
      Math.max(1, deadline - Date.now())
    );
    try {
      const init = {
        method: spec.method,
        headers,
        ...spec.body === void 0 ? {} : { body: JSON.stringify(spec.body) },
        signal: timeout.signal
      };
      response = hasDotSegment(spec.path) ? await fetchRawPath(this.baseUrl, url.slice(this.baseUrl.length), init) : await this.fetchImpl(url, init);
      text2 = await response.text();
    } catch (e) {
      const code = networkCode(e);
      const timedOut = code === "TIMEOUT";
      const message2 = timedOut ? `registry timed out: ${where}: no answer within ${duration(this.timeoutMs)} (the time allowed per request, retries included)` : `registry unreachable: ${where}: ${code ?? "network error"}`;
      return {
        ok: false,
        error: new RegistryError(timedOut ? message2 : `${message2}${tlsHint(code)}`, 0, 0, { cause: e }),
        network: true,
        notSent: code !== void 0 && NOT_SENT_CODES.has(code)
      };
    } finally {
      clearTimeout(timer);
    }
    if (response.ok)
      return {
        ok: true,
        status: response.status,
        contentType: response.headers.get("content-type") ?? "",
        text: text2
      };
    const contentType = response.headers.get("content-type") ?? "";
    const envelope = parseErrorEnvelope(text2);
    if (envelope === void 0 && response.status < 500 && response.status !== 429) {
      const error = new RegistryAnswerError(
        notRegistryMessage(
          where,
          response.status,
          contentType,
          `not the registry's error JSON; the body begins ${snippet(text2)}`
        ),
        response.status,
        `${this.baseUrl}${spec.path}`,
        contentType
      );
      return { ok: false, error, status: response.status };
    }
    const { errorCode, message } = envelope ?? {
      errorCode: 50005,
      message: `${contentType === "" ? "an answer without content type" : `a ${contentType} answer`}, not the registry's error JSON: ${snippet(text2)}`
    };
    const retryAfter = Number(response.headers.get("retry-after"));
    return {
      ok: false,
      error: new RegistryError(
        `registry ${response.status} (${errorCode}) on ${where}: ${message}`,
        response.status,
        errorCode
      ),
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
function parseErrorEnvelope(text2) {
  try {
    const body = JSON.parse(text2);
    if (typeof body?.error_code === "number") {
      return { errorCode: body.error_code, message: typeof body.message === "string" ? body.message : text2 };
    }
  } catch {
  }
  return void 0;
}
function notRegistryMessage(where, status, contentType, what) {
  const shown = contentType === "" ? "no content type" : `content type ${contentType}`;
  return `not a schema registry answer: ${where} answered ${status} with ${shown}, ${what} (is the URL a schema registry, not a login page or a proxy?)`;
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
function isJsonType(contentType) {
  const mime = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  return mime === "application/json" || mime.endsWith("+json");
}
function snippet(text2) {
  if (text2 === "") return "(empty)";
  const flat = text2.replace(/\s+/g, " ").trim();
  return JSON.stringify(flat.length > 60 ? `${flat.slice(0, 60)}…` : flat);
}
function duration(ms) {
  return ms < 1e3 ? `${ms} ms` : `${Number((ms / 1e3).toFixed(3))} s`;
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
  /**
   * From `SCHEMA_REGISTRY_URL`, `SCHEMA_REGISTRY_USER_INFO` (user:password), `SCHEMA_REGISTRY_TOKEN` and
   * `SCHEMA_REGISTRY_TIMEOUT` (seconds, or with an `ms`/`s` unit); `overrides` win.
   */
  static fromEnv(env, overrides = {}) {
    const url = overrides.url ?? env.SCHEMA_REGISTRY_URL;
    if (url === void 0 || url === "") {
      throw new SchemagateError(
        "INVALID_ARGUMENT",
        "no registry URL: set SCHEMA_REGISTRY_URL or pass --registry"
      );
    }
    const userInfo = overrides.userInfo ?? nonEmpty(env.SCHEMA_REGISTRY_USER_INFO);
    const token = overrides.token ?? nonEmpty(env.SCHEMA_REGISTRY_TOKEN);
    const timeout = nonEmpty(env.SCHEMA_REGISTRY_TIMEOUT);
    const timeoutMs = overrides.timeoutMs ?? (timeout === void 0 ? void 0 : parseTimeout(timeout, "SCHEMA_REGISTRY_TIMEOUT"));
    return new _SchemaRegistryClient({
      ...overrides,
      ...timeoutMs === void 0 ? {} : { timeoutMs },
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
    return this.http.request(
      {
        method: "POST",
        path: `/subjects/${enc(subject)}/versions`,
        query: { normalize: options.normalize },
        body: wireInput(input),
        retry: "write"
      },
      registered
    );
  }
  async lookup(subject, input, options = {}) {
    return this.http.request(
      {
        method: "POST",
        path: `/subjects/${enc(subject)}`,
        query: { normalize: options.normalize, deleted: options.deleted },
        body: wireInput(input),
        retry: "idempotent"
      },
      subjectVersion
    );
  }
  /** Cached per id (and subject): a schema id never changes its schema. Failures are not cached. */
  getSchemaById(id, options = {}) {
    const key = `${id}\0${options.subject ?? ""}`;
    let pending = this.byId.get(key);
    if (pending === void 0) {
      pending = this.http.request(
        {
          method: "GET",
          path: `/schemas/ids/${id}`,
          query: { subject: options.subject },
          retry: "idempotent"
        },
        storedSchema
      );
      pending.catch(() => this.byId.delete(key));
      this.byId.set(key, pending);
    }
    return pending;
  }
  async getVersion(subject, version, options = {}) {
    return this.http.request(
      {
        method: "GET",
        path: `/subjects/${enc(subject)}/versions/${version}`,
        query: { deleted: options.deleted },
        retry: "idempotent"
      },
      subjectVersion
    );
  }
  getLatest(subject) {
    return this.getVersion(subject, "latest");
  }
  listSubjects(options = {}) {
    return this.http.request(
      {
        method: "GET",
        path: "/subjects",
        query: { deleted: options.deleted, subjectPrefix: options.subjectPrefix },
        retry: "idempotent"
      },
      strings
    );
  }
  listVersions(subject, options = {}) {
    return this.http.request(
      {
        method: "GET",
        path: `/subjects/${enc(subject)}/versions`,
        query: { deleted: options.deleted },
        retry: "idempotent"
      },
      integers
    );
  }
  /** Against one version, or (no `version`) against every version the level selects, as register would. */
  async testCompatibility(subject, input, options = {}) {
    const versionPath = options.version === void 0 ? "" : `/${options.version}`;
    return this.http.request(
      {
        method: "POST",
        path: `/compatibility/subjects/${enc(subject)}/versions${versionPath}`,
        query: { verbose: options.verbose ?? true, normalize: options.normalize },
        body: wireInput(input),
        retry: "idempotent"
      },
      compatibility
    );
  }
  /**
   * The global config, or the subject's own config. `undefined` when the subject has no config of its
   * own (unless `defaultToGlobal`, which answers the effective level).
   */
  async getConfig(subject, options = {}) {
    try {
      const { level, normalize } = await this.http.request(
        {
          method: "GET",
          path: subject === void 0 ? "/config" : `/config/${enc(subject)}`,
          query: { defaultToGlobal: options.defaultToGlobal },
          retry: "idempotent"
        },
        config
      );
      if (level === void 0) return void 0;
      return normalize === void 0 ? { compatibilityLevel: level } : { compatibilityLevel: level, normalize };
    } catch (e) {
      if (subject !== void 0 && isRegistryError(e) && (e.errorCode === REGISTRY_ERROR_CODES.SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED || e.errorCode === REGISTRY_ERROR_CODES.SUBJECT_NOT_FOUND)) {
        return void 0;
      }
      throw e;
    }
  }
  async setConfig(level, subject) {
    await this.http.request(
      {
        method: "PUT",
        path: subject === void 0 ? "/config" : `/config/${enc(subject)}`,
        body: { compatibility: level },
        // Setting a level is idempotent (PUT): a retry after a lost answer changes nothing more.
        retry: "idempotent"
      },
      anObject
    );
    return { compatibility: level };
  }
  /** Removes the subject's own level (it then follows the global one); answers the level it had. */
  async deleteConfig(subject) {
    const { level } = await this.http.request(
      { method: "DELETE", path: `/config/${enc(subject)}`, retry: "write" },
      config
    );
    return level === void 0 ? void 0 : { compatibilityLevel: level };
  }
  /** The global mode, or the subject's own mode; `undefined` when the subject has none of its own. */
  async getMode(subject) {
    try {
      return await this.http.request(
        {
          method: "GET",
          path: subject === void 0 ? "/mode" : `/mode/${enc(subject)}`,
          retry: "idempotent"
        },
        modeAnswer
      );
    } catch (e) {
      if (subject !== void 0 && isRegistryError(e) && (e.errorCode === REGISTRY_ERROR_CODES.SUBJECT_LEVEL_MODE_NOT_CONFIGURED || e.errorCode === REGISTRY_ERROR_CODES.SUBJECT_NOT_FOUND)) {
        return void 0;
      }
      throw e;
    }
  }
  async setMode(mode2, subject, options = {}) {
    await this.http.request(
      {
        method: "PUT",
        path: subject === void 0 ? "/mode" : `/mode/${enc(subject)}`,
        query: { force: options.force },
        body: { mode: mode2 },
        retry: "idempotent"
      },
      anObject
    );
    return { mode: mode2 };
  }
  /** Soft delete by default; `permanent` hard-deletes (the registry wants a soft delete first). Answers the versions deleted. */
  deleteSubject(subject, options = {}) {
    return this.http.request(
      {
        method: "DELETE",
        path: `/subjects/${enc(subject)}`,
        query: { permanent: options.permanent },
        retry: "write"
      },
      integers
    );
  }
  deleteVersion(subject, version, options = {}) {
    return this.http.request(
      {
        method: "DELETE",
        path: `/subjects/${enc(subject)}/versions/${version}`,
        query: { permanent: options.permanent },
        retry: "write"
      },
      oneInteger
    );
  }
  /** Ids of the schemas whose references point at this subject-version. */
  referencedBy(subject, version) {
    return this.http.request(
      {
        method: "GET",
        path: `/subjects/${enc(subject)}/versions/${version}/referencedby`,
        retry: "idempotent"
      },
      integers
    );
  }
  /** Subjects and versions that hold a schema id. */
  getVersionsById(id) {
    return this.http.request(
      { method: "GET", path: `/schemas/ids/${id}/versions`, retry: "idempotent" },
      subjectVersions
    );
  }
};
function enc(subject) {
  return subject === "." || subject === ".." ? subject.replace(/\./g, "%2E") : encodeURIComponent(subject);
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

export {
  RegistryAnswerError,
  isRegistryError,
  parseTimeout,
  SchemaRegistryClient
};
