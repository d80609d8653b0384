import {
  AVRO_ERROR_TYPES,
  AVRO_RULES,
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
} from "./chunk-Z2WIBXJW.js";
import "./chunk-5PBGGHHK.js";
import "./chunk-6BBU6Q3O.js";
export {
  AVRO_ERROR_TYPES,
  AVRO_RULES,
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
