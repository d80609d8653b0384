import {
  registryStatus
} from "./chunk-ZVVA4YSN.js";
import {
  collectCandidates
} from "./chunk-PSNFSWT3.js";
import {
  connectRegistry
} from "./chunk-AUSPXLXI.js";
import {
  parseProtobuf,
  resolveName
} from "./chunk-VYU3HDXB.js";
import {
  buildVersions
} from "./chunk-DCVPW6IE.js";
import {
  NameIndex,
  loadFormat,
  loadSchema
} from "./chunk-AYQYXMTB.js";
import {
  candidateFiles,
  resolveBase,
  resolveRevision
} from "./chunk-JG5DLF5R.js";
import {
  prefetchFirstParentChain,
  readFileHistories
} from "./chunk-AACIVGT5.js";
import {
  loadConfig
} from "./chunk-GZ7YKJFV.js";
import {
  readBlobs,
  repoRoot,
  runGit
} from "./chunk-X223GS44.js";
import {
  sameSubjectIn,
  subjectSettings
} from "./chunk-MYU7MPXZ.js";
import {
  checkCompatibility
} from "./chunk-4JLVD5MI.js";
import {
  detectFormat,
  directionsOf
} from "./chunk-KVYAH4SS.js";
import {
  SCALAR_TYPES,
  emptyMessage,
  mapTypes
} from "./chunk-Q2EUGLQR.js";

// src/site/avro-types.ts
var PRIMITIVES = /* @__PURE__ */ new Set(["null", "boolean", "int", "long", "float", "double", "bytes", "string"]);
function isObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
var AvroNames = class {
  named = /* @__PURE__ */ new Map();
  constructor(schemas) {
    for (const s of schemas) this.collect(s, "");
  }
  collect(s, namespace) {
    if (Array.isArray(s)) {
      for (const b of s) this.collect(b, namespace);
      return;
    }
    if (!isObject(s)) return;
    const type = s["type"];
    if (typeof type === "string" && ["record", "error", "enum", "fixed"].includes(type)) {
      const full = fullName(s, namespace);
      if (full !== void 0 && !this.named.has(full.name))
        this.named.set(full.name, { schema: s, namespace: full.namespace });
      const inner = full?.namespace ?? namespace;
      const fields2 = s["fields"];
      if (Array.isArray(fields2)) {
        for (const f of fields2) if (isObject(f)) this.collect(f["type"] ?? null, inner);
      }
      return;
    }
    if (isObject(type) || Array.isArray(type)) this.collect(type, namespace);
    if (s["items"] !== void 0) this.collect(s["items"], namespace);
    if (s["values"] !== void 0) this.collect(s["values"], namespace);
  }
  /** The schema a type name stands for, looked up as written and in the enclosing namespace. */
  resolve(name, namespace) {
    return (name.includes(".") ? void 0 : this.named.get(namespace === "" ? name : `${namespace}.${name}`)) ?? this.named.get(name);
  }
};
function fullName(s, namespace) {
  const name = s["name"];
  if (typeof name !== "string") return void 0;
  if (name.includes(".")) return { name, namespace: name.slice(0, name.lastIndexOf(".")) };
  const ns = typeof s["namespace"] === "string" ? s["namespace"] : namespace;
  return { name: ns === "" ? name : `${ns}.${name}`, namespace: ns };
}
function nodeOf(s, namespace, names) {
  if (typeof s === "string") {
    if (PRIMITIVES.has(s)) return { kind: "primitive", type: s, logical: void 0 };
    const hit = names.resolve(s, namespace);
    return hit === void 0 ? { kind: "unknown", text: s } : nodeOf(hit.schema, hit.namespace, names);
  }
  if (Array.isArray(s)) return { kind: "union", branches: s, namespace };
  if (!isObject(s)) return { kind: "unknown", text: JSON.stringify(s) };
  const type = s["type"];
  const logical = typeof s["logicalType"] === "string" ? s["logicalType"] : void 0;
  if (typeof type !== "string") return nodeOf(type ?? null, namespace, names);
  const full = fullName(s, namespace);
  switch (type) {
    case "record":
    case "error":
      return { kind: "record", name: full?.name ?? "?", schema: s, namespace: full?.namespace ?? namespace };
    case "enum":
      return {
        kind: "enum",
        name: full?.name ?? "?",
        symbols: Array.isArray(s["symbols"]) ? s["symbols"].filter((x) => typeof x === "string") : []
      };
    case "fixed":
      return { kind: "fixed", name: full?.name ?? "?", size: Number(s["size"] ?? 0), logical };
    case "array":
      return { kind: "array", items: s["items"] ?? null, namespace };
    case "map":
      return { kind: "map", values: s["values"] ?? null, namespace };
    default:
      if (PRIMITIVES.has(type)) return { kind: "primitive", type, logical };
      return nodeOf(type, namespace, names);
  }
}
function describe(s, namespace, names) {
  const n = nodeOf(s, namespace, names);
  switch (n.kind) {
    case "primitive":
      return n.logical === void 0 ? n.type : `${n.type} (${n.logical})`;
    case "record":
      return `record ${n.name}`;
    case "enum":
      return `enum ${n.name} {${n.symbols.join(", ")}}`;
    case "fixed":
      return `fixed ${n.name}[${n.size}]${n.logical === void 0 ? "" : ` (${n.logical})`}`;
    case "array":
      return `array<${describe(n.items, n.namespace, names)}>`;
    case "map":
      return `map<${describe(n.values, n.namespace, names)}>`;
    case "union":
      return n.branches.map((b) => describe(b, n.namespace, names)).join(" | ");
    case "unknown":
      return n.text;
  }
}
function branchName(s, namespace, names) {
  const n = nodeOf(s, namespace, names);
  switch (n.kind) {
    case "primitive":
      return n.type;
    case "record":
    case "enum":
    case "fixed":
      return n.name;
    case "array":
      return "array";
    case "map":
      return "map";
    default:
      return "unknown";
  }
}

// src/site/avro-size.ts
function avroBinarySize(schema, others, value2) {
  const names = new AvroNames([schema, ...others]);
  try {
    return size(schema, "", value2);
  } catch {
    return void 0;
  }
  function size(s, namespace, v) {
    const n = nodeOf(s, namespace, names);
    switch (n.kind) {
      case "primitive":
        return primitive(n.type, v);
      case "record": {
        if (!isObject(v)) throw new Error("record");
        let total = 0;
        for (const f of Array.isArray(n.schema["fields"]) ? n.schema["fields"] : [])
          if (isObject(f) && typeof f["name"] === "string")
            total += size(f["type"] ?? null, n.namespace, v[f["name"]] ?? null);
        return total;
      }
      case "enum": {
        const i = n.symbols.indexOf(String(v));
        if (i < 0) throw new Error("enum");
        return varint(i);
      }
      case "fixed":
        return n.size;
      case "array": {
        if (!Array.isArray(v)) throw new Error("array");
        return (v.length === 0 ? 0 : varint(v.length)) + v.reduce((t, x) => t + size(n.items, n.namespace, x), 0) + 1;
      }
      case "map": {
        if (!isObject(v)) throw new Error("map");
        const entries = Object.entries(v);
        return (entries.length === 0 ? 0 : varint(entries.length)) + entries.reduce((t, [k, x]) => t + text(k) + size(n.values, n.namespace, x), 0) + 1;
      }
      case "union": {
        if (v === null) {
          const i2 = n.branches.findIndex((b) => branchName(b, n.namespace, names) === "null");
          if (i2 < 0) throw new Error("union");
          return varint(i2);
        }
        if (!isObject(v)) throw new Error("union");
        const [key, inner] = Object.entries(v)[0] ?? [];
        const i = n.branches.findIndex((b) => branchName(b, n.namespace, names) === key);
        if (i < 0 || inner === void 0) throw new Error("union");
        return varint(i) + size(n.branches[i], n.namespace, inner);
      }
      case "unknown":
        throw new Error("unknown type");
    }
  }
}
function primitive(type, v) {
  switch (type) {
    case "null":
      return 0;
    case "boolean":
      return 1;
    case "int":
    case "long":
      return varint(Number(v));
    case "float":
      return 4;
    case "double":
      return 8;
    case "bytes": {
      const s = String(v);
      return varint(s.length) + s.length;
    }
    default:
      return text(String(v));
  }
}
function text(s) {
  const bytes = utf8Length(s);
  return varint(bytes) + bytes;
}
function utf8Length(s) {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0);
    n += c < 128 ? 1 : c < 2048 ? 2 : c < 65536 ? 3 : 4;
  }
  return n;
}
function varint(n) {
  let z = n >= 0 ? 2 * n : -2 * n - 1;
  let len = 1;
  while (z >= 128) {
    z = Math.floor(z / 128);
    len++;
  }
  return len;
}

// src/site/json-refs.ts
var JsonRefs = class {
  constructor(root, references2) {
    this.root = root;
    for (const r of references2) {
      try {
        this.documents.set(r.name.split("#")[0], JSON.parse(r.text));
      } catch {
      }
    }
  }
  root;
  documents = /* @__PURE__ */ new Map();
  /** The schema a node stands for after following `$ref`s (at most a few hops), and the first `$ref` followed. */
  deref(node) {
    let current = node;
    let doc = this.root;
    let first;
    for (let hops = 0; hops < 16 && isObject(current) && typeof current["$ref"] === "string"; hops++) {
      const ref = current["$ref"];
      first ??= ref;
      const [uri = "", fragment = ""] = ref.split("#");
      if (uri !== "") {
        const target = this.documents.get(uri);
        if (target === void 0) return { schema: current, ref: first };
        doc = target;
      }
      const next = pointerGet(doc, fragment);
      if (next === void 0) return { schema: current, ref: first };
      current = next;
    }
    return { schema: current, ref: first };
  }
};
function pointerGet(doc, pointer) {
  if (pointer === "" || pointer === "/") return doc;
  let at = doc;
  for (const raw2 of pointer.replace(/^\//, "").split("/")) {
    const token = decodeURIComponent(raw2).replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(at)) at = at[Number(token)];
    else if (isObject(at)) at = at[token];
    else return void 0;
  }
  return at;
}

