import {
  REPORT_FORMATS
} from "./chunk-2Y665M2Q.js";
import {
  parseCommandArgs
} from "./chunk-DUM46SY7.js";
import {
  startBaseLookupEarly
} from "./chunk-OI3S3FC7.js";
import {
  dropEarlyGit
} from "./chunk-5BKTA54Q.js";
import "./chunk-DKGIIV3F.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/cli/commands/check.ts
var usage = "schemagate check [--staged | --against <ref> | --all] [--format text|json|github|junit|sarif|markdown] [--no-fetch]";
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
        "no-fetch": { type: "boolean" }
      },
      usage
    );
    if (positionals.length > 0)
      throw new SchemagateError(
        "INVALID_ARGUMENT",
        `unexpected argument '${positionals[0]}'
usage: ${usage}`
      );
    const format = values.format ?? "text";
    if (!REPORT_FORMATS.includes(format))
      throw new SchemagateError(
        "INVALID_ARGUMENT",
        `unknown --format '${values.format}' (one of ${REPORT_FORMATS.join(", ")})`
      );
    const modes = [values.staged === true, values.all === true].filter(Boolean).length;
    if (modes > 1 || values.staged === true && values.against !== void 0) {
      throw new SchemagateError(
        "INVALID_ARGUMENT",
        `--staged, --against and --all choose what is checked; give one
usage: ${usage}`
      );
    }
    const mode = values.staged === true ? "staged" : values.all === true ? "all" : values.against !== void 0 ? "against" : "worktree";
    startBaseLookupEarly(io.cwd, { staged: mode === "staged" });
    try {
      const [{ runCheck }, { renderReport }] = await Promise.all([
        import("./check-UTG6RIE7.js"),
        import("./render-PZY6IM2C.js")
      ]);
      const report = await runCheck({
        cwd: io.cwd,
        mode,
        ...values.against === void 0 ? {} : { against: values.against },
        ...values["no-fetch"] === true ? { deepen: false } : {}
      });
      io.stdout(renderReport(report, format));
      return report.ok ? 0 : 1;
    } finally {
      dropEarlyGit();
    }
  }
};
var check_default = command;
export {
  check_default as default
};
