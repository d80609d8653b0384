import {
  jsonDocumentOf
} from "./chunk-OOMT5PNS.js";
import {
  detectFormat
} from "./chunk-KVYAH4SS.js";
import {
  KNOWN_FILES,
  ProtoSyntaxError,
  parseProtoText
} from "./chunk-Q2EUGLQR.js";
import {
  parseJson,
  positionOf
} from "./chunk-L6DUB6QO.js";
import {
  isSchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/repo/schema-file.ts
import { posix } from "node:path";

// src/formats/load.ts
var loaded = /* @__PURE__ */ new Map();
function loadFormat(id, options = {}) {
  const policy = id === "json" ? options.policy ?? "strict" : "strict";
  const key = `${id}:${policy}`;
  let handler = loaded.get(key);
  if (handler === void 0) {
    handler = id === "avro" ? import("./avro-S4IXQXE2.js").then((m) => m.avroFormat) : id === "protobuf" ? import("./protobuf-SZS4NH5D.js").then((m) => m.protobufFormat) : import("./jsonschema-7PNSL3WY.js").then(
      (m) => policy === "strict" ? m.jsonSchemaFormat : m.jsonSchemaFormatWith({ policy })
    );
    loaded.set(key, handler);
  }
  return handler;
}

// src/repo/avro-names.ts
var PRIMITIVES = /* @__PURE__ */ new Set(["null", "boolean", "int", "long", "float", "double", "bytes", "string"]);
var NAMED = /* @__PURE__ */ new Set(["record", "error", "enum", "fixed"]);
function fullName(name, namespace) {
  return name.includes(".") || namespace === void 0 || namespace === "" ? name : `${namespace}.${name}`;
}
function namespaceOf(full) {
  const i = full.lastIndexOf(".");
  return i < 0 ? void 0 : full.slice(0, i);
}
var esc = (t) => String(t).replace(/~/g, "~0").replace(/\//g, "~1");
function avroNames(value) {
  const defined = /* @__PURE__ */ new Set();
  const uses = [];
  const walk = (v, pointer, ns) => {
    if (typeof v === "string") {
      if (PRIMITIVES.has(v)) return;
      const candidates = v.includes(".") || ns === void 0 ? [v] : [`${ns}.${v}`, v];
      uses.push({ candidates, pointer, written: v });
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((b, i) => walk(b, `${pointer}/${i}`, ns));
      return;
    }
    if (v === null || typeof v !== "object") return;
    const type = v["type"];
    if (typeof type === "string" && NAMED.has(type) && typeof v["name"] === "string") {
      const own = typeof v["namespace"] === "string" ? v["namespace"] : ns;
      const full = fullName(v["name"], own);
      defined.add(full);
      const inner = namespaceOf(full);
      const fields = v["fields"];
      if (Array.isArray(fields)) {
        fields.forEach((f, i) => {
          if (f !== null && typeof f === "object" && !Array.isArray(f) && f["type"] !== void 0)
            walk(f["type"], `${pointer}/fields/${i}/type`, inner);
        });
      }
      return;
    }
    if (type === "array" && v["items"] !== void 0) walk(v["items"], `${pointer}/items`, ns);
    else if (type === "map" && v["values"] !== void 0) walk(v["values"], `${pointer}/values`, ns);
    else if (type !== void 0 && typeof type !== "string") walk(type, `${pointer}/type`, ns);
    else if (typeof type === "string" && !PRIMITIVES.has(type) && type !== "array" && type !== "map" && !NAMED.has(type))
      walk(type, `${pointer}/${esc("type")}`, ns);
  };
  walk(value, "", void 0);
  const external = uses.filter((u) => !u.candidates.some((c) => defined.has(c)));
  return { defined, external };
}

// src/compat/reference-cycle.ts
var REFERENCE_CYCLE_FIX = "move the definitions both need into a third schema that each references, or define one inside the other: the registry needs each referenced schema registered before the schema that uses it";
function describeCycle(names) {
  return names.join(" → ");
}
function findCycle(start, edges) {
  const state = /* @__PURE__ */ new Map();
  const stack = [];
  const visit = (node) => {
    const s = state.get(node);
    if (s === "done") return void 0;
    if (s === "visiting") return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, "visiting");
    stack.push(node);
    for (const next of edges(node)) {
      if (next === node) continue;
      const cycle = visit(next);
      if (cycle !== void 0) return cycle;
    }
    stack.pop();
    state.set(node, "done");
    return void 0;
  };
  return visit(start);
}

// src/repo/text.ts
var decoder = new TextDecoder("utf-8", { fatal: true });
function decodeSchemaText(bytes) {
  try {
    const text = decoder.decode(bytes);
    return { ok: true, text: text.charCodeAt(0) === 65279 ? text.slice(1) : text };
  } catch {
    const at = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at; i++) {
      if (bytes[i] === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    const byte = bytes[at] ?? 0;
    return {
      ok: false,
      line,
      column: at - lineStart + 1,
      message: `the file is not UTF-8 (byte 0x${byte.toString(16).padStart(2, "0")} at offset ${at}); save it as UTF-8`
    };
  }
}
function firstInvalidUtf8(b) {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 128 ? 0 : c >= 194 && c <= 223 ? 1 : c >= 224 && c <= 239 ? 2 : c >= 240 && c <= 244 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 192) !== 128) return i;
    i += n + 1;
  }
  return Math.max(0, b.length - 1);
}

