/** Rule ids of the problems a `.proto` text can have (SchemaIssue.rule). */
export const PROTOBUF_RULES = {
  syntax: 'PROTOBUF_SYNTAX',
  reference: 'PROTOBUF_REFERENCE_INVALID',
  importMissing: 'PROTOBUF_IMPORT_MISSING',
  unknownType: 'PROTOBUF_UNKNOWN_TYPE',
  duplicateNumber: 'PROTOBUF_DUPLICATE_NUMBER',
  duplicateName: 'PROTOBUF_DUPLICATE_NAME',
  numberRange: 'PROTOBUF_NUMBER_OUT_OF_RANGE',
  enumFirstValue: 'PROTOBUF_ENUM_FIRST_VALUE',
} as const;
