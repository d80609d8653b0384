import {
  parseCommandArgs,
  refuseArguments,
  reportFormatOption
} from "./chunk-ETRZGG5M.js";
import {
  startBaseLookupEarly
} from "./chunk-JG5DLF5R.js";
import "./chunk-AACIVGT5.js";
import {
  dropEarlyGit
} from "./chunk-X223GS44.js";
import "./chunk-MYU7MPXZ.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";
import "./chunk-2Y665M2Q.js";

// src/cli/commands/check.ts
var usage = "schemagate check [--staged | --against <ref> | --all] [--format text|json|github|junit|sarif|markdown] [--config <path>] [--no-fetch] [--strict]";
var command = {
  name: "check",
  summary: "check schema changes against their git history with the registry’s compatibility rules",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        staged: { type: "boolean" },
        against: { type: "string" },
        all: { type: "boolean" },
        format: { type: "string", short: "f" },
        "no-fetch": { type: "boolean" },
        config: { type: "string", short: "c" },
        strict: { type: "boolean" }
      },
      usage
    );
    refuseArguments(positionals, usage);
    const format = reportFormatOption(values.format);
    const modes = [values.staged === true, values.all === true].filter(Boolean).length;
    if (modes > 1 || values.staged === true && values.against !== void 0) {
      throw new SchemagateError(
        "INVALID_ARGUMENT",
        `--staged, --against and --all choose what is checked; give one
usage: ${usage}`
      );
    }
    const mode = values.staged === true ? "staged" : values.all === true ? "all" : values.against !== void 0 ? "against" : "worktree";
    startBaseLookupEarly(io.cwd, { staged: mode === "staged" && values.config === void 0 });
    try {
      const [{ runCheck }, { renderReport }] = await Promise.all([
        import("./check-5ZB4MZ5H.js"),
        import("./render-S42YSDKY.js")
      ]);
      const report = await runCheck({
        cwd: io.cwd,
        mode,
        ...values.against === void 0 ? {} : { against: values.against },
        ...values["no-fetch"] === true ? { deepen: false } : {},
        ...values.strict === true ? { strict: true } : {},
        ...values.config === void 0 ? {} : { configPath: values.config }
      });
      for (const note of skippedNotes(report.skipped ?? [])) io.stderr(`schemagate: note: ${note}
`);
      io.stdout(renderReport(report, format));
      return report.ok ? 0 : 1;
    } finally {
      dropEarlyGit();
    }
  }
};
var check_default = command;
function skippedNotes(skipped) {
  const list = (files) => `${files.slice(0, 5).join(", ")}${files.length > 5 ? ` and ${files.length - 5} more` : ""}`;
  const other = skipped.filter((s) => s.reason === "extension").map((s) => s.file);
  const links = skipped.filter((s) => s.reason === "symlink").map((s) => s.file);
  const notes = [];
  if (other.length > 0)
    notes.push(
      `skipped ${list(other)}: not .avsc, .json or .proto (schemagate checks Avro, JSON Schema and Protobuf files)`
    );
  if (links.length > 0)
    notes.push(
      `skipped ${list(links)}: symbolic link${links.length === 1 ? "" : "s"} (git holds the link, not a schema; a target under the schema root is checked under its own path)`
    );
  return notes;
}
export {
  check_default as default
};
