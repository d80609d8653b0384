import {
  NameIndex,
  buildVersions,
  loadSchema
} from "./chunk-KCG7TZ2V.js";
import {
  CONFIG_FILE,
  loadConfig,
  loadConfigAt,
  parseConfig
} from "./chunk-AMNHAX6Y.js";
import {
  checkCompatibility
} from "./chunk-4JLVD5MI.js";
import {
  detectFormat,
  directionsOf
} from "./chunk-KVYAH4SS.js";
import {
  joinPointer
} from "./chunk-L6DUB6QO.js";
import {
  compareFindings,
  summarize
} from "./chunk-4WLI5DVH.js";
import {
  candidateFiles,
  resolveBase,
  resolveRevision
} from "./chunk-SB5VEGJF.js";
import {
  NARROW_LIMIT,
  prefetchFirstParentChain,
  readFewFileHistories,
  readFileHistories
} from "./chunk-AACIVGT5.js";
import {
  listWorktreeFiles,
  repoRoot,
  resolveCommit,
  streamBlobs
} from "./chunk-X223GS44.js";
import {
  isSchemaPath,
  isUnderRoot,
  levelOf,
  sameSubjectIn,
  subjectSettings
} from "./chunk-X4MGRZF6.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/repo/check.ts
import { join } from "node:path";

// src/repo/lint.ts
var isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
function missingDocs(format, value) {
  const out = [];
  if (format === "avro") {
    const walk = (v, pointer) => {
      if (Array.isArray(v)) return v.forEach((b, i) => walk(b, `${pointer}/${i}`));
      if (!isObject(v)) return;
      const t = v["type"];
      if ((t === "record" || t === "error" || t === "enum" || t === "fixed") && typeof v["name"] === "string") {
        if (typeof v["doc"] !== "string") out.push({ pointer, what: `${t} '${v["name"]}'` });
        const fields = v["fields"];
        if (Array.isArray(fields)) {
          fields.forEach((f, i) => {
            if (!isObject(f)) return;
            const fp = `${pointer}/fields/${i}`;
            if (typeof f["doc"] !== "string") out.push({ pointer: fp, what: `field '${String(f["name"])}'` });
            if (f["type"] !== void 0) walk(f["type"], `${fp}/type`);
          });
        }
        return;
      }
      if (t === "array" && v["items"] !== void 0) walk(v["items"], `${pointer}/items`);
      else if (t === "map" && v["values"] !== void 0) walk(v["values"], `${pointer}/values`);
      else if (t !== void 0 && typeof t !== "string") walk(t, `${pointer}/type`);
    };
    walk(value, "");
  } else {
    if (isObject(value) && typeof value["description"] !== "string")
      out.push({ pointer: "", what: "the schema" });
    const walk = (v, pointer) => {
      if (Array.isArray(v)) return v.forEach((b, i) => walk(b, `${pointer}/${i}`));
      if (!isObject(v)) return;
      const props = v["properties"];
      if (isObject(props)) {
        for (const [name, p] of Object.entries(props)) {
          const pp = joinPointer(joinPointer(pointer, "properties"), name);
          if (isObject(p) && typeof p["description"] !== "string" && p["$ref"] === void 0)
            out.push({ pointer: pp, what: `property '${name}'` });
        }
      }
      for (const [k, c] of Object.entries(v)) walk(c, joinPointer(pointer, k));
    };
    walk(value, "");
  }
  return out;
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
        index
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
function finding(file, partial) {
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
      finding(path, {
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
          finding(path, {
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
    for (const w of loaded.schema.warnings ?? [])
      report.findings.push(
        finding(path, {
          rule: w.rule,
          severity: "warning",
          path: w.pointer,
          line: w.line,
          column: w.column,
          message: w.message
        })
      );
    if (ctx.config.lint.requireDoc && loaded.doc !== void 0) {
      for (const m of missingDocs(loaded.format, loaded.doc.value)) {
        const pos = loaded.handler.locate(loaded.schema, m.pointer);
        report.findings.push(
          finding(path, {
            rule: "DOC_MISSING",
            severity: "warning",
            path: m.pointer,
            line: pos.line,
            column: pos.column,
            message: `${m.what} has no ${loaded.format === "avro" ? "doc" : "description"} (lint.requireDoc)`,
            fix: `add a "${loaded.format === "avro" ? "doc" : "description"}" that says what it means`
          })
        );
      }
    }
  } catch (e) {
    report.findings.push(
      finding(path, {
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
      finding(path, {
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
      finding(r.file, {
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
