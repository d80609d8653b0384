import {
  lintFindings,
  lintRunsInCheck
} from "./chunk-UKMXE7KU.js";
import {
  messageChecker,
  readAvroJson
} from "./chunk-QLTC7SBT.js";
import {
  buildVersions
} from "./chunk-DCVPW6IE.js";
import {
  NameIndex,
  loadSchema
} from "./chunk-AYQYXMTB.js";
import {
  candidateFiles,
  resolveBase,
  resolveRevision
} from "./chunk-JG5DLF5R.js";
import {
  NARROW_LIMIT,
  prefetchFirstParentChain,
  readFewFileHistories,
  readFileHistories
} from "./chunk-AACIVGT5.js";
import {
  CONFIG_FILE,
  loadConfig,
  loadConfigAt,
  parseConfig
} from "./chunk-GZ7YKJFV.js";
import {
  listWorktreeFiles,
  repoRoot,
  resolveCommit,
  streamBlobs
} from "./chunk-X223GS44.js";
import {
  examplesOf,
  isSchemaPath,
  isUnderRoot,
  levelOf,
  sameSubjectIn,
  subjectSettings
} from "./chunk-MYU7MPXZ.js";
import {
  checkCompatibility
} from "./chunk-4JLVD5MI.js";
import {
  detectFormat,
  directionsOf,
  isTransitive
} from "./chunk-KVYAH4SS.js";
import {
  describeType,
  isNamed
} from "./chunk-J5VQF3U6.js";
import {
  joinPointer,
  parseJson,
  positionOf
} from "./chunk-L6DUB6QO.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";
import {
  compareFindings,
  summarize
} from "./chunk-4WLI5DVH.js";

// src/repo/check.ts
import { join } from "node:path";

// src/formats/avro/json-resolve.ts
var PROMOTIONS = {
  int: ["long", "float", "double"],
  long: ["float", "double"],
  float: ["double"],
  string: ["bytes"],
  bytes: ["string"]
};
function resolveAvroJson(writer, reader, value) {
  return resolve(writer, reader, value, "");
}
function resolve(w, r, v, path) {
  if (w.kind === "union") {
    if (v === null)
      return resolve(
        w.branches.find((b) => b.kind === "null"),
        r,
        v,
        path
      );
    const [key, inner] = Object.entries(v)[0];
    const branch = w.branches.find((b) => (isNamed(b) ? b.fullName : b.kind) === key);
    return resolve(branch, r, inner, joinPointer(path, key));
  }
  if (r.kind === "union") {
    const branch = r.branches.find((b) => sameType(w, b)) ?? r.branches.find((b) => promotes(w, b));
    if (branch === void 0)
      return {
        path,
        reason: `the reader's union [${r.branches.map((b) => describeType(b)).join(", ")}] has no branch for ${describeType(w)}`
      };
    return resolve(w, branch, v, path);
  }
  if (!sameType(w, r) && !promotes(w, r))
    return { path, reason: `written as ${describeType(w)}, the reader expects ${describeType(r)}` };
  switch (w.kind) {
    case "enum": {
      const symbols = r.symbols;
      const readerDefault = r.default;
      if (typeof v === "string" && !symbols.includes(v) && readerDefault === void 0)
        return {
          path,
          reason: `the reader's enum '${r.fullName}' has no symbol '${v}' and no default`
        };
      return void 0;
    }
    case "fixed":
      return w.size === r.size ? void 0 : { path, reason: `fixed '${w.fullName}' has ${w.size} bytes, the reader's ${r.size}` };
    case "array":
      return each(
        v,
        (item, i) => resolve(w.items, r.items, item, joinPointer(path, i))
      );
    case "map":
      return each(
        Object.entries(v),
        ([k, item]) => resolve(w.values, r.values, item, joinPointer(path, k))
      );
    case "record": {
      const reader = r;
      const obj = v;
      for (const rf of reader.fields) {
        const wf = w.fields.find((f) => f.name === rf.name || rf.aliases.includes(f.name));
        if (wf === void 0) {
          if (rf.default === void 0)
            return {
              path: joinPointer(path, rf.name),
              reason: `the reader's field '${rf.name}' of '${reader.fullName}' is not in the writer's schema and has no default`
            };
          continue;
        }
        const issue = resolve(wf.type, rf.type, obj[wf.name], joinPointer(path, wf.name));
        if (issue !== void 0) return issue;
      }
      return void 0;
    }
    default:
      return void 0;
  }
}
function each(items, check) {
  for (let i = 0; i < items.length; i++) {
    const issue = check(items[i], i);
    if (issue !== void 0) return issue;
  }
  return void 0;
}
function sameType(w, r) {
  if (w.kind !== r.kind) return false;
  if (!isNamed(w)) return true;
  const reader = r;
  return reader.fullName === w.fullName || reader.aliases.includes(w.fullName);
}
function promotes(w, r) {
  return PROMOTIONS[w.kind]?.includes(r.kind) ?? false;
}

