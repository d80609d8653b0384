import {
  escapePointerToken,
  joinPointer,
  parseJson,
  positionOf
} from "./chunk-L6DUB6QO.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/formats/jsonschema/changes.ts
var CHANGE_TYPES = [
  "ID_CHANGED",
  "DESCRIPTION_CHANGED",
  "TITLE_CHANGED",
  "DEFAULT_CHANGED",
  "SCHEMA_ADDED",
  "SCHEMA_REMOVED",
  "TYPE_EXTENDED",
  "TYPE_NARROWED",
  "TYPE_CHANGED",
  "MAX_LENGTH_ADDED",
  "MAX_LENGTH_REMOVED",
  "MAX_LENGTH_INCREASED",
  "MAX_LENGTH_DECREASED",
  "MIN_LENGTH_ADDED",
  "MIN_LENGTH_REMOVED",
  "MIN_LENGTH_INCREASED",
  "MIN_LENGTH_DECREASED",
  "PATTERN_ADDED",
  "PATTERN_REMOVED",
  "PATTERN_CHANGED",
  "MAXIMUM_ADDED",
  "MAXIMUM_REMOVED",
  "MAXIMUM_INCREASED",
  "MAXIMUM_DECREASED",
  "MINIMUM_ADDED",
  "MINIMUM_REMOVED",
  "MINIMUM_INCREASED",
  "MINIMUM_DECREASED",
  "EXCLUSIVE_MAXIMUM_ADDED",
  "EXCLUSIVE_MAXIMUM_REMOVED",
  "EXCLUSIVE_MAXIMUM_INCREASED",
  "EXCLUSIVE_MAXIMUM_DECREASED",
  "EXCLUSIVE_MINIMUM_ADDED",
  "EXCLUSIVE_MINIMUM_REMOVED",
  "EXCLUSIVE_MINIMUM_INCREASED",
  "EXCLUSIVE_MINIMUM_DECREASED",
  "MULTIPLE_OF_ADDED",
  "MULTIPLE_OF_REMOVED",
  "MULTIPLE_OF_REDUCED",
  "MULTIPLE_OF_EXPANDED",
  "MULTIPLE_OF_CHANGED",
  "REQUIRED_ATTRIBUTE_ADDED",
  "REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED",
  "REQUIRED_ATTRIBUTE_REMOVED",
  "DEPENDENCY_ARRAY_ADDED",
  "DEPENDENCY_ARRAY_REMOVED",
  "DEPENDENCY_ARRAY_EXTENDED",
  "DEPENDENCY_ARRAY_NARROWED",
  "DEPENDENCY_ARRAY_CHANGED",
  "DEPENDENCY_SCHEMA_ADDED",
  "DEPENDENCY_SCHEMA_REMOVED",
  "MAX_PROPERTIES_ADDED",
  "MAX_PROPERTIES_REMOVED",
  "MAX_PROPERTIES_INCREASED",
  "MAX_PROPERTIES_DECREASED",
  "MIN_PROPERTIES_ADDED",
  "MIN_PROPERTIES_REMOVED",
  "MIN_PROPERTIES_INCREASED",
  "MIN_PROPERTIES_DECREASED",
  "ADDITIONAL_PROPERTIES_ADDED",
  "ADDITIONAL_PROPERTIES_REMOVED",
  "ADDITIONAL_PROPERTIES_EXTENDED",
  "ADDITIONAL_PROPERTIES_NARROWED",
  "UNEVALUATED_PROPERTIES_ADDED",
  "UNEVALUATED_PROPERTIES_REMOVED",
  "UNEVALUATED_PROPERTIES_EXTENDED",
  "UNEVALUATED_PROPERTIES_NARROWED",
  "PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL",
  "REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL",
  "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL",
  "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL",
  "REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL",
  "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL",
  "OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL",
  "PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL",
  "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL",
  "PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL",
  "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
  "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
  "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
  "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
  "MAX_ITEMS_ADDED",
  "MAX_ITEMS_REMOVED",
  "MAX_ITEMS_INCREASED",
  "MAX_ITEMS_DECREASED",
  "MIN_ITEMS_ADDED",
  "MIN_ITEMS_REMOVED",
  "MIN_ITEMS_INCREASED",
  "MIN_ITEMS_DECREASED",
  "MAX_CONTAINS_ADDED",
  "MAX_CONTAINS_REMOVED",
  "MAX_CONTAINS_INCREASED",
  "MAX_CONTAINS_DECREASED",
  "MIN_CONTAINS_ADDED",
  "MIN_CONTAINS_REMOVED",
  "MIN_CONTAINS_INCREASED",
  "MIN_CONTAINS_DECREASED",
  "UNIQUE_ITEMS_ADDED",
  "UNIQUE_ITEMS_REMOVED",
  "ADDITIONAL_ITEMS_ADDED",
  "ADDITIONAL_ITEMS_REMOVED",
  "ADDITIONAL_ITEMS_EXTENDED",
  "ADDITIONAL_ITEMS_NARROWED",
  "UNEVALUATED_ITEMS_ADDED",
  "UNEVALUATED_ITEMS_REMOVED",
  "UNEVALUATED_ITEMS_EXTENDED",
  "UNEVALUATED_ITEMS_NARROWED",
  "ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL",
  "ITEM_ADDED_TO_OPEN_CONTENT_MODEL",
  "ITEM_ADDED_TO_CLOSED_CONTENT_MODEL",
  "ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL",
  "ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL",
  "ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL",
  "ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
  "ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
  "ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
  "ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
  "ENUM_ARRAY_EXTENDED",
  "ENUM_ARRAY_NARROWED",
  "ENUM_ARRAY_CHANGED",
  "COMBINED_TYPE_EXTENDED",
  "COMBINED_TYPE_CHANGED",
  "PRODUCT_TYPE_EXTENDED",
  "PRODUCT_TYPE_NARROWED",
  "SUM_TYPE_EXTENDED",
  "SUM_TYPE_NARROWED",
  "COMBINED_TYPE_SUBSCHEMAS_CHANGED",
  "NOT_TYPE_EXTENDED",
  "NOT_TYPE_NARROWED"
];
var STRICT_ALLOWED = /* @__PURE__ */ new Set([
  "ID_CHANGED",
  "DESCRIPTION_CHANGED",
  "TITLE_CHANGED",
  "DEFAULT_CHANGED",
  "SCHEMA_REMOVED",
  "TYPE_EXTENDED",
  "MAX_LENGTH_INCREASED",
  "MAX_LENGTH_REMOVED",
  "MIN_LENGTH_DECREASED",
  "MIN_LENGTH_REMOVED",
  "PATTERN_REMOVED",
  "MAXIMUM_INCREASED",
  "MAXIMUM_REMOVED",
  "MINIMUM_DECREASED",
  "MINIMUM_REMOVED",
  "EXCLUSIVE_MAXIMUM_INCREASED",
  "EXCLUSIVE_MAXIMUM_REMOVED",
  "EXCLUSIVE_MINIMUM_DECREASED",
  "EXCLUSIVE_MINIMUM_REMOVED",
  "MULTIPLE_OF_REDUCED",
  "MULTIPLE_OF_REMOVED",
  "REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED",
  "REQUIRED_ATTRIBUTE_REMOVED",
  "DEPENDENCY_ARRAY_NARROWED",
  "DEPENDENCY_ARRAY_REMOVED",
  "DEPENDENCY_SCHEMA_REMOVED",
  "MAX_PROPERTIES_INCREASED",
  "MAX_PROPERTIES_REMOVED",
  "MIN_PROPERTIES_DECREASED",
  "MIN_PROPERTIES_REMOVED",
  "ADDITIONAL_PROPERTIES_ADDED",
  "ADDITIONAL_PROPERTIES_EXTENDED",
  "UNEVALUATED_PROPERTIES_ADDED",
  "UNEVALUATED_PROPERTIES_EXTENDED",
  "PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL",
  "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL",
  "OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL",
  "PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL",
  "PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL",
  "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
  "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
  "MAX_ITEMS_INCREASED",
  "MAX_ITEMS_REMOVED",
  "MIN_ITEMS_DECREASED",
  "MIN_ITEMS_REMOVED",
  "MAX_CONTAINS_INCREASED",
  "MAX_CONTAINS_REMOVED",
  "MIN_CONTAINS_DECREASED",
  "MIN_CONTAINS_REMOVED",
  "UNIQUE_ITEMS_REMOVED",
  "ADDITIONAL_ITEMS_ADDED",
  "ADDITIONAL_ITEMS_EXTENDED",
  "UNEVALUATED_ITEMS_ADDED",
  "UNEVALUATED_ITEMS_EXTENDED",
  "ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL",
  "ITEM_ADDED_TO_CLOSED_CONTENT_MODEL",
  "ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL",
  "ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL",
  "ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
  "ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
  "ENUM_ARRAY_EXTENDED",
  "COMBINED_TYPE_EXTENDED",
  "PRODUCT_TYPE_NARROWED",
  "SUM_TYPE_EXTENDED",
  "NOT_TYPE_NARROWED"
]);
var LENIENT_ALLOWED = /* @__PURE__ */ new Set([
  ...STRICT_ALLOWED,
  "ADDITIONAL_PROPERTIES_NARROWED",
  "ADDITIONAL_PROPERTIES_REMOVED",
  "UNEVALUATED_PROPERTIES_NARROWED",
  "UNEVALUATED_PROPERTIES_REMOVED",
  "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL",
  "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL",
  "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL",
  "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL",
  "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"
]);
function allowedChanges(policy) {
  return policy === "lenient" ? LENIENT_ALLOWED : STRICT_ALLOWED;
}
function parsePolicy(text) {
  const t = text.trim().toLowerCase();
  return t === "strict" || t === "lenient" ? t : void 0;
}
var ANNOTATION_CHANGES = /* @__PURE__ */ new Set([
  "ID_CHANGED",
  "DESCRIPTION_CHANGED",
  "TITLE_CHANGED",
  "DEFAULT_CHANGED"
]);

// src/formats/jsonschema/model.ts
function deref(node) {
  let n = node;
  for (let guard = 0; n.kind === "ref" && guard < 64; guard++) {
    if (n.target === void 0) break;
    n = n.target;
  }
  return n;
}
function opensEverything(n) {
  return n === void 0 || deref(n).kind === "empty";
}
function unevaluatedSchema(n) {
  if (n === void 0) return void 0;
  const kind = deref(n).kind;
  return kind === "empty" || kind === "false" ? void 0 : n;
}
function isOpenObject(o) {
  return o.patternProperties.length === 0 && o.additional.permits && o.additional.schema === void 0 && opensEverything(o.unevaluated);
}
function schemaForExtraProperty(o, name) {
  for (const p of o.patternProperties) {
    if (p.regex !== void 0 && p.regex.test(name)) return p.schema;
  }
  if (o.additional.schema !== void 0) return o.additional.schema;
  if (!o.additional.permits) return void 0;
  return unevaluatedSchema(o.unevaluated);
}
function isOpenArray(a) {
  return a.additional.permits && a.additional.schema === void 0 && opensEverything(a.unevaluated);
}
function schemaForExtraItem(a) {
  if (a.additional.schema !== void 0) return a.additional.schema;
  if (!a.additional.permits) return void 0;
  return unevaluatedSchema(a.unevaluated);
}

