import type { FormatId } from '../formats/format.js';
import { joinPointer, type JsonValue } from '../formats/json/parse.js';

/** A place in a schema that lacks documentation (`lint.requireDoc`). */
export interface MissingDoc {
  pointer: string;
  what: string;
}

const isObject = (v: JsonValue | undefined): v is { [k: string]: JsonValue } =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Avro: named types (record, enum, fixed) and record fields without `doc`. JSON Schema: the root and
 * every property without `description`.
 */
export function missingDocs(format: FormatId, value: JsonValue): MissingDoc[] {
  const out: MissingDoc[] = [];
  if (format === 'avro') {
    const walk = (v: JsonValue, pointer: string): void => {
      if (Array.isArray(v)) return v.forEach((b, i) => walk(b, `${pointer}/${i}`));
      if (!isObject(v)) return;
      const t = v['type'];
      if (
        (t === 'record' || t === 'error' || t === 'enum' || t === 'fixed') &&
        typeof v['name'] === 'string'
      ) {
        if (typeof v['doc'] !== 'string') out.push({ pointer, what: `${t} '${v['name']}'` });
        const fields = v['fields'];
        if (Array.isArray(fields)) {
          fields.forEach((f, i) => {
            if (!isObject(f)) return;
            const fp = `${pointer}/fields/${i}`;
            if (typeof f['doc'] !== 'string') out.push({ pointer: fp, what: `field '${String(f['name'])}'` });
            if (f['type'] !== undefined) walk(f['type'], `${fp}/type`);
          });
        }
        return;
      }
      if (t === 'array' && v['items'] !== undefined) walk(v['items'], `${pointer}/items`);
      else if (t === 'map' && v['values'] !== undefined) walk(v['values'], `${pointer}/values`);
      else if (t !== undefined && typeof t !== 'string') walk(t, `${pointer}/type`);
    };
    walk(value, '');
  } else {
    if (isObject(value) && typeof value['description'] !== 'string')
      out.push({ pointer: '', what: 'the schema' });
    const walk = (v: JsonValue, pointer: string): void => {
      if (Array.isArray(v)) return v.forEach((b, i) => walk(b, `${pointer}/${i}`));
      if (!isObject(v)) return;
      const props = v['properties'];
      if (isObject(props)) {
        for (const [name, p] of Object.entries(props)) {
          const pp = joinPointer(joinPointer(pointer, 'properties'), name);
          if (isObject(p) && typeof p['description'] !== 'string' && p['$ref'] === undefined)
            out.push({ pointer: pp, what: `property '${name}'` });
        }
      }
      for (const [k, c] of Object.entries(v)) walk(c, joinPointer(pointer, k));
    };
    walk(value, '');
  }
  return out;
}
