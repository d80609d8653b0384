import {
  AVRO_ERROR_TYPES,
  avroFormat,
  canRead,
  canonicalAvro,
  checkAvro,
  diffAvro,
  fingerprint64,
  fingerprint64Hex,
  fingerprintAvro,
  normalizedAvro,
  parsingCanonicalForm
} from "./chunk-HVEUTBOD.js";
import {
  AVRO_RULES,
  AVRO_WARNINGS,
  parseAvro
} from "./chunk-A7H2MM5I.js";
import "./chunk-J5VQF3U6.js";
import "./chunk-L6DUB6QO.js";
import "./chunk-6BBU6Q3O.js";
export {
  AVRO_ERROR_TYPES,
  AVRO_RULES,
  AVRO_WARNINGS,
  avroFormat,
  canRead,
  canonicalAvro,
  checkAvro,
  diffAvro,
  fingerprint64,
  fingerprint64Hex,
  fingerprintAvro,
  normalizedAvro,
  parseAvro,
  parsingCanonicalForm
};
