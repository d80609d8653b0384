import { escapePointerToken, type JsonValue } from '../json/parse.js';
import { ANNOTATION_CHANGES, allowedChanges, type ChangeType, type Policy } from './changes.js';
import {
  deref,
  isOpenArray,
  isOpenObject,
  schemaForExtraItem,
  schemaForExtraProperty,
  type Additional,
  type ArrayNode,
  type CombinedNode,
  type EnumNode,
  type NotNode,
  type NumberNode,
  type ObjectNode,
  type SchemaNode,
  type StringNode,
} from './model.js';

/** One difference between an original and an update, as Confluent's `SchemaDiff` reports it. */
export interface JsonSchemaChange {
  type: ChangeType;
  /** The registry's path: `#/properties/age`, `#/` for the root. */
  path: string;
  /** Best pointer (without '#') into the original and the update documents for this change. */
  originalPointer: string;
  updatePointer: string;
  /** The values before and after, when the change is about one value (a bound, a type, an enum). */
  from?: JsonValue;
  to?: JsonValue;
}

export interface DiffOutcome {
  changes: JsonSchemaChange[];
  /** Every change is in the policy's allow-list. */
  compatible: boolean;
}

interface Env {
  allowed: ReadonlySet<ChangeType>;
  /** Pairs being compared further up the stack: meeting one again means a recursive schema. */
  inProgress: Set<string>;
  trials: Map<string, 0 | 1 | 2>;
  /** Recursion cut-offs so far: a trial that met one depends on its context. */
  cuts: number;
  /** Comparisons so far; past a budget every trial is remembered, which bounds the work. */
  steps: number;
}

interface Scope {
  path: string;
  o: string;
  u: string;
  /** A side inside a referenced document: its pointers mean nothing in this one, so stop extending. */
  oForeign: boolean;
  uForeign: boolean;
}

/**
 * Where changes go. A sink with `stopUnless` belongs to a trial that only needs a verdict: the first
 * change outside that allow-list ends it (by throwing Verdict), which keeps subschema matching cheap.
 */
type Sink = JsonSchemaChange[] & { stopUnless?: ReadonlySet<ChangeType> };

class Verdict {}

function push(sink: Sink, changes: readonly JsonSchemaChange[]): void {
  for (const c of changes) {
    if (sink.stopUnless !== undefined && !sink.stopUnless.has(c.type)) throw new Verdict();
    sink.push(c);
  }
}

const EMPTY: SchemaNode = { kind: 'empty', uid: -1, src: undefined, meta: {} };
const FALSE: SchemaNode = { kind: 'false', uid: -2, src: undefined, meta: {} };

function extend(scope: Scope, segs: readonly string[]): Scope {
  if (segs.length === 0) return scope;
  const tail = segs.map((s) => `/${escapePointerToken(s)}`).join('');
  return {
    path: scope.path + tail,
    o: scope.oForeign ? scope.o : scope.o + tail,
    u: scope.uForeign ? scope.u : scope.u + tail,
    oForeign: scope.oForeign,
    uForeign: scope.uForeign,
  };
}

function at(scope: Scope, o: SchemaNode | undefined, u: SchemaNode | undefined): Scope {
  const s = { ...scope };
  if (o !== undefined && o.uid >= 0) {
    if (o.src === undefined) s.oForeign = true;
    else {
      s.o = o.src;
      s.oForeign = false;
    }
  }
  if (u !== undefined && u.uid >= 0) {
    if (u.src === undefined) s.uForeign = true;
    else {
      s.u = u.src;
      s.uForeign = false;
    }
  }
  return s;
}

function add(
  sink: Sink,
  scope: Scope,
  type: ChangeType,
  segs: readonly string[] = [],
  from?: JsonValue,
  to?: JsonValue,
): void {
  const s = extend(scope, segs);
  const c: JsonSchemaChange = {
    type,
    path: `#${s.path === '' ? '/' : s.path}`,
    originalPointer: s.o,
    updatePointer: s.u,
  };
  if (from !== undefined) c.from = from;
  if (to !== undefined) c.to = to;
  push(sink, [c]);
}

/** JSON text with object keys sorted: equal for equal JSON values. */
export function stableJson(v: JsonValue | undefined): string {
  if (v === undefined) return 'undefined';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`).join(',')}}`;
}