// src/examples/engines.ts
var avroEngine = {
  decodes: async (schema, value) => readAvroJson(schema.root, value),
  reads: async (writer, reader, value) => resolveAvroJson(writer.root, reader.root, value)
};
function jsonEngine(references) {
  const checkers = /* @__PURE__ */ new Map();
  const check = async (schema, value) => {
    let checker = checkers.get(schema);
    if (checker === void 0)
      checkers.set(schema, checker = messageChecker(schema, schema.file ?? "schema", references));
    return (await checker)(value);
  };
  return { decodes: check, reads: (_writer, reader, value) => check(reader, value) };
}
function dataEngineOf(format, references = []) {
  return format === "avro" ? avroEngine : format === "json" ? jsonEngine(references) : void 0;
}

// src/examples/guard.ts
async function exampleFindings(input) {
  const engine = dataEngineOf(input.candidate.format, input.references);
  if (engine === void 0) return [];
  const against = isTransitive(input.level) ? input.versions : input.versions.slice(-1);
  const directions = directionsOf(input.level);
  const out = [];
  for (const example of input.examples) {
    let doc;
    try {
      doc = parseJson(example.bytes.toString("utf8"), example.file);
    } catch (e) {
      const at2 = e instanceof SchemagateError ? e.location : {};
      out.push(
        finding(example.file, { line: at2.line ?? 1, column: at2.column ?? 1 }, "EXAMPLE_INVALID", "", {
          message: `the example is not JSON: ${e.message}`,
          fix: "fix the JSON, or remove the file from the examples"
        })
      );
      continue;
    }
    const at = (pointer) => positionOf(doc, pointer);
    const newIssue = await engine.decodes(input.candidate, doc.value);
    const writtenWith = [];
    for (const v of input.versions)
      if (await engine.decodes(v.schema, doc.value) === void 0) writtenWith.push(v);
    if (newIssue !== void 0 && writtenWith.length === 0) {
      out.push(
        finding(example.file, at(newIssue.path), "EXAMPLE_INVALID", newIssue.path, {
          message: `the example is data of neither the new schema nor any earlier version: ${newIssue.reason}`,
          fix: 'correct the example (Avro: the JSON encoding, unions as {"type": value}), or remove it'
        })
      );
      continue;
    }
    if (directions.includes("new-reads-old"))
      for (const v of against.filter((x) => writtenWith.includes(x))) {
        const issue = await engine.reads(v.schema, input.candidate, doc.value);
        if (issue !== void 0)
          out.push(
            finding(example.file, at(issue.path), "EXAMPLE_NOT_READABLE", issue.path, {
              message: `written with version ${v.version} (${v.commit.slice(0, 7)}), the new schema cannot read it: ${issue.reason} (${input.level})`,
              fix: "keep the new schema able to read old data (a default, an alias, the old symbol), or choose another compatibility level",
              direction: "new-reads-old",
              version: v.version,
              commit: v.commit
            })
          );
      }
    if (directions.includes("old-reads-new") && newIssue === void 0)
      for (const v of against) {
        const issue = await engine.reads(input.candidate, v.schema, doc.value);
        if (issue !== void 0)
          out.push(
            finding(example.file, at(issue.path), "EXAMPLE_NOT_READABLE", issue.path, {
              message: `written with the new schema, readers of version ${v.version} (${v.commit.slice(0, 7)}) cannot read it: ${issue.reason} (${input.level})`,
              fix: "keep old readers able to read new data (a default on removed fields, an enum default), or choose another compatibility level",
              direction: "old-reads-new",
              version: v.version,
              commit: v.commit
            })
          );
      }
  }
  return out;
}
function finding(file, pos, rule, path, rest) {
  return {
    rule,
    severity: "error",
    path,
    file,
    line: pos.line,
    column: pos.column,
    version: null,
    commit: null,
    ...rest
  };
}

