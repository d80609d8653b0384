// src/formats/avro/model.ts
var PRIMITIVES = ["null", "boolean", "int", "long", "float", "double", "bytes", "string"];
function isPrimitiveName(name) {
  return PRIMITIVES.includes(name);
}
function isNamed(t) {
  return t.kind === "record" || t.kind === "enum" || t.kind === "fixed";
}
function typeLabel(t) {
  return t.kind.toUpperCase();
}
function describeType(t, depth = 0) {
  switch (t.kind) {
    case "record":
    case "enum":
    case "fixed":
      return `${t.kind} '${t.fullName}'`;
    case "array":
      return depth > 2 ? "array" : `array<${describeType(t.items, depth + 1)}>`;
    case "map":
      return depth > 2 ? "map" : `map<${describeType(t.values, depth + 1)}>`;
    case "union":
      return depth > 2 ? "union" : `[${t.branches.map((b) => describeType(b, depth + 1)).join(", ")}]`;
    default:
      return t.kind;
  }
}
function unionBranchKey(t) {
  return isNamed(t) ? t.fullName : t.kind;
}

export {
  isPrimitiveName,
  isNamed,
  typeLabel,
  describeType,
  unionBranchKey
};
