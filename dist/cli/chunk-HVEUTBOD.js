import {
  parseAvro,
  qualifiedRelativeTo
} from "./chunk-A7H2MM5I.js";
import {
  describeType,
  isNamed,
  typeLabel,
  unionBranchKey
} from "./chunk-J5VQF3U6.js";
import {
  joinPointer,
  positionOf
} from "./chunk-L6DUB6QO.js";

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
function relPath(rel) {
  if (rel === void 0) return "/";
  let out = "";
  for (let at = rel; at !== void 0; at = at.next)
    for (const t of at.tokens) out += `/${t}`;
  return out === "" ? "/" : out;
}
var AT_ITEMS = ["items"];
var AT_VALUES = ["values"];
var INDEX_TOKENS = Array.from({ length: 256 }, (_, i) => String(i));
function indexToken(i) {
  return INDEX_TOKENS[i] ?? String(i);
}
var AT_NAME = { tokens: ["name"], next: void 0 };
var AT_SIZE = { tokens: ["size"], next: void 0 };
var AT_SYMBOLS = { tokens: ["symbols"], next: void 0 };
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
function javaLocation(loc) {
  let out = "";
  for (let i = 1; i < loc.length; i++) out += `/${loc[i]}`;
  return out === "" ? "/" : out;
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
  index = {
    byName: /* @__PURE__ */ new Map(),
    byAlias: /* @__PURE__ */ new Map(),
    records: [],
    nonFlatRecords: [],
    all: union.branches.map((_, i) => i)
  };
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
  return unionIndex(union).all;
}
function probedBranches(union, w) {
  if (!isNamed(w)) return allBranches(union);
  const index = unionIndex(union);
  const byName = index.byName.get(w.name) ?? NO_BRANCHES;
  const byAlias = index.byAlias.get(w.fullName) ?? NO_BRANCHES;
  const records = w.kind !== "record" ? NO_BRANCHES : isFlat(w) ? index.nonFlatRecords : index.records;
  if (byAlias.length === 0 && records.length === 0 && byName.length <= 1)
    return byName.length === 1 && union.branches[byName[0]]?.kind === w.kind ? byName : NO_BRANCHES;
  const picked = /* @__PURE__ */ new Set([...byName, ...byAlias, ...records]);
  return [...picked].filter((i) => union.branches[i]?.kind === w.kind).sort((a, b) => a - b);
}
var NO_BRANCHES = [];
var branchIndexes = /* @__PURE__ */ new WeakMap();
function branchIndex(union, t) {
  let indexes = branchIndexes.get(union);
  if (indexes === void 0) {
    indexes = new Map(union.branches.map((b, i) => [b, i]));
    branchIndexes.set(union, indexes);
  }
  return indexes.get(t) ?? -1;
}
var PairMemo = class {
  /** A cell per pair, so that finishing a pair writes its result without a second lookup. */
  results = /* @__PURE__ */ new Map();
  /** The writers of the pairs being computed, innermost last (Java's recursion guard marks them in the memo). */
  computing = [];
  /**
   * Union probes that left their certainly incompatible branches out of the memo: per writer, the unions
   * probed and the index the probe stopped at. Such a pair, met again, is computed then (see deferred).
   */
  deferredProbes = /* @__PURE__ */ new Map();
  /** The pair's memoised result, IN_PROGRESS, DEFERRED (skipped by a union probe), or undefined. */
  get(r, w) {
    const known = this.results.get(r)?.get(w)?.result;
    return known === void 0 && this.wasDeferred(r, w) ? DEFERRED : known;
  }
  set(r, w, result) {
    let forReader = this.results.get(r);
    if (forReader === void 0) this.results.set(r, forReader = /* @__PURE__ */ new Map());
    const cell = { result };
    forReader.set(w, cell);
    return cell;
  }
  /** Marks the pair in progress; `finish` with the cell it returns. */
  start(r, w) {
    this.computing.push(w);
    return this.set(r, w, IN_PROGRESS);
  }
  finish(cell, result) {
    this.computing.pop();
    cell.result = result;
  }
  /** Is more than one pair with writer `w` being computed (a recursion through `w`)? */
  recursing(w) {
    let n = 0;
    for (const x of this.computing) if (x === w && ++n > 1) return true;
    return false;
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
};
var sharedNodes = /* @__PURE__ */ new WeakMap();
function hasSharedNode(root) {
  let shared = sharedNodes.get(root);
  if (shared !== void 0) return shared;
  shared = false;
  const seen = /* @__PURE__ */ new Set();
  const todo = [root];
  for (let t = todo.pop(); t !== void 0 && !shared; t = todo.pop()) {
    shared = seen.has(t);
    seen.add(t);
    if (t.kind === "record") for (const f of t.fields) todo.push(f.type);
    else if (t.kind === "array") todo.push(t.items);
    else if (t.kind === "map") todo.push(t.values);
    else if (t.kind === "union") todo.push(...t.branches);
  }
  sharedNodes.set(root, shared);
  return shared;
}
var Checker = class {
  memo;
  constructor(withMemo) {
    this.memo = withMemo ? new PairMemo() : void 0;
  }
  run(reader, writer) {
    return this.pair("", reader, writer, "", "", []);
  }
  /** Java's `getCompatibility(token, reader, writer, location)`; `loc` is Java's location stack. */
  pair(token, r, w, rUse, wUse, loc) {
    loc.push(token);
    const result = this.memo === void 0 || !isNamed(r) && !isNamed(w) && r.kind !== "union" && w.kind !== "union" ? this.calculate(r, w, rUse, wUse, loc) : this.memoised(this.memo, r, w, rUse, wUse, loc);
    loc.pop();
    return result;
  }
  memoised(memo, r, w, rUse, wUse, loc) {
    const known = memo.get(r, w);
    if (known === DEFERRED) {
      const result2 = this.calculate(r, w, rUse, wUse, [""]);
      memo.set(r, w, result2);
      return result2;
    }
    if (known !== void 0) return known === IN_PROGRESS ? COMPATIBLE : known;
    const cell = memo.start(r, w);
    const result = this.calculate(r, w, rUse, wUse, loc);
    memo.finish(cell, result);
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
      out.findings.push(tokens === void 0 ? f : finding(f, f.javaLoc, { tokens, next: f.rel }));
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
          return this.only(
            this.pair("items", r.items, wa.items, r.itemsPointer, wa.itemsPointer, loc),
            AT_ITEMS
          );
        }
        case "map": {
          const wm = w;
          return this.only(
            this.pair("values", r.values, wm.values, r.valuesPointer, wm.valuesPointer, loc),
            AT_VALUES
          );
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
        result = this.merge(result, this.pair(indexToken(i), r, b, rUse, w.branchPointers[i] ?? wUse, loc));
      });
      return result ?? COMPATIBLE;
    }
    if (r.kind === "union") return this.readerUnion(r, w, rUse, wUse, loc);
    if (readsPrimitive(r.kind, w.kind)) return COMPATIBLE;
    return this.leaf(
      {
        errorType: AVRO_ERROR_TYPES.TYPE_MISMATCH,
        rel: void 0,
        readerPointer: rUse,
        writerPointer: wUse,
        r,
        w,
        detail: ""
      },
      loc
    );
  }
  /** A reader union reads `w` when one of its branches does: Java probes them in order, each in a fresh context. */
  readerUnion(r, w, rUse, wUse, loc) {
    const recursing = this.memo?.recursing(w) ?? false;
    for (const i of recursing ? allBranches(r) : probedBranches(r, w)) {
      const b = r.branches[i];
      if (certainlyIncompatible(b, w) && !(recursing && this.memo?.get(b, w) === IN_PROGRESS)) continue;
      if (this.probe(r, i, w, wUse).compatible) {
        this.memo?.recordProbe(r, w, i);
        return COMPATIBLE;
      }
    }
    this.memo?.recordProbe(r, w, r.branches.length);
    return this.leaf(
      {
        errorType: AVRO_ERROR_TYPES.MISSING_UNION_BRANCH,
        rel: void 0,
        readerPointer: rUse,
        writerPointer: wUse,
        r,
        w,
        detail: this.closestReason(r, w, wUse)
      },
      loc
    );
  }
  probe(r, i, w, wUse) {
    return this.pair("", r.branches[i], w, r.branchPointers[i] ?? "", wUse, []);
  }
  /**
   * Why the reader branch most like `w` (same kind and name) cannot read it. That branch was probed already
   * (it is never certainly incompatible), so asking again gives the same answer: the memoised one, or the
   * same findings computed again for a pair that has no memo entry.
   */
  closestReason(r, w, wUse) {
    const i = r.branches.findIndex(
      (b) => b.kind === w.kind && (!isNamed(b) || !isNamed(w) || namesMatch(b, w))
    );
    const first = i < 0 ? void 0 : this.probe(r, i, w, wUse).findings[0];
    if (first === void 0) return "";
    return ` (closest branch ${describeType(r.branches[i])}: ${first.errorType} at ${relPath(first.rel)}: ${infoOf(first)})`;
  }
  unionFromUnion(r, w, loc) {
    let result;
    w.branches.forEach((b, i) => {
      const wUse = w.branchPointers[i] ?? w.pointer;
      loc.push(indexToken(i));
      const probe = this.pair("", r, b, r.pointer, wUse, []);
      if (!probe.compatible) {
        const failing = probe.findings[0];
        result = this.merge(
          result,
          this.leaf(
            {
              errorType: AVRO_ERROR_TYPES.MISSING_UNION_BRANCH,
              rel: { tokens: [indexToken(i)], next: void 0 },
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
        rel: AT_NAME,
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
        rel: AT_SIZE,
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
        rel: AT_SYMBOLS,
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
    let result = this.merge(void 0, this.names(r, w, loc));
    loc.push("fields");
    const byName = fieldsByName(w);
    for (let i = 0; i < r.fields.length; i++) {
      const rf = r.fields[i];
      const matches = rf.aliases.length === 0 ? void 0 : writerFieldsFor(rf, byName);
      const wf = matches === void 0 ? sameNameField(w, i, rf.name) ?? byName.get(rf.name) : matches[0];
      if (wf !== void 0 && isPrimitive(rf.type) && isPrimitive(wf.type) && readsPrimitive(rf.type.kind, wf.type.kind)) {
        if (matches === void 0 || matches.length === 1) continue;
      }
      loc.push(indexToken(i));
      if (matches !== void 0 && matches.length > 1)
        throw new AmbiguousField(this.ambiguous(rf, w, matches, loc));
      if (wf !== void 0) {
        const child = this.pair("type", rf.type, wf.type, rf.typePointer, wf.typePointer, loc);
        if (!child.compatible) result = this.merge(result, child, ["fields", indexToken(i), "type"]);
      } else if (rf.default === void 0) {
        if (rf.type.kind === "enum" && rf.type.default !== void 0) {
          const child = this.pair("type", rf.type, w, rf.typePointer, w.pointer, loc);
          result = this.merge(result, child, ["fields", indexToken(i), "type"]);
        } else {
          result = this.merge(result, this.missingDefault(rf, w, loc), ["fields", indexToken(i)]);
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
    return this.merge(this.merge(void 0, a), b) ?? COMPATIBLE;
  }
  missingDefault(rf, w, loc) {
    return this.leaf(
      {
        errorType: AVRO_ERROR_TYPES.READER_FIELD_MISSING_DEFAULT_VALUE,
        rel: void 0,
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
      rel: void 0,
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
      return [{ ...e.finding, rel: { tokens: e.finding.javaLoc.slice(1), next: void 0 } }];
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
function sameNameField(w, i, name) {
  const f = w.fields[i];
  return f !== void 0 && f.name === name ? f : void 0;
}
function checkAvro(reader, writer, context) {
  return report(newChecker(reader.root, writer.root).check(reader.root, writer.root), context);
}
function newChecker(reader, writer) {
  return new Checker(hasSharedNode(reader) || hasSharedNode(writer));
}
function report(findings, context) {
  return findings.map((f) => {
    const path = relPath(f.rel);
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
  return newChecker(reader, writer).check(reader, writer).length === 0;
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
  fingerprint64,
  fingerprint64Hex,
  fingerprintAvro,
  avroFormat
};