function isCompatible(env: Env, changes: Sink): boolean {
  return changes.every((c) => env.allowed.has(c.type));
}

function compareMeta(sink: Sink, scope: Scope, o: SchemaNode, u: SchemaNode): void {
  if (o.meta.id !== u.meta.id)
    add(sink, scope, 'ID_CHANGED', [u.meta.idKeyword ?? o.meta.idKeyword ?? '$id'], o.meta.id, u.meta.id);
  if (o.meta.title !== u.meta.title) add(sink, scope, 'TITLE_CHANGED', ['title'], o.meta.title, u.meta.title);
  if (o.meta.description !== u.meta.description)
    add(sink, scope, 'DESCRIPTION_CHANGED', ['description'], o.meta.description, u.meta.description);
  const od = o.meta.default;
  const ud = u.meta.default;
  if (
    (od === undefined) !== (ud === undefined) ||
    (od !== undefined && ud !== undefined && stableJson(od.value) !== stableJson(ud.value))
  )
    add(sink, scope, 'DEFAULT_CHANGED', ['default'], od?.value, ud?.value);
}

function kindName(n: SchemaNode): string {
  if (n.kind === 'number') return n.integer ? 'integer' : 'number';
  if (n.kind === 'combined') return n.criterion;
  if (n.kind === 'enum') return n.keyword;
  return n.kind;
}

/** Runs a comparison on the side; its changes are kept only if the caller decides so. */
function trial(env: Env, scope: Scope, o: SchemaNode, u: SchemaNode, skipMeta: boolean): Sink {
  const sink: Sink = [];
  compare(env, sink, scope, o, u, skipMeta);
  return sink;
}

const TRIAL_BUDGET = 20_000;

/** 0: no change at all, 1: compatible changes, 2: incompatible. */
function trialOutcome(env: Env, scope: Scope, o: SchemaNode, u: SchemaNode): 0 | 1 | 2 {
  const key = `${deref(o).uid}:${deref(u).uid}`;
  const hit = env.trials.get(key);
  if (hit !== undefined) return hit;
  const cutsBefore = env.cuts;
  const sink: Sink = [];
  sink.stopUnless = env.allowed;
  let outcome: 0 | 1 | 2;
  try {
    compare(env, sink, scope, o, u, false);
    outcome = sink.length === 0 ? 0 : 1;
  } catch (e) {
    if (!(e instanceof Verdict)) throw e;
    outcome = 2;
  }
  if (env.cuts === cutsBefore || env.steps > TRIAL_BUDGET) env.trials.set(key, outcome);
  return outcome;
}

function compare(
  env: Env,
  sink: Sink,
  outer: Scope,
  original: SchemaNode | undefined,
  update: SchemaNode | undefined,
  skipMeta = false,
): void {
  if (original === undefined && update === undefined) return;
  if (original === undefined) {
    add(sink, at(outer, undefined, update), 'SCHEMA_ADDED');
    return;
  }
  if (update === undefined) {
    add(sink, at(outer, original, undefined), 'SCHEMA_REMOVED');
    return;
  }
  const o = deref(original);
  const u = deref(update);
  // Identical text (and draft), with no $ref inside: nothing can differ, so skip the walk.
  if (o.hash !== undefined && o.hash === u.hash) return;
  const key = `${o.uid}:${u.uid}`;
  env.steps++;
  if (env.inProgress.has(key)) {
    env.cuts++;
    return;
  }
  env.inProgress.add(key);
  try {
    const scope = at(outer, o, u);
    if (!skipMeta) compareMeta(sink, scope, o, u);
    compareSchemas(env, sink, scope, o, u);
  } finally {
    env.inProgress.delete(key);
  }
}

