import {
  parseCommandArgs,
  refuseArguments
} from "./chunk-ETRZGG5M.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";
import "./chunk-2Y665M2Q.js";

// src/cli/commands/types.ts
var usage = "schemagate types --out <dir> [--zod] [--config <path>]";
var command = {
  name: "types",
  summary: "write TypeScript types from the Avro and JSON Schema files (one module per schema, deterministic)",
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        out: { type: "string", short: "o" },
        zod: { type: "boolean" },
        config: { type: "string", short: "c" }
      },
      usage
    );
    refuseArguments(positionals, usage);
    if (values.out === void 0)
      throw new SchemagateError(
        "INVALID_ARGUMENT",
        `--out <dir> is needed: where the modules are written
usage: ${usage}`
      );
    const { runTypes } = await import("./run-types-EIV5IYHO.js");
    const r = await runTypes({
      cwd: io.cwd,
      out: values.out,
      zod: values.zod === true,
      ...values.config === void 0 ? {} : { configPath: values.config }
    });
    for (const f of r.written) io.stdout(`wrote ${f}
`);
    if (r.skipped.length > 0)
      io.stderr(
        `schemagate: note: skipped ${r.skipped.join(", ")}: types from Protobuf are not generated yet
`
      );
    io.stdout(`schemagate types: ${r.written.length} written, ${r.unchanged.length} unchanged
`);
    return 0;
  }
};
var types_default = command;
export {
  types_default as default
};
