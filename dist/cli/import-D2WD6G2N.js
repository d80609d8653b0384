import {
  makeDirectory
} from "./chunk-EKN6NJ4H.js";
import {
  progressBar
} from "./chunk-577WL7UY.js";
import {
  parseRegistryCommandArgs
} from "./chunk-ULNI4LGI.js";
import {
  connectRegistry
} from "./chunk-AUSPXLXI.js";
import {
  isRegistryError
} from "./chunk-HWBZGNI2.js";
import "./chunk-ETRZGG5M.js";
import {
  readFileHistories
} from "./chunk-AACIVGT5.js";
import {
  CONFIG_FILE,
  loadConfig,
  parseConfig
} from "./chunk-GZ7YKJFV.js";
import {
  gitText,
  readBlobs,
  repoRoot,
  resolveCommit,
  runGit
} from "./chunk-X223GS44.js";
import {
  subjectSettings
} from "./chunk-MYU7MPXZ.js";
import "./chunk-KVYAH4SS.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";
import "./chunk-2Y665M2Q.js";

// src/cli/commands/import.ts
import { resolve as resolve2 } from "node:path";

// src/registry/import.ts
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, posix as posix2, relative as relative2, resolve } from "node:path";
import { isSeq, parseDocument } from "yaml";

// src/registry/import-history.ts
import { realpathSync } from "node:fs";
import { posix, relative, sep } from "node:path";
var SCHEMA_FILE = /\.(avsc|json|proto)$/;
async function readHeldSubjects(into, config) {
  const held = /* @__PURE__ */ new Map();
  const top = await repoRoot(into);
  const head = await resolveCommit(top, "HEAD");
  if (head === void 0) return held;
  const prefix = relative(realpathSync(top), realpathSync(into)).split(sep).join("/");
  const inTop = (path) => prefix === "" ? path : `${prefix}/${path}`;
  const history = await readFileHistories(top, { commit: head, paths: [inTop(config.root)] });
  const files = [...history.files.values()].filter(
    (h) => SCHEMA_FILE.test(h.path) && h.path.startsWith(inTop(""))
  );
  const blobs = await readBlobs(
    top,
    files.flatMap((h) => h.changes.map((c) => c.blob))
  );
  for (const h of files) {
    const file = prefix === "" ? h.path : h.path.slice(prefix.length + 1);
    const { subject } = subjectSettings(file, config);
    if (held.has(subject)) continue;
    const seen = /* @__PURE__ */ new Set();
    const versions = [];
    for (const change of h.changes) {
      const text = blobs.get(change.blob)?.toString("utf8");
      if (text === void 0) continue;
      const key = canonicalKey(text);
      if (seen.has(key)) continue;
      seen.add(key);
      versions.push({ text, commit: change.commit });
    }
    held.set(subject, { file: posix.normalize(file), versions });
  }
  return held;
}
async function matchHistory(client, subject, held, registry) {
  const ours = held?.versions ?? [];
  for (const [i, version] of ours.entries()) {
    const theirs = registry[i];
    const at = `${held?.file ?? subject} (commit ${version.commit.slice(0, 8)})`;
    if (theirs === void 0) {
      return {
        conflict: `subject '${subject}': the repository is ahead of the registry: ${ours.length - i} version(s) from ${at} on are not in the registry (publish them first, or import into another folder)`
      };
    }
    if (!await sameSchema(client, subject, version.text, theirs)) {
      return {
        conflict: `subject '${subject}': the repository and the registry have diverged: ${at} is not the registry's version ${theirs.version} (id ${theirs.id})`
      };
    }
  }
  return { held: ours.length };
}
async function sameSchema(client, subject, text, version) {
  if (canonicalKey(text) === canonicalKey(version.schema)) return true;
  try {
    const found = await client.lookup(subject, {
      schema: text,
      ...version.schemaType === void 0 ? {} : { schemaType: version.schemaType },
      ...version.references === void 0 ? {} : { references: version.references }
    });
    return found.version === version.version;
  } catch (e) {
    if (isRegistryError(e) && e.code === "REGISTRY_ERROR" && (e.status === 404 || e.status === 422))
      return false;
    throw e;
  }
}
function canonicalKey(text) {
  try {
    return JSON.stringify(sortKeys(JSON.parse(text)));
  } catch {
    return text.trim();
  }
}
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.keys(value).sort().map((k) => [k, sortKeys(value[k])])
  );
}