function compareSchemas(env: Env, sink: Sink, scope: Scope, o: SchemaNode, u: SchemaNode): void {
  // Anything may change to the empty schema, and nothing was valid under `false`.
  if ((u.kind === 'empty' || o.kind === 'false') && o.kind !== u.kind) return;
  if (o.kind !== 'combined' && u.kind === 'combined') {
    if (u.subschemas.length === 1) {
      const t = trial(env, scope, o, u.subschemas[0]!, true);
      if (isCompatible(env, t)) {
        push(sink, t);
        return;
      }
    } else if (u.criterion !== 'allOf') {
      for (const sub of u.subschemas) {
        const t = trial(env, scope, o, sub, true);
        if (isCompatible(env, t)) {
          push(sink, t);
          add(sink, scope, 'SUM_TYPE_EXTENDED');
          return;
        }
      }
    } else {
      // A constraint added beside the same type (`{"type":"string"}` → `{"type":"string","enum":[..]}`).
      const same = u.subschemas.find((s) => deref(s).kind === o.kind);
      if (same !== undefined && o.kind !== 'empty') {
        push(sink, trial(env, scope, o, same, true));
        add(sink, scope, 'PRODUCT_TYPE_EXTENDED');
        return;
      }
    }
  } else if (o.kind === 'combined' && u.kind !== 'combined') {
    if (o.subschemas.length === 1) {
      const t = trial(env, scope, o.subschemas[0]!, u, true);
      if (isCompatible(env, t)) {
        push(sink, t);
        return;
      }
    } else if (o.criterion === 'allOf') {
      for (const sub of o.subschemas) {
        const t = trial(env, scope, sub, u, true);
        if (isCompatible(env, t)) {
          push(sink, t);
          add(sink, scope, 'PRODUCT_TYPE_NARROWED');
          return;
        }
      }
    } else {
      // Alternatives dropped down to one (`{"type":["string","null"]}` → `{"type":"string"}`).
      for (const sub of o.subschemas) {
        const t = trial(env, scope, sub, u, true);
        if (isCompatible(env, t)) {
          push(sink, t);
          add(sink, scope, 'SUM_TYPE_NARROWED');
          return;
        }
      }
    }
  }
  if (o.kind !== u.kind) {
    add(sink, scope, 'TYPE_CHANGED', [], kindName(o), kindName(u));
    return;
  }
  switch (o.kind) {
    case 'string':
      return compareString(sink, scope, o, u as StringNode);
    case 'number':
      return compareNumber(sink, scope, o, u as NumberNode);
    case 'object':
      return compareObject(env, sink, scope, o, u as ObjectNode);
    case 'array':
      return compareArray(env, sink, scope, o, u as ArrayNode);
    case 'enum':
      return compareEnum(sink, scope, o, u as EnumNode);
    case 'combined':
      return compareCombined(env, sink, scope, o, u as CombinedNode);
    case 'not':
      return compareNot(env, sink, scope, o, u as NotNode);
    default:
      return;
  }
}

/** A numeric bound; whether INCREASED or DECREASED is the compatible one is the allow-list's business. */
function compareBound(
  sink: Sink,
  scope: Scope,
  keyword: string,
  prefix: string,
  o: number | undefined,
  u: number | undefined,
): void {
  if (o === u) return;
  if (o === undefined) add(sink, scope, `${prefix}_ADDED` as ChangeType, [keyword], undefined, u);
  else if (u === undefined) add(sink, scope, `${prefix}_REMOVED` as ChangeType, [keyword], o, undefined);
  else if (u > o) add(sink, scope, `${prefix}_INCREASED` as ChangeType, [keyword], o, u);
  else add(sink, scope, `${prefix}_DECREASED` as ChangeType, [keyword], o, u);
}

function compareString(sink: Sink, scope: Scope, o: StringNode, u: StringNode): void {
  compareBound(sink, scope, 'maxLength', 'MAX_LENGTH', o.maxLength, u.maxLength);
  compareBound(sink, scope, 'minLength', 'MIN_LENGTH', o.minLength, u.minLength);
  if (o.pattern !== u.pattern) {
    if (o.pattern === undefined) add(sink, scope, 'PATTERN_ADDED', ['pattern'], undefined, u.pattern);
    else if (u.pattern === undefined) add(sink, scope, 'PATTERN_REMOVED', ['pattern'], o.pattern, undefined);
    else add(sink, scope, 'PATTERN_CHANGED', ['pattern'], o.pattern, u.pattern);
  }
}

function divides(divisor: number, n: number): boolean {
  const q = n / divisor;
  return Math.abs(q - Math.round(q)) < 1e-9 * Math.max(1, Math.abs(q));
}