// src/site/proto-types.ts
var WELL_KNOWN_JSON = new Set(
  [
    "Any",
    "Timestamp",
    "Duration",
    "FieldMask",
    "Struct",
    "Value",
    "ListValue",
    "NullValue",
    "Empty",
    "DoubleValue",
    "FloatValue",
    "Int64Value",
    "UInt64Value",
    "Int32Value",
    "UInt32Value",
    "BoolValue",
    "StringValue",
    "BytesValue"
  ].map((n) => `google.protobuf.${n}`)
);
function parseProto(text2, references2) {
  const r = parseProtobuf(text2, { lenient: true, references: [...references2] });
  return r.ok ? r.schema : void 0;
}
function firstMessage(schema) {
  const element = schema.proto.types.find((t) => t.kind === "message");
  if (element === void 0) return void 0;
  const pkg = schema.proto.packageName ?? "";
  return {
    fullName: pkg === "" ? element.name : `${pkg}.${element.name}`,
    packageName: pkg,
    source: "",
    element
  };
}
function fieldsOf(m, syntax) {
  const implicit = syntax === "proto3" ? "singular" : "optional";
  const all = [
    ...m.fields.map((f) => plain(f, f.label ?? (mapTypes(f.type) === void 0 ? implicit : "map"))),
    ...m.oneOfs.flatMap((o) => o.fields.map((f) => ({ ...plain(f, `oneof ${o.name}`), oneOf: o.name }))),
    ...m.groups.map((g) => ({
      name: g.name.toLowerCase(),
      tag: g.tag,
      label: g.label ?? implicit,
      oneOf: void 0,
      field: void 0,
      group: g,
      line: g.pos.line,
      column: g.pos.column
    }))
  ];
  return all.sort((a, b) => a.line - b.line || a.tag - b.tag);
}
function plain(f, label) {
  return {
    name: f.name,
    tag: f.tag,
    label,
    oneOf: void 0,
    field: f,
    group: void 0,
    line: f.pos.line,
    column: f.pos.column
  };
}
function resolveType(schema, within, written) {
  if (SCALAR_TYPES.has(written)) return { kind: "scalar", name: written };
  const map = mapTypes(written);
  if (map !== void 0) return { kind: "map", key: map[0], value: resolveType(schema, within, map[1]) };
  const local = within.packageName === "" ? within.fullName : within.fullName.slice(within.packageName.length + 1);
  const full = resolveName((n) => schema.index.type(n), within.packageName, local.split("."), written);
  const info = full === void 0 ? void 0 : schema.index.type(full);
  if (full === void 0 || info === void 0) return { kind: "unresolved", name: written };
  if (WELL_KNOWN_JSON.has(full)) return { kind: "well-known", fullName: full };
  if (info.type.kind === "enum") return { kind: "enum", fullName: full, element: info.type };
  return {
    kind: "message",
    message: { fullName: full, packageName: info.packageName, source: info.source, element: info.type }
  };
}
function groupMessage(parent, g) {
  return {
    fullName: `${parent.fullName}.${g.name}`,
    packageName: parent.packageName,
    source: parent.source,
    element: { ...emptyMessage(g.name, g.pos), fields: g.fields }
  };
}
function syntaxOf(schema, m) {
  const file = m.source === "" ? schema.proto : schema.files.dependencies.get(m.source);
  if (file !== void 0) return file.syntax ?? "proto2";
  return "proto3";
}

// src/site/proto-examples.ts
var MAX_DEPTH = 6;
function protoExamples(text2, references2) {
  const schema = parseProto(text2, references2);
  const top = schema === void 0 ? void 0 : firstMessage(schema);
  if (schema === void 0 || top === void 0) return [];
  const kinds = ["minimal", "full"];
  return kinds.map((kind) => ({ kind, value: message(schema, top, kind, 0), message: top.fullName }));
}
function message(s, m, kind, depth) {
  const full = kind === "full" && depth < MAX_DEPTH;
  const out = {};
  const oneOfsSet = /* @__PURE__ */ new Set();
  for (const f of fieldsOf(m.element, syntaxOf(s, m))) {
    if (!full && f.label !== "required") continue;
    if (f.oneOf !== void 0) {
      if (oneOfsSet.has(f.oneOf)) continue;
      oneOfsSet.add(f.oneOf);
    }
    const name = f.field?.jsonName ?? jsonName(f.name);
    if (f.group !== void 0) {
      const g = message(s, groupMessage(m, f.group), kind, depth + 1);
      out[name] = f.label === "repeated" ? [g] : g;
      continue;
    }
    if (f.field === void 0) continue;
    const type = resolveType(s, m, f.field.type);
    const one = value(s, type, kind, depth + 1);
    out[name] = f.label === "repeated" ? [one] : one;
  }
  return out;
}
function value(s, t, kind, depth) {
  const full = kind === "full";
  switch (t.kind) {
    case "scalar":
      return scalar(t.name, full);
    case "enum": {
      const constants = t.element.constants;
      return (full ? constants.at(-1) : constants[0])?.name ?? null;
    }
    case "message":
      return message(s, t.message, kind, depth);
    case "well-known":
      return wellKnown(t.fullName, full);
    case "map":
      return { [mapKey(t.key)]: value(s, t.value, kind, depth) };
    case "unresolved":
      return null;
  }
}
function scalar(type, full) {
  switch (type) {
    case "int64":
    case "uint64":
    case "sint64":
    case "fixed64":
    case "sfixed64":
      return full ? "42" : "0";
    case "double":
    case "float":
      return full ? 1.5 : 0;
    case "bool":
      return full;
    case "string":
      return full ? "example" : "";
    case "bytes":
      return full ? "AQI=" : "";
    default:
      return full ? 42 : 0;
  }
}
function mapKey(type) {
  if (type === "string") return "key";
  if (type === "bool") return "true";
  return "1";
}
var WRAPPED = {
  DoubleValue: "double",
  FloatValue: "float",
  Int64Value: "int64",
  UInt64Value: "uint64",
  Int32Value: "int32",
  UInt32Value: "uint32",
  BoolValue: "bool",
  StringValue: "string",
  BytesValue: "bytes"
};
function wellKnown(fullName2, full) {
  const name = fullName2.slice("google.protobuf.".length);
  const wrapped = WRAPPED[name];
  if (wrapped !== void 0) return scalar(wrapped, full);
  switch (name) {
    case "Timestamp":
      return full ? "2026-01-01T00:00:00Z" : "1970-01-01T00:00:00Z";
    case "Duration":
      return full ? "1.5s" : "0s";
    case "FieldMask":
      return full ? "example" : "";
    case "Struct":
      return full ? { key: "example" } : {};
    case "Value":
      return full ? "example" : "";
    case "ListValue":
      return full ? ["example"] : [];
    case "NullValue":
      return null;
    default:
      return {};
  }
}
function jsonName(name) {
  return name.replace(/_+(.)?/g, (_, c) => c === void 0 ? "" : c.toUpperCase());
}

