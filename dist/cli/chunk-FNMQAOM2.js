import {
  makeDirectory
} from "./chunk-EKN6NJ4H.js";
import {
  formatByRegistryType
} from "./chunk-LNGTUFGZ.js";
import {
  PROTOBUF_RULES,
  asMap,
  canonicalProto,
  resolveName
} from "./chunk-VYU3HDXB.js";
import {
  canonicalAvro,
  normalizedAvro
} from "./chunk-HVEUTBOD.js";
import {
  jsonDocumentOf
} from "./chunk-OOMT5PNS.js";
import {
  directionsOf,
  isTransitive,
  parseLevel
} from "./chunk-KVYAH4SS.js";
import {
  SCALAR_TYPES,
  mapTypes,
  parseProtoText
} from "./chunk-Q2EUGLQR.js";
import {
  parseJson,
  positionOf
} from "./chunk-L6DUB6QO.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/registry/server/tls.ts
import { readFileSync } from "node:fs";
import { createSecureContext } from "node:tls";
var CLIENT_AUTH_VALUES = ["none", "optional", "required"];
function readPem(file, what) {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new SchemagateError(
      "FILE_UNREADABLE",
      `cannot read the TLS ${what} ${file}: ${e.message}`,
      {
        file
      }
    );
  }
}
function loadTls(files) {
  const clientAuth = files.clientAuth ?? "none";
  if (clientAuth !== "none" && files.caFile === void 0) {
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `client authentication '${clientAuth}' needs the CA that signs client certificates (--tls-ca FILE)`
    );
  }
  const cert = readPem(files.certFile, "certificate");
  const key = readPem(files.keyFile, "private key");
  const ca = files.caFile === void 0 ? void 0 : readPem(files.caFile, "CA file");
  const blame = (file, e) => new SchemagateError("INVALID_CONFIG", `${file}: ${describeTlsError(e)}`, { file });
  try {
    createSecureContext({ key });
  } catch (e) {
    throw blame(files.keyFile, e);
  }
  try {
    createSecureContext({ cert });
  } catch (e) {
    throw blame(files.certFile, e);
  }
  try {
    createSecureContext({ cert, key });
  } catch (e) {
    throw new SchemagateError(
      "INVALID_CONFIG",
      `${files.keyFile} is not the private key of the certificate in ${files.certFile}: ${describeTlsError(e)}`,
      { file: files.keyFile }
    );
  }
  if (ca !== void 0 && files.caFile !== void 0) {
    try {
      createSecureContext({ ca });
    } catch (e) {
      throw blame(files.caFile, e);
    }
  }
  return {
    cert,
    key,
    ...ca === void 0 ? {} : { ca },
    // Optional: the certificate is asked for, and checked in `refuseBadClientCertificate` when given.
    requestCert: clientAuth !== "none",
    rejectUnauthorized: clientAuth === "required"
  };
}
function describeTlsError(e) {
  const text2 = e instanceof Error ? e.message : String(e);
  if (/no start line|bad base64|PEM/i.test(text2)) return "not a PEM file (expected -----BEGIN …----- blocks)";
  if (/key values mismatch/i.test(text2)) return "the key does not match the certificate";
  return text2;
}
function refuseBadClientCertificate(socket) {
  if (socket.authorized) return;
  const peer = socket.getPeerCertificate();
  if (peer !== null && Object.keys(peer).length > 0) socket.destroy();
}