function compareNumber(sink: Sink, scope: Scope, o: NumberNode, u: NumberNode): void {
  compareBound(sink, scope, 'maximum', 'MAXIMUM', o.maximum, u.maximum);
  compareBound(sink, scope, 'minimum', 'MINIMUM', o.minimum, u.minimum);
  compareBound(sink, scope, 'exclusiveMaximum', 'EXCLUSIVE_MAXIMUM', o.exclusiveMaximum, u.exclusiveMaximum);
  compareBound(sink, scope, 'exclusiveMinimum', 'EXCLUSIVE_MINIMUM', o.exclusiveMinimum, u.exclusiveMinimum);
  if (o.multipleOf !== u.multipleOf) {
    if (o.multipleOf === undefined)
      add(sink, scope, 'MULTIPLE_OF_ADDED', ['multipleOf'], undefined, u.multipleOf);
    else if (u.multipleOf === undefined)
      add(sink, scope, 'MULTIPLE_OF_REMOVED', ['multipleOf'], o.multipleOf, undefined);
    else if (divides(u.multipleOf, o.multipleOf))
      add(sink, scope, 'MULTIPLE_OF_REDUCED', ['multipleOf'], o.multipleOf, u.multipleOf);
    else if (divides(o.multipleOf, u.multipleOf))
      add(sink, scope, 'MULTIPLE_OF_EXPANDED', ['multipleOf'], o.multipleOf, u.multipleOf);
    else add(sink, scope, 'MULTIPLE_OF_CHANGED', ['multipleOf'], o.multipleOf, u.multipleOf);
  }
  if (o.integer !== u.integer)
    add(sink, scope, o.integer ? 'TYPE_EXTENDED' : 'TYPE_NARROWED', [], kindName(o), kindName(u));
}

function additionalNode(a: Additional): SchemaNode {
  return a.schema ?? (a.permits ? EMPTY : FALSE);
}

function compareAdditional(
  env: Env,
  sink: Sink,
  scope: Scope,
  keyword: string,
  prefix: string,
  o: Additional,
  u: Additional,
): void {
  if (o.permits !== u.permits)
    add(sink, scope, `${prefix}_${o.permits ? 'REMOVED' : 'ADDED'}` as ChangeType, [keyword]);
  else if (o.schema === undefined && u.schema !== undefined)
    add(sink, scope, `${prefix}_NARROWED` as ChangeType, [keyword]);
  else if (o.schema !== undefined && u.schema === undefined)
    add(sink, scope, `${prefix}_EXTENDED` as ChangeType, [keyword]);
  else if (o.schema !== undefined && u.schema !== undefined)
    compare(env, sink, extend(scope, [keyword]), o.schema, u.schema);
}

function hasDefault(n: SchemaNode | undefined): boolean {
  return n !== undefined && (n.meta.default !== undefined || deref(n).meta.default !== undefined);
}

function compareObject(env: Env, sink: Sink, scope: Scope, o: ObjectNode, u: ObjectNode): void {
  compareAdditional(
    env,
    sink,
    scope,
    'additionalProperties',
    'ADDITIONAL_PROPERTIES',
    o.additional,
    u.additional,
  );
  compareAdditional(
    env,
    sink,
    scope,
    'unevaluatedProperties',
    'UNEVALUATED_PROPERTIES',
    o.unevaluated,
    u.unevaluated,
  );
  for (const name of o.required) {
    if (!u.required.includes(name)) add(sink, scope, 'REQUIRED_ATTRIBUTE_REMOVED', ['required', name]);
  }
  for (const name of u.required) {
    if (o.required.includes(name)) continue;
    add(
      sink,
      scope,
      hasDefault(u.properties.get(name))
        ? 'REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED'
        : 'REQUIRED_ATTRIBUTE_ADDED',
      ['required', name],
    );
  }
  compareBound(sink, scope, 'maxProperties', 'MAX_PROPERTIES', o.maxProperties, u.maxProperties);
  compareBound(sink, scope, 'minProperties', 'MIN_PROPERTIES', o.minProperties, u.minProperties);
  compareDependencies(env, sink, scope, o, u);
  compareProperties(env, sink, scope, o, u);
}

