import {
  COMPATIBLE_CHANGES,
  DIFFERENCE_TYPES,
  PROTOBUF_RULES,
  canonicalProto,
  compareProtobuf,
  differences,
  normalizedProto,
  parseProtobuf,
  protoImports,
  protobufFormat,
  registryMessage
} from "./chunk-HTE5IJ3E.js";
export {
  COMPATIBLE_CHANGES,
  DIFFERENCE_TYPES,
  PROTOBUF_RULES,
  canonicalProto,
  compareProtobuf,
  differences,
  normalizedProto,
  parseProtobuf,
  protoImports,
  protobufFormat,
  registryMessage
};
