import { joinPointer, type JsonObject, type JsonValue } from '../json/parse.js';
import type {
  Additional,
  ArrayNode,
  CombinedNode,
  Criterion,
  JsonSchemaDraft,
  Meta,
  NumberNode,
  ObjectNode,
  PatternProperty,
  RefNode,
  SchemaNode,
  StringNode,
} from './model.js';

/** A problem found while loading: an unresolvable `$ref` or a pattern that is not a valid regular expression. */
export interface LoadIssue {
  rule: 'UNRESOLVED_REF' | 'INVALID_PATTERN';
  message: string;
  /** Pointer into the main document (without '#'). */
  pointer: string;
}

export interface ReferencedDocument {
  /** The `$ref` URL or path the main schema uses for it. */
  name: string;
  value: JsonValue;
}

export interface LoadedSchema {
  root: SchemaNode;
  issues: LoadIssue[];
  /** How many nodes were built (a measure for benchmarks and tests). */
  size: number;
}

const STRING_KEYWORDS = ['minLength', 'maxLength', 'pattern'];
const NUMBER_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];
const OBJECT_KEYWORDS = [
  'properties',
  'required',
  'additionalProperties',
  'patternProperties',
  'minProperties',
  'maxProperties',
  'dependencies',
  'dependentRequired',
  'dependentSchemas',
  'unevaluatedProperties',
];
const ARRAY_KEYWORDS = [
  'items',
  'prefixItems',
  'additionalItems',
  'minItems',
  'maxItems',
  'uniqueItems',
  'contains',
  'minContains',
  'maxContains',
  'unevaluatedItems',
];
const CRITERIA: Criterion[] = ['allOf', 'anyOf', 'oneOf'];

function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function num(v: JsonValue | undefined): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
function has(o: JsonObject, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}

function decodeToken(token: string): string {
  let t = token;
  try {
    t = decodeURIComponent(token);
  } catch {
    // a literal '%' that is not an escape: keep the token as written
  }
  return t.replace(/~1/g, '/').replace(/~0/g, '~');
}