function compareDependencies(env: Env, sink: Sink, scope: Scope, o: ObjectNode, u: ObjectNode): void {
  const arrayKeys = new Set([...o.dependencyArrays.keys(), ...u.dependencyArrays.keys()]);
  for (const k of arrayKeys) {
    const a = o.dependencyArrays.get(k);
    const b = u.dependencyArrays.get(k);
    const segs = [a === undefined ? u.dependencyArrayKeyword : o.dependencyArrayKeyword, k];
    if (a === undefined) add(sink, scope, 'DEPENDENCY_ARRAY_ADDED', segs, undefined, b);
    else if (b === undefined) add(sink, scope, 'DEPENDENCY_ARRAY_REMOVED', segs, a, undefined);
    else {
      const aInB = a.every((x) => b.includes(x));
      const bInA = b.every((x) => a.includes(x));
      if (aInB && bInA) continue;
      add(
        sink,
        scope,
        aInB ? 'DEPENDENCY_ARRAY_EXTENDED' : bInA ? 'DEPENDENCY_ARRAY_NARROWED' : 'DEPENDENCY_ARRAY_CHANGED',
        segs,
        a,
        b,
      );
    }
  }
  const schemaKeys = new Set([...o.dependencySchemas.keys(), ...u.dependencySchemas.keys()]);
  for (const k of schemaKeys) {
    const a = o.dependencySchemas.get(k);
    const b = u.dependencySchemas.get(k);
    const segs = [a === undefined ? u.dependencySchemaKeyword : o.dependencySchemaKeyword, k];
    if (a === undefined) add(sink, scope, 'DEPENDENCY_SCHEMA_ADDED', segs);
    else if (b === undefined) add(sink, scope, 'DEPENDENCY_SCHEMA_REMOVED', segs);
    else compare(env, sink, extend(scope, segs), a, b);
  }
}

function isEmptySchema(n: SchemaNode): boolean {
  const d = deref(n);
  return d.kind === 'empty';
}

function compareProperties(env: Env, sink: Sink, scope: Scope, o: ObjectNode, u: ObjectNode): void {
  const names = [...o.properties.keys()];
  for (const k of u.properties.keys()) if (!o.properties.has(k)) names.push(k);
  for (const name of names) {
    const a = o.properties.get(name);
    const b = u.properties.get(name);
    const here = extend(scope, ['properties', name]);
    if (a !== undefined && b !== undefined) {
      compare(env, sink, here, a, b);
    } else if (b === undefined && a !== undefined) {
      const s = at(here, a, undefined);
      if (isOpenObject(u)) add(sink, s, 'PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL');
      else {
        const cover = schemaForExtraProperty(u, name);
        if (cover !== undefined) {
          const t = trial(env, s, a, cover, false);
          push(sink, t);
          add(
            sink,
            s,
            isCompatible(env, t)
              ? 'PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL'
              : 'PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
          );
        } else {
          add(
            sink,
            s,
            deref(a).kind === 'false'
              ? 'PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL'
              : 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL',
          );
        }
      }
    } else if (b !== undefined) {
      const s = at(here, undefined, b);
      const required = u.required.includes(name);
      if (isOpenObject(o)) {
        if (isEmptySchema(b) && !required)
          add(sink, s, 'PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL');
        else if (required)
          add(
            sink,
            s,
            hasDefault(b)
              ? 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL'
              : 'REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL',
          );
        else add(sink, s, 'OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL');
      } else {
        const cover = schemaForExtraProperty(o, name);
        if (cover !== undefined) {
          const t = trial(env, s, cover, b, false);
          push(sink, t);
          add(
            sink,
            s,
            isCompatible(env, t)
              ? 'PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL'
              : 'PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
          );
        }
        if (required)
          add(
            sink,
            s,
            hasDefault(b)
              ? 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL'
              : 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
          );
        else add(sink, s, 'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL');
      }
    }
  }
}