// src/registry/proto-import-paths.ts
var SAFE_IMPORT = /^(?:[A-Za-z0-9_][A-Za-z0-9_.-]*\/)*[A-Za-z0-9_][A-Za-z0-9_.-]*\.proto$/;
function protoImportPaths(subjects) {
  const names = /* @__PURE__ */ new Map();
  for (const s of subjects)
    for (const v of s.versions) {
      if (v.schemaType !== "PROTOBUF") continue;
      for (const r of v.references ?? [])
        names.set(r.subject, (names.get(r.subject) ?? /* @__PURE__ */ new Set()).add(r.name));
    }
  const paths = /* @__PURE__ */ new Map();
  const used = /* @__PURE__ */ new Set();
  for (const [subject, set] of names) {
    const [name] = [...set];
    if (set.size !== 1 || name === void 0 || !SAFE_IMPORT.test(name) || used.has(name.toLowerCase()))
      continue;
    used.add(name.toLowerCase());
    paths.set(subject, name);
  }
  return paths;
}

// src/registry/subject-file-name.ts
import { createHash } from "node:crypto";
var UNSAFE = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|%{}[\]]/gu;
var RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
var MAX_BYTES = 200;
function subjectFileName(subject) {
  if (subject === "") return "%";
  let name = subject.replace(UNSAFE, (c) => c === "*" ? "%2A" : encodeURIComponent(c));
  name = name.replace(/^\./, "%2E");
  name = name.replace(/[. ]$/, (c) => c === "." ? "%2E" : "%20");
  if (RESERVED.test(name)) name = `%${name.charCodeAt(0).toString(16).toUpperCase()}${name.slice(1)}`;
  if (Buffer.byteLength(name) > MAX_BYTES) {
    let cut = name.slice(0, MAX_BYTES - 10);
    while (Buffer.byteLength(cut) > MAX_BYTES - 10) cut = cut.slice(0, -1);
    cut = cut.replace(/%[0-9A-F]?$/, "");
    name = `${cut}~${createHash("sha256").update(subject).digest("hex").slice(0, 8)}`;
  }
  return name;
}

