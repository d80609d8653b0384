import {
  DEFAULT_DATA_DIR,
  DEFAULT_MAX_BODY_BYTES,
  startRegistryServer
} from "./chunk-G6Z42N7K.js";
import "./chunk-BROX5GRX.js";
import "./chunk-3E5RETUQ.js";
import "./chunk-N6LIP5YK.js";
import "./chunk-UO5ZFLJF.js";
import "./chunk-5PBGGHHK.js";
import {
  parseCommandArgs
} from "./chunk-DUM46SY7.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/cli/commands/registry.ts
import { resolve } from "node:path";
var USAGE = "schemagate registry serve [--host 127.0.0.1] [--port 8081] [--data DIR] [--shapes 7|8] [--max-body-bytes N]";
function intOption(text, name, fallback, min, max) {
  if (text === void 0) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `--${name} must be an integer between ${min} and ${max}, got '${text}'
usage: ${USAGE}`
    );
  }
  return n;
}
async function serve(args, io) {
  const { values } = parseCommandArgs(
    args,
    {
      host: { type: "string" },
      port: { type: "string" },
      data: { type: "string" },
      shapes: { type: "string" },
      "max-body-bytes": { type: "string" }
    },
    USAGE
  );
  const shapes = values.shapes ?? "7";
  if (shapes !== "7" && shapes !== "8")
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `--shapes must be 7 or 8, got '${shapes}'
usage: ${USAGE}`
    );
  const server = await startRegistryServer({
    host: values.host ?? "127.0.0.1",
    port: intOption(values.port, "port", 8081, 0, 65535),
    dataDir: resolve(io.cwd, values.data ?? DEFAULT_DATA_DIR),
    shapes,
    maxBodyBytes: intOption(
      values["max-body-bytes"],
      "max-body-bytes",
      DEFAULT_MAX_BODY_BYTES,
      1,
      2 ** 31 - 1
    )
  });
  const stopped = new Promise((done) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void server.close().then(done);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  const { events, millis, tornBytes } = server.startup;
  io.stderr(
    `schemagate registry: data in ${server.dataDir}; replayed ${events} events in ${millis.toFixed(0)} ms${tornBytes > 0 ? ` (cut off ${tornBytes} bytes of an unfinished last write)` : ""}
`
  );
  io.stdout(`listening on ${server.url}
`);
  await stopped;
  return 0;
}
var command = {
  name: "registry",
  summary: "run a local Confluent-compatible schema registry (registry serve)",
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === "serve") return serve(rest, io);
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `unknown registry subcommand '${sub ?? ""}'
usage: ${USAGE}`
    );
  }
};
var registry_default = command;
export {
  registry_default as default
};