function valueAt(root: JsonValue, pointer: string): JsonValue | undefined {
  if (pointer === '') return root;
  let cur: JsonValue | undefined = root;
  for (const raw of pointer.slice(1).split('/')) {
    const t = decodeToken(raw);
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9]\d*)$/.test(t)) return undefined;
      cur = cur[Number(t)];
    } else if (isObject(cur)) {
      cur = has(cur, t) ? cur[t] : undefined;
    } else return undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** The JSON Schema draft a schema declares in `$schema`; draft-07 (the registry's default) otherwise. */
export function draftOf(value: JsonValue): JsonSchemaDraft {
  const s = isObject(value) ? value['$schema'] : undefined;
  if (typeof s !== 'string') return 'draft-07';
  if (s.includes('draft-04')) return 'draft-04';
  if (s.includes('draft-06')) return 'draft-06';
  if (s.includes('2019-09')) return '2019-09';
  if (s.includes('2020-12')) return '2020-12';
  return 'draft-07';
}

interface Doc {
  index: number;
  name: string;
  value: JsonValue;
  main: boolean;
  draft: JsonSchemaDraft;
  /** `$id`s, `$anchor`s and `#name` ids → pointer. */
  anchors: Map<string, string>;
  ids: Map<string, string>;
}

function indexDoc(doc: Doc): void {
  const idKey = doc.draft === 'draft-04' ? 'id' : '$id';
  const walk = (v: JsonValue, ptr: string, depth: number): void => {
    if (depth > 600) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${ptr}/${i}`, depth + 1));
      return;
    }
    if (!isObject(v)) return;
    const id = v[idKey];
    if (typeof id === 'string') {
      if (id.startsWith('#')) doc.anchors.set(id.slice(1), ptr);
      else {
        const [base, frag] = id.split('#', 2) as [string, string | undefined];
        doc.ids.set(base, ptr);
        if (frag !== undefined && frag !== '' && !frag.startsWith('/')) doc.anchors.set(frag, ptr);
      }
    }
    for (const k of ['$anchor', '$dynamicAnchor']) {
      const a = v[k];
      if (typeof a === 'string' && !doc.anchors.has(a)) doc.anchors.set(a, ptr);
    }
    for (const [k, x] of Object.entries(v)) walk(x, joinPointer(ptr, k), depth + 1);
  };
  walk(doc.value, '', 0);
}

/** Two 32-bit string hashes side by side: collisions are as unlikely as the test suite can tell. */
function hashText(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0).toString(36) + '.' + (h2 >>> 0).toString(36);
}

interface Fingerprint {
  hash: string;
  hasRef: boolean;
}

/** Fingerprints of JSON values, computed once per object (child hashes feed their parent's). */
function fingerprinter(): (v: JsonValue) => Fingerprint {
  const seen = new WeakMap<object, Fingerprint>();
  const fp = (v: JsonValue): Fingerprint => {
    if (v === null || typeof v !== 'object') return { hash: JSON.stringify(v), hasRef: false };
    const hit = seen.get(v);
    if (hit !== undefined) return hit;
    let hasRef = false;
    let text: string;
    if (Array.isArray(v)) {
      text =
        '[' +
        v
          .map((x) => {
            const f = fp(x);
            hasRef ||= f.hasRef;
            return f.hash;
          })
          .join(',') +
        ']';
    } else {
      const keys = Object.keys(v).sort();
      if (keys.includes('$ref') || keys.includes('$recursiveRef') || keys.includes('$dynamicRef'))
        hasRef = true;
      text =
        '{' +
        keys
          .map((k) => {
            const f = fp(v[k] as JsonValue);
            hasRef ||= f.hasRef;
            return `${JSON.stringify(k)}:${f.hash}`;
          })
          .join(',') +
        '}';
    }
    const out = { hash: text.length > 24 ? hashText(text) : text, hasRef };
    seen.set(v, out);
    return out;
  };
  return fp;
}

/** Drafts the registry loads with json-sKema and translates, rather than with the everit loader. */
function modernLoader(draft: JsonSchemaDraft): boolean {
  return draft === '2019-09' || draft === '2020-12';
}

/**
 * Whether a keyword, though present, does not make the registry read the schema as an object or array
 * schema: before 2019-09 the unevaluated* and *Contains keywords are unknown to its loader, and since
 * then an empty `properties` (or `patternProperties`) adds no constraint of its own.
 */
function saysNothing(draft: JsonSchemaDraft, keyword: string, value: JsonValue | undefined): boolean {
  if (!modernLoader(draft))
    return keyword.startsWith('unevaluated') || keyword === 'minContains' || keyword === 'maxContains';
  return (
    (keyword === 'properties' || keyword === 'patternProperties') &&
    isObject(value) &&
    Object.keys(value).length === 0
  );
}

function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

/** Node ids are unique across loads, so pairs from two schemas (in either order) never share a key. */
let lastUid = 0;

/**
 * Builds the model of a schema. `$ref`s are resolved after the nodes that contain them are built, so a
 * reference back to a schema being built (a recursive schema) becomes a cycle in the graph instead of an
 * endless descent. Never throws on malformed input: what cannot be understood is an empty schema.
 */
export function loadSchema(value: JsonValue, references: readonly ReferencedDocument[] = []): LoadedSchema {
  const docs: Doc[] = [];
  const addDoc = (name: string, v: JsonValue, main: boolean): Doc => {
    const d: Doc = {
      index: docs.length,
      name,
      value: v,
      main,
      draft: draftOf(v),
      anchors: new Map(),
      ids: new Map(),
    };
    indexDoc(d);
    docs.push(d);
    return d;
  };
  const mainDoc = addDoc('', value, true);
  const refDocs = references.map((r) => addDoc(r.name, r.value, false));
  const cache = new Map<string, SchemaNode>();
  const pending: Array<{ node: RefNode; doc: Doc; at: string }> = [];
  const issues: LoadIssue[] = [];
  let size = 0;

  const issue = (doc: Doc, rule: LoadIssue['rule'], message: string, pointer: string): void => {
    if (doc.main) issues.push({ rule, message, pointer });
    else issues.push({ rule, message: `${message} (in the referenced schema '${doc.name}')`, pointer: '' });
  };

  const findDoc = (from: Doc, base: string): { doc: Doc; pointer: string } | undefined => {
    if (base === '') return { doc: from, pointer: '' };
    for (const d of refDocs) if (d.name === base) return { doc: d, pointer: '' };
    for (const d of docs) {
      const p = d.ids.get(base);
      if (p !== undefined) return { doc: d, pointer: p };
    }
    const b = basename(base);
    for (const d of refDocs) if (basename(d.name) === b) return { doc: d, pointer: '' };
    for (const d of docs) {
      for (const [id, p] of d.ids) if (basename(id) === b) return { doc: d, pointer: p };
    }
    return undefined;
  };

  const resolve = (from: Doc, ref: string): { doc: Doc; pointer: string } | undefined => {
    for (const d of refDocs) if (d.name === ref) return { doc: d, pointer: '' };
    const hash = ref.indexOf('#');
    const base = hash < 0 ? ref : ref.slice(0, hash);
    const frag = hash < 0 ? '' : ref.slice(hash + 1);
    const target = findDoc(from, base);
    if (target === undefined) return undefined;
    let pointer = target.pointer;
    if (frag.startsWith('/')) pointer = base === '' ? frag : `${pointer}${frag}`;
    else if (frag !== '') {
      const a = target.doc.anchors.get(frag);
      if (a === undefined) return undefined;
      pointer = a;
    }
    const normalised =
      pointer === ''
        ? ''
        : '/' +
          pointer
            .slice(1)
            .split('/')
            .map((t) => decodeToken(t).replace(/~/g, '~0').replace(/\//g, '~1'))
            .join('/');
    if (valueAt(target.doc.value, normalised) === undefined) return undefined;
    return { doc: target.doc, pointer: normalised };
  };

  const regex = (doc: Doc, pattern: string, at: string): RegExp | undefined => {
    try {
      return new RegExp(pattern, 'u');
    } catch {
      try {
        return new RegExp(pattern);
      } catch {
        issue(doc, 'INVALID_PATTERN', `'${pattern}' is not a valid regular expression`, at);
        return undefined;
      }
    }
  };

  const metaOf = (doc: Doc, o: JsonObject): Meta => {
    const m: Meta = {};
    const idKey = doc.draft === 'draft-04' ? 'id' : '$id';
    const id = o[idKey];
    // The registry reads 2019-09 and 2020-12 schemas with another loader, which keeps no `$id` to compare.
    if (typeof id === 'string' && !modernLoader(doc.draft)) {
      m.id = id;
      m.idKeyword = idKey;
    }
    if (typeof o['title'] === 'string') m.title = o['title'];
    if (typeof o['description'] === 'string') m.description = o['description'];
    if (has(o, 'default')) m.default = { value: o['default'] as JsonValue };
    if (typeof o['connect.type'] === 'string') m.connectType = o['connect.type'];
    return m;
  };

  const src = (doc: Doc, ptr: string): string | undefined => (doc.main ? ptr : undefined);
  const nextUid = (): number => {
    size++;
    return ++lastUid;
  };

  const additional = (doc: Doc, o: JsonObject, key: string, ptr: string): Additional => {
    const v = o[key];
    if (v === undefined || v === true) return { permits: true };
    if (v === false) return { permits: false };
    if (isObject(v)) return { permits: true, schema: build(doc, joinPointer(ptr, key), v) };
    return { permits: true };
  };

  // Before 2019-09 the registry keeps unevaluated* as unknown keywords and never compares them.
  const unevaluatedOf = (doc: Doc, o: JsonObject, key: string, ptr: string): SchemaNode | undefined =>
    modernLoader(doc.draft) && has(o, key)
      ? build(doc, joinPointer(ptr, key), o[key] as JsonValue)
      : undefined;

  const buildString = (doc: Doc, o: JsonObject, ptr: string): StringNode => {
    const n: StringNode = { kind: 'string', uid: nextUid(), src: src(doc, ptr), meta: {} };
    const minLength = num(o['minLength']);
    const maxLength = num(o['maxLength']);
    if (minLength !== undefined) n.minLength = minLength;
    if (maxLength !== undefined) n.maxLength = maxLength;
    if (typeof o['pattern'] === 'string') {
      n.pattern = o['pattern'];
      regex(doc, n.pattern, joinPointer(ptr, 'pattern'));
    }
    return n;
  };

  const buildNumber = (doc: Doc, o: JsonObject, ptr: string, integer: boolean): NumberNode => {
    const n: NumberNode = { kind: 'number', integer, uid: nextUid(), src: src(doc, ptr), meta: {} };
    const minimum = num(o['minimum']);
    const maximum = num(o['maximum']);
    // draft-04 writes exclusiveness as a boolean beside minimum/maximum; the registry compares the bound
    // alone (the flag is no change type of its own), so the boolean is left out.
    if (minimum !== undefined) n.minimum = minimum;
    if (maximum !== undefined) n.maximum = maximum;
    const exMin = num(o['exclusiveMinimum']);
    const exMax = num(o['exclusiveMaximum']);
    if (exMin !== undefined) n.exclusiveMinimum = exMin;
    if (exMax !== undefined) n.exclusiveMaximum = exMax;
    const multipleOf = num(o['multipleOf']);
    if (multipleOf !== undefined && multipleOf > 0) n.multipleOf = multipleOf;
    return n;
  };

  const buildObject = (doc: Doc, o: JsonObject, ptr: string): ObjectNode => {
    const n: ObjectNode = {
      kind: 'object',
      uid: nextUid(),
      src: src(doc, ptr),
      meta: {},
      properties: new Map(),
      required: [],
      additional: { permits: true },
      patternProperties: [],
      dependencyArrays: new Map(),
      dependencySchemas: new Map(),
      dependencyArrayKeyword: has(o, 'dependentRequired') ? 'dependentRequired' : 'dependencies',
      dependencySchemaKeyword: has(o, 'dependentSchemas') ? 'dependentSchemas' : 'dependencies',
    };
    const props = o['properties'];
    if (isObject(props)) {
      const base = joinPointer(ptr, 'properties');
      for (const [k, v] of Object.entries(props)) n.properties.set(k, build(doc, joinPointer(base, k), v));
    }
    const req = o['required'];
    if (Array.isArray(req))
      for (const r of req) if (typeof r === 'string' && !n.required.includes(r)) n.required.push(r);
    n.additional = additional(doc, o, 'additionalProperties', ptr);
    const unevaluated = unevaluatedOf(doc, o, 'unevaluatedProperties', ptr);
    if (unevaluated !== undefined) n.unevaluated = unevaluated;
    const pp = o['patternProperties'];
    if (isObject(pp)) {
      const base = joinPointer(ptr, 'patternProperties');
      for (const [k, v] of Object.entries(pp)) {
        const at = joinPointer(base, k);
        const p: PatternProperty = { pattern: k, regex: regex(doc, k, at), schema: build(doc, at, v) };
        n.patternProperties.push(p);
      }
    }
    const minP = num(o['minProperties']);
    const maxP = num(o['maxProperties']);
    if (minP !== undefined) n.minProperties = minP;
    if (maxP !== undefined) n.maxProperties = maxP;
    for (const key of ['dependencies', 'dependentRequired', 'dependentSchemas']) {
      const deps = o[key];
      if (!isObject(deps)) continue;
      const base = joinPointer(ptr, key);
      for (const [k, v] of Object.entries(deps)) {
        if (Array.isArray(v) && key !== 'dependentSchemas')
          n.dependencyArrays.set(
            k,
            v.filter((x): x is string => typeof x === 'string'),
          );
        else if (key !== 'dependentRequired') n.dependencySchemas.set(k, build(doc, joinPointer(base, k), v));
      }
    }
    return n;
  };

  const buildArray = (doc: Doc, o: JsonObject, ptr: string): ArrayNode => {
    const modern = doc.draft === '2020-12';
    const n: ArrayNode = {
      kind: 'array',
      uid: nextUid(),
      src: src(doc, ptr),
      meta: {},
      tupleKeyword: modern ? 'prefixItems' : 'items',
      additional: { permits: true },
      additionalKeyword: modern ? 'items' : 'additionalItems',
      uniqueItems: o['uniqueItems'] === true,
    };
    const unevaluated = unevaluatedOf(doc, o, 'unevaluatedItems', ptr);
    if (unevaluated !== undefined) n.unevaluated = unevaluated;
    const tupleValue = o[n.tupleKeyword];
    if (Array.isArray(tupleValue)) {
      const base = joinPointer(ptr, n.tupleKeyword);
      n.tuple = tupleValue.map((v, i) => build(doc, `${base}/${i}`, v));
    }
    const items = o['items'];
    if (!modern) {
      // Before 2020-12 `items` is a tuple or the schema of every item, and additionalItems stands alone.
      if (items !== undefined && !Array.isArray(items))
        n.allItems = build(doc, joinPointer(ptr, 'items'), items);
      n.additional = additional(doc, o, 'additionalItems', ptr);
    } else if (items === false || (n.tuple !== undefined && isObject(items))) {
      // Since 2020-12 `items` closes the array (false) or types what follows the tuple; `items: true` says nothing.
      n.additional = additional(doc, o, 'items', ptr);
    } else if (isObject(items)) n.allItems = build(doc, joinPointer(ptr, 'items'), items);
    const minI = num(o['minItems']);
    const maxI = num(o['maxItems']);
    if (minI !== undefined) n.minItems = minI;
    if (maxI !== undefined) n.maxItems = maxI;
    // The registry does not compare `contains` itself; it is still loaded so that its references resolve.
    if (has(o, 'contains')) build(doc, joinPointer(ptr, 'contains'), o['contains'] as JsonValue);
    const minC = num(o['minContains']);
    const maxC = num(o['maxContains']);
    if (minC !== undefined) n.minContains = minC;
    // The registry reads 2020-12 `contains` with its default minContains of 1.
    else if (modern && has(o, 'contains')) n.minContains = 1;
    if (maxC !== undefined) n.maxContains = maxC;
    return n;
  };

  const buildTyped = (doc: Doc, type: string, o: JsonObject, ptr: string): SchemaNode => {
    switch (type) {
      case 'string':
        return buildString(doc, o, ptr);
      case 'integer':
        return buildNumber(doc, o, ptr, true);
      case 'number':
        return buildNumber(doc, o, ptr, false);
      case 'object':
        return buildObject(doc, o, ptr);
      case 'array':
        return buildArray(doc, o, ptr);
      case 'boolean':
        return { kind: 'boolean', uid: nextUid(), src: src(doc, ptr), meta: {} };
      case 'null':
        return { kind: 'null', uid: nextUid(), src: src(doc, ptr), meta: {} };
      default:
        return { kind: 'empty', uid: nextUid(), src: src(doc, ptr), meta: {} };
    }
  };

  const combined = (
    doc: Doc,
    criterion: Criterion,
    subschemas: SchemaNode[],
    ptr: string,
    synthetic: boolean,
  ): CombinedNode => ({
    kind: 'combined',
    criterion,
    subschemas,
    synthetic,
    uid: nextUid(),
    src: src(doc, ptr),
    meta: {},
  });

  const refNode = (doc: Doc, ref: string, ptr: string): RefNode => {
    const n: RefNode = { kind: 'ref', ref, target: undefined, uid: nextUid(), src: src(doc, ptr), meta: {} };
    pending.push({ node: n, doc, at: ptr });
    return n;
  };

  function buildUncached(doc: Doc, ptr: string, v: JsonValue): SchemaNode {
    if (v === false) return { kind: 'false', uid: nextUid(), src: src(doc, ptr), meta: {} };
    if (!isObject(v)) return { kind: 'empty', uid: nextUid(), src: src(doc, ptr), meta: {} };
    const meta = metaOf(doc, v);
    const legacyRef = doc.draft === 'draft-04' || doc.draft === 'draft-06' || doc.draft === 'draft-07';
    if (typeof v['$ref'] === 'string' && legacyRef) {
      // Before 2019-09 the keywords beside a $ref are ignored.
      const r = refNode(doc, v['$ref'], ptr);
      r.meta = meta;
      return r;
    }
    const parts: SchemaNode[] = [];
    const type = v['type'];
    if (typeof type === 'string') parts.push(buildTyped(doc, type, v, ptr));
    else if (Array.isArray(type)) {
      const types = type.filter((t): t is string => typeof t === 'string');
      if (types.length === 1) parts.push(buildTyped(doc, types[0]!, v, ptr));
      else if (types.length > 1)
        parts.push(
          combined(
            doc,
            'anyOf',
            types.map((t) => buildTyped(doc, t, v, ptr)),
            ptr,
            true,
          ),
        );
    } else {
      if (STRING_KEYWORDS.some((k) => has(v, k))) parts.push(buildString(doc, v, ptr));
      if (NUMBER_KEYWORDS.some((k) => has(v, k))) parts.push(buildNumber(doc, v, ptr, false));
      if (OBJECT_KEYWORDS.some((k) => has(v, k) && !saysNothing(doc.draft, k, v[k])))
        parts.push(buildObject(doc, v, ptr));
      if (ARRAY_KEYWORDS.some((k) => has(v, k) && !saysNothing(doc.draft, k, v[k])))
        parts.push(buildArray(doc, v, ptr));
    }
    if (Array.isArray(v['enum']))
      parts.push({
        kind: 'enum',
        keyword: 'enum',
        values: v['enum'],
        uid: nextUid(),
        src: src(doc, ptr),
        meta: {},
      });
    if (has(v, 'const') && doc.draft !== 'draft-04')
      parts.push({
        kind: 'enum',
        keyword: 'const',
        values: [v['const'] as JsonValue],
        uid: nextUid(),
        src: src(doc, ptr),
        meta: {},
      });
    if (has(v, 'not'))
      parts.push({
        kind: 'not',
        schema: build(doc, joinPointer(ptr, 'not'), v['not'] as JsonValue),
        uid: nextUid(),
        src: src(doc, ptr),
        meta: {},
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
          false,
        ),
      );
    }
    for (const k of ['$ref', '$recursiveRef', '$dynamicRef']) {
      const r = v[k];
      if (typeof r === 'string') parts.push(refNode(doc, r, ptr));
    }
    let node: SchemaNode;
    if (parts.length === 0) node = { kind: 'empty', uid: nextUid(), src: src(doc, ptr), meta: {} };
    else if (parts.length === 1) node = parts[0]!;
    else node = combined(doc, 'allOf', parts, ptr, true);
    node.meta = meta;
    return node;
  }

  const fingerprint = fingerprinter();
  function build(doc: Doc, ptr: string, v: JsonValue): SchemaNode {
    const key = `${doc.index}\u0000${ptr}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const node = buildUncached(doc, ptr, v);
    const f = fingerprint(v);
    node.shape = f.hash;
    if (!f.hasRef) node.hash = `${doc.draft}:${f.hash}`;
    else if (doc.main && ptr === '')
      node.hash = `${doc.draft}:${f.hash}:${refDocs.map((d) => `${d.name}=${d.draft}:${fingerprint(d.value).hash}`).join(';')}`;
    cache.set(key, node);
    return node;
  }

  const root = build(mainDoc, '', value);
  while (pending.length > 0) {
    const { node, doc, at } = pending.pop()!;
    const target = resolve(doc, node.ref);
    if (target === undefined) {
      issue(
        doc,
        'UNRESOLVED_REF',
        `$ref '${node.ref}' cannot be resolved${doc.main && !node.ref.startsWith('#') ? ': pass the referenced schema as a reference' : ''}`,
        joinPointer(at, '$ref'),
      );
      node.target = { kind: 'empty', uid: nextUid(), src: node.src, meta: {} };
      continue;
    }
    node.target = build(target.doc, target.pointer, valueAt(target.doc.value, target.pointer) as JsonValue);
  }
  return { root, issues, size };
}
