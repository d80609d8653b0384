// src/registry/make-directory.ts
import { mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
function makeDirectory(dir) {
  const missing = [];
  let at = resolve(dir);
  for (; ; ) {
    const found = kindOf(at);
    if (found === "directory") break;
    if (found === "other") throw new Error(`${at} exists and is not a folder`);
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) throw new Error(`${at} does not exist`);
    at = parent;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (e) {
      const code = e.code;
      if (code === "EEXIST" && kindOf(folder) === "directory") continue;
      const why = code === "ENOENT" ? `its parent ${dirname(folder)} does not accept new folders (a virtual file system such as /proc?)` : code === "EACCES" || code === "EPERM" ? `permission denied (${code})` : code === "EROFS" ? "the file system is read-only" : e.message;
      throw new Error(`cannot create ${folder}: ${why}`, { cause: e });
    }
  }
}
function kindOf(path) {
  try {
    return statSync(path).isDirectory() ? "directory" : "other";
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT" || code === "ENOTDIR") return "missing";
    throw new Error(`cannot read ${path}: ${e.message}`, { cause: e });
  }
}

export {
  makeDirectory
};
