import {
  NameIndex,
  loadSchema
} from "./chunk-AYQYXMTB.js";
import {
  candidateFiles
} from "./chunk-JG5DLF5R.js";
import "./chunk-OOMT5PNS.js";
import "./chunk-AACIVGT5.js";
import {
  loadConfig,
  loadConfigAt
} from "./chunk-GZ7YKJFV.js";
import {
  repoRoot
} from "./chunk-X223GS44.js";
import {
  subjectSettings
} from "./chunk-MYU7MPXZ.js";
import "./chunk-KVYAH4SS.js";
import "./chunk-Q2EUGLQR.js";
import {
  isNamed
} from "./chunk-J5VQF3U6.js";
import "./chunk-L6DUB6QO.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/types/run-types.ts
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { posix, resolve } from "node:path";

// src/types/ts-text.ts
function jsDoc(doc, indent) {
  if (doc === void 0 || doc.trim() === "") return "";
  const lines = doc.replace(/\*\//g, "*\\/").trim().split(/\r?\n/);
  if (lines.length === 1) return `${indent}/** ${lines[0]} */
`;
  return `${indent}/**
${lines.map((l) => `${indent} *${l === "" ? "" : ` ${l}`}`).join("\n")}
${indent} */
`;
}
function propertyKey(name) {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : literal(name);
}
function typeName(text) {
  const name = text.split(/[^A-Za-z0-9]+/).filter((p) => p !== "").map((p) => p[0].toUpperCase() + p.slice(1)).join("");
  return name === "" || /^[0-9]/.test(name) ? `T${name}` : name;
}
function arrayOf(type) {
  return /[|&]/.test(type) ? `Array<${type}>` : `${type}[]`;
}
function literal(value) {
  if (typeof value !== "string") return JSON.stringify(value);
  return `'${JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

// src/types/avro-to-ts.ts
function avroToTs(schema, referenceFiles, rootName) {
  const imports = /* @__PURE__ */ new Map();
  const names = /* @__PURE__ */ new Map();
  const shortCount = /* @__PURE__ */ new Map();
  for (const t of schema.named.values()) shortCount.set(t.name, (shortCount.get(t.name) ?? 0) + 1);
  const nameOf = (t) => {
    let n = names.get(t);
    if (n === void 0) {
      n = (shortCount.get(t.name) ?? 0) > 1 ? typeName(t.fullName) : typeName(t.name);
      names.set(t, n);
    }
    return n;
  };
  const declarations = [];
  const declared = /* @__PURE__ */ new Set();
  const ref = (t) => {
    switch (t.kind) {
      case "null":
        return "null";
      case "boolean":
        return "boolean";
      case "int":
      case "long":
      case "float":
      case "double":
        return "number";
      case "bytes":
      case "fixed":
        if (t.kind === "fixed") declare(t);
        return t.kind === "fixed" ? nameOf(t) : "Uint8Array";
      case "string":
        return "string";
      case "array":
        return arrayOf(ref(t.items));
      case "map":
        return `Record<string, ${ref(t.values)}>`;
      case "union":
        return t.branches.map(ref).join(" | ");
      case "record":
      case "enum":
        declare(t);
        return nameOf(t);
    }
  };
  const declare = (t) => {
    if (declared.has(t)) return;
    declared.add(t);
    if (t.source > 0) {
      const file = referenceFiles[t.source - 1];
      if (file !== void 0) {
        const set = imports.get(file) ?? /* @__PURE__ */ new Set();
        set.add(nameOf(t));
        imports.set(file, set);
        return;
      }
    }
    const doc = jsDoc(
      t.doc === void 0 ? `${t.fullName}` : `${t.doc}

Avro ${t.kind} ${t.fullName}.`,
      ""
    );
    if (t.kind === "enum") {
      declarations.push(`${doc}export type ${nameOf(t)} = ${t.symbols.map(literal).join(" | ")};
`);
    } else if (t.kind === "fixed") {
      declarations.push(`${doc}export type ${nameOf(t)} = Uint8Array; // ${t.size} bytes
`);
    } else {
      const index = declarations.length;
      declarations.push("");
      const fields = t.fields.map((f) => `${jsDoc(f.doc, "  ")}  ${propertyKey(f.name)}: ${ref(f.type)};
`);
      declarations[index] = `${doc}export interface ${nameOf(t)} {
${fields.join("")}}
`;
    }
  };
  const root = ref(schema.root);
  if (!isNamed(schema.root)) declarations.unshift(`export type ${typeName(rootName)} = ${root};
`);
  else if (schema.root.source > 0) declarations.unshift(`export type { ${root} };
`);
  return { body: declarations.join("\n"), imports, nameOf };
}

// src/types/jsonschema-declarations.ts
var isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
function jsonSchemaDeclarations(schema, rootName) {
  const refs = /* @__PURE__ */ new Map();
  const root = isObject(schema) && typeof schema["title"] === "string" ? typeName(schema["title"]) : typeName(rootName);
  const declarations = [[root, schema]];
  for (const key of ["$defs", "definitions"]) {
    const d = isObject(schema) ? schema[key] : void 0;
    if (!isObject(d)) continue;
    for (const [name, s] of Object.entries(d)) {
      refs.set(`#/${key}/${name}`, typeName(name));
      declarations.push([typeName(name), s]);
    }
  }
  return { refs, declarations };
}