// src/site/examples.ts
var MAX_DEPTH2 = 6;
function exampleMessages(format, text2, references2) {
  if (format === "protobuf") return protoExamples(text2, references2);
  let value2;
  try {
    value2 = JSON.parse(text2);
  } catch {
    return [];
  }
  const others = references2.flatMap((r) => {
    try {
      return [JSON.parse(r.text)];
    } catch {
      return [];
    }
  });
  const kinds = ["minimal", "full"];
  if (format === "avro") {
    const names = new AvroNames([value2, ...others]);
    return kinds.map((kind) => ({ kind, value: avroExample(value2, "", names, kind, 0) }));
  }
  if (format === "json") {
    const refs = new JsonRefs(value2, references2);
    return kinds.map((kind) => ({ kind, value: jsonExample(value2, refs, kind, 0) }));
  }
  return [];
}
function avroExample(s, namespace, names, kind, depth) {
  const n = nodeOf(s, namespace, names);
  const full = kind === "full" && depth < MAX_DEPTH2;
  switch (n.kind) {
    case "primitive":
      return avroPrimitive(n.type, n.logical, full);
    case "record": {
      const out = {};
      const fields2 = Array.isArray(n.schema["fields"]) ? n.schema["fields"] : [];
      for (const f of fields2)
        if (isObject(f) && typeof f["name"] === "string")
          out[f["name"]] = avroExample(f["type"] ?? null, n.namespace, names, kind, depth + 1);
      return out;
    }
    case "enum":
      return n.symbols[full ? n.symbols.length - 1 : 0] ?? "";
    case "fixed":
      return "\0".repeat(n.size);
    case "array":
      return full ? [avroExample(n.items, n.namespace, names, kind, depth + 1)] : [];
    case "map":
      return full ? { key: avroExample(n.values, n.namespace, names, kind, depth + 1) } : {};
    case "union": {
      const isNull = (b) => nodeOf(b, n.namespace, names).kind === "primitive" && branchName(b, n.namespace, names) === "null";
      const pick = full ? n.branches.find((b) => !isNull(b)) ?? n.branches[0] : n.branches.find(isNull) ?? n.branches[0];
      if (pick === void 0 || isNull(pick)) return null;
      return {
        [branchName(pick, n.namespace, names)]: avroExample(pick, n.namespace, names, kind, depth + 1)
      };
    }
    case "unknown":
      return null;
  }
}
function avroPrimitive(type, logical, full) {
  switch (type) {
    case "null":
      return null;
    case "boolean":
      return full;
    case "int":
      return logical === "date" ? full ? 2e4 : 0 : full ? 42 : 0;
    case "long":
      return logical?.startsWith("timestamp") === true ? full ? 17672256e5 : 0 : full ? 42 : 0;
    case "float":
    case "double":
      return full ? 1.5 : 0;
    case "bytes":
      return full ? "" : "";
    case "string":
      return logical === "uuid" ? "00000000-0000-4000-8000-000000000000" : full ? "example" : "";
    default:
      return null;
  }
}
function jsonExample(node, refs, kind, depth) {
  const { schema } = refs.deref(node);
  if (schema === true || schema === void 0) return kind === "full" ? "example" : null;
  if (!isObject(schema)) return null;
  if ("const" in schema) return schema["const"] ?? null;
  if (Array.isArray(schema["enum"])) return schema["enum"][0] ?? null;
  if (kind === "full" && "default" in schema) return schema["default"] ?? null;
  if (Array.isArray(schema["examples"]) && schema["examples"].length > 0)
    return schema["examples"][0] ?? null;
  for (const k of ["oneOf", "anyOf"]) {
    const alts = schema[k];
    if (Array.isArray(alts) && alts[0] !== void 0 && schema["type"] === void 0 && schema["properties"] === void 0)
      return jsonExample(alts[0], refs, kind, depth + 1);
  }
  const types = Array.isArray(schema["type"]) ? schema["type"] : [schema["type"] ?? inferType(schema)];
  const type = kind === "minimal" && types.includes("null") ? "null" : types.find((t) => t !== "null") ?? "null";
  switch (type) {
    case "object":
      return jsonObject(schema, refs, kind, depth);
    case "array": {
      const min = typeof schema["minItems"] === "number" ? schema["minItems"] : 0;
      const count = kind === "full" && depth < MAX_DEPTH2 ? Math.max(1, min) : min;
      const items = schema["items"] ?? {};
      return Array.from(
        { length: count },
        () => jsonExample(Array.isArray(items) ? items[0] ?? {} : items, refs, kind, depth + 1)
      );
    }
    case "string":
      return jsonString(schema, kind);
    case "integer":
    case "number":
      return jsonNumber(schema, type, kind);
    case "boolean":
      return kind === "full";
    default:
      return null;
  }
}
function inferType(s) {
  if (s["properties"] !== void 0 || s["required"] !== void 0 || s["allOf"] !== void 0)
    return "object";
  if (s["items"] !== void 0) return "array";
  return "null";
}
function jsonObject(schema, refs, kind, depth) {
  const out = {};
  const parts = [
    schema,
    ...Array.isArray(schema["allOf"]) ? schema["allOf"].map((p) => refs.deref(p).schema) : []
  ];
  for (const part of parts) {
    if (!isObject(part)) continue;
    const props = isObject(part["properties"]) ? part["properties"] : {};
    const required = new Set(Array.isArray(part["required"]) ? part["required"] : []);
    for (const [name, p] of Object.entries(props)) {
      if (name in out) continue;
      if (kind === "minimal" && !required.has(name)) continue;
      if (kind === "full" && depth >= MAX_DEPTH2 && !required.has(name)) continue;
      out[name] = jsonExample(p, refs, kind, depth + 1);
    }
  }
  return out;
}
function jsonString(s, kind) {
  const formats = {
    "date-time": "2026-01-01T00:00:00Z",
    date: "2026-01-01",
    time: "00:00:00Z",
    email: "ada@example.com",
    uri: "https://example.com/",
    uuid: "00000000-0000-4000-8000-000000000000",
    hostname: "example.com",
    ipv4: "192.0.2.1",
    ipv6: "2001:db8::1"
  };
  const fmt = typeof s["format"] === "string" ? formats[s["format"]] : void 0;
  if (fmt !== void 0) return fmt;
  const min = typeof s["minLength"] === "number" ? s["minLength"] : 0;
  const max = typeof s["maxLength"] === "number" ? s["maxLength"] : Infinity;
  const base = kind === "full" ? "example" : "";
  const padded = base.padEnd(min, "x");
  return padded.slice(0, Math.max(min, Math.min(padded.length, max)));
}
function jsonNumber(s, type, kind) {
  const min = typeof s["minimum"] === "number" ? s["minimum"] : typeof s["exclusiveMinimum"] === "number" ? s["exclusiveMinimum"] + 1 : void 0;
  const max = typeof s["maximum"] === "number" ? s["maximum"] : typeof s["exclusiveMaximum"] === "number" ? s["exclusiveMaximum"] - 1 : void 0;
  let v = kind === "full" ? 42 : 0;
  if (min !== void 0 && v < min) v = min;
  if (max !== void 0 && v > max) v = max;
  return type === "integer" ? Math.ceil(v) : v;
}

// src/site/proto-fields.ts
var MAX_DEPTH3 = 8;
function protoFieldTable(text2, references2) {
  const schema = parseProto(text2, references2);
  const top = schema === void 0 ? void 0 : firstMessage(schema);
  if (schema === void 0 || top === void 0) return [];
  const texts = /* @__PURE__ */ new Map([["", text2.split("\n")]]);
  for (const r of references2) texts.set(r.name, r.text.split("\n"));
  const rows = [];
  addMessage(schema, top, "", 0, /* @__PURE__ */ new Set([top.fullName]));
  return rows;
  function addMessage(s, m, prefix, depth, seen) {
    for (const f of fieldsOf(m.element, syntaxOf(s, m))) {
      const path = prefix === "" ? f.name : `${prefix}.${f.name}`;
      const type = f.field === void 0 ? void 0 : resolveType(s, m, f.field.type);
      rows.push({
        path,
        depth,
        name: f.name,
        type: type === void 0 ? `group ${f.group?.name ?? ""}` : describeType(type),
        required: f.label === "required",
        default: defaultOf(f, type),
        doc: commentOf(texts.get(m.source), f.line, f.column),
        aliases: [],
        pointer: m.source === "" ? pointerOf(m, f) : void 0,
        number: f.tag,
        label: f.label
      });
      if (depth + 1 >= MAX_DEPTH3) continue;
      const nested = f.group !== void 0 ? groupMessage(m, f.group) : type === void 0 ? void 0 : messageIn(type);
      if (nested === void 0 || seen.has(nested.fullName)) continue;
      addMessage(s, nested, path, depth + 1, /* @__PURE__ */ new Set([...seen, nested.fullName]));
    }
  }
}
function messageIn(t) {
  if (t.kind === "message") return t.message;
  if (t.kind === "map") return messageIn(t.value);
  return void 0;
}
function describeType(t) {
  switch (t.kind) {
    case "scalar":
      return t.name;
    case "enum":
      return `enum ${t.fullName} {${t.element.constants.map((c) => c.name).join(", ")}}`;
    case "message":
      return `message ${t.message.fullName}`;
    case "well-known":
      return `${t.fullName} (well-known)`;
    case "map":
      return `map<${t.key}, ${describeType(t.value)}>`;
    case "unresolved":
      return t.name;
  }
}
function pointerOf(m, f) {
  const local = m.packageName === "" ? m.fullName : m.fullName.slice(m.packageName.length + 1);
  return `/${local.split(".").join("/")}${f.oneOf === void 0 ? "" : `/${f.oneOf}`}/${f.tag}`;
}
function defaultOf(f, type) {
  const written = f.field?.defaultValue;
  if (written === void 0) return void 0;
  const quoted = type?.kind === "enum" || type?.kind === "scalar" && ["string", "bytes"].includes(type.name);
  return quoted ? JSON.stringify(written) : written;
}
function commentOf(lines, line, column) {
  if (lines === void 0 || (lines[line - 1] ?? "").slice(0, column - 1).trim() !== "") return void 0;
  const leading = [];
  let i = line - 2;
  const blockEnd = (lines[i] ?? "").trim();
  if (blockEnd.endsWith("*/")) {
    const block = [];
    while (i >= 0) {
      const l = (lines[i] ?? "").trim();
      block.unshift(l);
      if (l.startsWith("/*")) break;
      i--;
    }
    const body = block.join("\n").replace(/^\/\*+/, "").replace(/\*+\/$/, "").split("\n").map((l) => l.replace(/^\s*\*\s?/, "").trim()).filter((l) => l !== "");
    if (body.length > 0) return body.join(" ");
  }
  for (; i >= 0; i--) {
    const l = (lines[i] ?? "").trim();
    if (!l.startsWith("//")) break;
    leading.unshift(l.replace(/^\/\/+\s?/, "").trim());
  }
  if (leading.length > 0) return leading.join(" ");
  const own = lines[line - 1] ?? "";
  const trailing = /;\s*\/\/+\s?(.*)$/.exec(own);
  return trailing?.[1] === void 0 || trailing[1].trim() === "" ? void 0 : trailing[1].trim();
}

