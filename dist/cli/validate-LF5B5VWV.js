import {
  connectRegistry
} from "./chunk-AUSPXLXI.js";
import "./chunk-HWBZGNI2.js";
import {
  parseCommandArgs
} from "./chunk-ETRZGG5M.js";
import {
  messageChecker
} from "./chunk-QLTC7SBT.js";
import {
  buildVersions
} from "./chunk-DCVPW6IE.js";
import {
  NameIndex,
  loadFormat,
  loadSchema
} from "./chunk-AYQYXMTB.js";
import {
  candidateFiles,
  resolveRevision
} from "./chunk-JG5DLF5R.js";
import "./chunk-OOMT5PNS.js";
import {
  readFewFileHistories
} from "./chunk-AACIVGT5.js";
import {
  loadConfig,
  loadConfigAt
} from "./chunk-GZ7YKJFV.js";
import {
  repoRoot,
  streamBlobs
} from "./chunk-X223GS44.js";
import {
  subjectSettings
} from "./chunk-MYU7MPXZ.js";
import "./chunk-KVYAH4SS.js";
import "./chunk-Q2EUGLQR.js";
import "./chunk-J5VQF3U6.js";
import {
  parseJson
} from "./chunk-L6DUB6QO.js";
import "./chunk-4SLUN3ZN.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";
import "./chunk-2Y665M2Q.js";

// src/cli/commands/validate.ts
import { readFileSync } from "node:fs";
import { relative as relative2, resolve as resolve2 } from "node:path";

// src/validate/resolve-schema.ts
import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
async function schemaFromGit(choice) {
  const top = await repoRoot(choice.cwd);
  const commit = choice.ref === void 0 ? void 0 : await resolveRevision(top, choice.ref);
  const files = await candidateFiles(
    top,
    choice.config,
    commit === void 0 ? { kind: "worktree" } : { kind: "commit", commit }
  );
  const path = fileOf(choice, top, [...files.oids.keys()]);
  const settings = subjectSettings(path, choice.config);
  const index = new NameIndex(() => files.read([...files.oids.keys()]), choice.config.root);
  const bytes = (await files.read([path])).get(path);
  if (bytes === void 0)
    throw new SchemagateError(
      "FILE_UNREADABLE",
      `cannot read ${path}${choice.ref === void 0 ? "" : ` at ${choice.ref}`}`
    );
  const loaded = await loadSchema(path, bytes, {
    ...settings.format === void 0 ? {} : { format: settings.format },
    index,
    policy: choice.config.jsonSchemaPolicy
  });
  if (!loaded.ok) {
    const p = loaded.problems[0];
    throw new SchemagateError("INVALID_SCHEMA", p.message, { file: path, line: p.line, column: p.column });
  }
  const at = choice.ref === void 0 ? "" : ` at ${choice.ref}`;
  const references = loaded.references.map((r) => ({ name: r.name, text: index.textOf(r.file) ?? "" }));
  if (choice.version === void 0) return { label: `${path}${at}`, schema: loaded.schema, references };
  const head = commit ?? await resolveRevision(top, "HEAD");
  const history = await readFewFileHistories(top, { commit: head, paths: [path], root: choice.config.root });
  const fileHistory = history.files.get(path);
  const versions = await buildVersions(
    fileHistory,
    streamBlobs(top, fileHistory?.changes.map((c) => c.blob) ?? []),
    {
      format: loaded.format,
      index
    }
  );
  const version = versions[choice.version - 1];
  if (version === void 0)
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `--version ${choice.version}: ${path} has ${versions.length} version(s) in the history of ${choice.ref ?? "HEAD"}`
    );
  return {
    label: `${path} version ${version.version} (${version.commit.slice(0, 7)})`,
    schema: version.schema,
    references
  };
}
function fileOf(choice, top, files) {
  const full = resolve(choice.cwd, choice.target);
  const fromTop = relative(top, full).split("\\").join("/");
  if (files.includes(fromTop)) return fromTop;
  const bySubject = files.filter((f) => subjectSettings(f, choice.config).subject === choice.target);
  if (bySubject.length === 1) return bySubject[0];
  if (bySubject.length > 1)
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `subject '${choice.target}' is the subject of ${bySubject.join(", ")}`
    );
  const where = choice.ref === void 0 ? "in the working tree" : `at ${choice.ref}`;
  throw new SchemagateError(
    "INVALID_ARGUMENT",
    existsSync(full) ? `${choice.target} is not a schema file under '${choice.config.root}' ${where}` : `'${choice.target}' is neither a schema file nor the subject of one under '${choice.config.root}' ${where}`
  );
}
async function schemaFromRegistry(client, subject, version) {
  const stored = await client.getVersion(subject, version ?? "latest");
  const references = [];
  const seen = /* @__PURE__ */ new Set();
  const collect = async (refs) => {
    for (const r of refs) {
      if (seen.has(r.name)) continue;
      seen.add(r.name);
      const v = await client.getVersion(r.subject, r.version);
      await collect(v.references ?? []);
      references.push({ name: r.name, text: v.schema });
    }
  };
  await collect(stored.references ?? []);
  const format = stored.schemaType === "JSON" ? "json" : stored.schemaType === "PROTOBUF" ? "protobuf" : "avro";
  const handler = await loadFormat(format);
  const label = `${subject} version ${stored.version} (id ${stored.id}) in ${client.url}`;
  const parsed = handler.parse(stored.schema, { references, lenient: true });
  if (!parsed.ok)
    throw new SchemagateError(
      "REGISTRY_BAD_ANSWER",
      `${label}: the registry's schema does not parse: ${parsed.issues[0]?.message ?? ""}`
    );
  return { label, schema: parsed.schema, references };
}

