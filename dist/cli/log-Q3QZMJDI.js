import {
  configAt
} from "./chunk-RNR4LZQT.js";
import {
  subjectLog
} from "./chunk-RUNWJWTJ.js";
import {
  parseCommandArgs
} from "./chunk-ETRZGG5M.js";
import "./chunk-DCVPW6IE.js";
import "./chunk-AYQYXMTB.js";
import "./chunk-JG5DLF5R.js";
import "./chunk-OOMT5PNS.js";
import "./chunk-AACIVGT5.js";
import "./chunk-GZ7YKJFV.js";
import "./chunk-X223GS44.js";
import "./chunk-MYU7MPXZ.js";
import "./chunk-4JLVD5MI.js";
import "./chunk-KVYAH4SS.js";
import "./chunk-Q2EUGLQR.js";
import "./chunk-L6DUB6QO.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";
import "./chunk-2Y665M2Q.js";

// src/cli/commands/log.ts
var usage = "schemagate log <subject|file> [--ref <rev>] [--format text|json] [--config <path>]";
var command = {
  name: "log",
  summary: "list the versions of a subject from git history, with the verdict of each step",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        ref: { type: "string" },
        format: { type: "string", short: "f" },
        config: { type: "string", short: "c" }
      },
      usage
    );
    const [subject, extra] = positionals;
    if (subject === void 0 || extra !== void 0)
      throw new SchemagateError("INVALID_ARGUMENT", `give one subject or file
usage: ${usage}`);
    const format = values.format ?? "text";
    if (format !== "text" && format !== "json")
      throw new SchemagateError("INVALID_ARGUMENT", `unknown --format '${format}' (text or json)`);
    const log = await subjectLog({
      cwd: io.cwd,
      subject,
      ...values.config === void 0 ? {} : { config: await configAt(io.cwd, values.config) },
      ...values.ref === void 0 ? {} : { ref: values.ref }
    });
    if (format === "json") {
      io.stdout(`${JSON.stringify(log, null, 2)}
`);
      return 0;
    }
    const lines = [
      `${log.subject} (${log.file}, ${log.format}, ${log.level}): ${log.steps.length} version${log.steps.length === 1 ? "" : "s"}`
    ];
    for (const s of log.steps) {
      const verdict = s.verdict === "first" ? "first version" : s.verdict === "compatible" ? `compatible (${log.level})` : `INCOMPATIBLE (${log.level})`;
      lines.push(
        `v${s.version}  ${s.commit.slice(0, 7)}  ${s.date.slice(0, 10)}  ${s.author}  ${verdict}${s.file === log.file ? "" : `  [${s.file}]`}`
      );
      for (const c of s.changes)
        lines.push(
          `      ${c.kind === "added" ? "+" : c.kind === "removed" ? "-" : "~"} ${c.summary}${c.breaking ? " (breaking)" : ""}`
        );
      for (const f of s.findings) lines.push(`      ${f.rule} against v${f.against}: ${f.message}`);
    }
    io.stdout(`${lines.join("\n")}
`);
    return 0;
  }
};
var log_default = command;
export {
  log_default as default
};
