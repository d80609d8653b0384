/**
 * The named types an Avro schema defines and the ones it uses without defining: the latter must come
 * from other subjects as schema references (Avro references name the full name of the referenced type).
 */
export interface AvroNames {
  /** Full name of the top-level named type, when the schema is one. */
  topLevel: string | undefined;
  defined: Set<string>;
  /** Names used but not defined in this schema. */
  external: Set<string>;
}

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);

export function avroNames(schema: unknown): AvroNames {
  const defined = new Set<string>();
  const used = new Set<string>();
  const qualify = (name: string, ns: string): string => (name.includes('.') || ns === '' ? name : `${ns}.${name}`);
  const namespaceOf = (full: string): string => (full.includes('.') ? full.slice(0, full.lastIndexOf('.')) : '');

  const walk = (node: unknown, ns: string): string | undefined => {
    if (typeof node === 'string') {
      if (!PRIMITIVES.has(node)) used.add(qualify(node, ns));
      return undefined;
    }
    if (Array.isArray(node)) {
      for (const branch of node) walk(branch, ns);
      return undefined;
    }
    if (node === null || typeof node !== 'object') return undefined;
    const o = node as Record<string, unknown>;
    const type = o.type;
    if ((type === 'record' || type === 'error' || type === 'enum' || type === 'fixed') && typeof o.name === 'string') {
      const full = qualify(o.name, typeof o.namespace === 'string' ? o.namespace : ns);
      defined.add(full);
      if (Array.isArray(o.fields)) {
        for (const f of o.fields) if (f !== null && typeof f === 'object') walk((f as Record<string, unknown>).type, namespaceOf(full));
      }
      return full;
    }
    if (type === 'array') walk(o.items, ns);
    else if (type === 'map') walk(o.values, ns);
    else walk(type, ns);
    return undefined;
  };

  const topLevel = walk(schema, '');
  const external = new Set([...used].filter((n) => !defined.has(n)));
  return { topLevel, defined, external };
}
