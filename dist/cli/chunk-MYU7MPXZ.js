// src/examples/paths.ts
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

// src/examples/paths.ts
var DEFAULT_EXAMPLES = "{dir}/examples/*.json";
function isExamplePath(path, template) {
  return matchesGlob(path, template.replace(/\{dir\}/g, "**").replace(/\{name\}/g, "*"));
}
function examplesGlobOf(schemaPath, template) {
  const dir = posix.dirname(schemaPath);
  const name = posix.basename(schemaPath, posix.extname(schemaPath));
  const escape = (s) => s.replace(/[*?{},]/g, "?");
  return template.replace(/\{dir\}/g, escape(dir)).replace(/\{name\}/g, escape(name));
}
function examplesOf(schemaPath, paths, template) {
  const glob = examplesGlobOf(schemaPath, template);
  return [...paths].filter((p) => matchesGlob(p, glob)).sort();
}

// src/repo/subjects.ts
import { posix as posix2 } from "node:path";
var DEFAULT_ROOT = "schemas";
var SCHEMA_EXTENSIONS = [".avsc", ".json", ".proto"];
function isSchemaPath(path, config) {
  const lower = path.toLowerCase();
  return SCHEMA_EXTENSIONS.some((e) => lower.endsWith(e)) && isUnderRoot(path, config.root) && (config.examples === void 0 || !isExamplePath(path, config.examples));
}
function isUnderRoot(path, root) {
  return root === "." || path === root || path.startsWith(`${root}/`);
}
function subjectSettings(path, config) {
  const inRoot = config.root === "." ? path : path.slice(config.root.length + 1);
  const ext = posix2.extname(inRoot);
  const withoutExt = inRoot.slice(0, inRoot.length - ext.length);
  const name = posix2.basename(withoutExt);
  const dir = posix2.dirname(withoutExt) === "." ? "" : posix2.dirname(withoutExt);
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
  DEFAULT_EXAMPLES,
  isExamplePath,
  examplesOf,
  DEFAULT_ROOT,
  isSchemaPath,
  isUnderRoot,
  subjectSettings,
  levelOf,
  sameSubjectIn
};