// src/types/jsonschema-to-ts.ts
function jsonSchemaToTs(schema, rootName) {
  const { refs, declarations } = jsonSchemaDeclarations(schema, rootName);
  return declarations.map(([name, s]) => declaration(name, s, refs)).join("\n");
}
function declaration(name, s, defs) {
  const doc = isObject(s) && typeof s["description"] === "string" ? s["description"] : void 0;
  return `${jsDoc(doc, "")}export type ${name} = ${toTs(s, defs, "")};
`;
}
function toTs(s, defs, indent) {
  if (s === true) return "unknown";
  if (s === false) return "never";
  if (!isObject(s)) return "unknown";
  const ref = s["$ref"];
  if (typeof ref === "string") return defs.get(ref) ?? `unknown /* ${ref.replace(/\*\//g, "")} */`;
  if (s["const"] !== void 0) return literal(s["const"]);
  const e = s["enum"];
  if (Array.isArray(e)) return e.map(literal).join(" | ") || "never";
  for (const k of ["anyOf", "oneOf"]) {
    const list = s[k];
    if (Array.isArray(list)) return list.map((x) => toTs(x, defs, indent)).join(" | ") || "never";
  }
  const all = s["allOf"];
  if (Array.isArray(all)) return all.map((x) => toTs(x, defs, indent)).join(" & ") || "unknown";
  const t = s["type"];
  if (Array.isArray(t))
    return t.map((x) => typeof x === "string" ? ofType(x, s, defs, indent) : "unknown").join(" | ");
  if (typeof t === "string") return ofType(t, s, defs, indent);
  if (isObject(s["properties"])) return ofType("object", s, defs, indent);
  if (s["items"] !== void 0) return ofType("array", s, defs, indent);
  return "unknown";
}
function ofType(t, s, defs, indent) {
  switch (t) {
    case "string":
      return "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "array": {
      const prefix = s["prefixItems"];
      if (Array.isArray(prefix)) return `[${prefix.map((x) => toTs(x, defs, indent)).join(", ")}]`;
      const items = s["items"];
      if (Array.isArray(items)) return `[${items.map((x) => toTs(x, defs, indent)).join(", ")}]`;
      return items === void 0 ? "unknown[]" : arrayOf(toTs(items, defs, indent));
    }
    case "object": {
      const props = s["properties"];
      const additional = s["additionalProperties"];
      if (!isObject(props))
        return isObject(additional) ? `Record<string, ${toTs(additional, defs, indent)}>` : "Record<string, unknown>";
      const required = new Set(
        Array.isArray(s["required"]) ? s["required"].filter((r) => typeof r === "string") : []
      );
      const inner = `${indent}  `;
      const members = Object.entries(props).map(([k, p]) => {
        const doc = isObject(p) && typeof p["description"] === "string" ? p["description"] : void 0;
        return `${jsDoc(doc, inner)}${inner}${propertyKey(k)}${required.has(k) ? "" : "?"}: ${toTs(p, defs, inner)};
`;
      });
      return `{
${members.join("")}${indent}}`;
    }
    default:
      return "unknown";
  }
}

