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
  prefetchFirstParentChain,
  readFileHistories
} from "./chunk-AACIVGT5.js";
import {
  loadConfig
} from "./chunk-GZ7YKJFV.js";
import {
  readBlobs,
  repoRoot,
  runGit
} from "./chunk-X223GS44.js";
import {
  isSchemaPath,
  sameSubjectIn,
  subjectSettings
} from "./chunk-MYU7MPXZ.js";
import {
  checkCompatibility
} from "./chunk-4JLVD5MI.js";
import {
  detectFormat,
  directionsOf
} from "./chunk-KVYAH4SS.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/repo/inspect.ts
import { existsSync, readFileSync } from "node:fs";
import { join, relative as relative2, resolve as resolve2 } from "node:path";

// src/repo/read.ts
import { relative, resolve } from "node:path";
async function readSubjects(options) {
  const top = await repoRoot(options.cwd);
  const config = options.config ?? loadConfig(top);
  const base = options.ref === void 0 ? await resolveBase(top, config) : { ref: options.ref, commit: await resolveRevision(top, options.ref) };
  if (base.commit === void 0) return { commit: void 0, ref: base.ref, subjects: [] };
  prefetchFirstParentChain(top, base.commit);
  const [history, atCommit] = await Promise.all([
    readFileHistories(top, {
      commit: base.commit,
      paths: [config.root],
      sameSubject: sameSubjectIn(config),
      ...options.deepen === void 0 ? {} : { deepen: options.deepen }
    }),
    candidateFiles(top, config, { kind: "commit", commit: base.commit })
  ]);
  const files = [...history.files.values()].filter((h) => atCommit.oids.has(h.path));
  const wanted = options.only === void 0 ? files : files.filter(
    (h) => options.only.includes(h.path) || options.only.includes(subjectSettings(h.path, config).subject)
  );
  const blobs = await readBlobs(
    top,
    wanted.flatMap((h) => h.changes.map((c) => c.blob))
  );
  const index = new NameIndex(() => atCommit.read([...atCommit.oids.keys()]), config.root);
  const subjects = [];
  for (const h of wanted) subjects.push(await subjectInfo(h, blobs, config, index));
  subjects.sort((a, b) => a.subject.localeCompare(b.subject));
  return { commit: base.commit, ref: base.ref, subjects };
}
async function subjectInfo(h, blobs, config, index) {
  const settings = subjectSettings(h.path, config);
  const last = h.changes.at(-1);
  const bytes = last === void 0 ? void 0 : blobs.get(last.blob);
  const problems = [];
  let format = settings.format ?? detectFormat(h.path);
  let references = [];
  let content = "";
  if (bytes !== void 0) {
    const loaded = await loadSchema(h.path, bytes, {
      ...settings.format === void 0 ? {} : { format: settings.format },
      index
    });
    format = loaded.format;
    content = loaded.text ?? bytes.toString("utf8");
    if (loaded.ok)
      references = loaded.references.map((r) => ({ ...r, subject: subjectSettings(r.file, config).subject }));
    else problems.push(...loaded.problems.map((p) => `${h.path}:${p.line}:${p.column}: ${p.message}`));
  }
  const versions = (await buildVersions(h, blobs, { format, index })).map(
    ({ schema: _s, normalized: _n, ...v }) => v
  );
  return {
    subject: settings.subject,
    file: h.path,
    format,
    level: settings.level,
    content,
    versions,
    references,
    problems
  };
}
function findSubject(subjects, wanted, where) {
  const asWritten = wanted.replace(/\\/g, "/").replace(/^\.\//, "");
  const fromCwd = relative(where.top, resolve(where.cwd, wanted)).split("\\").join("/");
  const hit = subjects.find((s) => s.subject === wanted || s.file === fromCwd || s.file === asWritten) ?? subjects.find((s) => s.file.endsWith(`/${asWritten}`));
  if (hit === void 0) {
    const known = subjects.map((s) => s.subject).slice(0, 10).join(", ") || "none";
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `no subject or schema file '${wanted}' under '${where.root}' in the history (known: ${known})`
    );
  }
  return hit;
}
async function changedSubjects(options) {
  const top = await repoRoot(options.cwd);
  const config = options.config ?? loadConfig(top);
  const from = await resolveRevision(top, options.from);
  const to = await resolveRevision(top, options.to ?? "HEAD");
  const out = (await runGit(["diff", "--name-status", "-M", "-z", from, to, "--", config.root], { cwd: top })).stdout.toString("utf8");
  const tokens = out.split("\0");
  const changes2 = [];
  for (let i = 0; i < tokens.length; ) {
    const status = tokens[i] ?? "";
    if (status === "") {
      i++;
      continue;
    }
    if (status.startsWith("R") || status.startsWith("C")) {
      const old = tokens[i + 1] ?? "";
      const file2 = tokens[i + 2] ?? "";
      const subject = subjectSettings(file2, config).subject;
      const oldSubject = subjectSettings(old, config).subject;
      if (status.startsWith("R") && oldSubject === subject) {
        if (isSchemaPath(file2, config)) changes2.push({ subject, file: file2, change: "renamed", previousFile: old });
      } else {
        if (status.startsWith("R") && isSchemaPath(old, config))
          changes2.push({ subject: oldSubject, file: old, change: "deleted" });
        if (isSchemaPath(file2, config)) changes2.push({ subject, file: file2, change: "added" });
      }
      i += 3;
      continue;
    }
    const file = tokens[i + 1] ?? "";
    const kind = status === "A" ? "added" : status === "D" ? "deleted" : "modified";
    if (isSchemaPath(file, config))
      changes2.push({ subject: subjectSettings(file, config).subject, file, change: kind });
    i += 2;
  }
  return changes2.sort((a, b) => a.subject.localeCompare(b.subject));
}

