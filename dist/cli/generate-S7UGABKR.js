import {
  configAt
} from "./chunk-RNR4LZQT.js";
import {
  parseCommandArgs,
  refuseArguments
} from "./chunk-ETRZGG5M.js";
import {
  parseAvro
} from "./chunk-A7H2MM5I.js";
import {
  loadConfig
} from "./chunk-GZ7YKJFV.js";
import {
  repoRoot
} from "./chunk-X223GS44.js";
import {
  subjectSettings
} from "./chunk-MYU7MPXZ.js";
import "./chunk-KVYAH4SS.js";
import "./chunk-J5VQF3U6.js";
import "./chunk-L6DUB6QO.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";
import "./chunk-2Y665M2Q.js";

// src/codegen/generate.ts
import { mkdirSync, readFileSync, writeFileSync as writeFileSync2 } from "node:fs";
import { dirname as dirname2, join as join3 } from "node:path";

// src/codegen/load.ts
import { existsSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { pathToFileURL } from "node:url";

// src/formats/zod/declare.ts
var DECLARATION = /* @__PURE__ */ Symbol.for("schemagate.declaration");
function isDeclaration(value) {
  if (typeof value !== "object" || value === null) return false;
  const kind = value[DECLARATION];
  return kind === "message" || kind === "base";
}
function fullNameOf(d) {
  return d.namespace === void 0 || d.namespace === "" ? d.name : `${d.namespace}.${d.name}`;
}

// src/codegen/load.ts
var TYPESCRIPT = /* @__PURE__ */ new Set([".ts", ".mts", ".cts", ".tsx"]);
var JAVASCRIPT = /* @__PURE__ */ new Set([".js", ".mjs", ".cjs"]);
async function loadDeclarations(repoRoot2, modules) {
  const out = [];
  for (const module of modules) {
    const full = join(repoRoot2, module);
    const ext = extname(module).toLowerCase();
    if (!TYPESCRIPT.has(ext) && !JAVASCRIPT.has(ext))
      throw broken(module, `not a .ts or .js module (generate: lists model modules)`);
    if (!existsSync(full)) throw broken(module, `no such file (listed under 'generate:' in schemagate.yaml)`);
    const exports = TYPESCRIPT.has(ext) ? await importTypeScript(module, full) : await importModule(module, full);
    const found = Object.entries(exports).filter(([, v]) => isDeclaration(v));
    if (found.length === 0)
      throw broken(module, "exports no declaration (export the values of defineMessage/defineBase)");
    for (const [exportName, declaration] of found.sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0))
      if (isDeclaration(declaration)) out.push({ module, exportName, declaration });
  }
  return out;
}
async function importModule(module, full) {
  try {
    return await import(pathToFileURL(full).href);
  } catch (e) {
    if (e instanceof SchemagateError) throw e;
    throw broken(module, `failed to load: ${e instanceof Error ? e.message : String(e)}`);
  }
}
async function importTypeScript(module, full) {
  const { build } = await import("esbuild");
  let code;
  try {
    const result = await build({
      entryPoints: [full],
      bundle: true,
      packages: "external",
      platform: "node",
      format: "esm",
      target: "node20",
      write: false,
      logLevel: "silent",
      sourcemap: "inline"
    });
    code = result.outputFiles[0]?.text ?? "";
  } catch (e) {
    const first = e.errors?.[0];
    const where = first?.location == null ? "" : ` (${first.location.file}:${first.location.line}:${first.location.column + 1})`;
    throw broken(module, `cannot be compiled: ${first?.text ?? String(e)}${where}`);
  }
  const temp = join(dirname(full), `.${basename(full)}.schemagate-${process.pid}.mjs`);
  writeFileSync(temp, code);
  try {
    return await importModule(module, temp);
  } finally {
    unlinkSync(temp);
  }
}
function broken(module, problem) {
  return new SchemagateError("INVALID_CONFIG", problem, { file: module });
}