// src/site/fields.ts
var MAX_DEPTH4 = 8;
function fieldTable(format, text2, references2) {
  if (format === "protobuf") return protoFieldTable(text2, references2);
  let value2;
  try {
    value2 = JSON.parse(text2);
  } catch {
    return [];
  }
  if (format === "avro") return avroFields(value2, references2);
  if (format === "json") return jsonFields(value2, references2);
  return [];
}
function parseAll(references2) {
  return references2.flatMap((r) => {
    try {
      return [JSON.parse(r.text)];
    } catch {
      return [];
    }
  });
}
function avroFields(schema, references2) {
  const names = new AvroNames([schema, ...parseAll(references2)]);
  const rows = [];
  const top = recordsIn(schema, "", "")[0];
  if (top !== void 0) addRecord(top, "", 0, /* @__PURE__ */ new Set([top.name]));
  return rows;
  function addRecord(record, prefix, depth, seen) {
    const fields2 = record.schema["fields"];
    if (!Array.isArray(fields2)) return;
    fields2.forEach((f, i) => {
      if (!isObject(f) || typeof f["name"] !== "string") return;
      const type = f["type"] ?? null;
      const path = prefix === "" ? f["name"] : `${prefix}.${f["name"]}`;
      const pointer = record.pointer === void 0 ? void 0 : `${record.pointer}/fields/${i}`;
      rows.push({
        path,
        depth,
        name: f["name"],
        type: describe(type, record.namespace, names),
        required: !("default" in f),
        default: "default" in f ? JSON.stringify(f["default"]) : void 0,
        doc: typeof f["doc"] === "string" ? f["doc"] : void 0,
        aliases: Array.isArray(f["aliases"]) ? f["aliases"].filter((a) => typeof a === "string") : [],
        pointer
      });
      if (depth + 1 >= MAX_DEPTH4) return;
      for (const nested of recordsIn(
        type,
        record.namespace,
        pointer === void 0 ? void 0 : `${pointer}/type`
      )) {
        if (seen.has(nested.name)) continue;
        addRecord(nested, path, depth + 1, /* @__PURE__ */ new Set([...seen, nested.name]));
      }
    });
  }
  function recordsIn(type, namespace, pointer) {
    const n = nodeOf(type, namespace, names);
    const inline = isObject(type) || Array.isArray(type) ? pointer : void 0;
    const inner = (key) => inline === void 0 ? void 0 : isObject(type) && isObject(type["type"]) ? `${inline}/type/${key}` : `${inline}/${key}`;
    if (n.kind === "record")
      return [
        {
          ...n,
          pointer: isObject(type) && type["type"] === "record" ? inline : isObject(type) && isObject(type["type"]) && inline !== void 0 ? `${inline}/type` : void 0
        }
      ];
    if (n.kind === "union")
      return n.branches.flatMap(
        (b, i) => recordsIn(b, n.namespace, inline === void 0 ? void 0 : `${inline}/${i}`)
      );
    if (n.kind === "array") return recordsIn(n.items, n.namespace, inner("items"));
    if (n.kind === "map") return recordsIn(n.values, n.namespace, inner("values"));
    return [];
  }
}
function jsonFields(schema, references2) {
  const refs = new JsonRefs(schema, references2);
  const rows = [];
  addObject(schema, "", 0, /* @__PURE__ */ new Set(), "");
  return rows;
  function addObject(node, prefix, depth, seen, at) {
    const { schema: s, ref: viaRef } = refs.deref(node);
    const own = isObject(s) && isObject(s["properties"]) ? s["properties"] : {};
    const pointerBase = viaRef === void 0 ? at : void 0;
    if (!isObject(s)) return;
    const props = mergedProperties(s);
    const required = new Set(requiredOf(s));
    for (const [name, raw2] of Object.entries(props)) {
      const { schema: p, ref } = refs.deref(raw2);
      const path = prefix === "" ? name : `${prefix}.${name}`;
      const obj = isObject(p) ? p : {};
      rows.push({
        path,
        depth,
        name,
        type: jsonType(obj, ref),
        required: required.has(name),
        default: "default" in obj ? JSON.stringify(obj["default"]) : void 0,
        doc: typeof obj["description"] === "string" ? obj["description"] : typeof obj["title"] === "string" ? obj["title"] : void 0,
        aliases: [],
        pointer: pointerBase === void 0 || !(name in own) ? void 0 : `${pointerBase}/properties/${escapeToken(name)}`
      });
      if (depth + 1 >= MAX_DEPTH4 || ref !== void 0 && seen.has(ref)) continue;
      const nextSeen = ref === void 0 ? seen : /* @__PURE__ */ new Set([...seen, ref]);
      const here = ref === void 0 && pointerBase !== void 0 && name in own ? `${pointerBase}/properties/${escapeToken(name)}` : void 0;
      if (Object.keys(mergedProperties(obj)).length > 0) addObject(raw2, path, depth + 1, nextSeen, here);
      else if (isObject(obj["items"]))
        addObject(
          obj["items"],
          `${path}[]`,
          depth + 1,
          nextSeen,
          here === void 0 ? void 0 : `${here}/items`
        );
    }
  }
  function mergedProperties(s) {
    const out = {};
    for (const part of Array.isArray(s["allOf"]) ? s["allOf"] : []) {
      const { schema: p } = refs.deref(part);
      if (isObject(p)) Object.assign(out, mergedProperties(p));
    }
    if (isObject(s["properties"])) Object.assign(out, s["properties"]);
    return out;
  }
  function requiredOf(s) {
    const own = Array.isArray(s["required"]) ? s["required"].filter((r) => typeof r === "string") : [];
    const parts = Array.isArray(s["allOf"]) ? s["allOf"] : [];
    return [
      ...own,
      ...parts.flatMap((p) => {
        const { schema: schema2 } = refs.deref(p);
        return isObject(schema2) ? requiredOf(schema2) : [];
      })
    ];
  }
}
function jsonType(s, ref) {
  const named = ref === void 0 ? "" : ` (${ref})`;
  if ("const" in s) return `const ${JSON.stringify(s["const"])}`;
  if (Array.isArray(s["enum"])) return `enum {${s["enum"].map((e) => JSON.stringify(e)).join(", ")}}`;
  const type = Array.isArray(s["type"]) ? s["type"].join(" | ") : typeof s["type"] === "string" ? s["type"] : "";
  const format = typeof s["format"] === "string" ? ` (${s["format"]})` : "";
  if (type === "array" && isObject(s["items"])) {
    const items = s["items"];
    const inner = typeof items["$ref"] === "string" ? items["$ref"] : jsonType(items, void 0);
    return `array<${inner}>${named}`;
  }
  for (const k of ["oneOf", "anyOf"]) {
    const alts = s[k];
    if (Array.isArray(alts))
      return `${k} ${alts.map((a) => isObject(a) ? typeof a["$ref"] === "string" ? a["$ref"] : jsonType(a, void 0) : "?").join(" | ")}`;
  }
  return `${type === "" ? "any" : type}${format}${named}`;
}
function escapeToken(name) {
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}

// src/site/steps.ts
function verdictOf(handler, level, candidate, previous) {
  const result = checkCompatibility(level, candidate, previous, (r, w, c) => handler.check(r, w, c));
  return {
    compatible: result.compatible,
    findings: result.findings.map((f) => ({
      rule: f.errorType,
      against: f.version,
      direction: f.direction,
      message: f.message,
      fix: f.fix
    }))
  };
}
function changesBetween(handler, level, from, to) {
  const checked = directionsOf(level);
  return handler.diff(from, to).map((c) => ({
    kind: c.kind,
    pointer: c.pointer,
    summary: c.summary,
    breaks: c.breaks,
    breaking: c.breaks.some((d) => checked.includes(d))
  }));
}
function compareVersions(handler, level, from, to) {
  const oneStep = level.replace("_TRANSITIVE", "");
  return {
    changes: changesBetween(handler, level, from, to),
    verdict: verdictOf(handler, oneStep, to, [from])
  };
}

// src/site/text-diff.ts
var MAX_CELLS = 4e6;
function lineDiff(oldText, newText) {
  const allA = oldText.replace(/\n$/, "").split("\n");
  const allB = newText.replace(/\n$/, "").split("\n");
  let head = 0;
  while (head < allA.length && head < allB.length && allA[head] === allB[head]) head++;
  let tail = 0;
  while (tail < allA.length - head && tail < allB.length - head && allA[allA.length - 1 - tail] === allB[allB.length - 1 - tail])
    tail++;
  const same = (from, count, offsetB) => Array.from({ length: count }, (_, k) => ({
    op: "same",
    text: allA[from + k],
    oldLine: from + k + 1,
    newLine: from + k + 1 + offsetB
  }));
  const middle = middleDiff(allA.slice(head, allA.length - tail), allB.slice(head, allB.length - tail), head);
  return [...same(0, head, 0), ...middle, ...same(allA.length - tail, tail, allB.length - allA.length)];
}
function middleDiff(a, b, offset) {
  if (a.length * b.length > MAX_CELLS)
    return [
      ...a.map((text2, i2) => ({ op: "del", text: text2, oldLine: offset + i2 + 1, newLine: void 0 })),
      ...b.map((text2, i2) => ({ op: "add", text: text2, oldLine: void 0, newLine: offset + i2 + 1 }))
    ];
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i2 = a.length - 1; i2 >= 0; i2--)
    for (let j2 = b.length - 1; j2 >= 0; j2--)
      lcs[i2 * width + j2] = a[i2] === b[j2] ? lcs[(i2 + 1) * width + j2 + 1] + 1 : Math.max(lcs[(i2 + 1) * width + j2], lcs[i2 * width + j2 + 1]);
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ op: "same", text: a[i], oldLine: offset + i + 1, newLine: offset + j + 1 });
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || lcs[i * width + j + 1] >= lcs[(i + 1) * width + j])) {
      out.push({ op: "add", text: b[j], oldLine: void 0, newLine: offset + j + 1 });
      j++;
    } else {
      out.push({ op: "del", text: a[i], oldLine: offset + i + 1, newLine: void 0 });
      i++;
    }
  }
  return out;
}

