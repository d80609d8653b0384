import { escapePointerToken, type JsonValue } from '../json/parse.js';
import { allowedChanges, type ChangeType, type Policy } from './changes.js';
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

function pointerTail(segs: readonly string[]): string {
  let tail = '';
  for (const s of segs) tail += `/${escapePointerToken(s)}`;
  return tail;
}

/** Steps into `segs` of both documents; the registry's path may name the step differently (`pathSegs`). */
function extend(scope: Scope, segs: readonly string[], pathSegs: readonly string[] = segs): Scope {
  if (segs.length === 0 && pathSegs.length === 0) return scope;
  const tail = pointerTail(segs);
  return {
    path: scope.path + (pathSegs === segs ? tail : pointerTail(pathSegs)),
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

/** Annotation changes carry the schema's own path, as in the registry; the pointer names the keyword. */
function compareMeta(sink: Sink, scope: Scope, o: SchemaNode, u: SchemaNode): void {
  if (o.meta.id !== u.meta.id)
    add(
      sink,
      extend(scope, [u.meta.idKeyword ?? o.meta.idKeyword ?? '$id'], []),
      'ID_CHANGED',
      [],
      o.meta.id,
      u.meta.id,
    );
  if (o.meta.title !== u.meta.title)
    add(sink, extend(scope, ['title'], []), 'TITLE_CHANGED', [], o.meta.title, u.meta.title);
  if (o.meta.description !== u.meta.description)
    add(
      sink,
      extend(scope, ['description'], []),
      'DESCRIPTION_CHANGED',
      [],
      o.meta.description,
      u.meta.description,
    );
  const od = o.meta.default;
  const ud = u.meta.default;
  if (
    (od === undefined) !== (ud === undefined) ||
    (od !== undefined && ud !== undefined && stableJson(od.value) !== stableJson(ud.value))
  )
    add(sink, extend(scope, ['default'], []), 'DEFAULT_CHANGED', [], od?.value, ud?.value);
}

function kindName(n: SchemaNode): string {
  if (n.kind === 'number') return n.integer ? 'integer' : 'number';
  if (n.kind === 'combined') return n.criterion;
  if (n.kind === 'enum') return n.keyword;
  return n.kind;
}

/** Runs a comparison on the side; its changes are kept only if the caller decides so. */
function trial(env: Env, scope: Scope, o: SchemaNode, u: SchemaNode): Sink {
  const sink: Sink = [];
  compare(env, sink, scope, o, u);
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
    compare(env, sink, scope, o, u);
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
    compareSchemas(env, sink, at(outer, o, u), o, u);
  } finally {
    env.inProgress.delete(key);
  }
}

/** The registry's classes: a `const` is not an `enum`, and the rest follow the node kinds. */
function sameKind(o: SchemaNode, u: SchemaNode): boolean {
  return o.kind === u.kind && (o.kind !== 'enum' || o.keyword === (u as EnumNode).keyword);
}

/**
 * A plain schema against a combined one (or the reverse), as the registry does before comparing kinds: a
 * one-branch combination stands for its branch, a new schema may be one alternative of a sum, and an old
 * product may lose all but one conjunct. True when that settled the comparison.
 */
function compareAcrossCombination(env: Env, sink: Sink, scope: Scope, o: SchemaNode, u: SchemaNode): boolean {
  if (o.kind !== 'combined' && u.kind === 'combined') {
    const single = u.subschemas.length === 1;
    if (!single && u.criterion === 'allOf') return false;
    for (const sub of u.subschemas) {
      const t = trial(env, scope, o, sub);
      if (!isCompatible(env, t)) {
        if (single) return false;
        continue;
      }
      push(sink, t);
      if (!single) add(sink, scope, 'SUM_TYPE_EXTENDED');
      return true;
    }
  } else if (o.kind === 'combined' && u.kind !== 'combined') {
    const single = o.subschemas.length === 1;
    if (!single && o.criterion !== 'allOf') return false;
    for (const sub of o.subschemas) {
      const t = trial(env, scope, sub, u);
      if (!isCompatible(env, t)) {
        if (single) return false;
        continue;
      }
      push(sink, t);
      if (!single) add(sink, scope, 'PRODUCT_TYPE_NARROWED');
      return true;
    }
  }
  return false;
}

function compareSchemas(env: Env, sink: Sink, scope: Scope, o: SchemaNode, u: SchemaNode): void {
  if (compareAcrossCombination(env, sink, scope, o, u)) return;
  if (!sameKind(o, u)) {
    // Anything may change to the empty schema, and nothing was valid under `false`.
    if (o.kind === 'false' || u.kind === 'empty') return;
    // Kafka Connect marks its bytes/decimal mappings; the registry lets those change representation.
    if (o.meta.connectType === 'bytes' && u.meta.connectType === 'bytes') return;
    add(sink, scope, 'TYPE_CHANGED', [], kindName(o), kindName(u));
    return;
  }
  compareMeta(sink, scope, o, u);
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

/** `additionalProperties` / `additionalItems`: absent or true, false, or a schema. */
function compareAdditional(
  env: Env,
  sink: Sink,
  outer: Scope,
  [keyword, pathKeyword]: [string, string],
  prefix: 'ADDITIONAL_PROPERTIES' | 'ADDITIONAL_ITEMS',
  o: Additional,
  u: Additional,
): void {
  if (o.permits === u.permits && o.schema === undefined && u.schema === undefined) return;
  const scope = extend(outer, [keyword], [pathKeyword]);
  if (o.permits !== u.permits) add(sink, scope, `${prefix}_${o.permits ? 'REMOVED' : 'ADDED'}`);
  else if (o.schema === undefined && u.schema !== undefined) add(sink, scope, `${prefix}_NARROWED`);
  else if (o.schema !== undefined && u.schema === undefined) add(sink, scope, `${prefix}_EXTENDED`);
  else if (o.schema !== undefined && u.schema !== undefined) compare(env, sink, scope, o.schema, u.schema);
}

/**
 * `unevaluatedProperties` / `unevaluatedItems` as the registry reads them: absent differs from `true`
 * (adding `true` counts as narrowed), `false` closes, anything else is a schema.
 */
function compareUnevaluated(
  env: Env,
  sink: Sink,
  outer: Scope,
  keyword: string,
  prefix: 'UNEVALUATED_PROPERTIES' | 'UNEVALUATED_ITEMS',
  original: SchemaNode | undefined,
  update: SchemaNode | undefined,
): void {
  if (original === undefined && update === undefined) return;
  const scope = extend(outer, [keyword]);
  const o = original === undefined ? undefined : deref(original).kind;
  const u = update === undefined ? undefined : deref(update).kind;
  if (o === undefined) add(sink, scope, `${prefix}_${u === 'false' ? 'REMOVED' : 'NARROWED'}`);
  else if (u === undefined) add(sink, scope, `${prefix}_${o === 'false' ? 'ADDED' : 'EXTENDED'}`);
  else if (o === 'false' && u !== 'false') add(sink, scope, `${prefix}_ADDED`);
  else if (o !== 'false' && u === 'false') add(sink, scope, `${prefix}_REMOVED`);
  else if (o === 'empty' && u !== 'empty') add(sink, scope, `${prefix}_NARROWED`);
  else if (o !== 'empty' && u === 'empty') add(sink, scope, `${prefix}_EXTENDED`);
  else compare(env, sink, scope, original, update);
}

function hasDefault(n: SchemaNode | undefined): boolean {
  return n !== undefined && (n.meta.default !== undefined || deref(n).meta.default !== undefined);
}

function compareObject(env: Env, sink: Sink, scope: Scope, o: ObjectNode, u: ObjectNode): void {
  compareRequired(sink, scope, o, u);
  compareProperties(env, sink, scope, o, u);
  compareDependencies(env, sink, scope, o, u);
  const additional = 'additionalProperties';
  compareAdditional(
    env,
    sink,
    scope,
    [additional, additional],
    'ADDITIONAL_PROPERTIES',
    o.additional,
    u.additional,
  );
  compareUnevaluated(
    env,
    sink,
    scope,
    'unevaluatedProperties',
    'UNEVALUATED_PROPERTIES',
    o.unevaluated,
    u.unevaluated,
  );
  compareBound(sink, scope, 'maxProperties', 'MAX_PROPERTIES', o.maxProperties, u.maxProperties);
  compareBound(sink, scope, 'minProperties', 'MIN_PROPERTIES', o.minProperties, u.minProperties);
}

/**
 * `required` is compared only for properties both versions declare, as the registry does: a name
 * required beside a new property is reported with that property (`REQUIRED_PROPERTY_ADDED_…`), and a
 * name required without any declared property is no change of its own.
 */
function compareRequired(sink: Sink, scope: Scope, o: ObjectNode, u: ObjectNode): void {
  const declaredInBoth = (name: string): boolean => o.properties.has(name) && u.properties.has(name);
  for (const name of o.required) {
    if (!u.required.includes(name) && declaredInBoth(name))
      add(sink, scope, 'REQUIRED_ATTRIBUTE_REMOVED', ['required', name]);
  }
  for (const name of u.required) {
    if (o.required.includes(name) || !declaredInBoth(name)) continue;
    add(
      sink,
      scope,
      hasDefault(u.properties.get(name))
        ? 'REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED'
        : 'REQUIRED_ATTRIBUTE_ADDED',
      ['required', name],
    );
  }
}

function compareDependencies(env: Env, sink: Sink, scope: Scope, o: ObjectNode, u: ObjectNode): void {
  const arrayKeys = new Set([...o.dependencyArrays.keys(), ...u.dependencyArrays.keys()]);
  for (const k of arrayKeys) {
    const a = o.dependencyArrays.get(k);
    const b = u.dependencyArrays.get(k);
    const here = extend(
      scope,
      [a === undefined ? u.dependencyArrayKeyword : o.dependencyArrayKeyword, k],
      ['dependencies', k],
    );
    if (a === undefined) add(sink, here, 'DEPENDENCY_ARRAY_ADDED', [], undefined, b);
    else if (b === undefined) add(sink, here, 'DEPENDENCY_ARRAY_REMOVED', [], a, undefined);
    else {
      const aInB = a.every((x) => b.includes(x));
      const bInA = b.every((x) => a.includes(x));
      if (aInB && bInA) continue;
      add(
        sink,
        here,
        aInB ? 'DEPENDENCY_ARRAY_EXTENDED' : bInA ? 'DEPENDENCY_ARRAY_NARROWED' : 'DEPENDENCY_ARRAY_CHANGED',
        [],
        a,
        b,
      );
    }
  }
  const schemaKeys = new Set([...o.dependencySchemas.keys(), ...u.dependencySchemas.keys()]);
  for (const k of schemaKeys) {
    const a = o.dependencySchemas.get(k);
    const b = u.dependencySchemas.get(k);
    const here = extend(
      scope,
      [a === undefined ? u.dependencySchemaKeyword : o.dependencySchemaKeyword, k],
      ['dependencies', k],
    );
    if (a === undefined) add(sink, here, 'DEPENDENCY_SCHEMA_ADDED');
    else if (b === undefined) add(sink, here, 'DEPENDENCY_SCHEMA_REMOVED');
    else compare(env, sink, here, a, b);
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
          const t = trial(env, s, a, cover);
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
          const t = trial(env, s, cover, b);
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

/**
 * Arrays as the registry compares them: the every-item schema at `items`, the tuple at `items/<i>` (also
 * for 2020-12 `prefixItems`), and what may follow the tuple at `additionalItems` (also for 2020-12 `items`).
 * The `contains` schema itself is not compared (the registry has no change type for it), only its counts.
 */
function compareArray(env: Env, sink: Sink, scope: Scope, o: ArrayNode, u: ArrayNode): void {
  if (o.allItems !== undefined || u.allItems !== undefined)
    compare(env, sink, extend(scope, ['items']), o.allItems, u.allItems);
  compareTuple(env, sink, scope, o, u);
  const keywords: [string, string] = [u.additionalKeyword, 'additionalItems'];
  compareAdditional(env, sink, scope, keywords, 'ADDITIONAL_ITEMS', o.additional, u.additional);
  compareUnevaluated(env, sink, scope, 'unevaluatedItems', 'UNEVALUATED_ITEMS', o.unevaluated, u.unevaluated);
  compareBound(sink, scope, 'maxItems', 'MAX_ITEMS', o.maxItems, u.maxItems);
  compareBound(sink, scope, 'minItems', 'MIN_ITEMS', o.minItems, u.minItems);
  if (o.uniqueItems !== u.uniqueItems)
    add(sink, scope, o.uniqueItems ? 'UNIQUE_ITEMS_REMOVED' : 'UNIQUE_ITEMS_ADDED', ['uniqueItems']);
  compareBound(sink, scope, 'maxContains', 'MAX_CONTAINS', o.maxContains, u.maxContains);
  compareBound(sink, scope, 'minContains', 'MIN_CONTAINS', o.minContains, u.minContains);
}

function compareTuple(env: Env, sink: Sink, scope: Scope, o: ArrayNode, u: ArrayNode): void {
  if (o.tuple === undefined && u.tuple === undefined) return;
  const tupleKeyword = o.tuple !== undefined ? o.tupleKeyword : u.tupleKeyword;
  const a = o.tuple ?? [];
  const b = u.tuple ?? [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    const here = extend(scope, [tupleKeyword, String(i)], ['items', String(i)]);
    if (x !== undefined && y !== undefined) compare(env, sink, here, x, y);
    else if (x !== undefined) {
      const s = at(here, x, undefined);
      if (isOpenArray(u)) add(sink, s, 'ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL');
      else {
        const cover = schemaForExtraItem(u);
        if (cover !== undefined) {
          const t = trial(env, s, x, cover);
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
          const t = trial(env, s, cover, y);
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

/**
 * A change of keyword the registry accepts: anything to `anyOf`, and between one-branch combinations
 * (where `oneOf`, `anyOf` and `allOf` all mean the branch) except a one-branch update of a `oneOf`/`anyOf`
 * that had several branches.
 */
function criterionChange(o: CombinedNode, u: CombinedNode): ChangeType | undefined {
  if (o.criterion === u.criterion) return undefined;
  const oneOld = o.subschemas.length === 1;
  const oneNew = u.subschemas.length === 1;
  if (
    u.criterion === 'anyOf' ||
    (oneOld && oneNew) ||
    (oneOld && u.criterion === 'oneOf') ||
    (oneNew && o.criterion === 'allOf')
  )
    return 'COMBINED_TYPE_EXTENDED';
  return 'COMBINED_TYPE_CHANGED';
}

/** The subschemas with exact duplicates dropped (the registry compares them as sets). */
function distinct(subschemas: readonly SchemaNode[]): SchemaNode[] {
  const seen = new Set<string>();
  return subschemas.filter((s) => {
    const key = s.shape ?? `#${s.uid}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function compareCombined(env: Env, sink: Sink, scope: Scope, o: CombinedNode, u: CombinedNode): void {
  const criterion = criterionChange(o, u);
  if (criterion !== undefined) add(sink, scope, criterion, [], o.criterion, u.criterion);
  if (criterion === 'COMBINED_TYPE_CHANGED') return;
  const a = distinct(o.subschemas);
  const b = distinct(u.subschemas);
  const n = a.length;
  const m = b.length;
  if (n < m) add(sink, scope, u.criterion === 'allOf' ? 'PRODUCT_TYPE_EXTENDED' : 'SUM_TYPE_EXTENDED');
  else if (n > m) add(sink, scope, o.criterion === 'allOf' ? 'PRODUCT_TYPE_NARROWED' : 'SUM_TYPE_NARROWED');
  const matching = maximumMatching(n, m, (i, j) => trialOutcome(env, scope, a[i]!, b[j]!));
  matching.forEach((j, i) => {
    if (j === undefined) return;
    const here = o.synthetic ? scope : extend(scope, [o.criterion, String(i)]);
    compare(env, sink, here, a[i], b[j]);
  });
  // No compatible pairing covers the smaller side: some old subschema lost its counterpart. The
  // unpaired old subschemas go with the change (as `from`) so that its message can name them.
  if (matching.filter((j) => j !== undefined).length < Math.min(n, m)) {
    const unpaired: string[] = [];
    matching.forEach((j, i) => {
      if (j === undefined) unpaired.push(o.synthetic ? kindName(deref(a[i]!)) : `${o.criterion}/${i}`);
    });
    add(sink, scope, 'COMBINED_TYPE_SUBSCHEMAS_CHANGED', [], unpaired);
  }
}

/**
 * The registry compares the two `not` schemas the other way round: when the new excluded set fits in
 * the old one, fewer values are excluded (NARROWED); otherwise more may be (EXTENDED).
 */
function compareNot(env: Env, sink: Sink, scope: Scope, o: NotNode, u: NotNode): void {
  const here = extend(scope, ['not']);
  const reverse = trial(env, here, u.schema, o.schema);
  // An unchanged `not` is no change (the registry would still say NOT_TYPE_NARROWED, which is compatible).
  if (reverse.length === 0 && trial(env, here, o.schema, u.schema).length === 0) return;
  add(sink, here, isCompatible(env, reverse) ? 'NOT_TYPE_NARROWED' : 'NOT_TYPE_EXTENDED');
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