// src/types/avro-to-zod.ts
function avroToZod(schema, nameOf, rootName) {
  const out = [];
  const declared = /* @__PURE__ */ new Set();
  const z = (t) => {
    switch (t.kind) {
      case "null":
        return "z.null()";
      case "boolean":
        return "z.boolean()";
      case "int":
      case "long":
        return "z.number().int()";
      case "float":
      case "double":
        return "z.number()";
      case "string":
        return "z.string()";
      case "bytes":
        return "z.instanceof(Uint8Array)";
      case "array":
        return `z.array(${z(t.items)})`;
      case "map":
        return `z.record(z.string(), ${z(t.values)})`;
      case "union": {
        const rest = t.branches.filter((b) => b.kind !== "null");
        const inner = rest.length === 1 ? z(rest[0]) : `z.union([${rest.map(z).join(", ")}])`;
        return rest.length < t.branches.length ? `${inner}.nullable()` : inner;
      }
      default:
        declare(t);
        return `z.lazy(() => ${nameOf(t)}Schema)`;
    }
  };
  const declare = (t) => {
    if (declared.has(t) || t.source > 0) return;
    declared.add(t);
    const name = nameOf(t);
    const describe = t.doc === void 0 ? "" : `.describe(${literal(t.doc)})`;
    let body;
    if (t.kind === "enum") body = `z.enum([${t.symbols.map(literal).join(", ")}])`;
    else if (t.kind === "fixed")
      body = `z.instanceof(Uint8Array).refine((b) => b.length === ${t.size}, ${literal(`${t.fullName} has ${t.size} bytes`)})`;
    else {
      const index = out.length;
      out.push("");
      const fields = t.fields.map(
        (f) => `  ${propertyKey(f.name)}: ${z(f.type)}${f.doc === void 0 ? "" : `.describe(${literal(f.doc)})`},
`
      );
      out[index] = `export const ${name}Schema: z.ZodType<${name}> = z.object({
${fields.join("")}})${describe};
`;
      return;
    }
    out.push(`export const ${name}Schema: z.ZodType<${name}> = ${body}${describe};
`);
  };
  const root = z(schema.root);
  if (!isNamed(schema.root))
    out.unshift(`export const ${typeName(rootName)}Schema: z.ZodType<${typeName(rootName)}> = ${root};
`);
  return out.join("\n");
}

// src/types/jsonschema-to-zod.ts
function jsonSchemaToZod(schema, rootName) {
  const { refs, declarations } = jsonSchemaDeclarations(schema, rootName);
  return declarations.map(([name, s]) => declaration2(name, s, refs)).join("\n");
}
function declaration2(name, s, defs) {
  return `export const ${name}Schema: z.ZodType<${name}> = ${toZod(s, defs, "")};
`;
}
function toZod(s, defs, indent) {
  if (s === true) return "z.unknown()";
  if (s === false) return "z.never()";
  if (!isObject(s)) return "z.unknown()";
  const ref = s["$ref"];
  if (typeof ref === "string") {
    const name = defs.get(ref);
    return name === void 0 ? "z.unknown()" : `z.lazy(() => ${name}Schema)`;
  }
  if (s["const"] !== void 0) return `z.literal(${literal(s["const"])})`;
  const e = s["enum"];
  if (Array.isArray(e)) return union(e.map((v) => `z.literal(${literal(v)})`));
  for (const k of ["anyOf", "oneOf"]) {
    const list = s[k];
    if (Array.isArray(list)) return union(list.map((x) => toZod(x, defs, indent)));
  }
  const all = s["allOf"];
  if (Array.isArray(all) && all.length > 0)
    return all.map((x) => toZod(x, defs, indent)).reduce((a, b) => `z.intersection(${a}, ${b})`);
  const t = s["type"];
  if (Array.isArray(t))
    return union(t.map((x) => typeof x === "string" ? ofType2(x, s, defs, indent) : "z.unknown()"));
  if (typeof t === "string") return ofType2(t, s, defs, indent);
  if (isObject(s["properties"])) return ofType2("object", s, defs, indent);
  if (s["items"] !== void 0) return ofType2("array", s, defs, indent);
  return "z.unknown()";
}
function union(members) {
  if (members.length === 0) return "z.never()";
  return members.length === 1 ? members[0] : `z.union([${members.join(", ")}])`;
}
function ofType2(t, s, defs, indent) {
  switch (t) {
    case "string":
      return "z.string()";
    case "integer":
      return "z.number().int()";
    case "number":
      return "z.number()";
    case "boolean":
      return "z.boolean()";
    case "null":
      return "z.null()";
    case "array": {
      const tuple = Array.isArray(s["prefixItems"]) ? s["prefixItems"] : Array.isArray(s["items"]) ? s["items"] : void 0;
      if (tuple !== void 0) return `z.tuple([${tuple.map((x) => toZod(x, defs, indent)).join(", ")}])`;
      return s["items"] === void 0 ? "z.array(z.unknown())" : `z.array(${toZod(s["items"], defs, indent)})`;
    }
    case "object": {
      const props = s["properties"];
      const additional = s["additionalProperties"];
      if (!isObject(props))
        return `z.record(z.string(), ${isObject(additional) ? toZod(additional, defs, indent) : "z.unknown()"})`;
      const required = new Set(
        Array.isArray(s["required"]) ? s["required"].filter((r) => typeof r === "string") : []
      );
      const inner = `${indent}  `;
      const members = Object.entries(props).map(
        ([k, p]) => `${inner}${propertyKey(k)}: ${toZod(p, defs, inner)}${required.has(k) ? "" : ".optional()"},
`
      );
      return `z.object({
${members.join("")}${indent}})`;
    }
    default:
      return "z.unknown()";
  }
}

