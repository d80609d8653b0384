import {
  NARROW_LIMIT,
  historyLogArgs
} from "./chunk-AACIVGT5.js";
import {
  ROOT_ARGS,
  firstParentChainArgs,
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
  isExamplePath,
  isSchemaPath,
  isUnderRoot
} from "./chunk-MYU7MPXZ.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";

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
  const examples = /* @__PURE__ */ new Map();
  const isExample = (p) => isExamplePath(p, config.examples);
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
      if (!stat.isFile()) continue;
      const example = isExample(p);
      if (!example && !keep(p)) continue;
      const bytes = readFileSync(full);
      contents.set(p, bytes);
      (example ? examples : oids2).set(p, blobId(bytes));
    }
    return {
      oids: oids2,
      skipped,
      conflicted,
      examples,
      read: async (ps) => new Map(ps.flatMap((p) => contents.has(p) ? [[p, contents.get(p)]] : []))
    };
  }
  const symlinks = [];
  const listed = await listFiles(top, config.root, source.kind === "index" ? void 0 : source.commit, {
    symlinks,
    conflicted
  });
  for (const p of symlinks) if (isUnderRoot(p, config.root)) skipped.push({ file: p, reason: "symlink" });
  for (const [p, oid] of listed) if (isExample(p)) examples.set(p, oid);
  const oids = new Map([...listed].filter(([p]) => !examples.has(p) && keep(p)));
  const oidOf = (p) => oids.get(p) ?? examples.get(p);
  return {
    oids,
    skipped,
    conflicted: conflicted.filter((p) => isSchemaPath(p, config)),
    examples,
    read: async (ps) => {
      const blobs = await readBlobs(
        top,
        ps.flatMap((p) => oidOf(p) === void 0 ? [] : [oidOf(p)])
      );
      return new Map(
        ps.flatMap((p) => blobs.has(oidOf(p) ?? "") ? [[p, blobs.get(oidOf(p))]] : [])
      );
    }
  };
}

export {
  startBaseLookupEarly,
  resolveBase,
  resolveRevision,
  candidateFiles
};
