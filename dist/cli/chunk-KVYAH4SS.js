// src/compat/level.ts
var LEVELS = [
  "NONE",
  "BACKWARD",
  "BACKWARD_TRANSITIVE",
  "FORWARD",
  "FORWARD_TRANSITIVE",
  "FULL",
  "FULL_TRANSITIVE"
];
function parseLevel(text) {
  const upper = text.trim().toUpperCase();
  return LEVELS.includes(upper) ? upper : void 0;
}
function isTransitive(level) {
  return level.endsWith("_TRANSITIVE");
}
function directionsOf(level) {
  if (level.startsWith("BACKWARD")) return ["new-reads-old"];
  if (level.startsWith("FORWARD")) return ["old-reads-new"];
  if (level.startsWith("FULL")) return ["old-reads-new", "new-reads-old"];
  return [];
}

// src/formats/detect.ts
function parseFormatId(text) {
  const t = text.trim().toLowerCase();
  if (t === "avro" || t === "avsc") return "avro";
  if (t === "json" || t === "jsonschema" || t === "json-schema") return "json";
  if (t === "protobuf" || t === "proto") return "protobuf";
  return void 0;
}
var JSON_SCHEMA_KEYS = [
  "$schema",
  "$id",
  "$ref",
  "properties",
  "items",
  "allOf",
  "anyOf",
  "oneOf",
  "definitions",
  "$defs",
  "required",
  "additionalProperties",
  "not",
  "enum",
  "const",
  "patternProperties"
];
var AVRO_TYPES = [
  "record",
  "enum",
  "fixed",
  "array",
  "map",
  "null",
  "boolean",
  "int",
  "long",
  "float",
  "double",
  "bytes",
  "string"
];
function detectFormat(file, value) {
  const lower = file.toLowerCase();
  if (lower.endsWith(".avsc")) return "avro";
  if (lower.endsWith(".proto")) return "protobuf";
  if (value !== void 0) {
    if (Array.isArray(value)) return "avro";
    if (typeof value === "string") return "avro";
    if (value !== null && typeof value === "object") {
      const t = value["type"];
      if (typeof t === "string" && (t === "record" || t === "enum" || t === "fixed") && typeof value["name"] === "string")
        return "avro";
      const items = value["items"];
      if (t === "array" && (typeof items === "string" || Array.isArray(items) && items.some((i) => typeof i === "string")))
        return "avro";
      if (t === "map" && "values" in value) return "avro";
      if (JSON_SCHEMA_KEYS.some((k) => k in value)) return "json";
      if (typeof t === "string" && AVRO_TYPES.includes(t) && (t === "array" ? "items" in value && typeof value["items"] !== "object" : true) && !["object", "integer", "number"].includes(t)) {
        return t === "array" || t === "string" || t === "boolean" || t === "null" ? "json" : "avro";
      }
    }
  }
  return "json";
}

export {
  LEVELS,
  parseLevel,
  isTransitive,
  directionsOf,
  parseFormatId,
  detectFormat
};
