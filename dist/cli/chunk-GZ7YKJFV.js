import {
  DEFAULT_EXAMPLES,
  DEFAULT_ROOT
} from "./chunk-MYU7MPXZ.js";
import {
  parseFormatId,
  parseLevel
} from "./chunk-KVYAH4SS.js";
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

// src/lint/rules.ts
var LINT_RULES = {
  SUBJECT_NAME: "the subject follows the configured subject name strategy ({topic}-key or {topic}-value by default)",
  TYPE_NAME_CASE: "record, enum and fixed names are PascalCase",
  NAMESPACE_PATTERN: "Avro namespaces match the configured pattern (dotted lowercase by default)",
  FIELD_NAME_CASE: "field and property names are in the configured case (camelCase by default)",
  FIELD_NAME_CASE_CLASH: "no two fields of one record differ only by case",
  DOC_MISSING: "records, enums, fixed types and fields have a doc (JSON Schema: a description)",
  ENUM_DEFAULT_MISSING: "Avro enums have a default symbol, so that adding a symbol stays forward compatible"
};
var LINT_RULE_IDS = Object.keys(LINT_RULES);
function isLintRuleId(id) {
  return Object.hasOwn(LINT_RULES, id);
}
var IGNORE_PROPERTY = "schemagate:ignore";

// src/repo/config.ts
var CONFIG_FILE = "schemagate.yaml";
var FIELD_CASES = ["camelCase", "snake_case", "PascalCase"];
var SUBJECT_STRATEGIES = ["topic", "record", "topic-record"];
var LINT_SEVERITIES = ["off", "info", "warning", "error"];
var DEFAULT_CONFIG = {
  root: DEFAULT_ROOT,
  baseBranch: void 0,
  compatibility: "BACKWARD",
  subjects: [],
  naming: "file",
  allowDelete: false,
  registry: void 0,
  lint: {
    requireDoc: false,
    check: false,
    fieldCase: "camelCase",
    namespace: void 0,
    subjectStrategy: "topic",
    rules: {}
  },
  jsonSchemaPolicy: "strict",
  generate: [],
  examples: DEFAULT_EXAMPLES,
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
    lint: { ...DEFAULT_CONFIG.lint, rules: {} },
    generate: [],
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
  const oneOf = (node, key, allowed) => {
    const s = str(node, key);
    if (!allowed.includes(s))
      fail(`'${key}' must be one of ${allowed.join(", ")}, not '${s}'`, node);
    return s;
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
          else if (k === "check") config.lint.check = bool(p.value, "lint.check");
          else if (k === "fieldCase")
            config.lint.fieldCase = oneOf(p.value, "lint.fieldCase", FIELD_CASES);
          else if (k === "subjectStrategy")
            config.lint.subjectStrategy = oneOf(
              p.value,
              "lint.subjectStrategy",
              SUBJECT_STRATEGIES
            );
          else if (k === "namespace") {
            const pattern = str(p.value, "lint.namespace");
            try {
              new RegExp(pattern, "u");
            } catch (e) {
              fail(
                `'lint.namespace' is not a regular expression: ${e.message}`,
                p.value
              );
            }
            config.lint.namespace = pattern;
          } else if (k === "rules") {
            if (!isMap(p.value))
              fail(
                `'lint.rules' must be a mapping of rule ids to off, info, warning or error`,
                p.value
              );
            for (const r of p.value.items) {
              const id = isScalar(r.key) ? String(r.key.value) : "";
              if (!isLintRuleId(id))
                fail(`'lint.rules': unknown rule '${id}' (${LINT_RULE_IDS.join(", ")})`, r.key);
              config.lint.rules[id] = oneOf(r.value, `lint.rules.${id}`, LINT_SEVERITIES);
            }
          } else
            fail(
              `unknown key '${k}' in 'lint' (requireDoc, check, fieldCase, namespace, subjectStrategy, rules)`,
              p.key
            );
        }
        break;
      }
      case "generate": {
        if (!isSeq(value))
          fail(`'generate' must be a list of model modules (- models/events.ts)`, value);
        for (const item of value.items) {
          const module = str(item, "generate[]").replace(/\\/g, "/").replace(/^\.\//, "");
          if (module.startsWith("/") || module.split("/").includes(".."))
            fail(
              `'generate' modules must be files inside the repository, such as 'models/events.ts'`,
              item
            );
          config.generate.push(module);
        }
        break;
      }
      case "examples": {
        const template = str(value, "examples").replace(/^\.\//, "");
        if (template.startsWith("/") || template.split("/").includes(".."))
          fail(
            `'examples' must be a glob inside the schema root, such as '{dir}/examples/*.json'`,
            value
          );
        config.examples = template;
        break;
      }
      default:
        fail(
          `unknown key '${key}' (root, baseBranch, compatibility, subjects, naming, allowDelete, jsonSchemaPolicy, registry, lint, generate, examples)`,
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
  IGNORE_PROPERTY,
  CONFIG_FILE,
  loadConfig,
  loadConfigAt,
  parseConfig,
  resolveRegistryUrl
};
