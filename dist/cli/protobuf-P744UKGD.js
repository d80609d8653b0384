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
} from "./chunk-Q2OF7EOK.js";
import "./chunk-H4TEGRJZ.js";
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
