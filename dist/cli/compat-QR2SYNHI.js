import {
  formatById
} from "./chunk-LNGTUFGZ.js";
import {
  parseCommandArgs
} from "./chunk-ETRZGG5M.js";
import {
  protoImports
} from "./chunk-VYU3HDXB.js";
import "./chunk-HVEUTBOD.js";
import "./chunk-A7H2MM5I.js";
import {
  jsonSchemaFormatWith,
  parsePolicy
} from "./chunk-37YVPKBY.js";
import {
  checkCompatibility
} from "./chunk-4JLVD5MI.js";
import {
  LEVELS,
  detectFormat,
  parseFormatId,
  parseLevel
} from "./chunk-KVYAH4SS.js";
import "./chunk-Q2EUGLQR.js";
import "./chunk-J5VQF3U6.js";
import {
  parseJson
} from "./chunk-L6DUB6QO.js";
import {
  SchemagateError,
  isSchemagateError
} from "./chunk-6BBU6Q3O.js";
import "./chunk-2Y665M2Q.js";

// src/cli/commands/compat.ts
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
var usage = "schemagate compat [--level <LEVEL>] [--type avro|json|protobuf] [--policy strict|lenient] [--json] <file>...  (files oldest first; the last is the candidate; level defaults to BACKWARD)";
var CompatInputError = class extends Error {
  constructor(code, message, file, line, column, issues) {
    super(message);
    this.code = code;
    this.file = file;
    this.line = line;
    this.column = column;
    this.issues = issues;
  }
  code;
  file;
  line;
  column;
  issues;
};
var decoder = new TextDecoder("utf-8", { fatal: true });
async function readSchemaFile(file, cwd) {
  let bytes;
  try {
    bytes = await readFile(resolve(cwd, file));
  } catch (e) {
    const reason = e.code === "ENOENT" ? "no such file" : e.code === "EISDIR" ? "is a directory" : e instanceof Error ? e.message : String(e);
    throw new CompatInputError("FILE_UNREADABLE", `cannot read the file: ${reason}`, file);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new CompatInputError("NOT_UTF8", `${file} is not UTF-8 text`, file);
  }
}
function formatOf(file, text, forced) {
  if (forced !== void 0) return forced;
  if (file.toLowerCase().endsWith(".proto")) return "protobuf";
  let value;
  try {
    value = parseJson(text, file).value;
  } catch {
    value = void 0;
  }
  return detectFormat(file, value);
}
async function protoReferences(file, text, cwd) {
  const found = /* @__PURE__ */ new Map();
  const pending = protoImports(text);
  while (pending.length > 0) {
    const name = pending.shift();
    if (found.has(name)) continue;
    for (const candidate of [resolve(cwd, dirname(file), name), resolve(cwd, name)]) {
      const imported = await readFile(candidate, "utf8").catch(() => void 0);
      if (imported === void 0) continue;
      found.set(name, imported);
      pending.push(...protoImports(imported));
      break;
    }
  }
  return [...found].map(([name, importedText]) => ({ name, text: importedText }));
}
function parseOne(handler, file, text, lenient, references = []) {
  const result = handler.parse(text, { file, lenient, ...references.length > 0 ? { references } : {} });
  if (result.ok) return result.schema;
  const first = result.issues[0];
  throw new CompatInputError(
    "INVALID_SCHEMA",
    first === void 0 ? `${file} is not a valid schema` : `${first.rule} ${first.message}`,
    file,
    first?.line,
    first?.column,
    result.issues
  );
}
async function runCompat(args, io) {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      level: { type: "string", short: "l" },
      type: { type: "string", short: "t" },
      policy: { type: "string" },
      json: { type: "boolean" }
    },
    usage
  );
  const level = values.level === void 0 ? "BACKWARD" : parseLevel(values.level);
  if (level === void 0)
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `unknown level '${values.level}' (one of ${LEVELS.join(", ")})
usage: ${usage}`
    );
  const forced = values.type === void 0 ? void 0 : parseFormatId(values.type);
  if (values.type !== void 0 && forced === void 0)
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `unknown --type '${values.type}' (avro, json or protobuf)
usage: ${usage}`
    );
  const policy = values.policy === void 0 ? void 0 : parsePolicy(values.policy);
  if (values.policy !== void 0 && policy === void 0)
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `unknown --policy '${values.policy}' (strict or lenient)
usage: ${usage}`
    );
  if (positionals.length === 0)
    throw new SchemagateError("INVALID_ARGUMENT", `give at least one schema file
usage: ${usage}`);
  const texts = await Promise.all(positionals.map((f) => readSchemaFile(f, io.cwd)));
  const formats = positionals.map((f, i) => formatOf(f, texts[i], forced));
  const candidateFormat = formats[formats.length - 1];
  const other = formats.findIndex((f) => f !== candidateFormat);
  if (other >= 0) {
    throw new CompatInputError(
      "INVALID_ARGUMENT",
      `${positionals[other]} looks like ${formats[other]} but the candidate ${positionals[positionals.length - 1]} like ${candidateFormat}; pass --type to say which`,
      positionals[other]
    );
  }
  const handler = policy !== void 0 && candidateFormat === "json" ? jsonSchemaFormatWith({ policy }) : formatById(candidateFormat);
  const references = await Promise.all(
    positionals.map(
      (f, i) => candidateFormat === "protobuf" ? protoReferences(f, texts[i], io.cwd) : []
    )
  );
  const schemas = positionals.map(
    (f, i) => parseOne(handler, f, texts[i], i < positionals.length - 1, references[i])
  );
  const candidate = schemas[schemas.length - 1];
  const candidateFile = positionals[positionals.length - 1];
  const result = checkCompatibility(
    level,
    candidate,
    schemas.slice(0, -1),
    (r, w, c) => handler.check(r, w, c)
  );
  const findings = result.findings.map((f) => {
    const at = handler.locate(candidate, f.candidatePointer ?? f.path);
    return { ...f, file: candidateFile, line: at.line, column: at.column };
  });
  const warnings = candidate.warnings ?? [];
  if (values.json === true) {
    const out = {
      compatible: result.compatible,
      level,
      findings,
      ...warnings.length > 0 ? { warnings } : {}
    };
    io.stdout(`${JSON.stringify(out)}
`);
  } else {
    for (const w of warnings)
      io.stderr(`schemagate: ${candidateFile}:${w.line}:${w.column}: warning ${w.rule} ${w.message}
`);
    const lines = findings.map(
      (f) => `${f.file}:${f.line}:${f.column}: ${f.errorType} ${f.message} [version ${f.version}, ${f.direction}]
  fix: ${f.fix}`
    );
    const versions = new Set(findings.map((f) => f.version)).size;
    const compared = level === "NONE" ? "no earlier version (level NONE)" : `${schemas.length - 1} earlier version${schemas.length === 2 ? "" : "s"} given`;
    lines.push(
      result.compatible ? `compatible: ${candidateFile} at ${level} (${compared})` : `incompatible: ${findings.length} finding${findings.length === 1 ? "" : "s"} against ${versions} version${versions === 1 ? "" : "s"} at ${level}`
    );
    io.stdout(`${lines.join("\n")}
`);
  }
  return result.compatible ? 0 : 1;
}
var command = {
  name: "compat",
  summary: "check schema versions (oldest first, candidate last) with the registry’s compatibility rules",
  usage,
  async run(args, io) {
    const json = args.includes("--json");
    try {
      return await runCompat(args, io);
    } catch (e) {
      const err = e instanceof CompatInputError ? e : isSchemagateError(e) ? new CompatInputError(e.code, e.message, e.location.file, e.location.line, e.location.column) : void 0;
      if (err === void 0) throw e;
      if (json) {
        const error = {
          code: err.code,
          ...err.file === void 0 ? {} : { file: err.file },
          ...err.line === void 0 ? {} : { line: err.line, column: err.column },
          message: err.message,
          ...err.issues === void 0 ? {} : { issues: err.issues }
        };
        io.stdout(`${JSON.stringify({ error })}
`);
      } else if (err.issues !== void 0 && err.issues.length > 0) {
        for (const i of err.issues)
          io.stderr(`schemagate: ${err.file}:${i.line}:${i.column}: ${i.rule} ${i.message}
`);
      } else {
        const where = err.file === void 0 ? "" : `${err.file}${err.line === void 0 ? "" : `:${err.line}:${err.column}`}: `;
        io.stderr(`schemagate: ${where}${err.message}
`);
      }
      return 2;
    }
  }
};
var compat_default = command;
export {
  compat_default as default
};