// src/site/diff.ts
function diffVersions(handler, format, level, from, to, references2) {
  const { changes, verdict } = compareVersions(handler, level, from.schema, to.schema);
  const rows = alignFields(
    fieldTable(format, from.text, references2),
    fieldTable(format, to.text, references2)
  );
  for (const c of changes) {
    const row3 = rowOf(rows, c);
    if (row3 === void 0) continue;
    row3.changes.push(c);
    for (const d of c.breaks) if (!row3.breaks.includes(d)) row3.breaks.push(d);
    row3.breaking ||= c.breaking;
    if (row3.status === "same") row3.status = "changed";
  }
  return { rows, changes, verdict, text: lineDiff(from.text, to.text) };
}
function rowOf(rows, change) {
  let best;
  let bestLength = -1;
  for (const r of rows) {
    const side2 = change.kind === "removed" ? r.from : r.to;
    const p = side2?.pointer;
    if (p === void 0) continue;
    if ((change.pointer === p || change.pointer.startsWith(`${p}/`)) && p.length > bestLength) {
      best = r;
      bestLength = p.length;
    }
  }
  return best;
}
function alignFields(from, to) {
  const toByPath = new Map(to.map((r) => [r.path, r]));
  const fromByPath = new Map(from.map((r) => [r.path, r]));
  const rows = to.map((t) => row(fromByPath.get(t.path), t));
  let at = 0;
  for (const f of from) {
    const kept = rows.findIndex((r) => r.path === f.path);
    if (kept >= 0) {
      at = kept + 1;
      continue;
    }
    if (!toByPath.has(f.path)) rows.splice(at++, 0, row(f, void 0));
  }
  return rows;
}
function row(from, to) {
  const notes = [];
  if (from !== void 0 && to !== void 0) {
    if (from.type !== to.type) notes.push(`type ${from.type} → ${to.type}`);
    if (from.default !== to.default)
      notes.push(
        from.default === void 0 ? `default ${to.default} added` : to.default === void 0 ? `default ${from.default} removed` : `default ${from.default} → ${to.default}`
      );
    if (from.number !== to.number) notes.push(`number ${from.number} → ${to.number}`);
    if (from.label !== to.label) notes.push(`label ${from.label} → ${to.label}`);
    if (from.doc !== to.doc) notes.push("doc changed");
    if (from.aliases.join() !== to.aliases.join())
      notes.push(`aliases [${from.aliases.join(", ")}] → [${to.aliases.join(", ")}]`);
  }
  const base = to ?? from;
  return {
    path: base.path,
    depth: base.depth,
    status: from === void 0 ? "added" : to === void 0 ? "removed" : notes.length > 0 ? "changed" : "same",
    from,
    to,
    notes,
    changes: [],
    breaks: [],
    breaking: false
  };
}

// src/site-node/drift.ts
async function readRegistryDrift(cwd, url, env) {
  const repo = await collectCandidates(cwd);
  const client = connectRegistry(url, repo.config, env);
  const report = await registryStatus(client, repo.candidates);
  return {
    url: client.url,
    subjects: Object.fromEntries(
      report.subjects.map((s) => [
        s.subject,
        {
          kinds: s.kinds,
          detail: s.detail,
          ...s.registry === void 0 ? {} : { version: s.registry.version }
        }
      ])
    )
  };
}

// src/site-node/history.ts
async function readSubjectHistories(top, config, ref) {
  const base = ref === void 0 ? await resolveBase(top, config) : { ref, commit: await resolveRevision(top, ref) };
  if (base.commit === void 0) return { commit: void 0, ref: base.ref, subjects: [] };
  prefetchFirstParentChain(top, base.commit);
  const [history2, atCommit] = await Promise.all([
    readFileHistories(top, { commit: base.commit, paths: [config.root], sameSubject: sameSubjectIn(config) }),
    candidateFiles(top, config, { kind: "commit", commit: base.commit })
  ]);
  const files = [...history2.files.values()].filter((h) => atCommit.oids.has(h.path));
  const blobs = await readBlobs(
    top,
    files.flatMap((h) => h.changes.map((c) => c.blob))
  );
  const index = new NameIndex(() => atCommit.read([...atCommit.oids.keys()]), config.root);
  const subjects = [];
  for (const h of files) {
    const settings = subjectSettings(h.path, config);
    const last = h.changes.at(-1);
    const format = settings.format ?? formatOf(h.path, last === void 0 ? void 0 : blobs.get(last.blob));
    subjects.push({
      subject: settings.subject,
      file: h.path,
      format,
      level: settings.level,
      versions: () => buildVersions(h, blobs, { format, index })
    });
  }
  return { commit: base.commit, ref: base.ref, subjects };
}
function formatOf(path, bytes) {
  if (bytes === void 0 || !path.toLowerCase().endsWith(".json")) return detectFormat(path);
  try {
    return detectFormat(path, JSON.parse(bytes.toString("utf8")));
  } catch {
    return detectFormat(path);
  }
}

// src/site/topic.ts
function topicOf(subject) {
  const m = /^(.+)-(key|value)$/.exec(subject);
  return m?.[1];
}

// src/site-node/read.ts
async function readSiteModel(options) {
  const top = await repoRoot(options.cwd);
  const config = options.config ?? loadConfig(top);
  const [read, work] = await Promise.all([
    readSubjectHistories(top, config, options.ref),
    candidateFiles(top, config, { kind: "worktree" })
  ]);
  const workFiles = await work.read([...work.oids.keys()]);
  const index = new NameIndex(async () => workFiles, config.root);
  const messages = read.commit === void 0 ? /* @__PURE__ */ new Map() : await commitMessages(top, read.commit, config.root);
  const subjects = [];
  const inHistory = /* @__PURE__ */ new Set();
  for (const info of read.subjects) {
    inHistory.add(info.file);
    subjects.push(await subjectModel(info, workFiles.get(info.file), index, config, messages));
  }
  for (const [file, bytes] of workFiles) {
    if (inHistory.has(file)) continue;
    const settings = subjectSettings(file, config);
    const empty = {
      subject: settings.subject,
      file,
      format: settings.format ?? formatOf(file, bytes),
      level: settings.level,
      versions: async () => []
    };
    subjects.push(await subjectModel(empty, bytes, index, config, messages));
  }
  subjects.sort((a, b) => a.subject.localeCompare(b.subject));
  const edges = [];
  const subjectOfFile = new Map(subjects.map((s) => [s.file, s.subject]));
  for (const s of subjects)
    for (const r of s.referenceFiles)
      edges.push({ from: s.subject, to: subjectOfFile.get(r.file) ?? r.file, name: r.name });
  const registry = options.registry === void 0 ? void 0 : await readRegistryDrift(top, options.registry.url, options.registry.env);
  const lastSteps = /* @__PURE__ */ new Map();
  for (const s of subjects) if (s.lastStep !== void 0) lastSteps.set(s.subject, s.lastStep);
  return {
    model: {
      commit: read.commit ?? null,
      ref: read.ref,
      subjects: subjects.map(({ referenceFiles: _r, lastStep: _l, ...s }) => s),
      edges,
      ...registry === void 0 ? {} : { registry }
    },
    lastSteps
  };
}
async function commitMessages(top, commit, root) {
  const out = await runGit(["log", "--first-parent", "--format=%H%x1f%s", commit, "--", root], { cwd: top });
  const map = /* @__PURE__ */ new Map();
  for (const line of out.stdout.toString("utf8").split("\n")) {
    const [hash, subject] = line.split("");
    if (hash !== void 0 && hash !== "") map.set(hash, subject ?? "");
  }
  return map;
}
async function subjectModel(info, workBytes, index, config, messages) {
  const history2 = await info.versions();
  const newestBytes = workBytes ?? Buffer.from(history2.at(-1)?.text ?? "", "utf8");
  const current = await loadSchema(info.file, newestBytes, {
    format: info.format,
    index,
    policy: config.jsonSchemaPolicy
  });
  const format = current.format;
  const handler = await loadFormat(format, { policy: config.jsonSchemaPolicy });
  const referenceFiles = current.ok ? current.references : [];
  const references2 = current.ok ? referenceFiles.flatMap((r) => {
    const text3 = index.textOf(r.file);
    return text3 === void 0 ? [] : [{ name: r.name, text: text3 }];
  }) : [];
  const versions = [];
  const parsed = [];
  for (const v of history2) {
    versions.push({
      version: v.version,
      commit: v.commit,
      author: v.author,
      date: v.date,
      message: messages.get(v.commit) ?? "",
      file: v.file,
      text: v.text,
      ...step(handler, info, v.schema, parsed)
    });
    parsed.push(v.schema);
  }
  const problems = current.ok ? [] : current.problems.map((p) => `${info.file}:${p.line}:${p.column}: ${p.message}`);
  let state = history2.length === 0 ? "new" : "unchanged";
  if (workBytes === void 0) state = "deleted";
  else if (!current.ok) state = "invalid";
  else if (isNewVersion(current, history2, handler)) {
    if (history2.length > 0) state = "changed";
    versions.push({
      version: versions.length + 1,
      commit: null,
      author: "",
      date: "",
      message: "working tree (not committed)",
      file: info.file,
      text: current.text,
      ...step(handler, info, current.schema, parsed)
    });
    parsed.push(current.schema);
  }
  const text2 = current.text ?? newestBytes.toString("utf8");
  const examples2 = current.ok ? exampleMessages(format, text2, references2) : [];
  if (format === "avro" && current.ok) {
    const schema = JSON.parse(text2);
    const others = references2.map((r) => JSON.parse(r.text));
    for (const e of examples2) {
      const size = avroBinarySize(schema, others, e.value);
      if (size !== void 0) e.encodedBytes = size;
    }
  }
  return {
    subject: info.subject,
    file: info.file,
    format,
    level: info.level,
    policy: config.jsonSchemaPolicy,
    topic: topicOf(info.subject),
    state,
    versions,
    references: references2,
    referenceFiles,
    lastStep: lastStep(handler, format, info.level, versions, parsed, references2),
    current: {
      text: text2,
      problems,
      fields: current.ok ? fieldTable(format, text2, references2) : [],
      examples: examples2
    }
  };
}
function step(handler, info, schema, previous) {
  const last = previous.at(-1);
  if (last === void 0) return { verdict: "first", findings: [], changes: [] };
  const verdict = verdictOf(handler, info.level, schema, previous);
  return {
    verdict: verdict.compatible ? "compatible" : "incompatible",
    findings: verdict.findings,
    changes: changesBetween(handler, info.level, last, schema)
  };
}
function isNewVersion(current, history2, handler) {
  const last = history2.at(-1);
  if (last === void 0) return true;
  return last.text !== current.text && last.normalized !== handler.normalized(current.schema);
}
function lastStep(handler, format, level, versions, parsed, references2) {
  const [from, to] = [versions.at(-2), versions.at(-1)];
  const [a, b] = [parsed.at(-2), parsed.at(-1)];
  if (from === void 0 || to === void 0 || a === void 0 || b === void 0) return void 0;
  return diffVersions(
    handler,
    format,
    level,
    { text: from.text, schema: a },
    { text: to.text, schema: b },
    references2
  );
}