// src/formats/zod/errors.ts
var ModelMappingError = class extends SchemagateError {
  model;
  path;
  constructor(model, path, problem) {
    super("MODEL_UNMAPPABLE", `model ${model}${path === "" ? "" : `, field ${path}`}: ${problem}`);
    this.name = "ModelMappingError";
    this.model = model;
    this.path = path;
  }
};

// src/formats/zod/avro-default.ts
function avroDefault(value, type, named, problem) {
  const bad = (what) => problem(`default ${show(value)} is not ${what}`);
  if (Array.isArray(type)) {
    const first = type[0] ?? problem("a union without branches");
    return avroDefault(
      value,
      first,
      named,
      (m) => problem(`${m} (a union's default must fit its first branch)`)
    );
  }
  if (typeof type === "string") {
    const definition = named.get(type) ?? [...named].find(([full]) => full.endsWith(`.${type}`))?.[1];
    if (definition !== void 0) return avroDefault(value, definition, named, problem);
    return primitive(value, type, bad, problem);
  }
  const t = type;
  const kind = t.type;
  if (kind === "long" && t.logicalType === "timestamp-millis") {
    if (value instanceof Date) return value.getTime();
    return bad("a Date");
  }
  if (kind === "enum") {
    if (typeof value === "string" && t.symbols.includes(value)) return value;
    return bad(`one of the symbols ${t.symbols.join(", ")}`);
  }
  if (kind === "array") {
    if (!Array.isArray(value)) return bad("an array");
    return value.map((v) => avroDefault(v, t.items, named, problem));
  }
  if (kind === "map") {
    if (!isPlainObject(value)) return bad("an object (map)");
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, avroDefault(v, t.values, named, problem)])
    );
  }
  if (kind === "record") {
    if (!isPlainObject(value)) return bad("an object (record)");
    const out = {};
    for (const f of t.fields) {
      if (f.name in value) out[f.name] = avroDefault(value[f.name], f.type, named, problem);
      else if ("default" in f) out[f.name] = f.default;
      else problem(`default ${show(value)} has no value for the record's field ${f.name}`);
    }
    return out;
  }
  if (typeof kind === "string") return primitive(value, kind, bad, problem);
  return problem(`cannot check a default against ${JSON.stringify(type)}`);
}
function primitive(value, type, bad, problem) {
  switch (type) {
    case "null":
      return value === null ? null : bad("null");
    case "boolean":
      return typeof value === "boolean" ? value : bad("a boolean");
    case "int":
      return Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31 ? value : bad("a 32-bit integer");
    case "long":
      if (typeof value === "bigint") {
        if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER))
          return bad("a long that JSON holds exactly");
        return Number(value);
      }
      return Number.isInteger(value) ? value : bad("an integer");
    case "float":
    case "double":
      return typeof value === "number" && Number.isFinite(value) ? value : bad("a finite number");
    case "string":
      return typeof value === "string" ? value : bad("a string");
    case "bytes":
      return value instanceof Uint8Array ? String.fromCharCode(...value) : bad("a Uint8Array");
    default:
      return problem(`cannot check a default against the type ${type}`);
  }
}
function isPlainObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Uint8Array);
}
function show(value) {
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value) ?? String(value);
}

// src/formats/zod/zod-view.ts
import { globalRegistry } from "zod/v4/core";
function isZodSchema(value) {
  if (typeof value !== "object" || value === null || !("_zod" in value)) return false;
  const z = value._zod;
  return typeof z === "object" && z !== null && typeof z.def?.type === "string";
}
function defOf(schema) {
  return schema._zod.def;
}
function child(def, key) {
  const v = def[key];
  return isZodSchema(v) ? v : void 0;
}
function ownMeta(schema) {
  const registry = globalRegistry;
  const own = registry._map instanceof WeakMap ? registry._map.get(schema) : registry.get(schema);
  return typeof own === "object" && own !== null ? own : {};
}
function lineage(schema) {
  const out = [];
  for (let s = schema; s !== void 0; s = s._zod.parent) out.push(s);
  return out;
}
function typeMeta(schema) {
  const chain = lineage(schema);
  const withId = chain.find((s) => ownMeta(s).id !== void 0);
  if (withId !== void 0) return ownMeta(withId);
  const avro = chain.map((s) => ownMeta(s).avro).find((a) => a !== void 0);
  return avro === void 0 ? {} : { avro };
}
function checksOf(def) {
  const checks = def.checks;
  if (!Array.isArray(checks)) return [];
  return checks.map((c) => c._zod.def);
}

