import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";
import {
  REPORT_FORMATS
} from "./chunk-2Y665M2Q.js";

// src/cli/args.ts
import { parseArgs } from "node:util";
function parseCommandArgs(args, options, usage) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const message = e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, "") : String(e);
    throw new SchemagateError("INVALID_ARGUMENT", `${message}
usage: ${usage}`);
  }
}
function refuseArguments(positionals, usage) {
  if (positionals.length > 0)
    throw new SchemagateError("INVALID_ARGUMENT", `unexpected argument '${positionals[0]}'
usage: ${usage}`);
}
function reportFormatOption(value) {
  const format = value ?? "text";
  if (!REPORT_FORMATS.includes(format))
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `unknown --format '${value}' (one of ${REPORT_FORMATS.join(", ")})`
    );
  return format;
}

export {
  parseCommandArgs,
  refuseArguments,
  reportFormatOption
};
