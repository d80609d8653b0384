import type { AvroSchema } from '../../formats/avro/model.js';
import type { ParsedSchema } from '../../formats/format.js';
import type { ProtobufSchema } from '../../formats/protobuf/parse.js';
import { RegistryErrors } from './errors.js';
import { applyProtobufTags, normalizedEntities, protobufTaggedEntities } from './protobuf-tags.js';
import { applyAvroTags, byEntity, inlineTaggedEntities, type SchemaTags } from './tags.js';

// Schema tags by format: the registry's `ParsedSchema.copy(add, remove)` and `inlineTaggedEntities()`.

/** The schema text with tags added, then removed; a format without tags here is 42201. */
export function applySchemaTags(
  parsed: ParsedSchema,
  canonical: string,
  add: readonly SchemaTags[],
  remove: readonly SchemaTags[],
): string {
  if (parsed.format === 'avro') return applyAvroTags(canonical, add, remove);
  if (parsed.format === 'protobuf')
    return applyProtobufTags(
      canonical,
      byEntity(normalizedEntities(add)),
      byEntity(normalizedEntities(remove)),
    );
  throw RegistryErrors.invalidSchema(
    'Schema tags are supported for AVRO and PROTOBUF schemas only by this registry',
  );
}

/** Every tagged entity of a schema (none for a format without tags here). */
export function taggedEntities(parsed: ParsedSchema): SchemaTags[] {
  if (parsed.format === 'avro') return inlineTaggedEntities(parsed as AvroSchema);
  if (parsed.format === 'protobuf') return protobufTaggedEntities((parsed as ProtobufSchema).proto);
  return [];
}

/** `findTags`: the tagged entities carrying any of the tags asked for (`*`: all of them). */
export function findTags(parsed: ParsedSchema, wanted: readonly string[]): SchemaTags[] {
  const all = wanted.includes('*');
  return taggedEntities(parsed).filter((e) => all || e.tags.some((t) => wanted.includes(t)));
}
