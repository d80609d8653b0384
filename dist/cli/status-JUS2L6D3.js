import {
  collectCandidates,
  orderByReferences
} from "./chunk-KTOPAB3L.js";
import "./chunk-KLK52H4S.js";
import "./chunk-F2EELNSZ.js";
import {
  parseRegistryCommandArgs
} from "./chunk-5F3T3RHX.js";
import {
  connectRegistry
} from "./chunk-A2XEY6T3.js";
import {
  isRegistryError
} from "./chunk-4NB2SHSX.js";
import "./chunk-DUM46SY7.js";
import "./chunk-5QGPZNPE.js";
import "./chunk-UKMXE7KU.js";
import "./chunk-QLTC7SBT.js";
import "./chunk-DIULL3TB.js";
import "./chunk-ALDESNZQ.js";
import "./chunk-JG5DLF5R.js";
import "./chunk-OOMT5PNS.js";
import "./chunk-AACIVGT5.js";
import "./chunk-GZ7YKJFV.js";
import "./chunk-X223GS44.js";
import "./chunk-MYU7MPXZ.js";
import "./chunk-4JLVD5MI.js";
import "./chunk-KVYAH4SS.js";
import "./chunk-H4TEGRJZ.js";
import "./chunk-J5VQF3U6.js";
import "./chunk-L6DUB6QO.js";
import "./chunk-4SLUN3ZN.js";
import "./chunk-6BBU6Q3O.js";
import "./chunk-4WLI5DVH.js";

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

// src/cli/commands/status.ts
var usage = "schemagate status [--registry <url>] [--timeout 30s] [--format text|json]";
var command = {
  name: "status",
  summary: "drift between the repository and the registry (subjects, latest versions, levels); exit 1 on drift",
  usage,
  async run(args, io) {
    const { values, format, client: clientOptions } = parseRegistryCommandArgs(args, {}, usage);
    const repo = await collectCandidates(io.cwd);
    const client = connectRegistry(values.registry, repo.config, io.env, clientOptions);
    const report = await registryStatus(client, repo.candidates);
    io.stdout(format === "json" ? `${JSON.stringify(report, null, 2)}
` : renderStatus(client.url, report));
    return report.inSync ? 0 : 1;
  }
};
var status_default = command;
var LABEL = {
  "in-sync": "in sync",
  "only-in-repo": "repo only",
  "only-in-registry": "registry only",
  "latest-differs": "differs",
  "level-differs": "level"
};
function renderStatus(url, report) {
  const lines = [`Repository vs ${url}:`];
  const width = Math.max(0, ...report.subjects.map((s) => s.subject.length));
  for (const s of report.subjects) {
    lines.push(
      `  ${s.kinds.map((k) => LABEL[k] ?? k).join(", ").padEnd(16)} ${s.subject.padEnd(width)}  ${s.detail}`
    );
  }
  const drifting = report.subjects.filter((s) => s.kinds[0] !== "in-sync").length;
  lines.push(
    report.inSync ? `in sync (${report.subjects.length} subject(s))` : `${drifting} of ${report.subjects.length} subject(s) drift`
  );
  return `${lines.join("\n")}
`;
}
export {
  status_default as default,
  renderStatus
};
