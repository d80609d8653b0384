import {
  parseFormatId,
  parseLevel
} from "./chunk-KVYAH4SS.js";
import {
  DEFAULT_ROOT
} from "./chunk-X4MGRZF6.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/repo/config.ts
import { readFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import {
  LineCounter,
  parseDocument,
  isMap,
  isSeq,
  isScalar
} from "yaml";
var CONFIG_FILE = "schemagate.yaml";
var DEFAULT_CONFIG = {
  root: DEFAULT_ROOT,
  baseBranch: void 0,
  compatibility: "BACKWARD",
  subjects: [],
  naming: "file",
  allowDelete: false,
  registry: void 0,
  lint: { requireDoc: false },
  jsonSchemaPolicy: "strict",
  file: void 0
};
function loadConfig(repoRoot) {
  const path = join(repoRoot, CONFIG_FILE);
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    if (e.code === "ENOENT") return { ...DEFAULT_CONFIG };
    throw new SchemagateError("FILE_UNREADABLE", `cannot read ${CONFIG_FILE}: ${e.message}`, {
      file: CONFIG_FILE
    });
  }
  return parseConfig(text, CONFIG_FILE);
}
function loadConfigAt(repoRoot, path, cwd, source = "--config") {
  const full = resolve(cwd, path);
  const fromRoot = relative(repoRoot, full).split("\\").join("/");
  const shown = fromRoot === "" || fromRoot.startsWith("../") || isAbsolute(fromRoot) ? full : fromRoot;
  let text;
  try {
    text = readFileSync(full, "utf8");
  } catch (e) {
    const code = e.code;
    throw new SchemagateError(
      "FILE_UNREADABLE",
      `${source} ${path}: cannot read ${full}${code === "ENOENT" ? ": no such file" : `: ${e.message}`}`,
      { file: shown }
    );
  }
  return parseConfig(text, shown);
}
function parseConfig(text, file = CONFIG_FILE) {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const fail = (message, node, offset) => {
    const at = offset ?? node?.range?.[0];
    const pos = at === void 0 ? void 0 : lines.linePos(at);
    throw new SchemagateError("INVALID_CONFIG", `${message}`, {
      file,
      ...pos === void 0 ? {} : { line: pos.line, column: pos.col }
    });
  };
  const firstError = doc.errors[0];
  if (firstError !== void 0) {
    const message = firstError.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "invalid YAML";
    fail(`invalid YAML: ${message}`, void 0, firstError.pos[0]);
  }
  const config = {
    ...DEFAULT_CONFIG,
    subjects: [],
    lint: { ...DEFAULT_CONFIG.lint },
    file
  };
  const contents = doc.contents;
  if (contents === null || isScalar(contents) && contents.value === null) return config;
  if (!isMap(contents))
    fail("the configuration must be a mapping of keys (root, compatibility, subjects, …)", contents);
  const map = contents;
  const str = (node, key) => {
    if (!isScalar(node) || typeof node.value !== "string" || node.value === "")
      fail(`'${key}' must be a non-empty string`, node);
    return node.value;
  };
  const level = (node, key) => {
    const s = str(node, key);
    const l = parseLevel(s);
    if (l === void 0)
      fail(
        `'${key}': unknown compatibility level '${s}' (one of NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE)`,
        node
      );
    return l;
  };
  const bool = (node, key) => {
    if (!isScalar(node) || typeof node.value !== "boolean")
      fail(`'${key}' must be true or false`, node);
    return node.value;
  };
  for (const pair of map.items) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : "";
    const value = pair.value;
    switch (key) {
      case "root": {
        const root = str(value, "root").replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, "");
        if (root.startsWith("/") || root.split("/").includes(".."))
          fail(`'root' must be a folder inside the repository, such as 'schemas'`, value);
        config.root = root === "" ? "." : root;
        break;
      }
      case "baseBranch":
        config.baseBranch = str(value, "baseBranch");
        break;
      case "compatibility":
        config.compatibility = level(value, "compatibility");
        break;
      case "naming": {
        const n = str(value, "naming");
        if (n !== "file" && n !== "topic")
          fail(`'naming' must be 'file' or 'topic', not '${n}'`, value);
        config.naming = n;
        break;
      }
      case "allowDelete":
        config.allowDelete = bool(value, "allowDelete");
        break;
      case "jsonSchemaPolicy": {
        const policy = str(value, "jsonSchemaPolicy");
        if (policy !== "strict" && policy !== "lenient")
          fail(`'jsonSchemaPolicy' must be 'strict' or 'lenient', not '${policy}'`, value);
        config.jsonSchemaPolicy = policy;
        break;
      }
      case "subjects": {
        if (value === null || value === void 0 || isScalar(value) && value.value === null) break;
        if (!isSeq(value)) fail(`'subjects' must be a list of rules (- match: "glob")`, value);
        for (const item of value.items) {
          if (!isMap(item)) fail(`each 'subjects' rule must be a mapping with 'match'`, item);
          const rule = {};
          for (const p of item.items) {
            const k = isScalar(p.key) ? String(p.key.value) : "";
            if (k === "match") rule.match = str(p.value, "subjects[].match");
            else if (k === "compatibility") rule.compatibility = level(p.value, "subjects[].compatibility");
            else if (k === "subject") rule.subject = str(p.value, "subjects[].subject");
            else if (k === "format") {
              const f = parseFormatId(str(p.value, "subjects[].format"));
              if (f === void 0)
                fail(`'subjects[].format' must be 'avro', 'json' or 'protobuf'`, p.value);
              rule.format = f;
            } else
              fail(
                `unknown key '${k}' in a subjects rule (match, compatibility, subject, format)`,
                p.key
              );
          }
          if (rule.match === void 0)
            fail(
              `a 'subjects' rule needs 'match' (a glob such as "schemas/orders/*.avsc")`,
              item
            );
          config.subjects.push(rule);
        }
        break;
      }
      case "registry": {
        if (!isMap(value)) fail(`'registry' must be a mapping (url: …)`, value);
        const registry = {};
        for (const p of value.items) {
          const k = isScalar(p.key) ? String(p.key.value) : "";
          if (k === "url") registry.url = str(p.value, "registry.url");
          else fail(`unknown key '${k}' in 'registry' (url)`, p.key);
        }
        config.registry = registry;
        break;
      }
      case "lint": {
        if (!isMap(value)) fail(`'lint' must be a mapping (requireDoc: true)`, value);
        for (const p of value.items) {
          const k = isScalar(p.key) ? String(p.key.value) : "";
          if (k === "requireDoc") config.lint.requireDoc = bool(p.value, "lint.requireDoc");
          else fail(`unknown key '${k}' in 'lint' (requireDoc)`, p.key);
        }
        break;
      }
      default:
        fail(
          `unknown key '${key}' (root, baseBranch, compatibility, subjects, naming, allowDelete, jsonSchemaPolicy, registry, lint)`,
          keyNode
        );
    }
  }
  return config;
}
function resolveRegistryUrl(config, env = process.env) {
  const url = config.registry?.url;
  if (url === void 0) return void 0;
  return url.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name) => {
    const v = env[name];
    if (v === void 0)
      throw new SchemagateError(
        "INVALID_CONFIG",
        `environment variable ${name} is not set (used in registry.url)`,
        { file: config.file ?? CONFIG_FILE }
      );
    return v;
  });
}

export {
  CONFIG_FILE,
  loadConfig,
  loadConfigAt,
  parseConfig,
  resolveRegistryUrl
};
