import {
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
} from "./chunk-V3N377JF.js";
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