// src/formats/zod/to-avro.ts
var INT_MIN = -(2 ** 31);
var INT_MAX = 2 ** 31 - 1;
var NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
var UNMAPPABLE = {
  tuple: "tuples have no Avro type (use an object with named fields)",
  intersection: "intersections have no Avro type (merge the objects with .extend())",
  function: "functions are not data",
  promise: "promises are not data",
  transform: "transforms change the type, so the schema cannot describe the value the model produces",
  pipe: "pipes and transforms change the type, so the schema cannot describe the value the model produces",
  map: "a JavaScript Map has no Avro type (use z.record(z.string(), T))",
  set: "a JavaScript Set has no Avro type (use z.array(T))",
  any: "any has no schema (name the type)",
  unknown: "unknown has no schema (name the type)",
  never: "never has no schema",
  undefined: "undefined alone has no Avro type (use .optional())",
  void: "void has no Avro type",
  symbol: "symbols are not data",
  nan: "NaN alone has no Avro type",
  template_literal: "template literals have no Avro type",
  file: "files have no Avro type (use bytes: z.instanceof(Uint8Array))",
  success: "z.success has no Avro type"
};
var AvroMapper = class {
  constructor(model, namespace, bases) {
    this.model = model;
    this.namespace = namespace;
    this.bases = bases;
  }
  model;
  namespace;
  bases;
  warnings = [];
  references = /* @__PURE__ */ new Set();
  /** Named types defined in this schema, by definition (to reuse) and by full name (to refuse clashes). */
  defined = /* @__PURE__ */ new Map();
  byName = /* @__PURE__ */ new Map();
  /** The JSON of each named type defined here, by full name, to check defaults against. */
  named = /* @__PURE__ */ new Map();
  fail(path, problem) {
    throw new ModelMappingError(this.model, path, problem);
  }
  warn(path, message) {
    this.warnings.push({ model: this.model, path, message });
  }
  record(schema, path, name, doc, namespace) {
    const def = defOf(schema);
    const shape = def.shape;
    const out = { type: "record", name };
    if (namespace !== void 0 && namespace !== "") out.namespace = namespace;
    if (doc !== void 0) out.doc = doc;
    const full = this.claim(def, name, path);
    this.named.set(full, out);
    this.narrowings(def, path);
    out.fields = Object.keys(shape).map(
      (key) => this.field(key, shape[key], join2(path, key))
    );
    return out;
  }
  /** Reserves a named type's full name for this definition; a second model with the same name is an error. */
  claim(def, name, path) {
    if (!NAME.test(name)) this.fail(path, `'${name}' is not a valid Avro name (letters, digits and _)`);
    const full = this.namespace === void 0 || this.namespace === "" ? name : `${this.namespace}.${name}`;
    const other = this.byName.get(full);
    if (other !== void 0 && other !== def)
      this.fail(
        path,
        `two different models are both named ${name}: give one another name with .meta({ id })`
      );
    this.byName.set(full, def);
    this.defined.set(def, name);
    return full;
  }
  field(name, schema, path) {
    if (!NAME.test(name)) this.fail(path, `'${name}' is not a valid Avro field name (letters, digits and _)`);
    let s = schema;
    let nullable = false;
    let fallback;
    let doc;
    for (; ; ) {
      doc ??= fieldDoc(s);
      const def = defOf(s);
      if (def.type === "optional" || def.type === "nullable") nullable = true;
      else if (def.type === "default" || def.type === "prefault") fallback ??= this.fixedDefault(def, path);
      else if (def.type !== "readonly" && def.type !== "nonoptional") break;
      s = child(def, "innerType") ?? this.fail(path, `${def.type} without an inner type`);
    }
    let type = this.type(s, path, pascal(name));
    const out = { name, type };
    if (nullable) {
      const branches = Array.isArray(type) ? type.filter((b) => b !== "null") : [type];
      const value = fallback?.value ?? null;
      type = value === null ? ["null", ...branches] : [...branches, "null"];
      out.type = type;
      out.default = avroDefault(value, type, this.named, (p) => this.fail(path, p));
    } else if (fallback !== void 0) {
      out.default = avroDefault(fallback.value, type, this.named, (p) => this.fail(path, p));
    }
    if (doc !== void 0) out.doc = doc;
    return out;
  }
  /**
   * A `.default()` value. zod calls a default given as a function on every read: one that gives a new
   * value each time (`() => crypto.randomUUID()`) has no fixed Avro default, and would make the file
   * differ on every run.
   */
  fixedDefault(def, path) {
    const first = def.defaultValue;
    if (stable(first) !== stable(def.defaultValue))
      this.fail(path, "the default is computed at run time (a function), so it has no fixed Avro default");
    return { value: first };
  }
  type(schema, path, hint) {
    const def = defOf(schema);
    const base = this.bases.get(def);
    if (base !== void 0) {
      this.references.add(base);
      return base;
    }
    const known = this.defined.get(def);
    if (known !== void 0) return known;
    switch (def.type) {
      case "string":
        return this.string(def, path);
      case "number":
        return this.number(schema, def, path);
      case "bigint":
        this.narrowings(def, path, ["bigint_format"]);
        return "long";
      case "boolean":
        return "boolean";
      case "date":
        this.narrowings(def, path);
        return { type: "long", logicalType: "timestamp-millis" };
      case "null":
        return "null";
      case "custom":
        return this.custom(def, path);
      case "enum":
        return this.enumeration(schema, def, path, hint);
      case "literal":
        return this.literal(def, path);
      case "array":
        this.narrowings(def, path);
        return {
          type: "array",
          items: this.type(
            child(def, "element") ?? this.fail(path, "array without items"),
            `${path}[]`,
            hint
          )
        };
      case "record":
        return this.map(def, path, hint);
      case "object": {
        const meta = typeMeta(schema);
        return this.record(schema, path, meta.id ?? hint, meta.description);
      }
      case "union":
        return this.union(def, path, hint);
      case "lazy": {
        const getter = def.getter;
        const inner = getter?.();
        return this.type(
          isZodSchema(inner) ? inner : this.fail(path, "z.lazy() must return a zod schema"),
          path,
          hint
        );
      }
      case "optional":
      case "nullable": {
        const inner = this.type(
          child(def, "innerType") ?? this.fail(path, `${def.type} without an inner type`),
          path,
          hint
        );
        return ["null", ...Array.isArray(inner) ? inner.filter((b) => b !== "null") : [inner]];
      }
      case "default":
      case "prefault":
      case "readonly":
      case "nonoptional":
        return this.type(
          child(def, "innerType") ?? this.fail(path, `${def.type} without an inner type`),
          path,
          hint
        );
      case "catch":
        this.warn(
          path,
          ".catch() fallback dropped: the schema describes the value, not how the model repairs it"
        );
        return this.type(
          child(def, "innerType") ?? this.fail(path, "catch without an inner type"),
          path,
          hint
        );
      default:
        return this.fail(path, UNMAPPABLE[def.type] ?? `zod type '${def.type}' has no Avro mapping`);
    }
  }
  string(def, path) {
    const formats = [def.format, ...checksOf(def).map((c) => c.format)].filter((f) => f !== void 0);
    const uuid = formats.some((f) => f === "uuid" || f === "guid");
    this.narrowings(def, path, uuid ? ["string_format"] : []);
    if (!uuid && def.format !== void 0)
      this.warn(path, `string format '${String(def.format)}' dropped: Avro writes a plain string`);
    return uuid ? { type: "string", logicalType: "uuid" } : "string";
  }
  number(schema, def, path) {
    const checks = checksOf(def);
    const formats = [def.format, ...checks.filter((c) => c.check === "number_format").map((c) => c.format)];
    const integer = formats.some((f) => f === "safeint" || f === "int32" || f === "uint32");
    this.narrowings(def, path, ["number_format", "greater_than", "less_than"]);
    if (!integer) return formats.includes("float32") ? "float" : "double";
    const option = lineage(schema).map((s) => ownMeta(s).avro?.type).find((t) => t !== void 0);
    if (option !== void 0) return option;
    const { min, max } = bounds(checks, formats);
    return (max ?? 0) > INT_MAX || (min ?? 0) < INT_MIN ? "long" : "int";
  }
  custom(def, path) {
    const fn = def.fn;
    if (typeof fn === "function" && fn(new Uint8Array(0)) === true && fn("") !== true) return "bytes";
    return this.fail(
      path,
      "a custom type (z.custom, z.instanceof) has no Avro mapping except z.instanceof(Uint8Array) for bytes"
    );
  }
  enumeration(schema, def, path, hint) {
    const values = Object.values(def.entries);
    const bad = values.find((v) => typeof v !== "string" || !NAME.test(v));
    if (bad !== void 0)
      this.fail(
        path,
        `enum value ${JSON.stringify(bad)} is not an Avro symbol (a name of letters, digits and _)`
      );
    const meta = typeMeta(schema);
    const name = meta.id ?? hint;
    const out = { type: "enum", name };
    const full = this.claim(def, name, path);
    if (meta.description !== void 0) out.doc = meta.description;
    out.symbols = values;
    const symbol = meta.avro?.default;
    if (symbol !== void 0) {
      if (!values.includes(symbol))
        this.fail(path, `the enum's default symbol '${symbol}' is not one of its symbols`);
      out.default = symbol;
    }
    this.named.set(full, out);
    return out;
  }
  literal(def, path) {
    const values = def.values;
    const kinds = new Set(values.map((v) => v === null ? "null" : typeof v));
    const [kind] = kinds;
    if (kinds.size !== 1) return this.fail(path, "a literal of mixed kinds has no single Avro type");
    if (kind === "string" || kind === "boolean" || kind === "null") return kind;
    if (kind === "number")
      return values.every((v) => Number.isInteger(v) && v >= INT_MIN && v <= INT_MAX) ? "int" : "double";
    if (kind === "bigint") return "long";
    return this.fail(path, `a ${String(kind)} literal has no Avro type`);
  }
  map(def, path, hint) {
    const key = child(def, "keyType");
    if (key === void 0 || defOf(key).type !== "string")
      this.fail(path, "Avro map keys are strings: use z.record(z.string(), T)");
    this.narrowings(defOf(key), path);
    return {
      type: "map",
      values: this.type(
        child(def, "valueType") ?? this.fail(path, "record without values"),
        `${path}{}`,
        hint
      )
    };
  }
  union(def, path, hint) {
    const options = def.options.filter(isZodSchema);
    const discriminator = typeof def.discriminator === "string" ? def.discriminator : void 0;
    const branches = /* @__PURE__ */ new Map();
    options.forEach((option, i) => {
      const tag = discriminator === void 0 ? void 0 : tagOf(option, discriminator);
      const t = this.type(option, path, tag === void 0 ? `${hint}${i + 1}` : pascal(tag));
      for (const b of Array.isArray(t) ? t : [t]) {
        const key = branchKey(b);
        if (key === "null" && branches.has(key)) continue;
        if (branches.has(key))
          this.fail(path, `two branches of the union are both Avro ${key}, which a union cannot hold twice`);
        branches.set(key, b);
      }
    });
    return [...branches.values()];
  }
  /** Checks that only narrow the values (lengths, bounds, patterns, refinements) are not in Avro: say so. */
  narrowings(def, path, mapped = []) {
    for (const check of checksOf(def)) {
      const kind = String(check.check);
      if (mapped.includes(kind)) continue;
      this.warn(
        path,
        kind === "custom" ? "refinement dropped: Avro cannot check it" : kind === "string_format" ? `string format '${String(check.format)}' dropped: Avro writes a plain string` : `check '${kind}' dropped: Avro cannot express it`
      );
    }
  }
};
function bounds(checks, formats) {
  let min = formats.includes("int32") ? INT_MIN : formats.includes("uint32") ? 0 : void 0;
  let max = formats.includes("int32") ? INT_MAX : formats.includes("uint32") ? 2 ** 32 - 1 : void 0;
  for (const c of checks) {
    const v = typeof c.value === "number" ? c.value : void 0;
    if (v === void 0) continue;
    if (c.check === "greater_than") min = Math.max(min ?? -Infinity, v);
    if (c.check === "less_than") max = Math.min(max ?? Infinity, v);
  }
  return { ...min === void 0 ? {} : { min }, ...max === void 0 ? {} : { max } };
}
function stable(v) {
  return JSON.stringify(
    v,
    (_, x) => typeof x === "bigint" ? `${x}n` : x instanceof Uint8Array ? [...x] : x
  ) ?? "undefined";
}
function fieldDoc(schema) {
  for (const s of lineage(schema)) {
    const meta = ownMeta(s);
    if (meta.id !== void 0) return void 0;
    if (meta.description !== void 0) return meta.description;
  }
  return void 0;
}
function branchKey(b) {
  if (typeof b === "string" || Array.isArray(b)) return String(b);
  const named = typeof b.name === "string" ? b.name : void 0;
  return named ?? String(b.type);
}
function tagOf(option, discriminator) {
  const shape = defOf(option).shape;
  const tag = shape?.[discriminator];
  const values = tag === void 0 ? void 0 : defOf(tag).values;
  const first = values?.[0];
  return typeof first === "string" ? first : void 0;
}
function join2(path, key) {
  return path === "" ? key : `${path}.${key}`;
}
function pascal(name) {
  return name.split(/[^A-Za-z0-9]+/).filter((p) => p !== "").map((p) => p[0].toUpperCase() + p.slice(1)).join("");
}
function declarationToAvro(decl, bases = /* @__PURE__ */ new Map()) {
  const full = fullNameOf(decl);
  const def = defOf(decl.model);
  if (def.type !== "object")
    throw new ModelMappingError(full, "", `a message model must be z.object(...), not ${def.type}`);
  const others = new Map([...bases].filter(([d]) => d !== def));
  const mapper = new AvroMapper(full, decl.namespace, others);
  const doc = decl.doc ?? typeMeta(decl.model).description ?? fieldDoc(decl.model);
  const schema = mapper.record(decl.model, "", decl.name, doc, decl.namespace);
  return { schema, references: [...mapper.references].sort(), warnings: mapper.warnings };
}