// src/repo/proto-imports.ts
function protoImportsAt(text) {
  try {
    const file = parseProtoText(text);
    return [...file.imports, ...file.publicImports, ...file.weakImports].filter((name) => !KNOWN_FILES.has(name)).map((name) => ({ name, ...file.importPositions.get(name) ?? { line: 1, column: 1 } }));
  } catch (e) {
    if (e instanceof ProtoSyntaxError) return [];
    throw e;
  }
}

// src/repo/schema-file.ts
var NameIndex = class {
  /** `root`: the schema root, which `.proto` imports are relative to. */
  constructor(load, root = ".") {
    this.load = load;
    this.root = root;
  }
  load;
  root;
  byName;
  texts = /* @__PURE__ */ new Map();
  /** JSON Schema files by `$id` (without fragment) and by path. */
  jsonById = /* @__PURE__ */ new Map();
  jsonPaths = /* @__PURE__ */ new Set();
  /** `.proto` files by their path relative to the schema root (the name an `import` uses, as with `protoc -I <root>`). */
  protoByImport = /* @__PURE__ */ new Map();
  async ensure() {
    if (this.byName !== void 0) return;
    this.byName = /* @__PURE__ */ new Map();
    for (const [path, bytes] of await this.load()) {
      const decoded = decodeSchemaText(bytes);
      if (!decoded.ok) continue;
      if (path.toLowerCase().endsWith(".proto")) {
        this.texts.set(path, decoded.text);
        this.protoByImport.set(this.root === "." ? path : path.slice(this.root.length + 1), path);
        continue;
      }
      let value;
      try {
        value = JSON.parse(decoded.text);
      } catch {
        continue;
      }
      this.texts.set(path, decoded.text);
      if (detectFormat(path, value) !== "avro") {
        this.jsonPaths.add(path);
        const id = value !== null && typeof value === "object" && !Array.isArray(value) ? value["$id"] : void 0;
        if (typeof id === "string") this.jsonById.set(id.split("#")[0], path);
        continue;
      }
      for (const name of avroNames(value).defined) if (!this.byName.has(name)) this.byName.set(name, path);
    }
  }
  /** The JSON Schema file a `$ref` URI (fragment removed) names: by `$id`, else by path relative to `from`. */
  jsonFileOf(uri, from) {
    const byId = this.jsonById.get(uri);
    if (byId !== void 0) return byId;
    const rel = posix.normalize(posix.join(posix.dirname(from), uri));
    return this.jsonPaths.has(rel) ? rel : void 0;
  }
  /** The `.proto` file an `import "<name>";` names: `<root>/<name>`. */
  protoFileOf(name) {
    return this.protoByImport.get(posix.normalize(name));
  }
  fileOf(name) {
    return this.byName?.get(name);
  }
  textOf(file) {
    return this.texts.get(file);
  }
};
async function resolveAvroReferences(file, value, text, index) {
  const first = avroNames(value).external;
  if (first.length === 0) return { references: [], problems: [] };
  await index.ensure();
  const problems = [];
  const found = /* @__PURE__ */ new Map();
  const queue = first.map((use) => ({
    use,
    from: file,
    top: true
  }));
  const seenFiles = /* @__PURE__ */ new Set([file]);
  const graph = new ReferenceGraph();
  while (queue.length > 0) {
    const { use, from, top } = queue.shift();
    const name = use.candidates.find((c) => index.fileOf(c) !== void 0);
    const defining = name === void 0 ? void 0 : index.fileOf(name);
    if (defining !== void 0) graph.add(from, defining, top ? use.pointer : void 0);
    if (name === void 0 || defining === void 0) {
      if (top) {
        const pos = positionOf(parseJson(text, file), use.pointer);
        problems.push({
          rule: "REFERENCE_UNRESOLVED",
          message: `type '${use.written}' is not defined in this file nor in any other schema file under the root`,
          pointer: use.pointer,
          line: pos.line,
          column: pos.column,
          fix: `define '${use.candidates[0]}' in a schema file under the root, or fix the name (full names include the namespace)`
        });
      } else {
        problems.push({
          rule: "REFERENCE_UNRESOLVED",
          message: `type '${use.written}' used by ${from} is not defined in any schema file under the root`,
          pointer: "",
          line: 1,
          column: 1
        });
      }
      continue;
    }
    if (defining === file || found.has(name)) continue;
    const refText = index.textOf(defining) ?? "";
    found.set(name, { name, text: refText, file: defining });
    if (!seenFiles.has(defining)) {
      seenFiles.add(defining);
      try {
        for (const u of avroNames(JSON.parse(refText)).external)
          queue.push({ use: u, from: defining, top: false });
      } catch {
      }
    }
  }
  const cycle = graph.cycleProblem(file, text);
  if (cycle !== void 0) problems.push(cycle);
  return { references: [...found.values()].reverse(), problems };
}
function externalRefs(value, pointer = "", out = []) {
  if (Array.isArray(value)) value.forEach((v, i) => externalRefs(v, `${pointer}/${i}`, out));
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const child = `${pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (k === "$ref" && typeof v === "string") {
        const uri = v.split("#")[0];
        if (uri !== "") out.push({ uri, pointer: child });
      } else externalRefs(v, child, out);
    }
  }
  return out;
}
async function resolveJsonReferences(file, value, text, index) {
  const first = externalRefs(value);
  if (first.length === 0) return { references: [], problems: [] };
  await index.ensure();
  const found = /* @__PURE__ */ new Map();
  const problems = [];
  const queue = first.map((r) => ({ ...r, from: file, top: true }));
  const graph = new ReferenceGraph();
  while (queue.length > 0) {
    const r = queue.shift();
    const target = index.jsonFileOf(r.uri, r.from);
    if (target !== void 0) graph.add(r.from, target, r.top ? r.pointer : void 0);
    if (found.has(r.uri)) continue;
    if (target === void 0) {
      if (r.top && !/^[a-z][a-z0-9+.-]*:/i.test(r.uri)) {
        const pos = positionOf(parseJson(text, file), r.pointer);
        problems.push({
          rule: "REFERENCE_UNRESOLVED",
          message: `$ref '${r.uri}' names no schema file under the root`,
          pointer: r.pointer,
          line: pos.line,
          column: pos.column,
          fix: "fix the path (relative to this file) or add the referenced schema under the root"
        });
      }
      continue;
    }
    if (target === file) continue;
    const refText = index.textOf(target) ?? "";
    found.set(r.uri, { name: r.uri, text: refText, file: target });
    try {
      for (const next of externalRefs(JSON.parse(refText)))
        queue.push({ ...next, from: target, top: false });
    } catch {
    }
  }
  const cycle = graph.cycleProblem(file, text);
  if (cycle !== void 0) problems.push(cycle);
  return { references: [...found.values()], problems };
}
var ReferenceGraph = class {
  edges = /* @__PURE__ */ new Map();
  /** The position of the first use in the checked file of each file it references. */
  firstUse = /* @__PURE__ */ new Map();
  add(from, to, pointer) {
    let out = this.edges.get(from);
    if (out === void 0) this.edges.set(from, out = /* @__PURE__ */ new Set());
    out.add(to);
    if (pointer !== void 0 && !this.firstUse.has(to)) this.firstUse.set(to, pointer);
  }
  /** A cycle reachable from `file`, as one problem at the use in `file` that leads into it. */
  cycleProblem(file, text, place = (pointer) => positionOf(parseJson(text, file), pointer)) {
    const cycle = findCycle(file, (node) => [...this.edges.get(node) ?? []]);
    if (cycle === void 0) return void 0;
    const path = findPath(file, cycle[0], (node) => [...this.edges.get(node) ?? []]);
    const entry = cycle[0] === file ? cycle[1] : path?.[1] ?? cycle[0];
    const pointer = this.firstUse.get(entry) ?? "";
    const pos = place(pointer);
    const through = cycle[0] === file ? "" : ` (this schema references ${cycle[0]}, which is on it)`;
    return {
      rule: "REFERENCE_CYCLE",
      message: `schema references form a cycle: ${describeCycle(cycle)}${through}; the registry cannot register schemas that reference each other`,
      pointer,
      line: pos.line,
      column: pos.column,
      fix: REFERENCE_CYCLE_FIX
    };
  }
};
function findPath(from, to, edges) {
  const parent = /* @__PURE__ */ new Map([[from, from]]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift();
    if (node === to) {
      const path = [to];
      while (path[0] !== from) path.unshift(parent.get(path[0]));
      return path;
    }
    for (const next of edges(node))
      if (!parent.has(next)) {
        parent.set(next, node);
        queue.push(next);
      }
  }
  return void 0;
}
async function resolveProtoReferences(file, text, index) {
  const first = protoImportsAt(text);
  if (first.length === 0) return { references: [], problems: [] };
  await index.ensure();
  const found = /* @__PURE__ */ new Map();
  const graph = new ReferenceGraph();
  const positions = new Map(first.map((i) => [i.name, i]));
  const queue = first.map((i) => ({ name: i.name, from: file, top: true }));
  while (queue.length > 0) {
    const { name, from, top } = queue.shift();
    const target = index.protoFileOf(name);
    if (target === void 0) continue;
    graph.add(from, target, top ? name : void 0);
    if (found.has(name) || target === file) continue;
    const refText = index.textOf(target) ?? "";
    found.set(name, { name, text: refText, file: target });
    for (const next of protoImportsAt(refText)) queue.push({ name: next.name, from: target, top: false });
  }
  const cycle = graph.cycleProblem(file, text, (name) => positions.get(name) ?? { line: 1, column: 1 });
  return { references: [...found.values()].reverse(), problems: cycle === void 0 ? [] : [cycle] };
}
async function loadSchema(file, bytes, options) {
  const decoded = decodeSchemaText(bytes);
  const fallbackFormat = options.format ?? detectFormat(file);
  if (!decoded.ok) {
    return {
      ok: false,
      format: fallbackFormat,
      problems: [
        {
          rule: "INVALID_SCHEMA",
          message: decoded.message,
          pointer: "",
          line: decoded.line,
          column: decoded.column,
          fix: "save the file as UTF-8"
        }
      ]
    };
  }
  const text = decoded.text;
  if (fallbackFormat === "protobuf") return loadProto(file, text, options);
  if (options.fast === true && options.format === "avro") {
    const handler2 = await loadFormat(options.format);
    const direct = handler2.parse(text, { file, ...options.lenient === true ? { lenient: true } : {} });
    const doc2 = direct.ok ? jsonDocumentOf(direct.schema) : void 0;
    if (direct.ok && doc2 !== void 0)
      return { ok: true, format: options.format, handler: handler2, schema: direct.schema, text, doc: doc2, references: [] };
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    try {
      parseJson(text, file);
    } catch (e) {
      if (!isSchemagateError(e)) throw e;
      return {
        ok: false,
        format: fallbackFormat,
        text,
        problems: [
          {
            rule: "INVALID_SCHEMA",
            message: e.message,
            pointer: "",
            line: e.location.line ?? 1,
            column: e.location.column ?? 1,
            fix: "fix the JSON syntax at this position"
          }
        ]
      };
    }
    return {
      ok: false,
      format: fallbackFormat,
      text,
      problems: [{ rule: "INVALID_SCHEMA", message: "invalid JSON", pointer: "", line: 1, column: 1 }]
    };
  }
  const format = options.format ?? detectFormat(file, value);
  let references = [...options.references ?? []];
  if (format === "avro" && options.index !== void 0 && options.references === void 0) {
    const resolved = await resolveAvroReferences(file, value, text, options.index);
    if (resolved.problems.length > 0) return { ok: false, format, text, problems: resolved.problems };
    references = resolved.references;
  }
  if (format === "json" && options.index !== void 0 && options.references === void 0) {
    const resolved = await resolveJsonReferences(file, value, text, options.index);
    if (resolved.problems.length > 0) return { ok: false, format, text, problems: resolved.problems };
    references = resolved.references;
  }
  const handler = await loadFormat(format, options.policy === void 0 ? {} : { policy: options.policy });
  const result = handler.parse(text, {
    file,
    references,
    ...options.lenient === true ? { lenient: true } : {}
  });
  if (!result.ok) {
    return {
      ok: false,
      format,
      text,
      problems: result.issues.map((i) => ({
        rule: "INVALID_SCHEMA",
        message: `${i.message} (${i.rule})`,
        pointer: i.pointer,
        line: i.line,
        column: i.column
      }))
    };
  }
  const doc = jsonDocumentOf(result.schema) ?? parseJson(text, file);
  return {
    ok: true,
    format,
    handler,
    schema: result.schema,
    text,
    doc,
    references: references.flatMap((r) => r.file === void 0 ? [] : [{ name: r.name, file: r.file }])
  };
}
async function loadProto(file, text, options) {
  let references = [...options.references ?? []];
  if (options.index !== void 0 && options.references === void 0) {
    const resolved = await resolveProtoReferences(file, text, options.index);
    if (resolved.problems.length > 0)
      return { ok: false, format: "protobuf", text, problems: resolved.problems };
    references = resolved.references;
  }
  const handler = await loadFormat("protobuf");
  const result = handler.parse(text, {
    file,
    references,
    ...options.lenient === true ? { lenient: true } : {}
  });
  if (!result.ok) {
    return {
      ok: false,
      format: "protobuf",
      text,
      problems: result.issues.map(
        (i) => i.rule === "PROTOBUF_IMPORT_MISSING" ? {
          rule: "REFERENCE_UNRESOLVED",
          message: `${i.message}, and no .proto file under the schema root has that path`,
          pointer: i.pointer,
          line: i.line,
          column: i.column,
          fix: "fix the import path (relative to the schema root, as with protoc -I <root>) or add the imported file under the root"
        } : {
          rule: "INVALID_SCHEMA",
          message: `${i.message} (${i.rule})`,
          pointer: i.pointer,
          line: i.line,
          column: i.column
        }
      )
    };
  }
  return {
    ok: true,
    format: "protobuf",
    handler,
    schema: result.schema,
    text,
    doc: void 0,
    references: references.flatMap((r) => r.file === void 0 ? [] : [{ name: r.name, file: r.file }])
  };
}

export {
  loadFormat,
  REFERENCE_CYCLE_FIX,
  describeCycle,
  NameIndex,
  loadSchema
};