// src/cli/commands/validate.ts
var usage = "schemagate validate <subject|schema-file> <message.json>... [--version N] [--ref <rev>] [--registry <url>] [--format text|json] [--config <path>]";
var command = {
  name: "validate",
  summary: "check sample messages (JSON) against a schema version from git or the registry; exit 1 if any is invalid",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        version: { type: "string" },
        ref: { type: "string" },
        registry: { type: "string" },
        format: { type: "string", short: "f", default: "text" },
        config: { type: "string", short: "c" }
      },
      usage
    );
    const [target, ...messages] = positionals;
    if (target === void 0 || messages.length === 0)
      throw new SchemagateError(
        "INVALID_ARGUMENT",
        `a schema and at least one message file are needed
usage: ${usage}`
      );
    if (values.format !== "text" && values.format !== "json")
      throw new SchemagateError(
        "INVALID_ARGUMENT",
        `--format must be text or json, not '${values.format}'
usage: ${usage}`
      );
    const version = values.version === void 0 ? void 0 : positiveInteger(values.version);
    if (values.registry !== void 0 && values.ref !== void 0)
      throw new SchemagateError(
        "INVALID_ARGUMENT",
        `--ref reads git, --registry the registry: give one
usage: ${usage}`
      );
    const parsed = messages.map((file) => ({ file, value: readMessage(io.cwd, file) }));
    const config = await configFor(io.cwd, values.config);
    const schema = values.registry !== void 0 ? await schemaFromRegistry(
      connectRegistry(values.registry, config, io.env),
      await subjectOf(target, io.cwd, config),
      version
    ) : await schemaFromGit({
      target,
      cwd: io.cwd,
      config: config ?? await configFor(io.cwd, void 0, true),
      ...version === void 0 ? {} : { version },
      ...values.ref === void 0 ? {} : { ref: values.ref }
    });
    const check = await messageChecker(schema.schema, schema.label, schema.references);
    const results = parsed.map(({ file, value }) => result(file, check(value)));
    io.stdout(
      values.format === "json" ? `${JSON.stringify({ schema: schema.label, messages: results }, null, 2)}
` : renderText(schema, results)
    );
    return results.every((r) => r.valid) ? 0 : 1;
  }
};
var validate_default = command;
function result(file, issue) {
  return issue === void 0 ? { file, valid: true } : { file, valid: false, path: issue.path, reason: issue.reason };
}
function renderText(schema, results) {
  const lines = results.map(
    (r) => r.valid ? `${r.file}: valid` : `${r.file}: invalid at ${r.path === "" ? "(root)" : r.path}: ${r.reason}`
  );
  const bad = results.filter((r) => !r.valid).length;
  lines.push(
    bad === 0 ? `schemagate validate ok: ${results.length} message(s) valid against ${schema.label}` : `schemagate validate failed: ${bad} of ${results.length} message(s) invalid against ${schema.label}`
  );
  return `${lines.join("\n")}
`;
}
function positiveInteger(text) {
  if (!/^[1-9][0-9]*$/.test(text))
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `--version must be a version number (1, 2, …), not '${text}'
usage: ${usage}`
    );
  return Number(text);
}
function readMessage(cwd, file) {
  let text;
  try {
    text = readFileSync(resolve2(cwd, file), "utf8");
  } catch (e) {
    const code = e.code;
    throw new SchemagateError(
      "FILE_UNREADABLE",
      `cannot read message ${file}${code === "ENOENT" ? ": no such file" : `: ${e.message}`}`,
      { file }
    );
  }
  return parseJson(text, file).value;
}
async function configFor(cwd, path, required = false) {
  let top;
  try {
    top = await repoRoot(cwd);
  } catch (e) {
    if (required || path !== void 0) throw e;
    return void 0;
  }
  return path === void 0 ? loadConfig(top) : loadConfigAt(top, path, cwd);
}
async function subjectOf(target, cwd, config) {
  if (config === void 0 || !/\.(avsc|json|proto)$/i.test(target)) return target;
  const top = await repoRoot(cwd);
  return subjectSettings(relative2(top, resolve2(cwd, target)).split("\\").join("/"), config).subject;
}
export {
  validate_default as default
};
