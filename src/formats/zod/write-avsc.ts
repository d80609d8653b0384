/**
 * The text of a generated Avro schema, in the style of hand-written `.avsc` files: a named type
 * (record, enum, fixed) and a record's `fields` are spread over lines, and everything else that holds
 * no named type (a field, a map, a union of primitives, the symbols) stays on one line. The text
 * depends only on the value, so an unchanged model gives the same bytes and a one-field change a
 * one-line diff.
 */
export function formatAvsc(value: unknown): string {
  return `${format(value, '', undefined)}\n`;
}

const NAMED = new Set(['record', 'enum', 'error', 'fixed']);

function format(value: unknown, indent: string, key: string | undefined): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (key !== 'fields' && !holdsNamedType(value)) return inline(value);
  const inner = `${indent}  `;
  if (Array.isArray(value))
    return `[\n${value.map((v) => inner + format(v, inner, undefined)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value).map(
    ([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner, k)}`,
  );
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

function inline(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

function holdsNamedType(value: object): boolean {
  if (Array.isArray(value))
    return value.some((v) => typeof v === 'object' && v !== null && holdsNamedType(v));
  const type = (value as { type?: unknown }).type;
  if (typeof type === 'string' && NAMED.has(type) && 'name' in value) return true;
  return Object.values(value).some((v) => typeof v === 'object' && v !== null && holdsNamedType(v));
}
