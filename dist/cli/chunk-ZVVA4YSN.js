import {
  orderByReferences
} from "./chunk-PSNFSWT3.js";
import {
  isRegistryError
} from "./chunk-HWBZGNI2.js";

// src/registry/status.ts
async function registryStatus(client, candidates) {
  const ordered = orderByReferences(candidates);
  const repoSubjects = ordered.ok ? ordered.order : [...candidates];
  const inRegistry = new Set(await client.listSubjects());
  const globalLevel = (await client.getConfig())?.compatibilityLevel ?? "BACKWARD";
  const out = [];
  for (const c of repoSubjects) {
    const drift = { subject: c.subject, kinds: [], detail: "", repo: { level: c.level } };
    if (c.file !== void 0) drift.file = c.file;
    if (!inRegistry.has(c.subject)) {
      drift.kinds.push("only-in-repo");
      drift.detail = "not in the registry yet (publish registers it)";
      out.push(drift);
      continue;
    }
    const latest = await client.getLatest(c.subject);
    const level = (await client.getConfig(c.subject))?.compatibilityLevel ?? globalLevel;
    drift.registry = { version: latest.version, id: latest.id, level };
    const details = [];
    const held = await lookupVersion(client, c, inRegistry);
    if (held !== void 0) drift.repo = { level: c.level, version: held };
    if (held !== latest.version) {
      drift.kinds.push("latest-differs");
      details.push(
        held === void 0 ? `the repository's schema is not in the registry (registry latest is version ${latest.version})` : `the registry's latest is version ${latest.version}, the repository's schema is version ${held}`
      );
    }
    if (level !== c.level) {
      drift.kinds.push("level-differs");
      details.push(`level ${level} in the registry, ${c.level} in the configuration`);
    }
    if (drift.kinds.length === 0) {
      drift.kinds.push("in-sync");
      details.push(`version ${latest.version}, id ${latest.id}`);
    }
    drift.detail = details.join("; ");
    out.push(drift);
  }
  const repoNames = new Set(candidates.map((c) => c.subject));
  for (const subject of [...inRegistry].sort()) {
    if (repoNames.has(subject)) continue;
    const latest = await client.getLatest(subject).catch((e) => {
      if (isRegistryError(e) && e.isNotFound) return void 0;
      throw e;
    });
    const level = (await client.getConfig(subject))?.compatibilityLevel ?? globalLevel;
    out.push({
      subject,
      kinds: ["only-in-registry"],
      ...latest === void 0 ? {} : { registry: { version: latest.version, id: latest.id, level } },
      detail: "in the registry but no file in the repository (`schemagate import` adopts it)"
    });
  }
  return { inSync: out.every((d) => d.kinds.length === 1 && d.kinds[0] === "in-sync"), subjects: out };
}
async function lookupVersion(client, c, inRegistry) {
  try {
    const references = [];
    for (const r of c.references) {
      if (r.version === void 0 && !inRegistry.has(r.subject)) return void 0;
      references.push({
        name: r.name,
        subject: r.subject,
        version: r.version ?? (await client.getLatest(r.subject)).version
      });
    }
    const found = await client.lookup(c.subject, {
      schema: c.schema,
      schemaType: c.schemaType,
      ...references.length > 0 ? { references } : {}
    });
    return found.version;
  } catch (e) {
    if (isRegistryError(e) && e.isNotFound) return void 0;
    throw e;
  }
}

export {
  registryStatus
};
