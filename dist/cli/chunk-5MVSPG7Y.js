import {
  ROOT_ARGS,
  firstParentChainArgs,
  isShallow,
  listFiles,
  listFilesArgs,
  listWorktreeFiles,
  parseFileList,
  readBlobs,
  resolveCommit,
  runGit,
  startGitEarly
} from "./chunk-X223GS44.js";
import {
  DEFAULT_ROOT,
  isSchemaPath,
  isUnderRoot
} from "./chunk-XTDEDTCT.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/repo/history.ts
var NULL_OID = "0000000000000000000000000000000000000000";
function parseRawEntries(tokens, start, into) {
  let i = start;
  while (i < tokens.length) {
    let meta = tokens[i];
    if (meta.charCodeAt(0) === 10) meta = meta.slice(1);
    if (meta.charCodeAt(0) !== 58) break;
    const lastSpace = meta.lastIndexOf(" ");
    const blobStart = meta.lastIndexOf(" ", lastSpace - 1) + 1;
    const blob = lastSpace < 0 || blobStart === 0 ? NULL_OID : meta.slice(blobStart, lastSpace);
    const status = lastSpace < 0 ? "" : meta.slice(lastSpace + 1);
    if (status.startsWith("R") || status.startsWith("C")) {
      into.push({ status: status[0], blob, from: tokens[i + 1] ?? "", path: tokens[i + 2] ?? "" });
      i += 3;
    } else {
      into.push({ status: status[0] ?? "M", blob, path: tokens[i + 1] ?? "" });
      i += 2;
    }
  }
  return i;
}
var FORMAT = "%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%aI";
var NARROW_LIMIT = 64;
var SPLIT_MIN_COMMITS = 256;
var chains = /* @__PURE__ */ new Map();
function prefetchFirstParentChain(cwd, commit) {
  const key = `${cwd}\0${commit}`;
  if (chains.has(key)) return;
  const chain = runGit(firstParentChainArgs(commit), { cwd }).then(
    (r) => r.stdout.toString("latin1").split("\n").filter((line) => line !== "")
  );
  chain.catch(() => void 0);
  chains.set(key, chain);
}
function takeFirstParentChain(cwd, commit) {
  prefetchFirstParentChain(cwd, commit);
  const key = `${cwd}\0${commit}`;
  const chain = chains.get(key);
  chains.delete(key);
  return chain;
}
function historyLogArgs(commit, paths, chain) {
  const args = [
    "log",
    "--first-parent",
    "--diff-merges=first-parent",
    "--raw",
    "--no-abbrev",
    "-M",
    "-z",
    "--reverse",
    `--format=${FORMAT}`
  ];
  const mid = chain.length >= SPLIT_MIN_COMMITS ? chain[chain.length >> 1] : void 0;
  const ranges = mid === void 0 ? [[commit]] : [[mid], [`^${mid}`, commit]];
  return ranges.map((range) => [...args, ...range, "--", ...paths]);
}
async function logCommits(cwd, commit, paths) {
  const chain = await takeFirstParentChain(cwd, commit);
  const parts = await Promise.all(
    historyLogArgs(commit, paths, chain).map(async (args) => {
      const out = await runGit(args, { cwd });
      const commits = [];
      parseLog(out.stdout.toString("utf8"), commits);
      return commits;
    })
  );
  return parts.length === 1 ? parts[0] : parts.flat();
}
function parseLog(out, commits) {
  for (const chunk of out.split("")) {
    if (chunk === "") continue;
    const tokens = chunk.split("\0");
    const [hash, parents, author, email, date] = (tokens[0] ?? "").split("");
    const entries = [];
    parseRawEntries(tokens, 1, entries);
    commits.push({
      commit: hash ?? "",
      parent: parents?.split(" ")[0] || void 0,
      author: author ?? "",
      email: email ?? "",
      date: (date ?? "").trim(),
      entries
    });
  }
}
function replay(commits, sameSubject) {
  const files = /* @__PURE__ */ new Map();
  const deleted = /* @__PURE__ */ new Map();
  const added = [];
  for (const c of commits) {
    const change = (blob, path) => ({
      commit: c.commit,
      author: c.author,
      email: c.email,
      date: c.date,
      blob,
      path
    });
    const remove = (path) => {
      const h = files.get(path);
      if (h === void 0) return;
      files.delete(path);
      deleted.set(path, { ...h, deletedIn: change(NULL_OID, path) });
    };
    for (const e of c.entries) {
      const from = e.status === "R" && e.from !== void 0 && files.has(e.from) ? e.from : void 0;
      if (from !== void 0 && sameSubject !== void 0 && !sameSubject(from, e.path)) remove(from);
      if (e.status === "D") {
        remove(e.path);
      } else if (from !== void 0 && files.has(from)) {
        const h = files.get(from);
        files.delete(from);
        h.path = e.path;
        if (h.changes.at(-1)?.blob !== e.blob) h.changes.push(change(e.blob, e.path));
        files.set(e.path, h);
      } else {
        let h = files.get(e.path);
        if (h === void 0) {
          const before = deleted.get(e.path);
          deleted.delete(e.path);
          h = before === void 0 ? { path: e.path, changes: [] } : { path: e.path, changes: before.changes };
          files.set(e.path, h);
          if (before === void 0) added.push({ path: e.path, commit: c });
        }
        if (h.changes.at(-1)?.blob !== e.blob) h.changes.push(change(e.blob, e.path));
      }
    }
  }
  return { commit: commits.at(-1)?.commit, files, deleted, added };
}
async function ensureFullHistory(cwd, deepen) {
  if (!await isShallow(cwd)) return;
  const remotes = (await runGit(["remote"], { cwd })).stdout.toString("utf8").split("\n").filter((r) => r !== "");
  const remote = remotes.includes("origin") ? "origin" : remotes[0];
  if (deepen && remote !== void 0) {
    const r = await runGit(["fetch", "--unshallow", "--quiet", remote], { cwd, okCodes: [1, 128] });
    if (r.code === 0 && !await isShallow(cwd, true)) return;
  }
  throw new SchemagateError(
    "HISTORY_MISSING",
    "this repository is a shallow clone, so the earlier versions of the schemas are missing. Fetch the whole history with `git fetch --unshallow`" + (remote === void 0 ? " (there is no remote to fetch from)" : "") + "; in GitHub Actions use actions/checkout with `fetch-depth: 0`."
  );
}
async function readFileHistories(cwd, options) {
  if (options.commit === void 0) return { commit: void 0, files: /* @__PURE__ */ new Map(), deleted: /* @__PURE__ */ new Map() };
  await ensureFullHistory(cwd, options.deepen ?? true);
  const commits = await logCommits(cwd, options.commit, options.paths);
  const { added: _added, ...history } = replay(commits, options.sameSubject);
  history.commit = options.commit;
  return history;
}
async function readFewFileHistories(cwd, options) {
  if (options.commit === void 0) return { commit: void 0, files: /* @__PURE__ */ new Map(), deleted: /* @__PURE__ */ new Map() };
  if (options.paths.length === 0) return { commit: options.commit, files: /* @__PURE__ */ new Map(), deleted: /* @__PURE__ */ new Map() };
  await ensureFullHistory(cwd, options.deepen ?? true);
  const commits = await logCommits(cwd, options.commit, options.paths);
  const { added, ...history } = replay(commits, options.sameSubject);
  history.commit = options.commit;
  const withParent = added.filter((a) => a.commit.parent !== void 0);
  if (withParent.length > 0) {
    const input = [...new Set(withParent.map((a) => `${a.commit.commit} ${a.commit.parent}`))].join("\n") + "\n";
    const out = (await runGit(["diff-tree", "--stdin", "-r", "-M", "--raw", "--no-abbrev", "-z", "--", options.root], {
      cwd,
      input
    })).stdout.toString("utf8");
    const entries = [];
    const tokens = out.split("\0");
    for (let i = 0; i < tokens.length; ) {
      const next = parseRawEntries(tokens, i + 1, entries);
      i = next === i + 1 ? i + 1 : next;
    }
    const addedPaths = new Set(withParent.map((a) => a.path));
    const keepsHistory = (e) => options.sameSubject === void 0 || options.sameSubject(e.from ?? "", e.path);
    if (entries.some((e) => e.status === "R" && addedPaths.has(e.path) && keepsHistory(e))) {
      return readFileHistories(cwd, {
        commit: options.commit,
        paths: [options.root],
        deepen: false,
        ...options.sameSubject === void 0 ? {} : { sameSubject: options.sameSubject }
      });
    }
  }
  return history;
}