// src/formats/zod/to-json-schema.ts
import { toJSONSchema } from "zod/v4/core";
function jsonSchemaIdOf(decl) {
  return decl.id ?? fullNameOf(decl);
}
function declarationToJsonSchema(decl, bases = /* @__PURE__ */ new Map()) {
  const own = defOf(decl.model);
  const references = /* @__PURE__ */ new Set();
  let schema;
  try {
    schema = toJSONSchema(decl.model, {
      target: "draft-2020-12",
      unrepresentable: "throw",
      io: "output",
      override: (ctx) => {
        const json = ctx.jsonSchema;
        delete json.avro;
        const base = bases.get(ctx.zodSchema._zod.def);
        if (base === void 0 || ctx.zodSchema._zod.def === own)
          return;
        for (const k of Object.keys(json)) if (k !== "description") delete json[k];
        json.$ref = base;
        references.add(base);
      }
    });
  } catch (e) {
    throw new ModelMappingError(
      fullNameOf(decl),
      "",
      `no JSON Schema: ${e instanceof Error ? e.message : String(e)}`
    );
  }
  const { $schema, ...rest } = schema;
  const doc = decl.doc ?? typeMeta(decl.model).description;
  return {
    schema: {
      $schema,
      $id: jsonSchemaIdOf(decl),
      title: decl.name,
      ...doc === void 0 ? {} : { description: doc },
      ...rest
    },
    references: [...references].sort()
  };
}

