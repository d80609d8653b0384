import type { RegistrySchemaType } from '../../formats/format.js';
import type { JsonObject, SchemaEntry, SchemaRef } from './types.js';

/** Identity of a schema (§4.2): the stored string plus everything else that makes it a different schema. */
export function identityKey(
  type: RegistrySchemaType,
  canonical: string,
  refs: readonly SchemaRef[],
  metadata?: JsonObject,
  ruleSet?: JsonObject,
): string {
  // Plain concatenation: NUL cannot occur unescaped in a JSON text, so the parts cannot run together.
  let key = `${type}\u0000${canonical}`;
  for (const r of refs) key += `\u0000${r.name}\u0001${r.subject}\u0001${r.version}`;
  if (metadata !== undefined || ruleSet !== undefined)
    key += `\u0002${JSON.stringify(metadata ?? null)}\u0002${JSON.stringify(ruleSet ?? null)}`;
  return key;
}

/** The entry's identity, computed once. */
export function keyOf(entry: SchemaEntry): string {
  entry.key ??= identityKey(entry.schemaType, entry.schema, entry.references, entry.metadata, entry.ruleSet);
  return entry.key;
}