// src/formats/jsonschema/diff.ts
var Verdict = class {
};
function push(sink, changes) {
  for (const c of changes) {
    if (sink.stopUnless !== void 0 && !sink.stopUnless.has(c.type)) throw new Verdict();
    sink.push(c);
  }
}
function pointerTail(segs) {
  let tail = "";
  for (const s of segs) tail += `/${escapePointerToken(s)}`;
  return tail;
}
function extend(scope, segs, pathSegs = segs) {
  if (segs.length === 0 && pathSegs.length === 0) return scope;
  const tail = pointerTail(segs);
  return {
    path: scope.path + (pathSegs === segs ? tail : pointerTail(pathSegs)),
    o: scope.oForeign ? scope.o : scope.o + tail,
    u: scope.uForeign ? scope.u : scope.u + tail,
    oForeign: scope.oForeign,
    uForeign: scope.uForeign
  };
}
function at(scope, o, u) {
  const s = { ...scope };
  if (o !== void 0 && o.uid >= 0) {
    if (o.src === void 0) s.oForeign = true;
    else {
      s.o = o.src;
      s.oForeign = false;
    }
  }
  if (u !== void 0 && u.uid >= 0) {
    if (u.src === void 0) s.uForeign = true;
    else {
      s.u = u.src;
      s.uForeign = false;
    }
  }
  return s;
}
function add(sink, scope, type, segs = [], from, to) {
  const s = extend(scope, segs);
  const c = {
    type,
    path: `#${s.path === "" ? "/" : s.path}`,
    originalPointer: s.o,
    updatePointer: s.u
  };
  if (from !== void 0) c.from = from;
  if (to !== void 0) c.to = to;
  push(sink, [c]);
}
function stableJson(v) {
  if (v === void 0) return "undefined";
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`).join(",")}}`;
}
function isCompatible(env, changes) {
  return changes.every((c) => env.allowed.has(c.type));
}
function compareMeta(sink, scope, o, u) {
  if (o.meta.id !== u.meta.id)
    add(
      sink,
      extend(scope, [u.meta.idKeyword ?? o.meta.idKeyword ?? "$id"], []),
      "ID_CHANGED",
      [],
      o.meta.id,
      u.meta.id
    );
  if (o.meta.title !== u.meta.title)
    add(sink, extend(scope, ["title"], []), "TITLE_CHANGED", [], o.meta.title, u.meta.title);
  if (o.meta.description !== u.meta.description)
    add(
      sink,
      extend(scope, ["description"], []),
      "DESCRIPTION_CHANGED",
      [],
      o.meta.description,
      u.meta.description
    );
  const od = o.meta.default;
  const ud = u.meta.default;
  if (od === void 0 !== (ud === void 0) || od !== void 0 && ud !== void 0 && stableJson(od.value) !== stableJson(ud.value))
    add(sink, extend(scope, ["default"], []), "DEFAULT_CHANGED", [], od?.value, ud?.value);
}
function kindName(n) {
  if (n.kind === "number") return n.integer ? "integer" : "number";
  if (n.kind === "combined") return n.criterion;
  if (n.kind === "enum") return n.keyword;
  return n.kind;
}
function trial(env, scope, o, u) {
  const sink = [];
  compare(env, sink, scope, o, u);
  return sink;
}
var TRIAL_BUDGET = 2e4;
function trialOutcome(env, scope, o, u) {
  const key = `${deref(o).uid}:${deref(u).uid}`;
  const hit = env.trials.get(key);
  if (hit !== void 0) return hit;
  const cutsBefore = env.cuts;
  const sink = [];
  sink.stopUnless = env.allowed;
  let outcome;
  try {
    compare(env, sink, scope, o, u);
    outcome = sink.length === 0 ? 0 : 1;
  } catch (e) {
    if (!(e instanceof Verdict)) throw e;
    outcome = 2;
  }
  if (env.cuts === cutsBefore || env.steps > TRIAL_BUDGET) env.trials.set(key, outcome);
  return outcome;
}
function compare(env, sink, outer, original, update) {
  if (original === void 0 && update === void 0) return;
  if (original === void 0) {
    add(sink, at(outer, void 0, update), "SCHEMA_ADDED");
    return;
  }
  if (update === void 0) {
    add(sink, at(outer, original, void 0), "SCHEMA_REMOVED");
    return;
  }
  const o = deref(original);
  const u = deref(update);
  if (o.hash !== void 0 && o.hash === u.hash) return;
  const key = `${o.uid}:${u.uid}`;
  env.steps++;
  if (env.inProgress.has(key)) {
    env.cuts++;
    return;
  }
  env.inProgress.add(key);
  try {
    compareSchemas(env, sink, at(outer, o, u), o, u);
  } finally {
    env.inProgress.delete(key);
  }
}
function sameKind(o, u) {
  return o.kind === u.kind && (o.kind !== "enum" || o.keyword === u.keyword);
}
function compareAcrossCombination(env, sink, scope, o, u) {
  if (o.kind !== "combined" && u.kind === "combined") {
    const single = u.subschemas.length === 1;
    if (!single && u.criterion === "allOf") return false;
    for (const sub of u.subschemas) {
      const t = trial(env, scope, o, sub);
      if (!isCompatible(env, t)) {
        if (single) return false;
        continue;
      }
      push(sink, t);
      if (!single) add(sink, scope, "SUM_TYPE_EXTENDED");
      return true;
    }
  } else if (o.kind === "combined" && u.kind !== "combined") {
    const single = o.subschemas.length === 1;
    if (!single && o.criterion !== "allOf") return false;
    for (const sub of o.subschemas) {
      const t = trial(env, scope, sub, u);
      if (!isCompatible(env, t)) {
        if (single) return false;
        continue;
      }
      push(sink, t);
      if (!single) add(sink, scope, "PRODUCT_TYPE_NARROWED");
      return true;
    }
  }
  return false;
}
function compareSchemas(env, sink, scope, o, u) {
  if (compareAcrossCombination(env, sink, scope, o, u)) return;
  if (!sameKind(o, u)) {
    if (o.kind === "false" || u.kind === "empty") return;
    if (o.meta.connectType === "bytes" && u.meta.connectType === "bytes") return;
    add(sink, scope, "TYPE_CHANGED", [], kindName(o), kindName(u));
    return;
  }
  compareMeta(sink, scope, o, u);
  switch (o.kind) {
    case "string":
      return compareString(sink, scope, o, u);
    case "number":
      return compareNumber(sink, scope, o, u);
    case "object":
      return compareObject(env, sink, scope, o, u);
    case "array":
      return compareArray(env, sink, scope, o, u);
    case "enum":
      return compareEnum(sink, scope, o, u);
    case "combined":
      return compareCombined(env, sink, scope, o, u);
    case "not":
      return compareNot(env, sink, scope, o, u);
    default:
      return;
  }
}
function compareBound(sink, scope, keyword, prefix, o, u) {
  if (o === u) return;
  if (o === void 0) add(sink, scope, `${prefix}_ADDED`, [keyword], void 0, u);
  else if (u === void 0) add(sink, scope, `${prefix}_REMOVED`, [keyword], o, void 0);
  else if (u > o) add(sink, scope, `${prefix}_INCREASED`, [keyword], o, u);
  else add(sink, scope, `${prefix}_DECREASED`, [keyword], o, u);
}
function compareString(sink, scope, o, u) {
  compareBound(sink, scope, "maxLength", "MAX_LENGTH", o.maxLength, u.maxLength);
  compareBound(sink, scope, "minLength", "MIN_LENGTH", o.minLength, u.minLength);
  if (o.pattern !== u.pattern) {
    if (o.pattern === void 0) add(sink, scope, "PATTERN_ADDED", ["pattern"], void 0, u.pattern);
    else if (u.pattern === void 0) add(sink, scope, "PATTERN_REMOVED", ["pattern"], o.pattern, void 0);
    else add(sink, scope, "PATTERN_CHANGED", ["pattern"], o.pattern, u.pattern);
  }
}
function divides(divisor, n) {
  const q = n / divisor;
  return Math.abs(q - Math.round(q)) < 1e-9 * Math.max(1, Math.abs(q));
}
function compareNumber(sink, scope, o, u) {
  compareBound(sink, scope, "maximum", "MAXIMUM", o.maximum, u.maximum);
  compareBound(sink, scope, "minimum", "MINIMUM", o.minimum, u.minimum);
  compareBound(sink, scope, "exclusiveMaximum", "EXCLUSIVE_MAXIMUM", o.exclusiveMaximum, u.exclusiveMaximum);
  compareBound(sink, scope, "exclusiveMinimum", "EXCLUSIVE_MINIMUM", o.exclusiveMinimum, u.exclusiveMinimum);
  if (o.multipleOf !== u.multipleOf) {
    if (o.multipleOf === void 0)
      add(sink, scope, "MULTIPLE_OF_ADDED", ["multipleOf"], void 0, u.multipleOf);
    else if (u.multipleOf === void 0)
      add(sink, scope, "MULTIPLE_OF_REMOVED", ["multipleOf"], o.multipleOf, void 0);
    else if (divides(u.multipleOf, o.multipleOf))
      add(sink, scope, "MULTIPLE_OF_REDUCED", ["multipleOf"], o.multipleOf, u.multipleOf);
    else if (divides(o.multipleOf, u.multipleOf))
      add(sink, scope, "MULTIPLE_OF_EXPANDED", ["multipleOf"], o.multipleOf, u.multipleOf);
    else add(sink, scope, "MULTIPLE_OF_CHANGED", ["multipleOf"], o.multipleOf, u.multipleOf);
  }
  if (o.integer !== u.integer)
    add(sink, scope, o.integer ? "TYPE_EXTENDED" : "TYPE_NARROWED", [], kindName(o), kindName(u));
}
function compareAdditional(env, sink, outer, [keyword, pathKeyword], prefix, o, u) {
  if (o.permits === u.permits && o.schema === void 0 && u.schema === void 0) return;
  const scope = extend(outer, [keyword], [pathKeyword]);
  if (o.permits !== u.permits) add(sink, scope, `${prefix}_${o.permits ? "REMOVED" : "ADDED"}`);
  else if (o.schema === void 0 && u.schema !== void 0) add(sink, scope, `${prefix}_NARROWED`);
  else if (o.schema !== void 0 && u.schema === void 0) add(sink, scope, `${prefix}_EXTENDED`);
  else if (o.schema !== void 0 && u.schema !== void 0) compare(env, sink, scope, o.schema, u.schema);
}
function compareUnevaluated(env, sink, outer, keyword, prefix, original, update) {
  if (original === void 0 && update === void 0) return;
  const scope = extend(outer, [keyword]);
  const o = original === void 0 ? void 0 : deref(original).kind;
  const u = update === void 0 ? void 0 : deref(update).kind;
  if (o === void 0) add(sink, scope, `${prefix}_${u === "false" ? "REMOVED" : "NARROWED"}`);
  else if (u === void 0) add(sink, scope, `${prefix}_${o === "false" ? "ADDED" : "EXTENDED"}`);
  else if (o === "false" && u !== "false") add(sink, scope, `${prefix}_ADDED`);
  else if (o !== "false" && u === "false") add(sink, scope, `${prefix}_REMOVED`);
  else if (o === "empty" && u !== "empty") add(sink, scope, `${prefix}_NARROWED`);
  else if (o !== "empty" && u === "empty") add(sink, scope, `${prefix}_EXTENDED`);
  else compare(env, sink, scope, original, update);
}
function hasDefault(n) {
  return n !== void 0 && (n.meta.default !== void 0 || deref(n).meta.default !== void 0);
}
function compareObject(env, sink, scope, o, u) {
  compareRequired(sink, scope, o, u);
  compareProperties(env, sink, scope, o, u);
  compareDependencies(env, sink, scope, o, u);
  const additional = "additionalProperties";
  compareAdditional(
    env,
    sink,
    scope,
    [additional, additional],
    "ADDITIONAL_PROPERTIES",
    o.additional,
    u.additional
  );
  compareUnevaluated(
    env,
    sink,
    scope,
    "unevaluatedProperties",
    "UNEVALUATED_PROPERTIES",
    o.unevaluated,
    u.unevaluated
  );
  compareBound(sink, scope, "maxProperties", "MAX_PROPERTIES", o.maxProperties, u.maxProperties);
  compareBound(sink, scope, "minProperties", "MIN_PROPERTIES", o.minProperties, u.minProperties);
}
function compareRequired(sink, scope, o, u) {
  const declaredInBoth = (name) => o.properties.has(name) && u.properties.has(name);
  for (const name of o.required) {
    if (!u.required.includes(name) && declaredInBoth(name))
      add(sink, scope, "REQUIRED_ATTRIBUTE_REMOVED", ["required", name]);
  }
  for (const name of u.required) {
    if (o.required.includes(name) || !declaredInBoth(name)) continue;
    add(
      sink,
      scope,
      hasDefault(u.properties.get(name)) ? "REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED" : "REQUIRED_ATTRIBUTE_ADDED",
      ["required", name]
    );
  }
}
function compareDependencies(env, sink, scope, o, u) {
  const arrayKeys = /* @__PURE__ */ new Set([...o.dependencyArrays.keys(), ...u.dependencyArrays.keys()]);
  for (const k of arrayKeys) {
    const a = o.dependencyArrays.get(k);
    const b = u.dependencyArrays.get(k);
    const here = extend(
      scope,
      [a === void 0 ? u.dependencyArrayKeyword : o.dependencyArrayKeyword, k],
      ["dependencies", k]
    );
    if (a === void 0) add(sink, here, "DEPENDENCY_ARRAY_ADDED", [], void 0, b);
    else if (b === void 0) add(sink, here, "DEPENDENCY_ARRAY_REMOVED", [], a, void 0);
    else {
      const aInB = a.every((x) => b.includes(x));
      const bInA = b.every((x) => a.includes(x));
      if (aInB && bInA) continue;
      add(
        sink,
        here,
        aInB ? "DEPENDENCY_ARRAY_EXTENDED" : bInA ? "DEPENDENCY_ARRAY_NARROWED" : "DEPENDENCY_ARRAY_CHANGED",
        [],
        a,
        b
      );
    }
  }
  const schemaKeys = /* @__PURE__ */ new Set([...o.dependencySchemas.keys(), ...u.dependencySchemas.keys()]);
  for (const k of schemaKeys) {
    const a = o.dependencySchemas.get(k);
    const b = u.dependencySchemas.get(k);
    const here = extend(
      scope,
      [a === void 0 ? u.dependencySchemaKeyword : o.dependencySchemaKeyword, k],
      ["dependencies", k]
    );
    if (a === void 0) add(sink, here, "DEPENDENCY_SCHEMA_ADDED");
    else if (b === void 0) add(sink, here, "DEPENDENCY_SCHEMA_REMOVED");
    else compare(env, sink, here, a, b);
  }
}
function isEmptySchema(n) {
  const d = deref(n);
  return d.kind === "empty";
}
function compareProperties(env, sink, scope, o, u) {
  const names = [...o.properties.keys()];
  for (const k of u.properties.keys()) if (!o.properties.has(k)) names.push(k);
  for (const name of names) {
    const a = o.properties.get(name);
    const b = u.properties.get(name);
    const here = extend(scope, ["properties", name]);
    if (a !== void 0 && b !== void 0) {
      compare(env, sink, here, a, b);
    } else if (b === void 0 && a !== void 0) {
      const s = at(here, a, void 0);
      if (isOpenObject(u)) add(sink, s, "PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL");
      else {
        const cover = schemaForExtraProperty(u, name);
        if (cover !== void 0) {
          const t = trial(env, s, a, cover);
          push(sink, t);
          add(
            sink,
            s,
            isCompatible(env, t) ? "PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL" : "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"
          );
        } else {
          add(
            sink,
            s,
            deref(a).kind === "false" ? "PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL" : "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL"
          );
        }
      }
    } else if (b !== void 0) {
      const s = at(here, void 0, b);
      const required = u.required.includes(name);
      if (isOpenObject(o)) {
        if (isEmptySchema(b) && !required)
          add(sink, s, "PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL");
        else if (required)
          add(
            sink,
            s,
            hasDefault(b) ? "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL" : "REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"
          );
        else add(sink, s, "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL");
      } else {
        const cover = schemaForExtraProperty(o, name);
        if (cover !== void 0) {
          const t = trial(env, s, cover, b);
          push(sink, t);
          add(
            sink,
            s,
            isCompatible(env, t) ? "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL" : "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"
          );
        }
        if (required)
          add(
            sink,
            s,
            hasDefault(b) ? "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL" : "REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL"
          );
        else add(sink, s, "OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL");
      }
    }
  }
}
function compareArray(env, sink, scope, o, u) {
  if (o.allItems !== void 0 || u.allItems !== void 0)
    compare(env, sink, extend(scope, ["items"]), o.allItems, u.allItems);
  compareTuple(env, sink, scope, o, u);
  const keywords = [u.additionalKeyword, "additionalItems"];
  compareAdditional(env, sink, scope, keywords, "ADDITIONAL_ITEMS", o.additional, u.additional);
  compareUnevaluated(env, sink, scope, "unevaluatedItems", "UNEVALUATED_ITEMS", o.unevaluated, u.unevaluated);
  compareBound(sink, scope, "maxItems", "MAX_ITEMS", o.maxItems, u.maxItems);
  compareBound(sink, scope, "minItems", "MIN_ITEMS", o.minItems, u.minItems);
  if (o.uniqueItems !== u.uniqueItems)
    add(sink, scope, o.uniqueItems ? "UNIQUE_ITEMS_REMOVED" : "UNIQUE_ITEMS_ADDED", ["uniqueItems"]);
  compareBound(sink, scope, "maxContains", "MAX_CONTAINS", o.maxContains, u.maxContains);
  compareBound(sink, scope, "minContains", "MIN_CONTAINS", o.minContains, u.minContains);
}
function compareTuple(env, sink, scope, o, u) {
  if (o.tuple === void 0 && u.tuple === void 0) return;
  const tupleKeyword = o.tuple !== void 0 ? o.tupleKeyword : u.tupleKeyword;
  const a = o.tuple ?? [];
  const b = u.tuple ?? [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    const here = extend(scope, [tupleKeyword, String(i)], ["items", String(i)]);
    if (x !== void 0 && y !== void 0) compare(env, sink, here, x, y);
    else if (x !== void 0) {
      const s = at(here, x, void 0);
      if (isOpenArray(u)) add(sink, s, "ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL");
      else {
        const cover = schemaForExtraItem(u);
        if (cover !== void 0) {
          const t = trial(env, s, x, cover);
          push(sink, t);
          add(
            sink,
            s,
            isCompatible(env, t) ? "ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL" : "ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"
          );
        } else
          add(
            sink,
            s,
            deref(x).kind === "false" ? "ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL" : "ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL"
          );
      }
    } else if (y !== void 0) {
      const s = at(here, void 0, y);
      if (isOpenArray(o))
        add(
          sink,
          s,
          isEmptySchema(y) ? "ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL" : "ITEM_ADDED_TO_OPEN_CONTENT_MODEL"
        );
      else {
        const cover = schemaForExtraItem(o);
        if (cover !== void 0) {
          const t = trial(env, s, cover, y);
          push(sink, t);
          add(
            sink,
            s,
            isCompatible(env, t) ? "ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL" : "ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"
          );
        } else add(sink, s, "ITEM_ADDED_TO_CLOSED_CONTENT_MODEL");
      }
    }
  }
}
function compareEnum(sink, scope, o, u) {
  const a = new Set(o.values.map(stableJson));
  const b = new Set(u.values.map(stableJson));
  const aInB = [...a].every((x) => b.has(x));
  const bInA = [...b].every((x) => a.has(x));
  if (aInB && bInA) return;
  const type = aInB ? "ENUM_ARRAY_EXTENDED" : bInA ? "ENUM_ARRAY_NARROWED" : "ENUM_ARRAY_CHANGED";
  add(
    sink,
    scope,
    type,
    [o.keyword],
    o.keyword === "const" ? o.values[0] : o.values,
    u.keyword === "const" ? u.values[0] : u.values
  );
}
function maximumMatching(n, m, outcome) {
  const exact = [];
  const adj = [];
  for (let i = 0; i < n; i++) {
    const same = [];
    const ok = [];
    for (let j = 0; j < m; j++) {
      const r = outcome(i, j);
      if (r === 0) same.push(j);
      else if (r === 1) ok.push(j);
    }
    exact.push(same);
    adj.push([...same, ...ok]);
  }
  const matchOfUpdate = new Array(m).fill(void 0);
  const tryAssign = (edges, i, seen) => {
    for (const j of edges[i]) {
      if (seen[j]) continue;
      seen[j] = true;
      const owner = matchOfUpdate[j];
      if (owner === void 0 || tryAssign(edges, owner, seen)) {
        matchOfUpdate[j] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < n; i++) tryAssign(exact, i, new Array(m).fill(false));
  const matched = (i) => matchOfUpdate.includes(i);
  for (let i = 0; i < n; i++) if (!matched(i)) tryAssign(adj, i, new Array(m).fill(false));
  const matchOfOriginal = new Array(n).fill(void 0);
  matchOfUpdate.forEach((i, j) => {
    if (i !== void 0) matchOfOriginal[i] = j;
  });
  return matchOfOriginal;
}
function criterionChange(o, u) {
  if (o.criterion === u.criterion) return void 0;
  const oneOld = o.subschemas.length === 1;
  const oneNew = u.subschemas.length === 1;
  if (u.criterion === "anyOf" || oneOld && oneNew || oneOld && u.criterion === "oneOf" || oneNew && o.criterion === "allOf")
    return "COMBINED_TYPE_EXTENDED";
  return "COMBINED_TYPE_CHANGED";
}
function distinct(subschemas) {
  const seen = /* @__PURE__ */ new Set();
  return subschemas.filter((s) => {
    const key = s.shape ?? `#${s.uid}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function compareCombined(env, sink, scope, o, u) {
  const criterion = criterionChange(o, u);
  if (criterion !== void 0) add(sink, scope, criterion, [], o.criterion, u.criterion);
  if (criterion === "COMBINED_TYPE_CHANGED") return;
  const a = distinct(o.subschemas);
  const b = distinct(u.subschemas);
  const n = a.length;
  const m = b.length;
  if (n < m) add(sink, scope, u.criterion === "allOf" ? "PRODUCT_TYPE_EXTENDED" : "SUM_TYPE_EXTENDED");
  else if (n > m) add(sink, scope, o.criterion === "allOf" ? "PRODUCT_TYPE_NARROWED" : "SUM_TYPE_NARROWED");
  const matching = maximumMatching(n, m, (i, j) => trialOutcome(env, scope, a[i], b[j]));
  matching.forEach((j, i) => {
    if (j === void 0) return;
    const here = o.synthetic ? scope : extend(scope, [o.criterion, String(i)]);
    compare(env, sink, here, a[i], b[j]);
  });
  if (matching.filter((j) => j !== void 0).length < Math.min(n, m)) {
    const unpaired = [];
    matching.forEach((j, i) => {
      if (j === void 0) unpaired.push(o.synthetic ? kindName(deref(a[i])) : `${o.criterion}/${i}`);
    });
    add(sink, scope, "COMBINED_TYPE_SUBSCHEMAS_CHANGED", [], unpaired);
  }
}
function compareNot(env, sink, scope, o, u) {
  const here = extend(scope, ["not"]);
  const reverse = trial(env, here, u.schema, o.schema);
  if (reverse.length === 0 && trial(env, here, o.schema, u.schema).length === 0) return;
  add(sink, here, isCompatible(env, reverse) ? "NOT_TYPE_NARROWED" : "NOT_TYPE_EXTENDED");
}
function compareSchemaNodes(original, update, policy = "strict") {
  const env = {
    allowed: allowedChanges(policy),
    inProgress: /* @__PURE__ */ new Set(),
    trials: /* @__PURE__ */ new Map(),
    cuts: 0,
    steps: 0
  };
  const sink = [];
  compare(env, sink, { path: "", o: "", u: "", oForeign: false, uForeign: false }, original, update);
  return { changes: sink, compatible: isCompatible(env, sink) };
}

// src/formats/jsonschema/load.ts
var STRING_KEYWORDS = ["minLength", "maxLength", "pattern"];
var NUMBER_KEYWORDS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"];
var OBJECT_KEYWORDS = [
  "properties",
  "required",
  "additionalProperties",
  "patternProperties",
  "minProperties",
  "maxProperties",
  "dependencies",
  "dependentRequired",
  "dependentSchemas",
  "unevaluatedProperties"
];
var ARRAY_KEYWORDS = [
  "items",
  "prefixItems",
  "additionalItems",
  "minItems",
  "maxItems",
  "uniqueItems",
  "contains",
  "minContains",
  "maxContains",
  "unevaluatedItems"
];
var CRITERIA = ["allOf", "anyOf", "oneOf"];
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function num(v) {
  return typeof v === "number" && Number.isFinite(v) ? v : void 0;
}
function has(o, k) {
  return Object.prototype.hasOwnProperty.call(o, k);
}
function decodeToken(token) {
  let t = token;
  try {
    t = decodeURIComponent(token);
  } catch {
  }
  return t.replace(/~1/g, "/").replace(/~0/g, "~");
}
function valueAt(root, pointer) {
  if (pointer === "") return root;
  let cur = root;
  for (const raw of pointer.slice(1).split("/")) {
    const t = decodeToken(raw);
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9]\d*)$/.test(t)) return void 0;
      cur = cur[Number(t)];
    } else if (isObject(cur)) {
      cur = has(cur, t) ? cur[t] : void 0;
    } else return void 0;
    if (cur === void 0) return void 0;
  }
  return cur;
}
function draftOf(value) {
  const s = isObject(value) ? value["$schema"] : void 0;
  if (typeof s !== "string") return "draft-07";
  if (s.includes("draft-04")) return "draft-04";
  if (s.includes("draft-06")) return "draft-06";
  if (s.includes("2019-09")) return "2019-09";
  if (s.includes("2020-12")) return "2020-12";
  return "draft-07";
}
function indexDoc(doc) {
  const idKey = doc.draft === "draft-04" ? "id" : "$id";
  const walk = (v, ptr, depth) => {
    if (depth > 600) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${ptr}/${i}`, depth + 1));
      return;
    }
    if (!isObject(v)) return;
    const id = v[idKey];
    if (typeof id === "string") {
      if (id.startsWith("#")) doc.anchors.set(id.slice(1), ptr);
      else {
        const [base, frag] = id.split("#", 2);
        doc.ids.set(base, ptr);
        if (frag !== void 0 && frag !== "" && !frag.startsWith("/")) doc.anchors.set(frag, ptr);
      }
    }
    for (const k of ["$anchor", "$dynamicAnchor"]) {
      const a = v[k];
      if (typeof a === "string" && !doc.anchors.has(a)) doc.anchors.set(a, ptr);
    }
    for (const [k, x] of Object.entries(v)) walk(x, joinPointer(ptr, k), depth + 1);
  };
  walk(doc.value, "", 0);
}
function hashText(text) {
  let h1 = 2166136261;
  let h2 = 2538058380;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 1540483477);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0).toString(36) + "." + (h2 >>> 0).toString(36);
}
function fingerprinter() {
  const seen = /* @__PURE__ */ new WeakMap();
  const fp = (v) => {
    if (v === null || typeof v !== "object") return { hash: JSON.stringify(v), hasRef: false };
    const hit = seen.get(v);
    if (hit !== void 0) return hit;
    let hasRef = false;
    let text;
    if (Array.isArray(v)) {
      text = "[" + v.map((x) => {
        const f = fp(x);
        hasRef ||= f.hasRef;
        return f.hash;
      }).join(",") + "]";
    } else {
      const keys = Object.keys(v).sort();
      if (keys.includes("$ref") || keys.includes("$recursiveRef") || keys.includes("$dynamicRef"))
        hasRef = true;
      text = "{" + keys.map((k) => {
        const f = fp(v[k]);
        hasRef ||= f.hasRef;
        return `${JSON.stringify(k)}:${f.hash}`;
      }).join(",") + "}";
    }
    const out = { hash: text.length > 24 ? hashText(text) : text, hasRef };
    seen.set(v, out);
    return out;
  };
  return fp;
}
function modernLoader(draft) {
  return draft === "2019-09" || draft === "2020-12";
}
function saysNothing(draft, keyword, value) {
  if (!modernLoader(draft))
    return keyword.startsWith("unevaluated") || keyword === "minContains" || keyword === "maxContains";
  return (keyword === "properties" || keyword === "patternProperties") && isObject(value) && Object.keys(value).length === 0;
}
function basename(path) {
  const i = path.lastIndexOf("/");
  return i < 0 ? path : path.slice(i + 1);
}
var lastUid = 0;
function loadSchema(value, references = []) {
  const docs = [];
  const addDoc = (name, v, main) => {
    const d = {
      index: docs.length,
      name,
      value: v,
      main,
      draft: draftOf(v),
      anchors: /* @__PURE__ */ new Map(),
      ids: /* @__PURE__ */ new Map()
    };
    indexDoc(d);
    docs.push(d);
    return d;
  };
  const mainDoc = addDoc("", value, true);
  const refDocs = references.map((r) => addDoc(r.name, r.value, false));
  const cache = /* @__PURE__ */ new Map();
  const pending = [];
  const issues = [];
  let size = 0;
  const issue = (doc, rule, message, pointer) => {
    if (doc.main) issues.push({ rule, message, pointer });
    else issues.push({ rule, message: `${message} (in the referenced schema '${doc.name}')`, pointer: "" });
  };
  const findDoc = (from, base) => {
    if (base === "") return { doc: from, pointer: "" };
    for (const d of refDocs) if (d.name === base) return { doc: d, pointer: "" };
    for (const d of docs) {
      const p = d.ids.get(base);
      if (p !== void 0) return { doc: d, pointer: p };
    }
    const b = basename(base);
    for (const d of refDocs) if (basename(d.name) === b) return { doc: d, pointer: "" };
    for (const d of docs) {
      for (const [id, p] of d.ids) if (basename(id) === b) return { doc: d, pointer: p };
    }
    return void 0;
  };
  const resolve = (from, ref) => {
    for (const d of refDocs) if (d.name === ref) return { doc: d, pointer: "" };
    const hash = ref.indexOf("#");
    const base = hash < 0 ? ref : ref.slice(0, hash);
    const frag = hash < 0 ? "" : ref.slice(hash + 1);
    const target = findDoc(from, base);
    if (target === void 0) return void 0;
    let pointer = target.pointer;
    if (frag.startsWith("/")) pointer = base === "" ? frag : `${pointer}${frag}`;
    else if (frag !== "") {
      const a = target.doc.anchors.get(frag);
      if (a === void 0) return void 0;
      pointer = a;
    }
    const normalised = pointer === "" ? "" : "/" + pointer.slice(1).split("/").map((t) => decodeToken(t).replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
    if (valueAt(target.doc.value, normalised) === void 0) return void 0;
    return { doc: target.doc, pointer: normalised };
  };
  const regex = (doc, pattern, at2) => {
    try {
      return new RegExp(pattern, "u");
    } catch {
      try {
        return new RegExp(pattern);
      } catch {
        issue(doc, "INVALID_PATTERN", `'${pattern}' is not a valid regular expression`, at2);
        return void 0;
      }
    }
  };
  const metaOf = (doc, o) => {
    const m = {};
    const idKey = doc.draft === "draft-04" ? "id" : "$id";
    const id = o[idKey];
    if (typeof id === "string" && !modernLoader(doc.draft)) {
      m.id = id;
      m.idKeyword = idKey;
    }
    if (typeof o["title"] === "string") m.title = o["title"];
    if (typeof o["description"] === "string") m.description = o["description"];
    if (has(o, "default")) m.default = { value: o["default"] };
    if (typeof o["connect.type"] === "string") m.connectType = o["connect.type"];
    return m;
  };
  const src = (doc, ptr) => doc.main ? ptr : void 0;
  const nextUid = () => {
    size++;
    return ++lastUid;
  };
  const additional = (doc, o, key, ptr) => {
    const v = o[key];
    if (v === void 0 || v === true) return { permits: true };
    if (v === false) return { permits: false };
    if (isObject(v)) return { permits: true, schema: build(doc, joinPointer(ptr, key), v) };
    return { permits: true };
  };
  const unevaluatedOf = (doc, o, key, ptr) => modernLoader(doc.draft) && has(o, key) ? build(doc, joinPointer(ptr, key), o[key]) : void 0;
  const buildString = (doc, o, ptr) => {
    const n = { kind: "string", uid: nextUid(), src: src(doc, ptr), meta: {} };
    const minLength = num(o["minLength"]);
    const maxLength = num(o["maxLength"]);
    if (minLength !== void 0) n.minLength = minLength;
    if (maxLength !== void 0) n.maxLength = maxLength;
    if (typeof o["pattern"] === "string") {
      n.pattern = o["pattern"];
      regex(doc, n.pattern, joinPointer(ptr, "pattern"));
    }
    return n;
  };
  const buildNumber = (doc, o, ptr, integer) => {
    const n = { kind: "number", integer, uid: nextUid(), src: src(doc, ptr), meta: {} };
    const minimum = num(o["minimum"]);
    const maximum = num(o["maximum"]);
    if (minimum !== void 0) n.minimum = minimum;
    if (maximum !== void 0) n.maximum = maximum;
    const exMin = num(o["exclusiveMinimum"]);
    const exMax = num(o["exclusiveMaximum"]);
    if (exMin !== void 0) n.exclusiveMinimum = exMin;
    if (exMax !== void 0) n.exclusiveMaximum = exMax;
    const multipleOf = num(o["multipleOf"]);
    if (multipleOf !== void 0 && multipleOf > 0) n.multipleOf = multipleOf;
    return n;
  };
  const buildObject = (doc, o, ptr) => {
    const n = {
      kind: "object",
      uid: nextUid(),
      src: src(doc, ptr),
      meta: {},
      properties: /* @__PURE__ */ new Map(),
      required: [],
      additional: { permits: true },
      patternProperties: [],
      dependencyArrays: /* @__PURE__ */ new Map(),
      dependencySchemas: /* @__PURE__ */ new Map(),
      dependencyArrayKeyword: has(o, "dependentRequired") ? "dependentRequired" : "dependencies",
      dependencySchemaKeyword: has(o, "dependentSchemas") ? "dependentSchemas" : "dependencies"
    };
    const props = o["properties"];
    if (isObject(props)) {
      const base = joinPointer(ptr, "properties");
      for (const [k, v] of Object.entries(props)) n.properties.set(k, build(doc, joinPointer(base, k), v));
    }
    const req = o["required"];
    if (Array.isArray(req)) {
      for (const r of req) if (typeof r === "string" && !n.required.includes(r)) n.required.push(r);
    }
    n.additional = additional(doc, o, "additionalProperties", ptr);
    const unevaluated = unevaluatedOf(doc, o, "unevaluatedProperties", ptr);
    if (unevaluated !== void 0) n.unevaluated = unevaluated;
    const pp = o["patternProperties"];
    if (isObject(pp)) {
      const base = joinPointer(ptr, "patternProperties");
      for (const [k, v] of Object.entries(pp)) {
        const at2 = joinPointer(base, k);
        const p = { pattern: k, regex: regex(doc, k, at2), schema: build(doc, at2, v) };
        n.patternProperties.push(p);
      }
    }
    const minP = num(o["minProperties"]);
    const maxP = num(o["maxProperties"]);
    if (minP !== void 0) n.minProperties = minP;
    if (maxP !== void 0) n.maxProperties = maxP;
    for (const key of ["dependencies", "dependentRequired", "dependentSchemas"]) {
      const deps = o[key];
      if (!isObject(deps)) continue;
      const base = joinPointer(ptr, key);
      for (const [k, v] of Object.entries(deps)) {
        if (Array.isArray(v) && key !== "dependentSchemas")
          n.dependencyArrays.set(
            k,
            v.filter((x) => typeof x === "string")
          );
        else if (key !== "dependentRequired") n.dependencySchemas.set(k, build(doc, joinPointer(base, k), v));
      }
    }
    return n;
  };
  const buildArray = (doc, o, ptr) => {
    const modern = doc.draft === "2020-12";
    const n = {
      kind: "array",
      uid: nextUid(),
      src: src(doc, ptr),
      meta: {},
      tupleKeyword: modern ? "prefixItems" : "items",
      additional: { permits: true },
      additionalKeyword: modern ? "items" : "additionalItems",
      uniqueItems: o["uniqueItems"] === true
    };
    const unevaluated = unevaluatedOf(doc, o, "unevaluatedItems", ptr);
    if (unevaluated !== void 0) n.unevaluated = unevaluated;
    const tupleValue = o[n.tupleKeyword];
    if (Array.isArray(tupleValue)) {
      const base = joinPointer(ptr, n.tupleKeyword);
      n.tuple = tupleValue.map((v, i) => build(doc, `${base}/${i}`, v));
    }
    const items = o["items"];
    if (!modern) {
      if (items !== void 0 && !Array.isArray(items))
        n.allItems = build(doc, joinPointer(ptr, "items"), items);
      n.additional = additional(doc, o, "additionalItems", ptr);
    } else if (items === false || n.tuple !== void 0 && isObject(items)) {
      n.additional = additional(doc, o, "items", ptr);
    } else if (isObject(items)) n.allItems = build(doc, joinPointer(ptr, "items"), items);
    const minI = num(o["minItems"]);
    const maxI = num(o["maxItems"]);
    if (minI !== void 0) n.minItems = minI;
    if (maxI !== void 0) n.maxItems = maxI;
    if (has(o, "contains")) build(doc, joinPointer(ptr, "contains"), o["contains"]);
    const minC = num(o["minContains"]);
    const maxC = num(o["maxContains"]);
    if (minC !== void 0) n.minContains = minC;
    else if (modern && has(o, "contains")) n.minContains = 1;
    if (maxC !== void 0) n.maxContains = maxC;
    return n;
  };
  const buildTyped = (doc, type, o, ptr) => {
    switch (type) {
      case "string":
        return buildString(doc, o, ptr);
      case "integer":
        return buildNumber(doc, o, ptr, true);
      case "number":
        return buildNumber(doc, o, ptr, false);
      case "object":
        return buildObject(doc, o, ptr);
      case "array":
        return buildArray(doc, o, ptr);
      case "boolean":
        return { kind: "boolean", uid: nextUid(), src: src(doc, ptr), meta: {} };
      case "null":
        return { kind: "null", uid: nextUid(), src: src(doc, ptr), meta: {} };
      default:
        return { kind: "empty", uid: nextUid(), src: src(doc, ptr), meta: {} };
    }
  };
  const combined = (doc, criterion, subschemas, ptr, synthetic) => ({
    kind: "combined",
    criterion,
    subschemas,
    synthetic,
    uid: nextUid(),
    src: src(doc, ptr),
    meta: {}
  });
  const refNode = (doc, ref, ptr) => {
    const n = { kind: "ref", ref, target: void 0, uid: nextUid(), src: src(doc, ptr), meta: {} };
    pending.push({ node: n, doc, at: ptr });
    return n;
  };
  function buildUncached(doc, ptr, v) {
    if (v === false) return { kind: "false", uid: nextUid(), src: src(doc, ptr), meta: {} };
    if (!isObject(v)) return { kind: "empty", uid: nextUid(), src: src(doc, ptr), meta: {} };
    const meta = metaOf(doc, v);
    const legacyRef = doc.draft === "draft-04" || doc.draft === "draft-06" || doc.draft === "draft-07";
    if (typeof v["$ref"] === "string" && legacyRef) {
      const r = refNode(doc, v["$ref"], ptr);
      r.meta = meta;
      return r;
    }
    const parts = [];
    const type = v["type"];
    if (typeof type === "string") parts.push(buildTyped(doc, type, v, ptr));
    else if (Array.isArray(type)) {
      const types = type.filter((t) => typeof t === "string");
      if (types.length === 1) parts.push(buildTyped(doc, types[0], v, ptr));
      else if (types.length > 1)
        parts.push(
          combined(
            doc,
            "anyOf",
            types.map((t) => buildTyped(doc, t, v, ptr)),
            ptr,
            true
          )
        );
    } else {
      if (STRING_KEYWORDS.some((k) => has(v, k))) parts.push(buildString(doc, v, ptr));
      if (NUMBER_KEYWORDS.some((k) => has(v, k))) parts.push(buildNumber(doc, v, ptr, false));
      if (OBJECT_KEYWORDS.some((k) => has(v, k) && !saysNothing(doc.draft, k, v[k])))
        parts.push(buildObject(doc, v, ptr));
      if (ARRAY_KEYWORDS.some((k) => has(v, k) && !saysNothing(doc.draft, k, v[k])))
        parts.push(buildArray(doc, v, ptr));
    }
    if (Array.isArray(v["enum"]))
      parts.push({
        kind: "enum",
        keyword: "enum",
        values: v["enum"],
        uid: nextUid(),
        src: src(doc, ptr),
        meta: {}
      });
    if (has(v, "const") && doc.draft !== "draft-04")
      parts.push({
        kind: "enum",
        keyword: "const",
        values: [v["const"]],
        uid: nextUid(),
        src: src(doc, ptr),
        meta: {}
      });
    if (has(v, "not"))
      parts.push({
        kind: "not",
        schema: build(doc, joinPointer(ptr, "not"), v["not"]),
        uid: nextUid(),
        src: src(doc, ptr),
        meta: {}
      });
    for (const c of CRITERIA) {
      const list = v[c];
      if (!Array.isArray(list)) continue;
      const base = joinPointer(ptr, c);
      parts.push(
        combined(
          doc,
          c,
          list.map((x, i) => build(doc, `${base}/${i}`, x)),
          ptr,
          false
        )
      );
    }
    for (const k of ["$ref", "$recursiveRef", "$dynamicRef"]) {
      const r = v[k];
      if (typeof r === "string") parts.push(refNode(doc, r, ptr));
    }
    let node;
    if (parts.length === 0) node = { kind: "empty", uid: nextUid(), src: src(doc, ptr), meta: {} };
    else if (parts.length === 1) node = parts[0];
    else node = combined(doc, "allOf", parts, ptr, true);
    node.meta = meta;
    return node;
  }
  const fingerprint = fingerprinter();
  function build(doc, ptr, v) {
    const key = `${doc.index}\0${ptr}`;
    const hit = cache.get(key);
    if (hit !== void 0) return hit;
    const node = buildUncached(doc, ptr, v);
    const f = fingerprint(v);
    node.shape = f.hash;
    if (!f.hasRef) node.hash = `${doc.draft}:${f.hash}`;
    else if (doc.main && ptr === "")
      node.hash = `${doc.draft}:${f.hash}:${refDocs.map((d) => `${d.name}=${d.draft}:${fingerprint(d.value).hash}`).join(";")}`;
    cache.set(key, node);
    return node;
  }
  const root = build(mainDoc, "", value);
  while (pending.length > 0) {
    const { node, doc, at: at2 } = pending.pop();
    const target = resolve(doc, node.ref);
    if (target === void 0) {
      issue(
        doc,
        "UNRESOLVED_REF",
        `$ref '${node.ref}' cannot be resolved${doc.main && !node.ref.startsWith("#") ? ": pass the referenced schema as a reference" : ""}`,
        joinPointer(at2, "$ref")
      );
      node.target = { kind: "empty", uid: nextUid(), src: node.src, meta: {} };
      continue;
    }
    node.target = build(target.doc, target.pointer, valueAt(target.doc.value, target.pointer));
  }
  return { root, issues, size };
}

// src/formats/jsonschema/messages.ts
function tokens(path) {
  const body = path.replace(/^#\/?/, "");
  return body === "" ? [] : body.split("/").map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function pathOf(t) {
  return `#/${t.map((x) => x.replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;
}
function subjectOf(t) {
  const n = t.length;
  if (n === 0) return "the root schema";
  const last = t[n - 1];
  const parent = t[n - 2];
  if (parent === "properties") return `property '${last}'`;
  if ((parent === "items" || parent === "prefixItems") && /^\d+$/.test(last)) return `item ${last}`;
  if (last === "items" || last === "additionalItems") return `the items of ${subjectOf(t.slice(0, -1))}`;
  if (last === "additionalProperties") return `the additional properties of ${subjectOf(t.slice(0, -1))}`;
  return `the schema at ${pathOf(t)}`;
}
var fmt = (v) => v === void 0 ? "none" : JsonStringify(v);
function JsonStringify(v) {
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
var bound = (what, looser, tighter) => {
  const make = (verb, fixText) => (c, owner, last) => ({
    message: `${what} (${last}) of ${owner} ${verb}${c.from !== void 0 || c.to !== void 0 ? ` (${fmt(c.from)} → ${fmt(c.to)})` : ""}`,
    fix: fixText(last)
  });
  const tightening = (l) => `keep '${l}' ${looser === "higher" ? "at least" : "at most"} what it was (${tighter}), or accept the break with a new subject`;
  const fine = () => "no change needed: every value accepted before is still accepted";
  return {
    ADDED: make("was added", (l) => `remove '${l}', or accept the break with a new subject`),
    REMOVED: make("was removed", fine),
    INCREASED: make("was increased", looser === "higher" ? fine : tightening),
    DECREASED: make("was decreased", looser === "higher" ? tightening : fine)
  };
};
var fixNewSubject = "or publish the change under a new subject";
var EXPLAIN = {
  ID_CHANGED: (c, o) => ({
    message: `the $id of ${o} changed (${fmt(c.from)} → ${fmt(c.to)})`,
    fix: "no change needed: $id does not restrict data"
  }),
  TITLE_CHANGED: (_c, o) => ({ message: `the title of ${o} changed`, fix: "no change needed" }),
  DESCRIPTION_CHANGED: (_c, o) => ({ message: `the description of ${o} changed`, fix: "no change needed" }),
  DEFAULT_CHANGED: (c, o) => ({
    message: `the default of ${o} changed (${fmt(c.from)} → ${fmt(c.to)})`,
    fix: "no change needed: defaults do not restrict data"
  }),
  SCHEMA_ADDED: (_c, _o, last) => ({
    message: `a '${last}' schema was added where there was none, so values it rejects are no longer accepted`,
    fix: `remove '${last}', or make it the empty schema {}, ${fixNewSubject}`
  }),
  SCHEMA_REMOVED: (_c, _o, last) => ({
    message: `the '${last}' schema was removed`,
    fix: "no change needed: the constraint is gone"
  }),
  TYPE_EXTENDED: (c, o) => ({
    message: `the type of ${o} was extended (${fmt(c.from)} → ${fmt(c.to)})`,
    fix: "no change needed"
  }),
  TYPE_NARROWED: (c, o) => ({
    message: `the type of ${o} was narrowed (${fmt(c.from)} → ${fmt(c.to)}): values valid before are now rejected`,
    fix: `keep the type ${fmt(c.from)}, ${fixNewSubject}`
  }),
  TYPE_CHANGED: (c, o) => ({
    message: `the type of ${o} changed (${fmt(c.from)} → ${fmt(c.to)})`,
    fix: `keep the type ${fmt(c.from)}, or accept both with {"oneOf": [old, new]}`
  }),
  PATTERN_ADDED: (c, o) => ({
    message: `a pattern ${fmt(c.to)} was added to ${o}`,
    fix: `remove the pattern, ${fixNewSubject}`
  }),
  PATTERN_REMOVED: (_c, o) => ({ message: `the pattern of ${o} was removed`, fix: "no change needed" }),
  PATTERN_CHANGED: (c, o) => ({
    message: `the pattern of ${o} changed (${fmt(c.from)} → ${fmt(c.to)})`,
    fix: `keep the pattern ${fmt(c.from)}, ${fixNewSubject}`
  }),
  MULTIPLE_OF_ADDED: (c, o) => ({
    message: `multipleOf ${fmt(c.to)} was added to ${o}`,
    fix: `remove multipleOf, ${fixNewSubject}`
  }),
  MULTIPLE_OF_REMOVED: (_c, o) => ({ message: `multipleOf was removed from ${o}`, fix: "no change needed" }),
  MULTIPLE_OF_REDUCED: (c, o) => ({
    message: `multipleOf of ${o} was reduced to a divisor (${fmt(c.from)} → ${fmt(c.to)})`,
    fix: "no change needed"
  }),
  MULTIPLE_OF_EXPANDED: (c, o) => ({
    message: `multipleOf of ${o} was expanded to a multiple (${fmt(c.from)} → ${fmt(c.to)}): fewer numbers are accepted`,
    fix: `use a divisor of ${fmt(c.from)} instead`
  }),
  MULTIPLE_OF_CHANGED: (c, o) => ({
    message: `multipleOf of ${o} changed (${fmt(c.from)} → ${fmt(c.to)}): numbers valid before are rejected`,
    fix: `use a divisor of ${fmt(c.from)} instead`
  }),
  REQUIRED_ATTRIBUTE_ADDED: (_c, _o, last) => ({
    message: `'${last}' became required: documents without it are now rejected`,
    fix: `leave '${last}' optional, or give it a default`
  }),
  REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED: (_c, _o, last) => ({
    message: `'${last}' became required and has a default`,
    fix: "no change needed"
  }),
  REQUIRED_ATTRIBUTE_REMOVED: (_c, _o, last) => ({
    message: `'${last}' is no longer required`,
    fix: "no change needed"
  }),
  DEPENDENCY_ARRAY_ADDED: (c, _o, last) => ({
    message: `a dependency of '${last}' on ${fmt(c.to)} was added`,
    fix: `remove the dependency of '${last}', ${fixNewSubject}`
  }),
  DEPENDENCY_ARRAY_REMOVED: (_c, _o, last) => ({
    message: `the dependency of '${last}' was removed`,
    fix: "no change needed"
  }),
  DEPENDENCY_ARRAY_EXTENDED: (c, _o, last) => ({
    message: `'${last}' now requires more properties (${fmt(c.from)} → ${fmt(c.to)})`,
    fix: `keep the dependency of '${last}' as it was (${fmt(c.from)})`
  }),
  DEPENDENCY_ARRAY_NARROWED: (c, _o, last) => ({
    message: `'${last}' now requires fewer properties (${fmt(c.from)} → ${fmt(c.to)})`,
    fix: "no change needed"
  }),
  DEPENDENCY_ARRAY_CHANGED: (c, _o, last) => ({
    message: `the properties '${last}' requires changed (${fmt(c.from)} → ${fmt(c.to)})`,
    fix: `keep the dependency of '${last}' a subset of ${fmt(c.from)}`
  }),
  DEPENDENCY_SCHEMA_ADDED: (_c, _o, last) => ({
    message: `a schema dependency for '${last}' was added`,
    fix: `remove the schema dependency of '${last}', ${fixNewSubject}`
  }),
  DEPENDENCY_SCHEMA_REMOVED: (_c, _o, last) => ({
    message: `the schema dependency of '${last}' was removed`,
    fix: "no change needed"
  }),
  ADDITIONAL_PROPERTIES_ADDED: (_c, o) => ({
    message: `${o} now allows additional properties`,
    fix: "no change needed"
  }),
  ADDITIONAL_PROPERTIES_REMOVED: (_c, o) => ({
    message: `${o} no longer allows additional properties (additionalProperties: false): documents with extra properties are rejected`,
    fix: "leave additionalProperties open, or use the lenient policy"
  }),
  ADDITIONAL_PROPERTIES_EXTENDED: (_c, o) => ({
    message: `the schema for additional properties of ${o} was removed, so any additional property is allowed`,
    fix: "no change needed"
  }),
  ADDITIONAL_PROPERTIES_NARROWED: (_c, o) => ({
    message: `additional properties of ${o} must now match a schema`,
    fix: "leave additionalProperties open, or use the lenient policy"
  }),
  UNEVALUATED_PROPERTIES_ADDED: (_c, o) => ({
    message: `${o} now allows unevaluated properties`,
    fix: "no change needed"
  }),
  UNEVALUATED_PROPERTIES_REMOVED: (_c, o) => ({
    message: `${o} no longer allows unevaluated properties`,
    fix: "leave unevaluatedProperties open, or use the lenient policy"
  }),
  UNEVALUATED_PROPERTIES_EXTENDED: (_c, o) => ({
    message: `the schema for unevaluated properties of ${o} was removed`,
    fix: "no change needed"
  }),
  UNEVALUATED_PROPERTIES_NARROWED: (_c, o) => ({
    message: `unevaluated properties of ${o} must now match a schema`,
    fix: "leave unevaluatedProperties open, or use the lenient policy"
  }),
  PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' with an empty schema was added to an open object`,
    fix: "no change needed"
  }),
  REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `required property '${last}' was added to an open object: old documents may lack it or hold any value under that name`,
    fix: `make '${last}' optional with an empty schema {}, or close the object in an earlier version`
  }),
  REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `required property '${last}' (with a default) was added to an open object: old documents may hold any value under that name`,
    fix: `give '${last}' the empty schema {}, close the object in an earlier version, or use the lenient policy`
  }),
  OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' was added to an open object: old documents may already hold any value under that name`,
    fix: `close the object (additionalProperties: false) in an earlier version, give '${last}' the empty schema {}, or use the lenient policy`
  }),
  REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `required property '${last}' was added to a closed object: old documents do not have it`,
    fix: `make '${last}' optional or give it a default`
  }),
  REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `required property '${last}' with a default was added to a closed object`,
    fix: "no change needed"
  }),
  OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `optional property '${last}' was added to a closed object`,
    fix: "no change needed"
  }),
  PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' was removed from an open object (it is still allowed as an additional property)`,
    fix: "no change needed"
  }),
  PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' was removed from a closed object: old documents that have it are now rejected`,
    fix: `keep '${last}' (it may be deprecated in its description), set it to false only in a new subject, or use the lenient policy`
  }),
  PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' (which was forbidden with false) was removed from a closed object`,
    fix: "no change needed"
  }),
  PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' was added and accepts everything the additional/pattern properties accepted`,
    fix: "no change needed"
  }),
  PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' was added with a schema narrower than the additional/pattern properties that covered it before`,
    fix: `give '${last}' a schema that accepts what additionalProperties/patternProperties accepted, or use the lenient policy`
  }),
  PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' was removed and its values are still accepted by the additional/pattern properties`,
    fix: "no change needed"
  }),
  PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' was removed and the additional/pattern properties reject values it accepted`,
    fix: `keep '${last}', widen additionalProperties/patternProperties to accept its values, or use the lenient policy`
  }),
  UNIQUE_ITEMS_ADDED: (_c, o) => ({
    message: `${o} now requires unique items`,
    fix: `remove uniqueItems, ${fixNewSubject}`
  }),
  UNIQUE_ITEMS_REMOVED: (_c, o) => ({
    message: `${o} no longer requires unique items`,
    fix: "no change needed"
  }),
  ADDITIONAL_ITEMS_ADDED: (_c, o) => ({
    message: `${o} now allows additional items`,
    fix: "no change needed"
  }),
  ADDITIONAL_ITEMS_REMOVED: (_c, o) => ({
    message: `${o} no longer allows additional items: longer arrays are rejected`,
    fix: "leave additional items open"
  }),
  ADDITIONAL_ITEMS_EXTENDED: (_c, o) => ({
    message: `the schema for additional items of ${o} was removed`,
    fix: "no change needed"
  }),
  ADDITIONAL_ITEMS_NARROWED: (_c, o) => ({
    message: `additional items of ${o} must now match a schema`,
    fix: "leave additional items open"
  }),
  UNEVALUATED_ITEMS_ADDED: (_c, o) => ({
    message: `${o} now allows unevaluated items`,
    fix: "no change needed"
  }),
  UNEVALUATED_ITEMS_REMOVED: (_c, o) => ({
    message: `${o} no longer allows unevaluated items`,
    fix: "leave unevaluatedItems open"
  }),
  UNEVALUATED_ITEMS_EXTENDED: (_c, o) => ({
    message: `the schema for unevaluated items of ${o} was removed`,
    fix: "no change needed"
  }),
  UNEVALUATED_ITEMS_NARROWED: (_c, o) => ({
    message: `unevaluated items of ${o} must now match a schema`,
    fix: "leave unevaluatedItems open"
  }),
  ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `item ${last} with an empty schema was added to an open array`,
    fix: "no change needed"
  }),
  ITEM_ADDED_TO_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `a schema for item ${last} was added to an array that accepted any item there`,
    fix: `give item ${last} the empty schema {}, or close the array (additional items false) in an earlier version`
  }),
  ITEM_ADDED_TO_CLOSED_CONTENT_MODEL: (_c, _o, last) => ({
    message: `item ${last} was added to a closed array`,
    fix: "no change needed"
  }),
  ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `the schema of item ${last} was removed from an open array`,
    fix: "no change needed"
  }),
  ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL: (_c, _o, last) => ({
    message: `item ${last} was removed from a closed array: old arrays that have it are now rejected`,
    fix: `keep item ${last}, or allow additional items`
  }),
  ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL: (_c, _o, last) => ({
    message: `item ${last} (forbidden with false) was removed from a closed array`,
    fix: "no change needed"
  }),
  ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `item ${last} was added and accepts everything the additional items accepted`,
    fix: "no change needed"
  }),
  ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `item ${last} was added with a schema narrower than the additional items that covered it before`,
    fix: `give item ${last} a schema that accepts what the additional items accepted`
  }),
  ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `item ${last} was removed and its values are still accepted by the additional items`,
    fix: "no change needed"
  }),
  ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `item ${last} was removed and the additional items reject values it accepted`,
    fix: `keep item ${last}, or widen the additional items schema`
  }),
  ENUM_ARRAY_EXTENDED: (c, o) => ({
    message: `the allowed values of ${o} were extended (${fmt(c.from)} → ${fmt(c.to)})`,
    fix: "no change needed"
  }),
  ENUM_ARRAY_NARROWED: (c, o) => ({
    message: `the allowed values of ${o} were narrowed (${fmt(c.from)} → ${fmt(c.to)}): old values are rejected`,
    fix: `keep every value of ${fmt(c.from)}`
  }),
  ENUM_ARRAY_CHANGED: (c, o) => ({
    message: `the allowed values of ${o} changed (${fmt(c.from)} → ${fmt(c.to)}): old values are rejected`,
    fix: `keep every value of ${fmt(c.from)} and only add new ones`
  }),
  COMBINED_TYPE_EXTENDED: (c, o) => ({
    message: `${o} changed from ${fmt(c.from)} to anyOf, which accepts more`,
    fix: "no change needed"
  }),
  COMBINED_TYPE_CHANGED: (c, o) => ({
    message: `${o} changed from ${fmt(c.from)} to ${fmt(c.to)}`,
    fix: `keep ${fmt(c.from)}, or change it to anyOf`
  }),
  PRODUCT_TYPE_EXTENDED: (_c, o) => ({
    message: `a constraint was added to ${o} (allOf grew)`,
    fix: `remove the added constraint, ${fixNewSubject}`
  }),
  PRODUCT_TYPE_NARROWED: (_c, o) => ({
    message: `a constraint was removed from ${o} (allOf shrank)`,
    fix: "no change needed"
  }),
  SUM_TYPE_EXTENDED: (_c, o) => ({
    message: `${o} accepts more alternatives (oneOf/anyOf grew)`,
    fix: "no change needed"
  }),
  SUM_TYPE_NARROWED: (_c, o) => ({
    message: `an alternative was removed from ${o} (oneOf/anyOf shrank): data matching it is rejected`,
    fix: "keep every alternative, and only add new ones"
  }),
  COMBINED_TYPE_SUBSCHEMAS_CHANGED: (c, o) => ({
    message: `the subschemas of ${o} changed so that some old subschema has no compatible counterpart${Array.isArray(c.from) && c.from.length > 0 ? ` (${c.from.join(", ")})` : ""}`,
    fix: "keep each old subschema (reordering is fine) and only loosen them"
  }),
  NOT_TYPE_EXTENDED: (_c, o) => ({
    message: `the 'not' of ${o} excludes more values than before`,
    fix: "keep the 'not' schema as it was, or narrow it"
  }),
  NOT_TYPE_NARROWED: (_c, o) => ({
    message: `the 'not' of ${o} excludes fewer values than before`,
    fix: "no change needed"
  })
};
function boundsFor(prefix, what, looser) {
  const b = bound(what, looser, looser === "higher" ? "raise it or leave it" : "lower it or leave it");
  for (const [suffix, fn] of Object.entries(b)) EXPLAIN[`${prefix}_${suffix}`] = fn;
}
boundsFor("MAX_LENGTH", "the maximum length", "higher");
boundsFor("MIN_LENGTH", "the minimum length", "lower");
boundsFor("MAXIMUM", "the maximum", "higher");
boundsFor("MINIMUM", "the minimum", "lower");
boundsFor("EXCLUSIVE_MAXIMUM", "the exclusive maximum", "higher");
boundsFor("EXCLUSIVE_MINIMUM", "the exclusive minimum", "lower");
boundsFor("MAX_PROPERTIES", "the maximum number of properties", "higher");
boundsFor("MIN_PROPERTIES", "the minimum number of properties", "lower");
boundsFor("MAX_ITEMS", "the maximum number of items", "higher");
boundsFor("MIN_ITEMS", "the minimum number of items", "lower");
boundsFor("MAX_CONTAINS", "the maximum number of matching items", "higher");
boundsFor("MIN_CONTAINS", "the minimum number of matching items", "lower");
function keywordDepth(type) {
  if (type.startsWith("REQUIRED_ATTRIBUTE") || type.startsWith("DEPENDENCY_")) return 2;
  if (ANNOTATION_CHANGES.has(type)) return 0;
  if (type.includes("TYPE") && !type.startsWith("NOT_")) return 0;
  if (type.includes("PROPERTY_") || type.startsWith("ITEM_")) return 0;
  return 1;
}
function explainChange(c) {
  const t = tokens(c.path);
  const last = t[t.length - 1] ?? "";
  const owner = subjectOf(t.slice(0, t.length - keywordDepth(c.type)));
  const explain = EXPLAIN[c.type];
  if (explain === void 0) return { message: `${c.type} at ${c.path}`, fix: "revert this change" };
  return explain(c, owner, last);
}
var FORWARD = {
  PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' was added, but the old schema is closed (additionalProperties: false), so its readers reject data that has it`,
    fix: `open the object in the old version first, or keep '${last}' out of the new schema`
  }),
  PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' was added with values the old schema's additional/pattern properties reject`,
    fix: `give '${last}' a schema within what additionalProperties/patternProperties allowed`
  }),
  REQUIRED_ATTRIBUTE_ADDED: (_c, _o, last) => ({
    message: `'${last}' is no longer required, but readers of the old schema require it`,
    fix: `keep '${last}' required (or give it a default in the old version)`
  }),
  TYPE_NARROWED: (c, o) => ({
    message: `the type of ${o} was widened (${fmt(c.to)} → ${fmt(c.from)}): readers of the old schema reject the new values`,
    fix: `keep the type ${fmt(c.to)}`
  }),
  TYPE_CHANGED: (c, o) => ({
    message: `the type of ${o} changed (${fmt(c.to)} → ${fmt(c.from)})`,
    fix: `keep the type ${fmt(c.to)}`
  }),
  ENUM_ARRAY_NARROWED: (c, o) => ({
    message: `values were added to ${o} (${fmt(c.to)} → ${fmt(c.from)}): readers of the old schema reject them`,
    fix: `add values only where readers use a schema that has them`
  }),
  SUM_TYPE_NARROWED: (_c, o) => ({
    message: `an alternative was added to ${o}: readers of the old schema reject data matching it`,
    fix: "remove the new alternative"
  }),
  ADDITIONAL_PROPERTIES_REMOVED: (_c, o) => ({
    message: `${o} now allows additional properties, which readers of the old (closed) schema reject`,
    fix: "keep additionalProperties: false"
  }),
  OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' was removed from an open object; readers of the old schema still expect its type there`,
    fix: `keep '${last}' in the schema (mark it deprecated in its description), or use the lenient policy`
  })
};
function explainForwardChange(c) {
  const t = tokens(c.path);
  const last = t[t.length - 1] ?? "";
  const owner = subjectOf(t.slice(0, t.length - keywordDepth(c.type)));
  const forward = FORWARD[c.type];
  if (forward !== void 0) return forward(c, owner, last);
  const base = explainChange(c);
  return {
    message: `readers of the old schema cannot read all new data: going from the new schema back to the old one, ${base.message}`,
    fix: `make the new schema accept nothing at ${c.path} that the old one rejects`
  };
}

