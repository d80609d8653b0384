import type { JsonValue } from '../formats/json/parse.js';
import { isObject, jsonSchemaDeclarations, type Obj } from './jsonschema-declarations.js';
import { arrayOf, jsDoc, literal, propertyKey } from './ts-text.js';

/**
 * TypeScript types of a JSON Schema: the root as `rootName` (its `title` when it has one), each entry of
 * `$defs`/`definitions` as its own exported type, referenced by name. Descriptions become doc comments.
 * A `$ref` to another document is `unknown` (with a comment): the types cover this document.
 */
export function jsonSchemaToTs(schema: JsonValue, rootName: string): string {
  const { refs, declarations } = jsonSchemaDeclarations(schema, rootName);
  return declarations.map(([name, s]) => declaration(name, s, refs)).join('\n');
}

function declaration(name: string, s: JsonValue, defs: Map<string, string>): string {
  const doc = isObject(s) && typeof s['description'] === 'string' ? s['description'] : undefined;
  return `${jsDoc(doc, '')}export type ${name} = ${toTs(s, defs, '')};\n`;
}

function toTs(s: JsonValue, defs: Map<string, string>, indent: string): string {
  if (s === true) return 'unknown';
  if (s === false) return 'never';
  if (!isObject(s)) return 'unknown';
  const ref = s['$ref'];
  if (typeof ref === 'string') return defs.get(ref) ?? `unknown /* ${ref.replace(/\*\//g, '')} */`;
  if (s['const'] !== undefined) return literal(s['const']);
  const e = s['enum'];
  if (Array.isArray(e)) return e.map(literal).join(' | ') || 'never';
  for (const k of ['anyOf', 'oneOf'] as const) {
    const list = s[k];
    if (Array.isArray(list)) return list.map((x) => toTs(x, defs, indent)).join(' | ') || 'never';
  }
  const all = s['allOf'];
  if (Array.isArray(all)) return all.map((x) => toTs(x, defs, indent)).join(' & ') || 'unknown';
  const t = s['type'];
  if (Array.isArray(t))
    return t.map((x) => (typeof x === 'string' ? ofType(x, s, defs, indent) : 'unknown')).join(' | ');
  if (typeof t === 'string') return ofType(t, s, defs, indent);
  if (isObject(s['properties'])) return ofType('object', s, defs, indent);
  if (s['items'] !== undefined) return ofType('array', s, defs, indent);
  return 'unknown';
}

function ofType(t: string, s: Obj, defs: Map<string, string>, indent: string): string {
  switch (t) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      const prefix = s['prefixItems'];
      if (Array.isArray(prefix)) return `[${prefix.map((x) => toTs(x, defs, indent)).join(', ')}]`;
      const items = s['items'];
      if (Array.isArray(items)) return `[${items.map((x) => toTs(x, defs, indent)).join(', ')}]`;
      return items === undefined ? 'unknown[]' : arrayOf(toTs(items, defs, indent));
    }
    case 'object': {
      const props = s['properties'];
      const additional = s['additionalProperties'];
      if (!isObject(props))
        return isObject(additional)
          ? `Record<string, ${toTs(additional, defs, indent)}>`
          : 'Record<string, unknown>';
      const required = new Set(
        Array.isArray(s['required']) ? s['required'].filter((r) => typeof r === 'string') : [],
      );
      const inner = `${indent}  `;
      const members = Object.entries(props).map(([k, p]) => {
        const doc = isObject(p) && typeof p['description'] === 'string' ? p['description'] : undefined;
        return `${jsDoc(doc, inner)}${inner}${propertyKey(k)}${required.has(k) ? '' : '?'}: ${toTs(p, defs, inner)};\n`;
      });
      return `{\n${members.join('')}${indent}}`;
    }
    default:
      return 'unknown';
  }
}