// src/registry/import.ts
async function importRegistry(client, options) {
  const root = checkRoot(options.root ?? "schemas");
  const into = resolve(options.into);
  const registry = await readRegistry(client);
  prepareRepository(into);
  if ((await runGit(["rev-parse", "--show-toplevel"], { cwd: into, okCodes: [128] })).code !== 0) {
    await runGit(["init", "-q", "-b", "main"], { cwd: into });
  }
  const identity = await commitIdentity(into);
  const configPath = join(into, CONFIG_FILE);
  const existing = existsSync(configPath) ? loadConfig(into) : void 0;
  if (existing !== void 0 && options.root !== void 0 && existing.root !== root) {
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `--root ${options.root}: ${configPath} says the schemas are in '${existing.root}'; drop --root or change the configuration`
    );
  }
  const config = existing ?? parseConfig(baseConfigText(client.url, root, registry.globalLevel));
  const held = await readHeldSubjects(into, config);
  const conflicts = [];
  const queues = [];
  let alreadyHeld = 0;
  for (const s of registry.subjects) {
    const match = await matchHistory(client, s.subject, held.get(s.subject), s.versions);
    if ("conflict" in match) conflicts.push(match.conflict);
    else {
      alreadyHeld += match.held;
      if (match.held < s.versions.length) queues.push(s.versions.slice(match.held));
    }
  }
  if (conflicts.length > 0) {
    throw new SchemagateError(
      "IMPORT_CONFLICT",
      `nothing imported into ${into}:
  ${conflicts.join("\n  ")}`
    );
  }
  const files = assignFiles(registry.subjects, held, config.root);
  const newSubjects = registry.subjects.filter((s) => !held.has(s.subject));
  const rules = rulesFor(newSubjects, files, config, registry.globalLevel, existing === void 0);
  const writesConfig = existing === void 0 || rules.length > 0;
  const toWrite = [
    ...writesConfig ? [CONFIG_FILE] : [],
    ...queues.map((q) => files.get(q[0]?.subject ?? "") ?? "")
  ];
  await refuseUncommitted(into, toWrite);
  let configWritten = false;
  let rulesAdded = 0;
  if (existing === void 0) {
    writeFileSync(configPath, withRules(baseConfigText(client.url, root, registry.globalLevel), rules));
    await commit(into, [CONFIG_FILE], `schemagate: import configuration from ${client.url}`, identity);
    configWritten = true;
  } else if (rules.length > 0) {
    writeFileSync(configPath, addRules(readFileSync(configPath, "utf8"), rules));
    await commit(
      into,
      [CONFIG_FILE],
      `schemagate: subject rules for ${rules.length} subject(s) imported from ${client.url}`,
      identity
    );
    rulesAdded = rules.length;
  }
  const imported = await commitVersions(into, queues, files, identity, options.onProgress);
  return {
    into,
    subjects: registry.subjects.length,
    versions: imported,
    alreadyHeld,
    configWritten,
    rulesAdded
  };
}
function checkRoot(root) {
  const normal = posix2.normalize(root.replace(/\\/g, "/")).replace(/\/+$/, "");
  if (isAbsolute(root) || normal === ".." || normal.startsWith("../") || normal === "") {
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `--root must be a folder inside the import folder, not '${root}'`
    );
  }
  return normal;
}
function prepareRepository(into) {
  try {
    makeDirectory(into);
  } catch (e) {
    throw new SchemagateError("FILE_UNREADABLE", `cannot import into ${into}: ${e.message}`);
  }
}
async function readRegistry(client) {
  const names = await client.listSubjects();
  const globalLevel = (await client.getConfig())?.compatibilityLevel ?? "BACKWARD";
  const subjects = [];
  for (const subject of names) {
    const versions = [];
    for (const v of await client.listVersions(subject)) versions.push(await client.getVersion(subject, v));
    if (versions.length === 0) continue;
    const own = (await client.getConfig(subject))?.compatibilityLevel;
    subjects.push({ subject, versions, ...own !== void 0 && own !== globalLevel ? { level: own } : {} });
  }
  return { globalLevel, subjects };
}
function assignFiles(subjects, held, root) {
  const files = /* @__PURE__ */ new Map();
  const taken = new Set([...held.values()].map((h) => h.file.toLowerCase()));
  const imported = protoImportPaths(subjects);
  for (const s of subjects) {
    const own = held.get(s.subject)?.file;
    if (own !== void 0) {
      files.set(s.subject, own);
      continue;
    }
    const importPath = imported.get(s.subject);
    if (importPath !== void 0 && !taken.has(`${root}/${importPath}`.toLowerCase())) {
      files.set(s.subject, `${root}/${importPath}`);
      taken.add(`${root}/${importPath}`.toLowerCase());
      continue;
    }
    const type = s.versions[0]?.schemaType;
    const ext = type === "JSON" ? ".json" : type === "PROTOBUF" ? ".proto" : ".avsc";
    const base = subjectFileName(s.subject);
    let file = `${root}/${base}${ext}`;
    for (let n = 2; taken.has(file.toLowerCase()); n++) file = `${root}/${base}~${n}${ext}`;
    taken.add(file.toLowerCase());
    files.set(s.subject, file);
  }
  return files;
}
function rulesFor(subjects, files, config, globalLevel, freshConfig) {
  const rules = [];
  for (const s of subjects) {
    const file = files.get(s.subject);
    if (file === void 0) continue;
    const settings = subjectSettings(file, config);
    const level = s.level ?? (freshConfig ? void 0 : globalLevel);
    const rule = {
      match: file,
      ...settings.subject === s.subject ? {} : { subject: s.subject },
      ...level === void 0 || level === settings.level ? {} : { compatibility: level }
    };
    if (Object.keys(rule).length > 1) rules.push(rule);
  }
  return rules;
}
function baseConfigText(url, root, level) {
  return [
    `# Imported from ${url} by schemagate import.`,
    `root: ${JSON.stringify(root)}`,
    `compatibility: ${level}`,
    ""
  ].join("\n");
}
function withRules(text, rules) {
  if (rules.length === 0) return text;
  const lines = rules.map(
    (r) => [
      `  - match: ${JSON.stringify(r.match)}`,
      ...r.subject === void 0 ? [] : [`    subject: ${JSON.stringify(r.subject)}`],
      ...r.compatibility === void 0 ? [] : [`    compatibility: ${r.compatibility}`]
    ].join("\n")
  );
  return `${text}subjects:
${lines.join("\n")}
`;
}
function addRules(text, rules) {
  const doc = parseDocument(text);
  const list = doc.get("subjects");
  if (isSeq(list)) for (const r of rules) list.add(doc.createNode(r));
  else doc.set("subjects", doc.createNode(rules));
  return doc.toString();
}
async function refuseUncommitted(into, paths) {
  const out = await gitText(["status", "--porcelain", "--untracked-files=all", "--", ...paths], into);
  const dirty = out.split("\n").filter((l) => l.trim() !== "");
  if (dirty.length > 0) {
    throw new SchemagateError(
      "IMPORT_CONFLICT",
      `nothing imported into ${into}: uncommitted changes in files import would write (commit or stash them first):
  ${dirty.map((l) => l.slice(3)).join("\n  ")}`
    );
  }
}
async function commitVersions(into, queues, files, identity, onProgress) {
  const total = queues.reduce((n, q) => n + q.length, 0);
  const imported = [];
  for (; ; ) {
    let pick;
    for (const q of queues)
      if (q[0] !== void 0 && (pick?.[0] === void 0 || q[0].id < pick[0].id)) pick = q;
    const v = pick?.shift();
    if (v === void 0) break;
    const file = files.get(v.subject) ?? "";
    const abs = join(into, file);
    if (relative2(into, abs).startsWith(".."))
      throw new SchemagateError("INTERNAL", `refusing to write ${abs} outside ${into}`);
    makeDirectory(dirname(abs));
    writeFileSync(abs, pretty(v.schema));
    const sha = await commit(
      into,
      [file],
      `${v.subject}: version ${v.version} (id ${v.id}) from the registry`,
      identity
    );
    imported.push({ subject: v.subject, version: v.version, id: v.id, file, commit: sha });
    onProgress?.(imported.length, total, `${v.subject} v${v.version}`);
  }
  return imported;
}
function pretty(schema) {
  try {
    return `${JSON.stringify(JSON.parse(schema), null, 2)}
`;
  } catch {
    return schema.endsWith("\n") ? schema : `${schema}
`;
  }
}
async function commitIdentity(cwd) {
  const name = (await runGit(["config", "user.name"], { cwd, okCodes: [1] })).stdout.toString().trim();
  const email = (await runGit(["config", "user.email"], { cwd, okCodes: [1] })).stdout.toString().trim();
  const args = [];
  if (name === "") args.push("-c", "user.name=schemagate import");
  if (email === "") args.push("-c", "user.email=schemagate@localhost");
  return args;
}
async function commit(cwd, paths, message, identity) {
  await runGit(["add", "--", ...paths], { cwd });
  const r = await runGit(
    [...identity, "commit", "-q", "--allow-empty", "--no-verify", "-m", message, "--", ...paths],
    { cwd, okCodes: [1] }
  );
  if (r.code !== 0) throw new SchemagateError("GIT_ERROR", `git commit failed in ${cwd}: ${r.stderr.trim()}`);
  return (await gitText(["rev-parse", "HEAD"], cwd)).trim();
}

