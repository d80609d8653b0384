// src/repo/subjects.ts
import { posix } from "node:path";

// src/repo/glob.ts
function globToRegExp(glob) {
  let re = "";
  let i = 0;
  let inBraces = 0;
  while (i < glob.length) {
    const c = glob[i];
    if (c === "*") {
      if (glob[i + 1] === "*") {
        const slashAfter = glob[i + 2] === "/";
        re += slashAfter ? "(?:.*/)?" : ".*";
        i += slashAfter ? 3 : 2;
        continue;
      }
      re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "{") {
      inBraces++;
      re += "(?:";
    } else if (c === "}" && inBraces > 0) {
      inBraces--;
      re += ")";
    } else if (c === "," && inBraces > 0) re += "|";
    else re += c.replace(/[.+^$()|[\]\\]/g, "\\$&");
    i++;
  }
  return new RegExp(`^${re}$`);
}
function matchesGlob(path, glob) {
  return globToRegExp(glob.replace(/^\.\//, "")).test(path);
}

// src/repo/subjects.ts
var DEFAULT_ROOT = "schemas";
var SCHEMA_EXTENSIONS = [".avsc", ".json", ".proto"];
function isSchemaPath(path, config) {
  const lower = path.toLowerCase();
  return SCHEMA_EXTENSIONS.some((e) => lower.endsWith(e)) && isUnderRoot(path, config.root);
}
function isUnderRoot(path, root) {
  return root === "." || path === root || path.startsWith(`${root}/`);
}
function subjectSettings(path, config) {
  const inRoot = config.root === "." ? path : path.slice(config.root.length + 1);
  const ext = posix.extname(inRoot);
  const withoutExt = inRoot.slice(0, inRoot.length - ext.length);
  const name = posix.basename(withoutExt);
  const dir = posix.dirname(withoutExt) === "." ? "" : posix.dirname(withoutExt);
  const topic = dir.split("/").filter((s) => s !== "").join(".");
  let subject = config.naming === "topic" && topic !== "" ? `${topic}-${name}` : name;
  let level = config.compatibility;
  let format;
  for (const rule of config.subjects) {
    if (!matchesGlob(path, rule.match) && !matchesGlob(inRoot, rule.match)) continue;
    if (rule.compatibility !== void 0) level = rule.compatibility;
    if (rule.format !== void 0) format = rule.format;
    if (rule.subject !== void 0) {
      subject = rule.subject.replace(
        /\{(name|topic|dir|path)\}/g,
        (_, k) => k === "name" ? name : k === "topic" ? topic : k === "dir" ? dir : withoutExt
      );
    }
  }
  return { subject, level, format };
}
function levelOf(path, config) {
  let level = config.compatibility;
  let inRoot;
  for (const rule of config.subjects) {
    if (rule.compatibility === void 0) continue;
    inRoot ??= config.root === "." ? path : path.slice(config.root.length + 1);
    if (matchesGlob(path, rule.match) || matchesGlob(inRoot, rule.match)) level = rule.compatibility;
  }
  return level;
}
function sameSubjectIn(config) {
  return (from, to) => subjectSettings(from, config).subject === subjectSettings(to, config).subject;
}

export {
  DEFAULT_ROOT,
  isSchemaPath,
  isUnderRoot,
  subjectSettings,
  levelOf,
  sameSubjectIn
};
