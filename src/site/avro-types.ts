import type { JsonObject, JsonValue } from '../formats/json/parse.js';

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);

export function isObject(v: JsonValue | undefined): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Avro named types by full name, from a schema and the schemas it references (each with its namespace). */
export class AvroNames {
  private readonly named = new Map<string, { schema: JsonObject; namespace: string }>();

  constructor(schemas: readonly JsonValue[]) {
    for (const s of schemas) this.collect(s, '');
  }

  private collect(s: JsonValue, namespace: string): void {
    if (Array.isArray(s)) {
      for (const b of s) this.collect(b, namespace);
      return;
    }
    if (!isObject(s)) return;
    const type = s['type'];
    if (typeof type === 'string' && ['record', 'error', 'enum', 'fixed'].includes(type)) {
      const full = fullName(s, namespace);
      if (full !== undefined && !this.named.has(full.name))
        this.named.set(full.name, { schema: s, namespace: full.namespace });
      const inner = full?.namespace ?? namespace;
      const fields = s['fields'];
      if (Array.isArray(fields))
        for (const f of fields) if (isObject(f)) this.collect(f['type'] ?? null, inner);
      return;
    }
    if (isObject(type) || Array.isArray(type)) this.collect(type, namespace);
    if (s['items'] !== undefined) this.collect(s['items'], namespace);
    if (s['values'] !== undefined) this.collect(s['values'], namespace);
  }

  /** The schema a type name stands for, looked up as written and in the enclosing namespace. */
  resolve(name: string, namespace: string): { schema: JsonObject; namespace: string } | undefined {
    return (
      (name.includes('.') ? undefined : this.named.get(namespace === '' ? name : `${namespace}.${name}`)) ??
      this.named.get(name)
    );
  }
}

export function fullName(s: JsonObject, namespace: string): { name: string; namespace: string } | undefined {
  const name = s['name'];
  if (typeof name !== 'string') return undefined;
  if (name.includes('.')) return { name, namespace: name.slice(0, name.lastIndexOf('.')) };
  const ns = typeof s['namespace'] === 'string' ? s['namespace'] : namespace;
  return { name: ns === '' ? name : `${ns}.${name}`, namespace: ns };
}

/** A type as the walkers see it: references resolved, its namespace known. */
export type AvroNode =
  | { kind: 'primitive'; type: string; logical: string | undefined }
  | { kind: 'record'; name: string; schema: JsonObject; namespace: string }
  | { kind: 'enum'; name: string; symbols: string[] }
  | { kind: 'fixed'; name: string; size: number; logical: string | undefined }
  | { kind: 'array'; items: JsonValue; namespace: string }
  | { kind: 'map'; values: JsonValue; namespace: string }
  | { kind: 'union'; branches: JsonValue[]; namespace: string }
  | { kind: 'unknown'; text: string };

export function nodeOf(s: JsonValue, namespace: string, names: AvroNames): AvroNode {
  if (typeof s === 'string') {
    if (PRIMITIVES.has(s)) return { kind: 'primitive', type: s, logical: undefined };
    const hit = names.resolve(s, namespace);
    return hit === undefined ? { kind: 'unknown', text: s } : nodeOf(hit.schema, hit.namespace, names);
  }
  if (Array.isArray(s)) return { kind: 'union', branches: s, namespace };
  if (!isObject(s)) return { kind: 'unknown', text: JSON.stringify(s) };
  const type = s['type'];
  const logical = typeof s['logicalType'] === 'string' ? s['logicalType'] : undefined;
  if (typeof type !== 'string') return nodeOf(type ?? null, namespace, names);
  const full = fullName(s, namespace);
  switch (type) {
    case 'record':
    case 'error':
      return { kind: 'record', name: full?.name ?? '?', schema: s, namespace: full?.namespace ?? namespace };
    case 'enum':
      return {
        kind: 'enum',
        name: full?.name ?? '?',
        symbols: Array.isArray(s['symbols'])
          ? s['symbols'].filter((x): x is string => typeof x === 'string')
          : [],
      };
    case 'fixed':
      return { kind: 'fixed', name: full?.name ?? '?', size: Number(s['size'] ?? 0), logical };
    case 'array':
      return { kind: 'array', items: s['items'] ?? null, namespace };
    case 'map':
      return { kind: 'map', values: s['values'] ?? null, namespace };
    default:
      if (PRIMITIVES.has(type)) return { kind: 'primitive', type, logical };
      return nodeOf(type, namespace, names);
  }
}

/** A short readable type: `string`, `long (timestamp-millis)`, `array<com.acme.Item>`, `null | string`. */
export function describe(s: JsonValue, namespace: string, names: AvroNames): string {
  const n = nodeOf(s, namespace, names);
  switch (n.kind) {
    case 'primitive':
      return n.logical === undefined ? n.type : `${n.type} (${n.logical})`;
    case 'record':
      return `record ${n.name}`;
    case 'enum':
      return `enum ${n.name} {${n.symbols.join(', ')}}`;
    case 'fixed':
      return `fixed ${n.name}[${n.size}]${n.logical === undefined ? '' : ` (${n.logical})`}`;
    case 'array':
      return `array<${describe(n.items, n.namespace, names)}>`;
    case 'map':
      return `map<${describe(n.values, n.namespace, names)}>`;
    case 'union':
      return n.branches.map((b) => describe(b, n.namespace, names)).join(' | ');
    case 'unknown':
      return n.text;
  }
}

/** The name Avro's JSON encoding uses for a union branch. */
export function branchName(s: JsonValue, namespace: string, names: AvroNames): string {
  const n = nodeOf(s, namespace, names);
  switch (n.kind) {
    case 'primitive':
      return n.type;
    case 'record':
    case 'enum':
    case 'fixed':
      return n.name;
    case 'array':
      return 'array';
    case 'map':
      return 'map';
    default:
      return 'unknown';
  }
}