// src/cli/commands/import.ts
var usage = "schemagate import --registry <url> [--timeout 30s] [--into <dir>] [--root schemas] [--format text|json]";
var command = {
  name: "import",
  summary: "adopt or back up a registry: every subject's versions become commits of files, in registry order",
  usage,
  async run(args, io) {
    const {
      values,
      format,
      client: clientOptions
    } = parseRegistryCommandArgs(args, { into: { type: "string" }, root: { type: "string" } }, usage);
    const client = connectRegistry(values.registry, void 0, io.env, clientOptions);
    const into = resolve2(io.cwd, values.into ?? ".");
    const bar = io.isTTY && format === "text" ? progressBar(io) : void 0;
    const report = await importRegistry(client, {
      into,
      ...values.root === void 0 ? {} : { root: values.root },
      ...bar === void 0 ? {} : { onProgress: bar.update }
    });
    bar?.done();
    if (format === "json") {
      io.stdout(`${JSON.stringify(report, null, 2)}
`);
    } else {
      const held = report.alreadyHeld > 0 ? ` (${report.alreadyHeld} version(s) were there already)` : "";
      const lines = report.versions.length === 0 ? [
        `Nothing to import from ${client.url}: ${into} already holds all ${report.alreadyHeld} version(s) of ${report.subjects} subject(s)`
      ] : [
        `Imported ${report.versions.length} version(s) of ${report.subjects} subject(s) from ${client.url} into ${into}${held}:`
      ];
      for (const v of report.versions)
        lines.push(`  ${v.commit.slice(0, 8)}  ${v.file}  ${v.subject} version ${v.version} (id ${v.id})`);
      if (report.configWritten)
        lines.push("  wrote schemagate.yaml (levels and subject names from the registry)");
      if (report.rulesAdded > 0)
        lines.push(
          `  added ${report.rulesAdded} subject rule(s) to schemagate.yaml (names and levels of new subjects)`
        );
      io.stdout(`${lines.join("\n")}
`);
    }
    return 0;
  }
};
var import_default = command;
export {
  import_default as default
};