// src/repo/workspace.ts
import { createHash } from "node:crypto";
import { lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";
var CONFIG_FILE_NAME = "schemagate.yaml";
var REFS_ARGS = [
  "for-each-ref",
  "--format=%(refname)%00%(objectname)%00%(symref)",
  "refs/heads",
  "refs/remotes"
];
function startBaseLookupEarly(cwd, options = {}) {
  const refsHere = startGitEarly(REFS_ARGS, cwd);
  startGitEarly(ROOT_ARGS, cwd).then(async (r) => {
    const [top, shallow] = r.code === 0 ? r.stdout.toString("utf8").split("\n") : [];
    if (top === void 0 || top === "") return;
    const refs = await (top === cwd ? refsHere : startGitEarly(REFS_ARGS, top));
    const base = refs.code === 0 ? pickBaseBranch(refs.stdout.toString("utf8"), void 0) : void 0;
    if (base?.commit === void 0) return;
    const chain = startGitEarly(firstParentChainArgs(base.commit), top);
    if (options.staged !== true || shallow === "true" || mayMoveRootOrBase(top)) return;
    const [index, atBase, chainOut] = await Promise.all([
      startGitEarly(listFilesArgs(DEFAULT_ROOT, void 0), top),
      startGitEarly(listFilesArgs(DEFAULT_ROOT, base.commit), top),
      chain
    ]);
    if (index.code !== 0 || atBase.code !== 0 || chainOut.code !== 0) return;
    const layout = { root: DEFAULT_ROOT };
    const schemaFiles = (out, tree) => new Map([...parseFileList(out.toString("utf8"), tree)].filter(([p]) => isSchemaPath(p, layout)));
    const now = schemaFiles(index.stdout, void 0);
    const before = schemaFiles(atBase.stdout, base.commit);
    if (now.size !== before.size || [...now.keys()].some((p) => !before.has(p))) return;
    const changed = [...now.keys()].filter((p) => before.get(p) !== now.get(p));
    if (changed.length === 0 || changed.length > NARROW_LIMIT) return;
    const commits = chainOut.stdout.toString("latin1").split("\n").filter((line) => line !== "");
    for (const args of historyLogArgs(base.commit, changed, commits)) startGitEarly(args, top);
  }).catch(() => void 0);
}
function mayMoveRootOrBase(top) {
  let text;
  try {
    text = readFileSync(join(top, CONFIG_FILE_NAME), "utf8");
  } catch {
    return false;
  }
  return /\b(root|baseBranch)\b/.test(text);
}
async function resolveBase(cwd, config) {
  const out = (await runGit(REFS_ARGS, { cwd })).stdout.toString("utf8");
  const hit = pickBaseBranch(out, config.baseBranch);
  if (hit !== void 0) return hit;
  if (config.baseBranch !== void 0) {
    const commit = await resolveCommit(cwd, config.baseBranch);
    if (commit !== void 0) return { ref: config.baseBranch, commit };
  }
  const head = await resolveCommit(cwd, "HEAD");
  return { ref: head === void 0 ? null : "HEAD", commit: head };
}
function pickBaseBranch(out, baseBranch) {
  const refs = /* @__PURE__ */ new Map();
  for (const line of out.split("\n")) {
    const [name, commit, symref] = line.split("\0");
    if (name !== void 0 && commit !== void 0 && name !== "")
      refs.set(name, { commit, symref: symref ?? "" });
  }
  const names = [];
  if (baseBranch !== void 0) {
    names.push(baseBranch, `origin/${baseBranch}`);
  } else {
    const remoteDefault = refs.get("refs/remotes/origin/HEAD")?.symref.replace(/^refs\/remotes\/origin\//, "");
    if (remoteDefault !== void 0 && remoteDefault !== "")
      names.push(remoteDefault, `origin/${remoteDefault}`);
    names.push("main", "origin/main", "master", "origin/master");
  }
  for (const name of names) {
    const hit = refs.get(name.startsWith("origin/") ? `refs/remotes/${name}` : `refs/heads/${name}`);
    if (hit !== void 0) return { ref: name, commit: hit.commit };
  }
  return void 0;
}
async function resolveRevision(cwd, rev) {
  const commit = await resolveCommit(cwd, rev);
  if (commit === void 0)
    throw new SchemagateError(
      "GIT_ERROR",
      `unknown revision '${rev}' (is it fetched? try \`git fetch origin ${rev.replace(/^origin\//, "")}\`)`
    );
  return commit;
}
function blobId(bytes) {
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
async function candidateFiles(top, config, source) {
  const skipped = [];
  const conflicted = [];
  const keep = (p) => {
    if (isSchemaPath(p, config)) return true;
    if (isUnderRoot(p, config.root)) skipped.push({ file: p, reason: "extension" });
    return false;
  };
  if (source.kind === "worktree") {
    const contents = /* @__PURE__ */ new Map();
    const oids2 = /* @__PURE__ */ new Map();
    for (const p of await listWorktreeFiles(top, config.root)) {
      const full = join(top, p);
      let stat;
      try {
        stat = lstatSync(full);
      } catch (e) {
        if (e.code === "ENOENT" || e.code === "ENOTDIR")
          continue;
        throw e;
      }
      if (stat.isSymbolicLink()) {
        if (isUnderRoot(p, config.root)) skipped.push({ file: p, reason: "symlink" });
        continue;
      }
      if (!stat.isFile() || !keep(p)) continue;
      const bytes = readFileSync(full);
      contents.set(p, bytes);
      oids2.set(p, blobId(bytes));
    }
    return {
      oids: oids2,
      skipped,
      conflicted,
      read: async (ps) => new Map(ps.flatMap((p) => contents.has(p) ? [[p, contents.get(p)]] : []))
    };
  }
  const symlinks = [];
  const listed = await listFiles(top, config.root, source.kind === "index" ? void 0 : source.commit, {
    symlinks,
    conflicted
  });
  for (const p of symlinks) if (isUnderRoot(p, config.root)) skipped.push({ file: p, reason: "symlink" });
  const oids = new Map([...listed].filter(([p]) => keep(p)));
  return {
    oids,
    skipped,
    conflicted: conflicted.filter((p) => isSchemaPath(p, config)),
    read: async (ps) => {
      const blobs = await readBlobs(
        top,
        ps.flatMap((p) => oids.has(p) ? [oids.get(p)] : [])
      );
      return new Map(
        ps.flatMap((p) => blobs.has(oids.get(p) ?? "") ? [[p, blobs.get(oids.get(p))]] : [])
      );
    }
  };
}

export {
  NARROW_LIMIT,
  prefetchFirstParentChain,
  readFileHistories,
  readFewFileHistories,
  startBaseLookupEarly,
  resolveBase,
  resolveRevision,
  candidateFiles
};
