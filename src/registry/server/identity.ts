import type { RegistrySchemaType } from '../../formats/format.js';
import type { JsonObject, SchemaRef } from './types.js';

/** Identity of a schema (§4.2): the stored string plus everything else that makes it a different schema. */
export function identityKey(type: RegistrySchemaType, canonical: string, refs: readonly SchemaRef[], metadata?: JsonObject, ruleSet?: JsonObject): string {
  return JSON.stringify([type, canonical, refs.map((r) => [r.name, r.subject, r.version]), metadata ?? null, ruleSet ?? null]);
}