// src/repo/check.ts
async function runCheck(options) {
  const top = await repoRoot(options.cwd);
  const config = options.config ?? (options.configPath === void 0 ? loadConfig(top) : loadConfigAt(top, options.configPath, options.cwd));
  const mode = options.mode ?? "worktree";
  let base;
  if (mode === "against") {
    if (options.against === void 0)
      throw new SchemagateError("INVALID_ARGUMENT", "--against needs a ref, such as origin/main");
    base = { ref: options.against, commit: await resolveRevision(top, options.against) };
  } else if (options.against !== void 0) {
    base = { ref: options.against, commit: await resolveRevision(top, options.against) };
  } else {
    base = await resolveBase(top, config);
  }
  if (base.commit !== void 0) prefetchFirstParentChain(top, base.commit);
  const candidateSource = mode === "staged" ? { kind: "index" } : mode === "against" ? { kind: "commit", commit: await resolveRevision(top, "HEAD") } : { kind: "worktree" };
  const [candidates, baseFiles] = await Promise.all([
    candidateFiles(top, config, candidateSource),
    base.commit === void 0 ? /* @__PURE__ */ new Map() : candidateFiles(top, config, { kind: "commit", commit: base.commit }).then((c) => c.oids)
  ]);
  if (candidates.conflicted.length > 0) throw await mergeConflict(top, candidates.conflicted);
  if (candidates.oids.size === 0 && baseFiles.size === 0)
    throw await noSchemaFiles(top, config, candidateSource.kind, candidates.skipped);
  const added = [...candidates.oids.keys()].filter((p) => !baseFiles.has(p));
  const removed = [...baseFiles.keys()].filter((p) => !candidates.oids.has(p));
  const renamedFrom = pairRenames(added, removed, config);
  const renamedOld = new Set(renamedFrom.values());
  const deleted = removed.filter((p) => !renamedOld.has(p));
  const movedTo = movedContent(deleted, added, candidates.oids, baseFiles);
  const targets = mode === "all" ? [...candidates.oids.keys()] : [...candidates.oids.keys()].filter((p) => baseFiles.get(p) !== candidates.oids.get(p));
  const historyPaths = [.../* @__PURE__ */ new Set([...targets, ...deleted, ...renamedFrom.values()])];
  let history;
  const sameSubject = sameSubjectIn(config);
  if (mode === "all" || historyPaths.length > NARROW_LIMIT)
    history = await readFileHistories(top, {
      commit: base.commit,
      paths: [config.root],
      sameSubject,
      ...deepen(options)
    });
  else
    history = await readFewFileHistories(top, {
      commit: base.commit,
      paths: historyPaths,
      root: config.root,
      sameSubject,
      ...deepen(options)
    });
  const historyOf = (path) => {
    const from = renamedFrom.get(path) ?? path;
    return history.files.get(from) ?? history.deleted.get(from);
  };
  const blobIds = [];
  const configPath = config.file ?? CONFIG_FILE;
  const baseConfigSpec = base.commit === void 0 || configPath.startsWith("/") ? void 0 : `${base.commit}:${configPath}`;
  if (baseConfigSpec !== void 0) blobIds.push(baseConfigSpec);
  const fromGit = candidateSource.kind !== "worktree";
  if (fromGit) for (const p of targets) blobIds.push(candidates.oids.get(p));
  for (const p of targets) for (const c of historyOf(p)?.changes ?? []) blobIds.push(c.blob);
  const blobs = streamBlobs(top, blobIds);
  const readTargets = async () => {
    const read = /* @__PURE__ */ new Map();
    for (const p of targets) {
      const bytes = await blobs.get(candidates.oids.get(p));
      if (bytes !== void 0) read.set(p, bytes);
    }
    return read;
  };
  const [baseConfigBytes, candidateBytes] = await Promise.all([
    baseConfigSpec === void 0 ? void 0 : blobs.get(baseConfigSpec),
    fromGit ? readTargets() : candidates.read(targets)
  ]);
  const baseConfig = baseConfigFrom(baseConfigBytes, config);
  const index = new NameIndex(() => candidates.read([...candidates.oids.keys()]), config.root);
  const reports = [];
  for (const path of targets) {
    reports.push(
      await checkSubject(path, candidateBytes.get(path), historyOf(path), renamedFrom.get(path), {
        config,
        mode,
        blobs,
        index,
        strict: options.strict === true,
        examples: candidates.examples,
        read: candidates.read
      })
    );
  }
  for (const path of deleted)
    reports.push(deletedSubject(path, history.files.get(path), config, movedTo.get(path)));
  if (baseConfig !== void 0) {
    for (const path of candidates.oids.keys()) {
      const before = levelOf(renamedFrom.get(path) ?? path, baseConfig);
      if (before === levelOf(path, config) || !baseFiles.has(renamedFrom.get(path) ?? path)) continue;
      const now = subjectSettings(path, config);
      let report = reports.find((r) => r.file === path);
      if (report === void 0) {
        report = {
          subject: now.subject,
          file: path,
          format: detectFormat(path),
          level: now.level,
          status: "unchanged",
          versions: 0,
          findings: []
        };
        const bytes = (await candidates.read([path])).get(path);
        if (bytes !== void 0) {
          const loaded = await loadSchema(path, bytes, { index });
          report.format = loaded.format;
        }
        reports.push(report);
      }
      report.findings.push({
        rule: "LEVEL_CHANGED",
        severity: "warning",
        path: "",
        file: config.file ?? CONFIG_FILE,
        line: 1,
        column: 1,
        version: null,
        commit: null,
        message: `the compatibility level of '${now.subject}' changes from ${before} to ${now.level} in this change`,
        fix: "make sure the change is intended; the registry must be given the new level when this is published"
      });
    }
  }
  markDuplicateSubjects(
    reports,
    [...candidates.oids.keys()].map((p) => ({ file: p, subject: subjectSettings(p, config).subject }))
  );
  reports.sort((a, b) => a.file.localeCompare(b.file));
  for (const r of reports) r.findings.sort(compareFindings);
  const summary = summarize(reports);
  return {
    ok: summary.errors === 0,
    mode,
    base: { ref: base.ref, commit: base.commit ?? null },
    subjects: reports,
    summary,
    ...candidates.skipped.length === 0 ? {} : { skipped: candidates.skipped }
  };
}
async function mergeConflict(top, files) {
  const merging = await resolveCommit(top, "MERGE_HEAD");
  const what = merging === void 0 ? "unresolved conflicts" : "a merge in progress with unresolved conflicts";
  return new SchemagateError(
    "MERGE_CONFLICT",
    `${what} in ${files.join(", ")}: the schemas cannot be checked until they are resolved. Edit the files to resolve the conflicts, \`git add\` them, then commit (the hook checks the resolved files)` + (merging === void 0 ? "" : ", or `git merge --abort` to give up the merge")
  );
}
async function noSchemaFiles(top, config, source, skipped) {
  const where = source === "worktree" ? "the working tree" : source === "index" ? "the index" : "HEAD";
  const root = config.root === "." ? "the repository" : `'${config.root}/'`;
  const outside = (await listWorktreeFiles(top, ".")).filter(
    (p) => isSchemaPath(p, { root: "." }) && !isUnderRoot(p, config.root) && !NOT_SCHEMAS.test(p)
  );
  const hints = [
    ...skipped.length === 0 ? [] : [
      `it holds ${skipped.length} other file(s), such as ${skipped[0].file} (${skipped[0].reason === "symlink" ? "a symbolic link" : "not .avsc, .json or .proto"})`
    ],
    ...outside.length === 0 ? [] : [`schema files outside it: ${outside.slice(0, 3).join(", ")}${outside.length > 3 ? ", …" : ""}`]
  ];
  return new SchemagateError(
    "NO_SCHEMA_FILES",
    `no schema files (.avsc, .json, .proto) under ${root} (${join(top, config.root)}) in ${where} nor in the base's history, so nothing was checked` + (hints.length === 0 ? "" : `; ${hints.join("; ")}`) + `. Set \`root:\` in ${config.file ?? CONFIG_FILE} to the folder that holds the schemas (default: schemas)`,
    config.file === void 0 ? {} : { file: config.file }
  );
}
var NOT_SCHEMAS = /(^|\/)(node_modules\/|\.|package(-lock)?\.json$|tsconfig[^/]*\.json$)/;
function deepen(options) {
  return options.deepen === void 0 ? {} : { deepen: options.deepen };
}
function baseConfigFrom(bytes, current) {
  if (bytes === void 0) return current.file === void 0 ? void 0 : parseConfig("");
  try {
    return parseConfig(bytes.toString("utf8"));
  } catch {
    return void 0;
  }
}
function pairRenames(added, removed, config) {
  const pairs = /* @__PURE__ */ new Map();
  const bySubject = new Map(removed.map((p) => [subjectSettings(p, config).subject, p]));
  for (const a of added) {
    const match = bySubject.get(subjectSettings(a, config).subject);
    if (match === void 0) continue;
    pairs.set(a, match);
    bySubject.delete(subjectSettings(a, config).subject);
  }
  return pairs;
}
function movedContent(deleted, added, now, before) {
  const byBlob = new Map(added.map((p) => [now.get(p), p]));
  const moved = /* @__PURE__ */ new Map();
  for (const d of deleted) {
    const to = byBlob.get(before.get(d));
    if (to !== void 0) moved.set(d, to);
  }
  return moved;
}
function finding2(file, partial) {
  return { version: null, commit: null, ...partial, file };
}
async function checkSubject(path, bytes, history, previousFile, ctx) {
  const settings = subjectSettings(path, ctx.config);
  const report = {
    subject: settings.subject,
    file: path,
    format: settings.format ?? detectFormat(path),
    level: settings.level,
    status: "ok",
    versions: 0,
    findings: [],
    ...previousFile === void 0 ? {} : { previousFile }
  };
  if (previousFile !== void 0) {
    report.findings.push(
      finding2(path, {
        rule: "SUBJECT_RENAMED",
        severity: "info",
        path: "",
        line: 1,
        column: 1,
        message: `renamed from ${previousFile}; the file keeps its history as subject '${settings.subject}'`
      })
    );
  }
  try {
    if (bytes === void 0) throw new Error(`cannot read ${path}`);
    const loaded = await loadSchema(path, bytes, {
      ...settings.format === void 0 ? {} : { format: settings.format },
      index: ctx.index,
      policy: ctx.config.jsonSchemaPolicy
    });
    report.format = loaded.format;
    const versions = await buildVersions(history, ctx.blobs, { format: loaded.format, index: ctx.index });
    report.versions = versions.length;
    if (!loaded.ok) {
      for (const p of loaded.problems) {
        report.findings.push(
          finding2(path, {
            rule: p.rule,
            severity: "error",
            path: p.pointer,
            line: p.line,
            column: p.column,
            message: p.message,
            ...p.fix === void 0 ? {} : { fix: p.fix }
          })
        );
      }
      report.status = "invalid";
      return report;
    }
    compareWithHistory(report, loaded, versions, ctx.mode);
    await guardExamples(report, loaded, versions, ctx);
    for (const w of loaded.schema.warnings ?? [])
      report.findings.push(
        finding2(path, {
          rule: w.rule,
          severity: "warning",
          path: w.pointer,
          line: w.line,
          column: w.column,
          message: w.message
        })
      );
    if (lintRunsInCheck(ctx.config))
      report.findings.push(
        ...lintFindings(path, settings.subject, loaded, ctx.config, { inCheck: true, strict: ctx.strict })
      );
  } catch (e) {
    report.findings.push(
      finding2(path, {
        rule: "INTERNAL_ERROR",
        severity: "error",
        path: "",
        line: 1,
        column: 1,
        message: `schemagate could not check this file: ${e.message}`
      })
    );
    report.status = "invalid";
  }
  return report;
}
async function guardExamples(report, loaded, versions, ctx) {
  if (report.status === "unchanged" || ctx.examples.size === 0) return;
  const files = examplesOf(report.file, ctx.examples.keys(), ctx.config.examples);
  if (files.length === 0) return;
  const bytes = await ctx.read(files);
  const normalized = loaded.handler.normalized(loaded.schema);
  const findings = await exampleFindings({
    level: report.level,
    candidate: loaded.schema,
    versions: versions.at(-1)?.normalized === normalized ? versions.slice(0, -1) : versions,
    examples: files.map((file) => ({ file, bytes: bytes.get(file) ?? Buffer.alloc(0) })),
    references: loaded.references.map((r) => ({ name: r.name, text: ctx.index.textOf(r.file) ?? "" }))
  });
  report.findings.push(...findings);
  if (findings.some((f) => f.rule === "EXAMPLE_NOT_READABLE") && (report.status === "ok" || report.status === "new"))
    report.status = "incompatible";
}
function compareWithHistory(report, loaded, versions, mode) {
  const normalized = loaded.handler.normalized(loaded.schema);
  const latest = versions.at(-1);
  const sameAsLatest = latest !== void 0 && latest.normalized === normalized;
  const renamed = report.previousFile !== void 0;
  if (sameAsLatest && mode !== "all") {
    report.status = renamed ? "renamed" : "unchanged";
    return;
  }
  const previous = sameAsLatest ? versions.slice(0, -1) : versions;
  if (latest !== void 0 && !sameAsLatest) report.changes = changesOf(loaded, latest, report.level);
  if (previous.length === 0) {
    report.status = renamed ? "renamed" : versions.length === 0 ? "new" : "ok";
    return;
  }
  const result = checkCompatibility(
    report.level,
    loaded.schema,
    previous.map((v) => v.schema),
    (r, w, c) => loaded.handler.check(r, w, c)
  );
  for (const f of result.findings) {
    const against = previous[f.version - 1];
    const pointer = f.candidatePointer ?? (f.direction === "new-reads-old" ? f.path : "");
    const pos = loaded.handler.locate(loaded.schema, pointer === "/" ? "" : pointer);
    report.findings.push({
      rule: f.errorType,
      severity: "error",
      path: pointer === "/" ? "" : pointer,
      file: report.file,
      line: pos.line,
      column: pos.column,
      version: against.version,
      commit: against.commit,
      message: `${f.message} (against version ${against.version}, ${against.commit.slice(0, 7)}; ${report.level})`,
      fix: f.fix,
      direction: f.direction
    });
  }
  report.status = result.compatible ? renamed ? "renamed" : "ok" : "incompatible";
}
function changesOf(loaded, latest, level) {
  const checked = directionsOf(level);
  return loaded.handler.diff(latest.schema, loaded.schema).map((c) => ({ ...c, breaking: c.breaks.some((d) => checked.includes(d)) }));
}
function deletedSubject(path, history, config, movedTo) {
  const settings = subjectSettings(path, config);
  const moved = movedTo === void 0 ? "" : `; its content moved to ${movedTo}, which is another subject ('${subjectSettings(movedTo, config).subject}'): a move keeps its history only when the subject stays the same`;
  const keep = movedTo === void 0 ? "restore the file" : `move it back, or keep the subject with a \`subjects\` rule (match: "${movedTo}", subject: "${settings.subject}")`;
  const last = history?.changes.at(-1);
  const status = "deleted";
  return {
    subject: settings.subject,
    file: path,
    format: settings.format ?? detectFormat(path),
    level: settings.level,
    status,
    versions: new Set(history?.changes.map((c) => c.blob) ?? []).size,
    findings: [
      finding2(path, {
        rule: "SUBJECT_DELETED",
        severity: config.allowDelete ? "info" : "error",
        path: "",
        line: 1,
        column: 1,
        ...last === void 0 ? {} : { commit: last.commit },
        message: `${path} was deleted, but subject '${settings.subject}' has history; consumers may still read its data${moved}`,
        fix: config.allowDelete ? "none needed: allowDelete is true" : `${keep}, or set \`allowDelete: true\` in schemagate.yaml if the subject is really retired`
      })
    ]
  };
}
function markDuplicateSubjects(reports, all) {
  const bySubject = /* @__PURE__ */ new Map();
  for (const { file, subject } of all) bySubject.set(subject, [...bySubject.get(subject) ?? [], file]);
  for (const r of reports) {
    if (r.status === "deleted") continue;
    const others = (bySubject.get(r.subject) ?? []).filter((f) => f !== r.file);
    if (others.length === 0) continue;
    r.findings.push(
      finding2(r.file, {
        rule: "DUPLICATE_SUBJECT",
        severity: "error",
        path: "",
        line: 1,
        column: 1,
        message: `subject '${r.subject}' is also the subject of ${others.join(", ")}`,
        fix: "give one of the files another subject (a `subjects` rule with `subject:`), or rename it"
      })
    );
    r.status = "invalid";
  }
}

export {
  runCheck
};
