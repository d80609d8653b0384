import {
  progressBar
} from "./chunk-577WL7UY.js";
import {
  connectRegistry,
  parseRegistryCommandArgs
} from "./chunk-V7WOMVMH.js";
import "./chunk-MPVQGFM4.js";
import {
  CONFIG_FILE
} from "./chunk-XZ5J6NE5.js";
import "./chunk-UO5ZFLJF.js";
import "./chunk-DUM46SY7.js";
import {
  gitText,
  runGit
} from "./chunk-X223GS44.js";
import "./chunk-XTDEDTCT.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/cli/commands/import.ts
import { resolve } from "node:path";

// src/registry/import.ts
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
async function importRegistry(client, options) {
  const root = options.root ?? "schemas";
  const into = options.into;
  mkdirSync(into, { recursive: true });
  if ((await runGit(["rev-parse", "--show-toplevel"], { cwd: into, okCodes: [128] })).code !== 0) {
    await runGit(["init", "-q", "-b", "main"], { cwd: into });
  }
  const identity = await commitIdentity(into);
  const subjects = await client.listSubjects();
  const globalLevel = (await client.getConfig())?.compatibilityLevel ?? "BACKWARD";
  const queues = [];
  const levels = /* @__PURE__ */ new Map();
  for (const subject of subjects) {
    const versions = await client.listVersions(subject);
    const queue = [];
    for (const v of versions) queue.push(await client.getVersion(subject, v));
    if (queue.length > 0) queues.push(queue);
    const own = await client.getConfig(subject);
    if (own !== void 0 && own.compatibilityLevel !== globalLevel) levels.set(subject, own.compatibilityLevel);
  }
  const files = /* @__PURE__ */ new Map();
  const rules = [];
  const taken = /* @__PURE__ */ new Set();
  for (const q of queues) {
    const first = q[0];
    if (first === void 0) continue;
    const ext = first.schemaType === "JSON" ? ".json" : first.schemaType === "PROTOBUF" ? ".proto" : ".avsc";
    let base = safeFileName(first.subject);
    while (taken.has(base.toLowerCase())) base = `${base}_`;
    taken.add(base.toLowerCase());
    const file = `${root}/${base}${ext}`;
    files.set(first.subject, file);
    const rule = [];
    if (base !== first.subject) rule.push(`    subject: ${JSON.stringify(first.subject)}`);
    const level = levels.get(first.subject);
    if (level !== void 0) rule.push(`    compatibility: ${level}`);
    if (rule.length > 0) rules.push(`  - match: ${JSON.stringify(file)}
${rule.join("\n")}`);
  }
  let configWritten = false;
  const configPath = join(into, CONFIG_FILE);
  if (!existsSync(configPath)) {
    const text = [
      `# Imported from ${client.url} by schemagate import.`,
      `root: ${root}`,
      `compatibility: ${globalLevel}`,
      ...rules.length > 0 ? ["subjects:", ...rules] : [],
      ""
    ].join("\n");
    writeFileSync(configPath, text);
    await commit(into, [CONFIG_FILE], `schemagate: import configuration from ${client.url}`, identity);
    configWritten = true;
  }
  const total = queues.reduce((n, q) => n + q.length, 0);
  const imported = [];
  for (; ; ) {
    let pick;
    for (const q of queues) if (q[0] !== void 0 && (pick?.[0] === void 0 || q[0].id < pick[0].id)) pick = q;
    const v = pick?.shift();
    if (v === void 0) break;
    const file = files.get(v.subject) ?? "";
    const abs = join(into, file);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, pretty(v.schema));
    const sha = await commit(into, [file], `${v.subject}: version ${v.version} (id ${v.id}) from the registry`, identity);
    imported.push({ subject: v.subject, version: v.version, id: v.id, file, commit: sha });
    options.onProgress?.(imported.length, total, `${v.subject} v${v.version}`);
  }
  return { into, subjects: queues.length, versions: imported, configWritten };
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
function safeFileName(subject) {
  const s = subject.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_");
  return s === "" ? "_" : s;
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
  const r = await runGit([...identity, "commit", "-q", "--allow-empty", "--no-verify", "-m", message, "--", ...paths], { cwd, okCodes: [1] });
  if (r.code !== 0) throw new SchemagateError("GIT_ERROR", `git commit failed in ${cwd}: ${r.stderr.trim()}`);
  return (await gitText(["rev-parse", "HEAD"], cwd)).trim();
}

// src/cli/commands/import.ts
var usage = "schemagate import --registry <url> [--into <dir>] [--root schemas] [--format text|json]";
var command = {
  name: "import",
  summary: "adopt or back up a registry: every subject's versions become commits of files, in registry order",
  usage,
  async run(args, io) {
    const { values, format } = parseRegistryCommandArgs(args, { into: { type: "string" }, root: { type: "string" } }, usage);
    const client = connectRegistry(values.registry, void 0, io.env);
    const into = resolve(io.cwd, values.into ?? ".");
    const bar = io.isTTY && format === "text" ? progressBar(io) : void 0;
    const report = await importRegistry(client, { into, ...values.root === void 0 ? {} : { root: values.root }, ...bar === void 0 ? {} : { onProgress: bar.update } });
    bar?.done();
    if (format === "json") {
      io.stdout(`${JSON.stringify(report, null, 2)}
`);
    } else {
      const lines = [`Imported ${report.versions.length} version(s) of ${report.subjects} subject(s) from ${client.url} into ${into}:`];
      for (const v of report.versions) lines.push(`  ${v.commit.slice(0, 8)}  ${v.file}  ${v.subject} version ${v.version} (id ${v.id})`);
      if (report.configWritten) lines.push("  wrote schemagate.yaml (levels and subject names from the registry)");
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
