// src/formats/format.ts
function jsonDocumentOf(schema) {
  return "doc" in schema ? schema.doc : void 0;
}

export {
  jsonDocumentOf
};
