export {
  defineMessage,
  defineBase,
  isDeclaration,
  fullNameOf,
  DECLARATION,
  type MessageOptions,
  type BaseOptions,
  type MessageDeclaration,
  type BaseDeclaration,
  type Declaration,
  type GeneratedFormat,
} from './declare.js';
export { declarationToAvro, type AvroMapping, type AvroJson } from './to-avro.js';
export { declarationToJsonSchema, jsonSchemaIdOf, type JsonSchemaMapping } from './to-json-schema.js';
export { formatAvsc } from './write-avsc.js';
export { ModelMappingError, type MappingWarning } from './errors.js';
export type { ModelMeta, AvroMetaOptions, ZodSchemaLike } from './zod-view.js';
