import type { SchemaReference } from '../formats/format.js';
import type { JsonValue } from '../formats/json/parse.js';
import { isObject } from './avro-types.js';

/** Resolves JSON Schema `$ref`s: local pointers and the referenced documents (by `$ref` URI). */
export class JsonRefs {
  private readonly documents = new Map<string, JsonValue>();

  constructor(
    private readonly root: JsonValue,
    references: readonly SchemaReference[],
  ) {
    for (const r of references) {
      try {
        this.documents.set(r.name.split('#')[0]!, JSON.parse(r.text) as JsonValue);
      } catch {
        // An unparsable reference leaves its `$ref` unresolved: the field shows the `$ref` itself.
      }
    }
  }

  /** The schema a node stands for after following `$ref`s (at most a few hops), and the first `$ref` followed. */
  deref(node: JsonValue): { schema: JsonValue; ref: string | undefined } {
    let current = node;
    let doc = this.root;
    let first: string | undefined;
    for (let hops = 0; hops < 16 && isObject(current) && typeof current['$ref'] === 'string'; hops++) {
      const ref = current['$ref'];
      first ??= ref;
      const [uri = '', fragment = ''] = ref.split('#');
      if (uri !== '') {
        const target = this.documents.get(uri);
        if (target === undefined) return { schema: current, ref: first };
        doc = target;
      }
      const next = pointerGet(doc, fragment);
      if (next === undefined) return { schema: current, ref: first };
      current = next;
    }
    return { schema: current, ref: first };
  }
}

function pointerGet(doc: JsonValue, pointer: string): JsonValue | undefined {
  if (pointer === '' || pointer === '/') return doc;
  let at: JsonValue | undefined = doc;
  for (const raw of pointer.replace(/^\//, '').split('/')) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(at)) at = at[Number(token)];
    else if (isObject(at)) at = at[token];
    else return undefined;
  }
  return at;
}