// src/formats/jsonschema/validate.ts
import AjvModule from "ajv";
import Ajv2019Module from "ajv/dist/2019.js";
import Ajv2020Module from "ajv/dist/2020.js";

// node_modules/ajv/dist/refs/json-schema-draft-06.json
var json_schema_draft_06_default = {
  $schema: "http://json-schema.org/draft-06/schema#",
  $id: "http://json-schema.org/draft-06/schema#",
  title: "Core schema meta-schema",
  definitions: {
    schemaArray: {
      type: "array",
      minItems: 1,
      items: { $ref: "#" }
    },
    nonNegativeInteger: {
      type: "integer",
      minimum: 0
    },
    nonNegativeIntegerDefault0: {
      allOf: [{ $ref: "#/definitions/nonNegativeInteger" }, { default: 0 }]
    },
    simpleTypes: {
      enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
    },
    stringArray: {
      type: "array",
      items: { type: "string" },
      uniqueItems: true,
      default: []
    }
  },
  type: ["object", "boolean"],
  properties: {
    $id: {
      type: "string",
      format: "uri-reference"
    },
    $schema: {
      type: "string",
      format: "uri"
    },
    $ref: {
      type: "string",
      format: "uri-reference"
    },
    title: {
      type: "string"
    },
    description: {
      type: "string"
    },
    default: {},
    examples: {
      type: "array",
      items: {}
    },
    multipleOf: {
      type: "number",
      exclusiveMinimum: 0
    },
    maximum: {
      type: "number"
    },
    exclusiveMaximum: {
      type: "number"
    },
    minimum: {
      type: "number"
    },
    exclusiveMinimum: {
      type: "number"
    },
    maxLength: { $ref: "#/definitions/nonNegativeInteger" },
    minLength: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
    pattern: {
      type: "string",
      format: "regex"
    },
    additionalItems: { $ref: "#" },
    items: {
      anyOf: [{ $ref: "#" }, { $ref: "#/definitions/schemaArray" }],
      default: {}
    },
    maxItems: { $ref: "#/definitions/nonNegativeInteger" },
    minItems: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
    uniqueItems: {
      type: "boolean",
      default: false
    },
    contains: { $ref: "#" },
    maxProperties: { $ref: "#/definitions/nonNegativeInteger" },
    minProperties: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
    required: { $ref: "#/definitions/stringArray" },
    additionalProperties: { $ref: "#" },
    definitions: {
      type: "object",
      additionalProperties: { $ref: "#" },
      default: {}
    },
    properties: {
      type: "object",
      additionalProperties: { $ref: "#" },
      default: {}
    },
    patternProperties: {
      type: "object",
      additionalProperties: { $ref: "#" },
      default: {}
    },
    dependencies: {
      type: "object",
      additionalProperties: {
        anyOf: [{ $ref: "#" }, { $ref: "#/definitions/stringArray" }]
      }
    },
    propertyNames: { $ref: "#" },
    const: {},
    enum: {
      type: "array",
      minItems: 1,
      uniqueItems: true
    },
    type: {
      anyOf: [
        { $ref: "#/definitions/simpleTypes" },
        {
          type: "array",
          items: { $ref: "#/definitions/simpleTypes" },
          minItems: 1,
          uniqueItems: true
        }
      ]
    },
    format: { type: "string" },
    allOf: { $ref: "#/definitions/schemaArray" },
    anyOf: { $ref: "#/definitions/schemaArray" },
    oneOf: { $ref: "#/definitions/schemaArray" },
    not: { $ref: "#" }
  },
  default: {}
};

