// Serializers and deserializers in the Confluent wire format (registry-protocol.md §10).
export { MAGIC_BYTE, HEADER_SIZE, writeHeader, frame, readSchemaId, parseFrame } from './wire.js';
export * from './errors.js';
export type { SerdeRegistry, SerdeSchema, SerdeSchemaReference, SerdeSchemaType } from './registry.js';
export { subjectName, type SubjectNameStrategy, type SubjectNameFunction } from './subject.js';
export type { SerializerOptions } from './writer-schema.js';
export type { Serializer, Deserializer } from './serde.js';
export {
  AvroSerializer,
  AvroDeserializer,
  type AvroSerializerOptions,
  type AvroDeserializerOptions,
} from './avro.js';
export type { AvroSchemaSource, AvroTypeOptions } from './avro-schema.js';
export {
  JsonSchemaSerializer,
  JsonSchemaDeserializer,
  type JsonSchemaSerializerOptions,
  type JsonSchemaDeserializerOptions,
} from './json.js';
export {
  ProtobufSerializer,
  ProtobufDeserializer,
  type ProtobufSerializerOptions,
  type ProtobufDeserializerOptions,
  type ProtobufConversionOptions,
} from './protobuf.js';
export { encodeMessageIndexes, decodeMessageIndexes } from './protobuf-indexes.js';
export {
  ModelSerializer,
  ModelRejectedError,
  serializerFor,
  type ModelIssue,
  type ModelSerializerOptions,
} from './model.js';
export { TimestampMillisType, MODEL_LOGICAL_TYPES, MODEL_LONG } from './avro-logical.js';
