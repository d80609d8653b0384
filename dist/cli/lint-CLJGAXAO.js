import {
  parseCommandArgs,
  refuseArguments,
  reportFormatOption
} from "./chunk-ETRZGG5M.js";
import "./chunk-6BBU6Q3O.js";
import "./chunk-2Y665M2Q.js";

// src/cli/commands/lint.ts
var usage = "schemagate lint [--strict] [--format text|json|github|junit|sarif|markdown] [--config <path>]";
var command = {
  name: "lint",
  summary: "check the naming conventions of the schema files (subjects, names, cases, docs, enum defaults)",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        strict: { type: "boolean" },
        format: { type: "string", short: "f" },
        config: { type: "string", short: "c" }
      },
      usage
    );
    refuseArguments(positionals, usage);
    const format = reportFormatOption(values.format);
    const [{ runLint }, { renderReport }] = await Promise.all([
      import("./run-lint-UWURNWE3.js"),
      import("./render-S42YSDKY.js")
    ]);
    const report = await runLint({
      cwd: io.cwd,
      strict: values.strict === true,
      ...values.config === void 0 ? {} : { configPath: values.config }
    });
    const out = renderReport(report, format);
    io.stdout(
      format === "text" ? out.replace(/^schemagate check (ok|failed):/m, "schemagate lint $1:") : out
    );
    return report.ok ? 0 : 1;
  }
};
var lint_default = command;
export {
  lint_default as default
};