// src/site-node/write.ts
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// src/site/html.ts
function esc(text2) {
  return text2.replace(
    /[&<>"']/g,
    (c) => c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;"
  );
}
function scriptJson(value2) {
  return JSON.stringify(value2).replace(/</g, "\\u003c");
}
function subjectPage(subject) {
  return `${subject.replace(/[^A-Za-z0-9._-]/g, (c) => `~${c.codePointAt(0).toString(16)}~`)}.html`;
}
function page(options) {
  const scripts = options.scripts.map((s) => `<script src="${options.up}assets/${s}" defer></script>`).join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><title>${esc(options.title)}</title>
<link rel="stylesheet" href="${options.up}assets/site.css">${scripts}</head>
<body><a class="skip" href="#main">Skip to content</a>
<header class="top"><a href="${options.up}index.html">schemagate · schemas</a> <a href="${options.up}graph.html">reference graph</a></header>
<main id="main">${options.body}</main></body></html>
`;
}
function shortDate(iso) {
  return iso.slice(0, 10);
}

// src/site/paths.ts
function subjectPagePath(subject) {
  return `subjects/${subjectPage(subject)}`;
}

// src/site/render-index.ts
var DRIFT = {
  "in-sync": "in sync",
  "only-in-repo": "not registered",
  "only-in-registry": "registry only",
  "latest-differs": "differs",
  "level-differs": "level differs"
};
function driftCell(drift, subject) {
  if (drift === void 0) return "";
  const d = drift.subjects[subject];
  if (d === void 0) return "<td></td>";
  const cls = d.kinds.includes("in-sync") ? "in-sync" : "drift";
  return `<td class="registry"><span class="state ${cls}" title="${esc(d.detail)}">${d.kinds.map((k) => DRIFT[k] ?? k).join(", ")}</span>${d.version === void 0 ? "" : ` v${d.version}`}</td>`;
}
function row2(s, drift) {
  const committed = s.versions.filter((v) => v.commit !== null);
  const last = committed.at(-1);
  const change = last === void 0 ? "—" : `<code>${last.commit.slice(0, 7)}</code> ${esc(last.author)} <time datetime="${esc(last.date)}">${shortDate(last.date)}</time>`;
  return `<tr class="subject" data-name="${esc(s.subject.toLowerCase())}" data-format="${s.format}" data-level="${s.level}"><th scope="row"><a href="${esc(encodeURI(subjectPagePath(s.subject)))}">${esc(s.subject)}</a></th><td>${s.format}</td><td>${s.level}</td><td class="num">${committed.length}</td><td>${change}</td><td><span class="state ${s.state}">${s.state}</span></td>${driftCell(drift, s.subject)}</tr>`;
}
function renderIndex(model) {
  const columns = model.registry === void 0 ? 6 : 7;
  const groups = /* @__PURE__ */ new Map();
  for (const s of model.subjects) {
    const key = s.topic ?? "";
    groups.set(key, [...groups.get(key) ?? [], s]);
  }
  const others = [...groups.get("") ?? []];
  const topics = [];
  for (const [topic, list] of groups) {
    if (topic === "") continue;
    if (list.length > 1) topics.push([topic, list]);
    else others.push(...list);
  }
  others.sort((a, b) => a.subject.localeCompare(b.subject));
  const bodies = [
    ...topics.map(
      ([topic, list]) => `<tbody class="group" data-topic="${esc(topic)}"><tr class="topic"><th colspan="${columns}" scope="rowgroup">Topic ${esc(topic)}</th></tr>${list.map((s) => row2(s, model.registry)).join("")}</tbody>`
    ),
    others.length === 0 ? "" : `<tbody class="group">${topics.length > 0 ? `<tr class="topic"><th colspan="${columns}" scope="rowgroup">Other subjects</th></tr>` : ""}${others.map((s) => row2(s, model.registry)).join("")}</tbody>`
  ].join("\n");
  const formats = [...new Set(model.subjects.map((s) => s.format))].sort();
  const levels = [...new Set(model.subjects.map((s) => s.level))].sort();
  const options = (values) => values.map((v) => `<option>${esc(v)}</option>`).join("");
  const at = model.commit === null ? "no commit yet" : `commit <code>${model.commit.slice(0, 7)}</code>${model.ref === null ? "" : ` (${esc(model.ref)})`}`;
  const registryOnly = model.registry === void 0 ? [] : Object.entries(model.registry.subjects).filter(([, d]) => d.kinds.includes("only-in-registry")).map(([name]) => name);
  const registryLine = model.registry === void 0 ? "" : `<p class="registry-line">Compared with the registry at <code>${esc(model.registry.url)}</code>${registryOnly.length === 0 ? "." : `; only in the registry: <span id="registry-only">${registryOnly.map(esc).join(", ")}</span>.`}</p>`;
  const body = `<h1>Schemas</h1>
<p>${model.subjects.length} subject${model.subjects.length === 1 ? "" : "s"}; history read at ${at}.</p>${registryLine}
<form class="filter" role="search" onsubmit="return false"><label>Name <input id="filter-name" type="search" autocomplete="off"></label>
<label>Format <select id="filter-format"><option value="">all</option>${options(formats)}</select></label>
<label>Level <select id="filter-level"><option value="">all</option>${options(levels)}</select></label> <output id="filter-count"></output></form>
<table id="subjects" class="subjects"><thead><tr><th scope="col">Subject</th><th scope="col">Format</th><th scope="col">Level</th><th scope="col">Versions</th><th scope="col">Last change</th><th scope="col">State</th>${model.registry === void 0 ? "" : '<th scope="col">Registry</th>'}</tr></thead>
${bodies}</table>`;
  return page({ title: "Schemas", body, up: "", scripts: ["index.js"] });
}

// src/site/graph.ts
var NODE_W = 180;
var NODE_H = 28;
var GAP_X = 80;
var GAP_Y = 14;
function renderGraph(edges, options) {
  if (edges.length === 0) return '<p class="no-graph">No references between subjects.</p>';
  const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort();
  const uses = /* @__PURE__ */ new Map();
  for (const e of edges) uses.set(e.from, [...uses.get(e.from) ?? [], e.to]);
  const column = /* @__PURE__ */ new Map();
  const place = (n, depth, path) => {
    if ((column.get(n) ?? -1) >= depth || path.has(n)) return;
    column.set(n, depth);
    for (const m of uses.get(n) ?? []) place(m, depth + 1, /* @__PURE__ */ new Set([...path, n]));
  };
  const used = new Set(edges.map((e) => e.to));
  for (const n of nodes) if (!used.has(n)) place(n, 0, /* @__PURE__ */ new Set());
  for (const n of nodes) if (!column.has(n)) place(n, 0, /* @__PURE__ */ new Set());
  const rows = /* @__PURE__ */ new Map();
  const at = /* @__PURE__ */ new Map();
  for (const n of nodes) {
    const c = column.get(n) ?? 0;
    const r = rows.get(c) ?? 0;
    rows.set(c, r + 1);
    at.set(n, { x: 10 + c * (NODE_W + GAP_X), y: 10 + r * (NODE_H + GAP_Y) });
  }
  const width = 20 + (Math.max(...column.values()) + 1) * (NODE_W + GAP_X) - GAP_X;
  const height = 20 + Math.max(...rows.values()) * (NODE_H + GAP_Y) - GAP_Y;
  const lines = edges.map((e) => {
    const a = at.get(e.from);
    const b = at.get(e.to);
    return `<g class="edge" data-from="${esc(e.from)}" data-to="${esc(e.to)}"><title>${esc(e.from)} uses ${esc(e.name)} from ${esc(e.to)}</title><line x1="${a.x + NODE_W}" y1="${a.y + NODE_H / 2}" x2="${b.x}" y2="${b.y + NODE_H / 2}" marker-end="url(#arrow)"/></g>`;
  }).join("");
  const boxes = nodes.map((n) => {
    const p = at.get(n);
    const label = n.length > 24 ? `${n.slice(0, 23)}…` : n;
    return `<a class="node${n === options.highlight ? " current" : ""}" data-subject="${esc(n)}" href="${options.up}subjects/${esc(encodeURI(subjectPage(n)))}"><title>${esc(n)}</title><rect x="${p.x}" y="${p.y}" width="${NODE_W}" height="${NODE_H}" rx="4"/><text x="${p.x + 8}" y="${p.y + 18}">${esc(label)}</text></a>`;
  }).join("");
  return `<svg class="graph" role="img" aria-label="Reference graph: ${edges.length} reference${edges.length === 1 ? "" : "s"}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z"/></marker></defs>${lines}${boxes}</svg>`;
}
function affectedBy(subject, edges) {
  const out = /* @__PURE__ */ new Set();
  const queue = [subject];
  while (queue.length > 0) {
    const n = queue.pop();
    for (const e of edges)
      if (e.to === n && !out.has(e.from) && e.from !== subject) {
        out.add(e.from);
        queue.push(e.from);
      }
  }
  return [...out].sort();
}
function neighbourhood(subject, edges) {
  const keep = /* @__PURE__ */ new Set([subject, ...affectedBy(subject, edges)]);
  const queue = [subject];
  while (queue.length > 0) {
    const n = queue.pop();
    for (const e of edges)
      if (e.from === n && !keep.has(e.to)) {
        keep.add(e.to);
        queue.push(e.to);
      }
  }
  return edges.filter((e) => keep.has(e.from) && keep.has(e.to));
}

// src/site/render-diff.ts
var DIRECTION_LABEL = {
  "new-reads-old": "breaks new readers (the new schema cannot read old data)",
  "old-reads-new": "breaks old readers (the old schema cannot read new data)"
};
function effectClass(c) {
  return c.breaking ? "breaking" : c.breaks.length > 0 ? "risky" : "safe";
}
function renderFindings(findings) {
  if (findings.length === 0) return "";
  return `<ul class="findings">${findings.map(
    (f) => `<li class="finding"><code>${esc(f.rule)}</code> against v${f.against} (${esc(f.direction)}): ${esc(f.message)}${f.fix === "" ? "" : `<br><span class="fix">Fix: ${esc(f.fix)}</span>`}</li>`
  ).join("")}</ul>`;
}
function renderChanges(changes) {
  if (changes.length === 0) return "";
  return `<ul class="changes">${changes.map(
    (c) => `<li class="${effectClass(c)}"><span class="kind">${c.kind === "added" ? "+" : c.kind === "removed" ? "−" : "~"}</span> ${esc(c.summary)}${c.breaks.length === 0 ? "" : ` <em>${c.breaks.map((d) => esc(DIRECTION_LABEL[d])).join("; ")}</em>`}${c.breaking ? " <strong>(breaking)</strong>" : ""}</li>`
  ).join("")}</ul>`;
}
function side(f) {
  if (f === void 0) return '<td class="empty"></td>';
  const def = f.default === void 0 ? "" : ` = <code>${esc(f.default)}</code>`;
  const label = f.label !== void 0 ? ` <span class="opt">#${f.number ?? "?"} ${esc(f.label)}</span>` : f.required ? "" : ' <span class="opt">optional</span>';
  return `<td><code>${esc(f.type)}</code>${def}${label}${f.doc === void 0 ? "" : `<div class="doc">${esc(f.doc)}</div>`}</td>`;
}
function fieldRow(r) {
  const effect = r.status === "same" ? "same" : effectClass(r);
  const label = r.status === "same" ? "" : `${r.status}${r.breaking ? ", breaking" : ""}${r.breaks.length > 0 ? `: ${r.breaks.map((d) => DIRECTION_LABEL[d]).join("; ")}` : ""}`;
  return `<tr class="field-diff ${r.status} ${effect}" data-path="${esc(r.path)}" data-status="${r.status}" data-breaking="${r.breaking}">
<th scope="row" style="padding-left:${0.5 + r.depth * 1.2}em"><code>${esc(r.path.split(".").at(-1) ?? r.path)}</code></th>${side(r.from)}${side(r.to)}
<td class="effect">${esc(label)}${r.notes.length > 0 ? `<div>${r.notes.map(esc).join("; ")}</div>` : ""}${r.changes.length > 0 ? `<div class="summ">${r.changes.map((c) => esc(c.summary)).join("<br>")}</div>` : ""}</td></tr>`;
}
function renderDiff(d, labels) {
  const verdict = d.verdict.compatible ? `<p class="verdict ok">${esc(labels.to)} is compatible with ${esc(labels.from)} (${esc(labels.level)})</p>` : `<p class="verdict bad">${esc(labels.to)} is INCOMPATIBLE with ${esc(labels.from)} (${esc(labels.level)})</p>`;
  const fields2 = d.rows.length === 0 ? "<p>No field table for this schema.</p>" : `<table class="diff-fields"><caption>Fields: ${esc(labels.from)} → ${esc(labels.to)}</caption>
<thead><tr><th scope="col">Field</th><th scope="col">${esc(labels.from)}</th><th scope="col">${esc(labels.to)}</th><th scope="col">Change and effect</th></tr></thead>
<tbody>${d.rows.map(fieldRow).join("")}</tbody></table>`;
  const text2 = `<details class="text-diff"><summary>Raw text diff</summary><table class="code-diff"><tbody>${textRows(d.text)}</tbody></table></details>`;
  return `${verdict}${renderFindings(d.verdict.findings)}${fields2}<h3>Changes</h3>${d.changes.length === 0 ? "<p>No semantic change.</p>" : renderChanges(d.changes)}${text2}`;
}
var CONTEXT = 3;
function textRows(lines) {
  const near = new Array(lines.length).fill(false);
  lines.forEach((l, i) => {
    if (l.op === "same") return;
    for (let k = Math.max(0, i - CONTEXT); k <= Math.min(lines.length - 1, i + CONTEXT); k++) near[k] = true;
  });
  const out = [];
  for (let i = 0; i < lines.length; ) {
    if (!near[i]) {
      let j = i;
      while (j < lines.length && !near[j]) j++;
      out.push(
        `<tr class="fold"><td class="ln"></td><td class="ln"></td><td>… ${j - i} unchanged line${j - i === 1 ? "" : "s"}</td></tr>`
      );
      i = j;
      continue;
    }
    const l = lines[i++];
    out.push(
      `<tr class="${l.op}"><td class="ln">${l.oldLine ?? ""}</td><td class="ln">${l.newLine ?? ""}</td><td><code>${l.op === "add" ? "+" : l.op === "del" ? "-" : " "} ${esc(l.text)}</code></td></tr>`
    );
  }
  return out.join("");
}

// src/site/render-subject.ts
function versionLabel(v) {
  return v.commit === null ? `v${v.version} (working tree)` : `v${v.version}`;
}
var VERDICT = {
  first: "first version",
  compatible: "compatible",
  incompatible: "INCOMPATIBLE"
};
function history(s) {
  if (s.versions.length === 0) return "<p>No version in the history.</p>";
  const items = [...s.versions].reverse().map(
    (v) => `<li id="v${v.version}" class="version ${v.verdict}" data-version="${v.version}" data-verdict="${v.verdict}">
<div class="vhead"><strong>${esc(versionLabel(v))}</strong> ${v.commit === null ? "" : `<code>${v.commit.slice(0, 7)}</code> ${esc(v.author)} <time datetime="${esc(v.date)}">${shortDate(v.date)}</time>`} <span class="msg">${esc(v.message)}</span> <span class="verdict-tag ${v.verdict}">${VERDICT[v.verdict]}${v.verdict === "compatible" || v.verdict === "incompatible" ? ` (${s.level})` : ""}</span>${v.file === s.file ? "" : ` <span class="file">[${esc(v.file)}]</span>`}</div>
${renderChanges(v.changes)}${renderFindings(v.findings)}</li>`
  ).join("");
  return `<ol class="versions" reversed>${items}</ol>`;
}
function fields(s) {
  if (s.current.fields.length === 0) return "<p>This schema has no fields (see the schema below).</p>";
  const proto = s.format === "protobuf";
  const head = proto ? ["Field", "Number", "Type", "Label", "Default", "Doc"] : ["Field", "Type", "Required", "Default", "Doc", "Aliases"];
  const cells = (f) => {
    const type = `<td><code>${esc(f.type)}</code></td>`;
    const dflt = `<td>${f.default === void 0 ? "" : `<code>${esc(f.default)}</code>`}</td>`;
    const doc = `<td>${esc(f.doc ?? "")}</td>`;
    return proto ? [`<td>${f.number ?? ""}</td>`, type, `<td>${esc(f.label ?? "")}</td>`, dflt, doc] : [
      type,
      `<td>${f.required ? "required" : "optional"}</td>`,
      dflt,
      doc,
      `<td>${f.aliases.map(esc).join(", ")}</td>`
    ];
  };
  return `<table class="fields"><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join("")}</tr></thead><tbody>${s.current.fields.map(
    (f) => `<tr data-path="${esc(f.path)}"><th scope="row" style="padding-left:${0.5 + f.depth * 1.2}em"><code>${esc(f.name)}</code></th>${cells(f).join("")}</tr>`
  ).join("")}</tbody></table>`;
}
function examples(s) {
  if (s.current.examples.length === 0) return "<p>No example for this schema.</p>";
  return s.current.examples.map(
    (e) => `<figure class="example"><figcaption>${e.kind === "minimal" ? "Minimal" : "Full"} message${e.encodedBytes === void 0 ? "" : ` · <span class="size">${e.encodedBytes} bytes</span> in Avro binary`}${s.format === "avro" ? " · Avro JSON encoding" : e.message !== void 0 ? ` · proto3 JSON mapping of <code>${esc(e.message)}</code>` : ""}</figcaption><pre><code class="example-json" data-kind="${e.kind}">${esc(JSON.stringify(e.value, null, 2))}</code></pre></figure>`
  ).join("");
}
function references(s, edges) {
  const link = (n) => `<a href="${esc(encodeURI(subjectPage(n)))}">${esc(n)}</a>`;
  const uses = edges.filter((e) => e.from === s.subject);
  const usedBy = edges.filter((e) => e.to === s.subject);
  const affected = affectedBy(s.subject, edges);
  const list = (items) => items.length === 0 ? "none" : items.join(", ");
  return `<ul class="refs"><li>Uses: ${list(uses.map((e) => `${link(e.to)} (<code>${esc(e.name)}</code>)`))}</li>
<li>Used by: ${list(usedBy.map((e) => `${link(e.from)} (<code>${esc(e.name)}</code>)`))}</li>
<li>A change here can affect: ${list(affected.map(link))}</li></ul>${renderGraph(neighbourhood(s.subject, edges), { up: "../", highlight: s.subject })}`;
}
function raw(text2) {
  return `<ol class="code">${text2.replace(/\n$/, "").split("\n").map((l) => `<li><code>${esc(l)}</code></li>`).join("")}</ol>`;
}
function renderSubject(s, edges, lastStep2) {
  const valid = s.versions;
  const data = {
    subject: s.subject,
    format: s.format,
    level: s.level,
    policy: s.policy,
    references: s.references,
    versions: s.versions.map((v) => ({
      version: v.version,
      label: versionLabel(v),
      text: v.text
    }))
  };
  const pick = (id, selected) => `<select id="${id}">${valid.map((v) => `<option value="${v.version}"${v.version === selected ? " selected" : ""}>${esc(versionLabel(v))}</option>`).join("")}</select>`;
  const from = valid.at(-2);
  const to = valid.at(-1);
  const diff = valid.length < 2 ? "<p>Only one version: nothing to compare yet.</p>" : `<form class="pickers" onsubmit="return false"><label>From ${pick("diff-from", from?.version)}</label> <label>To ${pick("diff-to", to?.version)}</label><noscript> (picking other versions needs JavaScript)</noscript></form>
<div id="diff-view" aria-live="polite">${lastStep2 === void 0 ? "" : renderDiff(lastStep2, { from: versionLabel(from), to: versionLabel(to), level: s.level })}</div>`;
  const problems = s.current.problems.length === 0 ? "" : `<div class="problems" role="alert"><h2>Problems</h2><ul>${s.current.problems.map((p) => `<li>${esc(p)}</li>`).join("")}</ul></div>`;
  const body = `<nav class="crumbs"><a href="../index.html">All subjects</a> › ${esc(s.subject)}</nav>
<h1>${esc(s.subject)}</h1>
<p class="meta"><code>${esc(s.file)}</code> · ${s.format} · ${s.level} · <span class="state ${s.state}">${s.state}</span> · ${s.versions.length} version${s.versions.length === 1 ? "" : "s"}</p>
${problems}
<nav class="toc" aria-label="On this page"><a href="#fields">Fields</a> <a href="#examples">Examples</a> <a href="#history">History</a> <a href="#compare">Compare</a> <a href="#try">Try a change</a> <a href="#references">References</a> <a href="#schema">Schema</a></nav>
<section id="fields"><h2>Fields</h2>${fields(s)}</section>
<section id="examples"><h2>Example messages</h2>${examples(s)}</section>
<section id="history"><h2>History</h2>${history(s)}</section>
<section id="compare"><h2>Compare versions</h2>${diff}</section>
<section id="try"><h2>Try a change</h2><p>Paste or edit a candidate schema: it is checked against every version above under ${s.level}, in this page.</p>
<textarea id="try-text" rows="14" spellcheck="false" aria-label="Candidate schema">${esc(s.current.text)}</textarea>
<p><button id="try-run" type="button">Check against the history</button><noscript> (needs JavaScript)</noscript></p><div id="try-result" aria-live="polite"></div></section>
<section id="references"><h2>References</h2>${references(s, edges)}</section>
<section id="schema"><h2>Schema</h2>${raw(s.current.text)}</section>
<script type="application/json" id="subject-data">${scriptJson(data)}</script>`;
  return page({ title: `${s.subject} · schemas`, body, up: "../", scripts: ["subject.js"] });
}
function renderGraphPage(edges, count) {
  const body = `<h1>Reference graph</h1><p>${edges.length} reference${edges.length === 1 ? "" : "s"} among ${count} subjects: an arrow goes from a subject to the subject it takes a type from (Avro named types, JSON Schema <code>$ref</code>, Protobuf imports).</p>${renderGraph(edges, { up: "" })}`;
  return page({ title: "Reference graph · schemas", body, up: "", scripts: ["index.js"] });
}

// src/site/style.ts
var SITE_CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--soft:#f6f8fa;--link:#0550ae;
--ok:#1a7f37;--ok-bg:#dafbe1;--bad:#cf222e;--bad-bg:#ffebe9;--warn:#9a6700;--warn-bg:#fff8c5;--focus:#0969da}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#30363d;--soft:#161b22;--link:#4493f8;
--ok:#3fb950;--ok-bg:#12261e;--bad:#f85149;--bad-bg:#2d1215;--warn:#d29922;--warn-bg:#272115;--focus:#4493f8}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
main{max-width:1200px;margin:0 auto;padding:1rem 1.5rem 4rem}
a{color:var(--link)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible,.node:focus-visible rect{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:var(--bg);padding:.25rem .5rem;z-index:2}
.top{display:flex;gap:1.5rem;padding:.6rem 1.5rem;border-bottom:1px solid var(--line);background:var(--soft)}
.top a{text-decoration:none;font-weight:600}
code,pre,textarea{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--soft)}
.num{text-align:right}
tr.topic th{background:var(--soft);color:var(--muted);font-weight:600}
.filter{display:flex;flex-wrap:wrap;gap:1rem;align-items:end;margin:1rem 0}
input,select,textarea,button{background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:6px;padding:.3rem .5rem}
button{background:var(--soft);cursor:pointer;font-weight:600}
textarea{width:100%}
.state{border-radius:1em;padding:0 .5em;font-size:.85em;border:1px solid var(--line)}
.state.new,.state.in-sync{background:var(--ok-bg)}.state.drift{background:var(--warn-bg)}.state.changed{background:var(--warn-bg)}.state.deleted,.state.invalid{background:var(--bad-bg)}
.meta{color:var(--muted)}
.toc{display:flex;flex-wrap:wrap;gap:1rem;margin:.5rem 0 1rem}
.problems{border:1px solid var(--bad);background:var(--bad-bg);border-radius:6px;padding:.25rem 1rem}
.versions{list-style:none;padding:0}
.version{border-left:4px solid var(--line);padding:.25rem .75rem;margin:.5rem 0}
.version.compatible{border-color:var(--ok)}.version.incompatible,.version.invalid{border-color:var(--bad)}
.verdict-tag{font-weight:600}.verdict-tag.compatible{color:var(--ok)}.verdict-tag.incompatible,.verdict-tag.invalid{color:var(--bad)}
.msg,.file,.doc,.opt{color:var(--muted)}
.findings,.changes{margin:.25rem 0;padding-left:1.25rem}
.finding{color:var(--bad)}.fix{color:var(--fg)}
.changes .breaking,tr.breaking{background:var(--bad-bg)}
.changes .risky,tr.risky{background:var(--warn-bg)}
.changes .safe,tr.safe{background:var(--ok-bg)}
.changes li{padding:0 .25rem}
.verdict{font-weight:700;padding:.4rem .75rem;border-radius:6px}
.verdict.ok{color:var(--ok);background:var(--ok-bg)}.verdict.bad{color:var(--bad);background:var(--bad-bg)}
tr.removed td:nth-child(3),tr.added td:nth-child(2){background:var(--soft)}
.effect div{color:var(--muted)}.summ{font-size:.9em}
.code-diff td{border:0;padding:0 .5rem}.code-diff .ln,.code li::marker{color:var(--muted)}
.code-diff tr.fold td{color:var(--muted);font-style:italic}.code-diff tr.add{background:var(--ok-bg)}.code-diff tr.del{background:var(--bad-bg)}
.code-diff code{white-space:pre}
ol.code{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.5rem .5rem .5rem 3.5rem;overflow:auto}
ol.code code{white-space:pre}
pre{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.5rem;overflow:auto}
figure{margin:0 0 1rem}figcaption{color:var(--muted)}
svg.graph{max-width:100%;height:auto;display:block;margin:1rem 0}
svg.graph rect{fill:var(--soft);stroke:var(--line)}
svg.graph .node.current rect{stroke:var(--focus);stroke-width:2}
svg.graph text{fill:var(--fg);font-size:13px}
svg.graph line{stroke:var(--muted);stroke-width:1.5}
svg.graph marker path{fill:var(--muted)}
svg.graph .dim{opacity:.25}svg.graph .hot line{stroke:var(--focus);stroke-width:2.5}
[hidden]{display:none!important}
`;

// src/site-node/write.ts
var ASSETS = new URL("../../site-assets/", import.meta.url);
function* siteFiles({ model, lastSteps }) {
  yield ["assets/site.css", SITE_CSS];
  for (const name of ["index.js", "subject.js"])
    yield [`assets/${name}`, readFileSync(new URL(name, ASSETS))];
  yield ["index.html", renderIndex(model)];
  yield ["graph.html", renderGraphPage(model.edges, model.subjects.length)];
  for (const s of model.subjects)
    yield [subjectPagePath(s.subject), renderSubject(s, model.edges, lastSteps.get(s.subject))];
}
function renderSite(data) {
  return new Map(siteFiles(data));
}
function writeSite(data, out) {
  rmSync(join(out, "subjects"), { recursive: true, force: true });
  mkdirSync(join(out, "subjects"), { recursive: true });
  mkdirSync(join(out, "assets"), { recursive: true });
  let indexBytes = 0;
  for (const [path, content] of siteFiles(data)) {
    writeFileSync(join(out, path), content);
    if (path === "index.html") indexBytes = Buffer.byteLength(content);
  }
  return { pages: data.model.subjects.length + 2, indexBytes };
}

export {
  readSiteModel,
  renderSite,
  writeSite
};