function compareArray(env: Env, sink: Sink, scope: Scope, o: ArrayNode, u: ArrayNode): void {
  compareBound(sink, scope, 'maxItems', 'MAX_ITEMS', o.maxItems, u.maxItems);
  compareBound(sink, scope, 'minItems', 'MIN_ITEMS', o.minItems, u.minItems);
  if (o.uniqueItems !== u.uniqueItems)
    add(sink, scope, o.uniqueItems ? 'UNIQUE_ITEMS_REMOVED' : 'UNIQUE_ITEMS_ADDED', ['uniqueItems']);
  if (o.contains !== undefined || u.contains !== undefined)
    compare(env, sink, extend(scope, ['contains']), o.contains, u.contains);
  compareBound(sink, scope, 'maxContains', 'MAX_CONTAINS', o.maxContains, u.maxContains);
  compareBound(sink, scope, 'minContains', 'MIN_CONTAINS', o.minContains, u.minContains);
  compareAdditional(env, sink, scope, 'unevaluatedItems', 'UNEVALUATED_ITEMS', o.unevaluated, u.unevaluated);
  if (o.tuple === undefined && u.tuple === undefined) {
    // Both describe every item with one schema (or not at all).
    if (!o.restDeclared && !u.restDeclared) return;
    const here = extend(scope, ['items']);
    compare(
      env,
      sink,
      here,
      o.restDeclared ? additionalNode(o.rest) : undefined,
      u.restDeclared ? additionalNode(u.rest) : undefined,
    );
    return;
  }
  const restKeyword = o.tuple !== undefined ? o.restKeyword : u.restKeyword;
  const tupleKeyword = o.tuple !== undefined ? o.tupleKeyword : u.tupleKeyword;
  compareAdditional(env, sink, scope, restKeyword, 'ADDITIONAL_ITEMS', o.rest, u.rest);
  const a = o.tuple ?? [];
  const b = u.tuple ?? [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    const here = extend(scope, [tupleKeyword, String(i)]);
    if (x !== undefined && y !== undefined) compare(env, sink, here, x, y);
    else if (x !== undefined) {
      const s = at(here, x, undefined);
      if (isOpenArray(u)) add(sink, s, 'ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL');
      else {
        const cover = schemaForExtraItem(u);
        if (cover !== undefined) {
          const t = trial(env, s, x, cover, false);
          push(sink, t);
          add(
            sink,
            s,
            isCompatible(env, t)
              ? 'ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL'
              : 'ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
          );
        } else
          add(
            sink,
            s,
            deref(x).kind === 'false'
              ? 'ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL'
              : 'ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL',
          );
      }
    } else if (y !== undefined) {
      const s = at(here, undefined, y);
      if (isOpenArray(o))
        add(
          sink,
          s,
          isEmptySchema(y)
            ? 'ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL'
            : 'ITEM_ADDED_TO_OPEN_CONTENT_MODEL',
        );
      else {
        const cover = schemaForExtraItem(o);
        if (cover !== undefined) {
          const t = trial(env, s, cover, y, false);
          push(sink, t);
          add(
            sink,
            s,
            isCompatible(env, t)
              ? 'ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL'
              : 'ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
          );
        } else add(sink, s, 'ITEM_ADDED_TO_CLOSED_CONTENT_MODEL');
      }
    }
  }
}

function compareEnum(sink: Sink, scope: Scope, o: EnumNode, u: EnumNode): void {
  const a = new Set(o.values.map(stableJson));
  const b = new Set(u.values.map(stableJson));
  const aInB = [...a].every((x) => b.has(x));
  const bInA = [...b].every((x) => a.has(x));
  if (aInB && bInA) return;
  const type: ChangeType = aInB ? 'ENUM_ARRAY_EXTENDED' : bInA ? 'ENUM_ARRAY_NARROWED' : 'ENUM_ARRAY_CHANGED';
  add(
    sink,
    scope,
    type,
    [o.keyword],
    o.keyword === 'const' ? o.values[0] : o.values,
    u.keyword === 'const' ? u.values[0] : u.values,
  );
}

/**
 * Kuhn's augmenting paths: the largest set of (original, update) pairs that are each compatible. Pairs
 * that are identical are matched first, so that reordered but unchanged subschemas find each other.
 */