// src/formats/jsonschema/validate.ts
var validators = /* @__PURE__ */ new Map();
function validatorFor(draft) {
  const key = draft === "2019-09" || draft === "2020-12" ? draft : "legacy";
  let v = validators.get(key);
  if (v === void 0) {
    const options = { strict: false, allErrors: true, validateFormats: false };
    if (key === "2019-09") v = new Ajv2019Module.default(options);
    else if (key === "2020-12") v = new Ajv2020Module.default(options);
    else {
      const ajv = new AjvModule.default(options);
      ajv.addMetaSchema(json_schema_draft_06_default);
      v = ajv;
    }
    validators.set(key, v);
  }
  return v;
}
function describe(e) {
  const params = e.params;
  if (e.keyword === "enum" && Array.isArray(params["allowedValues"]))
    return `must be one of ${params["allowedValues"].map((x) => JSON.stringify(x)).join(", ")}`;
  return e.message ?? `fails the '${e.keyword}' rule of the meta-schema`;
}
function validateAgainstDraft(schema, draft) {
  const v = validatorFor(draft);
  let subject = schema;
  if (draft === "draft-04" || draft === "draft-06" || draft === "draft-07") {
    if (typeof schema === "object" && schema !== null && !Array.isArray(schema) && typeof schema["$schema"] === "string") {
      if (draft === "draft-04") subject = { ...schema, $schema: "http://json-schema.org/draft-07/schema#" };
    }
  }
  let valid;
  try {
    valid = v.validateSchema(subject);
  } catch {
    const { $schema: _ignored, ...rest } = subject;
    void _ignored;
    valid = v.validateSchema(rest);
  }
  if (valid === true) return [];
  const errors = v.errors ?? [];
  const out = [];
  const byPointer = /* @__PURE__ */ new Map();
  for (const e of errors) {
    if (draft === "draft-04" && (e.instancePath.endsWith("/exclusiveMinimum") || e.instancePath.endsWith("/exclusiveMaximum")))
      continue;
    const list = byPointer.get(e.instancePath) ?? [];
    list.push(e);
    byPointer.set(e.instancePath, list);
  }
  for (const [pointer, list] of byPointer) {
    const specific = list.filter((e) => e.keyword !== "anyOf" && e.keyword !== "oneOf" && e.keyword !== "if");
    const branched = list.some((e) => e.keyword === "anyOf" || e.keyword === "oneOf");
    const firstBranches = branched ? specific.slice(0, 1) : specific;
    const chosen = firstBranches.length > 0 ? firstBranches : list;
    const messages = [...new Set(chosen.map(describe))];
    out.push({ pointer, message: messages.join(" or ") });
  }
  return out;
}

