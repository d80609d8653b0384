import {
  CONFIG_FILE
} from "./chunk-GZ7YKJFV.js";
import {
  repoRoot,
  runGit
} from "./chunk-X223GS44.js";

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
var BLOCK_START = "# >>> schemagate: check staged schema changes (added by `schemagate init`)";
var BLOCK_END = "# <<< schemagate";
var HUSKY_BLOCK = `${BLOCK_START}
[ "\${SCHEMAGATE_SKIP:-}" = "1" ] || ! grep -q '^generate:' schemagate.yaml 2>/dev/null || \${SCHEMAGATE_BIN:-npx --no-install schemagate} generate --check || exit $?
[ "\${SCHEMAGATE_SKIP:-}" = "1" ] || \${SCHEMAGATE_BIN:-npx --no-install schemagate} check --staged || exit $?
${BLOCK_END}
`;
function withBlock(current) {
  const start = current.indexOf(BLOCK_START);
  const end = current.indexOf(BLOCK_END, start);
  if (start >= 0 && end >= 0) {
    const after = current.slice(end + BLOCK_END.length).replace(/^\n/, "");
    return `${current.slice(0, start)}${HUSKY_BLOCK}${after}`;
  }
  return `${current}${current === "" || current.endsWith("\n") ? "" : "\n"}
${HUSKY_BLOCK}`;
}
function hookScript() {
  return readFileSync(new URL("../../hooks/pre-commit", import.meta.url), "utf8");
}
var huskyHooksPath = (hooksPath) => hooksPath !== void 0 && /(^|\/)\.husky(\/|$)/.test(hooksPath);
function declaresHusky(top) {
  try {
    const pkg = JSON.parse(readFileSync(join(top, "package.json"), "utf8"));
    return pkg["devDependencies"]?.["husky"] !== void 0 || pkg["dependencies"]?.["husky"] !== void 0;
  } catch {
    return false;
  }
}
function usesHusky(top, hooksPath) {
  return existsSync(join(top, ".husky")) || huskyHooksPath(hooksPath) || declaresHusky(top);
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
  let script = hookScript();
  let status;
  if (existsSync(hookFile)) {
    const current = readFileSync(hookFile, "utf8");
    if (current.includes(HOOK_MARKER)) status = current === script ? "unchanged" : "updated";
    else if (manager === "husky") {
      script = withBlock(current);
      status = script === current ? "unchanged" : current.includes(BLOCK_START) ? "updated" : "added";
    } else status = "foreign";
  } else status = "installed";
  if (status === "installed" || status === "updated" || status === "added") {
    mkdirSync(join(hookFile, ".."), { recursive: true });
    writeFileSync(hookFile, script);
    chmodSync(hookFile, 493);
  }
  const warnings = [];
  if (manager === "husky" && !huskyHooksPath(hooksPath))
    warnings.push(
      "husky is not installed in this clone (git does not run the hooks in .husky/ yet: core.hooksPath is not set); run `npm install` (husky's `prepare` script installs it) or `npx husky`"
    );
  return {
    config: { path: relative(top, configPath), status: configStatus },
    hook: { path: relative(top, hookFile), status, manager },
    warnings
  };
}

export {
  initProject
};
