import {
  isNamed,
  isPrimitiveName,
  unionBranchKey
} from "./chunk-J5VQF3U6.js";
import {
  escapePointerToken,
  joinPointer,
  parseJson,
  positionOf
} from "./chunk-L6DUB6QO.js";
import {
  isSchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/formats/avro/defaults.ts
var INT_MIN = -(2 ** 31);
var INT_MAX = 2 ** 31 - 1;
var LONG_MIN = -(2n ** 63n);
var LONG_MAX = 2n ** 63n - 1n;
function integralText(text) {
  return text !== void 0 && /^-?\d+$/.test(text) ? BigInt(text) : void 0;
}
var JAVA_DOUBLE = /^[+-]?(?:NaN|Infinity|(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+)[fFdD]?)$/;
function javaParsesDouble(text) {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  return JAVA_DOUBLE.test(text.slice(start, end));
}
var FieldsNotSetYet = class extends Error {
  constructor(record) {
    super(`record '${record.fullName}' is not complete at this point`);
    this.record = record;
  }
  record;
};
function defaultProblem(type, usePointer, attr, view) {
  const value = attr.value;
  if ((type.kind === "float" || type.kind === "double") && typeof value === "string") {
    return javaParsesDouble(value) ? void 0 : `expected a number, found ${JSON.stringify(value)}`;
  }
  return new Validation(attr, view).check(type, usePointer, value, attr.pointer, 0);
}
var Validation = class {
  constructor(attr, view) {
    this.attr = attr;
    this.view = view;
  }
  attr;
  view;
  check(type, use, value, pointer, depth) {
    if (depth > 64) return void 0;
    const want = (what) => `expected ${what}, found ${typeof value === "number" ? this.attr.numberText(pointer, value) ?? String(value) : JSON.stringify(value)?.slice(0, 60) ?? "nothing"}`;
    const isObject2 = value !== null && typeof value === "object" && !Array.isArray(value);
    if (this.view.placeholder?.(use) === true) {
      return isObject2 ? void 0 : want(
        `an object (the type is used here before it is complete, so Java checks the default as a record)`
      );
    }
    switch (type.kind) {
      case "null":
        return value === null ? void 0 : want("null");
      case "boolean":
        return typeof value === "boolean" ? void 0 : want("a boolean");
      case "int": {
        const n = typeof value === "number" ? integralText(this.attr.numberText(pointer, value)) : void 0;
        return n !== void 0 && n >= BigInt(INT_MIN) && n <= BigInt(INT_MAX) ? void 0 : want("an integer in the int range");
      }
      case "long": {
        const n = typeof value === "number" ? integralText(this.attr.numberText(pointer, value)) : void 0;
        return n !== void 0 && n >= LONG_MIN && n <= LONG_MAX ? void 0 : want("an integer in the long range");
      }
      case "float":
      case "double":
        return typeof value === "number" ? void 0 : want("a number");
      case "string":
      case "bytes":
      case "enum":
      case "fixed":
        return typeof value === "string" ? void 0 : want("a string");
      case "array": {
        if (!Array.isArray(value)) return want("an array");
        for (let i = 0; i < value.length; i++) {
          const p = this.check(
            type.items,
            type.itemsPointer,
            value[i],
            joinPointer(pointer, i),
            depth + 1
          );
          if (p !== void 0) return `item ${i}: ${p}`;
        }
        return void 0;
      }
      case "map": {
        if (!isObject2) return want("an object");
        for (const [k, v] of Object.entries(value)) {
          const p = this.check(type.values, type.valuesPointer, v, joinPointer(pointer, k), depth + 1);
          if (p !== void 0) return `value '${k}': ${p}`;
        }
        return void 0;
      }
      case "record": {
        if (!isObject2) return want("an object");
        if (this.view.open?.(type) === true) throw new FieldsNotSetYet(type);
        for (const f of type.fields) {
          const p = this.field(f, value, pointer, depth);
          if (p !== void 0) return `field '${f.name}': ${p}`;
        }
        return void 0;
      }
      case "union": {
        const reasons = [];
        for (let i = 0; i < type.branches.length; i++) {
          const b = type.branches[i];
          const p = this.check(b, type.branchPointers[i] ?? use, value, pointer, depth + 1);
          if (p === void 0) return void 0;
          reasons.push(`${b.kind}: ${p}`);
        }
        return `no branch of the union accepts it (${reasons.join("; ")})`;
      }
    }
  }
  field(f, value, pointer, depth) {
    if (Object.prototype.hasOwnProperty.call(value, f.name))
      return this.check(
        f.type,
        f.typePointer,
        value[f.name],
        joinPointer(pointer, f.name),
        depth + 1
      );
    if (f.default === void 0) return "missing, and the field has no default";
    const own = f.default.value;
    if ((f.type.kind === "float" || f.type.kind === "double") && typeof own === "string")
      return javaParsesDouble(own) ? void 0 : "its own default is not a number";
    const p = this.check(f.type, f.typePointer, own, f.default.pointer, depth + 1);
    return p === void 0 ? void 0 : `missing, and its own default is invalid: ${p}`;
  }
};

// src/formats/avro/names.ts
var NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function isValidName(name) {
  return NAME.test(name);
}
function isValidNamespace(space) {
  return space === "" || space.split(".").every(isValidName);
}
function qualify(name, space) {
  const dot = name.lastIndexOf(".");
  if (dot >= 0) {
    const ns2 = name.slice(0, dot);
    const simple = name.slice(dot + 1);
    return { name: simple, namespace: ns2 === "" ? void 0 : ns2, fullName: ns2 === "" ? simple : name };
  }
  const ns = space === void 0 || space === "" ? void 0 : space;
  return { name, namespace: ns, fullName: ns === void 0 ? name : `${ns}.${name}` };
}
function nameProblem(written, namespace) {
  const parts = written.split(".");
  const simple = parts[parts.length - 1] ?? "";
  if (!isValidName(simple))
    return `'${written}' is not a valid Avro name (letters, digits and '_', not starting with a digit)`;
  if (parts.length > 1 && !parts.slice(0, -1).every(isValidName) && parts.slice(0, -1).join(".") !== "") {
    return `'${written}' has an invalid namespace part`;
  }
  if (parts.length === 1 && (namespace === void 0 || namespace === "") && isPrimitiveName(simple))
    return `'${written}' is a primitive type name and cannot name a type`;
  return void 0;
}
function qualifiedRelativeTo(fullName, namespace, defaultSpace) {
  if (namespace !== void 0 && namespace === defaultSpace) {
    const simple = fullName.slice(namespace.length + 1);
    return isPrimitiveName(simple) ? fullName : simple;
  }
  return fullName;
}

// src/formats/avro/parse.ts
var AVRO_RULES = {
  INVALID_JSON: "INVALID_JSON",
  SCHEMA_SHAPE: "AVRO_SCHEMA_SHAPE",
  MISSING_ATTRIBUTE: "AVRO_MISSING_ATTRIBUTE",
  INVALID_ATTRIBUTE: "AVRO_INVALID_ATTRIBUTE",
  UNKNOWN_TYPE: "AVRO_UNKNOWN_TYPE",
  INVALID_NAME: "AVRO_INVALID_NAME",
  DUPLICATE_NAME: "AVRO_DUPLICATE_NAME",
  DUPLICATE_FIELD: "AVRO_DUPLICATE_FIELD",
  DUPLICATE_SYMBOL: "AVRO_DUPLICATE_SYMBOL",
  UNION_DUPLICATE_BRANCH: "AVRO_UNION_DUPLICATE_BRANCH",
  UNION_NESTED: "AVRO_UNION_NESTED",
  INVALID_DEFAULT: "AVRO_INVALID_DEFAULT",
  INVALID_ENUM_DEFAULT: "AVRO_INVALID_ENUM_DEFAULT",
  INVALID_FIXED_SIZE: "AVRO_INVALID_FIXED_SIZE",
  INVALID_ORDER: "AVRO_INVALID_ORDER",
  REFERENCE: "AVRO_INVALID_REFERENCE",
  /** A record default that Avro Java cannot check: it needs a record whose fields are not set yet. */
  RECURSIVE_DEFAULT: "AVRO_RECURSIVE_DEFAULT"
};
var AVRO_WARNINGS = {
  /** A decimal's precision or scale that Avro Java ignores (the logical type is dropped). */
  INVALID_DECIMAL: "AVRO_INVALID_DECIMAL",
  /** A fixed decimal whose precision needs more bytes than the fixed has. */
  DECIMAL_PRECISION_EXCEEDS_FIXED: "AVRO_DECIMAL_PRECISION_EXCEEDS_FIXED",
  /** A `namespace` or `doc` that is not a string: Avro Java reads it as absent. */
  IGNORED_ATTRIBUTE: "AVRO_IGNORED_ATTRIBUTE",
  /** A field alias naming another field of the same record: readers see two matching writer fields. */
  FIELD_ALIAS_NAMES_SIBLING: "AVRO_FIELD_ALIAS_NAMES_SIBLING"
};
var SCHEMA_RESERVED = /* @__PURE__ */ new Set([
  "doc",
  "fields",
  "items",
  "name",
  "namespace",
  "size",
  "symbols",
  "values",
  "type",
  "aliases"
]);
var ENUM_RESERVED = /* @__PURE__ */ new Set([...SCHEMA_RESERVED, "default"]);
var FIELD_RESERVED = /* @__PURE__ */ new Set(["default", "doc", "name", "order", "type", "aliases"]);
function joinPointer2(base, token) {
  if (typeof token === "number") return `${base}/${token}`;
  return token.includes("~") || token.includes("/") ? `${base}/${escapePointerToken(token)}` : `${base}/${token}`;
}
var isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
var has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
function numberTextLookup(text, doc) {
  let starts;
  const plainIntegers = !/[0-9][.eE]|-0(?![0-9])/.test(text);
  return (pointer, value) => {
    if (plainIntegers && Number.isSafeInteger(value)) return String(value);
    const at = doc.positions.get(pointer);
    if (at === void 0) return void 0;
    if (starts === void 0) {
      starts = [text.charCodeAt(0) === 65279 ? 1 : 0];
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    const offset = (starts[at.line - 1] ?? 0) + at.column - 1;
    const re = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    re.lastIndex = offset;
    return re.exec(text)?.[0];
  };
}
var Parser = class {
  constructor(text, doc, source, named, completed, lenient, label) {
    this.text = text;
    this.doc = doc;
    this.source = source;
    this.named = named;
    this.completed = completed;
    this.lenient = lenient;
    this.label = label;
    this.numberText = numberTextLookup(text, doc);
  }
  text;
  doc;
  source;
  named;
  completed;
  lenient;
  label;
  issues = [];
  warnings = [];
  pendingDefaults = [];
  numberText;
  /** Pointers where a name was used before its type was complete: Avro Java's placeholders while parsing. */
  placeholderUses = /* @__PURE__ */ new Set();
  /** Names used before their type was defined at all, resolved (by exact full name) when parsing ends. */
  unresolved = /* @__PURE__ */ new Map();
  /** Named types in the order Java's parser completes them (a record after its fields). */
  completionOrder = [];
  issue(rule, message, pointer, preferKey = false) {
    const at = positionOf(this.doc, pointer, preferKey);
    const msg = this.label === void 0 ? message : `in reference '${this.label}': ${message}`;
    this.issues.push({ rule, message: msg, pointer, line: at.line, column: at.column });
  }
  warn(rule, message, pointer) {
    const at = positionOf(this.doc, pointer);
    this.warnings.push({ rule, message, pointer, line: at.line, column: at.column });
  }
  complete(t) {
    if (this.named.get(t.fullName) !== t) return;
    this.completed.add(t.fullName);
    this.completionOrder.push(t);
  }
  attr(value, pointer) {
    return { value, pointer, numberText: this.numberText };
  }
  props(o, pointer, reserved) {
    const out = [];
    for (const k of Object.keys(o))
      if (!reserved.has(k)) out.push([k, this.attr(o[k], joinPointer2(pointer, k))]);
    return out;
  }
  /** Resolves the names used before their definition; then, for a new schema, checks the defaults as Java does. */
  finish(root) {
    const resolved = this.resolveForward(root);
    if (this.lenient) return resolved;
    const clean = this.issues.length === 0 && resolved !== void 0;
    for (const d of this.pendingDefaults) if (d.field !== void 0) d.type = d.field.type;
    const failed = /* @__PURE__ */ new Set();
    for (const d of this.pendingDefaults) {
      const problem = defaultProblem(d.type, d.usePointer, d.attr, {
        placeholder: (p) => this.placeholderUses.has(p)
      });
      if (problem !== void 0) {
        failed.add(d);
        this.issue(AVRO_RULES.INVALID_DEFAULT, `invalid default for ${d.what}: ${problem}`, d.attr.pointer);
      }
    }
    if (clean && failed.size === 0 && this.placeholderUses.size > 0) this.checkDefaultsAsResolved(resolved);
    return resolved;
  }
  /**
   * Avro Java's resolving visit (SchemaResolver): records are rebuilt depth first, in the order the parser
   * completed them, and each field's default is checked when its record is rebuilt. A default that needs
   * the fields of a record still being rebuilt (an enclosing one) makes Java throw: the schema is refused.
   */
  checkDefaultsAsResolved(root) {
    const byField = /* @__PURE__ */ new Map();
    for (const d of this.pendingDefaults) if (d.field !== void 0) byField.set(d.field, d);
    const state = /* @__PURE__ */ new Map();
    let round = 0;
    const open = (r) => state.get(r) === -1;
    const visit = (start) => {
      const visited = /* @__PURE__ */ new Set();
      const stack = [{ t: start }];
      const edge = (t, use, out) => {
        if (this.placeholderUses.has(use)) {
          if (t.kind === "record" && !state.has(t)) visit(t);
          return;
        }
        out.push({ t });
      };
      while (stack.length > 0) {
        const { t, after } = stack.pop();
        if (after !== void 0) {
          if (state.get(after) !== -1) continue;
          for (const f of after.fields) {
            const d = byField.get(f);
            if (d === void 0) continue;
            try {
              const problem = defaultProblem(d.type, d.usePointer, d.attr, { open });
              if (problem !== void 0)
                this.issue(
                  AVRO_RULES.INVALID_DEFAULT,
                  `invalid default for ${d.what}: ${problem}`,
                  d.attr.pointer
                );
            } catch (e) {
              if (!(e instanceof FieldsNotSetYet)) throw e;
              this.issue(
                AVRO_RULES.RECURSIVE_DEFAULT,
                `invalid default for ${d.what}: it needs the fields of record '${e.record.fullName}', which encloses it; Avro Java cannot check such a default ("Schema fields not set yet") and the registry refuses the schema. Use null (with a union whose first branch is "null") or an empty array instead`,
                d.attr.pointer
              );
              return;
            }
          }
          state.set(after, round);
          continue;
        }
        if (visited.has(t)) continue;
        const children = [];
        switch (t.kind) {
          case "record": {
            visited.add(t);
            const done = state.get(t);
            if (done !== void 0 && done !== -1 && done < round) continue;
            if (done === void 0) state.set(t, -1);
            children.push({ t, after: t });
            for (let i = t.fields.length - 1; i >= 0; i--) {
              const f = t.fields[i];
              edge(f.type, f.typePointer, children);
            }
            break;
          }
          case "union":
            visited.add(t);
            for (let i = t.branches.length - 1; i >= 0; i--)
              edge(t.branches[i], t.branchPointers[i] ?? "", children);
            break;
          case "array":
            visited.add(t);
            edge(t.items, t.itemsPointer, children);
            break;
          case "map":
            visited.add(t);
            edge(t.values, t.valuesPointer, children);
            break;
          default:
            break;
        }
        stack.push(...children);
      }
    };
    for (const t of this.completionOrder) {
      round++;
      if (t.kind === "record") visit(t);
      if (this.issues.length > 0) return;
    }
    round++;
    if (!isNamed(root)) visit(root);
  }
  /** Replaces the placeholders of names used before their definition; an undefined name is an error. */
  resolveForward(root) {
    if (this.unresolved.size === 0 || root === void 0) return root;
    const target = (t) => {
      const u = this.unresolved.get(t);
      if (u === void 0) return t;
      const found = this.named.get(u.fullName);
      if (found !== void 0) return found;
      this.undefinedName(u.written, u.fullName, u.pointer, u.space);
      return t;
    };
    const seen = /* @__PURE__ */ new Set();
    const walk = (t) => {
      if (seen.has(t)) return;
      seen.add(t);
      switch (t.kind) {
        case "record":
          for (const f of t.fields) walk(f.type = target(f.type));
          return;
        case "union":
          t.branches.forEach((b, i) => walk(t.branches[i] = target(b)));
          return;
        case "array":
          walk(t.items = target(t.items));
          return;
        case "map":
          walk(t.values = target(t.values));
          return;
        default:
          return;
      }
    };
    const top = target(root);
    walk(top);
    for (const t of this.completionOrder) walk(t);
    return top;
  }
  undefinedName(written, fullName, pointer, space) {
    const plain = qualify(written, void 0).fullName;
    const enclosing = plain !== fullName ? this.named.get(plain) : void 0;
    this.issue(
      AVRO_RULES.UNKNOWN_TYPE,
      enclosing !== void 0 ? `unknown type '${written}': inside namespace '${space ?? ""}' it means '${fullName}', which is not defined; the record '${plain}' (no namespace) is not complete at this point, and Avro Java looks a name up in the current namespace only until then ("Undefined schema: ${fullName}"). Give '${plain}' a namespace and write its full name here` : `unknown type '${written}': not a primitive type, and no named type '${fullName}' is defined in this schema or given as a reference (Avro: "Undefined schema: ${fullName}")`,
      pointer
    );
  }
  parseType(value, pointer, space) {
    if (typeof value === "string") return this.resolveName(value, pointer, space);
    if (Array.isArray(value)) return this.parseUnion(value, pointer, space);
    if (!isObject(value)) {
      this.issue(
        AVRO_RULES.SCHEMA_SHAPE,
        `expected a schema (a type name, an object with a 'type' or a union array), found ${JSON.stringify(value)}`,
        pointer
      );
      return void 0;
    }
    const typePointer = joinPointer2(pointer, "type");
    if (!has(value, "type")) {
      this.issue(AVRO_RULES.MISSING_ATTRIBUTE, "a schema object needs a 'type'", pointer);
      return void 0;
    }
    const type = value["type"];
    if (typeof type !== "string") {
      this.issue(
        AVRO_RULES.INVALID_ATTRIBUTE,
        "'type' of a schema object must be a string (a nested schema is only allowed as a field's type)",
        typePointer
      );
      return void 0;
    }
    if (isPrimitiveName(type)) {
      const t = {
        kind: type,
        pointer,
        props: this.props(value, pointer, SCHEMA_RESERVED),
        source: this.source
      };
      if (type === "bytes") this.checkDecimal(value, pointer, void 0);
      return t;
    }
    switch (type) {
      case "record":
      case "error":
        return this.parseRecord(value, pointer, space, type === "error");
      case "enum":
        return this.parseEnum(value, pointer, space);
      case "fixed":
        return this.parseFixed(value, pointer, space);
      case "array": {
        if (!has(value, "items")) {
          this.issue(AVRO_RULES.MISSING_ATTRIBUTE, "an array needs 'items'", pointer);
          return void 0;
        }
        const itemsPointer = joinPointer2(pointer, "items");
        const items = this.parseType(value["items"], itemsPointer, space);
        return items && {
          kind: "array",
          items,
          itemsPointer,
          pointer,
          props: this.props(value, pointer, SCHEMA_RESERVED),
          source: this.source
        };
      }
      case "map": {
        if (!has(value, "values")) {
          this.issue(AVRO_RULES.MISSING_ATTRIBUTE, "a map needs 'values'", pointer);
          return void 0;
        }
        const valuesPointer = joinPointer2(pointer, "values");
        const values = this.parseType(value["values"], valuesPointer, space);
        return values && {
          kind: "map",
          values,
          valuesPointer,
          pointer,
          props: this.props(value, pointer, SCHEMA_RESERVED),
          source: this.source
        };
      }
      default:
        return this.resolveName(type, typePointer, space);
    }
  }
  /**
   * A type name, as Avro Java's parse context finds it: a complete type by its name in the current
   * namespace, else by the name as written; otherwise a placeholder for the name in the current namespace,
   * resolved (by that full name only) when parsing ends.
   */
  resolveName(name, pointer, space) {
    if (isPrimitiveName(name)) return { kind: name, pointer, props: [], source: this.source };
    if (["record", "enum", "fixed", "array", "map", "error"].includes(name)) {
      this.issue(
        AVRO_RULES.UNKNOWN_TYPE,
        `'${name}' must be written as an object, e.g. {"type": "${name}", …}`,
        pointer
      );
      return void 0;
    }
    const fullName = qualify(name, space).fullName;
    const plain = qualify(name, void 0).fullName;
    const complete = this.completed.has(fullName) ? fullName : this.completed.has(plain) ? plain : void 0;
    if (complete !== void 0) return this.named.get(complete);
    this.placeholderUses.add(pointer);
    const inProgress = this.named.get(fullName);
    if (inProgress !== void 0) return inProgress;
    const placeholder = { kind: "null", pointer, props: [], source: this.source };
    this.unresolved.set(placeholder, { fullName, written: name, pointer, space });
    return placeholder;
  }
  parseUnion(value, pointer, space) {
    const branches = [];
    const branchPointers = [];
    const seen = /* @__PURE__ */ new Map();
    let ok = true;
    value.forEach((b, i) => {
      const p = joinPointer2(pointer, i);
      if (Array.isArray(b)) {
        this.issue(
          AVRO_RULES.UNION_NESTED,
          "a union cannot contain another union directly; merge the branches into one union",
          p
        );
        ok = false;
        return;
      }
      const t = this.parseType(b, p, space);
      if (t === void 0) {
        ok = false;
        return;
      }
      const key = this.unresolved.get(t)?.fullName ?? unionBranchKey(t);
      const first = seen.get(key);
      if (first !== void 0) {
        this.issue(
          AVRO_RULES.UNION_DUPLICATE_BRANCH,
          `the union has '${key}' twice (branches ${first} and ${i}); a union may hold each type (and each named type) once`,
          p
        );
        ok = false;
        return;
      }
      seen.set(key, i);
      branches.push(t);
      branchPointers.push(p);
    });
    return ok ? { kind: "union", branches, branchPointers, pointer, props: [], source: this.source } : void 0;
  }
  /** Name, namespace, aliases and doc of a named type; registers it so later (and recursive) uses resolve. */
  defineNamed(o, pointer, space, make) {
    const nameValue = o["name"];
    if (typeof nameValue !== "string") {
      this.issue(
        has(o, "name") ? AVRO_RULES.INVALID_ATTRIBUTE : AVRO_RULES.MISSING_ATTRIBUTE,
        `a ${String(o["type"])} needs a 'name' (a string)`,
        has(o, "name") ? joinPointer2(pointer, "name") : pointer
      );
      return void 0;
    }
    let ns = space;
    if (has(o, "namespace")) {
      const nsValue = o["namespace"];
      if (typeof nsValue !== "string" && nsValue !== null) {
        this.warn(
          AVRO_WARNINGS.IGNORED_ATTRIBUTE,
          "'namespace' is not a string, so Avro ignores it (the enclosing namespace applies)",
          joinPointer2(pointer, "namespace")
        );
      } else if (typeof nsValue === "string") {
        if (!this.lenient && !isValidNamespace(nsValue))
          this.issue(
            AVRO_RULES.INVALID_NAME,
            `'${nsValue}' is not a valid namespace (dot-separated Avro names)`,
            joinPointer2(pointer, "namespace")
          );
        ns = nsValue;
      }
    }
    const written = this.lenient ? qualify(nameValue, ns) : void 0;
    const problem = written === void 0 ? nameProblem(nameValue, ns) : nameProblem(written.name, written.namespace);
    if (problem !== void 0) this.issue(AVRO_RULES.INVALID_NAME, problem, joinPointer2(pointer, "name"));
    const q = qualify(nameValue, ns);
    const aliases = [];
    const aliasValue = o["aliases"];
    if (aliasValue !== void 0) {
      if (!Array.isArray(aliasValue) || aliasValue.some((a) => typeof a !== "string")) {
        this.issue(
          AVRO_RULES.INVALID_ATTRIBUTE,
          "'aliases' must be an array of names",
          joinPointer2(pointer, "aliases")
        );
      } else {
        aliasValue.forEach((a, i) => {
          const alias = a;
          const p = nameProblem(alias);
          if (p !== void 0)
            this.issue(
              AVRO_RULES.INVALID_NAME,
              `alias ${p}`,
              joinPointer2(joinPointer2(pointer, "aliases"), i)
            );
          const full = qualify(alias, q.namespace).fullName;
          if (!aliases.includes(full)) aliases.push(full);
        });
      }
    }
    const doc = o["doc"];
    const base = {
      name: q.name,
      namespace: q.namespace,
      fullName: q.fullName,
      aliases,
      pointer,
      props: [],
      source: this.source
    };
    if (typeof doc === "string") base.doc = doc;
    if (doc !== void 0 && doc !== null && typeof doc !== "string")
      this.warn(
        AVRO_WARNINGS.IGNORED_ATTRIBUTE,
        "'doc' is not a string, so Avro ignores it",
        joinPointer2(pointer, "doc")
      );
    const t = make(base);
    if (this.named.has(q.fullName)) {
      this.issue(
        AVRO_RULES.DUPLICATE_NAME,
        `the type '${q.fullName}' is already defined; define it once and refer to it by name`,
        joinPointer2(pointer, "name")
      );
    } else {
      this.named.set(q.fullName, t);
    }
    return t;
  }
  parseRecord(o, pointer, space, error) {
    const fields = [];
    const record = this.defineNamed(o, pointer, space, (b) => {
      const r = b;
      r.kind = "record";
      r.error = error;
      r.fields = fields;
      return r;
    });
    if (record === void 0) return void 0;
    record.props = this.props(o, pointer, SCHEMA_RESERVED);
    const fieldsValue = o["fields"];
    if (!Array.isArray(fieldsValue)) {
      this.issue(
        has(o, "fields") ? AVRO_RULES.INVALID_ATTRIBUTE : AVRO_RULES.MISSING_ATTRIBUTE,
        "a record needs 'fields' (an array)",
        has(o, "fields") ? joinPointer2(pointer, "fields") : pointer
      );
      return record;
    }
    const inner = record.namespace;
    const seen = /* @__PURE__ */ new Map();
    const fieldsPointer = joinPointer2(pointer, "fields");
    fieldsValue.forEach((f, i) => {
      const fp = `${fieldsPointer}/${i}`;
      const name = isObject(f) ? f["name"] : void 0;
      if (typeof name === "string") {
        const first = seen.get(name);
        if (first !== void 0) {
          this.issue(
            AVRO_RULES.DUPLICATE_FIELD,
            `the field '${name}' is defined twice in record '${record.fullName}' (fields ${first} and ${i})`,
            joinPointer2(fp, "name")
          );
          return;
        }
        seen.set(name, i);
      }
      const field = this.parseField(f, fp, inner, record.fullName);
      if (field !== void 0) fields.push(field);
    });
    if (!this.lenient) this.checkFieldAliases(fields, record.fullName);
    this.complete(record);
    return record;
  }
  /**
   * A field alias that names another field of the same record makes Avro Java's reader lookup find two
   * writer fields (the registry then answers incompatible when such a schema reads); the registry accepts
   * the schema itself, so this is a warning.
   */
  checkFieldAliases(fields, recordName) {
    const names = new Set(fields.map((f) => f.name));
    for (const f of fields) {
      f.aliases.forEach((a, i) => {
        if (a !== f.name && names.has(a)) {
          this.warn(
            AVRO_WARNINGS.FIELD_ALIAS_NAMES_SIBLING,
            `the alias '${a}' of field '${f.name}' is the name of another field of '${recordName}'; a reader with this record cannot tell them apart (the registry answers incompatible)`,
            `${f.pointer}/aliases/${i}`
          );
        }
      });
    }
  }
  parseField(f, pointer, space, recordName) {
    if (!isObject(f)) {
      this.issue(AVRO_RULES.SCHEMA_SHAPE, "a field must be an object with a name and a type", pointer);
      return void 0;
    }
    const name = f["name"];
    if (typeof name !== "string") {
      this.issue(
        has(f, "name") ? AVRO_RULES.INVALID_ATTRIBUTE : AVRO_RULES.MISSING_ATTRIBUTE,
        "a field needs a 'name' (a string)",
        has(f, "name") ? joinPointer2(pointer, "name") : pointer
      );
      return void 0;
    }
    if (!isValidName(name))
      this.issue(
        AVRO_RULES.INVALID_NAME,
        `'${name}' is not a valid field name (letters, digits and '_', not starting with a digit)`,
        joinPointer2(pointer, "name")
      );
    if (!has(f, "type")) {
      this.issue(AVRO_RULES.MISSING_ATTRIBUTE, `the field '${name}' needs a 'type'`, pointer);
      return void 0;
    }
    const typePointer = joinPointer2(pointer, "type");
    const type = this.parseType(f["type"], typePointer, space);
    if (type === void 0) return void 0;
    const field = {
      name,
      type,
      pointer,
      typePointer,
      aliases: [],
      props: this.props(f, pointer, FIELD_RESERVED)
    };
    const doc = f["doc"];
    if (typeof doc === "string") field.doc = doc;
    else if (doc !== void 0 && doc !== null)
      this.warn(
        AVRO_WARNINGS.IGNORED_ATTRIBUTE,
        "'doc' is not a string, so Avro ignores it",
        joinPointer2(pointer, "doc")
      );
    if (has(f, "default")) {
      const dp = joinPointer2(pointer, "default");
      const d = f["default"];
      field.default = this.attr(d, dp);
      if ((type.kind === "float" || type.kind === "double") && typeof d === "string" && !javaParsesDouble(d)) {
        this.issue(
          AVRO_RULES.INVALID_DEFAULT,
          `invalid default for field '${name}' of '${recordName}': ${JSON.stringify(d)} is not a number (a ${type.kind} default is a number, or a string Java reads as one)`,
          dp
        );
      } else {
        this.pendingDefaults.push({
          field,
          type,
          usePointer: typePointer,
          attr: field.default,
          what: `field '${name}' of '${recordName}'`
        });
      }
    }
    const order = f["order"];
    if (order !== void 0) {
      const lower = typeof order === "string" ? order.toLowerCase() : "";
      if (lower === "ascending" || lower === "descending" || lower === "ignore") {
        if (lower !== "ascending") field.order = lower;
      } else {
        this.issue(
          AVRO_RULES.INVALID_ORDER,
          `'order' must be "ascending", "descending" or "ignore", found ${JSON.stringify(order)}`,
          joinPointer2(pointer, "order")
        );
      }
    }
    const aliases = f["aliases"];
    if (aliases !== void 0) {
      if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== "string")) {
        this.issue(
          AVRO_RULES.INVALID_ATTRIBUTE,
          "'aliases' must be an array of names",
          joinPointer2(pointer, "aliases")
        );
      } else {
        for (const a of aliases) if (!field.aliases.includes(a)) field.aliases.push(a);
      }
    }
    return field;
  }
  parseEnum(o, pointer, space) {
    const symbols = [];
    const t = this.defineNamed(o, pointer, space, (b) => {
      const e = b;
      e.kind = "enum";
      e.symbols = symbols;
      return e;
    });
    if (t === void 0) return void 0;
    t.props = this.props(o, pointer, ENUM_RESERVED);
    const sp = joinPointer2(pointer, "symbols");
    const value = o["symbols"];
    if (!Array.isArray(value)) {
      this.issue(
        has(o, "symbols") ? AVRO_RULES.INVALID_ATTRIBUTE : AVRO_RULES.MISSING_ATTRIBUTE,
        "an enum needs 'symbols' (an array of names)",
        has(o, "symbols") ? sp : pointer
      );
      return t;
    }
    value.forEach((s, i) => {
      const p = joinPointer2(sp, i);
      if (typeof s !== "string") {
        this.issue(AVRO_RULES.INVALID_ATTRIBUTE, "an enum symbol must be a string", p);
        return;
      }
      if (!isValidName(s))
        this.issue(
          AVRO_RULES.INVALID_NAME,
          `'${s}' is not a valid enum symbol (letters, digits and '_', not starting with a digit)`,
          p
        );
      if (symbols.includes(s)) {
        this.issue(AVRO_RULES.DUPLICATE_SYMBOL, `the symbol '${s}' appears twice in enum '${t.fullName}'`, p);
        return;
      }
      symbols.push(s);
    });
    if (has(o, "default")) {
      const d = o["default"];
      if (typeof d !== "string" || !symbols.includes(d)) {
        this.issue(
          AVRO_RULES.INVALID_ENUM_DEFAULT,
          `the enum default ${JSON.stringify(d)} is not one of the symbols of '${t.fullName}'`,
          joinPointer2(pointer, "default")
        );
      } else {
        t.default = d;
      }
    }
    this.complete(t);
    return t;
  }
  parseFixed(o, pointer, space) {
    const t = this.defineNamed(o, pointer, space, (b) => {
      const f = b;
      f.kind = "fixed";
      f.size = 0;
      return f;
    });
    if (t === void 0) return void 0;
    t.props = this.props(o, pointer, SCHEMA_RESERVED);
    const size = o["size"];
    const sp = joinPointer2(pointer, "size");
    const text = typeof size === "number" ? this.numberText(sp, size) : void 0;
    if (typeof size !== "number" || text === void 0 || !/^\d+$/.test(text) || size > 2 ** 31 - 1) {
      this.issue(
        has(o, "size") ? AVRO_RULES.INVALID_FIXED_SIZE : AVRO_RULES.MISSING_ATTRIBUTE,
        "a fixed needs a 'size': a non-negative integer number of bytes",
        has(o, "size") ? sp : pointer
      );
      return t;
    }
    t.size = size;
    this.checkDecimal(o, pointer, size);
    this.complete(t);
    return t;
  }
  /**
   * Decimal precision and scale. Avro Java ignores a malformed logical type (the schema stays valid, the
   * type is read as plain bytes/fixed), and the registry accepts it, so these are warnings, for new schemas.
   */
  checkDecimal(o, pointer, fixedSize) {
    if (this.lenient || o["logicalType"] !== "decimal") return;
    const precision = o["precision"];
    const scale = o["scale"] ?? 0;
    const isInt = (v) => typeof v === "number" && Number.isInteger(v);
    if (!isInt(precision) || precision < 1) {
      this.warn(
        AVRO_WARNINGS.INVALID_DECIMAL,
        "a decimal needs a 'precision': a positive integer (Avro ignores this logical type)",
        has(o, "precision") ? joinPointer2(pointer, "precision") : pointer
      );
      return;
    }
    if (!isInt(scale) || scale < 0 || scale > precision) {
      this.warn(
        AVRO_WARNINGS.INVALID_DECIMAL,
        `a decimal's 'scale' must be an integer from 0 to its precision (${precision}) (Avro ignores this logical type)`,
        joinPointer2(pointer, "scale")
      );
    }
    if (fixedSize !== void 0) {
      const maxDigits = fixedSize === 0 ? 0 : Math.floor(Math.log10(2) * (8 * fixedSize - 1));
      if (precision > maxDigits) {
        this.warn(
          AVRO_WARNINGS.DECIMAL_PRECISION_EXCEEDS_FIXED,
          `a fixed of ${fixedSize} bytes holds at most ${maxDigits} decimal digits; precision ${precision} does not fit (Avro ignores this logical type)`,
          joinPointer2(pointer, "precision")
        );
      }
    }
  }
};
function parseDocument(text, file, issues, prefix) {
  try {
    return parseJson(text, file);
  } catch (e) {
    if (!isSchemagateError(e)) throw e;
    issues.push({
      rule: AVRO_RULES.INVALID_JSON,
      message: `${prefix}${e.message}`,
      pointer: "",
      line: e.location.line ?? 1,
      column: e.location.column ?? 1
    });
    return void 0;
  }
}
function parseAvro(text, options = {}) {
  const issues = [];
  const named = /* @__PURE__ */ new Map();
  const completed = /* @__PURE__ */ new Set();
  const referenceRoots = /* @__PURE__ */ new Set();
  (options.references ?? []).forEach((ref, i) => {
    const prefix = `in reference '${ref.name}': `;
    const doc2 = parseDocument(ref.text, void 0, issues, prefix);
    if (doc2 === void 0) return;
    const p = new Parser(ref.text, doc2, i + 1, named, completed, true, ref.name);
    const root2 = p.finish(p.parseType(doc2.value, "", void 0));
    for (const issue of p.issues) {
      issues.push({
        rule: AVRO_RULES.REFERENCE,
        message: `${issue.message} (${issue.rule} at line ${issue.line}, column ${issue.column} of the reference)`,
        pointer: "",
        line: 1,
        column: 1
      });
    }
    if (root2 !== void 0 && (root2.kind === "record" || root2.kind === "enum" || root2.kind === "fixed"))
      referenceRoots.add(root2);
  });
  const doc = parseDocument(text, options.file, issues, "");
  if (doc === void 0) return { ok: false, issues };
  const parser = new Parser(text, doc, 0, named, completed, options.lenient === true, void 0);
  const root = parser.finish(parser.parseType(doc.value, "", void 0));
  issues.push(...parser.issues);
  if (issues.length > 0 || root === void 0) {
    return {
      ok: false,
      issues: issues.length > 0 ? issues : [
        {
          rule: AVRO_RULES.SCHEMA_SHAPE,
          message: "not an Avro schema",
          pointer: "",
          line: 1,
          column: 1
        }
      ]
    };
  }
  const schema = {
    format: "avro",
    text,
    doc,
    root,
    named,
    referenceRoots,
    warnings: parser.warnings
  };
  if (options.file !== void 0) schema.file = options.file;
  return { ok: true, schema };
}

export {
  qualifiedRelativeTo,
  AVRO_RULES,
  AVRO_WARNINGS,
  parseAvro
};
