import { avroFormat } from './avro/index.js';
import { jsonSchemaFormat } from './jsonschema/index.js';
import { protobufFormat } from './protobuf/index.js';
import type { FormatHandler, FormatId, ParsedSchema, RegistrySchemaType } from './format.js';

const FORMATS: Record<FormatId, FormatHandler<ParsedSchema>> = {
  avro: avroFormat,
  json: jsonSchemaFormat,
  protobuf: protobufFormat,
};

export function formatById(id: FormatId): FormatHandler<ParsedSchema> {
  return FORMATS[id];
}

/** The schema types the registry server and publishing serve: all three, as the registry does. */
const SERVED_TYPES: ReadonlySet<RegistrySchemaType> = new Set<RegistrySchemaType>([
  'AVRO',
  'JSON',
  'PROTOBUF',
]);

export function formatByRegistryType(
  type: RegistrySchemaType | undefined,
): FormatHandler<ParsedSchema> | undefined {
  const t = type ?? 'AVRO';
  if (!SERVED_TYPES.has(t)) return undefined;
  return Object.values(FORMATS).find((f) => f.registryType === t);
}

export { detectFormat, parseFormatId } from './detect.js';
