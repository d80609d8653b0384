import {
  loadConfigAt
} from "./chunk-GZ7YKJFV.js";
import {
  repoRoot
} from "./chunk-X223GS44.js";

// src/cli/config-arg.ts
async function configAt(cwd, path) {
  return loadConfigAt(await repoRoot(cwd), path, cwd);
}

export {
  configAt
};