// src/repo/inspect.ts
async function treeIndex(top, config, commit) {
  if (commit === void 0) return new NameIndex(async () => /* @__PURE__ */ new Map());
  const files = await candidateFiles(top, config, { kind: "commit", commit });
  return new NameIndex(() => files.read([...files.oids.keys()]), config.root);
}
function changes(from, to, level) {
  const checked = directionsOf(level);
  return to.handler.diff(from.schema, to.schema).map((c) => ({ ...c, breaking: c.breaks.some((d) => checked.includes(d)) }));
}
async function subjectLog(options) {
  const top = await repoRoot(options.cwd);
  const config = options.config ?? loadConfig(top);
  const read = await readSubjects({
    cwd: top,
    config,
    ...options.ref === void 0 ? {} : { ref: options.ref }
  });
  const info = findSubject(read.subjects, options.subject, { top, cwd: options.cwd, root: config.root });
  const index = await treeIndex(top, config, read.commit);
  const loaded = [];
  for (const v of info.versions) {
    const l = await loadSchema(v.file, Buffer.from(v.text, "utf8"), {
      format: info.format,
      index,
      lenient: true,
      policy: config.jsonSchemaPolicy
    });
    if (!l.ok)
      throw new SchemagateError(
        "INVALID_SCHEMA",
        `version ${v.version} (${v.commit.slice(0, 7)}) of ${info.subject} does not parse: ${l.problems[0]?.message ?? ""}`
      );
    loaded.push(l);
  }
  const steps = info.versions.map((v, i) => {
    if (i === 0) return { ...v, verdict: "first", findings: [], changes: [] };
    const current = loaded[i];
    const result = checkCompatibility(
      info.level,
      current.schema,
      loaded.slice(0, i).map((l) => l.schema),
      (r, w, c) => current.handler.check(r, w, c)
    );
    return {
      ...v,
      verdict: result.compatible ? "compatible" : "incompatible",
      findings: result.findings.map((f) => ({ rule: f.errorType, against: f.version, message: f.message })),
      changes: changes(loaded[i - 1], current, info.level)
    };
  });
  return { subject: info.subject, file: info.file, format: info.format, level: info.level, steps };
}
async function subjectDiff(options) {
  const top = await repoRoot(options.cwd);
  const config = options.config ?? loadConfig(top);
  const asPath = relative2(top, resolve2(options.cwd, options.subject)).split("\\").join("/");
  let file;
  if (existsSync(join(top, asPath)) && !asPath.startsWith("..")) file = asPath;
  if (file === void 0) {
    const work = await candidateFiles(top, config, { kind: "worktree" });
    file = [...work.oids.keys()].find((p) => subjectSettings(p, config).subject === options.subject);
  }
  const base = await resolveBase(top, config);
  const read = await readSubjects({
    cwd: top,
    config,
    ...base.commit === void 0 ? {} : { ref: base.commit }
  }).catch(() => ({ subjects: [], commit: void 0 }));
  const history = read.subjects.find(
    (s) => s.file === file || file === void 0 && s.subject === options.subject
  );
  file ??= history?.file;
  if (file === void 0)
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `no subject or schema file '${options.subject}' under '${config.root}'`
    );
  const settings = subjectSettings(file, config);
  const contentAt = async (rev) => {
    const commit = await resolveRevision(top, rev);
    const blobs = await readBlobs(top, [`${commit}:${file}`]);
    const b = blobs.get(`${commit}:${file}`);
    if (b === void 0) throw new SchemagateError("INVALID_ARGUMENT", `${file} does not exist at ${rev}`);
    return { text: b, commit };
  };
  const to = options.to === void 0 ? { text: readFileSync(join(top, file)), commit: null } : await contentAt(options.to);
  const toIndex = await treeIndex(top, config, to.commit ?? void 0);
  const toLoaded = await loadSchema(file, to.text, {
    ...settings.format === void 0 ? {} : { format: settings.format },
    policy: config.jsonSchemaPolicy,
    index: options.to === void 0 ? new NameIndex(async () => readWorktree(top, config), config.root) : toIndex
  });
  if (!toLoaded.ok)
    throw new SchemagateError(
      "INVALID_SCHEMA",
      `${file}:${toLoaded.problems[0]?.line}:${toLoaded.problems[0]?.column}: ${toLoaded.problems[0]?.message}`
    );
  let from;
  if (options.from !== void 0) from = { ...await contentAt(options.from), rev: options.from };
  else {
    const normalized = toLoaded.handler.normalized(toLoaded.schema);
    const index = await treeIndex(top, config, read.commit);
    let pick;
    for (const v of [...history?.versions ?? []].reverse()) {
      const l = await loadSchema(v.file, Buffer.from(v.text, "utf8"), {
        format: toLoaded.format,
        index,
        lenient: true
      });
      if (l.ok && l.handler.normalized(l.schema) !== normalized) {
        pick = v;
        break;
      }
    }
    if (pick === void 0)
      return {
        subject: settings.subject,
        file,
        level: settings.level,
        from: { rev: "none", commit: null },
        to: { rev: options.to ?? "working tree", commit: to.commit },
        changes: []
      };
    from = { text: Buffer.from(pick.text, "utf8"), commit: pick.commit, rev: `version ${pick.version}` };
  }
  const fromLoaded = await loadSchema(file, from.text, {
    format: toLoaded.format,
    index: await treeIndex(top, config, from.commit ?? void 0),
    lenient: true
  });
  if (!fromLoaded.ok)
    throw new SchemagateError(
      "INVALID_SCHEMA",
      `${file} at ${from.rev} does not parse: ${fromLoaded.problems[0]?.message}`
    );
  return {
    subject: settings.subject,
    file,
    level: settings.level,
    from: { rev: from.rev, commit: from.commit },
    to: { rev: options.to ?? "working tree", commit: to.commit },
    changes: changes(fromLoaded, toLoaded, settings.level)
  };
}
async function readWorktree(top, config) {
  const files = await candidateFiles(top, config, { kind: "worktree" });
  return files.read([...files.oids.keys()]);
}

export {
  readSubjects,
  changedSubjects,
  subjectLog,
  subjectDiff
};
