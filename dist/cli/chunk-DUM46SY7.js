import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";

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

export {
  parseCommandArgs
};
