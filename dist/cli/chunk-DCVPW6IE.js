import {
  loadSchema
} from "./chunk-AYQYXMTB.js";

// src/repo/versions.ts
async function buildVersions(history, blobs, options) {
  const versions = [];
  if (history === void 0) return versions;
  const seen = /* @__PURE__ */ new Set();
  const seenBlobs = /* @__PURE__ */ new Set();
  for (const change of history.changes) {
    if (seenBlobs.has(change.blob)) continue;
    seenBlobs.add(change.blob);
    const bytes = await blobs.get(change.blob);
    if (bytes === void 0) continue;
    const loaded = await loadSchema(change.path, bytes, {
      format: options.format,
      lenient: true,
      fast: true,
      ...options.index === void 0 ? {} : { index: options.index }
    });
    if (!loaded.ok) continue;
    const normalized = loaded.handler.normalized(loaded.schema);
    if (seen.has(normalized)) continue;
    seen.add(normalized);
    versions.push({
      version: versions.length + 1,
      commit: change.commit,
      author: change.author,
      email: change.email,
      date: change.date,
      file: change.path,
      text: loaded.text,
      schema: loaded.schema,
      normalized
    });
  }
  return versions;
}

export {
  buildVersions
};
