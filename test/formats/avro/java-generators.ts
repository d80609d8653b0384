/**
 * Seeded schema pairs for the differential test against Apache Avro Java. Unlike `generators.ts` (valid
 * schemas only, for avsc), these may be invalid in the ways real schemas are: defaults of every type that
 * match the first, a later or no union branch, numbers written as strings, forward and recursive
 * references (qualified or not), aliases naming a sibling or the field itself, decimals that do not fit,
 * enum defaults. A pair is a schema and a realistic edit of it (fields added, removed, renamed with an
 * alias, types promoted or changed, symbols and branches added or removed, types renamed), or two
 * unrelated schemas whose names agree by position.
 */

/** A number written exactly as given (`1.0`, `1e3`), where JSON.stringify would normalise it. */
export class RawNumber {
  constructor(readonly text: string) {}
}

export type GenJson = null | boolean | number | string | RawNumber | GenJson[] | { [k: string]: GenJson };

/** Compact JSON, numbers of `RawNumber` as written. */
export function writeJson(v: GenJson): string {
  if (v instanceof RawNumber) return v.text;
  if (Array.isArray(v)) return `[${v.map(writeJson).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}:${writeJson(x)}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/** mulberry32: small, fast, and the same sequence on every machine. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
}

const PRIMITIVES = ['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string'];
const FIELD_NAMES = ['a', 'b', 'c', 'd', 'e'];
const SYMBOLS = ['X', 'Y', 'Z', 'W'];
const NAMESPACES = [undefined, undefined, undefined, 'ns', 'ns.inner'];

type Obj = { [k: string]: GenJson };
const isObj = (v: GenJson | undefined): v is Obj =>
  v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v) && !(v instanceof RawNumber);

interface Scope {
  /** Full names of the named types defined so far (and enclosing records), with how to write them. */
  names: { full: string; short: string; kind: string; enclosing: boolean }[];
  namespace: string | undefined;
  counter: { n: number };
}

export class SchemaGenerator {
  constructor(private readonly rng: Rng) {}

  record(scope: Scope, depth: number, path: string): Obj {
    const r = this.rng;
    const name = `R${path}`;
    const ns = r.pick(NAMESPACES);
    const inner = ns ?? scope.namespace;
    const full = inner === undefined ? name : `${inner}.${name}`;
    const own = { full, short: name, kind: 'record', enclosing: true };
    const child: Scope = { names: [...scope.names, own], namespace: inner, counter: scope.counter };
    const names = FIELD_NAMES.slice(0, r.int(depth > 2 ? 0 : 1, depth > 2 ? 2 : 4));
    const fields: Obj[] = [];
    for (const f of names) fields.push(this.field(child, depth, `${path}_${f}`, f, names));
    // A forward reference: the name is used by one field and defined by a later one.
    if (depth < 2 && r.chance(0.15)) {
      const fwd = `F${path}`;
      const useQualified = r.chance(0.5) && inner !== undefined;
      fields.push({
        name: 'fwd_use',
        type: r.chance(0.5)
          ? ['null', useQualified ? `${inner}.${fwd}` : fwd]
          : useQualified
            ? `${inner}.${fwd}`
            : fwd,
        ...(r.chance(0.3) ? { default: null } : {}),
      });
      fields.push({
        name: 'fwd_def',
        type: r.chance(0.5)
          ? { type: 'enum', name: fwd, symbols: ['X', 'Y'] }
          : { type: 'fixed', name: fwd, size: 2 },
      });
      if (r.chance(0.3)) {
        const def = fields.pop() as Obj;
        fields.splice(fields.length - 1, 0, def);
      }
      const last = fields[fields.length - 2];
      if (last !== undefined && r.chance(0.3) && isObj(last) && typeof last['type'] === 'string')
        last['default'] = 'X';
    }
    // A recursive field: the record refers to itself, with a null, record-valued or array default.
    if (r.chance(0.2)) {
      const ref = r.chance(0.8) ? name : full;
      const shape = r.int(0, 4);
      if (shape === 0) fields.push({ name: 'self', type: ['null', ref], default: null });
      else if (shape === 1) fields.push({ name: 'self', type: ['null', ref] });
      else if (shape === 2) fields.push({ name: 'self', type: { type: 'array', items: ref }, default: [] });
      else if (shape === 3) fields.push({ name: 'self', type: ['null', ref], default: {} });
      else fields.push({ name: 'self', type: { type: 'array', items: ref }, default: [{}] });
    }
    // A reference to an enclosing record from here (qualified or not).
    if (depth > 0 && r.chance(0.1)) {
      const enclosing = scope.names.filter((n) => n.enclosing);
      const target = enclosing.length > 0 ? r.pick(enclosing) : undefined;
      if (target !== undefined)
        fields.push({
          name: 'up',
          type: ['null', r.chance(0.5) ? target.short : target.full],
          default: null,
        });
    }
    const rec: Obj = { type: r.chance(0.03) ? 'error' : 'record', name };
    if (ns !== undefined) rec['namespace'] = ns;
    if (r.chance(0.1)) rec['aliases'] = [r.pick(['Old', `R${path}x`, 'ns.Other'])];
    if (r.chance(0.1)) rec['doc'] = r.chance(0.8) ? 'a record' : 7;
    if (ns === undefined && r.chance(0.03)) rec['namespace'] = r.pick<GenJson>([5, null, '']);
    rec['fields'] = fields;
    scope.names.push({ ...own, enclosing: false });
    return rec;
  }

  private field(scope: Scope, depth: number, path: string, name: string, siblings: string[]): Obj {
    const r = this.rng;
    const type = depth > 2 ? this.primitive() : this.type(scope, depth + 1, path);
    const f: Obj = { name, type };
    if (r.chance(0.55)) f['default'] = this.defaultFor(type, scope);
    if (r.chance(0.12)) {
      const choice = r.int(0, 3);
      f['aliases'] = [
        choice === 0
          ? name
          : choice === 1
            ? r.pick(siblings)
            : r.pick(FIELD_NAMES.filter((x) => !siblings.includes(x)).concat(['z'])),
      ];
    }
    if (r.chance(0.05)) f['order'] = r.pick(['descending', 'ignore', 'ascending']);
    if (r.chance(0.05)) f['doc'] = 'a field';
    return f;
  }

  primitive(): GenJson {
    return this.rng.pick(PRIMITIVES);
  }

  type(scope: Scope, depth: number, path: string): GenJson {
    const r = this.rng;
    if (depth < 4 && r.chance(0.25)) return this.union(scope, depth, path);
    return this.nonUnion(scope, depth, path);
  }

  private nonUnion(scope: Scope, depth: number, path: string): GenJson {
    const r = this.rng;
    const roll = r.next();
    const defined = scope.names.filter((n) => !n.enclosing);
    if (roll < 0.4 || depth >= 4) return this.primitive();
    if (roll < 0.48) return this.logical();
    if (roll < 0.56) return this.enumType(scope, path);
    if (roll < 0.62) return this.fixedType(scope, path);
    if (roll < 0.7 && defined.length > 0) {
      const t = r.pick(defined);
      return r.chance(0.6) ? t.short : t.full;
    }
    if (roll < 0.82) return this.record(scope, depth, path);
    if (roll < 0.91) return { type: 'array', items: this.type(scope, depth + 1, `${path}_i`) };
    return { type: 'map', values: this.type(scope, depth + 1, `${path}_v`) };
  }

  private logical(): GenJson {
    const r = this.rng;
    switch (r.int(0, 5)) {
      case 0:
        return { type: 'int', logicalType: 'date' };
      case 1:
        return { type: 'long', logicalType: 'timestamp-millis' };
      case 2:
        return { type: 'string', logicalType: 'uuid' };
      case 3: {
        const precision = r.int(0, 12);
        return { type: 'bytes', logicalType: 'decimal', precision, scale: r.int(0, precision + 1) };
      }
      case 4:
        return { type: 'int', logicalType: 'time-millis' };
      default:
        return { type: 'string', 'x-tag': r.pick(['pii', 'id']) };
    }
  }

  private enumType(scope: Scope, path: string): Obj {
    const r = this.rng;
    const symbols = SYMBOLS.slice(0, r.int(1, 4));
    const e: Obj = { type: 'enum', name: `E${path}`, symbols };
    const ns = r.pick(NAMESPACES);
    if (ns !== undefined) e['namespace'] = ns;
    if (r.chance(0.3)) e['default'] = r.chance(0.9) ? r.pick(symbols) : 'Q';
    this.define(scope, e);
    return e;
  }

  private fixedType(scope: Scope, path: string): Obj {
    const r = this.rng;
    const f: Obj = { type: 'fixed', name: `X${path}`, size: r.int(1, 8) };
    if (r.chance(0.3)) {
      f['logicalType'] = 'decimal';
      f['precision'] = r.int(1, 20);
    }
    this.define(scope, f);
    return f;
  }

  private define(scope: Scope, t: Obj): void {
    const ns = typeof t['namespace'] === 'string' ? t['namespace'] : scope.namespace;
    const short = t['name'] as string;
    scope.names.push({
      full: ns === undefined ? short : `${ns}.${short}`,
      short,
      kind: t['type'] as string,
      enclosing: false,
    });
  }

  private union(scope: Scope, depth: number, path: string): GenJson {
    const r = this.rng;
    const out: GenJson[] = [];
    const keys = new Set<string>();
    const n = r.int(1, 4);
    if (r.chance(0.6)) {
      out.push('null');
      keys.add('null');
    }
    for (let i = 0; i < n; i++) {
      const b = this.nonUnion(scope, depth + 1, `${path}_u${i}`);
      const key = branchKey(b, scope);
      if (keys.has(key)) continue;
      keys.add(key);
      out.push(b);
    }
    if (r.chance(0.2)) out.reverse();
    return out;
  }

  /** A default: usually right for the type (or some union branch), sometimes deliberately wrong. */
  defaultFor(type: GenJson, scope: Scope): GenJson {
    const r = this.rng;
    if (r.chance(0.1))
      return r.pick<GenJson>([
        null,
        1,
        new RawNumber('1.0'),
        'abc',
        '2.5',
        true,
        [],
        {},
        'X',
        new RawNumber('1e2'),
      ]);
    return this.valueOf(type, scope, 0);
  }

  private valueOf(type: GenJson, scope: Scope, depth: number): GenJson {
    const r = this.rng;
    if (Array.isArray(type)) {
      const b = type.length === 0 ? 'null' : r.chance(0.7) ? type[0] : r.pick(type);
      return this.valueOf(b ?? 'null', scope, depth);
    }
    if (typeof type === 'string') {
      switch (type) {
        case 'null':
          return null;
        case 'boolean':
          return r.chance(0.5);
        case 'int':
        case 'long':
          return r.pick<GenJson>([0, 7, -3]);
        case 'float':
        case 'double':
          return r.pick<GenJson>([1.5, 0, new RawNumber('2.0'), '3.25', 'NaN']);
        case 'bytes':
        case 'string':
          return r.pick(['', 'abc', '\u00ff']);
        default: {
          const named = scope.names.find((n) => n.short === type || n.full === type);
          if (named?.kind === 'enum') return 'X';
          if (named?.kind === 'fixed') return 'ab';
          return {};
        }
      }
    }
    if (!isObj(type)) return null;
    switch (type['type']) {
      case 'enum':
        return (type['symbols'] as string[])[0] ?? 'X';
      case 'fixed':
        return 'a'.repeat(type['size'] as number);
      case 'array':
        return depth > 2 || r.chance(0.5) ? [] : [this.valueOf(type['items'] as GenJson, scope, depth + 1)];
      case 'map':
        return depth > 2 || r.chance(0.5)
          ? {}
          : { k: this.valueOf(type['values'] as GenJson, scope, depth + 1) };
      case 'record':
      case 'error': {
        const out: Obj = {};
        for (const f of type['fields'] as Obj[]) {
          if (f['default'] !== undefined && r.chance(0.4)) continue;
          out[f['name'] as string] = depth > 3 ? null : this.valueOf(f['type'] as GenJson, scope, depth + 1);
        }
        return out;
      }
      default:
        return this.valueOf(type['type'] as GenJson, scope, depth);
    }
  }
}

function branchKey(t: GenJson, scope: Scope): string {
  if (typeof t === 'string') {
    const named = scope.names.find((n) => n.short === t || n.full === t);
    return named?.full ?? t;
  }
  if (isObj(t)) {
    const type = t['type'] as string;
    if (type === 'array' || type === 'map' || PRIMITIVES.includes(type)) return type;
    return typeof t['namespace'] === 'string' ? `${t['namespace']}.${String(t['name'])}` : String(t['name']);
  }
  return '?';
}

/** A realistic edit of a schema (a deep copy with one to three changes). */
export function mutate(schema: GenJson, rng: Rng): GenJson {
  const copy = structuredCloneGen(schema);
  const edits = rng.int(1, 3);
  for (let i = 0; i < edits; i++) {
    const nodes: Obj[] = [];
    collect(copy, nodes);
    const node = rng.pick(nodes);
    if (node !== undefined) editNode(node, rng);
  }
  return copy;
}

function structuredCloneGen(v: GenJson): GenJson {
  if (v instanceof RawNumber) return v;
  if (Array.isArray(v)) return v.map(structuredCloneGen);
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, structuredCloneGen(x)]));
  return v;
}

function collect(v: GenJson, out: Obj[]): void {
  if (Array.isArray(v)) v.forEach((x) => collect(x, out));
  else if (isObj(v)) {
    out.push(v);
    for (const x of Object.values(v)) collect(x, out);
  }
}

const PROMOTE: Record<string, string[]> = {
  int: ['long', 'float', 'double', 'string'],
  long: ['int', 'float', 'double'],
  float: ['double', 'int'],
  double: ['float', 'long'],
  string: ['bytes', 'int'],
  bytes: ['string'],
  boolean: ['int', 'null'],
  null: ['boolean'],
};

function editNode(node: Obj, rng: Rng): void {
  const type = node['type'];
  if ((type === 'record' || type === 'error') && Array.isArray(node['fields'])) {
    const fields = node['fields'] as Obj[];
    switch (rng.int(0, 5)) {
      case 0:
        fields.push({
          name: rng.pick(['n1', 'n2']),
          type: rng.pick(PRIMITIVES),
          ...(rng.chance(0.5) ? { default: null } : {}),
        });
        return;
      case 1:
        if (fields.length > 0) fields.splice(rng.int(0, fields.length - 1), 1);
        return;
      case 2: {
        const f = rng.pick(fields);
        if (f !== undefined) {
          const old = f['name'] as string;
          f['name'] = `${old}2`;
          if (rng.chance(0.6)) f['aliases'] = [old];
        }
        return;
      }
      case 3:
        node['name'] = `${String(node['name'])}V`;
        if (rng.chance(0.5))
          node['aliases'] = [rng.chance(0.5) ? String(node['name']).slice(0, -1) : 'Unrelated'];
        return;
      case 4: {
        const f = rng.pick(fields);
        if (f !== undefined) {
          if ('default' in f) delete f['default'];
          else f['default'] = rng.pick<GenJson>([null, 0, '', 'X', {}, []]);
        }
        return;
      }
      default: {
        const f = rng.pick(fields);
        if (f !== undefined) f['type'] = retype(f['type'] as GenJson, rng);
        return;
      }
    }
  }
  if (type === 'enum') {
    const symbols = node['symbols'] as string[];
    if (rng.chance(0.4))
      node['symbols'] = symbols.length > 1 && rng.chance(0.5) ? symbols.slice(0, -1) : [...symbols, 'V'];
    else if (rng.chance(0.5)) {
      if ('default' in node) delete node['default'];
      else node['default'] = symbols[0] ?? 'X';
    } else node['name'] = `${String(node['name'])}V`;
    return;
  }
  if (type === 'fixed') {
    if (rng.chance(0.7)) node['size'] = (node['size'] as number) + 1;
    else node['name'] = `${String(node['name'])}V`;
    return;
  }
  if (type === 'array') node['items'] = retype(node['items'] as GenJson, rng);
  else if (type === 'map') node['values'] = retype(node['values'] as GenJson, rng);
  else if (typeof type === 'string' && PROMOTE[type] !== undefined) node['type'] = rng.pick(PROMOTE[type]);
}

function retype(t: GenJson, rng: Rng): GenJson {
  if (typeof t === 'string' && PROMOTE[t] !== undefined) {
    if (rng.chance(0.3)) return ['null', t];
    return rng.pick(PROMOTE[t]);
  }
  if (Array.isArray(t)) {
    if (t.length > 1 && rng.chance(0.4)) return t.slice(0, -1);
    if (t.length === 2 && t[0] === 'null' && rng.chance(0.3)) return t[1] ?? 'null';
    const extra = rng.pick(PRIMITIVES);
    return t.some((b) => b === extra) ? t : [...t, extra];
  }
  if (rng.chance(0.5)) return ['null', t];
  return rng.pick(PRIMITIVES);
}

/** Seeded pairs: mostly a schema and an edit of it, sometimes two independent schemas. */
export function schemaPairs(seed: number, count: number): { a: string; b: string }[] {
  const rng = new Rng(seed);
  const gen = new SchemaGenerator(rng);
  const out: { a: string; b: string }[] = [];
  const fresh = (): GenJson => gen.record({ names: [], namespace: undefined, counter: { n: 0 } }, 0, '');
  for (let i = 0; i < count; i++) {
    const a = fresh();
    const b = rng.chance(0.8) ? mutate(a, rng) : fresh();
    out.push({ a: writeJson(a), b: writeJson(b) });
  }
  return out;
}
