import {
  KNOWN_FILES,
  MAX_TAG_VALUE,
  ProtoSyntaxError,
  SCALAR_TYPES,
  emptyProtoFile,
  mapTypes,
  parseProtoText
} from "./chunk-Q2EUGLQR.js";

// src/formats/protobuf/types.ts
function isMapEntry(options) {
  return options.some(
    (o) => o.name === "map_entry" && !o.parenthesized && "value" in o.value && o.value.value === "true"
  );
}
var TypeIndex = class {
  constructor(files, base) {
    this.base = base;
    for (const [name, file] of files.dependencies) this.collect(file, name);
    this.collect(files.main, "");
    this.packageName = files.main.packageName ?? "";
  }
  base;
  types = /* @__PURE__ */ new Map();
  extendFields = /* @__PURE__ */ new Map();
  packageName;
  type(fullName) {
    return this.types.get(fullName) ?? this.base?.type(fullName);
  }
  extendField(fullName) {
    return this.extendFields.get(fullName) ?? this.base?.extendField(fullName);
  }
  collect(file, source) {
    const pkg = file.packageName ?? "";
    const prefix = (path) => pkg === "" ? path.join(".") : `${pkg}.${path.join(".")}`;
    const extend = (path, fields) => {
      for (const x of fields)
        for (const f of x.fields)
          this.extendFields.set(prefix([...path, f.name]), { packageName: pkg, field: f });
    };
    const walk = (types, path) => {
      for (const t of types) {
        const here = [...path, t.name];
        const info = { packageName: pkg, source, type: t };
        if (t.kind === "message") {
          extend(here, t.extendDeclarations);
          if (isMapEntry(t.options)) {
            const key = t.fields.find((f) => f.name === "key");
            const value = t.fields.find((f) => f.name === "value");
            if (key !== void 0 && value !== void 0) info.mapType = `map<${key.type}, ${value.type}>`;
          }
        }
        this.types.set(prefix(here), info);
        if (t.kind === "message") walk(t.nestedTypes, here);
      }
    };
    extend([], file.extendDeclarations);
    walk(file.types, []);
  }
};
function resolveName(lookup, packageName, scope, name) {
  if (name.startsWith(".")) {
    const n = name.slice(1);
    return lookup(n) === void 0 ? void 0 : n;
  }
  const prefix = [...packageName === "" ? [] : packageName.split("."), ...scope];
  while (prefix.length > 0) {
    const n = `${prefix.join(".")}.${name}`;
    if (lookup(n) !== void 0) return n;
    prefix.pop();
  }
  return lookup(name) === void 0 ? void 0 : name;
}

