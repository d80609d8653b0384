import {
  protobufFormat
} from "./chunk-VYU3HDXB.js";
import {
  avroFormat
} from "./chunk-HVEUTBOD.js";
import {
  jsonSchemaFormat
} from "./chunk-37YVPKBY.js";

// src/formats/registry.ts
var FORMATS = {
  avro: avroFormat,
  json: jsonSchemaFormat,
  protobuf: protobufFormat
};
function formatById(id) {
  return FORMATS[id];
}
var SERVED_TYPES = /* @__PURE__ */ new Set([
  "AVRO",
  "JSON",
  "PROTOBUF"
]);
function formatByRegistryType(type) {
  const t = type ?? "AVRO";
  if (!SERVED_TYPES.has(t)) return void 0;
  return Object.values(FORMATS).find((f) => f.registryType === t);
}

export {
  formatById,
  formatByRegistryType
};
