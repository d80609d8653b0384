import {
  firstParentChainArgs,
  isShallow,
  runGit
} from "./chunk-X223GS44.js";
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

export {
  NARROW_LIMIT,
  prefetchFirstParentChain,
  historyLogArgs,
  readFileHistories,
  readFewFileHistories
};