// src/formats/jsonschema/index.ts
function issueAt(doc, rule, message, pointer) {
  const pos = doc === void 0 ? { line: 1, column: 1 } : positionOf(doc, pointer);
  return { rule, message, pointer, line: pos.line, column: pos.column };
}
function parseReferences(references) {
  const docs = [];
  const issues = [];
  for (const r of references ?? []) {
    try {
      docs.push({ name: r.name, value: parseJson(r.text, r.name).value });
    } catch (e) {
      if (!(e instanceof SchemagateError)) throw e;
      issues.push({
        rule: "INVALID_JSON",
        message: `the referenced schema '${r.name}' is not valid JSON: ${e.message} (line ${e.location.line ?? 1}, column ${e.location.column ?? 1})`,
        pointer: "",
        line: 1,
        column: 1
      });
    }
  }
  return { docs, issues };
}
function parseJsonSchema(text, options = {}) {
  let doc;
  try {
    doc = parseJson(text, options.file);
  } catch (e) {
    if (!(e instanceof SchemagateError)) throw e;
    return {
      ok: false,
      issues: [
        {
          rule: "INVALID_JSON",
          message: e.message,
          pointer: "",
          line: e.location.line ?? 1,
          column: e.location.column ?? 1
        }
      ]
    };
  }
  const value = doc.value;
  if (typeof value !== "boolean" && (typeof value !== "object" || value === null || Array.isArray(value))) {
    return {
      ok: false,
      issues: [issueAt(doc, "INVALID_SCHEMA", "a JSON Schema must be an object or a boolean", "")]
    };
  }
  const draft = draftOf(value);
  const lenient = options.lenient === true;
  const issues = (lenient ? [] : validateAgainstDraft(value, draft)).map(
    (m) => issueAt(
      doc,
      "INVALID_SCHEMA",
      `invalid JSON Schema (${draft}): ${m.pointer === "" ? "the schema" : `'#${m.pointer}'`} ${m.message}`,
      m.pointer
    )
  );
  const refs = parseReferences(options.references);
  issues.push(...refs.issues);
  const loaded = loadSchema(value, refs.docs);
  if (!lenient) for (const i of loaded.issues) issues.push(issueAt(doc, i.rule, i.message, i.pointer));
  if (issues.length > 0)
    return { ok: false, issues: issues.sort((x, y) => x.line - y.line || x.column - y.column) };
  const schema = { format: "json", text, doc, draft, root: loaded.root };
  if (options.file !== void 0) schema.file = options.file;
  return { ok: true, schema };
}
function existingPointer(doc, pointer) {
  let p = pointer;
  while (p !== "" && !doc.positions.has(p)) p = p.slice(0, p.lastIndexOf("/"));
  return p;
}
function toSchema(input, references) {
  const text = typeof input === "string" ? input : JSON.stringify(input);
  const r = parseJsonSchema(text, references === void 0 ? {} : { references });
  if (!r.ok) {
    const first = r.issues[0];
    throw new SchemagateError("INVALID_SCHEMA", first.message, {
      line: first.line,
      column: first.column,
      pointer: first.pointer
    });
  }
  return r.schema;
}
function diffJsonSchemas(original, update, options = {}) {
  const a = toSchema(original, options.references);
  const b = toSchema(update, options.references);
  const outcome = compareSchemaNodes(a.root, b.root, options.policy ?? "strict");
  return {
    changes: outcome.changes.map((c) => ({ type: c.type, path: c.path })),
    compatible: outcome.compatible
  };
}
function kindOf(type) {
  if (type.endsWith("_ADDED") || type.includes("_ADDED_")) return "added";
  if (type.endsWith("_REMOVED") || type.includes("_REMOVED_")) return "removed";
  return "changed";
}
function jsonSchemaFormatWith(options = {}) {
  const policy = options.policy ?? "strict";
  const allowed = allowedChanges(policy);
  return {
    id: "json",
    registryType: "JSON",
    parse: parseJsonSchema,
    canonical(schema) {
      return JSON.stringify(schema.doc.value);
    },
    normalized(schema) {
      return stableJson(schema.doc.value);
    },
    check(reader, writer, context) {
      const outcome = compareSchemaNodes(writer.root, reader.root, policy);
      const candidateIsUpdate = context.reader === "new";
      const candidate = candidateIsUpdate ? reader : writer;
      return outcome.changes.filter((c) => !allowed.has(c.type)).map((c) => {
        const e = context.reader === "old" ? explainForwardChange(c) : explainChange(c);
        return {
          errorType: c.type,
          path: c.path,
          candidatePointer: existingPointer(
            candidate.doc,
            candidateIsUpdate ? c.updatePointer : c.originalPointer
          ),
          message: e.message,
          fix: e.fix
        };
      });
    },
    locate(schema, pointer) {
      return positionOf(schema.doc, pointer === "/" ? "" : pointer);
    },
    diff(from, to) {
      const forward = compareSchemaNodes(from.root, to.root, policy);
      const reverse = compareSchemaNodes(to.root, from.root, policy);
      const reverseBreaks = new Set(reverse.changes.filter((c) => !allowed.has(c.type)).map((c) => c.path));
      return forward.changes.map((c) => {
        const kind = kindOf(c.type);
        const breaks = [];
        if (!allowed.has(c.type)) breaks.push("new-reads-old");
        if (reverseBreaks.has(c.path)) breaks.push("old-reads-new");
        return {
          kind,
          pointer: kind === "removed" ? existingPointer(from.doc, c.originalPointer) : existingPointer(to.doc, c.updatePointer),
          summary: `${c.type} ${c.path}: ${explainChange(c).message}`,
          breaks
        };
      });
    }
  };
}
var jsonSchemaFormat = jsonSchemaFormatWith({ policy: "strict" });

export {
  CHANGE_TYPES,
  STRICT_ALLOWED,
  LENIENT_ALLOWED,
  allowedChanges,
  parsePolicy,
  compareSchemaNodes,
  explainChange,
  explainForwardChange,
  parseJsonSchema,
  diffJsonSchemas,
  jsonSchemaFormatWith,
  jsonSchemaFormat
};
