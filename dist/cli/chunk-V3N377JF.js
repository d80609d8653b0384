import {
  escapePointerToken,
  joinPointer,
  parseJson,
  positionOf
} from "./chunk-L6DUB6QO.js";
import {
  isSchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/formats/avro/json-text.ts
var HEX = "0123456789ABCDEF";
function jacksonString(s) {
  let out = '"';
  let chunk = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 32 && c !== 34 && c !== 92) continue;
    out += s.slice(chunk, i);
    chunk = i + 1;
    switch (c) {
      case 34:
        out += '\\"';
        break;
      case 92:
        out += "\\\\";
        break;
      case 8:
        out += "\\b";
        break;
      case 9:
        out += "\\t";
        break;
      case 10:
        out += "\\n";
        break;
      case 12:
        out += "\\f";
        break;
      case 13:
        out += "\\r";
        break;
      default:
        out += `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
    }
  }
  return `${out}${s.slice(chunk)}"`;
}
function javaDouble(d) {
  if (d === 0) return Object.is(d, -0) ? "-0.0" : "0.0";
  if (!Number.isFinite(d)) return Number.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
  const abs = Math.abs(d);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(d);
    return s.includes(".") ? s : `${s}.0`;
  }
  const [mantissa = "", exponent = "0"] = d.toExponential().split("e");
  return `${mantissa.includes(".") ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}
function jacksonNumber(value, text) {
  if (text !== void 0 && /^-?\d+$/.test(text)) return BigInt(text).toString();
  return javaDouble(text === void 0 ? value : Number(text));
}
function jacksonTree(attr, sortKeys = false) {
  return write(attr.value, attr.pointer, attr, sortKeys);
}
function write(v, pointer, attr, sortKeys) {
  if (v === null) return "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return jacksonNumber(v, attr.numberText(pointer, v));
  if (typeof v === "string") return jacksonString(v);
  if (Array.isArray(v))
    return `[${v.map((x, i) => write(x, joinPointer(pointer, i), attr, sortKeys)).join(",")}]`;
  const keys = Object.keys(v);
  if (sortKeys) keys.sort();
  return `{${keys.map((k) => `${jacksonString(k)}:${write(v[k], joinPointer(pointer, k), attr, sortKeys)}`).join(",")}}`;
}

// src/formats/avro/model.ts
var PRIMITIVES = ["null", "boolean", "int", "long", "float", "double", "bytes", "string"];
function isPrimitiveName(name) {
  return PRIMITIVES.includes(name);
}
function isNamed(t) {
  return t.kind === "record" || t.kind === "enum" || t.kind === "fixed";
}
function typeLabel(t) {
  return t.kind.toUpperCase();
}
function describeType(t, depth = 0) {
  switch (t.kind) {
    case "record":
    case "enum":
    case "fixed":
      return `${t.kind} '${t.fullName}'`;
    case "array":
      return depth > 2 ? "array" : `array<${describeType(t.items, depth + 1)}>`;
    case "map":
      return depth > 2 ? "map" : `map<${describeType(t.values, depth + 1)}>`;
    case "union":
      return depth > 2 ? "union" : `[${t.branches.map((b) => describeType(b, depth + 1)).join(", ")}]`;
    default:
      return t.kind;
  }
}
function unionBranchKey(t) {
  return isNamed(t) ? t.fullName : t.kind;
}

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

// src/formats/avro/canonical.ts
var q = jacksonString;
function namespaceOf(fullName) {
  const dot = fullName.lastIndexOf(".");
  return dot < 0 ? void 0 : fullName.slice(0, dot);
}
function props(list, sorted) {
  if (list.length === 0) return "";
  const items = sorted ? [...list].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0) : list;
  return items.map(([k, v]) => `,${q(k)}:${jacksonTree(v, sorted)}`).join("");
}
function canonicalAvro(schema) {
  const known = new Set(schema.referenceRoots);
  return javaJson(schema.root, known, void 0);
}
function javaTypeString(t) {
  return javaJson(t, /* @__PURE__ */ new Set(), void 0);
}
function javaJson(t, known, space) {
  switch (t.kind) {
    case "array":
      return `{"type":"array","items":${javaJson(t.items, known, space)}${props(t.props, false)}}`;
    case "map":
      return `{"type":"map","values":${javaJson(t.values, known, space)}${props(t.props, false)}}`;
    case "union":
      return `[${t.branches.map((b) => javaJson(b, known, space)).join(",")}]`;
    case "record":
    case "enum":
    case "fixed":
      return javaNamed(t, known, space);
    default:
      return t.props.length === 0 ? q(t.kind) : `{"type":${q(t.kind)}${props(t.props, false)}}`;
  }
}
function javaNamed(t, known, space) {
  if (known.has(t)) return q(qualifiedRelativeTo(t.fullName, t.namespace, space));
  known.add(t);
  let out = `{"type":${q(t.kind === "record" && t.error ? "error" : t.kind)},"name":${q(t.name)}`;
  if (t.namespace !== void 0) {
    if (t.namespace !== space) out += `,"namespace":${q(t.namespace)}`;
  } else if (space !== void 0) {
    out += ',"namespace":""';
  }
  if (t.doc !== void 0) out += `,"doc":${q(t.doc)}`;
  if (t.kind === "record")
    out += `,"fields":[${t.fields.map((f) => javaField(f, known, t.namespace)).join(",")}]`;
  else if (t.kind === "enum")
    out += `,"symbols":[${t.symbols.map(q).join(",")}]${t.default === void 0 ? "" : `,"default":${q(t.default)}`}`;
  else out += `,"size":${t.size}`;
  out += props(t.props, false);
  if (t.aliases.length > 0)
    out += `,"aliases":[${t.aliases.map((a) => q(qualifiedRelativeTo(a, namespaceOf(a), t.namespace))).join(",")}]`;
  return `${out}}`;
}
function fieldDefault(f) {
  const d = f.default;
  if ((f.type.kind === "float" || f.type.kind === "double") && typeof d.value === "string") {
    const n = Number(d.value.trim().replace(/[fFdD]$/, ""));
    if (Number.isFinite(n)) return javaDouble(n);
    return q(Number.isNaN(n) ? "NaN" : n > 0 ? "Infinity" : "-Infinity");
  }
  return jacksonTree(d);
}
function javaField(f, known, space) {
  let out = `{"name":${q(f.name)},"type":${javaJson(f.type, known, space)}`;
  if (f.doc !== void 0) out += `,"doc":${q(f.doc)}`;
  if (f.default !== void 0) out += `,"default":${fieldDefault(f)}`;
  if (f.order !== void 0) out += `,"order":${q(f.order)}`;
  if (f.aliases.length > 0) out += `,"aliases":[${f.aliases.map(q).join(",")}]`;
  return `${out}${props(f.props, false)}}`;
}
function parsingCanonicalForm(schema) {
  return pcf(schema.root, /* @__PURE__ */ new Set());
}
function pcf(t, seen) {
  switch (t.kind) {
    case "array":
      return `{"type":"array","items":${pcf(t.items, seen)}}`;
    case "map":
      return `{"type":"map","values":${pcf(t.values, seen)}}`;
    case "union":
      return `[${t.branches.map((b) => pcf(b, seen)).join(",")}]`;
    case "record":
    case "enum":
    case "fixed": {
      if (seen.has(t)) return q(t.fullName);
      seen.add(t);
      const head = `{"name":${q(t.fullName)},"type":"${t.kind}"`;
      if (t.kind === "record")
        return `${head},"fields":[${t.fields.map((f) => `{"name":${q(f.name)},"type":${pcf(f.type, seen)}}`).join(",")}]}`;
      if (t.kind === "enum") return `${head},"symbols":[${t.symbols.map(q).join(",")}]}`;
      return `${head},"size":${t.size}}`;
    }
    default:
      return q(t.kind);
  }
}
function normalizedAvro(schema) {
  return norm(schema.root, /* @__PURE__ */ new Set());
}
function norm(t, seen) {
  switch (t.kind) {
    case "array":
      return `{"type":"array","items":${norm(t.items, seen)}${props(t.props, true)}}`;
    case "map":
      return `{"type":"map","values":${norm(t.values, seen)}${props(t.props, true)}}`;
    case "union":
      return `[${t.branches.map((b) => norm(b, seen)).join(",")}]`;
    case "record":
    case "enum":
    case "fixed": {
      if (seen.has(t)) return q(t.fullName);
      seen.add(t);
      let out = `{"type":${q(t.kind === "record" && t.error ? "error" : t.kind)},"name":${q(t.fullName)}`;
      if (t.doc !== void 0) out += `,"doc":${q(t.doc)}`;
      if (t.aliases.length > 0) out += `,"aliases":[${[...t.aliases].sort().map(q).join(",")}]`;
      if (t.kind === "record") {
        const fields = t.fields.map((f) => {
          let s = `{"name":${q(f.name)},"type":${norm(f.type, seen)}`;
          if (f.doc !== void 0) s += `,"doc":${q(f.doc)}`;
          if (f.aliases.length > 0) s += `,"aliases":[${[...f.aliases].sort().map(q).join(",")}]`;
          if (f.default !== void 0) s += `,"default":${jacksonTree(f.default, true)}`;
          if (f.order !== void 0) s += `,"order":${q(f.order)}`;
          return `${s}${props(f.props, true)}}`;
        });
        out += `,"fields":[${fields.join(",")}]`;
      } else if (t.kind === "enum") {
        out += `,"symbols":[${t.symbols.map(q).join(",")}]${t.default === void 0 ? "" : `,"default":${q(t.default)}`}`;
      } else {
        out += `,"size":${t.size}`;
      }
      return `${out}${props(t.props, true)}}`;
    }
    default:
      return t.props.length === 0 ? q(t.kind) : `{"type":${q(t.kind)}${props(t.props, true)}}`;
  }
}

// src/formats/avro/compat.ts
var AVRO_ERROR_TYPES = {
  NAME_MISMATCH: "NAME_MISMATCH",
  FIXED_SIZE_MISMATCH: "FIXED_SIZE_MISMATCH",
  MISSING_ENUM_SYMBOLS: "MISSING_ENUM_SYMBOLS",
  READER_FIELD_MISSING_DEFAULT_VALUE: "READER_FIELD_MISSING_DEFAULT_VALUE",
  TYPE_MISMATCH: "TYPE_MISMATCH",
  MISSING_UNION_BRANCH: "MISSING_UNION_BRANCH",
  /** A reader field whose name and aliases match two writer fields: Avro Java throws, so the registry rejects. */
  AMBIGUOUS_FIELD_ALIAS: "AMBIGUOUS_FIELD_ALIAS"
};
var MAX_FINDINGS = 1e3;
function finding(f, javaLoc, rel) {
  return {
    errorType: f.errorType,
    javaLoc,
    rel,
    readerPointer: f.readerPointer,
    writerPointer: f.writerPointer,
    info: f.info,
    r: f.r,
    w: f.w,
    detail: f.detail,
    branch: f.branch
  };
}
function infoOf(f) {
  if (f.info !== void 0) return f.info;
  switch (f.errorType) {
    case AVRO_ERROR_TYPES.TYPE_MISMATCH:
      return `reader type: ${typeLabel(f.r)} not compatible with writer type: ${typeLabel(f.w)}`;
    case AVRO_ERROR_TYPES.MISSING_UNION_BRANCH:
      return `reader union lacking writer type: ${typeLabel(f.w)}`;
    case AVRO_ERROR_TYPES.NAME_MISMATCH:
      return `expected: ${f.w.fullName}`;
    case AVRO_ERROR_TYPES.FIXED_SIZE_MISMATCH:
      return `expected: ${f.w.size}, found: ${f.r.size}`;
    case AVRO_ERROR_TYPES.MISSING_ENUM_SYMBOLS:
      return `[${f.detail.split("\0").join(", ")}]`;
    default:
      return f.detail;
  }
}
var COMPATIBLE = { compatible: true, findings: [] };
var IN_PROGRESS = { compatible: true, findings: [] };
var DEFERRED = { compatible: false, findings: [] };
var flatRecords = /* @__PURE__ */ new WeakMap();
function isFlat(r) {
  let flat = flatRecords.get(r);
  if (flat === void 0) {
    flat = r.fields.every((f) => isPrimitive(f.type) && f.aliases.length === 0);
    flatRecords.set(r, flat);
  }
  return flat;
}
var AmbiguousField = class extends Error {
  constructor(finding2) {
    super(infoOf(finding2));
    this.finding = finding2;
  }
  finding;
};
var PROMOTIONS = {
  long: ["int"],
  float: ["int", "long"],
  double: ["int", "long", "float"],
  string: ["bytes"],
  bytes: ["string"]
};
function readsPrimitive(reader, writer) {
  return reader === writer || (PROMOTIONS[reader]?.includes(writer) ?? false);
}
function namesMatch(r, w) {
  return r.name === w.name || r.aliases.includes(w.fullName);
}
function escapeToken(token) {
  return token.includes("~") || token.includes("/") ? escapePointerToken(token) : token;
}
function locationPath(loc) {
  if (loc.length === 0) return "/";
  let out = "";
  for (const token of loc) out += `/${escapeToken(token)}`;
  return out;
}
function javaLocation(loc) {
  return `/${loc.slice(1).map(escapeToken).join("/")}`;
}
var isPrimitive = (t) => !isNamed(t) && t.kind !== "union" && t.kind !== "array" && t.kind !== "map";
function certainlyIncompatible(b, w) {
  if (b.kind === "union" || w.kind === "union") return false;
  if (b.kind !== w.kind) return !readsPrimitive(b.kind, w.kind);
  if (b.kind === "enum" || b.kind === "fixed") return !namesMatch(b, w);
  if (b.kind === "record") return !namesMatch(b, w) && isFlat(b) && isFlat(w);
  return false;
}
var unionIndexes = /* @__PURE__ */ new WeakMap();
function unionIndex(union) {
  let index = unionIndexes.get(union);
  if (index !== void 0) return index;
  index = { byName: /* @__PURE__ */ new Map(), byAlias: /* @__PURE__ */ new Map(), records: [], nonFlatRecords: [] };
  const add = (map, key, i) => {
    const list = map.get(key);
    if (list === void 0) map.set(key, [i]);
    else list.push(i);
  };
  union.branches.forEach((b, i) => {
    if (!isNamed(b)) return;
    add(index.byName, b.name, i);
    for (const alias of b.aliases) add(index.byAlias, alias, i);
    if (b.kind === "record") {
      index.records.push(i);
      if (!isFlat(b)) index.nonFlatRecords.push(i);
    }
  });
  unionIndexes.set(union, index);
  return index;
}
function allBranches(union) {
  return union.branches.map((_, i) => i);
}
function probedBranches(union, w) {
  if (!isNamed(w)) return allBranches(union);
  const index = unionIndex(union);
  const picked = /* @__PURE__ */ new Set([
    ...index.byName.get(w.name) ?? [],
    ...index.byAlias.get(w.fullName) ?? []
  ]);
  if (w.kind === "record") for (const i of isFlat(w) ? index.nonFlatRecords : index.records) picked.add(i);
  return [...picked].filter((i) => union.branches[i]?.kind === w.kind).sort((a, b) => a - b);
}
var branchIndexes = /* @__PURE__ */ new WeakMap();
function branchIndex(union, t) {
  let indexes = branchIndexes.get(union);
  if (indexes === void 0) {
    indexes = new Map(union.branches.map((b, i) => [b, i]));
    branchIndexes.set(union, indexes);
  }
  return indexes.get(t) ?? -1;
}
var Checker = class {
  memo = /* @__PURE__ */ new Map();
  /** How many pairs with this writer are being computed (Java's recursion guard marks them in the memo). */
  inProgress = /* @__PURE__ */ new Map();
  /**
   * Union probes that left their certainly incompatible branches out of the memo: per writer, the unions
   * probed and the index the probe stopped at. Such a pair, met again, is computed then (see deferred).
   */
  deferredProbes = /* @__PURE__ */ new Map();
  run(reader, writer) {
    return this.pair("", reader, writer, "", "", []);
  }
  /** Java's `getCompatibility(token, reader, writer, location)`; `loc` is Java's location stack. */
  pair(token, r, w, rUse, wUse, loc) {
    loc.push(token);
    let result;
    if (!isNamed(r) && !isNamed(w) && r.kind !== "union" && w.kind !== "union") {
      result = this.calculate(r, w, rUse, wUse, loc);
    } else {
      let forReader = this.memo.get(r);
      if (forReader === void 0) this.memo.set(r, forReader = /* @__PURE__ */ new Map());
      let known = forReader.get(w);
      if (known === void 0 && this.wasDeferred(r, w)) known = DEFERRED;
      if (known === DEFERRED) {
        result = this.calculate(r, w, rUse, wUse, [""]);
        forReader.set(w, result);
      } else if (known !== void 0) {
        result = known === IN_PROGRESS ? COMPATIBLE : known;
      } else {
        forReader.set(w, IN_PROGRESS);
        this.inProgress.set(w, (this.inProgress.get(w) ?? 0) + 1);
        result = this.calculate(r, w, rUse, wUse, loc);
        this.inProgress.set(w, (this.inProgress.get(w) ?? 1) - 1);
        forReader.set(w, result);
      }
    }
    loc.pop();
    return result;
  }
  leaf(f, loc) {
    return { compatible: false, findings: [finding(f, loc.slice(), f.rel)] };
  }
  /**
   * Java's `mergedWith`, with the child's own locations moved under `tokens`. `into` is a result this
   * call owns (never a memoised one), so it grows in place: a record with many findings stays linear.
   */
  merge(into, child, tokens) {
    if (child.compatible) return into;
    const out = into ?? { compatible: false, findings: [] };
    for (const f of child.findings) {
      if (out.findings.length >= MAX_FINDINGS) break;
      out.findings.push(tokens.length === 0 ? f : finding(f, f.javaLoc, tokens.concat(f.rel)));
    }
    return out;
  }
  calculate(r, w, rUse, wUse, loc) {
    if (r.kind === w.kind) {
      switch (r.kind) {
        case "record":
          return this.records(r, w, loc);
        case "enum":
          return this.both(this.names(r, w, loc), this.enums(r, w, loc));
        case "fixed":
          return this.both(this.names(r, w, loc), this.fixeds(r, w, loc));
        case "array": {
          const wa = w;
          return this.only(this.pair("items", r.items, wa.items, r.itemsPointer, wa.itemsPointer, loc), [
            "items"
          ]);
        }
        case "map": {
          const wm = w;
          return this.only(this.pair("values", r.values, wm.values, r.valuesPointer, wm.valuesPointer, loc), [
            "values"
          ]);
        }
        case "union":
          return this.unionFromUnion(r, w, loc);
        default:
          return COMPATIBLE;
      }
    }
    if (w.kind === "union") {
      let result;
      w.branches.forEach((b, i) => {
        result = this.merge(result, this.pair(String(i), r, b, rUse, w.branchPointers[i] ?? wUse, loc), []);
      });
      return result ?? COMPATIBLE;
    }
    if (r.kind === "union") {
      const failed = new Array(r.branches.length).fill(DEFERRED);
      const recursing = (this.inProgress.get(w) ?? 0) > 1;
      for (const i of recursing ? allBranches(r) : probedBranches(r, w)) {
        const b = r.branches[i];
        if (certainlyIncompatible(b, w) && !(recursing && this.memo.get(b)?.get(w) === IN_PROGRESS)) continue;
        const probe = this.pair("", b, w, r.branchPointers[i] ?? "", wUse, []);
        if (probe.compatible) {
          this.recordProbe(r, w, i);
          return COMPATIBLE;
        }
        failed[i] = probe;
      }
      this.recordProbe(r, w, r.branches.length);
      return this.leaf(
        {
          errorType: AVRO_ERROR_TYPES.MISSING_UNION_BRANCH,
          rel: [],
          readerPointer: rUse,
          writerPointer: wUse,
          r,
          w,
          detail: this.closestReason(r, w, failed)
        },
        loc
      );
    }
    if (readsPrimitive(r.kind, w.kind)) return COMPATIBLE;
    return this.leaf(
      {
        errorType: AVRO_ERROR_TYPES.TYPE_MISMATCH,
        rel: [],
        readerPointer: rUse,
        writerPointer: wUse,
        r,
        w,
        detail: ""
      },
      loc
    );
  }
  /**
   * Java probes union branches in order, and every probe is memoised with its fresh-context locations.
   * Some pairs are certainly incompatible and computing their findings touches no other pair, so that
   * work waits until (if ever) the pair is met again, in the same fresh context: the answer is the same.
   * Rather than a memo entry per skipped branch (thousands for wide unions), one record per probe says
   * which branches it passed.
   */
  recordProbe(union, w, end) {
    if (end === 0) return;
    let probes = this.deferredProbes.get(w);
    if (probes === void 0) this.deferredProbes.set(w, probes = []);
    probes.push({ union, end });
  }
  /** Was the pair (r, w) skipped by an earlier union probe (and so not computed yet)? */
  wasDeferred(r, w) {
    const probes = this.deferredProbes.get(w);
    if (probes === void 0 || !certainlyIncompatible(r, w)) return false;
    for (const p of probes) {
      const i = branchIndex(p.union, r);
      if (i >= 0 && i < p.end) return true;
    }
    return false;
  }
  /** Why the reader branch most like `w` (same kind and name) cannot read it, from the probes already made. */
  closestReason(r, w, probes) {
    const i = r.branches.findIndex(
      (b) => b.kind === w.kind && (!isNamed(b) || !isNamed(w) || namesMatch(b, w))
    );
    const first = i < 0 ? void 0 : probes[i]?.findings[0];
    if (first === void 0) return "";
    return ` (closest branch ${describeType(r.branches[i])}: ${first.errorType} at ${locationPath(first.rel)}: ${infoOf(first)})`;
  }
  unionFromUnion(r, w, loc) {
    let result;
    w.branches.forEach((b, i) => {
      const wUse = w.branchPointers[i] ?? w.pointer;
      loc.push(String(i));
      const probe = this.pair("", r, b, r.pointer, wUse, []);
      if (!probe.compatible) {
        const failing = probe.findings[0];
        result = this.merge(
          result,
          this.leaf(
            {
              errorType: AVRO_ERROR_TYPES.MISSING_UNION_BRANCH,
              rel: [String(i)],
              readerPointer: r.pointer,
              writerPointer: wUse,
              r,
              w: b,
              detail: failing?.errorType === AVRO_ERROR_TYPES.MISSING_UNION_BRANCH ? failing.detail : "",
              branch: true
            },
            loc
          ),
          []
        );
      }
      loc.pop();
    });
    return result ?? COMPATIBLE;
  }
  names(r, w, loc) {
    if (namesMatch(r, w)) return COMPATIBLE;
    loc.push("name");
    const result = this.leaf(
      {
        errorType: AVRO_ERROR_TYPES.NAME_MISMATCH,
        rel: ["name"],
        readerPointer: `${r.pointer}/name`,
        writerPointer: `${w.pointer}/name`,
        r,
        w,
        detail: ""
      },
      loc
    );
    loc.pop();
    return result;
  }
  fixeds(r, w, loc) {
    if (r.size === w.size) return COMPATIBLE;
    loc.push("size");
    const result = this.leaf(
      {
        errorType: AVRO_ERROR_TYPES.FIXED_SIZE_MISMATCH,
        rel: ["size"],
        readerPointer: `${r.pointer}/size`,
        writerPointer: `${w.pointer}/size`,
        r,
        w,
        detail: ""
      },
      loc
    );
    loc.pop();
    return result;
  }
  enums(r, w, loc) {
    const missing = w.symbols.filter((s) => !r.symbols.includes(s));
    if (missing.length === 0 || r.default !== void 0 && r.symbols.includes(r.default)) return COMPATIBLE;
    missing.sort();
    const symbolIndex = w.symbols.indexOf(missing[0]);
    loc.push("symbols");
    const result = this.leaf(
      {
        errorType: AVRO_ERROR_TYPES.MISSING_ENUM_SYMBOLS,
        rel: ["symbols"],
        readerPointer: `${r.pointer}/symbols`,
        writerPointer: `${w.pointer}/symbols/${symbolIndex}`,
        r,
        w,
        detail: missing.join("\0")
      },
      loc
    );
    loc.pop();
    return result;
  }
  records(r, w, loc) {
    let result = this.merge(void 0, this.names(r, w, loc), []);
    loc.push("fields");
    const byName = fieldsByName(w);
    for (let i = 0; i < r.fields.length; i++) {
      const rf = r.fields[i];
      const matches = rf.aliases.length === 0 ? void 0 : writerFieldsFor(rf, byName);
      const wf = matches === void 0 ? byName.get(rf.name) : matches[0];
      if (wf !== void 0 && isPrimitive(rf.type) && isPrimitive(wf.type) && readsPrimitive(rf.type.kind, wf.type.kind)) {
        if (matches === void 0 || matches.length === 1) continue;
      }
      loc.push(String(i));
      if (matches !== void 0 && matches.length > 1)
        throw new AmbiguousField(this.ambiguous(rf, w, matches, loc));
      if (wf !== void 0) {
        const child = this.pair("type", rf.type, wf.type, rf.typePointer, wf.typePointer, loc);
        result = this.merge(result, child, ["fields", String(i), "type"]);
      } else if (rf.default === void 0) {
        if (rf.type.kind === "enum" && rf.type.default !== void 0) {
          const child = this.pair("type", rf.type, w, rf.typePointer, w.pointer, loc);
          result = this.merge(result, child, ["fields", String(i), "type"]);
        } else {
          result = this.merge(result, this.missingDefault(rf, w, loc), ["fields", String(i)]);
        }
      }
      loc.pop();
    }
    loc.pop();
    return result ?? COMPATIBLE;
  }
  /** A result of one child (moved under `tokens`). */
  only(child, tokens) {
    return this.merge(void 0, child, tokens) ?? COMPATIBLE;
  }
  /** Two results of this level, in order. */
  both(a, b) {
    return this.merge(this.merge(void 0, a, []), b, []) ?? COMPATIBLE;
  }
  missingDefault(rf, w, loc) {
    return this.leaf(
      {
        errorType: AVRO_ERROR_TYPES.READER_FIELD_MISSING_DEFAULT_VALUE,
        rel: [],
        readerPointer: rf.pointer,
        writerPointer: `${w.pointer}/fields`,
        r: rf.type,
        w,
        detail: rf.name
      },
      loc
    );
  }
  ambiguous(rf, w, matches, loc) {
    const names = matches.map((m) => `'${m.name}'`);
    const detail = `${rf.name}\0${matches.every((m) => m === matches[0]) ? `${names[0]} (through its name and again through its alias)` : names.join(" and ")}`;
    return {
      errorType: AVRO_ERROR_TYPES.AMBIGUOUS_FIELD_ALIAS,
      javaLoc: loc.slice(),
      rel: [],
      readerPointer: rf.pointer,
      writerPointer: matches[1]?.pointer ?? w.pointer,
      // Java's exception message (Field.toString(), then the writer record's JSON): the registry's text.
      info: `Reader record field ${rf.name} type:${typeLabel(rf.type)} pos:${loc[loc.length - 1] ?? ""} matches multiple fields in writer record schema ${javaTypeString(w)}`,
      r: rf.type,
      w,
      detail
    };
  }
  /** The verdict and findings of a whole check; an ambiguous field ends it, as Java's exception does. */
  check(reader, writer) {
    try {
      return this.run(reader, writer).findings;
    } catch (e) {
      if (!(e instanceof AmbiguousField)) throw e;
      return [{ ...e.finding, rel: e.finding.javaLoc.slice(1) }];
    }
  }
};
function explain(f, c, path) {
  const { r, w } = f;
  switch (f.errorType) {
    case AVRO_ERROR_TYPES.MISSING_UNION_BRANCH:
      return {
        message: `The ${c.reader} schema is missing a type inside a union field at path '${path}' in the ${c.writer} schema: no branch of the ${c.reader} union can read ${describeType(w)}${f.detail}`,
        fix: c.reader === "new" ? `add ${describeType(w)} to the union (or a type it promotes to)` : f.branch === true ? `remove ${describeType(w)} from the new union: old readers have no branch for it` : `keep a type one of the old union's branches can read (${describeType(r)})`
      };
    case AVRO_ERROR_TYPES.TYPE_MISMATCH:
      return {
        message: `The type (path '${path}') of a field in the ${c.reader} schema does not match with the ${c.writer} schema: ${c.reader} ${describeType(r)} cannot read ${c.writer} ${describeType(w)}`,
        fix: c.reader === "new" ? `keep ${describeType(w)}, or use a type that reads it (int→long→float→double, string↔bytes, or a union that includes it)` : `keep a type the old schema (${describeType(r)}) can read: the same type, a narrower number type it promotes from, or string/bytes`
      };
    case AVRO_ERROR_TYPES.NAME_MISMATCH: {
      const rn = r;
      const wn = w;
      return {
        message: `The name of the schema has changed (path '${path}'): the ${c.reader} schema names it '${rn.fullName}', the ${c.writer} schema '${wn.fullName}'`,
        fix: c.reader === "new" ? `keep the name '${wn.name}', or add '${wn.fullName}' to the new ${rn.kind}'s aliases` : `keep the name '${rn.name}': old readers match ${rn.kind}s by name`
      };
    }
    case AVRO_ERROR_TYPES.FIXED_SIZE_MISMATCH: {
      const rs = r.size;
      const ws = w.size;
      return {
        message: `The size of FIXED type field at path '${path}' in the ${c.reader} schema does not match with the ${c.writer} schema: ${c.reader} size ${rs}, ${c.writer} size ${ws}`,
        fix: `keep the size ${c.reader === "new" ? ws : rs} (a fixed's size cannot change)`
      };
    }
    case AVRO_ERROR_TYPES.MISSING_ENUM_SYMBOLS: {
      const missing = f.detail.split("\0");
      const list = missing.map((m) => `'${m}'`).join(", ");
      const plural = missing.length > 1;
      return {
        message: `The ${c.reader} schema is missing enum symbols '[${missing.join(", ")}]' at path '${path}' in the ${c.writer} schema`,
        fix: c.reader === "new" ? `add symbol${plural ? "s" : ""} ${list} or an enum default` : `remove symbol${plural ? "s" : ""} ${list} from the new enum: the old enum has no default to read ${plural ? "them" : "it"} as`
      };
    }
    case AVRO_ERROR_TYPES.READER_FIELD_MISSING_DEFAULT_VALUE:
      return {
        message: `The field '${f.detail}' at path '${path}' in the ${c.reader} schema has no default value and is missing in the ${c.writer} schema`,
        fix: c.reader === "new" ? `give field '${f.detail}' a default` : `keep field '${f.detail}' in the new schema: the old schema reads it and has no default for it`
      };
    default: {
      const [name = "", names = ""] = f.detail.split("\0");
      return {
        message: `The field '${name}' at path '${path}' in the ${c.reader} schema matches ${names} in the ${c.writer} schema through its name and aliases`,
        fix: `make field '${name}' and its aliases match one field of the ${c.writer} schema`
      };
    }
  }
}
var writerFieldIndex = /* @__PURE__ */ new WeakMap();
function fieldsByName(w) {
  let byName = writerFieldIndex.get(w);
  if (byName === void 0) {
    byName = new Map(w.fields.map((f) => [f.name, f]));
    writerFieldIndex.set(w, byName);
  }
  return byName;
}
function writerFieldsFor(rf, byName) {
  const direct = byName.get(rf.name);
  if (rf.aliases.length === 0) return direct === void 0 ? NONE : [direct];
  const out = direct === void 0 ? [] : [direct];
  for (const a of rf.aliases) {
    const f = byName.get(a);
    if (f !== void 0) out.push(f);
  }
  return out;
}
var NONE = [];
function checkAvro(reader, writer, context) {
  return new Checker().check(reader.root, writer.root).map((f) => {
    const path = locationPath(f.rel);
    const registryPath = javaLocation(f.javaLoc);
    const { message, fix } = explain(f, context, path);
    return {
      errorType: f.errorType,
      path,
      registryPath,
      candidatePointer: context.reader === "new" ? f.readerPointer : f.writerPointer,
      message,
      fix,
      additionalInfo: infoOf(f)
    };
  });
}
function canRead(reader, writer) {
  return typeCanRead(reader.root, writer.root);
}
function typeCanRead(reader, writer) {
  return new Checker().check(reader, writer).length === 0;
}

