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
} from "./chunk-MI7VGLKP.js";
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