// src/registry/server/server.ts
import { createServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { resolve as resolve2 } from "node:path";

// src/registry/server/auth.ts
import { createHmac, randomBytes as randomBytes2 } from "node:crypto";

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
  incompatible: (s, messages2, shapes) => err(
    shapes === "8" ? 40901 : 409,
    `Schema being registered is incompatible with an earlier schema for subject "${s}", details: [${messages2.join(", ")}]`
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
  invalidMode: (message = "Invalid mode. Valid values are READWRITE, READONLY, IMPORT and FORWARD.") => err(42204, message),
  notPermitted: (message) => err(42205, message),
  referenceExists: (s, v) => err(42206, `One or more references exist to the schema {subject=${s}, version=${v}}.`),
  invalidSubject: (s) => err(42208, `The specified subject '${s}' is not a valid.`),
  schemaTooLarge: () => err(42209, "Register operation failed because schema is too large"),
  contextNotEmpty: (context) => err(42211, `The specified context '${context}' is not empty.`),
  invalidRuleSet: (message) => err(42210, message),
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

// src/registry/server/access.ts
var subjectResource = (s) => `Subject:${s}`;
var CONFIG_RESOURCE = "Config:";
function requirementOf(method, segments) {
  const [first, second, third, fourth] = segments;
  const write = method !== "GET" && method !== "HEAD";
  const on = (resource, w = write) => ({
    kind: "resource",
    operation: w ? "Write" : "Read",
    resource
  });
  switch (first) {
    case "subjects":
      if (second === void 0) return { kind: "filter", list: "subjects" };
      return on(subjectResource(second), write && !(method === "POST" && segments.length === 2));
    case "compatibility":
      return second === "subjects" && third !== void 0 ? on(subjectResource(third), false) : { kind: "none" };
    case "config":
    case "mode":
      return on(second === void 0 || second === ":.:" ? CONFIG_RESOURCE : subjectResource(second));
    case "schemas":
      if (second === void 0) return { kind: "filter", list: "subject-field" };
      if (second === "ids" && third !== void 0) {
        if (fourth === "subjects") return { kind: "schema-id", id: third, list: "subjects" };
        if (fourth === "versions") return { kind: "schema-id", id: third, list: "subject-field" };
        return { kind: "schema-id", id: third };
      }
      return { kind: "none" };
    default:
      return { kind: "none" };
  }
}
var AccessPolicy = class {
  constructor(file) {
    this.file = file;
  }
  file;
  allows(username, operation, resource) {
    return this.file.permissions.some(
      (p) => p.username === username && (operation === "Read" || p.operation === "Write") && p.resource.test(resource)
    );
  }
  canReadSubject(username, subject) {
    return this.allows(username, "Read", subjectResource(subject));
  }
  /** Throws 403 (40301) when `username` lacks the permission, in the registry's error envelope. */
  demand(username, operation, resource) {
    if (!this.allows(username, operation, resource)) throw forbidden(operation, resource);
  }
};
function forbidden(operation, resource) {
  const what = resource === CONFIG_RESOURCE ? "the global config" : resource.replace(":", ": ");
  return new RegistryHttpError(40301, `User is denied operation ${operation} on ${what}`);
}
function filterList(json2, list, readable) {
  if (!Array.isArray(json2)) return json2;
  return json2.filter((entry) => {
    const subject = list === "subjects" ? entry : typeof entry === "object" && entry !== null ? entry.subject : void 0;
    return typeof subject === "string" && readable(subject);
  });
}
var schemaHidden = (id) => /^\d+$/.test(id) ? RegistryErrors.schemaNotFound(Number(id)) : RegistryErrors.schemaNotFound();

// src/registry/server/password.ts
import { pbkdf2, randomBytes, scrypt, timingSafeEqual } from "node:crypto";
var HASH_ALGORITHMS = ["scrypt", "sha1", "sha256", "sha512"];
var DEFAULT_HASH_ALGORITHM = "scrypt";
var PBKDF2_ROUNDS = 5e3;
var SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
var SCRYPT_BYTES = 64;
var PBKDF2_BYTES = { sha1: 20, sha256: 32, sha512: 64 };
function hashPassword(algorithm, salt, password) {
  return new Promise((resolve3, reject) => {
    const done = (e, key) => e === null ? resolve3(key.toString("base64")) : reject(e);
    if (algorithm === "scrypt") scrypt(password, salt, SCRYPT_BYTES, SCRYPT, done);
    else pbkdf2(password, salt, PBKDF2_ROUNDS, PBKDF2_BYTES[algorithm], algorithm, done);
  });
}
async function passwordMatches(entry, password) {
  const actual = Buffer.from(await hashPassword(entry.algorithm, entry.salt, password));
  const expected = Buffer.from(entry.passwordHash);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
function newSalt() {
  return randomBytes(16).toString("base64url");
}

// src/registry/server/auth.ts
var AUTH_REALM = "schemagate registry";
var CACHE_LIMIT = 1024;
var NOBODY = { username: "", algorithm: "scrypt", salt: "nobody", passwordHash: "" };
var unauthorized = () => new RegistryHttpError(40101, "Unauthorized");
var Gate = class {
  constructor(file, subjectsOfId) {
    this.file = file;
    this.subjectsOfId = subjectsOfId;
    this.policy = new AccessPolicy(file);
  }
  file;
  subjectsOfId;
  policy;
  verified = /* @__PURE__ */ new Map();
  cacheKey = randomBytes2(32);
  /** The user name behind the request's credentials; a promise when they have to be hashed first. */
  authenticate(req) {
    const header = req.headers.authorization;
    if (header === void 0 || !/^basic /i.test(header)) throw unauthorized();
    const tag = createHmac("sha256", this.cacheKey).update(header).digest("base64");
    const known = this.verified.get(tag);
    if (known !== void 0) return known;
    const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) throw unauthorized();
    const username = decoded.slice(0, colon);
    const user = this.file.users.get(username);
    return passwordMatches(user ?? NOBODY, decoded.slice(colon + 1)).then((ok) => {
      if (!ok || user === void 0) throw unauthorized();
      if (this.verified.size >= CACHE_LIMIT) this.verified.clear();
      this.verified.set(tag, username);
      return username;
    });
  }
  /** Throws 403 or a hidden 404 when the user may not make the request; else the filter for its answer. */
  authorize(username, method, segments) {
    const need = requirementOf(method, segments);
    const readable = (s) => this.policy.canReadSubject(username, s);
    switch (need.kind) {
      case "none":
        return void 0;
      case "resource":
        this.policy.demand(username, need.operation, need.resource);
        return void 0;
      case "filter":
        return (json2) => filterList(json2, need.list, readable);
      case "schema-id": {
        const holders = /^\d+$/.test(need.id) ? this.subjectsOfId(Number(need.id)) : [];
        if (holders.length > 0 && !holders.some(readable)) throw schemaHidden(need.id);
        const list = need.list;
        return list === void 0 ? void 0 : (json2) => filterList(json2, list, readable);
      }
    }
  }
};

// src/registry/server/qualified.ts
var DEFAULT_CONTEXT = ".";
var GLOBAL_CONTEXT = ".__GLOBAL";
var CONTEXT_WILDCARD = ":*:";
function parseSubject(subject) {
  if (!subject.startsWith(":.")) return { context: DEFAULT_CONTEXT, name: subject };
  const end = subject.indexOf(":", 2);
  if (end < 0) return { context: subject.slice(1), name: "" };
  return { context: subject.slice(1, end), name: subject.slice(end + 1) };
}
function contextOf(subject) {
  return subject.startsWith(":.") ? parseSubject(subject).context : DEFAULT_CONTEXT;
}
function formatSubject(context, name) {
  return context === DEFAULT_CONTEXT ? name : `:${context}:${name}`;
}
function normalizeSubject(subject) {
  if (!subject.startsWith(":.")) return subject;
  const q = parseSubject(subject);
  return formatSubject(q.context, q.name);
}
function contextKey(context) {
  return context === DEFAULT_CONTEXT ? void 0 : `:${context}:`;
}
function normalizeContextName(raw) {
  let c = raw;
  if (c.startsWith(":")) c = c.slice(1);
  if (c.endsWith(":")) c = c.slice(0, -1);
  if (c.includes(":")) return void 0;
  return c.startsWith(".") ? c : `.${c}`;
}
function qualifyWithParent(parentContext, refSubject) {
  const q = parseSubject(refSubject);
  if (q.context !== DEFAULT_CONTEXT) return formatSubject(q.context, q.name);
  return formatSubject(parentContext, q.name);
}
function matchesPrefix(subject, prefix) {
  const s = parseSubject(subject);
  if (prefix.startsWith(CONTEXT_WILDCARD)) return s.name.startsWith(prefix.slice(CONTEXT_WILDCARD.length));
  if (prefix.startsWith(":.") && prefix.indexOf(":", 2) < 0) return s.context.startsWith(prefix.slice(1));
  const p = parseSubject(prefix);
  return s.context === p.context && s.name.startsWith(p.name);
}
function compareSubjects(a, b) {
  const qa = parseSubject(a);
  const qb = parseSubject(b);
  if (qa.context !== qb.context) return qa.context < qb.context ? -1 : 1;
  return qa.name < qb.name ? -1 : qa.name > qb.name ? 1 : 0;
}

// src/registry/server/aliases.ts
function resolveAliases(segments, query, aliases) {
  const out = segments.map(
    (seg, i) => i > 0 && segments[i - 1] === "subjects" ? targetOf(seg, aliases) : seg
  );
  if (out[0] === "schemas" && out[1] === "ids") {
    const subject = query.get("subject");
    if (subject !== null && subject !== "") {
      const target = targetOf(subject, aliases);
      if (target !== subject) {
        const q = new URLSearchParams(query);
        q.set("subject", target);
        return { segments: out, query: q };
      }
    }
  }
  return { segments: out, query };
}
function targetOf(subject, aliases) {
  const own = normalizeSubject(subject);
  const alias = aliases.get(own);
  return alias === void 0 || alias === "" ? subject : qualifyWithParent(contextOf(own), alias);
}
function aliasesByTarget(aliases, prefix) {
  const out = /* @__PURE__ */ new Map();
  for (const [subject, alias] of aliases) {
    if (alias === "" || !matchesPrefix(subject, prefix)) continue;
    const target = qualifyWithParent(contextOf(subject), alias);
    const list = out.get(target);
    if (list === void 0) out.set(target, [subject]);
    else list.push(subject);
  }
  for (const list of out.values()) list.sort();
  return out;
}

// src/registry/server/context-paths.ts
var hasContext = (s) => s.startsWith(":.") || s.startsWith(CONTEXT_WILDCARD);
function rewriteContextPath(segments, query) {
  const raw = segments[1] ?? "";
  const context = normalizeContextName(raw);
  if (context === void 0) throw RegistryErrors.badRequest(`Context name '${raw}' cannot contain a colon`);
  const prefix = context === "." ? "" : `:${context}:`;
  const rest = segments.slice(2);
  if (rest.length === 0) return { segments: prefix === "" ? [] : ["contexts", prefix], query };
  const out = [];
  let subjectNext = false;
  let rootConfigOrMode = false;
  rest.forEach((seg, i) => {
    if (subjectNext) {
      out.push(hasContext(seg) ? seg : prefix + seg);
      subjectNext = false;
      return;
    }
    const root = i === 0 && (seg === "config" || seg === "mode");
    if (seg === "subjects" || seg === "deks" || root) subjectNext = true;
    if (root) rootConfigOrMode = true;
    out.push(seg);
  });
  if (rootConfigOrMode && subjectNext && prefix !== "") out.push(prefix);
  const q = new URLSearchParams(query);
  const path = out.join("/");
  if (path.startsWith("schemas/ids")) {
    const subject = q.get("subject") ?? "";
    if (!hasContext(subject)) q.set("subject", prefix + subject);
  } else if (path === "schemas" || path === "subjects") {
    const prefixes = q.getAll("subjectPrefix");
    q.delete("subjectPrefix");
    for (const p of prefixes.length === 0 ? [""] : prefixes)
      q.append("subjectPrefix", hasContext(p) ? p : prefix + p);
  }
  return { segments: out, query: q };
}

// src/registry/server/http.ts
var COMMON_HEADERS = {
  "X-XSS-Protection": "1; mode=block",
  "Cache-Control": "no-cache, no-store, must-revalidate"
};
function readBody(req, limit, sink) {
  const declared = Number(req.headers["content-length"]);
  let size = 0;
  let tooLarge = Number.isFinite(declared) && declared > limit;
  let done = false;
  const chunks = [];
  req.on("data", (chunk) => {
    size += chunk.length;
    if (size > limit) tooLarge = true;
    if (tooLarge) {
      chunks.length = 0;
      return;
    }
    chunks.push(chunk);
  });
  req.on("end", () => {
    if (done) return;
    done = true;
    if (tooLarge) sink.fail(RegistryErrors.tooLarge(limit));
    else
      sink.body(
        chunks.length === 1 ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8")
      );
  });
  req.on("error", (e) => {
    if (done) return;
    done = true;
    sink.fail(tooLarge ? RegistryErrors.tooLarge(limit) : e);
  });
  req.on("close", () => {
    if (done || !tooLarge) return;
    done = true;
    sink.fail(RegistryErrors.tooLarge(limit));
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
function readBodyText(req, limit) {
  return new Promise((resolve3, reject) => readBody(req, limit, { body: resolve3, fail: reject }));
}

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
function qualityOf(produced, ranges2) {
  const [type, subtype] = produced.split("/");
  let best = -1;
  let q = 0;
  for (const r of ranges2) {
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
  const ranges2 = parseAccept(accept);
  let chosen;
  let score = 0;
  for (const [type, qs] of PRODUCES) {
    const s = qualityOf(type, ranges2) * qs;
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

// src/registry/server/health.ts
function health(res, cluster) {
  const body = cluster === void 0 ? { ready: true, store: "file", role: "leader" } : { store: "kafka", topic: cluster.topic, groupId: cluster.groupId, ...cluster.health() };
  const text2 = JSON.stringify(body);
  res.writeHead(body.ready ? 200 : 503, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text2)
  });
  res.end(text2);
}

// src/kafka/kafkajs.ts
var loaded;
function loadKafkajs() {
  loaded ??= import("kafkajs").then(
    (m) => m.default ?? m,
    (error) => {
      loaded = void 0;
      throw new SchemagateError(
        "KAFKA_ERROR",
        "the Kafka integration needs the kafkajs package: npm install kafkajs",
        {},
        { cause: error }
      );
    }
  );
  return loaded;
}

// src/registry/kafka-store/connection.ts
import { readFileSync as readFileSync2 } from "node:fs";
var DEFAULT_TOPIC = "_schemas";
var DEFAULT_GROUP_ID = "schema-registry";
var ENV = {
  mechanism: "SCHEMAGATE_KAFKA_SASL_MECHANISM",
  username: "SCHEMAGATE_KAFKA_SASL_USERNAME",
  password: "SCHEMAGATE_KAFKA_SASL_PASSWORD",
  ssl: "SCHEMAGATE_KAFKA_SSL",
  ca: "SCHEMAGATE_KAFKA_SSL_CA_FILE",
  cert: "SCHEMAGATE_KAFKA_SSL_CERT_FILE",
  key: "SCHEMAGATE_KAFKA_SSL_KEY_FILE"
};
var MECHANISMS = ["plain", "scram-sha-256", "scram-sha-512"];
function readPem2(env, name) {
  const file = env[name];
  if (file === void 0 || file === "") return void 0;
  try {
    return readFileSync2(file, "utf8");
  } catch (e) {
    throw new SchemagateError("INVALID_ARGUMENT", `${name}: cannot read ${file}: ${e.message}`);
  }
}
function kafkaSecurityFromEnv(env = process.env) {
  const out = {};
  const ca = readPem2(env, ENV.ca);
  const cert = readPem2(env, ENV.cert);
  const key = readPem2(env, ENV.key);
  const sslFlag = env[ENV.ssl];
  if (sslFlag !== void 0 && sslFlag !== "" && sslFlag !== "true" && sslFlag !== "false")
    throw new SchemagateError("INVALID_ARGUMENT", `${ENV.ssl} must be true or false, got '${sslFlag}'`);
  if (cert === void 0 !== (key === void 0))
    throw new SchemagateError("INVALID_ARGUMENT", `${ENV.cert} and ${ENV.key} go together`);
  if (sslFlag === "true" || ca !== void 0 || cert !== void 0) {
    if (sslFlag === "false")
      throw new SchemagateError(
        "INVALID_ARGUMENT",
        `${ENV.ssl}=false contradicts the TLS files that are set`
      );
    out.ssl = ca === void 0 && cert === void 0 ? true : { ca, cert, key };
  }
  const mechanism = env[ENV.mechanism];
  if (mechanism !== void 0 && mechanism !== "") {
    const m = mechanism.toLowerCase();
    if (!MECHANISMS.includes(m))
      throw new SchemagateError(
        "INVALID_ARGUMENT",
        `${ENV.mechanism} must be one of ${MECHANISMS.join(", ")}, got '${mechanism}'`
      );
    const username = env[ENV.username];
    const password = env[ENV.password];
    if (username === void 0 || password === void 0)
      throw new SchemagateError(
        "INVALID_ARGUMENT",
        `${ENV.mechanism} needs ${ENV.username} and ${ENV.password}`
      );
    const mech = m;
    out.sasl = mech === "plain" ? { mechanism: mech, username, password } : mech === "scram-sha-256" ? { mechanism: mech, username, password } : { mechanism: mech, username, password };
  }
  return out;
}

// src/registry/kafka-store/elector.ts
var ASSIGNER_NAME = "schemagate-registry-leader";
function memberData(buffer) {
  if (buffer === void 0 || buffer.length === 0) return void 0;
  try {
    const d = JSON.parse(buffer.toString("utf8"));
    return typeof d.url === "string" ? { url: d.url, leading: d.leading === true } : void 0;
  } catch {
    return void 0;
  }
}
var LeaderElector = class _LeaderElector {
  constructor(consumer, admin, groupId, topic, url, onChange, codec) {
    this.consumer = consumer;
    this.admin = admin;
    this.groupId = groupId;
    this.topic = topic;
    this.url = url;
    this.onChange = onChange;
    this.codec = codec;
  }
  consumer;
  admin;
  groupId;
  topic;
  url;
  onChange;
  codec;
  current = { leader: false, leaderUrl: void 0 };
  leading = false;
  stopped = false;
  static async start(kafka, module, admin, options, onChange) {
    const ref = {};
    const { MemberMetadata, MemberAssignment } = module.AssignerProtocol;
    const assigner = () => ({
      name: ASSIGNER_NAME,
      version: 1,
      protocol: ({ topics }) => ({
        name: ASSIGNER_NAME,
        metadata: MemberMetadata.encode({
          version: 1,
          topics,
          userData: Buffer.from(JSON.stringify({ url: options.url, leading: ref.elector?.leading ?? false }))
        })
      }),
      assign: ({ members }) => {
        const described = members.map((m) => ({
          memberId: m.memberId,
          data: memberData(MemberMetadata.decode(m.memberMetadata)?.userData)
        }));
        const sorted = [...described].sort((a, b) => a.memberId < b.memberId ? -1 : 1);
        const chosen = sorted.find((m) => m.data?.leading === true) ?? sorted[0];
        return Promise.resolve(
          members.map((m) => ({
            memberId: m.memberId,
            memberAssignment: MemberAssignment.encode({
              version: 1,
              assignment: m.memberId === chosen?.memberId ? { [options.topic]: [0] } : {},
              userData: Buffer.alloc(0)
            })
          }))
        );
      }
    });
    const consumer = kafka.consumer({
      groupId: options.groupId,
      partitionAssigners: [assigner],
      sessionTimeout: options.sessionTimeoutMs,
      heartbeatInterval: Math.max(500, Math.floor(options.sessionTimeoutMs / 6)),
      rebalanceTimeout: options.sessionTimeoutMs,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 500
    });
    const elector = new _LeaderElector(
      consumer,
      admin,
      options.groupId,
      options.topic,
      options.url,
      onChange,
      module.AssignerProtocol
    );
    ref.elector = elector;
    const self = elector;
    consumer.on(consumer.events.GROUP_JOIN, (e) => {
      const mine = e.payload.memberAssignment[options.topic]?.includes(0) === true;
      void self.joined(mine);
    });
    await consumer.connect();
    await consumer.subscribe({ topic: options.topic, fromBeginning: false });
    await consumer.run({ autoCommit: false, eachBatch: () => Promise.resolve() });
    consumer.pause([{ topic: options.topic }]);
    return elector;
  }
  get leadership() {
    return this.current;
  }
  async joined(mine) {
    this.leading = mine;
    if (mine) return this.publish({ leader: true, leaderUrl: this.url });
    this.publish({ leader: false, leaderUrl: void 0 });
    for (let attempt = 0; attempt < 20 && !this.stopped && !this.leading; attempt++) {
      const url = await this.describeLeader().catch(() => void 0);
      if (url !== void 0) {
        if (!this.leading) this.publish({ leader: false, leaderUrl: url });
        return;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  async describeLeader() {
    const { groups } = await this.admin.describeGroups([this.groupId]);
    for (const m of groups[0]?.members ?? []) {
      if (m.memberAssignment.length === 0) continue;
      const assignment = this.decodeAssignment(m.memberAssignment);
      if (assignment?.[this.topic]?.includes(0) !== true) continue;
      return this.decodeUrl(m.memberMetadata);
    }
    return void 0;
  }
  decodeAssignment(buffer) {
    return this.codec.MemberAssignment.decode(buffer)?.assignment;
  }
  decodeUrl(buffer) {
    return memberData(this.codec.MemberMetadata.decode(buffer)?.userData)?.url;
  }
  publish(l) {
    if (this.stopped) return;
    if (l.leader === this.current.leader && l.leaderUrl === this.current.leaderUrl) return;
    this.current = l;
    this.onChange(l);
  }
  /** Leaves the group at once, so that another node takes over without waiting for a session to time out. */
  async stop() {
    this.stopped = true;
    await this.consumer.disconnect();
  }
};

// src/registry/server/types.ts
var MODES = ["READWRITE", "READONLY", "READONLY_OVERRIDE", "IMPORT", "FORWARD"];

// src/registry/kafka-store/records.ts
var DEFAULT_TENANT = "default";
var RecordFormatError = class extends Error {
  code = "KAFKA_STORE_RECORD";
};
function encodeKey(key) {
  switch (key.keytype) {
    case "SCHEMA":
      return JSON.stringify({
        keytype: "SCHEMA",
        subject: key.subject,
        version: key.version,
        magic: 1
      });
    case "CONFIG":
    case "MODE":
      return JSON.stringify({ keytype: key.keytype, subject: key.subject, magic: 0 });
    case "DELETE_SUBJECT":
    case "CLEAR_SUBJECT":
      return JSON.stringify({ keytype: key.keytype, subject: key.subject, magic: 0 });
    case "CONTEXT":
      return JSON.stringify({ keytype: "CONTEXT", tenant: key.tenant, context: key.context, magic: 0 });
    case "NOOP":
      return JSON.stringify({ keytype: "NOOP", magic: 0 });
  }
}
var CONFIG_FIELDS = [
  "alias",
  "normalize",
  "validateFields",
  "validateNewSchemas",
  "compatibilityLevel",
  "compatibilityPolicy",
  "compatibilityGroup",
  "defaultMetadata",
  "overrideMetadata",
  "defaultRuleSet",
  "overrideRuleSet"
];
function encodeSchemaValue(v) {
  return JSON.stringify({
    subject: v.subject,
    version: v.version,
    id: v.id,
    md5: v.md5,
    schemaType: v.schemaType,
    references: v.references.length > 0 ? v.references : void 0,
    metadata: v.metadata,
    ruleSet: v.ruleSet,
    schema: v.schema,
    deleted: v.deleted
  });
}
function encodeConfigValue(subject, c) {
  const out = { subject };
  for (const f of CONFIG_FIELDS) out[f] = c[f];
  return JSON.stringify(out);
}
function encodeModeValue(subject, mode) {
  return JSON.stringify({ subject, mode });
}
function encodeContextValue(context) {
  return JSON.stringify({ tenant: DEFAULT_TENANT, context });
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function parseObject(text2, what) {
  let parsed;
  try {
    parsed = JSON.parse(text2);
  } catch (e) {
    throw new RecordFormatError(`${what} is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isObject(parsed)) throw new RecordFormatError(`${what} is not a JSON object`);
  return parsed;
}
function str(o, field, what) {
  const v = o[field];
  if (typeof v !== "string") throw new RecordFormatError(`${what} has no string "${field}"`);
  return v;
}
function optStr(o, field, what) {
  const v = o[field];
  if (v === void 0 || v === null) return void 0;
  if (typeof v !== "string") throw new RecordFormatError(`${what}: "${field}" is not a string`);
  return v;
}
function int(o, field, what) {
  const v = o[field];
  if (typeof v !== "number" || !Number.isInteger(v))
    throw new RecordFormatError(`${what} has no integer "${field}"`);
  return v;
}
function decodeKey(text2) {
  const o = parseObject(text2, "key");
  const keytype = o.keytype;
  const magic = o.magic ?? 0;
  switch (keytype) {
    case "SCHEMA":
      if (magic !== 0 && magic !== 1)
        throw new RecordFormatError(`SCHEMA key with magic byte ${String(magic)}`);
      return { keytype, subject: str(o, "subject", "SCHEMA key"), version: int(o, "version", "SCHEMA key") };
    case "CONFIG":
    case "MODE": {
      const subject = optStr(o, "subject", `${keytype} key`);
      return subject === void 0 ? { keytype } : { keytype, subject };
    }
    case "DELETE_SUBJECT":
    case "CLEAR_SUBJECT":
      return { keytype, subject: str(o, "subject", `${keytype} key`) };
    case "CONTEXT":
      return {
        keytype,
        tenant: optStr(o, "tenant", "CONTEXT key") ?? DEFAULT_TENANT,
        context: str(o, "context", "CONTEXT key")
      };
    case "NOOP":
      return { keytype };
    default:
      return void 0;
  }
}
function references(o) {
  const refs = o.references;
  if (refs === void 0 || refs === null) return [];
  if (!Array.isArray(refs)) throw new RecordFormatError('SCHEMA value: "references" is not a list');
  return refs.map((r) => {
    if (!isObject(r)) throw new RecordFormatError("SCHEMA value: a reference is not an object");
    return {
      name: str(r, "name", "reference"),
      subject: str(r, "subject", "reference"),
      version: int(r, "version", "reference")
    };
  });
}
function optObject(o, field) {
  const v = o[field];
  if (v === void 0 || v === null) return void 0;
  if (!isObject(v)) throw new RecordFormatError(`"${field}" is not an object`);
  return v;
}
function decodeSchemaValue(text2) {
  const o = parseObject(text2, "SCHEMA value");
  const md5 = optStr(o, "md5", "SCHEMA value");
  const metadata = optObject(o, "metadata");
  const ruleSet = optObject(o, "ruleSet");
  const deleted = o.deleted ?? false;
  if (typeof deleted !== "boolean") throw new RecordFormatError('SCHEMA value: "deleted" is not a boolean');
  return {
    subject: str(o, "subject", "SCHEMA value"),
    version: int(o, "version", "SCHEMA value"),
    id: int(o, "id", "SCHEMA value"),
    ...md5 === void 0 ? {} : { md5 },
    // Records written before schema types existed are Avro, as Confluent reads them.
    schemaType: optStr(o, "schemaType", "SCHEMA value") ?? "AVRO",
    references: references(o),
    ...metadata === void 0 ? {} : { metadata },
    ...ruleSet === void 0 ? {} : { ruleSet },
    schema: str(o, "schema", "SCHEMA value"),
    deleted
  };
}
function decodeConfigValue(text2) {
  const o = parseObject(text2, "CONFIG value");
  const out = {};
  for (const f of CONFIG_FIELDS) if (o[f] !== void 0 && o[f] !== null) out[f] = o[f];
  return out;
}
function decodeRecord(raw) {
  const key = decodeKey(raw.key);
  if (key === void 0) return void 0;
  if (raw.value === null) return { key, value: null };
  switch (key.keytype) {
    case "SCHEMA":
      return { key, value: decodeSchemaValue(raw.value) };
    case "CONFIG":
      return { key, value: decodeConfigValue(raw.value) };
    case "MODE": {
      const mode = str(parseObject(raw.value, "MODE value"), "mode", "MODE value");
      if (!MODES.includes(mode))
        throw new RecordFormatError(`MODE value: unknown mode ${mode}`);
      return { key, value: mode };
    }
    case "DELETE_SUBJECT": {
      const o = parseObject(raw.value, "DELETE_SUBJECT value");
      return {
        key,
        value: {
          subject: str(o, "subject", "DELETE_SUBJECT value"),
          version: int(o, "version", "DELETE_SUBJECT value")
        }
      };
    }
    case "CLEAR_SUBJECT": {
      const o = parseObject(raw.value, "CLEAR_SUBJECT value");
      return { key, value: { subject: str(o, "subject", "CLEAR_SUBJECT value") } };
    }
    case "CONTEXT": {
      const o = parseObject(raw.value, "CONTEXT value");
      return {
        key,
        value: {
          tenant: optStr(o, "tenant", "CONTEXT value") ?? DEFAULT_TENANT,
          context: str(o, "context", "CONTEXT value")
        }
      };
    }
    case "NOOP":
      return { key, value: void 0 };
  }
}

// src/registry/kafka-store/reader.ts
import { randomUUID } from "node:crypto";
var TopicReader = class _TopicReader {
  constructor(consumer, sink) {
    this.consumer = consumer;
    this.sink = sink;
  }
  consumer;
  sink;
  /** The next offset to read: everything below it has been applied. */
  position = 0;
  /** Records that were not registry records (not JSON, a field missing), passed over. */
  skipped = 0;
  own = /* @__PURE__ */ new Set();
  waiters = [];
  failure;
  static async start(kafka, topic, groupId, sink) {
    const consumer = kafka.consumer({
      groupId: `${groupId}-reader-${randomUUID()}`,
      maxBytesPerPartition: 4 * 1024 * 1024,
      maxWaitTimeInMs: 1e3,
      allowAutoTopicCreation: false,
      readUncommitted: false
    });
    const reader = new _TopicReader(consumer, sink);
    consumer.on(consumer.events.CRASH, (e) => {
      if (!e.payload.restart) reader.fail(e.payload.error);
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      // Nothing is committed (every start reads from the beginning); resolving the batch moves the fetch on.
      autoCommit: false,
      eachBatchAutoResolve: true,
      eachBatch: async ({ batch }) => {
        reader.consume(batch.messages);
        return Promise.resolve();
      }
    });
    return reader;
  }
  /** Offsets this node wrote and already applied; the reader passes over them. */
  markOwn(offsets) {
    for (const o of offsets) this.own.add(o);
  }
  /** Resolves once the record at `offset` has been read (applied, or passed over as our own). */
  reached(offset) {
    if (this.failure !== void 0) return Promise.reject(this.failure);
    if (offset < this.position) return Promise.resolve();
    return new Promise((resolve3, reject) => this.waiters.push({ offset, resolve: resolve3, reject }));
  }
  get failed() {
    return this.failure;
  }
  consume(messages2) {
    for (const m of messages2) {
      const offset = Number(m.offset);
      if (offset < this.position) continue;
      if (!this.own.delete(offset)) {
        const key = m.key?.toString("utf8");
        const ok = key !== void 0 && this.sink(key, m.value === null ? null : m.value.toString("utf8"), Number(m.timestamp), offset);
        if (!ok) this.skipped++;
      }
      this.position = offset + 1;
    }
    if (this.waiters.length === 0) return;
    const done = this.waiters.filter((w) => w.offset < this.position);
    this.waiters = this.waiters.filter((w) => w.offset >= this.position);
    for (const w of done) w.resolve();
  }
  fail(e) {
    this.failure = new Error(`the registry's topic reader stopped: ${e.message}`);
    for (const w of this.waiters) w.reject(this.failure);
    this.waiters = [];
  }
  async stop() {
    await this.consumer.disconnect();
  }
};

// src/registry/kafka-store/translate.ts
var schemaKey = (subject, version) => encodeKey({ keytype: "SCHEMA", subject, version });
function schemaRecord(state, subject, version, deleted) {
  const entry = state.version(subject, version);
  const schema = entry === void 0 ? void 0 : state.schemaAt(entry);
  if (entry === void 0 || schema === void 0)
    throw new Error(`internal: ${subject} version ${version} has no schema to write`);
  return {
    key: schemaKey(subject, version),
    value: encodeSchemaValue(schemaValue(subject, version, schema, deleted))
  };
}
function schemaValue(subject, version, s, deleted) {
  return {
    subject,
    version,
    id: s.id,
    schemaType: s.schemaType,
    references: s.references,
    ...s.metadata === void 0 ? {} : { metadata: s.metadata },
    ...s.ruleSet === void 0 ? {} : { ruleSet: s.ruleSet },
    schema: s.schema,
    deleted
  };
}
function recordsForEvent(state, e) {
  switch (e.t) {
    case "reg": {
      const out = [];
      const context = contextOf(e.s);
      if (context !== DEFAULT_CONTEXT && !state.contexts().includes(context))
        out.push({
          key: encodeKey({ keytype: "CONTEXT", tenant: DEFAULT_TENANT, context }),
          value: encodeContextValue(context)
        });
      for (const d of e.drop ?? []) out.push({ key: schemaKey(e.s, d), value: null });
      const stored = e.schema ?? state.spaceOf(e.s).schemas.get(e.id);
      if (stored === void 0) throw new Error(`internal: schema id ${e.id} of ${e.s} is unknown`);
      out.push({
        key: schemaKey(e.s, e.v),
        value: encodeSchemaValue(schemaValue(e.s, e.v, stored, false)),
        ...e.ts === void 0 ? {} : { timestamp: e.ts }
      });
      return out;
    }
    case "soft":
      return e.v.map((v) => schemaRecord(state, e.s, v, true));
    case "hard": {
      const out = [...e.v].sort((a, b) => b - a).map((v) => ({ key: schemaKey(e.s, v), value: null }));
      const left = state.versions(e.s, true).filter((v) => !e.v.includes(v.version));
      if (left.length === 0) {
        if (state.subjectModes.has(e.s))
          out.push({ key: encodeKey({ keytype: "MODE", subject: e.s }), value: null });
        if (state.subjectConfigs.has(e.s))
          out.push({ key: encodeKey({ keytype: "CONFIG", subject: e.s }), value: null });
      }
      return out;
    }
    case "config": {
      const key = encodeKey(e.s === void 0 ? { keytype: "CONFIG" } : { keytype: "CONFIG", subject: e.s });
      return [{ key, value: e.c === null ? null : encodeConfigValue(e.s, e.c) }];
    }
    case "mode": {
      const key = encodeKey(e.s === void 0 ? { keytype: "MODE" } : { keytype: "MODE", subject: e.s });
      return [{ key, value: e.m === null ? null : encodeModeValue(e.s, e.m) }];
    }
    case "ctxdel":
      return [{ key: encodeKey({ keytype: "CONTEXT", tenant: DEFAULT_TENANT, context: e.c }), value: null }];
  }
}
function applyRecord(state, rec, timestamp) {
  const { key } = rec;
  switch (key.keytype) {
    case "SCHEMA": {
      if (rec.value === null) {
        keepingSettings(
          state,
          [key.subject],
          () => state.apply({ t: "hard", s: key.subject, v: [key.version] })
        );
        return true;
      }
      const v = rec.value;
      const held = state.spaceOf(key.subject).held(v.id);
      if (held !== void 0 && held.schema !== v.schema) return false;
      const existing = state.version(key.subject, key.version);
      if (!(v.deleted && existing !== void 0 && existing.id === v.id)) {
        const stored = {
          id: v.id,
          schemaType: v.schemaType,
          schema: v.schema,
          references: v.references,
          ...v.metadata === void 0 ? {} : { metadata: v.metadata },
          ...v.ruleSet === void 0 ? {} : { ruleSet: v.ruleSet }
        };
        state.apply({ t: "reg", s: key.subject, v: key.version, id: v.id, ts: timestamp, schema: stored });
      }
      if (v.deleted) state.apply({ t: "soft", s: key.subject, v: [key.version] });
      return true;
    }
    case "CONFIG":
      state.apply({
        t: "config",
        ...key.subject === void 0 ? {} : { s: key.subject },
        c: rec.value === null ? null : rec.value
      });
      return true;
    case "MODE":
      state.apply({
        t: "mode",
        ...key.subject === void 0 ? {} : { s: key.subject },
        m: rec.value === null ? null : rec.value
      });
      return true;
    case "DELETE_SUBJECT": {
      if (rec.value === null) return true;
      const upTo = rec.value.version;
      const live = state.versions(key.subject).filter((v) => v.version <= upTo);
      if (live.length > 0) state.apply({ t: "soft", s: key.subject, v: live.map((v) => v.version) });
      return true;
    }
    case "CLEAR_SUBJECT": {
      if (rec.value === null) return true;
      const subjects = clearedSubjects(state, key.subject);
      keepingSettings(state, subjects, () => {
        for (const s of subjects) {
          const gone = state.versions(s, true).filter((v) => v.deleted);
          if (gone.length > 0) state.apply({ t: "hard", s, v: gone.map((v) => v.version) });
        }
      });
      return true;
    }
    case "CONTEXT":
      if (rec.value === null) state.apply({ t: "ctxdel", c: key.context });
      return true;
    case "NOOP":
      return true;
  }
}
function clearedSubjects(state, subject) {
  const q = parseSubject(subject);
  if (q.name !== "" || !subject.startsWith(":.")) return state.subjects.has(subject) ? [subject] : [];
  return [...state.subjects.keys()].filter((s) => contextOf(s) === q.context);
}
function keepingSettings(state, subjects, change) {
  const saved = subjects.map((s) => ({ s, c: state.subjectConfigs.get(s), m: state.subjectModes.get(s) }));
  change();
  for (const { s, c, m } of saved) {
    if (c !== void 0 && !state.subjectConfigs.has(s)) state.apply({ t: "config", s, c });
    if (m !== void 0 && !state.subjectModes.has(s)) state.apply({ t: "mode", s, m });
  }
}

// src/registry/kafka-store/writer.ts
var TopicWriter = class _TopicWriter {
  constructor(producer, topic) {
    this.producer = producer;
    this.topic = topic;
  }
  producer;
  topic;
  static async start(kafka, topic, transactionalId) {
    const producer = kafka.producer({
      transactionalId,
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      transactionTimeout: 6e4
    });
    await producer.connect();
    const tx = await producer.transaction();
    await tx.abort();
    return new _TopicWriter(producer, topic);
  }
  /**
   * Writes the records in one transaction. `sent` gets their offsets before the commit, that is before
   * any reader (reading committed records only) can see them.
   */
  async write(records, sent) {
    const tx = await this.producer.transaction();
    try {
      const [meta] = await tx.send({
        topic: this.topic,
        acks: -1,
        messages: records.map((r) => ({
          key: r.key,
          value: r.value,
          partition: 0,
          ...r.timestamp === void 0 ? {} : { timestamp: String(r.timestamp) }
        }))
      });
      const base = Number(meta?.baseOffset ?? Number.NaN);
      if (!Number.isInteger(base)) throw new Error("the broker did not say where the records went");
      const offsets = records.map((_, i) => base + i);
      sent(offsets);
      await tx.commit();
      return offsets;
    } catch (e) {
      await tx.abort().catch(() => void 0);
      throw e;
    }
  }
  async stop() {
    await this.producer.disconnect();
  }
};

// src/registry/server/group-commit.ts
var GroupCommit = class {
  /**
   * `commit` makes one batch durable; when it throws, `failed(e)` names the failure, which every waiter
   * and every later `add` then gets.
   */
  constructor(commit, failed) {
    this.commit = commit;
    this.failed = failed;
  }
  commit;
  failed;
  pending = [];
  appended = 0;
  synced = 0;
  flushing = false;
  failure;
  waiters = [];
  /** The sequence number of the last item added. */
  get head() {
    return this.appended;
  }
  /** A commit is running. */
  get busy() {
    return this.flushing;
  }
  get failedWith() {
    return this.failure;
  }
  /** Adds the items of one event; they get one sequence number. */
  add(items) {
    if (this.failure !== void 0) throw this.failure;
    this.pending.push(...items);
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
  /** Stops committing: every waiter and every later `add` gets `e`. */
  fail(e) {
    if (this.failure !== void 0) return;
    this.failure = e;
    for (const w of this.waiters) w.reject(e);
    this.waiters = [];
  }
  /** Resolves once nothing is pending or running (or the commits failed). */
  async drain() {
    while (this.flushing || this.pending.length > 0) {
      if (!this.flushing) {
        this.flushing = true;
        await this.flush();
      } else await new Promise((r) => setImmediate(r));
      if (this.failure !== void 0) break;
    }
  }
  async flush() {
    try {
      while (this.pending.length > 0 && this.failure === void 0) {
        const batch = this.pending;
        const upto = this.appended;
        this.pending = [];
        await this.commit(batch);
        this.synced = upto;
        const ready = this.waiters.filter((w) => w.seq <= upto);
        this.waiters = this.waiters.filter((w) => w.seq > upto);
        for (const w of ready) w.resolve();
      }
    } catch (e) {
      this.fail(this.failed(e));
    } finally {
      this.flushing = false;
    }
  }
};

// src/registry/kafka-store/store.ts
var NOOP_KEY = encodeKey({ keytype: "NOOP" });
var ClusterErrors = {
  unknownLeader: () => new RegistryHttpError(50004, "Unknown leader: no registry node leads yet; try again"),
  notReady: () => new RegistryHttpError(
    50002,
    "The registry is still reading its Kafka topic; try again when /_health says ready"
  ),
  forwardFailed: (why) => new RegistryHttpError(50003, `Error while forwarding the request to the leader: ${why}`)
};
var KafkaRegistryStore = class _KafkaRegistryStore {
  constructor(kafka, module, admin, noopProducer, reader, state, options) {
    this.kafka = kafka;
    this.module = module;
    this.admin = admin;
    this.noopProducer = noopProducer;
    this.reader = reader;
    this.state = state;
    this.options = options;
    this.topic = options.topic ?? DEFAULT_TOPIC;
    this.groupId = options.groupId ?? DEFAULT_GROUP_ID;
  }
  kafka;
  module;
  admin;
  noopProducer;
  reader;
  state;
  options;
  commits = new GroupCommit(
    (batch) => this.commit(batch),
    (e) => e
  );
  failure;
  writer;
  elector;
  leadership = { leader: false, leaderUrl: void 0 };
  roleNow = "follower";
  readyNow = false;
  closed = false;
  fatalListeners = [];
  topic;
  groupId;
  /** Connects, creates the topic if absent, and starts reading it into `state` (see `caughtUp`). */
  static async open(state, options) {
    const module = await loadKafkajs();
    const topic = options.topic ?? DEFAULT_TOPIC;
    const groupId = options.groupId ?? DEFAULT_GROUP_ID;
    const kafka = new module.Kafka({
      brokers: options.brokers,
      clientId: `schemagate-registry`,
      ...options.security ?? kafkaSecurityFromEnv(),
      // kafkajs logs routine rebalance answers as errors; the store reports real failures itself.
      logLevel: module.logLevel.NOTHING
    });
    const admin = kafka.admin();
    try {
      await admin.connect();
      await ensureTopic(admin, topic);
    } catch (e) {
      await admin.disconnect().catch(() => void 0);
      if (e instanceof SchemagateError) throw e;
      throw new SchemagateError(
        "REGISTRY_ERROR",
        `cannot use Kafka at ${options.brokers.join(",")}: ${e.message}`
      );
    }
    const noopProducer = kafka.producer({ idempotent: true, allowAutoTopicCreation: false });
    await noopProducer.connect();
    const ref = {};
    const reader = await TopicReader.start(
      kafka,
      topic,
      groupId,
      (key, value, ts) => ref.store.applyRaw(key, value, ts)
    );
    ref.store = new _KafkaRegistryStore(kafka, module, admin, noopProducer, reader, state, options);
    return ref.store;
  }
  applyRaw(key, value, timestamp) {
    try {
      const rec = decodeRecord({ key, value });
      return rec === void 0 ? true : applyRecord(this.state, rec, timestamp);
    } catch (e) {
      if (e instanceof RecordFormatError) return false;
      throw e;
    }
  }
  /** Resolves when the reader has read everything written before the call (Confluent's NOOP trick). */
  async caughtUp() {
    const [meta] = await this.noopProducer.send({
      topic: this.topic,
      acks: -1,
      messages: [{ key: NOOP_KEY, value: null, partition: 0 }]
    });
    await this.reader.reached(Number(meta?.baseOffset ?? 0));
  }
  /** Replays the topic to its end; the node is ready (serves requests) from then on. */
  async replay() {
    const started = performance.now();
    await this.caughtUp();
    this.readyNow = true;
    return { records: this.reader.position, millis: performance.now() - started };
  }
  /** Joins the election with the URL other nodes forward writes to. */
  async join(url) {
    this.elector = await LeaderElector.start(
      this.kafka,
      this.module,
      this.admin,
      {
        groupId: this.groupId,
        topic: this.topic,
        url,
        sessionTimeoutMs: this.options.sessionTimeoutMs ?? 1e4
      },
      (l) => this.onLeadership(l)
    );
  }
  onLeadership(l) {
    const was = this.leadership.leader;
    this.leadership = l;
    if (l.leader && !was) void this.promote();
    if (!l.leader && was) this.demote();
  }
  /** A new leader fences the old one's producer, then reads to the end before it gives out an id. */
  async promote() {
    this.roleNow = "catching-up";
    try {
      this.writer ??= await TopicWriter.start(this.kafka, this.topic, `schemagate-${this.groupId}`);
      await this.caughtUp();
      if (this.leadership.leader && this.roleNow === "catching-up") this.roleNow = "leader";
    } catch (e) {
      this.fatal(new Error(`could not take the lead: ${e.message}`));
    }
  }
  demote() {
    this.roleNow = "follower";
    const writer = this.writer;
    this.writer = void 0;
    if (writer === void 0) return;
    void (async () => {
      while (this.commits.busy) await new Promise((r) => setTimeout(r, 20));
      await writer.stop().catch(() => void 0);
    })();
  }
  get ready() {
    return this.readyNow && this.failed === void 0;
  }
  get role() {
    return this.roleNow;
  }
  get leaderUrl() {
    return this.leadership.leaderUrl;
  }
  /** The offset up to which this node has read: a follower waits for the leader's before it answers. */
  get position() {
    return this.reader.position;
  }
  /** Resolves once this node has read everything below `position`. */
  async applied(position) {
    if (position > 0) await this.reader.reached(position - 1);
  }
  health() {
    const failure = this.failure ?? this.reader.failed;
    return {
      ready: this.ready,
      role: this.roleNow,
      leaderUrl: this.leadership.leaderUrl,
      position: this.reader.position,
      skippedRecords: this.reader.skipped,
      ...failure === void 0 ? {} : { failure: failure.message }
    };
  }
  /**
   * Where a write goes: here (we lead and have caught up) or to the leader's URL. Waits up to
   * `timeoutMs` for an election or a catch-up to finish.
   */
  async writeTarget(timeoutMs) {
    const until = Date.now() + timeoutMs;
    for (; ; ) {
      if (this.failure !== void 0) throw new RegistryHttpError(50001, this.failure.message);
      if (this.roleNow === "leader") return "here";
      if (this.roleNow === "follower" && this.leadership.leaderUrl !== void 0)
        return { url: this.leadership.leaderUrl };
      if (Date.now() >= until) throw ClusterErrors.unknownLeader();
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  onFatal(listener) {
    this.fatalListeners.push(listener);
  }
  // ---- the log's interface --------------------------------------------------------------------
  /** Throws, before any event is applied, unless this node may write now. */
  requireWriter() {
    if (this.failure !== void 0) throw new RegistryHttpError(50001, this.failure.message);
    if (this.roleNow !== "leader") throw ClusterErrors.unknownLeader();
  }
  get head() {
    return this.commits.head;
  }
  get failed() {
    return this.failure ?? this.reader.failed;
  }
  /** Turns the event into records against the state before it is applied; they go out together. */
  append(event) {
    if (this.failure !== void 0) throw this.failure;
    return this.commits.add(recordsForEvent(this.state, event));
  }
  isDurable(seq) {
    return this.commits.isDurable(seq);
  }
  durable(seq) {
    if (this.failure !== void 0) return Promise.reject(this.failure);
    return this.commits.durable(seq);
  }
  /** One batch in one transaction, answered once this node's reader has read it back. */
  async commit(batch) {
    try {
      const writer = this.writer;
      if (writer === void 0) throw new Error("this node lost the lead before its write went out");
      const offsets = await writer.write(batch, (o) => this.reader.markOwn(o));
      await this.reader.reached(offsets[offsets.length - 1] ?? 0);
    } catch (e) {
      const failure = new Error(`cannot write the registry topic ${this.topic}: ${e.message}`);
      this.fatal(failure);
      throw failure;
    }
  }
  fatal(e) {
    if (this.failure !== void 0 || this.closed) return;
    this.failure = e;
    this.roleNow = "follower";
    this.commits.fail(e);
    for (const l of this.fatalListeners) l(e);
    void this.elector?.stop().catch(() => void 0);
  }
  async close() {
    if (this.closed) return;
    while (this.commits.busy) await new Promise((r) => setTimeout(r, 20));
    this.closed = true;
    await this.elector?.stop().catch(() => void 0);
    await this.writer?.stop().catch(() => void 0);
    await this.reader.stop().catch(() => void 0);
    await this.noopProducer.disconnect().catch(() => void 0);
    await this.admin.disconnect().catch(() => void 0);
  }
};
async function ensureTopic(admin, topic) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await ensureTopicOnce(admin, topic);
    } catch (e) {
      const retriable = e.retriable === true;
      if (e instanceof SchemagateError || !retriable || attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
async function ensureTopicOnce(admin, topic) {
  const topics = await admin.listTopics();
  if (!topics.includes(topic)) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: 1, configEntries: [{ name: "cleanup.policy", value: "compact" }] }]
    });
  }
  const meta = await admin.fetchTopicMetadata({ topics: [topic] });
  const partitions = meta.topics[0]?.partitions.length ?? 0;
  if (partitions !== 1)
    throw new SchemagateError(
      "REGISTRY_ERROR",
      `the registry topic ${topic} has ${partitions} partitions; it must have exactly 1 (one order for every change)`
    );
}

// src/registry/kafka-store/forward.ts
var POSITION_HEADER = "x-schemagate-position";
var FORWARDED_HEADER = "x-schemagate-forwarded";
var PASSED_HEADERS = ["content-type", "accept", "authorization"];
async function forwardToLeader(leaderUrl, req, body) {
  const headers = { [FORWARDED_HEADER]: "1" };
  for (const h of PASSED_HEADERS) {
    const v = req.headers[h];
    if (typeof v === "string") headers[h] = v;
  }
  let res;
  try {
    res = await fetch(`${leaderUrl}${req.url ?? "/"}`, {
      method: req.method ?? "POST",
      headers,
      ...body === void 0 ? {} : { body },
      signal: AbortSignal.timeout(3e4)
    });
  } catch (e) {
    const cause = e.cause?.message;
    throw ClusterErrors.forwardFailed(`${leaderUrl}: ${cause ?? e.message}`);
  }
  const text2 = await res.text();
  const position = Number(res.headers.get(POSITION_HEADER) ?? Number.NaN);
  return {
    status: res.status,
    contentType: res.headers.get("content-type") ?? "application/vnd.schemaregistry.v1+json",
    body: text2,
    position: Number.isInteger(position) ? position : void 0
  };
}
function sendForwarded(res, reply) {
  res.writeHead(reply.status, {
    "Content-Type": reply.contentType,
    "Content-Length": Buffer.byteLength(reply.body)
  });
  res.end(reply.body);
}
function isWrite(method, segments) {
  if (method !== "POST" && method !== "PUT" && method !== "DELETE") return false;
  if (segments[0] === "compatibility") return false;
  if (method === "POST" && segments[0] === "subjects" && segments.length === 2) return false;
  return true;
}

// src/registry/server/exchange.ts
var BODY_METHODS = /* @__PURE__ */ new Set(["POST", "PUT", "PATCH"]);
var NO_QUERY = new URLSearchParams();
var Exchange = class {
  constructor(req, res, site) {
    this.req = req;
    this.res = res;
    this.site = site;
    this.negotiated = negotiateResponseType(req.headers.accept);
    this.contentType = this.negotiated ?? DEFAULT_RESPONSE_TYPE;
  }
  req;
  res;
  site;
  /** The response type the Accept header allows; undefined: none we serve (406). */
  negotiated;
  contentType;
  match;
  query = NO_QUERY;
  filter;
  /** Handles the request: the gate (when there is one), the route, the body, the answer. */
  start() {
    const { req, site } = this;
    if (req.url === "/_health" && (req.method === "GET" || req.method === "HEAD"))
      return health(this.res, site.cluster);
    try {
      if (this.negotiated === void 0) throw RegistryErrors.notAcceptable();
      if (site.gate === void 0) return this.route(void 0);
      const who = site.gate.authenticate(req);
      if (typeof who === "string") return this.route(who);
      who.then(
        (user) => this.admitted(user),
        (e) => this.fail(e)
      );
    } catch (e) {
      this.fail(e);
    }
  }
  fail(e) {
    if (!this.req.complete) this.req.resume();
    if (e instanceof RegistryHttpError && e.status === 401)
      this.res.setHeader("WWW-Authenticate", `Basic realm="${AUTH_REALM}"`);
    if (e instanceof RegistryHttpError) sendError(this.res, this.contentType, e);
    else
      sendError(
        this.res,
        this.contentType,
        RegistryErrors.internal(e instanceof Error ? e.message : String(e))
      );
  }
  /** The request body has been read. */
  body(text2) {
    try {
      this.run(text2);
    } catch (e) {
      this.fail(e);
    }
  }
  /** The gate let `user` in after checking a password it had not seen (asynchronous). */
  admitted(user) {
    try {
      this.route(user);
    } catch (e) {
      this.fail(e);
    }
  }
  /** `user` is who the gate let in (undefined without an auth file). */
  route(user) {
    const { req, site } = this;
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    let segments = pathSegments(q < 0 ? url : url.slice(0, q));
    let query = q < 0 ? NO_QUERY : new URLSearchParams(url.slice(q + 1));
    if (segments !== void 0 && segments[0] === "contexts" && segments.length > 1)
      ({ segments, query } = rewriteContextPath(segments, query));
    if (segments !== void 0 && site.service.state.aliases.size > 0)
      ({ segments, query } = resolveAliases(segments, query, site.service.state.aliases));
    const match = segments === void 0 ? void 0 : site.router.match(req.method ?? "GET", segments);
    if (match === void 0) throw RegistryErrors.notFound();
    if (match === "method-not-allowed") throw RegistryErrors.methodNotAllowed();
    this.match = match;
    this.query = query;
    this.filter = user === void 0 ? void 0 : site.gate?.authorize(user, req.method ?? "GET", segments);
    const cluster = site.cluster;
    if (cluster !== void 0) {
      if (!cluster.ready)
        throw cluster.failed === void 0 ? ClusterErrors.notReady() : RegistryErrors.storeError(cluster.failed.message);
      if (isWrite(req.method ?? "GET", segments)) return this.write(cluster);
    }
    this.local();
  }
  /** Handled on this node: read the body (if any), then run the handler. */
  local() {
    const { req, site } = this;
    if (!BODY_METHODS.has(req.method ?? "")) return this.run("");
    if (!acceptsRequestType(req.headers["content-type"])) throw RegistryErrors.unsupportedMediaType();
    readBody(req, site.maxBody, this);
  }
  /** A write on Kafka: here when this node leads, else forwarded to the leader. */
  write(cluster) {
    const { req } = this;
    const forwarded = req.headers[FORWARDED_HEADER] !== void 0;
    cluster.writeTarget(forwarded ? 5e3 : 15e3).then(async (target) => {
      if (target === "here") return this.local();
      if (forwarded) throw ClusterErrors.unknownLeader();
      const body = BODY_METHODS.has(req.method ?? "") ? await readBodyText(req, this.site.maxBody) : void 0;
      const reply = await forwardToLeader(target.url, req, body);
      if (reply.position !== void 0) await cluster.applied(reply.position);
      sendForwarded(this.res, reply);
    }).catch((e) => this.fail(e));
  }
  run(body) {
    const { log, service } = this.site;
    const match = this.match;
    if (log.failed !== void 0) throw RegistryErrors.storeError(log.failed.message);
    const reply = match.handler({ params: match.params, query: this.query, body, service });
    const status = "empty" in reply ? 204 : 200;
    const text2 = "raw" in reply ? reply.raw : "empty" in reply ? "" : JSON.stringify(this.filter === void 0 ? reply.json : this.filter(reply.json));
    if (log.isDurable(log.head)) this.send(status, text2);
    else {
      log.durable(log.head).then(
        () => this.send(status, text2),
        (failure) => this.fail(RegistryErrors.storeError(failure instanceof Error ? failure.message : String(failure)))
      );
    }
  }
  send(status, text2) {
    const cluster = this.site.cluster;
    if (cluster !== void 0) this.res.setHeader(POSITION_HEADER, String(cluster.position));
    sendJson(this.res, status, this.contentType, text2);
  }
};

// src/registry/server/metadata-encoder.ts
import { createCipheriv, createDecipheriv, randomBytes as randomBytes3, scryptSync } from "node:crypto";
import { closeSync, fsyncSync, openSync, readFileSync as readFileSync3, renameSync, writeSync } from "node:fs";
import { join } from "node:path";
var KEYSET_FILE = "metadata-keys.json";
var ALGORITHM = "aes-256-gcm";
function seal(key, plain, aad) {
  const iv = randomBytes3(12);
  const cipher = createCipheriv(ALGORITHM, key, iv).setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64");
}
function open(key, sealed, aad) {
  const raw = Buffer.from(sealed, "base64");
  if (raw.length < 28) return void 0;
  try {
    const decipher = createDecipheriv(ALGORITHM, key, raw.subarray(0, 12)).setAAD(Buffer.from(aad));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
  } catch {
    return void 0;
  }
}
var wrappingKey = (secret, salt) => scryptSync(secret, salt, 32);
function writeAtomically(file, text2) {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, "w", 384);
  try {
    writeSync(fd, text2);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}
var MetadataEncoder = class _MetadataEncoder {
  constructor(file, keys, primary, unsaved) {
    this.file = file;
    this.keys = keys;
    this.primary = primary;
    this.unsaved = unsaved;
  }
  file;
  keys;
  primary;
  unsaved;
  /** Opens (or creates, or rotates) the keyset of a data directory. */
  static load(dataDir, secrets) {
    const file = join(dataDir, KEYSET_FILE);
    let stored;
    try {
      stored = JSON.parse(readFileSync3(file, "utf8"));
    } catch (e) {
      if (e.code !== "ENOENT")
        throw new SchemagateError(
          "REGISTRY_ERROR",
          `cannot read the metadata keyset: ${e.message}`,
          {
            file
          }
        );
    }
    const secret = secrets.secret === "" ? void 0 : secrets.secret;
    if (secret === void 0) return new _MetadataEncoder(file, /* @__PURE__ */ new Map(), void 0);
    if (stored === void 0) {
      const salt2 = randomBytes3(16);
      const key = randomBytes3(32);
      const keyset2 = {
        salt: salt2.toString("base64"),
        primary: 1,
        keys: [{ id: 1, wrapped: seal(wrappingKey(secret, salt2), key, "key 1") }]
      };
      return new _MetadataEncoder(file, /* @__PURE__ */ new Map([[1, key]]), 1, keyset2);
    }
    const salt = Buffer.from(stored.salt, "base64");
    const unwrap = (s) => {
      const wrapping2 = wrappingKey(s, salt);
      const keys = /* @__PURE__ */ new Map();
      for (const k of stored.keys) {
        const key = open(wrapping2, k.wrapped, `key ${k.id}`);
        if (key === void 0) return void 0;
        keys.set(k.id, key);
      }
      return keys;
    };
    const current = unwrap(secret);
    if (current !== void 0) return new _MetadataEncoder(file, current, stored.primary);
    const old = secrets.oldSecret === void 0 || secrets.oldSecret === "" ? void 0 : unwrap(secrets.oldSecret);
    if (old === void 0)
      throw new SchemagateError(
        "REGISTRY_ERROR",
        "METADATA_ENCODER_SECRET does not open the metadata keyset; to change the secret, set METADATA_ENCODER_OLD_SECRET to the one it was made with",
        { file }
      );
    const id = Math.max(...old.keys()) + 1;
    old.set(id, randomBytes3(32));
    const newSalt2 = randomBytes3(16);
    const wrapping = wrappingKey(secret, newSalt2);
    const keyset = {
      salt: newSalt2.toString("base64"),
      primary: id,
      keys: [...old].map(([kid, key]) => ({ id: kid, wrapped: seal(wrapping, key, `key ${kid}`) }))
    };
    writeAtomically(file, `${JSON.stringify(keyset)}
`);
    return new _MetadataEncoder(file, old, id);
  }
  /** How many data keys the keyset holds (2 after one rotation). */
  get size() {
    return this.keys.size;
  }
  /** The event as the log keeps it: sensitive values sealed under the primary key (when there is a secret). */
  encode(event) {
    if (event.t !== "reg" || event.schema === void 0 || this.primary === void 0) return event;
    const properties = sensitiveProperties(event.schema);
    if (properties === void 0) return event;
    if (this.unsaved !== void 0) {
      writeAtomically(this.file, `${JSON.stringify(this.unsaved)}
`);
      this.unsaved = void 0;
    }
    const key = this.keys.get(this.primary);
    const sealed = { ...properties.all };
    for (const name of properties.sensitive)
      sealed[name] = seal(key, Buffer.from(String(properties.all[name]), "utf8"), `${event.id} ${name}`);
    const metadata = { ...event.schema.metadata, properties: sealed };
    return { ...event, schema: { ...event.schema, metadata }, enc: this.primary };
  }
  /** The event as the state holds it: sealed values opened, or a refusal naming what is missing. */
  decode(event) {
    if (event.t !== "reg" || event.enc === void 0 || event.schema === void 0) return event;
    const properties = sensitiveProperties(event.schema);
    if (this.unsaved !== void 0)
      throw new SchemagateError(
        "REGISTRY_ERROR",
        `schema ${event.id} has encrypted sensitive metadata, and the metadata keyset is missing; restore it from a backup`,
        { file: this.file }
      );
    const key = this.keys.get(event.enc);
    if (key === void 0)
      throw new SchemagateError(
        "REGISTRY_ERROR",
        this.primary === void 0 ? `schema ${event.id} has encrypted sensitive metadata; set METADATA_ENCODER_SECRET to the secret it was written with` : `schema ${event.id} has sensitive metadata encrypted under key ${event.enc}, which the metadata keyset does not hold`,
        { file: this.file }
      );
    const opened = { ...properties?.all };
    for (const name of properties?.sensitive ?? []) {
      const plain = open(key, String(opened[name]), `${event.id} ${name}`);
      if (plain === void 0)
        throw new SchemagateError(
          "REGISTRY_ERROR",
          `sensitive metadata '${name}' of schema ${event.id} does not decrypt with the metadata keyset`,
          { file: this.file }
        );
      opened[name] = plain.toString("utf8");
    }
    const metadata = { ...event.schema.metadata, properties: opened };
    const { enc: _enc, ...rest } = event;
    return { ...rest, schema: { ...event.schema, metadata } };
  }
};
function sensitiveProperties(schema) {
  const metadata = schema.metadata;
  const all = metadata?.["properties"];
  const names = metadata?.["sensitive"];
  if (typeof all !== "object" || all === null || Array.isArray(all) || !Array.isArray(names))
    return void 0;
  const sensitive = names.filter((n) => typeof n === "string" && n in all);
  return sensitive.length === 0 ? void 0 : { all, sensitive };
}

// src/registry/server/authfile.ts
import { readFileSync as readFileSync4 } from "node:fs";
function readAuthFile(file) {
  let text2;
  try {
    text2 = readFileSync4(file, "utf8");
  } catch (e) {
    throw new SchemagateError(
      "FILE_UNREADABLE",
      `cannot read the auth file ${file}: ${e.message}`,
      {
        file
      }
    );
  }
  return parseAuthFile(text2, file);
}
function parseAuthFile(text2, file) {
  const doc = parseJson(text2, file);
  const fail = (pointer, message) => {
    const { line, column } = positionOf(doc, pointer);
    throw new SchemagateError("INVALID_CONFIG", `auth file: ${message}`, { file, line, column, pointer });
  };
  const root = objectAt(doc.value, "", fail);
  const users = /* @__PURE__ */ new Map();
  arrayAt(root.users, "/users", fail).forEach((value, i) => {
    const at = `/users/${i}`;
    const entry = objectAt(value, at, fail);
    const username = stringAt(entry, at, "username", fail);
    const algorithm = stringAt(entry, at, "algorithm", fail);
    if (!HASH_ALGORITHMS.includes(algorithm))
      fail(`${at}/algorithm`, `algorithm '${algorithm}' is not one of ${HASH_ALGORITHMS.join(", ")}`);
    if (users.has(username)) fail(at, `user '${username}' is listed twice`);
    users.set(username, {
      username,
      algorithm,
      salt: stringAt(entry, at, "salt", fail),
      passwordHash: stringAt(entry, at, "password_hash", fail)
    });
  });
  const permissions = arrayAt(root.permissions ?? [], "/permissions", fail).map((value, i) => {
    const at = `/permissions/${i}`;
    const entry = objectAt(value, at, fail);
    const username = stringAt(entry, at, "username", fail);
    if (!users.has(username)) fail(`${at}/username`, `permission for '${username}', who is not in "users"`);
    const operation = stringAt(entry, at, "operation", fail);
    if (operation !== "Read" && operation !== "Write")
      fail(`${at}/operation`, `operation must be "Read" or "Write", got '${operation}'`);
    const pattern = stringAt(entry, at, "resource", fail);
    let resource;
    try {
      resource = new RegExp(`^(?:${pattern})`, "u");
    } catch (e) {
      return fail(
        `${at}/resource`,
        `resource '${pattern}' is not a regular expression: ${e.message}`
      );
    }
    return { username, operation, resource };
  });
  return { users, permissions };
}
function objectAt(value, pointer, fail) {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return fail(pointer, `${pointer === "" ? "the file" : pointer} must be a JSON object`);
  return value;
}
function arrayAt(value, pointer, fail) {
  if (!Array.isArray(value)) return fail(pointer, `"${pointer.slice(1)}" must be a list`);
  return value;
}
function stringAt(entry, at, key, fail) {
  const value = entry[key];
  if (typeof value !== "string" || value === "")
    return fail(value === void 0 ? at : `${at}/${key}`, `"${key}" must be a non-empty string`);
  return value;
}
function withUser(doc, user) {
  const root = doc?.value ?? {};
  const entry = {
    username: user.username,
    algorithm: user.algorithm,
    salt: user.salt,
    password_hash: user.passwordHash
  };
  const users = Array.isArray(root.users) ? [...root.users] : [];
  const index = users.findIndex(
    (u) => typeof u === "object" && u !== null && !Array.isArray(u) && u.username === user.username
  );
  if (index >= 0) users[index] = entry;
  else users.push(entry);
  return `${JSON.stringify({ ...root, users, permissions: Array.isArray(root.permissions) ? root.permissions : [] }, null, 2)}
`;
}

// src/formats/avro/normalize-refs.ts
function normalizedAvroKeepingReferences(schema) {
  const copies = /* @__PURE__ */ new Map();
  const root = normalizeType(schema.root, copies);
  const referenceRoots = /* @__PURE__ */ new Set();
  for (const r of schema.referenceRoots) referenceRoots.add(copies.get(r) ?? normalizeNamed(r, copies));
  return canonicalAvro({ ...schema, root, referenceRoots });
}
function normalizeType(t, copies) {
  switch (t.kind) {
    case "array":
      return { ...t, items: normalizeType(t.items, copies), props: normalizeProps(t.props, t.kind) };
    case "map":
      return { ...t, values: normalizeType(t.values, copies), props: normalizeProps(t.props, t.kind) };
    case "union":
      return { ...t, branches: t.branches.map((b) => normalizeType(b, copies)) };
    case "record":
    case "enum":
    case "fixed":
      return normalizeNamed(t, copies);
    default:
      return { ...t, props: normalizeProps(t.props, t.kind) };
  }
}
function normalizeNamed(t, copies) {
  const done = copies.get(t);
  if (done !== void 0) return done;
  const copy = { ...t, aliases: [...t.aliases].sort(), props: normalizeProps(t.props, t.kind) };
  if (copy.doc === "") delete copy.doc;
  copies.set(t, copy);
  if (copy.kind === "record" && t.kind === "record") {
    copy.error = false;
    copy.fields = t.fields.map((f) => normalizeField(f, copies));
  }
  return copy;
}
function normalizeField(f, copies) {
  const out = {
    ...f,
    type: normalizeType(f.type, copies),
    aliases: [...f.aliases].sort(),
    props: normalizeProps(f.props, "field")
  };
  if (f.default !== void 0) out.default = sortedAttr(f.default);
  return out;
}
var LOGICAL_BASES = {
  decimal: ["bytes", "fixed"],
  uuid: ["string", "fixed"],
  date: ["int"],
  "time-millis": ["int"],
  "time-micros": ["long"],
  "timestamp-millis": ["long"],
  "timestamp-micros": ["long"],
  "timestamp-nanos": ["long"],
  "local-timestamp-millis": ["long"],
  "local-timestamp-micros": ["long"],
  "local-timestamp-nanos": ["long"],
  duration: ["fixed"]
};
function normalizeProps(props, kind) {
  if (props.length === 0) return [];
  const byKey2 = new Map(props);
  const first = [];
  const logical = byKey2.get("logicalType")?.value;
  if (typeof logical === "string" && LOGICAL_BASES[logical]?.includes(kind) === true) {
    first.push("logicalType");
    if (logical === "decimal") {
      if (byKey2.has("precision")) first.push("precision");
      const scale = byKey2.get("scale")?.value;
      if (typeof scale === "number" && scale !== 0) first.push("scale");
    }
  }
  const rest = [...byKey2.keys()].filter((k) => !first.includes(k)).sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
  return [...first, ...rest].map((k) => [k, sortedAttr(byKey2.get(k))]);
}
function sortedAttr(attr) {
  return { ...attr, value: sortKeys(attr.value) };
}
function sortKeys(v) {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(sortKeys);
  const out = {};
  for (const k of Object.keys(v).sort()) out[k] = sortKeys(v[k]);
  return out;
}

// src/formats/protobuf/descriptor-to-proto.ts
import { fromBinary, isFieldSet } from "@bufbuild/protobuf";
import {
  EnumOptionsSchema,
  EnumValueOptionsSchema,
  FieldDescriptorProto_Label,
  FieldDescriptorProto_Type,
  FieldDescriptorProtoSchema,
  FieldOptions_CType,
  FieldOptions_JSType,
  FieldOptionsSchema,
  FileDescriptorProtoSchema,
  FileOptions_OptimizeMode,
  FileOptionsSchema,
  MessageOptionsSchema,
  MethodOptions_IdempotencyLevel,
  MethodOptionsSchema,
  ServiceOptionsSchema
} from "@bufbuild/protobuf/wkt";

// src/formats/protobuf/descriptor-meta.ts
import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";
var META_FIELD = 1088;
function metaOption(options, name, pos) {
  const field = options?.$unknown?.find(
    (u) => u.no === META_FIELD && u.wireType === WireType.LengthDelimited
  );
  if (field === void 0) return void 0;
  const entries = metaEntries(new BinaryReader(field.data).bytes());
  if (entries.length === 0) return void 0;
  return { name, parenthesized: true, kind: "MAP", value: { kind: "MAP", entries }, pos };
}
var str2 = (value) => ({ kind: "STRING", value });
var map = (entries) => ({ kind: "MAP", entries });
function fields(bytes) {
  const r = new BinaryReader(bytes);
  const out = [];
  while (r.pos < r.len) {
    const [no, type] = r.tag();
    if (type !== WireType.LengthDelimited) {
      r.skip(type, no);
      continue;
    }
    const start = r.pos;
    const payload = r.bytes();
    out.push({ no, payload, text: new BinaryReader(bytes.subarray(start, r.pos)).string() });
  }
  return out;
}
function metaEntries(bytes) {
  let doc = "";
  const params = [];
  const tags = [];
  const rules2 = [];
  for (const { no, payload, text: text2 } of fields(bytes)) {
    if (no === 1) doc = text2;
    else if (no === 2) params.push(param(payload));
    else if (no === 3) tags.push(str2(text2));
    else if (no === 4) {
      const rule = ruleEntries(payload);
      if (rule.length > 0) rules2.push(map(rule));
    }
  }
  const out = [];
  if (doc !== "") out.push(["doc", str2(doc)]);
  if (params.length > 0) out.push(["params", { kind: "LIST", items: params }]);
  if (tags.length > 0) out.push(["tags", { kind: "LIST", items: tags }]);
  if (rules2.length > 0) out.push(["rules", { kind: "LIST", items: rules2 }]);
  return out;
}
function param(entry) {
  let key = "";
  let value = "";
  for (const { no, text: text2 } of fields(entry)) {
    if (no === 1) key = text2;
    else if (no === 2) value = text2;
  }
  return key === "precision" || key === "scale" ? map([
    ["value", str2(value)],
    ["key", str2(key)]
  ]) : map([
    ["key", str2(key)],
    ["value", str2(value)]
  ]);
}
var RULE_FIELDS = ["", "name", "doc", "expr", "sql"];
function ruleEntries(rule) {
  const found = /* @__PURE__ */ new Map();
  for (const { no, text: text2 } of fields(rule)) if (no >= 1 && no <= 4) found.set(no, text2);
  const out = [];
  for (let no = 1; no <= 4; no++) {
    const v = found.get(no);
    if (v !== void 0 && v !== "") out.push([RULE_FIELDS[no], str2(v)]);
  }
  return out;
}

// src/formats/protobuf/descriptor-to-proto.ts
var POS = { line: 1, column: 1 };
function descriptorToProtoFile(bytes) {
  return fileOf(fromBinary(FileDescriptorProtoSchema, bytes));
}
function descriptorText(bytes) {
  try {
    return canonicalProto(descriptorToProtoFile(bytes));
  } catch {
    return void 0;
  }
}
function fileOf(file) {
  const publicDeps = new Set(file.publicDependency);
  const weakDeps = new Set(file.weakDependency);
  const proto = {
    imports: file.dependency.filter((_, i) => !publicDeps.has(i) && !weakDeps.has(i)),
    publicImports: file.dependency.filter((_, i) => publicDeps.has(i)),
    weakImports: file.dependency.filter((_, i) => !publicDeps.has(i) && weakDeps.has(i)),
    importPositions: new Map(file.dependency.map((d) => [d, POS])),
    options: fileOptions(file),
    types: [...file.messageType.map((m) => messageOf(file, m)), ...file.enumType.map((e) => enumOf(e))],
    extendDeclarations: extendsOf(file, file.extension),
    services: file.service.map(serviceOf)
  };
  if (file.syntax === "proto2" || file.syntax === "proto3") proto.syntax = file.syntax;
  if (file.package !== "") {
    proto.packageName = file.package;
    proto.packagePos = POS;
  }
  return proto;
}
function option(name, kind, value) {
  return { name, parenthesized: false, kind, value: { kind, value }, pos: POS };
}
function setOptions(schema, message, wanted) {
  if (message === void 0) return [];
  const out = [];
  for (const [name, kind, names] of wanted) {
    const field = schema.fields.find((f) => f.name === name);
    if (field === void 0 || !isFieldSet(message, field)) continue;
    const values = message[field.localName];
    for (const v of Array.isArray(values) ? values : [values]) {
      const text2 = names !== void 0 ? names[v] ?? String(v) : String(v);
      out.push(option(name, kind, text2));
    }
  }
  return out;
}
function fileOptions(file) {
  const standard = setOptions(FileOptionsSchema, file.options, [
    ["java_package", "STRING"],
    ["java_outer_classname", "STRING"],
    ["java_multiple_files", "BOOLEAN"],
    ["java_generate_equals_and_hash", "BOOLEAN"],
    ["java_string_check_utf8", "BOOLEAN"],
    ["optimize_for", "ENUM", FileOptions_OptimizeMode],
    ["go_package", "STRING"],
    ["cc_generic_services", "BOOLEAN"],
    ["java_generic_services", "BOOLEAN"],
    ["py_generic_services", "BOOLEAN"],
    ["deprecated", "BOOLEAN"],
    ["cc_enable_arenas", "BOOLEAN"],
    ["objc_class_prefix", "STRING"],
    ["csharp_namespace", "STRING"],
    ["swift_prefix", "STRING"],
    ["php_class_prefix", "STRING"],
    ["php_namespace", "STRING"],
    ["php_metadata_namespace", "STRING"],
    ["ruby_package", "STRING"]
  ]);
  return withMeta(standard, file.options, "file_meta");
}
function withMeta(standard, options, name) {
  const meta = metaOption(options, `confluent.${name}`, POS);
  return meta === void 0 ? standard : [...standard, meta];
}
function messageOf(file, d) {
  const oneOfs = d.oneofDecl.map((o) => ({
    name: o.name,
    fields: [],
    groups: [],
    options: [],
    pos: POS
  }));
  const fields2 = [];
  for (const fd of d.field) {
    const oneOf = isFieldSet(fd, FieldDescriptorProtoSchema.field.oneofIndex) && !fd.proto3Optional;
    if (oneOf) oneOfs[fd.oneofIndex]?.fields.push(fieldOf(file, fd, true));
    else fields2.push(fieldOf(file, fd, false));
  }
  return {
    kind: "message",
    name: d.name,
    fields: fields2,
    oneOfs: oneOfs.filter((o) => o.fields.length > 0),
    groups: [],
    nestedTypes: [...d.nestedType.map((m) => messageOf(file, m)), ...d.enumType.map(enumOf)],
    options: withMeta(
      setOptions(MessageOptionsSchema, d.options, [
        ["no_standard_descriptor_accessor", "BOOLEAN"],
        ["deprecated", "BOOLEAN"],
        ["map_entry", "BOOLEAN"]
      ]),
      d.options,
      "message_meta"
    ),
    // Descriptor message ranges end exclusive; a range of one number is written as the number.
    reserveds: [
      ...d.reservedRange.map((r) => ({ values: [range(r.start, r.end - 1)], pos: POS })),
      ...d.reservedName.map((n) => ({ values: [n], pos: POS }))
    ],
    extensions: d.extensionRange.map((r) => ({ values: [range(r.start, r.end - 1)], options: [], pos: POS })),
    extendDeclarations: extendsOf(file, d.extension),
    pos: POS
  };
}
function range(start, end) {
  return start === end ? start : { start, end };
}
function enumOf(e) {
  return {
    kind: "enum",
    name: e.name,
    constants: e.value.map((v) => ({
      name: v.name,
      tag: v.number,
      options: withMeta(
        setOptions(EnumValueOptionsSchema, v.options, [
          ["deprecated", "BOOLEAN"],
          ["debug_redact", "BOOLEAN"]
        ]),
        v.options,
        "enum_value_meta"
      ),
      pos: POS
    })),
    options: withMeta(
      setOptions(EnumOptionsSchema, e.options, [
        ["allow_alias", "BOOLEAN"],
        ["deprecated", "BOOLEAN"]
      ]),
      e.options,
      "enum_meta"
    ),
    // Enum ranges end inclusive.
    reserveds: [
      ...e.reservedRange.map((r) => ({ values: [range(r.start, r.end)], pos: POS })),
      ...e.reservedName.map((n) => ({ values: [n], pos: POS }))
    ],
    pos: POS
  };
}
function fieldOf(file, fd, inOneOf) {
  const field = {
    name: fd.name,
    tag: fd.number,
    type: fd.typeName !== "" ? fd.typeName : scalarName(fd.type),
    options: withMeta(
      setOptions(FieldOptionsSchema, fd.options, [
        ["ctype", "ENUM", FieldOptions_CType],
        ["packed", "BOOLEAN"],
        ["jstype", "ENUM", FieldOptions_JSType],
        ["deprecated", "BOOLEAN"],
        ["debug_redact", "BOOLEAN"]
      ]),
      fd.options,
      "field_meta"
    ),
    pos: POS,
    typePos: POS
  };
  const label = inOneOf ? void 0 : labelOf(file, fd);
  if (label !== void 0) field.label = label;
  if (isFieldSet(fd, FieldDescriptorProtoSchema.field.jsonName)) field.jsonName = fd.jsonName;
  if (file.syntax !== "proto3" && isFieldSet(fd, FieldDescriptorProtoSchema.field.defaultValue))
    field.defaultValue = fd.defaultValue;
  return field;
}
function labelOf(file, fd) {
  if (fd.proto3Optional) return "optional";
  const proto3 = file.syntax === "proto3";
  switch (fd.label) {
    case FieldDescriptorProto_Label.REPEATED:
      return "repeated";
    case FieldDescriptorProto_Label.REQUIRED:
      return proto3 ? void 0 : "required";
    default:
      return proto3 ? void 0 : "optional";
  }
}
function scalarName(type) {
  const name = FieldDescriptorProto_Type[type];
  if (name === void 0) throw new Error(`unknown field type ${type}`);
  return name.toLowerCase();
}
function extendsOf(file, fields2) {
  const byExtendee = /* @__PURE__ */ new Map();
  for (const fd of fields2) {
    let e = byExtendee.get(fd.extendee);
    if (e === void 0) byExtendee.set(fd.extendee, e = { name: fd.extendee, fields: [], pos: POS });
    e.fields.push(fieldOf(file, fd, false));
  }
  return [...byExtendee.values()];
}
function serviceOf(s) {
  return {
    name: s.name,
    rpcs: s.method.map((m) => ({
      name: m.name,
      requestType: m.inputType,
      responseType: m.outputType,
      requestStreaming: m.clientStreaming,
      responseStreaming: m.serverStreaming,
      options: setOptions(MethodOptionsSchema, m.options, [
        ["deprecated", "BOOLEAN"],
        ["idempotency_level", "ENUM", MethodOptions_IdempotencyLevel]
      ]),
      pos: POS
    })),
    options: setOptions(ServiceOptionsSchema, s.options, [["deprecated", "BOOLEAN"]]),
    pos: POS
  };
}

// src/registry/server/messages.ts
function findingMessage(type, f, ctx) {
  if (type === "AVRO") {
    if (f.errorType === "AMBIGUOUS_FIELD_ALIAS")
      return `Unexpected exception during compatibility check: ${f.additionalInfo ?? ""}`;
    const info = f.additionalInfo ?? "";
    return `{errorType:'${f.errorType}', description:'${avroDescription(f, ctx)}', additionalInfo:'${info}'}`;
  }
  if (type === "PROTOBUF")
    return f.additionalInfo ?? `{errorType:"${f.errorType}", description:"${f.message}"}`;
  return `{errorType:"${f.errorType}", description:"${f.message}'}`;
}
function avroDescription(f, { reader, writer }) {
  const loc = f.registryPath ?? (f.path === "" ? "/" : f.path);
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
var CACHE_LIMIT2 = 2e4;
var SchemaEngine = class {
  cache = /* @__PURE__ */ new Map();
  prepare(text2, schemaType, options) {
    const refKey2 = options.references.map((r) => `${r.name}${r.text}`).join("");
    const flags = `${options.lenient ? 1 : 0}${options.normalize ? 1 : 0}${options.validateFields === true ? 1 : 0}`;
    const key = `${schemaType}\0${flags}\0${refKey2}\0${text2}`;
    const hit = this.cache.get(key);
    if (hit !== void 0) return hit;
    const result = prepareUncached(text2, schemaType, options);
    if (this.cache.size >= CACHE_LIMIT2) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }
};
function prepareUncached(text2, schemaType, options) {
  const handler = formatByRegistryType(schemaType);
  if (handler === void 0) return { ok: false, message: `Invalid schema type ${schemaType}` };
  if (text2.trim() === "") return { ok: false, message: "Empty schema" };
  if (schemaType === "PROTOBUF") text2 = protoSource(text2);
  let parsed;
  try {
    parsed = handler.parse(text2, { references: options.references, lenient: options.lenient });
  } catch (e) {
    return {
      ok: false,
      message: `Invalid schema ${text2}, details: ${e instanceof Error ? e.message : String(e)}`
    };
  }
  if (!parsed.ok && schemaType === "PROTOBUF" && !options.lenient && options.validateFields !== true) {
    if (parsed.issues.every((i) => i.rule === PROTOBUF_RULES.unknownType))
      parsed = handler.parse(text2, { references: options.references, lenient: true });
  }
  if (!parsed.ok && schemaType === "PROTOBUF") return { ok: false, message: protobufInvalid(parsed.issues) };
  if (!parsed.ok) {
    const details = parsed.issues.map((i) => i.pointer === "" ? i.message : `${i.message} (at ${i.pointer})`).join("; ");
    return { ok: false, message: `Invalid schema ${text2}, details: ${details}` };
  }
  const canonical = options.normalize ? registryNormalized(handler, parsed.schema) : handler.canonical(parsed.schema);
  return { ok: true, schema: { schemaType, canonical, parsed: parsed.schema, handler } };
}
var BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
function protoSource(text2) {
  const trimmed = text2.trim();
  if (!BASE64.test(trimmed)) return text2;
  const converted = descriptorText(Buffer.from(trimmed, "base64"));
  return converted === void 0 || converted.trim() === "" ? text2 : converted;
}
function protobufInvalid(issues) {
  const details = issues.map((i) => `${i.line}:${i.column}: ${i.message}`).join("; ");
  const wrap = (m) => `Invalid schema of type PROTOBUF, details: ${m}`;
  return wrap(wrap(details));
}
function registryNormalized(handler, schema) {
  if (schema.format === "avro") return normalizedAvroKeepingReferences(schema);
  return handler.normalized(schema);
}
function checkLevel(level, candidate, previous, validateFields) {
  const directions = directionsOf(level);
  if (directions.length === 0 || previous.length === 0) return { compatible: true, messages: [] };
  const first = isTransitive(level) ? 0 : previous.length - 1;
  for (let i = previous.length - 1; i >= first; i--) {
    const old = previous[i];
    const messages2 = [];
    if (old.schema.schemaType !== candidate.schemaType) {
      messages2.push(DIFFERENT_TYPE_MESSAGE);
    } else {
      for (const direction of directions) {
        const ctx = direction === "new-reads-old" ? { reader: "new", writer: "old" } : { reader: "old", writer: "new" };
        const findings = direction === "new-reads-old" ? candidate.handler.check(candidate.parsed, old.schema.parsed, ctx) : candidate.handler.check(old.schema.parsed, candidate.parsed, ctx);
        for (const f of findings) messages2.push(findingMessage(candidate.schemaType, f, ctx));
      }
    }
    if (messages2.length > 0) {
      messages2.push(...versionSuffix(old.version, old.schema.canonical), configSuffix(level, validateFields));
      return { compatible: false, messages: messages2 };
    }
  }
  return { compatible: true, messages: [] };
}

// src/registry/server/answer-memo.ts
var AnswerMemo = class {
  constructor(maxChars = 16 * 1024 * 1024) {
    this.maxChars = maxChars;
  }
  maxChars;
  answers = /* @__PURE__ */ new Map();
  revision = -1;
  chars = 0;
  get(key, revision) {
    if (revision !== this.revision) return void 0;
    return this.answers.get(key);
  }
  set(key, revision, text2) {
    const size = key.length + text2.length;
    if (size > this.maxChars / 16) return;
    if (revision !== this.revision || this.chars + size > this.maxChars) {
      this.answers.clear();
      this.chars = 0;
      this.revision = revision;
    }
    this.answers.set(key, text2);
    this.chars += size;
  }
};

// src/registry/server/contracts.ts
var CONFLUENT_VERSION = "confluent:version";
var isObject2 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var byKey = (a, b) => a < b ? -1 : a > b ? 1 : 0;
function mismatch(field, expected) {
  throw RegistryErrors.badRequest(`Cannot deserialize field '${field}': expected ${expected}`);
}
function text(v, field) {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return mismatch(field, "a string");
}
function stringSet(v, field) {
  if (v === void 0 || v === null) return [];
  if (!Array.isArray(v)) return mismatch(field, "an array of strings");
  return [...new Set(v.map((x) => text(x, field)))].sort(byKey);
}
function stringMap(v, field) {
  if (v === void 0 || v === null) return {};
  if (!isObject2(v)) return mismatch(field, "an object of strings");
  const out = {};
  for (const k of Object.keys(v).sort(byKey)) {
    const value = v[k];
    if (value !== null && value !== void 0) out[k] = text(value, `${field}.${k}`);
  }
  return out;
}
function canonicalMetadata(raw) {
  const out = {};
  const tagsRaw = raw["tags"];
  if (tagsRaw !== void 0 && tagsRaw !== null) {
    if (!isObject2(tagsRaw)) mismatch("metadata.tags", "an object of string arrays");
    const tags = {};
    for (const k of Object.keys(tagsRaw).sort(byKey)) tags[k] = stringSet(tagsRaw[k], `metadata.tags.${k}`);
    if (Object.keys(tags).length > 0) out["tags"] = tags;
  }
  const properties = stringMap(raw["properties"], "metadata.properties");
  if (Object.keys(properties).length > 0) out["properties"] = properties;
  const sensitive = stringSet(raw["sensitive"], "metadata.sensitive");
  if (sensitive.length > 0) out["sensitive"] = sensitive;
  return out;
}
var KINDS = ["TRANSFORM", "CONDITION"];
var MODES2 = ["UPGRADE", "DOWNGRADE", "UPDOWN", "WRITE", "READ", "WRITEREAD"];
var ENVIRONMENTS = ["CLIENT", "SERVER", "ALL"];
function enumValue(v, field, values, fallback) {
  if (v === void 0 || v === null) return fallback;
  if (typeof v !== "string" || !values.includes(v)) return mismatch(field, `one of ${values.join(", ")}`);
  return v;
}
function canonicalRule(raw, field) {
  if (!isObject2(raw)) return mismatch(field, "an object");
  const out = {};
  for (const k of ["name", "doc"]) {
    if (raw[k] !== void 0 && raw[k] !== null) out[k] = text(raw[k], `${field}.${k}`);
  }
  out["kind"] = enumValue(raw["kind"], `${field}.kind`, KINDS, "TRANSFORM");
  out["mode"] = enumValue(raw["mode"], `${field}.mode`, MODES2, "WRITEREAD");
  if (raw["type"] !== void 0 && raw["type"] !== null) out["type"] = text(raw["type"], `${field}.type`);
  const tags = stringSet(raw["tags"], `${field}.tags`);
  if (tags.length > 0) out["tags"] = tags;
  const params = stringMap(raw["params"], `${field}.params`);
  if (Object.keys(params).length > 0) out["params"] = params;
  for (const k of ["expr", "onSuccess", "onFailure"]) {
    if (raw[k] !== void 0 && raw[k] !== null) out[k] = text(raw[k], `${field}.${k}`);
  }
  const disabled = raw["disabled"];
  if (disabled !== void 0 && disabled !== null && typeof disabled !== "boolean")
    mismatch(`${field}.disabled`, "a boolean");
  out["disabled"] = disabled === true;
  return out;
}
var PHASES = ["migrationRules", "domainRules", "encodingRules"];
function canonicalRuleSet(raw) {
  const out = {};
  for (const phase of PHASES) {
    const list = raw[phase];
    if (list === void 0 || list === null) continue;
    if (!Array.isArray(list)) mismatch(`ruleSet.${phase}`, "an array of rules");
    if (list.length > 0) out[phase] = list.map((r, i) => canonicalRule(r, `ruleSet.${phase}[${i}]`));
  }
  if (raw["enableAt"] !== void 0 && raw["enableAt"] !== null)
    out["enableAt"] = enumValue(raw["enableAt"], "ruleSet.enableAt", ENVIRONMENTS, "ALL");
  return out;
}
function rules(ruleSet, phase) {
  const list = ruleSet?.[phase];
  return Array.isArray(list) ? list : [];
}
function metadataKey(m) {
  if (m === void 0) return "";
  try {
    return JSON.stringify(canonicalMetadata(m));
  } catch (e) {
    if (e instanceof RegistryHttpError) return JSON.stringify(m);
    throw e;
  }
}
function ruleSetKey(r) {
  if (r === void 0) return "";
  try {
    return JSON.stringify(canonicalRuleSet(r));
  } catch (e) {
    if (e instanceof RegistryHttpError) return JSON.stringify(r);
    throw e;
  }
}
function propertiesOf(m) {
  const p = m?.["properties"];
  return isObject2(p) ? p : {};
}
function confluentVersionOf(m) {
  const v = propertiesOf(m)[CONFLUENT_VERSION];
  if (typeof v !== "string" || !/^[-+]?\d+$/.test(v)) return void 0;
  const n = Number(v);
  return n >= -(2 ** 31) && n < 2 ** 31 ? n : void 0;
}
function hasConfluentVersion(m) {
  return propertiesOf(m)[CONFLUENT_VERSION] !== void 0;
}
function withoutConfluentVersion(m) {
  if (m === void 0) return {};
  const { [CONFLUENT_VERSION]: _dropped, ...properties } = propertiesOf(m);
  return canonicalMetadata({ ...m, properties });
}
function withConfluentVersion(m, version) {
  return canonicalMetadata({
    ...m,
    properties: { ...propertiesOf(m), [CONFLUENT_VERSION]: String(version) }
  });
}
function mergeObjects(a, b) {
  const left = isObject2(a) ? a : {};
  const right = isObject2(b) ? b : {};
  if (Object.keys(left).length === 0) return b;
  if (Object.keys(right).length === 0) return a;
  return { ...left, ...right };
}
function mergeSets(a, b) {
  const left = Array.isArray(a) ? a : [];
  const right = Array.isArray(b) ? b : [];
  if (left.length === 0) return b;
  if (right.length === 0) return a;
  return [...left, ...right];
}
function mergeMetadata(older, newer) {
  if (older === void 0) return newer;
  if (newer === void 0) return older;
  return canonicalMetadata({
    tags: mergeObjects(older["tags"], newer["tags"]),
    properties: mergeObjects(older["properties"], newer["properties"]),
    sensitive: mergeSets(older["sensitive"], newer["sensitive"])
  });
}
function mergeRuleSets(older, newer) {
  if (older === void 0) return newer;
  if (newer === void 0) return older;
  const out = {};
  for (const phase of PHASES) {
    const a = rules(older, phase);
    const b = rules(newer, phase);
    const names = new Set(b.map((r) => r["name"]));
    const merged = a.length === 0 ? b : b.length === 0 ? a : [...a.filter((r) => !names.has(r["name"])), ...b];
    if (merged.length > 0) out[phase] = merged;
  }
  const enableAt = newer["enableAt"] ?? older["enableAt"];
  if (enableAt !== void 0) out["enableAt"] = enableAt;
  return out;
}
function mergeContract(config, request, previous, newVersion) {
  const specificMetadata = request.metadata ?? previous?.metadata;
  let metadata = mergeMetadata(
    mergeMetadata(config.defaultMetadata, specificMetadata),
    config.overrideMetadata
  );
  const specificRules = request.ruleSet ?? previous?.ruleSet;
  const ruleSet = mergeRuleSets(mergeRuleSets(config.defaultRuleSet, specificRules), config.overrideRuleSet);
  if (newVersion !== void 0 && (newVersion.requested || hasConfluentVersion(metadata)))
    metadata = withConfluentVersion(metadata, newVersion.version);
  return { metadata, ruleSet };
}
function compatibilityGroupValue(metadata, group) {
  return propertiesOf(metadata)[group];
}
function hasDefaultsOrOverrides(config) {
  return config.defaultMetadata !== void 0 || config.overrideMetadata !== void 0 || config.defaultRuleSet !== void 0 || config.overrideRuleSet !== void 0;
}

// src/registry/server/rule-validation.ts
var NAME_MAX_LENGTH = 256;
var LETTER = new RegExp("\\p{L}", "u");
var LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;
function ruleNameProblem(name) {
  if (typeof name !== "string") return "Missing rule name";
  if (name.length === 0) return "Empty rule name";
  if (name.length > NAME_MAX_LENGTH) return "Rule name too long";
  const first = name.charAt(0);
  if (!(LETTER.test(first) || first === "_")) return `Illegal initial character in rule name: ${name}`;
  for (const c of name.slice(1)) {
    if (!(LETTER_OR_DIGIT.test(c) || c === "_" || c === "-"))
      return `Illegal character in rule name: ${name}`;
  }
  return void 0;
}
function ruleProblem(rule) {
  const nameProblem = ruleNameProblem(rule["name"]);
  if (nameProblem !== void 0) return nameProblem;
  if (rule["type"] === void 0) return "Missing rule type";
  const mode = rule["mode"];
  for (const action of [rule["onSuccess"], rule["onFailure"]]) {
    if (mode !== "WRITEREAD" && mode !== "UPDOWN" && typeof action === "string" && action.includes(","))
      return "Multiple actions only valid with WRITEREAD and UPDOWN";
  }
  return void 0;
}
var PHASE_MODES = {
  migrationRules: {
    modes: ["UPGRADE", "DOWNGRADE", "UPDOWN"],
    message: "Migration rules can only be UPGRADE, DOWNGRADE, UPDOWN"
  },
  domainRules: {
    modes: ["WRITE", "READ", "WRITEREAD"],
    message: "Domain rules can only be WRITE, READ, WRITEREAD"
  },
  encodingRules: {
    modes: ["WRITE", "READ", "WRITEREAD"],
    message: "Encoding rules can only be WRITE, READ, WRITEREAD"
  }
};
function validateRuleSet(ruleSet) {
  if (ruleSet === void 0) return;
  const names = /* @__PURE__ */ new Set();
  for (const phase of PHASES) {
    for (const rule of rules(ruleSet, phase)) {
      const name = rule["name"];
      if (typeof name === "string" && names.has(name))
        throw RegistryErrors.invalidRuleSet(`Found rule with duplicate name '${name}'`);
      if (typeof name === "string") names.add(name);
      const problem = ruleProblem(rule);
      if (problem !== void 0) throw RegistryErrors.invalidRuleSet(problem);
      if (!PHASE_MODES[phase].modes.includes(String(rule["mode"])))
        throw RegistryErrors.invalidRuleSet(PHASE_MODES[phase].message);
    }
  }
}
function validRuleSet(ruleSet) {
  validateRuleSet(ruleSet);
  return ruleSet;
}

// src/registry/server/tags.ts
var TAGS = "confluent:tags";
var isObject3 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function mismatch2(field, expected) {
  throw RegistryErrors.badRequest(`Cannot deserialize field '${field}': expected ${expected}`);
}
function parseSchemaTagsList(raw, field) {
  if (raw === void 0 || raw === null) return void 0;
  if (!Array.isArray(raw)) return mismatch2(field, "an array of {schemaEntity, tags}");
  return raw.map((item, i) => {
    const at = `${field}[${i}]`;
    if (!isObject3(item)) return mismatch2(at, "an object");
    const entity = item["schemaEntity"];
    if (!isObject3(entity)) return mismatch2(`${at}.schemaEntity`, "an object");
    const entityPath = entity["entityPath"];
    const entityType = entity["entityType"];
    if (typeof entityPath !== "string") return mismatch2(`${at}.schemaEntity.entityPath`, "a string");
    if (entityType !== "sr_record" && entityType !== "sr_field")
      return mismatch2(`${at}.schemaEntity.entityType`, "sr_record or sr_field");
    const tags = item["tags"];
    if (!Array.isArray(tags) || tags.some((t) => typeof t !== "string"))
      return mismatch2(`${at}.tags`, "an array of strings");
    return { entityPath, entityType, tags };
  });
}
function schemaTagsView(list) {
  return list.map((t) => ({
    schemaEntity: { entityPath: t.entityPath, entityType: t.entityType },
    tags: t.tags
  }));
}
var keyOf = (t) => `${t.entityType}\0${t.entityPath}`;
function byEntity(list) {
  const out = /* @__PURE__ */ new Map();
  for (const t of list) {
    const seen = out.get(keyOf(t));
    if (seen === void 0) out.set(keyOf(t), { ...t, tags: [...new Set(t.tags)] });
    else seen.tags = [.../* @__PURE__ */ new Set([...seen.tags, ...t.tags])];
  }
  return out;
}
function findEntity(root, entity) {
  const parts = entity.entityPath.split(".");
  const record = entity.entityType === "sr_record";
  const recordName = parts[parts.length - (record ? 1 : 2)] ?? "";
  const space = parts.slice(0, parts.length - (record ? 1 : 2)).join(".");
  const fieldName = record ? void 0 : parts[parts.length - 1];
  const rootSpace = isObject3(root) && typeof root["namespace"] === "string" ? root["namespace"] : void 0;
  const queue = [root];
  while (queue.length > 0) {
    const node = queue.shift();
    if (Array.isArray(node)) {
      queue.push(...node);
      continue;
    }
    if (!isObject3(node) || !("type" in node)) continue;
    const type = node["type"];
    const fields2 = Array.isArray(node["fields"]) ? node["fields"] : [];
    if (type === "record") {
      if ((space === "" || space === rootSpace) && node["name"] === recordName) {
        if (fieldName === void 0) return node;
        const found = fields2.find((f) => isObject3(f) && f["name"] === fieldName);
        if (isObject3(found)) return found;
      } else queue.push(...fields2);
    } else if (type === "array") queue.push(node["items"]);
    else if (type === "map") queue.push(node["values"]);
    else queue.push(type);
  }
  throw RegistryErrors.invalidSchema(
    `java.lang.IllegalArgumentException: No matching path '${entity.entityPath}' found in the schema`
  );
}
function applyAvroTags(canonical, add, remove) {
  const root = JSON.parse(canonical);
  const adds = byEntity(add);
  const removes = byEntity(remove);
  for (const key of /* @__PURE__ */ new Set([...adds.keys(), ...removes.keys()])) {
    const entity = adds.get(key) ?? removes.get(key);
    const node = findEntity(root, entity);
    const current = Array.isArray(node[TAGS]) ? node[TAGS].map(String) : [];
    const tags = new Set(current);
    for (const t of adds.get(key)?.tags ?? []) tags.add(t);
    for (const t of removes.get(key)?.tags ?? []) tags.delete(t);
    if (tags.size === 0) delete node[TAGS];
    else node[TAGS] = [...tags];
  }
  return JSON.stringify(root);
}
function tagsIn(props) {
  const value = props.find(([k]) => k === TAGS)?.[1].value;
  return Array.isArray(value) ? [...new Set(value.map(String))] : [];
}
function inlineTaggedEntities(schema) {
  const out = [];
  const visited = /* @__PURE__ */ new Set();
  const walk = (t) => {
    if (t.kind === "union") t.branches.forEach(walk);
    else if (t.kind === "array") walk(t.items);
    else if (t.kind === "map") walk(t.values);
    else if (t.kind === "record") {
      if (visited.has(t.fullName)) return;
      visited.add(t.fullName);
      const own = tagsIn(t.props);
      if (own.length > 0) out.push({ entityPath: t.fullName, entityType: "sr_record", tags: own });
      for (const f of t.fields) {
        const tags = tagsIn(f.props);
        if (tags.length > 0)
          out.push({ entityPath: `${t.fullName}.${f.name}`, entityType: "sr_field", tags });
        walk(f.type);
      }
    }
  };
  walk(schema.root);
  return out;
}

// src/registry/server/params.ts
var LATEST = -1;
var MAX_VERSION = 2 ** 31 - 1;
function parseVersion(text2) {
  const t = text2.trim();
  if (t.toLowerCase() === "latest") return LATEST;
  if (/^-?\d+$/.test(t)) {
    const n = Number(t);
    if (n === -1) return LATEST;
    if (n >= 1 && n <= MAX_VERSION) return n;
  }
  throw RegistryErrors.invalidVersion(text2);
}
var CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
function checkSubject(raw, { allowGlobalContext = false } = {}) {
  const subject = normalizeSubject(raw);
  const { context, name } = parseSubject(subject);
  if (CONTROL.test(raw) || name === "__GLOBAL" || name === "__EMPTY")
    throw RegistryErrors.invalidSubject(raw);
  if (!allowGlobalContext && context === GLOBAL_CONTEXT) throw RegistryErrors.invalidSubject(raw);
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
function parseJsonBody(text2) {
  if (text2.trim() === "") throw RegistryErrors.unprocessable("Request body is required");
  try {
    return JSON.parse(text2);
  } catch (e) {
    throw RegistryErrors.badRequest(
      `Invalid JSON in request body: ${e instanceof Error ? e.message : String(e)}`
    );
  }
}
var isObject4 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function mismatch3(field, expected) {
  throw RegistryErrors.badRequest(`Cannot deserialize field '${field}': expected ${expected}`);
}
function optionalString(o, field) {
  const v = o[field];
  if (v === void 0 || v === null) return void 0;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return mismatch3(field, "a string");
}
function optionalInt(o, field) {
  const v = o[field];
  if (v === void 0 || v === null) return void 0;
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "string" && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return mismatch3(field, "an integer");
}
function optionalObject(o, field) {
  const v = o[field];
  if (v === void 0 || v === null) return void 0;
  if (!isObject4(v)) return mismatch3(field, "an object");
  return Object.keys(v).length === 0 ? void 0 : v;
}
function parseSchemaRequest(body) {
  if (body === null) throw RegistryErrors.unprocessable("Request body is required");
  if (!isObject4(body)) return mismatch3("(body)", "an object");
  const refsRaw = body["references"];
  const references2 = [];
  if (refsRaw !== void 0 && refsRaw !== null) {
    if (!Array.isArray(refsRaw)) mismatch3("references", "an array");
    for (const r of refsRaw) {
      if (!isObject4(r)) return mismatch3("references", "an array of {name, subject, version}");
      const name = optionalString(r, "name");
      const subject = optionalString(r, "subject");
      const version2 = optionalInt(r, "version");
      if (name === void 0 || subject === void 0 || version2 === void 0) {
        throw RegistryErrors.invalidSchema(
          "Invalid reference: each reference needs a name, a subject and a version"
        );
      }
      references2.push({ name, subject, version: version2 });
    }
  }
  const out = { references: references2 };
  const schema = optionalString(body, "schema");
  if (schema !== void 0) out.schema = schema;
  const schemaType = optionalString(body, "schemaType");
  if (schemaType !== void 0) out.schemaType = schemaType;
  const metadata = optionalObject(body, "metadata");
  if (metadata !== void 0) out.metadata = canonicalMetadata(metadata);
  const ruleSet = optionalObject(body, "ruleSet") ?? optionalObject(body, "ruleset");
  if (ruleSet !== void 0) out.ruleSet = canonicalRuleSet(ruleSet);
  const tagsToAdd = parseSchemaTagsList(body["schemaTagsToAdd"], "schemaTagsToAdd");
  if (tagsToAdd !== void 0 && tagsToAdd.length > 0) out.schemaTagsToAdd = tagsToAdd;
  const tagsToRemove = parseSchemaTagsList(body["schemaTagsToRemove"], "schemaTagsToRemove");
  if (tagsToRemove !== void 0 && tagsToRemove.length > 0) out.schemaTagsToRemove = tagsToRemove;
  if (body["propagateSchemaTags"] === true) out.propagateSchemaTags = true;
  const id = optionalInt(body, "id");
  if (id !== void 0 && id >= 0) out.id = id;
  const version = optionalInt(body, "version");
  if (version !== void 0 && (version > 0 || version === LATEST)) out.version = version;
  return out;
}
function requireObject(body) {
  if (body === null) throw RegistryErrors.unprocessable("Request body is required");
  if (!isObject4(body)) return mismatch3("(body)", "an object");
  return body;
}

// src/registry/server/protobuf-tags.ts
var MESSAGE_META = "confluent.message_meta";
var FIELD_META = "confluent.field_meta";
var TAGS_FIELD = "tags";
var normalizedPath = (path) => path.startsWith(".") ? path.slice(1) : path;
function javaHash(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(31, h) + s.charCodeAt(i) | 0;
  return h;
}
function hashMapOrder(entries) {
  let capacity = 16;
  while (entries.length - 1 > capacity * 0.75) capacity *= 2;
  const bucket = (key) => {
    const h = javaHash(key);
    return (h ^ h >>> 16) & capacity - 1;
  };
  return entries.map(([key, value], i) => ({ b: bucket(key), i, value })).sort((x, y) => x.b - y.b || y.i - x.i).map((e) => e.value);
}
var asItems = (v) => Array.isArray(v) ? v : v.kind === "LIST" ? v.items : [v];
function union(a, b) {
  const seen = /* @__PURE__ */ new Map();
  for (const v of [...asItems(a), ...asItems(b)])
    seen.set(JSON.stringify(v), seen.get(JSON.stringify(v)) ?? v);
  return { kind: "LIST", items: [...seen.values()] };
}
function merge(existing, replacement) {
  if (existing.kind !== "MAP" || replacement.kind !== "MAP") return replacement;
  const entries = existing.value.entries.map(([k, v]) => [k, v]);
  for (const [key, value] of replacement.value.entries) {
    const at = entries.findIndex(([k]) => k === key);
    if (at < 0) entries.push([key, value]);
    else entries[at] = [key, union(entries[at][1], value)];
  }
  return { ...replacement, value: { kind: "MAP", entries } };
}
function mergeOptions(options) {
  const out = /* @__PURE__ */ new Map();
  for (const o of options) {
    const key = normalizedPath(o.name);
    const seen = out.get(key);
    out.set(key, seen === void 0 ? asMap(o) : merge(seen, asMap(o)));
  }
  return out;
}
function tagsOf(options, metaName) {
  const meta = mergeOptions(options).get(metaName);
  if (meta?.kind !== "MAP") return [];
  const tags = meta.value.entries.find(([k]) => k === TAGS_FIELD)?.[1];
  if (tags === void 0) return [];
  return [...new Set(asItems(tags).flatMap((v) => "value" in v ? [v.value] : []))];
}
var messages = (types) => types.filter((t) => t.kind === "message");
function noMatch(what, name) {
  throw RegistryErrors.invalidSchema(
    `java.lang.IllegalArgumentException: No matching ${what} with name '${name}' found in the schema`
  );
}
function findElement(file, entity) {
  const ids = normalizedPath(entity.entityPath).split(".");
  const isField = entity.entityType === "sr_field";
  const end = isField ? ids.length - 1 : ids.length;
  let message;
  let i = 0;
  for (; i < end; i++) {
    const name = ids[i];
    const found = messages(message === void 0 ? file.types : message.nestedTypes).find(
      (m) => m.name === name
    );
    if (found !== void 0) message = found;
    else if (isField && i === end - 1) break;
    else return noMatch("Message", name);
  }
  if (!isField) return message;
  const fieldName = ids[ids.length - 1];
  if (message === void 0) return noMatch("Field", fieldName);
  const oneOfs = i === end ? message.oneOfs : message.oneOfs.filter((o) => o.name === ids[i]).slice(-1);
  const candidates = i === end ? [...message.fields, ...oneOfs.flatMap((o) => o.fields)] : oneOfs.flatMap((o) => o.fields);
  return candidates.find((f) => f.name === fieldName) ?? noMatch("Field", fieldName);
}
function withoutTags(meta, remove) {
  if (meta.kind !== "MAP") return meta;
  const entries = [];
  for (const [key, value] of meta.value.entries) {
    if (key !== TAGS_FIELD) entries.push([key, value]);
    else {
      const left = asItems(value).filter((v) => !("value" in v && remove.has(v.value)));
      if (left.length > 0) entries.push([key, { kind: "LIST", items: left }]);
    }
  }
  return entries.length === 0 ? void 0 : { ...meta, value: { kind: "MAP", entries } };
}
function editedOptions(options, metaName, add, remove) {
  const all = [...options];
  if (add.length > 0) {
    const items = add.map((t) => ({ kind: "STRING", value: t }));
    const pos = { line: 0, column: 0 };
    const tags = {
      name: TAGS_FIELD,
      parenthesized: false,
      kind: "LIST",
      value: { kind: "LIST", items },
      pos
    };
    all.push({ name: metaName, parenthesized: true, kind: "OPTION", value: tags, pos });
  }
  const merged = mergeOptions(all);
  const meta = merged.get(metaName);
  if (remove.length > 0 && meta !== void 0) {
    const kept = withoutTags(meta, new Set(remove));
    if (kept === void 0) merged.delete(metaName);
    else merged.set(metaName, kept);
  }
  return hashMapOrder([...merged]);
}
function applyProtobufTags(canonical, add, remove) {
  const file = parseProtoText(canonical);
  for (const key of /* @__PURE__ */ new Set([...add.keys(), ...remove.keys()])) {
    const entity = add.get(key) ?? remove.get(key);
    const element = findElement(file, entity);
    const metaName = entity.entityType === "sr_record" ? MESSAGE_META : FIELD_META;
    element.options = editedOptions(
      element.options,
      metaName,
      add.get(key)?.tags ?? [],
      remove.get(key)?.tags ?? []
    );
  }
  return canonicalProto(file);
}
function protobufTaggedEntities(file) {
  const out = [];
  const walk = (list, scope) => {
    for (const m of messages(list)) {
      const path = scope + m.name;
      const own = tagsOf(m.options, MESSAGE_META);
      if (own.length > 0) out.push({ entityPath: path, entityType: "sr_record", tags: own });
      for (const f of [...m.oneOfs.flatMap((o) => o.fields), ...m.fields]) {
        const tags = tagsOf(f.options, FIELD_META);
        if (tags.length > 0) out.push({ entityPath: `${path}.${f.name}`, entityType: "sr_field", tags });
      }
      walk(m.nestedTypes, `${path}.`);
    }
  };
  walk(file.types, "");
  return out;
}
var normalizedEntities = (list) => list.map((t) => ({ ...t, entityPath: normalizedPath(t.entityPath) }));

// src/registry/server/tagging.ts
function applySchemaTags(parsed, canonical, add, remove) {
  if (parsed.format === "avro") return applyAvroTags(canonical, add, remove);
  if (parsed.format === "protobuf")
    return applyProtobufTags(
      canonical,
      byEntity(normalizedEntities(add)),
      byEntity(normalizedEntities(remove))
    );
  throw RegistryErrors.invalidSchema(
    "Schema tags are supported for AVRO and PROTOBUF schemas only by this registry"
  );
}
function taggedEntities(parsed) {
  if (parsed.format === "avro") return inlineTaggedEntities(parsed);
  if (parsed.format === "protobuf") return protobufTaggedEntities(parsed.proto);
  return [];
}
function findTags(parsed, wanted) {
  const all = wanted.includes("*");
  return taggedEntities(parsed).filter((e) => all || e.tags.some((t) => wanted.includes(t)));
}

// src/registry/server/tag-requests.ts
function objectField(o, field) {
  const v = o[field];
  if (v === void 0 || v === null) return void 0;
  if (!isObject4(v))
    throw RegistryErrors.badRequest(`Cannot deserialize field '${field}': expected an object`);
  return v;
}
function stringList(o, field) {
  const v = o[field];
  if (v === void 0 || v === null) return void 0;
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string"))
    throw RegistryErrors.badRequest(`Cannot deserialize field '${field}': expected an array of strings`);
  return v;
}
function modifiedRuleSet(previous, toMerge, toRemove) {
  let ruleSet = toMerge === void 0 ? previous : mergeRuleSets(previous, toMerge);
  if (ruleSet !== void 0 && toRemove !== void 0) {
    const kept = {};
    for (const phase of PHASES) {
      const list = ruleSet[phase];
      if (!Array.isArray(list)) continue;
      const left = list.filter((r) => !toRemove.includes(String(r["name"])));
      if (left.length > 0) kept[phase] = left;
    }
    if (ruleSet["enableAt"] !== void 0) kept["enableAt"] = ruleSet["enableAt"];
    ruleSet = kept;
  }
  return ruleSet;
}
function modifySchemaTags(service, subject, version, body) {
  const o = requireObject(body);
  const { state } = service;
  const entry = version === LATEST ? state.latestLive(subject) : state.version(subject, version);
  if (entry === void 0 || entry.deleted) {
    if (state.latestLive(subject) === void 0) throw RegistryErrors.subjectNotFound(subject);
    throw RegistryErrors.versionNotFound(version === LATEST ? "latest" : version);
  }
  const stored = service.schemaOf(entry);
  const rawRuleSet = objectField(o, "ruleSet");
  const rawToMerge = objectField(o, "rulesToMerge");
  const toRemove = stringList(o, "rulesToRemove");
  if ((rawToMerge !== void 0 || toRemove !== void 0) && rawRuleSet !== void 0)
    throw RegistryErrors.invalidRuleSet(
      "ruleSet should be omitted if specifying rulesToMerge or rulesToRemove"
    );
  const toMerge = rawToMerge === void 0 ? void 0 : canonicalRuleSet(rawToMerge);
  validateRuleSet(toMerge);
  const requestRuleSet = rawRuleSet === void 0 ? void 0 : canonicalRuleSet(rawRuleSet);
  validateRuleSet(requestRuleSet);
  const newVersionRaw = o["newVersion"];
  if (newVersionRaw !== void 0 && newVersionRaw !== null && !Number.isInteger(newVersionRaw))
    throw RegistryErrors.badRequest("Cannot deserialize field 'newVersion': expected an integer");
  const newVersion = typeof newVersionRaw === "number" ? newVersionRaw : 0;
  let ruleSet = requestRuleSet;
  if (toMerge !== void 0 || toRemove !== void 0) {
    const before = newVersion > 0 ? state.version(subject, newVersion - 1) : state.latestLive(subject);
    const previous = before === void 0 || before.deleted ? void 0 : service.schemaOf(before).ruleSet;
    ruleSet = modifiedRuleSet(previous, toMerge, toRemove);
  }
  const requestMetadata = objectField(o, "metadata");
  const metadata = withConfluentVersion(
    requestMetadata === void 0 ? stored.metadata : canonicalMetadata(requestMetadata),
    newVersion
  );
  const prepared = service.storedSchema(stored, contextOf(subject));
  const add = parseSchemaTagsList(o["tagsToAdd"], "tagsToAdd") ?? [];
  const remove = parseSchemaTagsList(o["tagsToRemove"], "tagsToRemove") ?? [];
  const request = {
    schema: applySchemaTags(prepared.parsed, prepared.canonical, add, remove),
    schemaType: stored.schemaType,
    references: stored.references,
    metadata,
    ...ruleSet === void 0 ? {} : { ruleSet },
    ...newVersion > 0 ? { version: newVersion } : {}
  };
  return service.register(subject, request, false);
}

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
function keyOf2(entry) {
  entry.key ??= identityKey(entry.schemaType, entry.schema, entry.references, entry.metadata, entry.ruleSet);
  return entry.key;
}

// src/registry/server/views.ts
function guidOf(entry) {
  const h = createHash("md5").update(keyOf2(entry)).digest("hex");
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

// src/formats/protobuf/proto-to-descriptor.ts
import { create, toBinary } from "@bufbuild/protobuf";
import {
  DescriptorProtoSchema,
  EnumDescriptorProtoSchema,
  EnumOptionsSchema as EnumOptionsSchema2,
  EnumValueOptionsSchema as EnumValueOptionsSchema2,
  FieldDescriptorProto_Label as FieldDescriptorProto_Label2,
  FieldDescriptorProto_Type as FieldDescriptorProto_Type2,
  FieldDescriptorProtoSchema as FieldDescriptorProtoSchema2,
  FieldOptionsSchema as FieldOptionsSchema2,
  FileDescriptorProtoSchema as FileDescriptorProtoSchema2,
  FileOptionsSchema as FileOptionsSchema2,
  MessageOptionsSchema as MessageOptionsSchema2,
  MethodOptionsSchema as MethodOptionsSchema2,
  ServiceOptionsSchema as ServiceOptionsSchema2
} from "@bufbuild/protobuf/wkt";
function protoToDescriptor(schema, fileName = "default") {
  return toBinary(FileDescriptorProtoSchema2, new DescriptorWriter(schema).file(fileName));
}
var SCALAR_TYPE = {
  double: FieldDescriptorProto_Type2.DOUBLE,
  float: FieldDescriptorProto_Type2.FLOAT,
  int32: FieldDescriptorProto_Type2.INT32,
  int64: FieldDescriptorProto_Type2.INT64,
  uint32: FieldDescriptorProto_Type2.UINT32,
  uint64: FieldDescriptorProto_Type2.UINT64,
  sint32: FieldDescriptorProto_Type2.SINT32,
  sint64: FieldDescriptorProto_Type2.SINT64,
  fixed32: FieldDescriptorProto_Type2.FIXED32,
  fixed64: FieldDescriptorProto_Type2.FIXED64,
  sfixed32: FieldDescriptorProto_Type2.SFIXED32,
  sfixed64: FieldDescriptorProto_Type2.SFIXED64,
  bool: FieldDescriptorProto_Type2.BOOL,
  string: FieldDescriptorProto_Type2.STRING,
  bytes: FieldDescriptorProto_Type2.BYTES
};
var LABEL = {
  optional: FieldDescriptorProto_Label2.OPTIONAL,
  required: FieldDescriptorProto_Label2.REQUIRED,
  repeated: FieldDescriptorProto_Label2.REPEATED
};
function optionsOf(schema, options) {
  const init = {};
  for (const o of options) {
    if (o.parenthesized || !("value" in o.value) || typeof o.value.value !== "string") continue;
    const field = schema.fields.find((f) => f.name === o.name);
    if (field === void 0) continue;
    const text2 = o.value.value;
    let value;
    if (field.fieldKind === "enum" || field.fieldKind === "list" && field.listKind === "enum")
      value = field.enum?.values.find((v) => v.name === text2)?.number;
    else if (o.kind === "BOOLEAN") value = text2 === "true";
    else if (o.kind === "NUMBER") value = Number(text2);
    else value = text2;
    if (value === void 0) continue;
    if (field.fieldKind === "list")
      init[field.localName] = [...init[field.localName] ?? [], value];
    else init[field.localName] = value;
  }
  return Object.keys(init).length === 0 ? void 0 : init;
}
function ranges(values, endExclusive) {
  const extra = endExclusive ? 1 : 0;
  return values.filter((v) => typeof v !== "string").map(
    (v) => typeof v === "number" ? { start: v, end: v + extra } : { start: v.start, end: v.end + extra }
  );
}
function entryName(field) {
  return `${field.split("_").map((p) => p === "" ? "" : p[0].toUpperCase() + p.slice(1)).join("")}Entry`;
}
var DescriptorWriter = class {
  constructor(schema) {
    this.schema = schema;
  }
  schema;
  file(name) {
    const f = this.schema.proto;
    const deps = [...f.imports, ...f.publicImports, ...f.weakImports];
    return create(FileDescriptorProtoSchema2, {
      name,
      ...f.packageName === void 0 ? {} : { package: f.packageName },
      dependency: deps,
      publicDependency: f.publicImports.map((i) => deps.indexOf(i)),
      weakDependency: f.weakImports.map((i) => deps.indexOf(i)),
      messageType: f.types.filter((t) => t.kind === "message").map((m) => this.message(m, [])),
      enumType: f.types.filter((t) => t.kind === "enum").map((e) => this.enum(e)),
      service: f.services.map((s) => ({
        name: s.name,
        method: s.rpcs.map((r) => ({
          name: r.name,
          inputType: this.typeName(r.requestType, []),
          outputType: this.typeName(r.responseType, []),
          ...r.requestStreaming ? { clientStreaming: true } : {},
          ...r.responseStreaming ? { serverStreaming: true } : {},
          options: optionsOf(MethodOptionsSchema2, r.options)
        })),
        options: optionsOf(ServiceOptionsSchema2, s.options)
      })),
      extension: f.extendDeclarations.flatMap(
        (e) => e.fields.map((x) => this.field(x, [], { extendee: this.typeName(e.name, []) }))
      ),
      options: optionsOf(FileOptionsSchema2, f.options),
      ...f.syntax === void 0 ? {} : { syntax: f.syntax }
    });
  }
  message(m, outer) {
    const scope = [...outer, m.name];
    const nested = [];
    const fields2 = [];
    const proto3 = this.schema.proto.syntax === "proto3";
    const plain = (x) => {
      const map2 = mapTypes(x.type);
      if (map2 === void 0) return this.field(x, scope, {});
      const entry = entryName(x.name);
      nested.push(this.mapEntry(entry, map2, scope));
      return this.field({ ...x, type: `.${this.fullName([...scope, entry])}`, label: "repeated" }, scope, {});
    };
    const group = (g, oneofIndex) => {
      nested.push(
        create(DescriptorProtoSchema, {
          name: g.name,
          field: g.fields.map((x) => this.field(x, [...scope, g.name], {}))
        })
      );
      return create(FieldDescriptorProtoSchema2, {
        name: g.name.toLowerCase(),
        number: g.tag,
        label: LABEL[g.label ?? "optional"],
        type: FieldDescriptorProto_Type2.GROUP,
        typeName: `.${this.fullName([...scope, g.name])}`,
        ...oneofIndex === void 0 ? {} : { oneofIndex }
      });
    };
    for (const x of m.fields)
      fields2.push({ at: x.pos, synthetic: proto3 && x.label === "optional", field: plain(x) });
    for (const g of m.groups) fields2.push({ at: g.pos, synthetic: false, field: group(g) });
    m.oneOfs.forEach((o, i) => {
      for (const x of o.fields)
        fields2.push({ at: x.pos, synthetic: false, field: this.field(x, scope, { oneofIndex: i }) });
      for (const g of o.groups) fields2.push({ at: g.pos, synthetic: false, field: group(g, i) });
    });
    const oneofDecl = m.oneOfs.map((o) => ({ name: o.name }));
    fields2.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
    for (const { synthetic, field } of fields2) {
      if (!synthetic) continue;
      field.proto3Optional = true;
      field.oneofIndex = oneofDecl.length;
      oneofDecl.push({ name: `_${field.name}` });
    }
    return create(DescriptorProtoSchema, {
      name: m.name,
      field: fields2.map((f) => f.field),
      // Declared messages first, then the ones made here for map entries and groups, as the registry
      // builds its descriptor: the message indexes count declared messages only, and clients that
      // resolve indexes in this descriptor (Python's, Go's) must find the same message there.
      nestedType: [
        ...m.nestedTypes.filter((t) => t.kind === "message").map((t) => this.message(t, scope)),
        ...nested
      ],
      enumType: m.nestedTypes.filter((t) => t.kind === "enum").map((e) => this.enum(e)),
      extensionRange: m.extensions.flatMap((e) => ranges(e.values, true)),
      extension: m.extendDeclarations.flatMap(
        (e) => e.fields.map((x) => this.field(x, scope, { extendee: this.typeName(e.name, scope) }))
      ),
      options: optionsOf(MessageOptionsSchema2, m.options),
      oneofDecl,
      reservedRange: m.reserveds.flatMap((r) => ranges(r.values, true)),
      reservedName: m.reserveds.flatMap((r) => r.values.filter((v) => typeof v === "string"))
    });
  }
  mapEntry(name, [key, value], scope) {
    const at = { line: 0, column: 0 };
    const kv = (n, tag, type) => this.field({ name: n, tag, type, label: "optional", options: [], pos: at, typePos: at }, scope, {});
    return create(DescriptorProtoSchema, {
      name,
      field: [kv("key", 1, key), kv("value", 2, value)].map((f) => ({ ...f, jsonName: f.name })),
      options: { mapEntry: true }
    });
  }
  field(x, scope, extra) {
    const scalar = SCALAR_TYPES.has(x.type) ? SCALAR_TYPE[x.type] : void 0;
    const typeName = scalar === void 0 ? this.typeName(x.type, scope) : void 0;
    const kind = typeName === void 0 ? void 0 : this.schema.index.type(typeName.slice(1))?.type.kind;
    return create(FieldDescriptorProtoSchema2, {
      name: x.name,
      number: x.tag,
      label: LABEL[x.label ?? "optional"],
      type: scalar ?? (kind === "enum" ? FieldDescriptorProto_Type2.ENUM : FieldDescriptorProto_Type2.MESSAGE),
      ...typeName === void 0 ? {} : { typeName },
      ...x.defaultValue === void 0 ? {} : { defaultValue: x.defaultValue },
      ...x.jsonName === void 0 ? {} : { jsonName: x.jsonName },
      ...extra,
      options: optionsOf(FieldOptionsSchema2, x.options)
    });
  }
  enum(e) {
    return create(EnumDescriptorProtoSchema, {
      name: e.name,
      value: e.constants.map((c) => ({
        name: c.name,
        number: c.tag,
        options: optionsOf(EnumValueOptionsSchema2, c.options)
      })),
      options: optionsOf(EnumOptionsSchema2, e.options),
      reservedRange: e.reserveds.flatMap((r) => ranges(r.values, false)),
      reservedName: e.reserveds.flatMap((r) => r.values.filter((v) => typeof v === "string"))
    });
  }
  /** A type as written → `.full.Name`; as written when it does not resolve (a lenient schema). */
  typeName(written, scope) {
    const found = resolveName(
      (n) => this.schema.index.type(n),
      this.schema.index.packageName,
      scope,
      written
    );
    return found === void 0 ? written : `.${found}`;
  }
  fullName(path) {
    const pkg = this.schema.index.packageName;
    return pkg === "" ? path.join(".") : `${pkg}.${path.join(".")}`;
  }
};

// src/registry/server/handlers.ts
var json = (value) => ({ json: value });
var SERVER_VERSION = { "7": "7.9.0", "8": "8.0.0" };
function param2(ctx, name) {
  return ctx.params[name] ?? "";
}
function readVersion(ctx, includeDeleted) {
  const { state } = ctx.service;
  const subject = checkSubject(param2(ctx, "subject"));
  const version = parseVersion(param2(ctx, "version"));
  if (state.versions(subject, includeDeleted).length === 0) throw RegistryErrors.subjectNotFound(subject);
  const entry = version === LATEST ? state.latestLive(subject) : state.version(subject, version);
  if (entry === void 0 || entry.deleted && !includeDeleted)
    throw RegistryErrors.versionNotFound(version === LATEST ? "latest" : version);
  return entry;
}
function schemaId(ctx) {
  const text2 = param2(ctx, "id");
  if (!/^\d+$/.test(text2)) throw RegistryErrors.notFound();
  return Number(text2);
}
function holderById(ctx) {
  const id = schemaId(ctx);
  const subject = ctx.query.get("subject");
  const found = ctx.service.state.holderOf(id, subject === null ? "" : normalizeSubject(subject));
  if (found === void 0) throw RegistryErrors.schemaNotFound(id);
  return found;
}
function holdersOf(ctx) {
  const found = holderById(ctx);
  const deleted = boolParam(ctx.query, "deleted");
  return [...ctx.service.state.spaceOf(found.subject).holders.get(found.id) ?? []].filter((h) => deleted || !h.deleted).sort((a, b) => compareSubjects(a.subject, b.subject) || a.version - b.version);
}
function configUpdate(body, ruleSets = "keep") {
  const o = requireObject(body);
  const update = {};
  const cleared = [];
  const levelKey = "compatibility" in o ? "compatibility" : "compatibilityLevel";
  const level = o[levelKey];
  if (level === null) cleared.push("compatibilityLevel");
  else if (level !== void 0) {
    const parsed = typeof level === "string" ? parseLevel(level) : void 0;
    if (parsed === void 0) throw RegistryErrors.invalidCompatibility();
    update.compatibilityLevel = parsed;
  }
  for (const k of ["normalize", "validateFields", "validateNewSchemas"]) {
    const v = o[k];
    if (v === null) cleared.push(k);
    if (v === void 0 || v === null) continue;
    if (typeof v !== "boolean")
      throw RegistryErrors.badRequest(`Cannot deserialize field '${k}': expected a boolean`);
    update[k] = v;
  }
  for (const k of ["compatibilityGroup", "alias", "compatibilityPolicy"]) {
    const v = o[k];
    if (v === null) cleared.push(k);
    if (v === void 0 || v === null) continue;
    if (typeof v !== "string")
      throw RegistryErrors.badRequest(`Cannot deserialize field '${k}': expected a string`);
    update[k] = v;
  }
  for (const k of ["defaultMetadata", "overrideMetadata", "defaultRuleSet", "overrideRuleSet"]) {
    const v = o[k];
    if (v === void 0 || ruleSets === "drop" && k.endsWith("RuleSet")) continue;
    if (v === null) {
      cleared.push(k);
      continue;
    }
    if (!isObject4(v)) throw RegistryErrors.badRequest(`Cannot deserialize field '${k}': expected an object`);
    update[k] = k.endsWith("RuleSet") ? validRuleSet(canonicalRuleSet(v)) : canonicalMetadata(v);
  }
  return { set: update, cleared };
}
function modeFrom(body) {
  const m = requireObject(body)["mode"];
  if (m === void 0 || m === null) return null;
  const upper = typeof m === "string" ? m.trim().toUpperCase() : "";
  if (!MODES.includes(upper)) throw RegistryErrors.invalidMode();
  return upper;
}
function putMode(ctx, subject) {
  const body = requireObject(parseJsonBody(ctx.body));
  const mode = modeFrom(body);
  ctx.service.settings.putMode(subject, mode, boolParam(ctx.query, "force"));
  return json("mode" in body ? { mode } : {});
}
function scopedSubject(ctx) {
  const subject = checkSubject(param2(ctx, "subject"), { allowGlobalContext: true });
  return subject === "" ? void 0 : subject;
}
function withReferenceFormat(ctx, view, holder) {
  const refs = view["references"];
  if (ctx.query.get("referenceFormat") !== "qualified" || !Array.isArray(refs)) return view;
  const context = contextOf(holder);
  view["references"] = refs.map((r) => ({
    ...r,
    subject: qualifyWithParent(context, r.subject)
  }));
  return view;
}
function formatted(ctx, entry, holder) {
  if (ctx.query.get("format") !== "serialized" || entry.schemaType !== "PROTOBUF") return entry.schema;
  const parsed = ctx.service.storedSchema(entry, contextOf(holder)).parsed;
  return Buffer.from(protoToDescriptor(parsed)).toString("base64");
}
function withFormat(ctx, entry, view, holder) {
  if (ctx.query.has("format")) view["schema"] = formatted(ctx, entry, holder);
  return view;
}
function contexts(ctx) {
  const prefix = ctx.query.get("contextPrefix") ?? "";
  return ctx.service.state.contexts().filter((c) => c.startsWith(prefix));
}
function listSubjects(ctx) {
  const { state } = ctx.service;
  const deletedOnly = boolParam(ctx.query, "deletedOnly");
  const deleted = boolParam(ctx.query, "deleted");
  const prefix = ctx.query.get("subjectPrefix") ?? CONTEXT_WILDCARD;
  const out = [];
  for (const s of state.subjectNames()) {
    if (prefix !== CONTEXT_WILDCARD && !matchesPrefix(s, prefix)) continue;
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
  const byTarget = boolParam(ctx.query, "aliases") ? aliasesByTarget(state.aliases, prefix) : /* @__PURE__ */ new Map();
  const out = [];
  for (const s of state.subjectNames()) {
    if (!matchesPrefix(s, prefix) && !byTarget.has(s)) continue;
    let versions = state.versions(s, deleted);
    if (latestOnly) versions = versions.slice(-1);
    const aliases = byTarget.get(s);
    for (const v of versions) {
      const view = versionView(v, ctx.service.schemaOf(v), shapes);
      out.push(aliases === void 0 ? view : { ...view, aliases });
    }
  }
  const limit = Number(ctx.query.get("limit") ?? -1);
  const q = new URLSearchParams(ctx.query);
  q.set("limit", String(!Number.isInteger(limit) || limit < 0 || limit > 1e3 ? 1e3 : limit));
  return page(out, q);
}
function withFoundTags(ctx, entry, view, holder) {
  const wanted = ctx.query.getAll("findTags");
  if (wanted.length === 0) return view;
  const parsed = ctx.service.storedSchema(entry, contextOf(holder)).parsed;
  const found = findTags(parsed, wanted);
  return found.length === 0 ? view : insertBefore(view, ["maxId", "ts", "deleted"], "schemaTags", schemaTagsView(found));
}
function insertBefore(view, later, key, value) {
  const out = {};
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
function compatibilityReply(ctx, version) {
  const subject = checkSubject(param2(ctx, "subject"));
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
  r.add(
    "GET",
    "/v1/metadata/version",
    (ctx) => json({ version: SERVER_VERSION[ctx.service.shapes], commitId: "schemagate" })
  );
  r.add("GET", "/v1/metadata/deployment", () => json({ attributes: [] }));
  r.add("GET", "/schemas/types", () => json(SCHEMA_TYPES));
  r.add("GET", "/contexts", (ctx) => json(page(contexts(ctx), ctx.query)));
  r.add("DELETE", "/contexts/:context", (ctx) => {
    if (ctx.service.shapes === "7") throw RegistryErrors.notFound();
    const raw = param2(ctx, "context");
    const context = normalizeContextName(raw);
    if (context === void 0)
      throw RegistryErrors.badRequest(`Context name '${raw}' cannot contain a colon`);
    ctx.service.deleteContext(context);
    return { empty: true };
  });
  r.add("GET", "/subjects", (ctx) => json(listSubjects(ctx)));
  const lookups = new AnswerMemo();
  r.add("POST", "/subjects/:subject", (ctx) => {
    const subject = checkSubject(param2(ctx, "subject"));
    const revision = ctx.service.state.revision;
    const key = `${subject}\0${ctx.query.toString()}\0${ctx.body}`;
    const known = lookups.get(key, revision);
    if (known !== void 0) return { raw: known };
    const req = parseSchemaRequest(parseJsonBody(ctx.body));
    const found = ctx.service.lookup(
      subject,
      req,
      boolParam(ctx.query, "normalize"),
      boolParam(ctx.query, "deleted")
    );
    const view = withFormat(
      ctx,
      found.entry,
      versionView(found.version, found.entry, ctx.service.shapes),
      subject
    );
    const text2 = JSON.stringify(view);
    lookups.set(key, revision, text2);
    return { raw: text2 };
  });
  r.add(
    "DELETE",
    "/subjects/:subject",
    (ctx) => json(ctx.service.deleteSubject(checkSubject(param2(ctx, "subject")), boolParam(ctx.query, "permanent")))
  );
  r.add("GET", "/subjects/:subject/metadata", (ctx) => {
    const subject = checkSubject(param2(ctx, "subject"));
    const versions = ctx.service.state.versions(subject, boolParam(ctx.query, "deleted"));
    if (versions.length === 0) throw RegistryErrors.subjectNotFound(subject);
    const keys = ctx.query.getAll("key");
    const values = ctx.query.getAll("value");
    for (let i = versions.length - 1; i >= 0; i--) {
      const v = versions[i];
      const entry = ctx.service.schemaOf(v);
      const props = entry.metadata?.["properties"];
      const has = (k, j) => isObject4(props) && props[k] === values[j];
      if (keys.every(has))
        return json(withFormat(ctx, entry, versionView(v, entry, ctx.service.shapes), subject));
    }
    throw RegistryErrors.schemaNotFound();
  });
  r.add("GET", "/subjects/:subject/versions", (ctx) => {
    const subject = checkSubject(param2(ctx, "subject"));
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
    const subject = checkSubject(param2(ctx, "subject"));
    const req = parseSchemaRequest(parseJsonBody(ctx.body));
    return json(
      ctx.service.register(subject, req, boolParam(ctx.query, "normalize"), boolParam(ctx.query, "force"))
    );
  });
  r.add("GET", "/subjects/:subject/versions/:version", (ctx) => {
    const v = readVersion(ctx, boolParam(ctx.query, "deleted"));
    const entry = ctx.service.schemaOf(v);
    return json(
      withReferenceFormat(
        ctx,
        withFoundTags(
          ctx,
          entry,
          withFormat(ctx, entry, versionView(v, entry, ctx.service.shapes), v.subject),
          v.subject
        ),
        v.subject
      )
    );
  });
  r.add("GET", "/subjects/:subject/versions/:version/schema", (ctx) => {
    const v = readVersion(ctx, boolParam(ctx.query, "deleted"));
    return { raw: formatted(ctx, ctx.service.schemaOf(v), v.subject) };
  });
  r.add(
    "POST",
    "/subjects/:subject/versions/:version/tags",
    (ctx) => json(
      modifySchemaTags(
        ctx.service,
        checkSubject(param2(ctx, "subject")),
        parseVersion(param2(ctx, "version")),
        parseJsonBody(ctx.body)
      )
    )
  );
  r.add("GET", "/subjects/:subject/versions/:version/referencedby", (ctx) => {
    const v = readVersion(ctx, true);
    const referrers = ctx.service.state.referrersOf(v.subject, v.version, boolParam(ctx.query, "deleted"));
    return json(
      page(
        referrers.map((r2) => r2.id),
        ctx.query
      )
    );
  });
  r.add("DELETE", "/subjects/:subject/versions/:version", (ctx) => {
    const subject = checkSubject(param2(ctx, "subject"));
    return json(
      ctx.service.deleteVersion(
        subject,
        parseVersion(param2(ctx, "version")),
        boolParam(ctx.query, "permanent")
      )
    );
  });
  r.add("GET", "/schemas", (ctx) => json(listSchemas(ctx)));
  const plainById = /* @__PURE__ */ new Map();
  r.add("GET", "/schemas/ids/:id", (ctx) => {
    const holder = holderById(ctx);
    const entry = ctx.service.schemaOf(holder);
    if (ctx.service.shapes === "7" && ctx.query.size === 0) {
      let cached = plainById.get(entry.id);
      if (cached?.entry !== entry)
        plainById.set(entry.id, cached = { entry, text: JSON.stringify(idView(entry, "7", {})) });
      return { raw: cached.text };
    }
    const subject = ctx.query.get("subject");
    const view = idView(entry, ctx.service.shapes, {
      ...boolParam(ctx.query, "fetchMaxId") ? { maxId: ctx.service.state.spaceOf(holder.subject).maxId } : {},
      ...subject === null ? {} : { subject: holder.subject, version: holder.version }
    });
    const tagged = withFoundTags(ctx, entry, withFormat(ctx, entry, view, holder.subject), holder.subject);
    return json(withReferenceFormat(ctx, tagged, holder.subject));
  });
  r.add("GET", "/schemas/ids/:id/schema", (ctx) => {
    const holder = holderById(ctx);
    return { raw: formatted(ctx, ctx.service.schemaOf(holder), holder.subject) };
  });
  r.add(
    "GET",
    "/schemas/ids/:id/subjects",
    (ctx) => json(page([...new Set(holdersOf(ctx).map((h) => h.subject))], ctx.query))
  );
  r.add(
    "GET",
    "/schemas/ids/:id/versions",
    (ctx) => json(
      page(
        holdersOf(ctx).map((h) => ({ subject: h.subject, version: h.version })),
        ctx.query
      )
    )
  );
  r.add(
    "POST",
    "/compatibility/subjects/:subject/versions/:version",
    (ctx) => compatibilityReply(ctx, parseVersion(param2(ctx, "version")))
  );
  r.add("POST", "/compatibility/subjects/:subject/versions", (ctx) => compatibilityReply(ctx, void 0));
  r.add(
    "GET",
    "/config",
    (ctx) => json(ctx.service.settings.getConfig(void 0, boolParam(ctx.query, "defaultToGlobal")))
  );
  r.add(
    "PUT",
    "/config",
    (ctx) => json(
      ctx.service.settings.putConfig(
        void 0,
        configUpdate(parseJsonBody(ctx.body), ctx.service.options.ruleSets)
      )
    )
  );
  r.add("DELETE", "/config", (ctx) => json(ctx.service.settings.deleteConfig(void 0)));
  r.add(
    "GET",
    "/config/:subject",
    (ctx) => json(ctx.service.settings.getConfig(scopedSubject(ctx), boolParam(ctx.query, "defaultToGlobal")))
  );
  r.add("PUT", "/config/:subject", (ctx) => {
    const subject = scopedSubject(ctx);
    return json(
      ctx.service.settings.putConfig(
        subject,
        configUpdate(parseJsonBody(ctx.body), ctx.service.options.ruleSets)
      )
    );
  });
  r.add("DELETE", "/config/:subject", (ctx) => json(ctx.service.settings.deleteConfig(scopedSubject(ctx))));
  r.add(
    "GET",
    "/mode",
    (ctx) => json(ctx.service.settings.getMode(void 0, boolParam(ctx.query, "defaultToGlobal")))
  );
  r.add("PUT", "/mode", (ctx) => putMode(ctx, void 0));
  r.add(
    "DELETE",
    "/mode",
    (ctx) => json(ctx.service.settings.deleteMode(void 0, boolParam(ctx.query, "recursive")))
  );
  r.add(
    "GET",
    "/mode/:subject",
    (ctx) => json(ctx.service.settings.getMode(scopedSubject(ctx), boolParam(ctx.query, "defaultToGlobal")))
  );
  r.add("PUT", "/mode/:subject", (ctx) => putMode(ctx, scopedSubject(ctx)));
  r.add(
    "DELETE",
    "/mode/:subject",
    (ctx) => json(ctx.service.settings.deleteMode(scopedSubject(ctx), boolParam(ctx.query, "recursive")))
  );
  return r;
}

// src/registry/server/lock.ts
import { closeSync as closeSync2, openSync as openSync2, readFileSync as readFileSync5, unlinkSync, writeSync as writeSync2 } from "node:fs";
import { join as join2, resolve } from "node:path";
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
  const file = join2(abs, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync2(file, "wx");
      try {
        writeSync2(fd, `${process.pid}
`);
      } finally {
        closeSync2(fd);
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
      owner = Number.parseInt(readFileSync5(file, "utf8").trim(), 10);
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
    if (Number.parseInt(readFileSync5(file, "utf8").trim(), 10) === process.pid) unlinkSync(file);
  } catch {
  }
}

// src/registry/server/log.ts
import { closeSync as closeSync3, fsyncSync as fsyncSync2, openSync as openSync3, readFileSync as readFileSync6, truncateSync } from "node:fs";
import { open as open2 } from "node:fs/promises";
import { join as join3 } from "node:path";
var LOG_FILE = "registry.log";
function replayLog(dir, apply) {
  const file = join3(dir, LOG_FILE);
  let text2;
  try {
    text2 = readFileSync6(file, "utf8");
  } catch (e) {
    if (e.code === "ENOENT") return { events: 0, tornBytes: 0 };
    throw e;
  }
  const end = text2.lastIndexOf("\n") + 1;
  let tornBytes = 0;
  if (end < text2.length) {
    tornBytes = Buffer.byteLength(text2.slice(end));
    truncateSync(file, Buffer.byteLength(text2.slice(0, end)));
  }
  let events = 0;
  let start = 0;
  let line = 0;
  while (start < end) {
    const nl = text2.indexOf("\n", start);
    line++;
    const raw = text2.slice(start, nl);
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
  constructor(handle) {
    this.handle = handle;
    this.commits = new GroupCommit(
      async (lines) => {
        await handle.write(lines.join(""));
        await handle.datasync();
      },
      (e) => new Error(`cannot write the registry log: ${e instanceof Error ? e.message : String(e)}`)
    );
  }
  handle;
  commits;
  static async open(dir) {
    const handle = await open2(join3(dir, LOG_FILE), "a");
    const d = openSync3(dir, "r");
    try {
      fsyncSync2(d);
    } finally {
      closeSync3(d);
    }
    return new _EventLog(handle);
  }
  /** The sequence number of the last appended event. */
  get head() {
    return this.commits.head;
  }
  get failed() {
    return this.commits.failedWith;
  }
  append(event) {
    return this.commits.add([`${JSON.stringify(event)}
`]);
  }
  isDurable(seq) {
    return this.commits.isDurable(seq);
  }
  durable(seq) {
    return this.commits.durable(seq);
  }
  async close() {
    await this.commits.drain();
    await this.handle.close();
  }
};

// src/registry/server/equivalence.ts
var shapeKeys = /* @__PURE__ */ new WeakMap();
function shapeKey(p) {
  let key = shapeKeys.get(p);
  if (key === void 0) {
    key = p.parsed.format === "avro" ? normalizedAvro(p.parsed) : p.canonical;
    shapeKeys.set(p, key);
  }
  return key;
}
function sameRefs(a, b) {
  return a.length === b.length && a.every((r, i) => r.name === b[i]?.name && r.subject === b[i]?.subject && r.version === b[i]?.version);
}
function canLookup(candidate, prev, prevVersion) {
  if (candidate.prepared.schemaType !== prev.prepared.schemaType) return false;
  const inlined = candidate.refs.length === 0 && prev.refs.length > 0;
  if (!inlined && !sameRefs(candidate.refs, prev.refs)) return false;
  if (shapeKey(candidate.prepared) !== shapeKey(prev.prepared)) return false;
  if (ruleSetKey(candidate.ruleSet) !== ruleSetKey(prev.ruleSet)) return false;
  const mine = confluentVersionOf(candidate.metadata);
  const theirs = confluentVersionOf(prev.metadata);
  if (mine === void 0 && theirs !== void 0) {
    return metadataKey(candidate.metadata ?? {}) === metadataKey(withoutConfluentVersion(prev.metadata));
  }
  if (mine !== void 0 && theirs === void 0) {
    if (mine !== prevVersion) return false;
    return metadataKey(withoutConfluentVersion(candidate.metadata)) === metadataKey(prev.metadata ?? {});
  }
  return metadataKey(candidate.metadata) === metadataKey(prev.metadata);
}

// src/registry/server/lookup.ts
function storedSide(service, entry, context) {
  return {
    prepared: service.storedSchema(entry, context),
    refs: entry.references,
    metadata: entry.metadata,
    ruleSet: entry.ruleSet
  };
}
function findOnce(service, subject, candidate, options) {
  const { state } = service;
  const versions = options.latestOnly ? [state.latestLive(subject)].filter((v) => v !== void 0) : state.versions(subject, options.deleted);
  if (!options.latestOnly) {
    const p = candidate.prepared;
    const key = identityKey(p.schemaType, p.canonical, candidate.refs, candidate.metadata, candidate.ruleSet);
    for (let i = versions.length - 1; i >= 0; i--) {
      const v = versions[i];
      const entry = service.schemaOf(v);
      if (keyOf2(entry) === key) return { version: v, entry };
    }
  }
  for (let i = versions.length - 1; i >= 0; i--) {
    const v = versions[i];
    const entry = service.schemaOf(v);
    if (canLookup(candidate, storedSide(service, entry, contextOf(subject)), v.version))
      return { version: v, entry };
  }
  return void 0;
}
function findInSubject(service, subject, config, candidate, options) {
  const found = findOnce(service, subject, candidate, options);
  if (found !== void 0) return found;
  const latest = service.state.latestLive(subject);
  if (latest === void 0) return void 0;
  const latestEntry = service.schemaOf(latest);
  const request = { metadata: candidate.metadata, ruleSet: candidate.ruleSet };
  const merged = mergeContract(config, request, latestEntry);
  if (merged.metadata === request.metadata && merged.ruleSet === request.ruleSet) return void 0;
  return findOnce(service, subject, { ...candidate, ...merged }, options);
}

// src/registry/server/reserved.ts
var RESERVED = "confluent:reserved";
function reservedFields(metadata) {
  const properties = metadata?.["properties"];
  const value = typeof properties === "object" && properties !== null ? properties[RESERVED] : void 0;
  if (typeof value !== "string") return /* @__PURE__ */ new Set();
  return new Set(
    value.split(",").map((f) => f.trim()).filter((f) => f !== "")
  );
}
function hasTopLevelField(schema, name) {
  if (schema.parsed.format === "avro") {
    const root = schema.parsed.root;
    return root.kind === "record" && root.fields.some((f) => f.name === name);
  }
  const value = jsonDocumentOf(schema.parsed)?.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const properties = value["properties"];
  return typeof properties === "object" && properties !== null && !Array.isArray(properties) && name in properties;
}
function reservedFieldMessages(candidate, metadata, previousMetadata, hasPrevious) {
  const messages2 = [];
  const reserved = reservedFields(metadata);
  if (hasPrevious) {
    for (const field of reservedFields(previousMetadata)) {
      if (!reserved.has(field))
        messages2.push(
          `The new schema has reserved field ${field} removed from its metadata which is present in the old schema's metadata.`
        );
    }
  }
  for (const field of reserved) {
    if (hasTopLevelField(candidate, field))
      messages2.push(`The new schema has field that conflicts with the reserved field ${field}.`);
  }
  return messages2;
}

// src/registry/server/settings.ts
var DEFAULT_LEVEL = "BACKWARD";
var DEFAULT_MODE = "READWRITE";
var GLOBAL_KEY = `:${GLOBAL_CONTEXT}:`;
function contextInMessage(subject) {
  return subject === void 0 ? "" : contextKey(contextOf(subject)) ?? "";
}
var RegistrySettings = class {
  constructor(state, commit, shapes) {
    this.state = state;
    this.commit = commit;
    this.shapes = shapes;
  }
  state;
  commit;
  shapes;
  // ---- resolution ----------------------------------------------------------------------------
  configAt(key) {
    return key === void 0 ? this.state.globalConfig : this.state.subjectConfigs.get(key);
  }
  modeAt(key) {
    return key === void 0 ? this.state.globalMode : this.state.subjectModes.get(key);
  }
  /**
   * The config in scope (getConfigInScope): a subject's own config merged over the global one; without
   * its own, its context's (or the global one), then `:.__GLOBAL:`, then the server default.
   */
  effectiveConfig(subject) {
    const base = { compatibilityLevel: DEFAULT_LEVEL };
    const own = subject === void 0 ? void 0 : this.state.subjectConfigs.get(subject);
    if (own !== void 0) return { ...base, ...this.state.globalConfig, ...own };
    const scope = subject === void 0 ? this.state.globalConfig : this.configAt(contextKey(contextOf(subject)));
    return { ...base, ...scope ?? this.state.subjectConfigs.get(GLOBAL_KEY) };
  }
  /** The level a config names; the default when it names none. */
  static levelOf(config) {
    return parseLevel(config.compatibilityLevel ?? DEFAULT_LEVEL) ?? DEFAULT_LEVEL;
  }
  /** 7.x: a global READONLY_OVERRIDE beats every subject's mode (8.x dropped that). */
  override() {
    return this.shapes === "7" && this.state.globalMode === "READONLY_OVERRIDE" ? "READONLY_OVERRIDE" : void 0;
  }
  /** The mode in scope (getModeInScope): subject, then its context (or the global one), then `:.__GLOBAL:`, then READWRITE. */
  effectiveMode(subject) {
    const overriding = this.override();
    if (overriding !== void 0) return overriding;
    const own = subject === void 0 ? void 0 : this.state.subjectModes.get(subject);
    if (own !== void 0) return own;
    const scope = subject === void 0 ? this.state.globalMode : this.modeAt(contextKey(contextOf(subject)));
    return scope ?? this.state.subjectModes.get(GLOBAL_KEY) ?? DEFAULT_MODE;
  }
  /** A subject's own mode (getMode); the global one answers for `undefined` and for `:.__GLOBAL:`. */
  ownMode(subject) {
    const overriding = this.override();
    if (overriding !== void 0) return overriding;
    const own = this.modeAt(subject);
    if (own !== void 0) return own;
    return subject === void 0 || isGlobalContextKey(subject) ? DEFAULT_MODE : void 0;
  }
  /** Register, delete and config changes need a writable mode: 42205 in READONLY or READONLY_OVERRIDE. */
  requireWritable(subject) {
    const mode = this.effectiveMode(subject);
    if (mode === "READONLY" || mode === "READONLY_OVERRIDE") {
      throw RegistryErrors.notPermitted(
        `Subject ${subject ?? "null"} in context ${contextInMessage(subject)} is in read-only mode`
      );
    }
    return mode;
  }
  // ---- config --------------------------------------------------------------------------------
  getConfig(subject, defaultToGlobal) {
    if (defaultToGlobal || subject === void 0) {
      if (subject === void 0 && !defaultToGlobal)
        return { compatibilityLevel: DEFAULT_LEVEL, ...this.state.globalConfig };
      return this.effectiveConfig(subject);
    }
    const own = this.state.subjectConfigs.get(subject);
    if (own !== void 0) return { compatibilityLevel: DEFAULT_LEVEL, ...own };
    if (isGlobalContextKey(subject)) return { compatibilityLevel: DEFAULT_LEVEL };
    throw RegistryErrors.subjectConfigNotFound(subject);
  }
  /** PUT /config[/{subject}]: the given fields over the current ones; answers the stored config in request form. */
  putConfig(subject, update) {
    this.requireWritable(subject);
    const next = { ...this.configAt(subject), ...update.set };
    for (const k of update.cleared) delete next[k];
    this.commit([{ t: "config", ...subject === void 0 ? {} : { s: subject }, c: next }]);
    const { compatibilityLevel, ...rest } = next;
    return { ...compatibilityLevel === void 0 ? {} : { compatibility: compatibilityLevel }, ...rest };
  }
  deleteConfig(subject) {
    if (subject === void 0) {
      const previous = { compatibilityLevel: DEFAULT_LEVEL, ...this.state.globalConfig };
      this.requireWritable(void 0);
      this.commit([{ t: "config", c: null }]);
      return previous;
    }
    const own = this.state.subjectConfigs.get(subject);
    if (own === void 0) throw RegistryErrors.subjectNotFound(subject);
    this.requireWritable(subject);
    this.commit([{ t: "config", s: subject, c: null }]);
    return { compatibilityLevel: DEFAULT_LEVEL, ...own };
  }
  // ---- mode ----------------------------------------------------------------------------------
  getMode(subject, defaultToGlobal) {
    const mode = defaultToGlobal ? this.effectiveMode(subject) : this.ownMode(subject);
    if (mode === void 0) throw RegistryErrors.subjectModeNotFound(subject ?? "null");
    return { mode };
  }
  /** PUT /mode[/{subject}]; `mode` null (a body without one) clears the setting, as the registry does. */
  putMode(subject, mode, force) {
    if (mode === "FORWARD" && (subject === void 0 || !isGlobalContextKey(subject)))
      throw RegistryErrors.invalidMode("Forward mode only supported on global level");
    const events = [];
    if (mode === "IMPORT" && this.effectiveMode(subject) !== "IMPORT" && !force) {
      const scope = this.subjectsIn(subject);
      if (scope.some((s) => this.state.latestLive(s) !== void 0)) {
        throw RegistryErrors.notPermitted("Cannot import since found existing subjects");
      }
      for (const s of scope) {
        const gone = this.state.versions(s, true);
        for (const v of gone) {
          if (this.state.referrersOf(s, v.version, true).length > 0)
            throw RegistryErrors.referenceExists(s, v.version);
        }
        if (gone.length > 0) events.push({ t: "hard", s, v: gone.map((v) => v.version) });
      }
    }
    events.push({ t: "mode", ...subject === void 0 ? {} : { s: subject }, m: mode });
    this.commit(events);
  }
  /**
   * DELETE /mode[/{subject}]: the previous mode; 40401 when there was none, unless `recursive`, which
   * on a context (or the global setting) also clears the modes of every subject in that context.
   */
  deleteMode(subject, recursive) {
    const previous = this.ownMode(subject);
    if (previous === void 0 && !recursive) throw RegistryErrors.subjectNotFound(subject ?? "null");
    const events = [{ t: "mode", ...subject === void 0 ? {} : { s: subject }, m: null }];
    if (recursive && (subject === void 0 || parseSubject(subject).name === "")) {
      const context = subject === void 0 ? DEFAULT_CONTEXT : parseSubject(subject).context;
      for (const s of this.state.subjectModes.keys()) {
        const q = parseSubject(s);
        if (q.context === context && q.name !== "") events.push({ t: "mode", s, m: null });
      }
    }
    this.commit(events);
    return previous === void 0 ? {} : { mode: previous };
  }
  /** The subjects a mode change covers: one subject, or every subject of a context (the global setting: all). */
  subjectsIn(subject) {
    if (subject === void 0) return this.state.subjectNames();
    const q = parseSubject(subject);
    if (q.name !== "") return this.state.subjects.has(subject) ? [subject] : [];
    return this.state.subjectNames().filter((s) => contextOf(s) === q.context);
  }
};
function isGlobalContextKey(subject) {
  const q = parseSubject(subject);
  return q.context === GLOBAL_CONTEXT && q.name === "";
}

// src/registry/server/service.ts
var RegistryService = class {
  constructor(state, engine, commit, options) {
    this.state = state;
    this.engine = engine;
    this.commit = commit;
    this.options = options;
    this.settings = new RegistrySettings(state, commit, options.shapes);
  }
  state;
  engine;
  commit;
  options;
  /** Parsed stored schemas, by entry (ids are per context, so the entry is the key). */
  storedCache = /* @__PURE__ */ new WeakMap();
  settings;
  get shapes() {
    return this.options.shapes;
  }
  requireWritable(subject) {
    return this.settings.requireWritable(subject);
  }
  // ---- schemas -------------------------------------------------------------------------------
  /**
   * The texts of the references (and of theirs), dependencies first, as the engines take them. A
   * reference's subject is read in the context of the schema that holds it (`context`).
   */
  resolveReferences(refs, context, { liveOnly = false } = {}, seen = /* @__PURE__ */ new Map()) {
    const out = [];
    for (const r of refs) {
      const subject = qualifyWithParent(context, r.subject);
      const entry = r.version === LATEST ? this.state.latestLive(subject) : this.state.version(subject, r.version);
      const schema = entry === void 0 || liveOnly && entry.deleted ? void 0 : this.state.schemaAt(entry);
      if (entry === void 0 || schema === void 0) {
        throw RegistryErrors.invalidSchema(
          `Invalid schema: reference '${r.name}' to subject '${r.subject}' version ${r.version} not found`
        );
      }
      const earlier = seen.get(r.name);
      if (earlier !== void 0) {
        if (this.options.referenceVersionsStrict && earlier !== entry.version)
          throw RegistryErrors.invalidSchema(
            `Invalid schema: Conflicting reference versions for "${r.name}": version ${earlier} and version ${entry.version}`
          );
        continue;
      }
      seen.set(r.name, entry.version);
      out.push(...this.resolveReferences(schema.references, contextOf(subject), { liveOnly }, seen), {
        name: r.name,
        text: schema.schema
      });
    }
    return out;
  }
  /** A stored schema, parsed leniently for compatibility checks; parsed once per id. */
  storedSchema(entry, context) {
    const hit = this.storedCache.get(entry);
    if (hit !== void 0) return hit;
    const result = this.engine.prepare(entry.schema, entry.schemaType, {
      references: this.resolveReferences(entry.references, context),
      lenient: true,
      normalize: false
    });
    if (!result.ok)
      throw RegistryErrors.internal(`Stored schema ${entry.id} cannot be parsed: ${result.message}`);
    this.storedCache.set(entry, result.schema);
    return result.schema;
  }
  schemaTypeOf(req) {
    const t = (req.schemaType ?? "AVRO").toUpperCase();
    if (t !== "AVRO" && t !== "JSON" && t !== "PROTOBUF")
      throw RegistryErrors.invalidSchema(`Invalid schema type ${req.schemaType ?? ""}`);
    return t;
  }
  /** Parses a request's schema with its references; an invalid one is a 42201. */
  prepareRequest(req, subject, options) {
    const type = this.schemaTypeOf(req);
    const context = contextOf(subject);
    const pinned = req.references.map((r) => r.version === LATEST ? this.pinLatest(r, context) : r);
    const result = this.engine.prepare(req.schema ?? "", type, {
      references: this.resolveReferences(pinned, context, { liveOnly: !options.lenient }),
      ...options
    });
    if (!result.ok) throw RegistryErrors.invalidSchema(result.message);
    return { prepared: result.schema, refs: options.normalize ? sortedReferences(pinned) : pinned };
  }
  pinLatest(r, context) {
    const latest = this.state.latestLive(qualifyWithParent(context, r.subject));
    if (latest === void 0)
      throw RegistryErrors.invalidSchema(
        `Invalid schema: reference '${r.name}' to subject '${r.subject}' has no live version`
      );
    return { ...r, version: latest.version };
  }
  previousLive(subject) {
    return this.state.versions(subject).map((v) => this.previousVersion(v));
  }
  previousVersion(v) {
    const entry = this.schemaOf(v);
    return {
      version: v.version,
      schema: this.storedSchema(entry, contextOf(v.subject)),
      metadata: entry.metadata
    };
  }
  schemaOf(v) {
    const s = this.state.schemaAt(v);
    if (s === void 0)
      throw RegistryErrors.storeError(
        `Schema ${v.id} of subject '${v.subject}' version ${v.version} is missing`
      );
    return s;
  }
  // ---- register and lookup -------------------------------------------------------------------
  /**
   * A schema the subject already holds live is answered before any mode check, as the registry's
   * registerOrForward does: auto-registering clients keep working in READONLY and IMPORT mode.
   */
  alreadyRegistered(subject, sent, req, normalizeParam) {
    if ((req.schema ?? "") === "") return void 0;
    const config = this.settings.effectiveConfig(subject);
    const tagged = sent.schemaTagsToAdd !== void 0 || sent.schemaTagsToRemove !== void 0;
    if (hasDefaultsOrOverrides(config) || tagged || req.propagateSchemaTags === true) return void 0;
    const mode = this.settings.effectiveMode(subject);
    const importing = mode === "IMPORT" || mode === "FORWARD";
    const normalize = !importing && (normalizeParam || config.normalize === true);
    try {
      return this.findForRegister(subject, req, normalize, importing);
    } catch {
      return void 0;
    }
  }
  /** `force` skips the compatibility check, as IMPORT mode does (the registry's `force=true`). */
  register(subject, sent, normalizeParam, force = false) {
    const name = parseSubject(subject).name;
    if (this.options.rejectEmptySubject && (name === "" || name === "*"))
      throw RegistryErrors.invalidSubject(subject === "" ? ":.:" : subject);
    const req = this.withTags(
      this.options.ruleSets === "drop" ? { ...sent, ruleSet: void 0 } : sent,
      subject
    );
    const existing = this.alreadyRegistered(subject, sent, req, normalizeParam);
    if (existing !== void 0) return registerView(existing.version, existing.entry, this.shapes);
    const mode = this.requireWritable(subject);
    const importing = mode === "IMPORT" || mode === "FORWARD";
    if (req.id !== void 0 && !importing)
      throw RegistryErrors.notPermitted(`Subject ${subject} is not in import or forward mode`);
    if (req.id === void 0 && importing)
      throw RegistryErrors.notPermitted(
        `Subject ${subject} in context ${contextInMessage(subject)} is not in read-write mode`
      );
    validateRuleSet(req.ruleSet);
    const config = this.settings.effectiveConfig(subject);
    const normalize = !importing && (normalizeParam || config.normalize === true);
    const versions = this.state.subjects.get(subject) ?? [];
    const highest = versions[versions.length - 1]?.version ?? 0;
    const latest = this.state.latestLive(subject);
    const latestSchema = latest === void 0 ? void 0 : this.schemaOf(latest);
    let request = req;
    if ((req.schema ?? "") === "") {
      if (latestSchema === void 0 || importing) throw RegistryErrors.invalidSchema("Empty schema");
      request = {
        ...req,
        schema: latestSchema.schema,
        schemaType: latestSchema.schemaType,
        references: latestSchema.references
      };
    }
    if (req.propagateSchemaTags === true && latestSchema !== void 0 && !importing)
      request = this.propagateTags(request, latestSchema, subject);
    const contract = importing ? { metadata: req.metadata, ruleSet: req.ruleSet } : mergeContract(config, { metadata: req.metadata, ruleSet: req.ruleSet }, latestSchema, {
      version: highest + 1,
      requested: req.version !== void 0
    });
    const lenient = importing || config.validateNewSchemas === false;
    const { prepared, refs } = this.prepareRequest(request, subject, {
      lenient,
      normalize,
      validateFields: config.validateFields === true
    });
    const { metadata, ruleSet } = contract;
    const key = identityKey(prepared.schemaType, prepared.canonical, refs, metadata, ruleSet);
    const candidate = { prepared, refs, metadata, ruleSet };
    if (req.version === void 0) {
      const live = versions.filter((v) => !v.deleted);
      for (let i = live.length - 1; i >= 0; i--) {
        const v = live[i];
        const s = this.schemaOf(v);
        if (keyOf2(s) === key && (req.id === void 0 || req.id === s.id))
          return registerView(v, s, this.shapes);
      }
      if (!importing) {
        const same = findOnce(this, subject, candidate, { deleted: false, latestOnly: false });
        if (same !== void 0) return registerView(same.version, same.entry, this.shapes);
      }
    }
    const space = this.state.spaceOf(subject);
    let id;
    let version;
    if (importing) {
      id = req.id;
      const holder = space.held(id);
      if (holder !== void 0 && keyOf2(holder) !== key) {
        throw RegistryErrors.notPermitted(
          `Overwrite new schema with id ${id} in context ${contextInMessage(subject)} is not permitted.`
        );
      }
      version = req.version !== void 0 && req.version > 0 ? req.version : highest + 1;
      const taken = this.state.version(subject, version);
      if (taken !== void 0 && taken.id !== id) {
        throw RegistryErrors.invalidSchema(
          `Version ${version} of subject '${subject}' already exists with a different schema`
        );
      }
    } else {
      if (!force) {
        const outcome = this.checkAgainstPrevious(config, candidate, this.previousLive(subject));
        if (!outcome.compatible) throw RegistryErrors.incompatible(subject, outcome.messages, this.shapes);
      }
      if (req.version !== void 0 && req.version > 0 && req.version !== highest + 1) {
        throw RegistryErrors.invalidSchema("Version is not one more than previous version");
      }
      const same = space.idOfKey(key);
      id = same !== void 0 && space.held(same) !== void 0 ? same : space.maxId + 1;
      version = highest + 1;
    }
    const existingEntry = space.schemas.get(id);
    const known = existingEntry !== void 0 && keyOf2(existingEntry) === key ? existingEntry : void 0;
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
    if (Buffer.byteLength(JSON.stringify({ subject, version, ...stored })) > this.options.maxSchemaBytes)
      throw RegistryErrors.schemaTooLarge();
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
  /**
   * A request that adds or removes schema tags is the tagged schema, registered as a new version
   * (`version` -1 unless given, so `confluent:version` is set), as the registry's `toSchemaWithTags`.
   */
  withTags(req, subject) {
    if (req.schemaTagsToAdd === void 0 && req.schemaTagsToRemove === void 0) return req;
    const { prepared } = this.prepareRequest(req, subject, { lenient: true, normalize: false });
    const schema = applySchemaTags(
      prepared.parsed,
      prepared.canonical,
      req.schemaTagsToAdd ?? [],
      req.schemaTagsToRemove ?? []
    );
    const { schemaTagsToAdd: _add, schemaTagsToRemove: _remove, ...rest } = req;
    return { ...rest, schema, version: req.version ?? LATEST };
  }
  /** `propagateSchemaTags`: the latest version's tags added to the new schema. */
  propagateTags(req, latest, subject) {
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
  findForRegister(subject, req, normalize, importing) {
    const latestOnly = req.version === LATEST;
    const { prepared, refs } = this.prepareRequest(req, subject, { lenient: true, normalize });
    const candidate = { prepared, refs, metadata: req.metadata, ruleSet: req.ruleSet };
    const found = findOnce(this, subject, candidate, { deleted: false, latestOnly });
    if (found === void 0) return void 0;
    if (req.version === void 0 || latestOnly) {
      if (req.id === void 0 || req.id === found.entry.id) return found;
    } else if (importing && req.id === found.entry.id && req.version === found.version.version) {
      return found;
    }
    return void 0;
  }
  lookup(subject, req, normalizeParam, deleted) {
    const config = this.settings.effectiveConfig(subject);
    const normalize = normalizeParam || config.normalize === true;
    const { prepared, refs } = this.prepareRequest(req, subject, { lenient: true, normalize });
    const exists = deleted ? (this.state.subjects.get(subject)?.length ?? 0) > 0 : this.state.latestLive(subject) !== void 0;
    if (!exists) throw RegistryErrors.subjectNotFound(subject);
    const candidate = { prepared, refs, metadata: req.metadata, ruleSet: req.ruleSet };
    const found = findInSubject(this, subject, config, candidate, { deleted, latestOnly: false });
    if (found === void 0) throw RegistryErrors.schemaNotFound();
    return found;
  }
  /**
   * The register check (§4.8): reserved fields when `validateFields` is on, then the level against
   * the earlier versions in the candidate's `compatibilityGroup` (when the config names one).
   */
  checkAgainstPrevious(config, candidate, previous) {
    const level = RegistrySettings.levelOf(config);
    const validateFields = config.validateFields === true;
    const latest = previous[previous.length - 1];
    const reserved = validateFields ? reservedFieldMessages(candidate.prepared, candidate.metadata, latest?.metadata, latest !== void 0) : [];
    const group = config.compatibilityGroup;
    let against = previous;
    if (group !== void 0) {
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
  compatibility(subject, version, req, normalizeParam, verbose) {
    const config = this.settings.effectiveConfig(subject);
    let previous;
    if (version === void 0) previous = this.previousLive(subject);
    else {
      const v = version === LATEST ? this.state.latestLive(subject) : this.state.version(subject, version);
      if (version !== LATEST && (v === void 0 || v.deleted)) throw RegistryErrors.versionNotFound(version);
      previous = v === void 0 ? [] : [this.previousVersion(v)];
    }
    let candidate;
    try {
      candidate = this.prepareRequest(req, subject, {
        lenient: config.validateNewSchemas === false,
        normalize: normalizeParam || config.normalize === true,
        validateFields: config.validateFields === true
      });
    } catch (e) {
      if (verbose && e instanceof Error && "errorCode" in e && e.errorCode === 42201)
        return { compatible: false, messages: [e.message] };
      throw e;
    }
    const level = RegistrySettings.levelOf(config);
    const effective = version === void 0 ? config : { ...config, compatibilityLevel: level.replace("_TRANSITIVE", "") };
    return this.checkAgainstPrevious(
      effective,
      { prepared: candidate.prepared, metadata: req.metadata },
      previous
    );
  }
  // ---- deletes -------------------------------------------------------------------------------
  /** In the registry's order: the version (40401/40402/40406), the mode (42205), references (42206), then 40407. */
  deleteVersion(subject, version, permanent) {
    const all = this.state.versions(subject, true);
    if (all.length === 0) throw RegistryErrors.subjectNotFound(subject);
    const entry = version === LATEST ? this.state.latestLive(subject) : this.state.version(subject, version);
    if (entry === void 0) throw RegistryErrors.versionNotFound(version === LATEST ? "latest" : version);
    if (!permanent && entry.deleted) throw RegistryErrors.versionSoftDeleted(subject, entry.version);
    this.requireWritable(subject);
    if (this.state.referrersOf(subject, entry.version, permanent).length > 0)
      throw RegistryErrors.referenceExists(subject, entry.version);
    if (permanent && !entry.deleted) throw RegistryErrors.versionNotSoftDeleted(subject, entry.version);
    this.commit([{ t: permanent ? "hard" : "soft", s: subject, v: [entry.version] }]);
    return entry.version;
  }
  /** `DELETE /contexts/{c}`: refused (42211) while any subject of the context has a version. */
  deleteContext(context) {
    if (this.state.hasSubjectsIn(context)) throw RegistryErrors.contextNotEmpty(formatSubject(context, ""));
    if (context !== DEFAULT_CONTEXT) this.commit([{ t: "ctxdel", c: context }]);
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
    const context = contextOf(subject);
    for (const v of targets) {
      const referrers = this.state.referrersOf(subject, v.version, permanent).filter((r) => r.context !== context || !ownIds.has(r.id));
      if (referrers.length > 0) throw RegistryErrors.referenceExists(subject, v.version);
    }
    const numbers = targets.map((v) => v.version);
    this.commit([{ t: permanent ? "hard" : "soft", s: subject, v: numbers }]);
    return numbers;
  }
};
function sortedReferences(refs) {
  const sorted = [...refs].sort(
    (a, b) => a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.version - b.version
  );
  return sorted.filter(
    (r, i) => sorted.findIndex((o) => o.name === r.name && o.subject === r.subject && o.version === r.version) === i
  );
}

// src/registry/server/id-space.ts
var IdSpace = class {
  constructor(context) {
    this.context = context;
  }
  context;
  schemas = /* @__PURE__ */ new Map();
  /** Schema id → the subject-versions of this context that hold it. */
  holders = /* @__PURE__ */ new Map();
  /** Identity → first id, built on first use: start-up does not pay for hashing every schema. */
  keyIndex;
  maxId = 0;
  /** The id already given to a schema with this identity in this context, if any. */
  idOfKey(key) {
    if (this.keyIndex === void 0) {
      const index = /* @__PURE__ */ new Map();
      for (const s of this.schemas.values()) {
        const k = keyOf2(s);
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
  add(s) {
    const old = this.schemas.get(s.id);
    if (old !== void 0 && (this.held(s.id) !== void 0 || keyOf2(old) === keyOf2(s))) return false;
    this.schemas.set(s.id, s);
    if (this.keyIndex !== void 0) {
      if (old !== void 0 && this.keyIndex.get(keyOf2(old)) === s.id) this.keyIndex.delete(keyOf2(old));
      const known = this.keyIndex.get(keyOf2(s));
      if (known === void 0 || this.held(known) === void 0) this.keyIndex.set(keyOf2(s), s.id);
    }
    if (s.id > this.maxId) this.maxId = s.id;
    return old === void 0 ? {} : { replaced: old };
  }
  /** A schema some version (soft-deleted or not) still holds. */
  held(id) {
    return (this.holders.get(id)?.length ?? 0) > 0 ? this.schemas.get(id) : void 0;
  }
  hold(entry) {
    let held = this.holders.get(entry.id);
    if (held === void 0) this.holders.set(entry.id, held = []);
    held.push(entry);
  }
  unhold(entry) {
    const held = this.holders.get(entry.id);
    if (held === void 0) return;
    const i = held.indexOf(entry);
    if (i >= 0) held.splice(i, 1);
  }
};

// src/registry/server/state.ts
var refKey = (subject, version) => `${version}\0${subject}`;
var RegistryState = class {
  /** Context → its id space; the default context's always exists. */
  spaces = /* @__PURE__ */ new Map();
  defaultSpace;
  /** Named contexts, created by their first registration and gone after `DELETE /contexts/{c}`. */
  namedContexts = /* @__PURE__ */ new Set();
  /** Subject (qualified) → its versions, ascending by version number (soft-deleted ones included). */
  subjects = /* @__PURE__ */ new Map();
  /** `version\0subject` (qualified) → context → ids of schemas whose references name that subject-version. */
  referrers = /* @__PURE__ */ new Map();
  globalConfig;
  /** Configs of subjects and of contexts (`:.ctx:`, `:.__GLOBAL:`). */
  subjectConfigs = /* @__PURE__ */ new Map();
  /** Subject → the alias its own config names (`PUT /config/{s} {"alias": …}`). */
  aliases = /* @__PURE__ */ new Map();
  globalMode;
  subjectModes = /* @__PURE__ */ new Map();
  sortedSubjects;
  /** Counts the events applied: an answer computed at one revision holds until the next. */
  revision = 0;
  constructor() {
    this.defaultSpace = new IdSpace(DEFAULT_CONTEXT);
    this.spaces.set(DEFAULT_CONTEXT, this.defaultSpace);
  }
  apply(e) {
    this.revision++;
    switch (e.t) {
      case "reg": {
        const context = contextOf(e.s);
        const space = this.space(context);
        if (e.schema !== void 0) this.addSchema(space, e.schema);
        else if (!space.schemas.has(e.id)) this.adoptFromOtherContext(space, e.id);
        if (context !== DEFAULT_CONTEXT) this.namedContexts.add(context);
        for (const v of e.drop ?? []) this.removeVersion(e.s, v);
        this.addVersion(space, {
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
          this.aliases.delete(e.s);
          this.subjectModes.delete(e.s);
        }
        break;
      case "config":
        if (e.s === void 0) this.globalConfig = e.c ?? void 0;
        else if (e.c === null) this.subjectConfigs.delete(e.s);
        else this.subjectConfigs.set(e.s, e.c);
        if (e.s !== void 0) {
          if (e.c?.alias === void 0) this.aliases.delete(e.s);
          else this.aliases.set(e.s, e.c.alias);
        }
        break;
      case "mode":
        if (e.s === void 0) this.globalMode = e.m ?? void 0;
        else if (e.m === null) this.subjectModes.delete(e.s);
        else this.subjectModes.set(e.s, e.m);
        break;
      case "ctxdel":
        this.namedContexts.delete(e.c);
        break;
    }
  }
  /** A context's id space, made on first use. */
  space(context) {
    let s = this.spaces.get(context);
    if (s === void 0) this.spaces.set(context, s = new IdSpace(context));
    return s;
  }
  /** The id space of a subject's context. */
  spaceOf(subject) {
    return subject.startsWith(":.") ? this.space(contextOf(subject)) : this.defaultSpace;
  }
  /**
   * The subject-version through which `/schemas/ids/{id}` reads an id (getSchemaKeyUsingContexts):
   * `subject` '' is the default context and `:.ctx:` that context (any holder); a qualified subject
   * must hold the id itself; a plain one is tried in the default context, then in each named context,
   * and else any holder in the default context answers.
   */
  holderOf(id, subject) {
    if (subject === "") return this.defaultSpace.holders.get(id)?.[0];
    const held = (context, name) => this.spaces.get(context)?.holders.get(id)?.find((h) => name === void 0 || h.subject === name);
    const q = parseSubject(subject);
    if (q.name === "") return held(q.context, void 0);
    if (q.context !== DEFAULT_CONTEXT) return held(q.context, subject);
    const direct = held(DEFAULT_CONTEXT, subject);
    if (direct !== void 0) return direct;
    for (const c of this.namedContexts) {
      const h = held(c, formatSubject(c, q.name));
      if (h !== void 0) return h;
    }
    return held(DEFAULT_CONTEXT, void 0);
  }
  /** Whether any subject of the context holds a version, soft-deleted ones included. */
  hasSubjectsIn(context) {
    for (const s of this.subjects.keys()) if (contextOf(s) === context) return true;
    return false;
  }
  /** `.` and every named context, sorted as the registry sorts them. */
  contexts() {
    return [DEFAULT_CONTEXT, ...[...this.namedContexts].sort()];
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
  /** The schema a version holds, from its context's id space. */
  schemaAt(v) {
    return this.spaceOf(v.subject).schemas.get(v.id);
  }
  /** All subject names that hold at least one version, sorted by context, then name. */
  subjectNames() {
    if (this.sortedSubjects === void 0)
      this.sortedSubjects = [...this.subjects.keys()].sort(compareSubjects);
    return this.sortedSubjects;
  }
  /** Schemas whose references name this subject-version and that some version still holds (live only unless `includeDeleted`). */
  referrersOf(subject, version, includeDeleted) {
    const byContext = this.referrers.get(refKey(subject, version));
    if (byContext === void 0) return [];
    const out = [];
    for (const [context, ids] of byContext) {
      const space = this.space(context);
      for (const id of ids) {
        const held = space.holders.get(id) ?? [];
        if (held.some((h) => includeDeleted || !h.deleted)) out.push({ context, id });
      }
    }
    return out.sort((a, b) => a.id - b.id || (a.context < b.context ? -1 : 1));
  }
  addSchema(space, stored) {
    const s = stored;
    const added = space.add(s);
    if (added === false) return;
    if (added.replaced !== void 0) {
      for (const r of added.replaced.references)
        this.referrers.get(refKey(qualifyWithParent(space.context, r.subject), r.version))?.get(space.context)?.delete(s.id);
    }
    for (const r of s.references) {
      const k = refKey(qualifyWithParent(space.context, r.subject), r.version);
      let byContext = this.referrers.get(k);
      if (byContext === void 0) this.referrers.set(k, byContext = /* @__PURE__ */ new Map());
      let ids = byContext.get(space.context);
      if (ids === void 0) byContext.set(space.context, ids = /* @__PURE__ */ new Set());
      ids.add(s.id);
    }
  }
  adoptFromOtherContext(space, id) {
    for (const other of this.spaces.values()) {
      const s = other.schemas.get(id);
      if (s === void 0 || other === space) continue;
      const { key: _key, ...stored } = s;
      this.addSchema(space, stored);
      return;
    }
  }
  addVersion(space, entry) {
    let list = this.subjects.get(entry.subject);
    if (list === void 0) {
      this.subjects.set(entry.subject, list = []);
      this.sortedSubjects = void 0;
    }
    const last = list[list.length - 1];
    if (last === void 0 || last.version < entry.version) list.push(entry);
    else {
      const at = list.findIndex((v) => v.version >= entry.version);
      if (list[at]?.version === entry.version) space.unhold(list[at]);
      list.splice(at, list[at]?.version === entry.version ? 1 : 0, entry);
    }
    space.hold(entry);
  }
  removeVersion(subject, version) {
    const list = this.subjects.get(subject);
    if (list === void 0) return;
    const at = list.findIndex((v) => v.version === version);
    if (at < 0) return;
    const [entry] = list.splice(at, 1);
    if (entry !== void 0) this.spaceOf(subject).unhold(entry);
    if (list.length === 0) {
      this.subjects.delete(subject);
      this.sortedSubjects = void 0;
    }
  }
};

// src/registry/server/server.ts
var DEFAULT_DATA_DIR = ".schemagate/registry";
var DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
var DEFAULT_MAX_SCHEMA_BYTES = 1048588;
async function startRegistryServer(options = {}) {
  const dataDir = resolve2(options.dataDir ?? DEFAULT_DATA_DIR);
  const tls = options.tls === void 0 ? void 0 : loadTls(options.tls);
  const authFile = options.authFile === void 0 ? void 0 : readAuthFile(options.authFile);
  if (options.kafka !== void 0) return startOnKafka(options, options.kafka, tls, authFile);
  try {
    makeDirectory(dataDir);
  } catch (e) {
    throw new SchemagateError(
      "REGISTRY_ERROR",
      `cannot use ${dataDir} as the registry data directory: ${e.message}`
    );
  }
  const release2 = acquireLock(dataDir);
  let log;
  let encoder;
  const state = new RegistryState();
  const started = performance.now();
  let replay;
  try {
    encoder = MetadataEncoder.load(dataDir, options.metadataSecrets ?? secretsFromEnvironment());
    const opened = encoder;
    replay = replayLog(dataDir, (e) => state.apply(opened.decode(e)));
    log = await EventLog.open(dataDir);
  } catch (e) {
    release2();
    throw e;
  }
  const millis = performance.now() - started;
  const atRest = (e) => encoder.encode(e);
  return listen(options, { state, log, atRest, tls, authFile }, async (running) => ({
    ...running,
    dataDir,
    startup: { events: replay.events, millis, tornBytes: replay.tornBytes },
    close: async () => {
      await running.close();
      release2();
    }
  })).catch((e) => {
    release2();
    throw e;
  });
}
async function startOnKafka(options, kafka, tls, authFile) {
  const state = new RegistryState();
  const store = await KafkaRegistryStore.open(state, kafka);
  return listen(options, { state, log: store, tls, authFile, cluster: store }, async (running) => {
    try {
      const replay = await store.replay();
      await store.join(kafka.advertisedUrl ?? running.url);
      return {
        ...running,
        dataDir: "",
        startup: { events: replay.records, millis: replay.millis, tornBytes: 0 },
        kafka: {
          topic: store.topic,
          groupId: store.groupId,
          health: () => store.health(),
          onFatal: (listener) => store.onFatal(listener)
        }
      };
    } catch (e) {
      await running.close();
      throw e;
    }
  }).catch(async (e) => {
    await store.close();
    throw e;
  });
}
async function listen(options, { state, log, atRest = (e) => e, tls, authFile, cluster }, ready) {
  const host = options.host ?? "127.0.0.1";
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const service = new RegistryService(
    state,
    new SchemaEngine(),
    (events) => {
      cluster?.requireWriter();
      for (const e of events) {
        log.append(atRest(e));
        state.apply(e);
      }
    },
    {
      shapes: options.shapes ?? "7",
      maxSchemaBytes: options.maxSchemaBytes ?? DEFAULT_MAX_SCHEMA_BYTES,
      rejectEmptySubject: options.rejectEmptySubject ?? false,
      referenceVersionsStrict: options.referenceVersionsStrict ?? false,
      ruleSets: options.ruleSets ?? "keep"
    }
  );
  const router = buildRouter();
  const gate = authFile === void 0 ? void 0 : new Gate(
    authFile,
    (id) => state.spaceOf("").holders.get(id)?.map((v) => v.subject) ?? []
  );
  const site = { router, service, log, maxBody, gate, cluster };
  const listener = (req, res) => new Exchange(req, res, site).start();
  const server = tls === void 0 ? createServer({ keepAliveTimeout: 3e4 }, listener) : createHttpsServer({ ...tls, keepAliveTimeout: 3e4 }, listener);
  if (tls?.requestCert === true && tls.rejectUnauthorized === false)
    server.on("secureConnection", refuseBadClientCertificate);
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
    const code = e.code;
    const why = code === "EADDRINUSE" ? "the port is in use (choose another with --port, or 0 for a free one)" : e.message;
    throw new SchemagateError("REGISTRY_ERROR", `cannot listen on ${host}:${wanted}: ${why}`);
  }
  const port = server.address().port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  let closing;
  return ready({
    url: `${tls === void 0 ? "http" : "https"}://${shownHost}:${port}`,
    port,
    close() {
      closing ??= (async () => {
        const stopped = new Promise((ok) => server.close(() => ok()));
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1e3).unref();
        await stopped;
        await log.close();
      })();
      return closing;
    }
  });
}
function secretsFromEnvironment() {
  return {
    secret: process.env["METADATA_ENCODER_SECRET"],
    oldSecret: process.env["METADATA_ENCODER_OLD_SECRET"]
  };
}

export {
  HASH_ALGORITHMS,
  DEFAULT_HASH_ALGORITHM,
  hashPassword,
  newSalt,
  parseAuthFile,
  withUser,
  CLIENT_AUTH_VALUES,
  DEFAULT_DATA_DIR,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_SCHEMA_BYTES,
  startRegistryServer
};
