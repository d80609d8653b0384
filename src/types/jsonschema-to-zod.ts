import type { JsonValue } from '../formats/json/parse.js';
import { isObject, jsonSchemaDeclarations, type Obj } from './jsonschema-declarations.js';
import { literal, propertyKey } from './ts-text.js';

/**
 * zod (v4) validators beside the types of `jsonSchemaToTs`, with the same names plus `Schema`, each
 * annotated `z.ZodType<Type>`. They check the shapes the types describe (types, required properties,
 * enums, const); other keywords (patterns, bounds, formats) are left to a JSON Schema validator.
 */
export function jsonSchemaToZod(schema: JsonValue, rootName: string): string {
  const { refs, declarations } = jsonSchemaDeclarations(schema, rootName);
  return declarations.map(([name, s]) => declaration(name, s, refs)).join('\n');
}

function declaration(name: string, s: JsonValue, defs: Map<string, string>): string {
  return `export const ${name}Schema: z.ZodType<${name}> = ${toZod(s, defs, '')};\n`;
}

function toZod(s: JsonValue, defs: Map<string, string>, indent: string): string {
  if (s === true) return 'z.unknown()';
  if (s === false) return 'z.never()';
  if (!isObject(s)) return 'z.unknown()';
  const ref = s['$ref'];
  if (typeof ref === 'string') {
    const name = defs.get(ref);
    return name === undefined ? 'z.unknown()' : `z.lazy(() => ${name}Schema)`;
  }
  if (s['const'] !== undefined) return `z.literal(${literal(s['const'])})`;
  const e = s['enum'];
  if (Array.isArray(e)) return union(e.map((v) => `z.literal(${literal(v)})`));
  for (const k of ['anyOf', 'oneOf'] as const) {
    const list = s[k];
    if (Array.isArray(list)) return union(list.map((x) => toZod(x, defs, indent)));
  }
  const all = s['allOf'];
  if (Array.isArray(all) && all.length > 0)
    return all.map((x) => toZod(x, defs, indent)).reduce((a, b) => `z.intersection(${a}, ${b})`);
  const t = s['type'];
  if (Array.isArray(t))
    return union(t.map((x) => (typeof x === 'string' ? ofType(x, s, defs, indent) : 'z.unknown()')));
  if (typeof t === 'string') return ofType(t, s, defs, indent);
  if (isObject(s['properties'])) return ofType('object', s, defs, indent);
  if (s['items'] !== undefined) return ofType('array', s, defs, indent);
  return 'z.unknown()';
}

function union(members: string[]): string {
  if (members.length === 0) return 'z.never()';
  return members.length === 1 ? members[0]! : `z.union([${members.join(', ')}])`;
}

function ofType(t: string, s: Obj, defs: Map<string, string>, indent: string): string {
  switch (t) {
    case 'string':
      return 'z.string()';
    case 'integer':
      return 'z.number().int()';
    case 'number':
      return 'z.number()';
    case 'boolean':
      return 'z.boolean()';
    case 'null':
      return 'z.null()';
    case 'array': {
      const tuple = Array.isArray(s['prefixItems'])
        ? s['prefixItems']
        : Array.isArray(s['items'])
          ? s['items']
          : undefined;
      if (tuple !== undefined) return `z.tuple([${tuple.map((x) => toZod(x, defs, indent)).join(', ')}])`;
      return s['items'] === undefined
        ? 'z.array(z.unknown())'
        : `z.array(${toZod(s['items'], defs, indent)})`;
    }
    case 'object': {
      const props = s['properties'];
      const additional = s['additionalProperties'];
      if (!isObject(props))
        return `z.record(z.string(), ${isObject(additional) ? toZod(additional, defs, indent) : 'z.unknown()'})`;
      const required = new Set(
        Array.isArray(s['required']) ? s['required'].filter((r) => typeof r === 'string') : [],
      );
      const inner = `${indent}  `;
      const members = Object.entries(props).map(
        ([k, p]) =>
          `${inner}${propertyKey(k)}: ${toZod(p, defs, inner)}${required.has(k) ? '' : '.optional()'},\n`,
      );
      return `z.object({\n${members.join('')}${indent}})`;
    }
    default:
      return 'z.unknown()';
  }
}