function maximumMatching(
  n: number,
  m: number,
  outcome: (i: number, j: number) => 0 | 1 | 2,
): Array<number | undefined> {
  const exact: number[][] = [];
  const adj: number[][] = [];
  for (let i = 0; i < n; i++) {
    const same: number[] = [];
    const ok: number[] = [];
    for (let j = 0; j < m; j++) {
      const r = outcome(i, j);
      if (r === 0) same.push(j);
      else if (r === 1) ok.push(j);
    }
    exact.push(same);
    adj.push([...same, ...ok]);
  }
  const matchOfUpdate: Array<number | undefined> = new Array<number | undefined>(m).fill(undefined);
  const tryAssign = (edges: number[][], i: number, seen: boolean[]): boolean => {
    for (const j of edges[i]!) {
      if (seen[j]) continue;
      seen[j] = true;
      const owner = matchOfUpdate[j];
      if (owner === undefined || tryAssign(edges, owner, seen)) {
        matchOfUpdate[j] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < n; i++) tryAssign(exact, i, new Array<boolean>(m).fill(false));
  const matched = (i: number): boolean => matchOfUpdate.includes(i);
  for (let i = 0; i < n; i++) if (!matched(i)) tryAssign(adj, i, new Array<boolean>(m).fill(false));
  const matchOfOriginal: Array<number | undefined> = new Array<number | undefined>(n).fill(undefined);
  matchOfUpdate.forEach((i, j) => {
    if (i !== undefined) matchOfOriginal[i] = j;
  });
  return matchOfOriginal;
}

function compareCombined(env: Env, sink: Sink, scope: Scope, o: CombinedNode, u: CombinedNode): void {
  if (o.criterion !== u.criterion) {
    if (u.criterion === 'anyOf') add(sink, scope, 'COMBINED_TYPE_EXTENDED', [], o.criterion, u.criterion);
    else {
      add(sink, scope, 'COMBINED_TYPE_CHANGED', [], o.criterion, u.criterion);
      return;
    }
  }
  const n = o.subschemas.length;
  const m = u.subschemas.length;
  const product = u.criterion === 'allOf';
  if (n < m) add(sink, scope, product ? 'PRODUCT_TYPE_EXTENDED' : 'SUM_TYPE_EXTENDED');
  else if (n > m) add(sink, scope, product ? 'PRODUCT_TYPE_NARROWED' : 'SUM_TYPE_NARROWED');
  const matching = maximumMatching(n, m, (i, j) =>
    trialOutcome(env, scope, o.subschemas[i]!, u.subschemas[j]!),
  );
  const matched = matching.filter((j) => j !== undefined).length;
  if (matched < Math.min(n, m)) {
    // No compatible pairing. When the unpaired subschemas still pair up one-to-one by kind, say what
    // changed inside them (more useful than the registry's bare COMBINED_TYPE_SUBSCHEMAS_CHANGED).
    const freeUpdates = new Set<number>();
    for (let j = 0; j < m; j++) if (!matching.includes(j)) freeUpdates.add(j);
    for (let i = 0; i < n; i++) {
      if (matching[i] !== undefined) continue;
      const kind = deref(o.subschemas[i]!).kind;
      const candidates = [...freeUpdates].filter((j) => deref(u.subschemas[j]!).kind === kind);
      if (candidates.length !== 1) continue;
      matching[i] = candidates[0];
      freeUpdates.delete(candidates[0]!);
    }
    if (matching.filter((j) => j !== undefined).length < Math.min(n, m)) {
      add(sink, scope, 'COMBINED_TYPE_SUBSCHEMAS_CHANGED');
      return;
    }
  }
  matching.forEach((j, i) => {
    if (j === undefined) return;
    const here = o.synthetic ? scope : extend(scope, [o.criterion, String(i)]);
    compare(env, sink, here, o.subschemas[i], u.subschemas[j]);
  });
}

function compareNot(env: Env, sink: Sink, scope: Scope, o: NotNode, u: NotNode): void {
  const here = extend(scope, ['not']);
  const forward = trial(env, here, o.schema, u.schema, false).filter((c) => !ANNOTATION_CHANGES.has(c.type));
  if (forward.length === 0) return;
  // The excluded set grew unless the reverse comparison shows it only shrank.
  const reverse = trial(env, here, u.schema, o.schema, false).filter((c) => !ANNOTATION_CHANGES.has(c.type));
  add(
    sink,
    here,
    !isCompatible(env, forward) && isCompatible(env, reverse) ? 'NOT_TYPE_NARROWED' : 'NOT_TYPE_EXTENDED',
  );
}

/** Confluent's `SchemaDiff.compare(original, update)` over two loaded schemas, with a verdict for `policy`. */
export function compareSchemaNodes(
  original: SchemaNode,
  update: SchemaNode,
  policy: Policy = 'strict',
): DiffOutcome {
  const env: Env = {
    allowed: allowedChanges(policy),
    inProgress: new Set(),
    trials: new Map(),
    cuts: 0,
    steps: 0,
  };
  const sink: Sink = [];
  compare(env, sink, { path: '', o: '', u: '', oForeign: false, uForeign: false }, original, update);
  return { changes: sink, compatible: isCompatible(env, sink) };
}