// src/types/run-types.ts
async function runTypes(options) {
  const top = await repoRoot(options.cwd);
  const config = options.configPath === void 0 ? loadConfig(top) : loadConfigAt(top, options.configPath, options.cwd);
  const files = await candidateFiles(top, config, { kind: "worktree" });
  const paths = [...files.oids.keys()].sort();
  const bytes = await files.read(paths);
  const index = new NameIndex(async () => bytes, config.root);
  const outDir = resolve(options.cwd, options.out);
  const moduleOf = (schemaPath) => {
    const inRoot = config.root === "." ? schemaPath : schemaPath.slice(config.root.length + 1);
    return `${inRoot.slice(0, inRoot.length - posix.extname(inRoot).length)}.ts`;
  };
  const result = { written: [], unchanged: [], skipped: [] };
  for (const path of paths) {
    const settings = subjectSettings(path, config);
    const loaded = await loadSchema(path, bytes.get(path) ?? Buffer.alloc(0), {
      ...settings.format === void 0 ? {} : { format: settings.format },
      index,
      policy: config.jsonSchemaPolicy
    });
    if (!loaded.ok) {
      const p = loaded.problems[0];
      throw new SchemagateError(
        "INVALID_SCHEMA",
        `${p.message} (no types are written from a broken schema)`,
        {
          file: path,
          line: p.line,
          column: p.column
        }
      );
    }
    if (loaded.format === "protobuf") {
      result.skipped.push(path);
      continue;
    }
    const rootName = posix.basename(path, posix.extname(path));
    const module = moduleOf(path);
    let body;
    const importLines = [];
    if (options.zod === true) importLines.push(`import { z } from 'zod';
`);
    if (loaded.format === "avro") {
      const schema = loaded.schema;
      const ts = avroToTs(
        schema,
        loaded.references.map((r) => r.file),
        rootName
      );
      body = ts.body;
      if (options.zod === true) body += `
${avroToZod(schema, ts.nameOf, rootName)}`;
      for (const [file, names] of [...ts.imports].sort(([a], [b]) => a.localeCompare(b))) {
        let rel = posix.relative(posix.dirname(module), moduleOf(file)).replace(/\.ts$/, ".js");
        if (!rel.startsWith(".")) rel = `./${rel}`;
        const sorted = [...names].sort();
        importLines.push(`import type { ${sorted.join(", ")} } from '${rel}';
`);
        if (options.zod === true)
          importLines.push(`import { ${sorted.map((n) => `${n}Schema`).join(", ")} } from '${rel}';
`);
      }
    } else {
      body = jsonSchemaToTs(loaded.doc.value, rootName);
      if (options.zod === true) body += `
${jsonSchemaToZod(loaded.doc.value, rootName)}`;
    }
    const text = `// Generated by \`schemagate types\` from ${path}. Do not edit: change the schema and run it again.

` + (importLines.length === 0 ? "" : `${importLines.join("")}
`) + body;
    const target = resolve(outDir, module);
    let current;
    try {
      current = readFileSync(target, "utf8");
    } catch {
      current = void 0;
    }
    const shown = posix.join(options.out, module);
    if (current === text) {
      result.unchanged.push(shown);
      continue;
    }
    mkdirSync(posix.dirname(target), { recursive: true });
    writeFileSync(target, text);
    result.written.push(shown);
  }
  return result;
}
export {
  runTypes
};
