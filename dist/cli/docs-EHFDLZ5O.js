import {
  readSiteModel,
  writeSite
} from "./chunk-JJ46NC2K.js";
import {
  configAt
} from "./chunk-RNR4LZQT.js";
import "./chunk-ZVVA4YSN.js";
import "./chunk-PSNFSWT3.js";
import "./chunk-RUNWJWTJ.js";
import "./chunk-F2EELNSZ.js";
import "./chunk-AUSPXLXI.js";
import "./chunk-HWBZGNI2.js";
import {
  parseCommandArgs,
  refuseArguments
} from "./chunk-ETRZGG5M.js";
import "./chunk-VYU3HDXB.js";
import "./chunk-FA7QXIEN.js";
import "./chunk-UKMXE7KU.js";
import "./chunk-QLTC7SBT.js";
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
import "./chunk-J5VQF3U6.js";
import "./chunk-L6DUB6QO.js";
import "./chunk-4SLUN3ZN.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";
import "./chunk-2Y665M2Q.js";
import "./chunk-4WLI5DVH.js";

// src/cli/commands/docs.ts
import { resolve } from "node:path";
var usage = "schemagate docs --out <dir> [--ref <rev>] [--config <path>] [--registry <url>]\n       schemagate docs --serve [--port 8090] [--host 127.0.0.1] [--ref <rev>] [--config <path>] [--registry <url>]";
var command = {
  name: "docs",
  summary: "write a static site of every subject: fields, examples, history with verdicts, diffs, references",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        out: { type: "string", short: "o" },
        serve: { type: "boolean" },
        port: { type: "string" },
        host: { type: "string" },
        ref: { type: "string" },
        config: { type: "string", short: "c" },
        registry: { type: "string" }
      },
      usage
    );
    refuseArguments(positionals, usage);
    const options = {
      cwd: io.cwd,
      ...values.config === void 0 ? {} : { config: await configAt(io.cwd, values.config) },
      ...values.ref === void 0 ? {} : { ref: values.ref },
      ...values.registry === void 0 ? {} : { registry: { url: values.registry, env: io.env } }
    };
    if (values.serve === true) {
      const { serveSite } = await import("./serve-5NLT76OE.js");
      return serveSite({ ...options, port: parsePort(values.port), host: values.host ?? "127.0.0.1", io });
    }
    if (values.out === void 0)
      throw new SchemagateError("INVALID_ARGUMENT", `give --out <dir> or --serve
usage: ${usage}`);
    const out = resolve(io.cwd, values.out);
    const data = await readSiteModel(options);
    const model = data.model;
    const written = writeOrExplain(data, out, values.out);
    const problems = model.subjects.filter((s) => s.current.problems.length > 0);
    io.stdout(
      `wrote ${written.pages} pages for ${model.subjects.length} subject${model.subjects.length === 1 ? "" : "s"} to ${out}/index.html${problems.length === 0 ? "" : ` (${problems.length} with problems shown on their pages: ${problems.map((s) => s.subject).slice(0, 5).join(", ")})`}
`
    );
    if (model.subjects.length === 0)
      io.stdout("no schema files found under the schema root: the index is empty\n");
    return 0;
  }
};
function writeOrExplain(data, out, given) {
  try {
    return writeSite(data, out);
  } catch (e) {
    const { code, path } = e;
    if (code === void 0) throw e;
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `--out '${given}': cannot write the site there (${code}${path === void 0 ? "" : ` at ${path}`})`
    );
  }
}
function parsePort(text) {
  if (text === void 0) return 8090;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new SchemagateError("INVALID_ARGUMENT", `--port '${text}' is not a port number (0-65535)`);
  return n;
}
var docs_default = command;
export {
  docs_default as default
};
