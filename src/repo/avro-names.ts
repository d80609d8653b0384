import type { JsonValue } from '../formats/json/parse.js';

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);
const NAMED = new Set(['record', 'error', 'enum', 'fixed']);

/** A type name used in a schema, with the JSON pointer of the string that names it. */
export interface NameUse {
  /** Candidate full names, most specific first (enclosing namespace applied, then as written). */
  candidates: string[];
  pointer: string;
  written: string;
}

export interface AvroNames {
  /** Full names of the named types this schema defines. */
  defined: Set<string>;
  /** Names used but not defined here: they must come from another schema (a reference). */
  external: NameUse[];
}

function fullName(name: string, namespace: string | undefined): string {
  return name.includes('.') || namespace === undefined || namespace === '' ? name : `${namespace}.${name}`;
}

function namespaceOf(full: string): string | undefined {
  const i = full.lastIndexOf('.');
  return i < 0 ? undefined : full.slice(0, i);
}

const esc = (t: string | number): string => String(t).replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The named types an Avro schema defines and the names it uses without defining them, found by walking
 * its JSON. This is what lets schemagate resolve references automatically: a name used here and defined
 * by another file under the root makes that file a reference.
 */
export function avroNames(value: JsonValue): AvroNames {
  const defined = new Set<string>();
  const uses: NameUse[] = [];
  const walk = (v: JsonValue, pointer: string, ns: string | undefined): void => {
    if (typeof v === 'string') {
      if (PRIMITIVES.has(v)) return;
      const candidates = v.includes('.') || ns === undefined ? [v] : [`${ns}.${v}`, v];
      uses.push({ candidates, pointer, written: v });
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((b, i) => walk(b, `${pointer}/${i}`, ns));
      return;
    }
    if (v === null || typeof v !== 'object') return;
    const type = v['type'];
    if (typeof type === 'string' && NAMED.has(type) && typeof v['name'] === 'string') {
      const own = typeof v['namespace'] === 'string' ? v['namespace'] : ns;
      const full = fullName(v['name'], own);
      defined.add(full);
      const inner = namespaceOf(full);
      const fields = v['fields'];
      if (Array.isArray(fields)) {
        fields.forEach((f, i) => {
          if (f !== null && typeof f === 'object' && !Array.isArray(f) && f['type'] !== undefined)
            walk(f['type'], `${pointer}/fields/${i}/type`, inner);
        });
      }
      return;
    }
    if (type === 'array' && v['items'] !== undefined) walk(v['items'], `${pointer}/items`, ns);
    else if (type === 'map' && v['values'] !== undefined) walk(v['values'], `${pointer}/values`, ns);
    else if (type !== undefined && typeof type !== 'string') walk(type, `${pointer}/type`, ns);
    else if (
      typeof type === 'string' &&
      !PRIMITIVES.has(type) &&
      type !== 'array' &&
      type !== 'map' &&
      !NAMED.has(type)
    )
      walk(type, `${pointer}/${esc('type')}`, ns);
  };
  walk(value, '', undefined);
  const external = uses.filter((u) => !u.candidates.some((c) => defined.has(c)));
  return { defined, external };
}