// src/formats/zod/write-avsc.ts
function formatAvsc(value) {
  return `${format(value, "", void 0)}
`;
}
var NAMED = /* @__PURE__ */ new Set(["record", "enum", "error", "fixed"]);
function format(value, indent, key) {
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  if (key !== "fields" && !holdsNamedType(value)) return inline(value);
  const inner = `${indent}  `;
  if (Array.isArray(value))
    return `[
${value.map((v) => inner + format(v, inner, void 0)).join(",\n")}
${indent}]`;
  const entries = Object.entries(value).map(
    ([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner, k)}`
  );
  return `{
${entries.join(",\n")}
${indent}}`;
}
function inline(value) {
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
  const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`);
  return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
}
function holdsNamedType(value) {
  if (Array.isArray(value))
    return value.some((v) => typeof v === "object" && v !== null && holdsNamedType(v));
  const type = value.type;
  if (typeof type === "string" && NAMED.has(type) && "name" in value) return true;
  return Object.values(value).some((v) => typeof v === "object" && v !== null && holdsNamedType(v));
}

// src/codegen/layout.ts
function schemaPathOf(decl, config, module) {
  const ext = decl.format === "json" ? ".json" : ".avsc";
  const prefix = config.root === "." ? "" : `${config.root}/`;
  let inRoot;
  if (decl.file !== void 0) inRoot = decl.file.replace(/^\.\//, "");
  else if (decl[DECLARATION] === "base") inRoot = `shared/${decl.name}${ext}`;
  else {
    const subject = intendedSubject(decl);
    const m = /^(.+)-(key|value)$/.exec(subject);
    inRoot = config.naming === "topic" && m !== null ? `${m[1]}/${m[2]}${ext}` : `${subject}${ext}`;
  }
  if (inRoot.startsWith("/") || inRoot.split("/").includes(".."))
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `${module}: ${decl.name}: 'file' must stay under the schema root`
    );
  const path = `${prefix}${inRoot}`;
  const wanted = intendedSubject(decl);
  if (wanted !== void 0) {
    const got = subjectSettings(path, config).subject;
    if (got !== wanted)
      throw new SchemagateError(
        "INVALID_CONFIG",
        `${module}: ${decl.name} is declared for subject ${wanted}, but schemagate.yaml names its file ${path} subject ${got}: set the declaration's 'file' or add a subjects rule`,
        { file: config.file ?? "schemagate.yaml" }
      );
  }
  return path;
}
function intendedSubject(decl) {
  if (decl[DECLARATION] !== "message") return void 0;
  return decl.subject ?? `${decl.topic}-${decl.key ? "key" : "value"}`;
}

