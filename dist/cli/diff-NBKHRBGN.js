import {
  configAt
} from "./chunk-RNR4LZQT.js";
import {
  subjectDiff
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
import {
  renderChangesTable
} from "./chunk-YMDCIFJM.js";
import "./chunk-2Y665M2Q.js";
import "./chunk-4WLI5DVH.js";

// src/cli/commands/diff.ts
var usage = "schemagate diff <subject|file> [--from <rev>] [--to <rev>] [--format text|json|markdown] [--config <path>]";
var command = {
  name: "diff",
  summary: "semantic diff of a subject between two revisions, with the compatibility effect of each change",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        from: { type: "string" },
        to: { type: "string" },
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
    if (!["text", "json", "markdown"].includes(format))
      throw new SchemagateError("INVALID_ARGUMENT", `unknown --format '${format}' (text, json or markdown)`);
    const d = await subjectDiff({
      cwd: io.cwd,
      subject,
      ...values.config === void 0 ? {} : { config: await configAt(io.cwd, values.config) },
      ...values.from === void 0 ? {} : { from: values.from },
      ...values.to === void 0 ? {} : { to: values.to }
    });
    const where = `${d.subject} (${d.file}, ${d.level}): ${d.from.rev}${d.from.commit === null ? "" : ` ${d.from.commit.slice(0, 7)}`} → ${d.to.rev}${d.to.commit === null ? "" : ` ${d.to.commit.slice(0, 7)}`}`;
    if (format === "json") io.stdout(`${JSON.stringify(d, null, 2)}
`);
    else if (format === "markdown")
      io.stdout(
        `#### \`${d.subject}\`: ${d.from.rev} → ${d.to.rev}

${renderChangesTable(d.changes, d.level)}`
      );
    else {
      const lines = [where];
      if (d.changes.length === 0) lines.push("  no semantic changes");
      for (const c of d.changes)
        lines.push(
          `  ${c.kind === "added" ? "+" : c.kind === "removed" ? "-" : "~"} ${c.summary}  [${c.pointer || "/"}]  ${c.breaking ? `breaks ${d.level}` : "compatible"}`
        );
      io.stdout(`${lines.join("\n")}
`);
    }
    return 0;
  }
};
var diff_default = command;
export {
  diff_default as default
};
