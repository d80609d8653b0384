import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/repo/git.ts
import { spawn } from "node:child_process";
function runGit(args, options) {
  const early = takeStarted(args, options);
  if (early !== void 0) return early.then((result) => checked(args, options, result));
  return spawnGit(args, options).then((result) => checked(args, options, result));
}
function checked(args, options, result) {
  if (result.code === 0 || options.okCodes?.includes(result.code)) return result;
  throw new SchemagateError(
    "GIT_ERROR",
    `git ${args[0] ?? ""} failed: ${result.stderr.trim() || `exit code ${result.code}`}`
  );
}
var started = /* @__PURE__ */ new Map();
var startedKey = (args, cwd) => `${cwd}\0${args.join("\0")}`;
function takeStarted(args, options) {
  if (started.size === 0 || options.input !== void 0 || options.onStdout !== void 0) return void 0;
  const key = startedKey(args, options.cwd);
  const early = started.get(key);
  started.delete(key);
  return early;
}
function startGitEarly(args, cwd) {
  const key = startedKey(args, cwd);
  let early = started.get(key);
  if (early === void 0) {
    early = spawnGit(args, { cwd });
    early.catch(() => void 0);
    started.set(key, early);
  }
  return early;
}
function dropEarlyGit() {
  started.clear();
}
function spawnGit(args, options) {
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn("git", args, {
        cwd: options.cwd,
        stdio: ["pipe", "pipe", "pipe"],
        // A hook runs with GIT_INDEX_FILE and friends set by git; they must reach us, so env is inherited.
        env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" }
      });
    } catch (e) {
      reject(new SchemagateError("GIT_ERROR", `cannot run git: ${e.message}`));
      return;
    }
    const out = [];
    const err = [];
    child.stdout.on("data", options.onStdout ?? ((b) => out.push(b)));
    child.stderr.on("data", (b) => err.push(b));
    child.on("error", (e) => reject(new SchemagateError("GIT_ERROR", `cannot run git: ${e.message}`)));
    child.on(
      "close",
      (code) => resolve({
        code: code ?? 1,
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err).toString("utf8")
      })
    );
    child.stdin.on("error", () => void 0);
    child.stdin.end(options.input ?? "");
  });
}
async function gitText(args, cwd) {
  return (await runGit(args, { cwd })).stdout.toString("utf8");
}
var shallowByTop = /* @__PURE__ */ new Map();
var firstParentChainArgs = (commit) => ["rev-list", "--first-parent", commit];
var ROOT_ARGS = ["rev-parse", "--show-toplevel", "--is-shallow-repository"];
async function repoRoot(cwd) {
  const r = await runGit(ROOT_ARGS, {
    cwd,
    okCodes: [128]
  });
  if (r.code !== 0)
    throw new SchemagateError(
      "GIT_ERROR",
      `not a git repository: ${cwd} (schemagate reads schema versions from git history; run \`git init\` first)`
    );
  const [top = "", shallow] = r.stdout.toString("utf8").split("\n");
  shallowByTop.set(top, shallow === "true");
  return top;
}
async function resolveCommit(cwd, rev) {
  const r = await runGit(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`], {
    cwd,
    okCodes: [1, 128]
  });
  return r.code === 0 ? r.stdout.toString("utf8").trim() : void 0;
}
async function isShallow(cwd, fresh = false) {
  const known = shallowByTop.get(cwd);
  if (known !== void 0 && !fresh) return known;
  const shallow = (await gitText(["rev-parse", "--is-shallow-repository"], cwd)).trim() === "true";
  shallowByTop.set(cwd, shallow);
  return shallow;
}
async function readBlobs(cwd, oids) {
  const unique = [...new Set(oids)];
  const blobs = /* @__PURE__ */ new Map();
  if (unique.length === 0) return blobs;
  const { stdout } = await runGit(["cat-file", "--batch"], { cwd, input: `${unique.join("\n")}
` });
  let pos = 0;
  for (const oid of unique) {
    const eol = stdout.indexOf(10, pos);
    if (eol < 0) break;
    const header = stdout.toString("latin1", pos, eol);
    pos = eol + 1;
    if (header.endsWith(" missing")) continue;
    const size = Number(header.slice(header.lastIndexOf(" ") + 1));
    blobs.set(oid, stdout.subarray(pos, pos + size));
    pos += size + 1;
  }
  return blobs;
}
function streamBlobs(cwd, oids) {
  const unique = [...new Set(oids)];
  const waiting = /* @__PURE__ */ new Map();
  for (const oid of unique) {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.catch(() => void 0);
    waiting.set(oid, { promise, resolve, reject });
  }
  const source = {
    get: (oid) => waiting.get(oid)?.promise
  };
  if (unique.length === 0) return source;
  let next = 0;
  let pending = Buffer.alloc(0);
  let size = -1;
  const settle = (buffer) => {
    const oid = unique[next++];
    if (oid !== void 0) waiting.get(oid)?.resolve(buffer);
  };
  let waitingChunks = [];
  let waitingLength = 0;
  const onData = (chunk) => {
    if (size >= 0 && pending.length + waitingLength + chunk.length < size + 1) {
      waitingChunks.push(chunk);
      waitingLength += chunk.length;
      return;
    }
    pending = pending.length === 0 && waitingLength === 0 ? chunk : Buffer.concat([pending, ...waitingChunks, chunk]);
    waitingChunks = [];
    waitingLength = 0;
    let pos = 0;
    for (; ; ) {
      if (size < 0) {
        const eol = pending.indexOf(10, pos);
        if (eol < 0) break;
        const header = pending.toString("latin1", pos, eol);
        pos = eol + 1;
        if (header.endsWith(" missing")) {
          settle(void 0);
          continue;
        }
        size = Number(header.slice(header.lastIndexOf(" ") + 1));
      }
      if (pending.length - pos < size + 1) break;
      settle(pending.subarray(pos, pos + size));
      pos += size + 1;
      size = -1;
    }
    pending = pending.subarray(pos);
  };
  runGit(["cat-file", "--batch"], { cwd, input: `${unique.join("\n")}
`, onStdout: onData }).then(
    () => {
      while (next < unique.length) settle(void 0);
    },
    (e) => {
      for (const oid of unique.slice(next)) waiting.get(oid)?.reject(e);
    }
  );
  return source;
}
function listFilesArgs(root, tree) {
  const pathspec = root === "." ? [] : ["--", root];
  return tree === void 0 ? ["ls-files", "-s", "-z", ...pathspec] : ["ls-tree", "-r", "-z", "--full-tree", tree, ...pathspec];
}
function parseFileList(out, tree, extras) {
  const files = /* @__PURE__ */ new Map();
  for (const entry of out.split("\0")) {
    const tab = entry.indexOf("	");
    if (tab < 0) continue;
    const [mode, second, third] = entry.slice(0, tab).split(" ");
    const path = entry.slice(tab + 1);
    const oid = tree === void 0 ? second : third;
    if (tree === void 0 ? third !== "0" : second !== "blob") {
      if (tree === void 0 && third !== void 0 && !extras?.conflicted.includes(path))
        extras?.conflicted.push(path);
      continue;
    }
    if (mode === "160000" || oid === void 0) continue;
    if (mode === "120000") {
      extras?.symlinks.push(path);
      continue;
    }
    files.set(path, oid);
  }
  return files;
}
async function listFiles(cwd, root, tree, extras) {
  const out = (await runGit(listFilesArgs(root, tree), { cwd })).stdout.toString("utf8");
  return parseFileList(out, tree, extras);
}
async function listWorktreeFiles(cwd, root) {
  const args = [
    "ls-files",
    "-z",
    "--cached",
    "--others",
    "--exclude-standard",
    ...root === "." ? [] : ["--", root]
  ];
  const out = (await runGit(args, { cwd })).stdout.toString("utf8");
  return [...new Set(out.split("\0").filter((p) => p !== ""))];
}

export {
  runGit,
  startGitEarly,
  dropEarlyGit,
  gitText,
  firstParentChainArgs,
  ROOT_ARGS,
  repoRoot,
  resolveCommit,
  isShallow,
  readBlobs,
  streamBlobs,
  listFilesArgs,
  parseFileList,
  listFiles,
  listWorktreeFiles
};