// src/codegen/plan.ts
function planGeneration(loaded, config) {
  const unique = dedupe(loaded);
  const avroBases = /* @__PURE__ */ new Map();
  const jsonBases = /* @__PURE__ */ new Map();
  for (const { declaration: d, module } of unique) {
    if (d[DECLARATION] !== "base") continue;
    const def = defOf(d.model);
    if (avroBases.has(def))
      throw new SchemagateError(
        "INVALID_ARGUMENT",
        `${module}: the model of ${d.name} is declared as a base twice`
      );
    avroBases.set(def, fullNameOf(d));
    jsonBases.set(def, jsonSchemaIdOf(d));
  }
  const files = [];
  const warnings = [];
  const byPath = /* @__PURE__ */ new Map();
  const avroTexts = /* @__PURE__ */ new Map();
  const ordered = [...unique].sort((a, b) => rank(a) - rank(b));
  for (const item of ordered) {
    const { declaration: d, module } = item;
    const path = schemaPathOf(d, config, module);
    const other = byPath.get(path);
    if (other !== void 0)
      throw new SchemagateError(
        "INVALID_ARGUMENT",
        `${module}: ${item.exportName} and ${other.module}: ${other.exportName} would both write ${path}`
      );
    byPath.set(path, item);
    let text;
    if (d.format === "json")
      text = `${JSON.stringify(declarationToJsonSchema(d, jsonBases).schema, null, 2)}
`;
    else {
      const mapped = declarationToAvro(d, avroBases);
      warnings.push(...mapped.warnings);
      text = formatAvsc(mapped.schema);
      assertValidAvro(fullNameOf(d), path, text, mapped.references, avroTexts);
      avroTexts.set(fullNameOf(d), text);
    }
    files.push({ path, text, declaration: d, module });
  }
  files.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { files, warnings };
}
var rank = (l) => l.declaration[DECLARATION] === "base" ? 0 : 1;
function assertValidAvro(model, path, text, references, texts) {
  const parsed = parseAvro(text, {
    file: path,
    references: references.map((name) => ({ name, text: texts.get(name) ?? "" }))
  });
  if (!parsed.ok) {
    const first = parsed.issues[0];
    throw new ModelMappingError(
      model,
      "",
      `the generated schema is not valid Avro: ${first?.message ?? "refused"}`
    );
  }
}
function dedupe(loaded) {
  const seen = /* @__PURE__ */ new Set();
  return loaded.filter((l) => seen.has(l.declaration) ? false : (seen.add(l.declaration), true));
}

