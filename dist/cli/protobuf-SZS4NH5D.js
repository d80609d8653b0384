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
} from "./chunk-VYU3HDXB.js";
import "./chunk-Q2EUGLQR.js";
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