// src/formats/protobuf/canonical.ts
var Printer = class {
  constructor(normalize, index) {
    this.normalize = normalize;
    this.index = index;
  }
  normalize;
  index;
  scope = [];
  file(f) {
    let s = "";
    if (f.syntax !== void 0 && (!this.normalize || f.syntax === "proto3"))
      s += `syntax = "${f.syntax}";
`;
    if (f.packageName !== void 0) s += `package ${f.packageName};
`;
    if (f.imports.length > 0 || f.publicImports.length > 0) {
      s += "\n";
      for (const i of this.sorted(f.imports)) s += `import "${i}";
`;
      for (const i of this.sorted(f.publicImports)) s += `import public "${i}";
`;
    }
    const options = this.options(f.options);
    if (options.length > 0) {
      s += "\n";
      for (const o of options) s += this.optionStatement(o);
    }
    const types = this.types(f.types);
    if (types.length > 0) {
      s += "\n";
      s += this.typeBlocks(types, (t) => t);
    }
    if (f.extendDeclarations.length > 0) {
      s += "\n";
      for (const x of this.extends(f.extendDeclarations)) s += this.extend(x);
    }
    if (f.services.length > 0) {
      s += "\n";
      for (const svc of f.services) s += this.service(svc);
    }
    return s;
  }
  sorted(list) {
    return this.normalize ? [...new Set(list)].sort() : list;
  }
  /** Messages first, then enums, each in written order (message order gives the message indexes). */
  typeBlocks(types, wrap) {
    let s = "";
    for (const t of types) if (t.kind === "message") s += this.named(t.name, () => wrap(this.message(t)));
    for (const t of types) if (t.kind === "enum") s += this.named(t.name, () => wrap(this.enumType(t)));
    return s;
  }
  named(name, run) {
    this.scope.push(name);
    try {
      return run();
    } finally {
      this.scope.pop();
    }
  }
  types(types) {
    if (!this.normalize) return types;
    return types.filter((t) => t.kind !== "message" || this.lookup(t.name)?.mapType === void 0);
  }
  lookup(name) {
    const full = this.resolve(name);
    return full === void 0 ? void 0 : this.index?.type(full);
  }
  resolve(name) {
    const index = this.index;
    if (index === void 0) return void 0;
    return resolveName((n) => index.type(n), index.packageName, this.scope, name);
  }
  service(svc) {
    let s = `service ${svc.name} {`;
    const options = this.options(svc.options);
    if (options.length > 0) {
      s += "\n";
      for (const o of options) s += indent(this.optionStatement(o));
    }
    if (svc.rpcs.length > 0) {
      s += "\n";
      for (const r of svc.rpcs) s += indent(this.rpc(r));
    }
    return `${s}}
`;
  }
  rpc(r) {
    const type = (t) => this.normalize ? `.${this.resolve(t) ?? t}` : t;
    let s = `rpc ${r.name} (${r.requestStreaming ? "stream " : ""}${type(r.requestType)}) returns (${r.responseStreaming ? "stream " : ""}${type(r.responseType)})`;
    const options = this.options(r.options);
    if (options.length > 0) {
      s += " {\n";
      for (const o of options) s += indent(this.optionStatement(o));
      s += "}";
    }
    return `${s};
`;
  }
  enumType(e) {
    let s = `enum ${e.name} {`;
    if (e.reserveds.length > 0) {
      s += "\n";
      for (const r of this.reserveds(e.reserveds)) s += indent(this.reserved(r));
    }
    if (e.reserveds.length === 0 && (e.options.length > 0 || e.constants.length > 0)) s += "\n";
    for (const o of this.options(e.options)) s += indent(this.optionStatement(o));
    const constants = this.normalize ? [...e.constants].sort((a, b) => a.tag - b.tag || javaCompare(a.name, b.name)) : e.constants;
    for (const c of constants) s += indent(this.constant(c));
    return `${s}}
`;
  }
  constant(c) {
    const options = this.options(c.options);
    return `${c.name} = ${c.tag}${options.length > 0 ? ` ${this.optionList(options)}` : ""};
`;
  }
  message(m) {
    let s = `message ${m.name} {`;
    if (m.reserveds.length > 0) {
      s += "\n";
      for (const r of this.reserveds(m.reserveds)) s += indent(this.reserved(r));
    }
    const options = this.options(m.options);
    if (options.length > 0) {
      s += "\n";
      for (const o of options) s += indent(this.optionStatement(o));
    }
    if (m.fields.length > 0) {
      s += "\n";
      for (const f of this.byTag(m.fields)) s += indent(this.field(f));
    }
    if (m.oneOfs.length > 0) {
      s += "\n";
      for (const o of this.oneOfs(m.oneOfs)) s += indent(this.oneOf(o));
    }
    if (m.groups.length > 0) {
      s += "\n";
      for (const g of this.byTag(m.groups)) s += indent(this.group(g));
    }
    if (m.extensions.length > 0) {
      s += "\n";
      for (const x of this.extensionRanges(m.extensions)) s += indent(this.extensions(x));
    }
    if (m.extendDeclarations.length > 0) {
      s += "\n";
      for (const x of this.extends(m.extendDeclarations)) s += indent(this.extend(x));
    }
    const types = this.types(m.nestedTypes);
    if (types.length > 0) {
      s += "\n";
      s += this.typeBlocks(types, indent);
    }
    return `${s}}
`;
  }
  byTag(list) {
    return this.normalize ? [...list].sort((a, b) => a.tag - b.tag) : list;
  }
  oneOfs(list) {
    if (!this.normalize) return list;
    return list.filter((o) => o.fields.length > 0).map((o) => ({ ...o, fields: this.byTag(o.fields) })).sort((a, b) => a.fields[0].tag - b.fields[0].tag);
  }
  oneOf(o) {
    let s = `oneof ${o.name} {`;
    const options = this.options(o.options);
    if (options.length > 0) {
      s += "\n";
      for (const opt of options) s += indent(this.optionStatement(opt));
    }
    if (o.fields.length > 0) {
      s += "\n";
      for (const f of o.fields) s += indent(this.field(f));
    }
    if (o.groups.length > 0) {
      s += "\n";
      for (const g of this.byTag(o.groups)) s += indent(this.group(g));
    }
    return `${s}}
`;
  }
  group(g) {
    let s = `${g.label === void 0 ? "" : `${g.label} `}group ${g.name} = ${g.tag} {`;
    if (g.fields.length > 0) {
      s += "\n";
      for (const f of this.byTag(g.fields)) s += indent(this.field(f));
    }
    return `${s}}
`;
  }
  extends(list) {
    if (!this.normalize) return list;
    const grouped = /* @__PURE__ */ new Map();
    for (const x of list) {
      const name = `.${this.resolve(x.name) ?? x.name}`;
      grouped.set(name, [...grouped.get(name) ?? [], ...x.fields]);
    }
    return [...grouped].map(([name, fields]) => ({ name, fields, pos: { line: 1, column: 1 } }));
  }
  extend(x) {
    let s = `extend ${x.name} {`;
    if (x.fields.length > 0) {
      s += "\n";
      for (const f of this.byTag(x.fields)) s += indent(this.field(f));
    }
    return `${s}}
`;
  }
  field(f) {
    let label = f.label;
    let type = f.type;
    if (this.normalize) {
      let map = mapTypes(type);
      if (!SCALAR_TYPES.has(type) && map === void 0) {
        const full = this.resolve(type);
        const info = full === void 0 ? void 0 : this.index?.type(full);
        if (info?.mapType !== void 0) map = mapTypes(info.mapType);
        else type = full === void 0 ? type : `.${full}`;
      }
      if (map !== void 0) {
        const value = SCALAR_TYPES.has(map[1]) ? void 0 : this.resolve(map[1]);
        type = `map<${map[0]}, ${value === void 0 ? map[1] : `.${value}`}>`;
        label = void 0;
      }
    }
    let s = `${label === void 0 ? "" : `${label} `}${type} ${f.name} = ${f.tag}`;
    const special = [...f.options];
    const pos = f.pos;
    if (f.defaultValue !== void 0) {
      const kind = defaultKind(type);
      special.push({
        name: "default",
        parenthesized: false,
        kind,
        value: { kind, value: f.defaultValue },
        pos
      });
    }
    if (f.jsonName !== void 0)
      special.push({
        name: "json_name",
        parenthesized: false,
        kind: "STRING",
        value: { kind: "STRING", value: f.jsonName },
        pos
      });
    const options = this.options(special);
    if (options.length > 0) s += ` ${this.optionList(options)}`;
    return `${s};
`;
  }
  reserveds(list) {
    if (!this.normalize) return list;
    return list.flatMap((r) => r.values.map((v) => ({ values: [v], pos: r.pos }))).sort(
      (a, b) => rangeKey(a.values[0]) - rangeKey(b.values[0]) || javaCompare(rangeText(a.values[0]), rangeText(b.values[0]))
    );
  }
  extensionRanges(list) {
    if (!this.normalize) return list;
    return list.flatMap((r) => r.values.map((v) => ({ values: [v], options: r.options, pos: r.pos }))).sort((a, b) => rangeKey(a.values[0]) - rangeKey(b.values[0]));
  }
  range(v) {
    if (typeof v === "string") return `"${v}"`;
    if (typeof v === "number") return String(v);
    if (this.normalize && v.start === v.end) return String(v.start);
    return `${v.start} to ${v.end < MAX_TAG_VALUE ? v.end : "max"}`;
  }
  reserved(r) {
    return `reserved ${r.values.map((v) => this.range(v)).join(", ")};
`;
  }
  extensions(x) {
    const options = this.options(x.options);
    return `extensions ${x.values.map((v) => this.range(v)).join(", ")}${options.length > 0 ? ` ${this.optionList(options)}` : ""};
`;
  }
  /**
   * Normalized: custom option names resolved to full names, `(opt).a.b = v` turned into
   * `(opt) = { a: { b: v } }`, sorted by name, and the settings of one non-repeated option merged.
   */
  options(options) {
    const index = this.index;
    if (!this.normalize || options.length === 0 || index === void 0) return options;
    const resolved = options.map((o) => {
      if (!o.parenthesized) return o;
      const name = resolveName((n) => index.extendField(n), index.packageName, this.scope, o.name);
      return name === void 0 ? o : asMap({ ...o, name });
    });
    const groups = /* @__PURE__ */ new Map();
    for (const o of [...resolved].sort((a, b) => javaCompare(a.name, b.name)))
      groups.set(o.name, [...groups.get(o.name) ?? [], o]);
    return [...groups].flatMap(([name, list]) => {
      const info = index.extendField(name);
      if (info === void 0 || info.field.label === "repeated") return list;
      return [list.reduce((a, b) => this.mergeOption(info.field, a, b))];
    });
  }
  mergeOption(field, existing, replacement) {
    const next = asMap(replacement);
    if (existing.kind !== "MAP" || next.kind !== "MAP") return next;
    const merged = this.mergeMaps(field, existing.value, next.value);
    return { ...next, value: merged };
  }
  mergeMaps(container, a, b) {
    const type = this.messageTypeOf(container);
    const entries = a.entries.map(([k, v]) => [k, v]);
    for (const [key, value] of b.entries) {
      const at = entries.findIndex(([k]) => k === key);
      if (at < 0) entries.push([key, value]);
      else {
        const nested = type === void 0 ? void 0 : fieldNamed(type, key);
        entries[at] = [key, this.mergeValues(nested, entries[at][1], value)];
      }
    }
    return { kind: "MAP", entries };
  }
  /** A singular field: messages merge, anything else is replaced; repeated (or unknown): a list of both. */
  mergeValues(field, a, b) {
    const singular = field !== void 0 && field.label !== "repeated";
    if (singular && isMap(a) && isMap(b) && this.messageTypeOf(field) !== void 0)
      return this.mergeMaps(field, a, b);
    if (singular) return b;
    const out = [];
    for (const v of [...asList(a), ...asList(b)])
      if (!out.some((o) => JSON.stringify(o) === JSON.stringify(v))) out.push(v);
    return out;
  }
  messageTypeOf(field) {
    if (field === void 0) return void 0;
    const info = this.lookup(field.type);
    return info?.type.kind === "message" ? info.type : void 0;
  }
  optionStatement(o) {
    return `option ${this.option(o)};
`;
  }
  option(o) {
    const name = o.parenthesized ? `(${o.name})` : o.name;
    if (o.kind === "OPTION") return `${name}.${this.option(o.value)}`;
    const v = o.value;
    if (v.kind === "STRING") return `${name} = "${escapeChars(v.value)}"`;
    if (v.kind === "MAP") return `${name} = {
${this.mapEntries(v)}}`;
    if (v.kind === "LIST") return `${name} = ${this.valueList(v.items)}`;
    return `${name} = ${this.scalar(v)}`;
  }
  /** `[a]` on one line, or one item a line when there are several (the registry's layout). */
  optionList(options) {
    return this.bracketed(options.map((o) => this.option(o)));
  }
  valueList(items) {
    return this.bracketed(items.map((i) => this.value(i)));
  }
  bracketed(items) {
    if (items.length === 1) return `[${items[0]}]`;
    return `[
${items.map((s, i) => indent(`${s}${i < items.length - 1 ? "," : ""}`)).join("")}]`;
  }
  mapEntries(v) {
    let entries = v.entries;
    if (this.normalize) {
      const seen = /* @__PURE__ */ new Set();
      entries = entries.filter(([, value]) => !isListLike(value) || asList(value).length > 0).map(([key, value]) => [this.extensionKey(key), value]).sort(([x], [y]) => javaCompare(x, y)).filter(([key]) => {
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    }
    return entries.map(
      ([key, value], i) => indent(
        `${key}: ${Array.isArray(value) ? this.listValue(value) : this.value(value)}${i < entries.length - 1 ? "," : ""}`
      )
    ).join("");
  }
  /** `[ext]` keys name extension fields: normalized to their full names when they resolve. */
  extensionKey(key) {
    const index = this.index;
    if (index === void 0 || !key.startsWith("[") || !key.endsWith("]")) return key;
    const name = resolveName((n) => index.extendField(n), index.packageName, this.scope, key.slice(1, -1));
    return name === void 0 ? key : `[${name}]`;
  }
  listValue(items) {
    if (this.normalize && items.length === 1) return this.value(items[0]);
    return `[
${items.map((s, i) => indent(`${this.value(s)}${i < items.length - 1 ? "," : ""}`)).join("")}]`;
  }
  value(v) {
    if (v.kind === "LIST" && this.normalize && v.items.length === 1)
      return this.value(v.items[0]);
    if (v.kind === "STRING") return `"${escapeChars(v.value)}"`;
    if (v.kind === "MAP") return `{
${this.mapEntries(v)}}`;
    if (v.kind === "LIST") return this.listValue(v.items);
    return this.scalar(v);
  }
  scalar(v) {
    return this.normalize && v.kind === "NUMBER" ? javaDecimalFormat(v.value) : v.value;
  }
};
function javaDecimalFormat(raw) {
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]+)[lL]?$/.exec(raw);
  if (hex !== null) return `${hex[1] === "-" ? "-" : ""}${BigInt(`0x${hex[2]}`).toString()}`;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)[fFdDlL]?$/.exec(raw);
  if (m === null) return raw;
  const text = m[1];
  if (/^[+-]?\d+$/.test(text)) return BigInt(text).toString();
  const n = Number(text);
  if (!Number.isFinite(n)) return raw;
  if (Object.is(n, -0)) return "-0";
  return n.toFixed(3).replace(/\.?0+$/, "");
}
function isMap(v) {
  return !Array.isArray(v) && v.kind === "MAP";
}
function isListLike(v) {
  return Array.isArray(v) || v.kind === "LIST";
}
function asList(v) {
  if (Array.isArray(v)) return v;
  return v.kind === "LIST" ? v.items : [v];
}
function asMap(o) {
  if (o.kind !== "OPTION") return o;
  return { ...o, kind: "MAP", value: nestedMap(o.value) };
}
function nestedMap(inner) {
  const value = inner.kind === "OPTION" ? nestedMap(inner.value) : inner.value;
  return { kind: "MAP", entries: [[inner.name, value]] };
}
function fieldNamed(m, name) {
  return m.fields.find((f) => f.name === name) ?? m.oneOfs.flatMap((o) => o.fields).find((f) => f.name === name);
}
function defaultKind(type) {
  if (type === "bool") return "BOOLEAN";
  if (type === "string") return "STRING";
  return SCALAR_TYPES.has(type) ? "NUMBER" : "ENUM";
}
function rangeKey(v) {
  if (typeof v === "number") return v;
  if (typeof v === "object") return v.start;
  return 2147483647;
}
function rangeText(v) {
  if (typeof v === "object") return `${v.start}..${v.end}`;
  return String(v);
}
function javaCompare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function indent(text) {
  const lines = text.split("\n");
  while (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines.map((l) => `  ${l}
`).join("");
}
var ESCAPES = {
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "	": "\\t",
  "\v": "\\v",
  "\\": "\\\\",
  "'": "\\'",
  '"': '\\"'
};
function escapeChars(s) {
  let out = "";
  for (const c of s) out += ESCAPES[c] ?? c;
  return out;
}
function canonicalProto(file) {
  return new Printer(false, void 0).file(file);
}
function normalizedProto(file, index) {
  return new Printer(true, index).file(file);
}

// src/formats/protobuf/differences.ts
var DIFFERENCE_TYPES = [
  "PACKAGE_CHANGED",
  "MESSAGE_ADDED",
  "MESSAGE_REMOVED",
  "MESSAGE_MOVED",
  "ENUM_ADDED",
  "ENUM_REMOVED",
  "ENUM_CONST_ADDED",
  "ENUM_CONST_CHANGED",
  "ENUM_CONST_REMOVED",
  "FIELD_ADDED",
  "FIELD_REMOVED",
  "FIELD_NAME_CHANGED",
  "FIELD_KIND_CHANGED",
  "FIELD_SCALAR_KIND_CHANGED",
  "FIELD_NAMED_TYPE_CHANGED",
  "FIELD_NUMERIC_LABEL_CHANGED",
  "FIELD_STRING_OR_BYTES_LABEL_CHANGED",
  "REQUIRED_FIELD_ADDED",
  "REQUIRED_FIELD_REMOVED",
  "ONEOF_ADDED",
  "ONEOF_REMOVED",
  "ONEOF_FIELD_ADDED",
  "ONEOF_FIELD_REMOVED",
  "ONEOF_FIELD_MOVED_TO_TOP_LEVEL",
  "MULTIPLE_FIELDS_MOVED_TO_ONEOF",
  "FIELD_MOVED_TO_EXISTING_ONEOF"
];
var COMPATIBLE_CHANGES = /* @__PURE__ */ new Set([
  "MESSAGE_ADDED",
  "MESSAGE_MOVED",
  "ENUM_ADDED",
  "ENUM_REMOVED",
  "ENUM_CONST_ADDED",
  "ENUM_CONST_CHANGED",
  "ENUM_CONST_REMOVED",
  "FIELD_ADDED",
  "FIELD_REMOVED",
  "FIELD_NAME_CHANGED",
  "FIELD_STRING_OR_BYTES_LABEL_CHANGED",
  "ONEOF_ADDED",
  "ONEOF_REMOVED",
  "ONEOF_FIELD_ADDED",
  "ONEOF_FIELD_MOVED_TO_TOP_LEVEL"
]);

// src/formats/protobuf/java-order.ts
function stringHash(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(31, h) + s.charCodeAt(i) | 0;
  return h;
}
function spread(key) {
  const h = typeof key === "number" ? key | 0 : stringHash(key);
  return h ^ h >>> 16;
}
function tableSizeFor(cap) {
  let n = 1;
  while (n < cap) n *= 2;
  return n;
}
var JavaHashSet = class _JavaHashSet {
  keys = [];
  members = /* @__PURE__ */ new Set();
  capacity;
  constructor(initialCapacity) {
    this.capacity = initialCapacity === void 0 ? 16 : tableSizeFor(initialCapacity);
  }
  /** `new HashSet<>(collection)`: sized for the collection, then filled in its order. */
  static of(keys) {
    const list = [...keys];
    const set = new _JavaHashSet(
      Math.max(Math.floor(Math.fround(list.length / Math.fround(0.75))) + 1, 16)
    );
    for (const k of list) set.add(k);
    return set;
  }
  add(key) {
    if (this.members.has(key)) return;
    this.members.add(key);
    this.keys.push(key);
    if (this.keys.length > this.capacity * 0.75) this.capacity *= 2;
  }
  has(key) {
    return this.members.has(key);
  }
  [Symbol.iterator]() {
    if (this.keys.length < 2) return this.keys[Symbol.iterator]();
    const mask = this.capacity - 1;
    const buckets = this.keys.map((k, i) => ({ k, b: spread(k) & mask, i }));
    buckets.sort((x, y) => x.b - y.b || x.i - y.i);
    return buckets.map((x) => x.k)[Symbol.iterator]();
  }
};
function javaHashOrder(keys) {
  const set = new JavaHashSet();
  for (const k of keys) set.add(k);
  return [...set];
}

// src/formats/protobuf/diff.ts
var SCALAR_KINDS = {
  int32: "GENERAL_NUMBER",
  int64: "GENERAL_NUMBER",
  uint32: "GENERAL_NUMBER",
  uint64: "GENERAL_NUMBER",
  bool: "GENERAL_NUMBER",
  sint32: "SIGNED_NUMBER",
  sint64: "SIGNED_NUMBER",
  string: "STRING_OR_BYTES",
  bytes: "STRING_OR_BYTES",
  fixed32: "FIXED32",
  sfixed32: "FIXED32",
  fixed64: "FIXED64",
  sfixed64: "FIXED64",
  float: "FLOAT",
  double: "DOUBLE"
};
var DiffContext = class _DiffContext {
  constructor(original, update, packages, onStack, origin) {
    this.original = original;
    this.update = update;
    this.packages = packages;
    this.onStack = onStack;
    this.origin = origin;
  }
  original;
  update;
  packages;
  onStack;
  origin;
  diffs = [];
  path = [];
  /** The enclosing message names, for resolving relative type names. */
  scope = [];
  sub(originalPackage, updatePackage, localName2) {
    const ctx = new _DiffContext(
      this.original,
      this.update,
      { original: originalPackage, update: updatePackage },
      new Set(this.onStack),
      this.origin ?? this.pathString()
    );
    ctx.path.push(...localName2.split("."));
    ctx.scope.push(...localName2.split("."));
    return ctx;
  }
  pathString() {
    return `#/${this.path.join("/")}`;
  }
  add(type) {
    const path = this.pathString();
    this.diffs.push({ type, path, at: this.origin ?? path });
  }
  inPath(segment, run) {
    this.path.push(segment);
    try {
      return run();
    } finally {
      this.path.pop();
    }
  }
  inName(name, run) {
    this.path.push(name);
    this.scope.push(name);
    try {
      return run();
    } finally {
      this.scope.pop();
      this.path.pop();
    }
  }
  isCompatible() {
    return this.diffs.every((d) => COMPATIBLE_CHANGES.has(d.type));
  }
  enterSchema(message) {
    if (this.onStack.has(message)) return false;
    this.onStack.add(message);
    return true;
  }
  leaveSchema(message) {
    this.onStack.delete(message);
  }
  resolve(name, isOriginal) {
    const index = isOriginal ? this.original : this.update;
    const pkg = isOriginal ? this.packages.original : this.packages.update;
    return resolveName((n) => index.type(n), pkg, this.scope, name);
  }
  typeOf(name, isOriginal) {
    const full = this.resolve(name, isOriginal);
    return full === void 0 ? void 0 : (isOriginal ? this.original : this.update).type(full);
  }
};
function compareFiles(original, update) {
  const ctx = new DiffContext(
    original.index,
    update.index,
    { original: original.index.packageName, update: update.index.packageName },
    /* @__PURE__ */ new Set(),
    void 0
  );
  if ((original.packageName ?? null) !== (update.packageName ?? null)) ctx.add("PACKAGE_CHANGED");
  compareTypes(ctx, original.types, update.types);
  return ctx.diffs;
}
function splitTypes(types) {
  const messages = /* @__PURE__ */ new Map();
  const indexes = /* @__PURE__ */ new Map();
  const enums = /* @__PURE__ */ new Map();
  let i = 0;
  for (const t of types) {
    if (t.kind === "message") {
      messages.set(t.name, t);
      indexes.set(t.name, i++);
    } else enums.set(t.name, t);
  }
  return { messages, indexes, enums };
}
function compareTypes(ctx, original, update) {
  const a = splitTypes(original);
  const b = splitTypes(update);
  const messageNames = JavaHashSet.of(javaHashOrder(a.messages.keys()));
  for (const n of javaHashOrder(b.messages.keys())) messageNames.add(n);
  const enumNames = JavaHashSet.of(javaHashOrder(a.enums.keys()));
  for (const n of javaHashOrder(b.enums.keys())) enumNames.add(n);
  for (const name of messageNames) {
    const o = a.messages.get(name);
    const u = b.messages.get(name);
    ctx.inName(name, () => {
      if (u === void 0) {
        if (ctx.typeOf(name, true)?.mapType === void 0) ctx.add("MESSAGE_REMOVED");
      } else if (o === void 0) {
        if (ctx.typeOf(name, false)?.mapType === void 0) ctx.add("MESSAGE_ADDED");
      } else {
        compareMessages(ctx, o, u);
        if (a.indexes.get(name) !== b.indexes.get(name)) ctx.add("MESSAGE_MOVED");
      }
    });
  }
  for (const name of enumNames) {
    const o = a.enums.get(name);
    const u = b.enums.get(name);
    ctx.inName(name, () => {
      if (u === void 0) ctx.add("ENUM_REMOVED");
      else if (o === void 0) ctx.add("ENUM_ADDED");
      else compareEnums(ctx, o, u);
    });
  }
}
function compareEnums(ctx, original, update) {
  const a = new Map(original.constants.map((c) => [c.tag, c]));
  const b = new Map(update.constants.map((c) => [c.tag, c]));
  const tags = JavaHashSet.of(javaHashOrder(a.keys()));
  for (const t of javaHashOrder(b.keys())) tags.add(t);
  for (const tag of tags) {
    const o = a.get(tag);
    const u = b.get(tag);
    ctx.inPath(String(tag), () => {
      if (u === void 0) ctx.add("ENUM_CONST_REMOVED");
      else if (o === void 0) ctx.add("ENUM_CONST_ADDED");
      else if (o.name !== u.name) ctx.add("ENUM_CONST_CHANGED");
    });
  }
}
function fieldTable(m) {
  const t = { byTag: /* @__PURE__ */ new Map(), oneOfOf: /* @__PURE__ */ new Map(), oneOfs: /* @__PURE__ */ new Map() };
  for (const f of m.fields) t.byTag.set(f.tag, f);
  for (const o of m.oneOfs) {
    t.oneOfs.set(o.name, o);
    for (const f of o.fields) {
      t.byTag.set(f.tag, f);
      t.oneOfOf.set(f.tag, o.name);
    }
  }
  return t;
}
function compareMessages(ctx, original, update) {
  if (ctx.enterSchema(original)) {
    try {
      compareMessageFields(ctx, original, update);
    } finally {
      ctx.leaveSchema(original);
    }
  }
  compareTypes(ctx, original.nestedTypes, update.nestedTypes);
}
function compareMessageFields(ctx, original, update) {
  const a = fieldTable(original);
  const b = fieldTable(update);
  const goneOneOfs = /* @__PURE__ */ new Set();
  for (const [name, oneOf] of a.oneOfs) {
    if (!b.oneOfs.has(name) && !oneOf.fields.some((f) => b.byTag.has(f.tag))) goneOneOfs.add(name);
  }
  for (const oneOf of update.oneOfs) {
    ctx.inPath(oneOf.name, () => {
      const origins = /* @__PURE__ */ new Set();
      let movedIn = 0;
      for (const f of oneOf.fields) {
        const from = a.oneOfOf.get(f.tag);
        if (from !== void 0) origins.add(`oneof:${from}`);
        else if (a.byTag.has(f.tag)) {
          origins.add(`field:${f.tag}`);
          movedIn++;
        }
      }
      if (origins.size > 1)
        ctx.add(movedIn > 1 ? "MULTIPLE_FIELDS_MOVED_TO_ONEOF" : "FIELD_MOVED_TO_EXISTING_ONEOF");
    });
  }
  const oneOfNames = [.../* @__PURE__ */ new Set([...a.oneOfs.keys(), ...b.oneOfs.keys()])].sort(javaStringCompare);
  for (const name of oneOfNames) {
    ctx.inPath(name, () => {
      if (!b.oneOfs.has(name)) ctx.add("ONEOF_REMOVED");
      else if (!a.oneOfs.has(name)) ctx.add("ONEOF_ADDED");
    });
  }
  const tags = [.../* @__PURE__ */ new Set([...a.byTag.keys(), ...b.byTag.keys()])].sort((x, y) => x - y);
  for (const tag of tags) compareTag(ctx, a, b, tag, goneOneOfs);
}
function compareTag(ctx, a, b, tag, goneOneOfs) {
  const o = a.byTag.get(tag);
  const u = b.byTag.get(tag);
  const oOneOf = a.oneOfOf.get(tag);
  const uOneOf = b.oneOfOf.get(tag);
  const t = String(tag);
  if (u === void 0 && o !== void 0) {
    if (oOneOf !== void 0) {
      if (!goneOneOfs.has(oOneOf))
        ctx.inPath(oOneOf, () => ctx.inPath(t, () => ctx.add("ONEOF_FIELD_REMOVED")));
    } else ctx.inPath(t, () => ctx.add(o.label === "required" ? "REQUIRED_FIELD_REMOVED" : "FIELD_REMOVED"));
  } else if (o === void 0 && u !== void 0) {
    if (uOneOf !== void 0) ctx.inPath(uOneOf, () => ctx.inPath(t, () => ctx.add("ONEOF_FIELD_ADDED")));
    else ctx.inPath(t, () => ctx.add(u.label === "required" ? "REQUIRED_FIELD_ADDED" : "FIELD_ADDED"));
  } else if (o !== void 0 && u !== void 0) {
    if (oOneOf !== void 0 && uOneOf === void 0)
      ctx.inPath(t, () => ctx.add("ONEOF_FIELD_MOVED_TO_TOP_LEVEL"));
    const compare = () => compareFields(ctx, o, u);
    if (uOneOf !== void 0) ctx.inPath(uOneOf, () => ctx.inPath(t, compare));
    else ctx.inPath(t, compare);
  }
}
function compareFields(ctx, original, update) {
  if (original.name !== update.name) ctx.add("FIELD_NAME_CHANGED");
  compareLabelsAndTypes(ctx, original.label, update.label, original.type, update.type);
}
function namedMapType(ctx, type, isOriginal) {
  if (SCALAR_TYPES.has(type) || type.startsWith("map<")) return void 0;
  return ctx.typeOf(type, isOriginal)?.mapType;
}
function kindOf(ctx, type, isOriginal) {
  if (SCALAR_TYPES.has(type)) return "SCALAR";
  if (mapTypes(type) !== void 0) return "MAP";
  return ctx.typeOf(type, isOriginal)?.type.kind === "enum" ? "SCALAR" : "MESSAGE";
}
function scalarKindOf(ctx, type, isOriginal) {
  const k = SCALAR_KINDS[type];
  if (k !== void 0) return k;
  if (ctx.typeOf(type, isOriginal)?.type.kind === "enum") return "GENERAL_NUMBER";
  throw new Error(`Unknown type ${type}`);
}
function compareLabelsAndTypes(ctx, originalLabel, updateLabel, originalType, updateType) {
  const oType = namedMapType(ctx, originalType, true) ?? originalType;
  const uType = namedMapType(ctx, updateType, false) ?? updateType;
  const oKind = kindOf(ctx, oType, true);
  const uKind = kindOf(ctx, uType, false);
  if (oKind !== uKind) {
    ctx.add("FIELD_KIND_CHANGED");
    return;
  }
  if (oKind === "SCALAR") {
    const a = scalarKindOf(ctx, oType, true);
    const b = scalarKindOf(ctx, uType, false);
    if (a !== b) ctx.add("FIELD_SCALAR_KIND_CHANGED");
    else if (originalLabel !== void 0 && updateLabel !== void 0 && originalLabel !== updateLabel) {
      if (a === "STRING_OR_BYTES") ctx.add("FIELD_STRING_OR_BYTES_LABEL_CHANGED");
      else ctx.add("FIELD_NUMERIC_LABEL_CHANGED");
    }
  } else if (oKind === "MESSAGE") compareMessageTypes(ctx, oType, uType);
  else {
    const [ok, ov] = mapTypes(oType);
    const [uk, uv] = mapTypes(uType);
    compareLabelsAndTypes(ctx, void 0, void 0, ok, uk);
    compareLabelsAndTypes(ctx, void 0, void 0, ov, uv);
  }
}
function localName(fullName, packageName) {
  return fullName.startsWith(`${packageName}.`) ? fullName.slice(packageName.length + 1) : fullName;
}
function compareMessageTypes(ctx, original, update) {
  const oFull = ctx.resolve(original, true);
  const uFull = ctx.resolve(update, false);
  if (oFull === void 0 || uFull === void 0) {
    if (original !== update) ctx.add("FIELD_NAMED_TYPE_CHANGED");
    return;
  }
  const oInfo = ctx.original.type(oFull);
  const uInfo = ctx.update.type(uFull);
  const oLocal = localName(oFull, oInfo.packageName);
  const uLocal = localName(uFull, uInfo.packageName);
  if (oLocal !== uLocal) {
    ctx.add("FIELD_NAMED_TYPE_CHANGED");
    return;
  }
  if (oInfo.source === "" && uInfo.source === "") return;
  if (oInfo.type.kind !== "message" || uInfo.type.kind !== "message") return;
  const sub = ctx.sub(oInfo.packageName, uInfo.packageName, oLocal);
  compareMessages(sub, oInfo.type, uInfo.type);
  for (const d of sub.diffs) ctx.diffs.push(d);
  if (!sub.isCompatible()) ctx.add("FIELD_NAMED_TYPE_CHANGED");
}
function javaStringCompare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/formats/protobuf/locate.ts
function locatePath(file, path) {
  const segments = path.replace(/^#?\/?/, "").split("/").filter((s) => s !== "");
  let best = file.packagePos ?? { line: 1, column: 1 };
  let types = file.types;
  let current;
  for (const segment of segments) {
    const nested = types.find((t) => t.name === segment);
    if (nested !== void 0) {
      current = nested;
      best = nested.pos;
      types = nested.kind === "message" ? nested.nestedTypes : [];
      continue;
    }
    if (current === void 0) return best;
    const tag = /^-?\d+$/.test(segment) ? Number(segment) : void 0;
    if (current.kind === "enum") {
      const c = tag === void 0 ? void 0 : current.constants.find((x) => x.tag === tag);
      return c?.pos ?? best;
    }
    const oneOf = current.oneOfs.find((o) => o.name === segment);
    if (oneOf !== void 0) {
      best = oneOf.pos;
      continue;
    }
    const field = tag === void 0 ? void 0 : [...current.fields, ...current.oneOfs.flatMap((o) => o.fields)].find((f) => f.tag === tag);
    return field?.pos ?? best;
  }
  return best;
}

// src/formats/protobuf/messages.ts
var DESCRIPTIONS = {
  PACKAGE_CHANGED: (p) => `The package at '${p}' in the %s schema does not match the package in the %s schema`,
  MESSAGE_REMOVED: (p) => `The %s schema is missing a MESSAGE type at path '${p}' in the %s schema`,
  FIELD_KIND_CHANGED: (p) => `The type of a field at path '${p}' in the %s schema does not match the %s schema`,
  FIELD_SCALAR_KIND_CHANGED: (p) => `The kind of a SCALAR field at path '${p}' in the %s schema does not match its kind in the %s schema`,
  FIELD_NAMED_TYPE_CHANGED: (p) => `The type of a MESSAGE field at path '${p}' in the %s schema does not match its type in the %s schema`,
  FIELD_NUMERIC_LABEL_CHANGED: (p) => `The label for a NUMERIC field at path '${p}' in the %s schema does not match its label in the %s schema`,
  REQUIRED_FIELD_ADDED: (p) => `A required field  at path '${p}' in the %s schema is missing in the %s schema`,
  REQUIRED_FIELD_REMOVED: (p) => `The %s schema is missing a required field at path: '${p}' in the %s schema`,
  ONEOF_FIELD_REMOVED: (p) => `The %s schema is missing a oneof field at path '${p}' in the %s schema`,
  ONEOF_FIELD_MOVED_TO_TOP_LEVEL: (p) => `The oneof field at path '${p}' in the %s schema was moved out of its oneof to a top-level field in the %s schema`,
  MULTIPLE_FIELDS_MOVED_TO_ONEOF: (p) => `Multiple fields in the oneof at path '${p}' in the %s schema are outside a oneof in the %s schema`,
  FIELD_MOVED_TO_EXISTING_ONEOF: (p) => `A field in the oneof at path '${p}' in the %s schema is outside an existing oneof in the %s schema`
};
function registryMessage(type, path, context) {
  const d = DESCRIPTIONS[type]?.(path) ?? "";
  const filled = d.replace("%s", context.reader).replace("%s", context.writer);
  return `{errorType:"${type}", description:"${filled}"}`;
}
function describe(type, path, context) {
  const d = DESCRIPTIONS[type]?.(path) ?? `${type} at '${path}'`;
  return d.replace("%s", context.reader).replace("%s", context.writer);
}
var FIXES = {
  PACKAGE_CHANGED: "keep the package as it was; a new package is a new schema (a new subject)",
  MESSAGE_REMOVED: "keep the message (mark it deprecated instead of deleting it)",
  FIELD_KIND_CHANGED: "keep the field type; to change it, add a new field with a new number and reserve the old number",
  FIELD_SCALAR_KIND_CHANGED: "use a type of the same wire kind (int32/int64/uint32/uint64/bool/enum, sint32/sint64, string/bytes, fixed32/sfixed32, fixed64/sfixed64), or add a new field with a new number",
  FIELD_NAMED_TYPE_CHANGED: "keep the field on the same message type, or make the change to that type compatible; otherwise add a new field with a new number",
  FIELD_NUMERIC_LABEL_CHANGED: "keep the label (repeated or not) of a numeric field; add a new field with a new number instead",
  REQUIRED_FIELD_ADDED: "make the new field optional (required fields cannot be added)",
  REQUIRED_FIELD_REMOVED: "keep the required field (required fields cannot be removed)",
  ONEOF_FIELD_REMOVED: "keep the field in its oneof: unlike a plain field, a oneof member cannot be removed",
  MULTIPLE_FIELDS_MOVED_TO_ONEOF: "move at most one existing field into a new oneof; leave the others outside",
  FIELD_MOVED_TO_EXISTING_ONEOF: "do not move an existing field into a oneof that already has members; add a new field to the oneof instead"
};
function fixFor(type) {
  return FIXES[type] ?? "no fix needed: the registry allows this change";
}

// src/formats/protobuf/rules.ts
var PROTOBUF_RULES = {
  syntax: "PROTOBUF_SYNTAX",
  reference: "PROTOBUF_REFERENCE_INVALID",
  importMissing: "PROTOBUF_IMPORT_MISSING",
  unknownType: "PROTOBUF_UNKNOWN_TYPE",
  duplicateNumber: "PROTOBUF_DUPLICATE_NUMBER",
  duplicateName: "PROTOBUF_DUPLICATE_NAME",
  numberRange: "PROTOBUF_NUMBER_OUT_OF_RANGE",
  enumFirstValue: "PROTOBUF_ENUM_FIRST_VALUE"
};

// src/formats/protobuf/validate.ts
function issue(rule, message, path, at) {
  return { rule, message, pointer: `/${path.join("/")}`, line: at.line, column: at.column };
}
function validateProto(files, index) {
  const issues = [];
  const { main } = files;
  for (const name of [...main.imports, ...main.publicImports, ...main.weakImports]) {
    if (!files.dependencies.has(name) && !KNOWN_FILES.has(name))
      issues.push(
        issue(
          PROTOBUF_RULES.importMissing,
          `the import '${name}' is neither a reference given with the schema nor a well-known type`,
          [],
          main.importPositions.get(name) ?? { line: 1, column: 1 }
        )
      );
  }
  const pkg = main.packageName ?? "";
  const checkType = (type, scope, path, at) => {
    const parts = mapTypes(type) ?? [type];
    for (const t of parts) {
      if (SCALAR_TYPES.has(t)) continue;
      if (resolveName((n) => index.type(n), pkg, scope, t) === void 0)
        issues.push(issue(PROTOBUF_RULES.unknownType, `the type '${t}' is not defined (nor imported)`, path, at));
    }
  };
  const checkFields = (fields, scope, path) => {
    const byNumber = /* @__PURE__ */ new Map();
    const byName = /* @__PURE__ */ new Map();
    for (const f of fields) {
      const here = [...path, String(f.tag)];
      checkType(f.type, scope, here, f.typePos);
      if (f.tag < 1 || f.tag > MAX_TAG_VALUE || f.tag >= 19e3 && f.tag <= 19999)
        issues.push(
          issue(
            PROTOBUF_RULES.numberRange,
            `field '${f.name}' has number ${f.tag}: numbers run from 1 to ${MAX_TAG_VALUE}, without 19000 to 19999`,
            here,
            f.pos
          )
        );
      const sameNumber = byNumber.get(f.tag);
      if (sameNumber !== void 0)
        issues.push(
          issue(
            PROTOBUF_RULES.duplicateNumber,
            `field '${f.name}' uses number ${f.tag}, already used by '${sameNumber.name}' (line ${sameNumber.pos.line})`,
            here,
            f.pos
          )
        );
      else byNumber.set(f.tag, f);
      const sameName = byName.get(f.name);
      if (sameName !== void 0)
        issues.push(
          issue(
            PROTOBUF_RULES.duplicateName,
            `field name '${f.name}' is already used (line ${sameName.pos.line})`,
            here,
            f.pos
          )
        );
      else byName.set(f.name, f);
    }
  };
  const checkEnum = (e, path) => {
    const first = e.constants[0];
    if (main.syntax === "proto3" && first !== void 0 && first.tag !== 0)
      issues.push(
        issue(
          PROTOBUF_RULES.enumFirstValue,
          `the first value of enum '${e.name}' must be 0 in proto3`,
          path,
          first.pos
        )
      );
    const aliases = e.options.some(
      (o) => o.name === "allow_alias" && "value" in o.value && o.value.value === "true"
    );
    const seen = /* @__PURE__ */ new Map();
    const names = /* @__PURE__ */ new Set();
    for (const c of e.constants) {
      const prior = seen.get(c.tag);
      if (prior !== void 0 && !aliases)
        issues.push(
          issue(
            PROTOBUF_RULES.duplicateNumber,
            `enum value '${c.name}' uses number ${c.tag}, already used by '${prior}' (set option allow_alias = true to alias)`,
            [...path, String(c.tag)],
            c.pos
          )
        );
      if (!seen.has(c.tag)) seen.set(c.tag, c.name);
      if (names.has(c.name))
        issues.push(issue(PROTOBUF_RULES.duplicateName, `enum value name '${c.name}' is already used`, path, c.pos));
      names.add(c.name);
    }
  };
  const walk = (types, scope) => {
    for (const t of types) {
      const here = [...scope, t.name];
      if (t.kind === "enum") {
        checkEnum(t, here);
        continue;
      }
      const m = t;
      checkFields([...m.fields, ...m.oneOfs.flatMap((o) => o.fields)], here, here);
      for (const x of m.extendDeclarations) {
        checkType(x.name, here, here, x.pos);
        for (const f of x.fields) checkType(f.type, here, here, f.typePos);
      }
      walk(m.nestedTypes, here);
    }
  };
  walk(main.types, []);
  for (const x of main.extendDeclarations) {
    checkType(x.name, [], [], x.pos);
    for (const f of x.fields) checkType(f.type, [], [], f.typePos);
  }
  for (const s of main.services)
    for (const r of s.rpcs) {
      checkType(r.requestType, [], [s.name, r.name], r.pos);
      checkType(r.responseType, [], [s.name, r.name], r.pos);
    }
  return issues;
}

// src/formats/protobuf/parse.ts
var knownParsed = /* @__PURE__ */ new Map();
function known(name) {
  let file = knownParsed.get(name);
  if (file === void 0) {
    const text = KNOWN_FILES.get(name);
    if (text === void 0) return void 0;
    file = parseProtoText(text);
    knownParsed.set(name, file);
  }
  return file;
}
var knownIndex;
function knownTypes() {
  if (knownIndex === void 0) {
    const dependencies = new Map([...KNOWN_FILES.keys()].map((n) => [n, known(n)]));
    knownIndex = new TypeIndex({ main: emptyProtoFile(), dependencies });
  }
  return knownIndex;
}
function withKnownFiles(references) {
  const all = new Map(references);
  for (const name of KNOWN_FILES.keys()) if (!all.has(name)) all.set(name, known(name));
  return all;
}
function syntaxIssue(e, prefix = "") {
  return {
    rule: PROTOBUF_RULES.syntax,
    message: `${prefix}${e.message}`,
    pointer: "",
    line: e.pos.line,
    column: e.pos.column
  };
}
function parseProtobuf(text, options = {}) {
  let proto;
  try {
    proto = parseProtoText(text);
  } catch (e) {
    if (e instanceof ProtoSyntaxError) return { ok: false, issues: [syntaxIssue(e)] };
    throw e;
  }
  const dependencies = /* @__PURE__ */ new Map();
  const issues = [];
  for (const r of options.references ?? []) {
    try {
      dependencies.set(r.name, parseProtoText(r.text));
    } catch (e) {
      if (!(e instanceof ProtoSyntaxError)) throw e;
      issues.push({
        ...syntaxIssue(e),
        rule: PROTOBUF_RULES.reference,
        message: `the referenced schema '${r.name}' is not valid Protobuf: ${e.message} (line ${e.pos.line}, column ${e.pos.column})`,
        line: 1,
        column: 1
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const overridesKnown = [...dependencies.keys()].some((n) => KNOWN_FILES.has(n));
  const files = { main: proto, dependencies };
  const index = overridesKnown ? new TypeIndex({ main: proto, dependencies: withKnownFiles(dependencies) }) : new TypeIndex(files, knownTypes());
  if (options.lenient !== true) issues.push(...validateProto(files, index));
  if (issues.length > 0) return { ok: false, issues };
  const schema = { format: "protobuf", text, proto, files, index };
  if (options.file !== void 0) schema.file = options.file;
  return { ok: true, schema };
}

// src/formats/protobuf/index.ts
function protoImports(text) {
  try {
    const file = parseProtoText(text);
    return [...file.imports, ...file.publicImports, ...file.weakImports].filter((i) => !KNOWN_FILES.has(i));
  } catch (e) {
    if (e instanceof ProtoSyntaxError) return [];
    throw e;
  }
}
function differences(original, update) {
  return compareFiles({ index: original.index, ...original.proto }, { index: update.index, ...update.proto });
}
function compareProtobuf(original, update) {
  const parse = (s) => {
    const r = parseProtobuf(s.text, { lenient: true, references: s.references ?? [] });
    if (!r.ok) throw new Error(r.issues.map((i) => `${i.line}:${i.column}: ${i.message}`).join("; "));
    return r.schema;
  };
  const diffs = differences(parse(original), parse(update));
  return { differences: diffs, compatible: diffs.every((d) => COMPATIBLE_CHANGES.has(d.type)) };
}
function checkProtobuf(reader, writer, context) {
  return differences(writer, reader).filter((d) => !COMPATIBLE_CHANGES.has(d.type)).map((d) => ({
    errorType: d.type,
    path: d.path,
    candidatePointer: d.at.slice(1),
    message: describe(d.type, d.path, context),
    fix: fixFor(d.type),
    additionalInfo: registryMessage(d.type, d.path, context)
  }));
}
function kindOf2(type) {
  if (type.endsWith("_ADDED")) return "added";
  if (type.endsWith("_REMOVED")) return "removed";
  return "changed";
}
var NEW_READS_OLD = { reader: "new", writer: "old" };
function diffProtobuf(from, to) {
  const reverse = new Set(
    differences(to, from).filter((d) => !COMPATIBLE_CHANGES.has(d.type)).map((d) => d.path)
  );
  return differences(from, to).map((d) => {
    const breaks = [];
    if (!COMPATIBLE_CHANGES.has(d.type)) breaks.push("new-reads-old");
    if (reverse.has(d.path)) breaks.push("old-reads-new");
    return {
      kind: kindOf2(d.type),
      pointer: d.at.slice(1),
      summary: `${d.type} ${d.path}${COMPATIBLE_CHANGES.has(d.type) ? "" : `: ${describe(d.type, d.path, NEW_READS_OLD)}`}`,
      breaks
    };
  });
}
var protobufFormat = {
  id: "protobuf",
  registryType: "PROTOBUF",
  parse: parseProtobuf,
  canonical: (schema) => canonicalProto(schema.proto),
  normalized: (schema) => normalizedProto(schema.proto, schema.index),
  check: checkProtobuf,
  diff: diffProtobuf,
  locate: (schema, pointer) => locatePath(schema.proto, pointer)
};

export {
  resolveName,
  asMap,
  canonicalProto,
  normalizedProto,
  DIFFERENCE_TYPES,
  COMPATIBLE_CHANGES,
  registryMessage,
  PROTOBUF_RULES,
  parseProtobuf,
  protoImports,
  differences,
  compareProtobuf,
  protobufFormat
};
