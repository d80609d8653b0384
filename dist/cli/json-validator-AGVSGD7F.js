import {
  SerdeError
} from "./chunk-4SLUN3ZN.js";
import "./chunk-6BBU6Q3O.js";

// src/serde/json-validator.ts
import { Ajv } from "ajv";
import { Ajv2019 } from "ajv/dist/2019.js";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// src/serde/registry.ts
function statusOf(error) {
  if (typeof error === "object" && error !== null && "status" in error) {
    const status = error.status;
    if (typeof status === "number") return status;
  }
  return void 0;
}
function isTransient(error) {
  const status = statusOf(error);
  return status === void 0 || status === 0 || status === 429 || status >= 500;
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}
async function subjectCall(what, subject, call) {
  try {
    return await call();
  } catch (error) {
    throw registryFailure(`${what} for subject ${subject} failed`, error, {}, { subject });
  }
}
function registryFailure(what, error, context, details) {
  return new SerdeError("REGISTRY_FAILURE", `${what}: ${messageOf(error)}`, context, {
    ...details,
    retryable: isTransient(error),
    cause: error
  });
}

// src/serde/json-validator.ts
var addFormats = addFormatsModule.default ?? addFormatsModule;
function parseJsonSchema(source) {
  if (typeof source !== "string") return source;
  try {
    const value = JSON.parse(source);
    if (typeof value !== "object" && typeof value !== "boolean")
      throw new Error("a JSON Schema is an object or a boolean");
    return value;
  } catch (error) {
    throw new SerdeError(
      "INVALID_SCHEMA",
      `invalid JSON Schema: ${error.message}`,
      {},
      { cause: error }
    );
  }
}
async function compileJsonSchema(registry, schema, options = {}) {
  const document = parseJsonSchema(schema.schema);
  const ajv = newAjv(document, options);
  if (registry !== void 0) await addReferences(ajv, registry, schema.references ?? [], /* @__PURE__ */ new Set());
  try {
    return ajv.compile(document);
  } catch (error) {
    throw new SerdeError(
      "INVALID_SCHEMA",
      `JSON Schema does not compile: ${error.message}`,
      {},
      { cause: error }
    );
  }
}
function newAjv(document, options) {
  const dialect = document.$schema;
  const settings = { strict: false, allErrors: false, ...options };
  const ajv = typeof dialect === "string" && dialect.includes("2020-12") ? new Ajv2020(settings) : typeof dialect === "string" && dialect.includes("2019-09") ? new Ajv2019(settings) : new Ajv(settings);
  addFormats(ajv);
  return ajv;
}
async function addReferences(ajv, registry, references, seen) {
  for (const reference of references) {
    if (seen.has(reference.name)) continue;
    seen.add(reference.name);
    const version = await subjectCall(
      `fetching reference ${reference.name} (version ${reference.version})`,
      reference.subject,
      () => registry.getVersion(reference.subject, reference.version)
    );
    await addReferences(ajv, registry, version.references ?? [], seen);
    const document = parseJsonSchema(version.schema);
    ajv.addSchema(
      document.$id === reference.name ? document : { ...document, $id: reference.name }
    );
  }
}
function describeJsonErrors(errors) {
  const list = errors ?? [];
  const paths = list.map((e) => e.instancePath || "/");
  const text = list.slice(0, 5).map((e) => `${e.instancePath || "(root)"}: ${e.message ?? e.keyword}`).join("; ");
  return { text, paths };
}
export {
  compileJsonSchema,
  describeJsonErrors,
  parseJsonSchema
};
