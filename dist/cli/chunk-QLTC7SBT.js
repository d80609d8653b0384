import {
  isNamed
} from "./chunk-J5VQF3U6.js";
import {
  joinPointer
} from "./chunk-L6DUB6QO.js";
import {
  SerdeError
} from "./chunk-4SLUN3ZN.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/formats/avro/json-data.ts
var INT_MIN = -(2 ** 31);
var INT_MAX = 2 ** 31 - 1;
var LONG_LIMIT = 2 ** 63;
var NON_NUMBERS = /* @__PURE__ */ new Set(["NaN", "Infinity", "-Infinity"]);
function readAvroJson(type, value) {
  return read(type, value, "");
}
function describe(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object";
  if (typeof v === "string") return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v === "number" ? "the number" : "the boolean"} ${String(v)}`;
}
var expected = (what, v, path) => ({
  path,
  reason: `expected ${what}, got ${describe(v)}`
});
function read(type, v, path) {
  switch (type.kind) {
    case "null":
      return v === null ? void 0 : expected("null", v, path);
    case "boolean":
      return typeof v === "boolean" ? void 0 : expected("a boolean", v, path);
    case "int":
    case "long": {
      if (typeof v !== "number") return expected(type.kind === "int" ? "an int" : "a long", v, path);
      if (!Number.isInteger(v)) return { path, reason: `${v} is not an integer (${type.kind})` };
      const inRange = type.kind === "int" ? v >= INT_MIN && v <= INT_MAX : v >= -LONG_LIMIT && v < LONG_LIMIT;
      return inRange ? void 0 : { path, reason: `${v} is out of the range of ${type.kind}` };
    }
    case "float":
    case "double":
      return typeof v === "number" || typeof v === "string" && NON_NUMBERS.has(v) ? void 0 : expected(`a ${type.kind} (a number, or "NaN", "Infinity", "-Infinity")`, v, path);
    case "string":
      return typeof v === "string" ? void 0 : expected("a string", v, path);
    case "bytes":
      return typeof v === "string" ? latin1(v, path) : expected("bytes (a string of ISO-8859-1 characters)", v, path);
    case "fixed": {
      if (typeof v !== "string") return expected(`fixed '${type.fullName}' (a string)`, v, path);
      const issue = latin1(v, path);
      if (issue !== void 0) return issue;
      return v.length === type.size ? void 0 : { path, reason: `fixed '${type.fullName}' has ${type.size} bytes, the string has ${v.length}` };
    }
    case "enum":
      if (typeof v !== "string") return expected(`a symbol of enum '${type.fullName}'`, v, path);
      return type.symbols.includes(v) ? void 0 : { path, reason: `'${v}' is not a symbol of enum '${type.fullName}' (${type.symbols.join(", ")})` };
    case "array":
      if (!Array.isArray(v)) return expected("an array", v, path);
      for (let i = 0; i < v.length; i++) {
        const issue = read(type.items, v[i], joinPointer(path, i));
        if (issue !== void 0) return issue;
      }
      return void 0;
    case "map":
      if (!isObject(v)) return expected("a map (an object)", v, path);
      for (const [k, item] of Object.entries(v)) {
        const issue = read(type.values, item, joinPointer(path, k));
        if (issue !== void 0) return issue;
      }
      return void 0;
    case "record":
      if (!isObject(v)) return expected(`record '${type.fullName}' (an object)`, v, path);
      for (const field of type.fields) {
        const at = joinPointer(path, field.name);
        if (!Object.hasOwn(v, field.name))
          return {
            path: at,
            reason: `field '${field.name}' of '${type.fullName}' is missing (the JSON encoding needs every field, even one with a default)`
          };
        const issue = read(field.type, v[field.name], at);
        if (issue !== void 0) return issue;
      }
      return void 0;
    case "union":
      return readUnion(type.branches, v, path);
  }
}
function readUnion(branches, v, path) {
  const label = (t) => isNamed(t) ? t.fullName : t.kind;
  const labels = branches.map(label);
  if (v === null) {
    return branches.some((b) => b.kind === "null") ? void 0 : { path, reason: `null is not a branch of the union [${labels.join(", ")}]` };
  }
  const keys = isObject(v) ? Object.keys(v) : [];
  const key = keys[0];
  if (!isObject(v) || key === void 0)
    return {
      path,
      reason: `a union value is written {"<branch>": value} (branches: ${labels.join(", ")}), got ${describe(v)}`
    };
  const branch = branches.find((b) => label(b) === key && b.kind !== "null");
  if (branch === void 0)
    return {
      path,
      reason: `'${key}' is not a branch of the union (${labels.join(", ")}; named types by full name)`
    };
  return read(branch, v[key], joinPointer(path, key));
}
function latin1(s, path) {
  for (let i = 0; i < s.length; i++)
    if (s.charCodeAt(i) > 255)
      return {
        path,
        reason: `character ${i + 1} (U+${s.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0")}) is not ISO-8859-1: bytes are written one character per byte, \\u0000 to \\u00ff`
      };
  return void 0;
}
function isObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

// src/validate/reference-texts.ts
var ReferenceTexts = class {
  texts;
  constructor(references) {
    this.texts = new Map(references.map((r) => [r.name, r.text]));
  }
  /** The references as the serializers name them. */
  references() {
    return [...this.texts.keys()].map((name) => ({ name, subject: name, version: 1 }));
  }
  async getVersion(subject) {
    const text = this.texts.get(subject);
    if (text === void 0)
      throw new SerdeError("INVALID_SCHEMA", `no referenced document named '${subject}'`);
    return { schema: text, schemaType: "JSON", id: 0, version: 1 };
  }
  register() {
    throw new SerdeError("INVALID_SCHEMA", "referenced documents are read only");
  }
  lookup() {
    throw new SerdeError("INVALID_SCHEMA", "referenced documents are read only");
  }
  getSchemaById() {
    throw new SerdeError("INVALID_SCHEMA", "referenced documents have no ids");
  }
};

// src/validate/check-message.ts
async function messageChecker(schema, label, references = []) {
  if (schema.format === "avro") {
    const root = schema.root;
    return (message) => readAvroJson(root, message);
  }
  if (schema.format === "json") {
    const { compileJsonSchema } = await import("./json-validator-AGVSGD7F.js");
    let validate;
    try {
      const texts = new ReferenceTexts(references);
      validate = await compileJsonSchema(references.length === 0 ? void 0 : texts, {
        schema: schema.text,
        schemaType: "JSON",
        references: texts.references()
      });
    } catch (e) {
      throw new SchemagateError("INVALID_SCHEMA", `${label}: ${e.message}`);
    }
    return (message) => {
      if (validate(message)) return void 0;
      const first = validate.errors?.[0];
      return {
        path: first?.instancePath ?? "",
        reason: first === void 0 ? "does not match the schema" : `${first.message ?? first.keyword} (${first.keyword})`
      };
    };
  }
  throw new SchemagateError(
    "INVALID_ARGUMENT",
    `${label}: validating messages against Protobuf schemas is not supported yet (Avro and JSON Schema are)`
  );
}

export {
  readAvroJson,
  messageChecker
};