// src/formats/avro/diff.ts
function breaksOf(oldT, newT) {
  const out = [];
  if (!typeCanRead(oldT, newT)) out.push("old-reads-new");
  if (!typeCanRead(newT, oldT)) out.push("new-reads-old");
  return out;
}
function attrText(a) {
  return a === void 0 ? void 0 : jacksonTree(a);
}
function propsText(list) {
  return list.map(([k, v]) => `${k}=${jacksonTree(v)}`).join(", ");
}
function fieldSummary(f) {
  const d = attrText(f.default);
  return `field '${f.name}' (${describeType(f.type)}${d === void 0 ? ", no default" : `, default ${d}`})`;
}
var Differ = class {
  changes = [];
  seen = /* @__PURE__ */ new Set();
  add(kind, pointer, summary, breaks = []) {
    this.changes.push({ kind, pointer, summary, breaks });
  }
  type(o, n, where, nPtr) {
    if (o.kind !== n.kind || isNamed(o) && isNamed(n) && o.fullName !== n.fullName && !n.aliases.includes(o.fullName)) {
      if (o.kind === n.kind && isNamed(o) && isNamed(n)) {
        this.add(
          "changed",
          `${n.pointer}/name`,
          `${where}: ${o.kind} renamed from '${o.fullName}' to '${n.fullName}'`,
          breaksOf(o, n)
        );
        this.named(o, n);
        return;
      }
      this.add(
        "changed",
        nPtr,
        `${where}: type changed from ${describeType(o)} to ${describeType(n)}`,
        breaksOf(o, n)
      );
      return;
    }
    const op = propsText(o.props);
    const np = propsText(n.props);
    if (op !== np && !isNamed(n))
      this.add("changed", nPtr, `${where}: properties changed from {${op}} to {${np}}`);
    switch (n.kind) {
      case "array":
        if (o.kind === "array") this.type(o.items, n.items, `${where} items`, n.itemsPointer);
        return;
      case "map":
        if (o.kind === "map") this.type(o.values, n.values, `${where} values`, n.valuesPointer);
        return;
      case "union":
        if (o.kind === "union") this.union(o, n, where);
        return;
      case "record":
      case "enum":
      case "fixed":
        this.named(o, n);
        return;
      default:
        return;
    }
  }
  union(o, n, where) {
    const oKeys = o.branches.map(unionBranchKey);
    const nKeys = n.branches.map(unionBranchKey);
    n.branches.forEach((b, i) => {
      const j = oKeys.indexOf(nKeys[i]);
      if (j < 0) {
        this.add(
          "added",
          n.branchPointers[i] ?? n.pointer,
          `${where}: union branch ${describeType(b)} added`,
          typeCanRead(o, b) ? [] : ["old-reads-new"]
        );
      } else {
        this.type(
          o.branches[j],
          b,
          `${where} branch ${nKeys[i]}`,
          n.branchPointers[i] ?? n.pointer
        );
      }
    });
    o.branches.forEach((b, j) => {
      if (!nKeys.includes(oKeys[j])) {
        this.add(
          "removed",
          o.branchPointers[j] ?? o.pointer,
          `${where}: union branch ${describeType(b)} removed`,
          typeCanRead(n, b) ? [] : ["new-reads-old"]
        );
      }
    });
  }
  named(o, n) {
    const key = `${o.fullName}\0${n.fullName}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const label = `${n.kind} '${n.fullName}'`;
    if ((o.doc ?? "") !== (n.doc ?? "")) this.add("changed", `${n.pointer}/doc`, `${label}: doc changed`);
    if (o.aliases.join() !== n.aliases.join())
      this.add(
        "changed",
        `${n.pointer}/aliases`,
        `${label}: aliases changed from [${o.aliases.join(", ")}] to [${n.aliases.join(", ")}]`
      );
    const op = propsText(o.props);
    const np = propsText(n.props);
    if (op !== np) this.add("changed", n.pointer, `${label}: properties changed from {${op}} to {${np}}`);
    if (o.kind === "fixed" && n.kind === "fixed" && o.size !== n.size) {
      this.add("changed", `${n.pointer}/size`, `${label}: size changed from ${o.size} to ${n.size}`, [
        "old-reads-new",
        "new-reads-old"
      ]);
    }
    if (o.kind === "enum" && n.kind === "enum") {
      n.symbols.forEach((s, i) => {
        if (!o.symbols.includes(s))
          this.add(
            "added",
            `${n.pointer}/symbols/${i}`,
            `${label}: symbol '${s}' added`,
            o.default === void 0 ? ["old-reads-new"] : []
          );
      });
      o.symbols.forEach((s, i) => {
        if (!n.symbols.includes(s))
          this.add(
            "removed",
            `${o.pointer}/symbols/${i}`,
            `${label}: symbol '${s}' removed`,
            n.default === void 0 ? ["new-reads-old"] : []
          );
      });
      if (o.default !== n.default)
        this.add(
          "changed",
          `${n.pointer}`,
          `${label}: enum default changed from ${o.default ?? "none"} to ${n.default ?? "none"}`
        );
    }
    if (o.kind === "record" && n.kind === "record") this.fields(o.fields, n.fields, label);
  }
  fields(oFields, nFields, label) {
    const matched = /* @__PURE__ */ new Set();
    const byName = /* @__PURE__ */ new Map();
    for (const f of oFields) if (!byName.has(f.name)) byName.set(f.name, f);
    const aliasMatch = (nf) => {
      if (nf.aliases.length === 0) return void 0;
      let best;
      let bestIndex = Infinity;
      for (const a of nf.aliases) {
        const f = byName.get(a);
        const i = f === void 0 ? -1 : oFields.indexOf(f);
        if (f !== void 0 && i < bestIndex) {
          best = f;
          bestIndex = i;
        }
      }
      return best;
    };
    for (const nf of nFields) {
      const of = byName.get(nf.name) ?? aliasMatch(nf);
      if (of === void 0) {
        this.add(
          "added",
          nf.pointer,
          `${label}: ${fieldSummary(nf)} added`,
          nf.default === void 0 ? ["new-reads-old"] : []
        );
        continue;
      }
      matched.add(of);
      const name = `${label} field '${nf.name}'`;
      if (of.name !== nf.name) {
        const breaks = !of.aliases.includes(nf.name) && of.default === void 0 ? ["old-reads-new"] : [];
        this.add(
          "changed",
          `${nf.pointer}/name`,
          `${label}: field '${of.name}' renamed to '${nf.name}' (through an alias)`,
          breaks
        );
      }
      this.type(of.type, nf.type, name, nf.typePointer);
      const od = attrText(of.default);
      const nd = attrText(nf.default);
      if (od !== nd) {
        const pointer = nf.default === void 0 ? nf.pointer : nf.default.pointer;
        const what = od === void 0 ? `default ${nd} added` : nd === void 0 ? `default ${od} removed` : `default changed from ${od} to ${nd}`;
        this.add("changed", pointer, `${name}: ${what}`);
      }
      if ((of.doc ?? "") !== (nf.doc ?? "")) this.add("changed", `${nf.pointer}/doc`, `${name}: doc changed`);
      if (of.aliases.join() !== nf.aliases.join())
        this.add(
          "changed",
          `${nf.pointer}/aliases`,
          `${name}: aliases changed from [${of.aliases.join(", ")}] to [${nf.aliases.join(", ")}]`
        );
      if ((of.order ?? "ascending") !== (nf.order ?? "ascending"))
        this.add(
          "changed",
          `${nf.pointer}/order`,
          `${name}: order changed from ${of.order ?? "ascending"} to ${nf.order ?? "ascending"}`
        );
      const op = propsText(of.props);
      const np = propsText(nf.props);
      if (op !== np) this.add("changed", nf.pointer, `${name}: properties changed from {${op}} to {${np}}`);
    }
    for (const of of oFields) {
      if (!matched.has(of))
        this.add(
          "removed",
          of.pointer,
          `${label}: ${fieldSummary(of)} removed`,
          of.default === void 0 ? ["old-reads-new"] : []
        );
    }
  }
};
function diffAvro(from, to) {
  const d = new Differ();
  d.type(from.root, to.root, "schema", "");
  return d.changes;
}

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
    const q2 = qualify(nameValue, ns);
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
          const full = qualify(alias, q2.namespace).fullName;
          if (!aliases.includes(full)) aliases.push(full);
        });
      }
    }
    const doc = o["doc"];
    const base = {
      name: q2.name,
      namespace: q2.namespace,
      fullName: q2.fullName,
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
    if (this.named.has(q2.fullName)) {
      this.issue(
        AVRO_RULES.DUPLICATE_NAME,
        `the type '${q2.fullName}' is already defined; define it once and refer to it by name`,
        joinPointer2(pointer, "name")
      );
    } else {
      this.named.set(q2.fullName, t);
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

// src/formats/avro/fingerprint.ts
var EMPTY = 0xc15d213aa4d7a795n;
var MASK = 0xffffffffffffffffn;
var table;
function fpTable() {
  if (table !== void 0) return table;
  table = new BigUint64Array(256);
  for (let i = 0; i < 256; i++) {
    let fp = BigInt(i);
    for (let j = 0; j < 8; j++) fp = fp >> 1n ^ EMPTY & -(fp & 1n) & MASK;
    table[i] = fp;
  }
  return table;
}
function utf8(text) {
  const out = [];
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (c < 128) out.push(c);
    else if (c < 2048) out.push(192 | c >> 6, 128 | c & 63);
    else if (c < 65536) out.push(224 | c >> 12, 128 | c >> 6 & 63, 128 | c & 63);
    else out.push(240 | c >> 18, 128 | c >> 12 & 63, 128 | c >> 6 & 63, 128 | c & 63);
  }
  return out;
}
function fingerprint64(text) {
  const t = fpTable();
  let fp = EMPTY;
  for (const b of utf8(text)) fp = fp >> 8n ^ t[Number((fp ^ BigInt(b)) & 0xffn)];
  return fp;
}
function fingerprint64Hex(text) {
  let fp = fingerprint64(text);
  let out = "";
  for (let i = 0; i < 8; i++) {
    out += Number(fp & 0xffn).toString(16).padStart(2, "0");
    fp >>= 8n;
  }
  return out;
}
function fingerprintAvro(schema) {
  return fingerprint64(parsingCanonicalForm(schema));
}

// src/formats/avro/index.ts
var avroFormat = {
  id: "avro",
  registryType: "AVRO",
  parse: parseAvro,
  canonical: canonicalAvro,
  normalized: normalizedAvro,
  check: checkAvro,
  diff: diffAvro,
  locate: (schema, pointer) => positionOf(schema.doc, pointer === "/" ? "" : pointer)
};

export {
  canonicalAvro,
  parsingCanonicalForm,
  normalizedAvro,
  AVRO_ERROR_TYPES,
  checkAvro,
  canRead,
  diffAvro,
  AVRO_RULES,
  AVRO_WARNINGS,
  parseAvro,
  fingerprint64,
  fingerprint64Hex,
  fingerprintAvro,
  avroFormat
};
