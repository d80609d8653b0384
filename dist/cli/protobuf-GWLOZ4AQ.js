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
} from "./chunk-FP3ZT3JZ.js";
import "./chunk-TIJFPT4W.js";
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
