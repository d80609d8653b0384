import {
  parseTimeout
} from "./chunk-HWBZGNI2.js";
import {
  parseCommandArgs
} from "./chunk-ETRZGG5M.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/cli/commands/registry-args.ts
var REGISTRY_OPTIONS = {
  registry: { type: "string" },
  timeout: { type: "string" },
  format: { type: "string", default: "text" }
};
function parseRegistryCommandArgs(args, options, usage) {
  const { values } = parseCommandArgs(args, { ...REGISTRY_OPTIONS, ...options }, usage);
  const format = values.format;
  if (format !== "text" && format !== "json") {
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `--format must be text or json, not '${format}'
usage: ${usage}`
    );
  }
  const timeout = values.timeout;
  let timeoutMs;
  try {
    timeoutMs = timeout === void 0 ? void 0 : parseTimeout(timeout, "--timeout");
  } catch (e) {
    if (e instanceof SchemagateError)
      throw new SchemagateError("INVALID_ARGUMENT", `${e.message}
usage: ${usage}`);
    throw e;
  }
  return { values, format, client: timeoutMs === void 0 ? {} : { timeoutMs } };
}

export {
  parseRegistryCommandArgs
};
