import {
  avroFormat
} from "./chunk-3E5RETUQ.js";
import {
  jsonSchemaFormat
} from "./chunk-N6LIP5YK.js";

// src/formats/registry.ts
var FORMATS = {
  avro: avroFormat,
  json: jsonSchemaFormat
};
function formatById(id) {
  return FORMATS[id];
}
function formatByRegistryType(type) {
  const t = type ?? "AVRO";
  return Object.values(FORMATS).find((f) => f.registryType === t);
}

export {
  formatById,
  formatByRegistryType
};