// src/codegen/generate.ts
async function generateSchemas(repoRoot2, config, options = {}) {
  const plan = planGeneration(await loadDeclarations(repoRoot2, config.generate), config);
  const changed = [];
  const unchanged = [];
  for (const file of plan.files) {
    if (currentText(repoRoot2, file) === file.text) {
      unchanged.push(file.path);
      continue;
    }
    changed.push(file.path);
    if (options.check !== true) {
      const full = join3(repoRoot2, file.path);
      mkdirSync(dirname2(full), { recursive: true });
      writeFileSync2(full, file.text);
    }
  }
  return { changed, unchanged, warnings: plan.warnings };
}
function currentText(repoRoot2, file) {
  try {
    return readFileSync(join3(repoRoot2, file.path), "utf8");
  } catch {
    return void 0;
  }
}

// src/cli/commands/generate.ts
var usage = "schemagate generate [--check] [--config <path>]";
var command = {
  name: "generate",
  summary: "write the schema files of the zod models listed under generate: (--check: exit 1 if any is stale)",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { check: { type: "boolean" }, config: { type: "string", short: "c" } },
      usage
    );
    refuseArguments(positionals, usage);
    const top = await repoRoot(io.cwd);
    const config = values.config === void 0 ? loadConfig(top) : await configAt(io.cwd, values.config);
    if (config.generate.length === 0)
      throw new SchemagateError(
        "INVALID_CONFIG",
        `nothing to generate: ${config.file ?? "schemagate.yaml"} lists no model modules under 'generate:'`,
        { file: config.file ?? "schemagate.yaml" }
      );
    const check = values.check === true;
    const result = await generateSchemas(top, config, { check });
    for (const w of result.warnings)
      io.stderr(
        `schemagate: warning: model ${w.model}${w.path === "" ? "" : `, field ${w.path}`}: ${w.message}
`
      );
    const total = result.changed.length + result.unchanged.length;
    if (check) {
      if (result.changed.length === 0) {
        io.stdout(`${total} generated schema file${total === 1 ? "" : "s"} up to date
`);
        return 0;
      }
      io.stdout(
        `${result.changed.length} schema file${result.changed.length === 1 ? " is" : "s are"} stale (run \`schemagate generate\`):
${result.changed.map((p) => `  ${p}
`).join("")}`
      );
      return 1;
    }
    for (const p of result.changed) io.stdout(`wrote ${p}
`);
    io.stdout(`${result.changed.length} written, ${result.unchanged.length} unchanged
`);
    return 0;
  }
};
var generate_default = command;
export {
  generate_default as default
};
