import {
  CONFIG_FILE
} from "./chunk-M6NZYUY5.js";
import {
  repoRoot,
  runGit
} from "./chunk-5BKTA54Q.js";

// src/repo/init.ts
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
var HOOK_MARKER = "schemagate-managed hook";
var STARTER_CONFIG = `# yaml-language-server: $schema=./node_modules/schemagate/schemagate.schema.json
# schemagate: schemas are files; their versions are their git history. See docs/validator.md.
root: schemas
compatibility: BACKWARD
naming: file
allowDelete: false
# subjects:
#   - match: "schemas/shared/**"
#     compatibility: FULL_TRANSITIVE
# registry:
#   url: \${SCHEMA_REGISTRY_URL}
`;
function hookScript() {
  return readFileSync(new URL("../../hooks/pre-commit", import.meta.url), "utf8");
}
function usesHusky(top, hooksPath) {
  if (existsSync(join(top, ".husky"))) return true;
  if (hooksPath !== void 0 && /(^|\/)\.husky(\/|$)/.test(hooksPath)) return true;
  try {
    const pkg = JSON.parse(readFileSync(join(top, "package.json"), "utf8"));
    return pkg["devDependencies"]?.["husky"] !== void 0 || pkg["dependencies"]?.["husky"] !== void 0;
  } catch {
    return false;
  }
}
async function initProject(cwd) {
  const top = await repoRoot(cwd);
  const configPath = join(top, CONFIG_FILE);
  let configStatus = "exists";
  if (!existsSync(configPath)) {
    writeFileSync(configPath, STARTER_CONFIG, { flag: "wx" });
    configStatus = "written";
  }
  const hp = await runGit(["config", "--get", "core.hooksPath"], { cwd: top, okCodes: [1] });
  const hooksPath = hp.code === 0 ? hp.stdout.toString("utf8").trim() : void 0;
  let hookFile;
  let manager;
  if (usesHusky(top, hooksPath)) {
    hookFile = join(top, ".husky", "pre-commit");
    manager = "husky";
  } else {
    const dir = (await runGit(["rev-parse", "--git-path", "hooks"], { cwd: top })).stdout.toString("utf8").trim();
    hookFile = join(isAbsolute(dir) ? dir : join(top, dir), "pre-commit");
    manager = "git";
  }
  const script = hookScript();
  let status;
  if (existsSync(hookFile)) {
    const current = readFileSync(hookFile, "utf8");
    if (!current.includes(HOOK_MARKER)) status = "foreign";
    else if (current === script) status = "unchanged";
    else status = "updated";
  } else status = "installed";
  if (status === "installed" || status === "updated") {
    mkdirSync(join(hookFile, ".."), { recursive: true });
    writeFileSync(hookFile, script);
    chmodSync(hookFile, 493);
  }
  return {
    config: { path: relative(top, configPath), status: configStatus },
    hook: { path: relative(top, hookFile), status, manager }
  };
}

export {
  initProject
};
