import type { JsonValue } from '../formats/json/parse.js';
import { typeName } from './ts-text.js';

export type Obj = { [k: string]: JsonValue };
export const isObject = (v: JsonValue | undefined): v is Obj =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The named declarations a JSON Schema document gives, the same for its types and its zod validators:
 * the root (its `title`, else `rootName`) then each entry of `$defs`/`definitions`; `refs` maps each
 * local `$ref` to the name of its declaration.
 */
export function jsonSchemaDeclarations(
  schema: JsonValue,
  rootName: string,
): { refs: Map<string, string>; declarations: [name: string, schema: JsonValue][] } {
  const refs = new Map<string, string>();
  const root =
    isObject(schema) && typeof schema['title'] === 'string' ? typeName(schema['title']) : typeName(rootName);
  const declarations: [string, JsonValue][] = [[root, schema]];
  for (const key of ['$defs', 'definitions'] as const) {
    const d = isObject(schema) ? schema[key] : undefined;
    if (!isObject(d)) continue;
    for (const [name, s] of Object.entries(d)) {
      refs.set(`#/${key}/${name}`, typeName(name));
      declarations.push([typeName(name), s]);
    }
  }
  return { refs, declarations };
}
