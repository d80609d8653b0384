import {
  CLIENT_AUTH_VALUES,
  DEFAULT_DATA_DIR,
  DEFAULT_HASH_ALGORITHM,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_SCHEMA_BYTES,
  HASH_ALGORITHMS,
  hashPassword,
  newSalt,
  parseAuthFile,
  startRegistryServer,
  withUser
} from "./chunk-FNMQAOM2.js";
import "./chunk-EKN6NJ4H.js";
import "./chunk-LNGTUFGZ.js";
import {
  parseCommandArgs
} from "./chunk-ETRZGG5M.js";
import "./chunk-VYU3HDXB.js";
import "./chunk-HVEUTBOD.js";
import "./chunk-A7H2MM5I.js";
import "./chunk-37YVPKBY.js";
import "./chunk-OOMT5PNS.js";
import "./chunk-KVYAH4SS.js";
import "./chunk-Q2EUGLQR.js";
import "./chunk-J5VQF3U6.js";
import {
  parseJson
} from "./chunk-L6DUB6QO.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";
import "./chunk-2Y665M2Q.js";

// src/cli/commands/registry.ts
import { resolve as resolve2 } from "node:path";

// src/cli/commands/registry-passwd.ts
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
var PASSWORD_ENV = "SCHEMAGATE_REGISTRY_PASSWORD";
var PASSWD_USAGE = `schemagate registry passwd FILE USER [--algorithm scrypt|sha512|sha256|sha1]   (password from $${PASSWORD_ENV} or the first line of stdin)`;
async function passwd(args, io) {
  const { values, positionals } = parseCommandArgs(args, { algorithm: { type: "string" } }, PASSWD_USAGE);
  const [fileArg, username, ...extra] = positionals;
  if (fileArg === void 0 || username === void 0 || extra.length > 0)
    throw new SchemagateError("INVALID_ARGUMENT", `expected FILE and USER
usage: ${PASSWD_USAGE}`);
  const algorithm = values.algorithm ?? DEFAULT_HASH_ALGORITHM;
  if (!HASH_ALGORITHMS.includes(algorithm))
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `--algorithm must be one of ${HASH_ALGORITHMS.join(", ")}, got '${algorithm}'
usage: ${PASSWD_USAGE}`
    );
  const file = resolve(io.cwd, fileArg);
  let doc;
  if (existsSync(file)) {
    const text = readFileSync(file, "utf8");
    parseAuthFile(text, file);
    doc = parseJson(text, file);
  }
  const password = io.env[PASSWORD_ENV] ?? await firstLineOfStdin();
  if (password === "")
    throw new SchemagateError("INVALID_ARGUMENT", `no password: set $${PASSWORD_ENV} or write it on stdin`);
  const salt = newSalt();
  const passwordHash = await hashPassword(algorithm, salt, password);
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(
    temp,
    withUser(doc, { username, algorithm, salt, passwordHash }),
    {
      mode: 384
    }
  );
  renameSync(temp, file);
  io.stderr(`${doc === void 0 ? "created" : "updated"} ${fileArg}: user '${username}' (${algorithm})
`);
  return 0;
}
async function firstLineOfStdin() {
  if (process.stdin.isTTY === true)
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `no password: set $${PASSWORD_ENV} or pipe it on stdin (it is not read from a terminal, which would echo it)`
    );
  let text = "";
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes("\n")) break;
  }
  return text.split(/\r?\n/)[0] ?? "";
}

// src/cli/commands/registry.ts
var SERVE_USAGE = "schemagate registry serve [--host 127.0.0.1] [--port 8081] [--data DIR] [--shapes 7|8] [--max-body-bytes N] [--max-schema-bytes N] [--reject-empty-subject] [--reference-versions-strict] [--rule-sets keep|drop] [--tls-cert FILE --tls-key FILE [--tls-ca FILE] [--tls-client-auth none|optional|required]] [--auth-file FILE] [--kafka HOST:PORT[,…] [--topic _schemas] [--group-id schema-registry] [--advertised-url URL]]";
var USAGE = `${SERVE_USAGE}
       ${PASSWD_USAGE}`;
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
function tlsOption(values, cwd) {
  const cert = values["tls-cert"];
  const key = values["tls-key"];
  const ca = values["tls-ca"];
  const clientAuth = values["tls-client-auth"];
  if (cert === void 0 && key === void 0) {
    if (ca !== void 0 || clientAuth !== void 0)
      throw new SchemagateError(
        "INVALID_ARGUMENT",
        `--tls-ca and --tls-client-auth need --tls-cert and --tls-key
usage: ${SERVE_USAGE}`
      );
    return {};
  }
  if (cert === void 0 || key === void 0)
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `--tls-cert and --tls-key go together
usage: ${SERVE_USAGE}`
    );
  if (clientAuth !== void 0 && !CLIENT_AUTH_VALUES.includes(clientAuth))
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `--tls-client-auth must be none, optional or required, got '${clientAuth}'
usage: ${SERVE_USAGE}`
    );
  return {
    tls: {
      certFile: resolve2(cwd, cert),
      keyFile: resolve2(cwd, key),
      ...ca === void 0 ? {} : { caFile: resolve2(cwd, ca) },
      ...clientAuth === void 0 ? {} : { clientAuth }
    }
  };
}
async function serve(args, io) {
  const { values } = parseCommandArgs(
    args,
    {
      host: { type: "string" },
      port: { type: "string" },
      data: { type: "string" },
      shapes: { type: "string" },
      "max-body-bytes": { type: "string" },
      "max-schema-bytes": { type: "string" },
      "reject-empty-subject": { type: "boolean" },
      "reference-versions-strict": { type: "boolean" },
      "rule-sets": { type: "string" },
      "tls-cert": { type: "string" },
      "tls-key": { type: "string" },
      "tls-ca": { type: "string" },
      "tls-client-auth": { type: "string" },
      "auth-file": { type: "string" },
      kafka: { type: "string" },
      topic: { type: "string" },
      "group-id": { type: "string" },
      "advertised-url": { type: "string" }
    },
    SERVE_USAGE
  );
  const kafka = kafkaOption(values);
  const shapes = values.shapes ?? "7";
  if (shapes !== "7" && shapes !== "8")
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `--shapes must be 7 or 8, got '${shapes}'
usage: ${USAGE}`
    );
  const ruleSets = values["rule-sets"] ?? "keep";
  if (ruleSets !== "keep" && ruleSets !== "drop")
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `--rule-sets must be keep or drop, got '${ruleSets}'
usage: ${USAGE}`
    );
  const server = await startRegistryServer({
    host: values.host ?? "127.0.0.1",
    port: intOption(values.port, "port", 8081, 0, 65535),
    dataDir: resolve2(io.cwd, values.data ?? DEFAULT_DATA_DIR),
    shapes,
    ruleSets,
    ...tlsOption(values, io.cwd),
    ...values["auth-file"] === void 0 ? {} : { authFile: resolve2(io.cwd, values["auth-file"]) },
    maxBodyBytes: intOption(
      values["max-body-bytes"],
      "max-body-bytes",
      DEFAULT_MAX_BODY_BYTES,
      1,
      2 ** 31 - 1
    ),
    maxSchemaBytes: intOption(
      values["max-schema-bytes"],
      "max-schema-bytes",
      DEFAULT_MAX_SCHEMA_BYTES,
      1,
      2 ** 31 - 1
    ),
    rejectEmptySubject: values["reject-empty-subject"] === true,
    referenceVersionsStrict: values["reference-versions-strict"] === true,
    ...kafka === void 0 ? {} : { kafka }
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
  let exitCode = 0;
  server.kafka?.onFatal((e) => {
    io.stderr(`schemagate registry: ${e.message}; stopping
`);
    exitCode = 3;
    process.kill(process.pid, "SIGTERM");
  });
  const { events, millis, tornBytes } = server.startup;
  if (server.kafka !== void 0)
    io.stderr(
      `schemagate registry: state in Kafka topic ${server.kafka.topic} (group ${server.kafka.groupId}); read ${events} offsets in ${millis.toFixed(0)} ms
`
    );
  else
    io.stderr(
      `schemagate registry: data in ${server.dataDir}; replayed ${events} events in ${millis.toFixed(0)} ms${tornBytes > 0 ? ` (cut off ${tornBytes} bytes of an unfinished last write)` : ""}
`
    );
  io.stdout(`listening on ${server.url}
`);
  await stopped;
  return exitCode;
}
function kafkaOption(values) {
  const bootstrap = values.kafka;
  if (bootstrap === void 0) {
    for (const name of ["topic", "group-id", "advertised-url"])
      if (values[name] !== void 0)
        throw new SchemagateError("INVALID_ARGUMENT", `--${name} needs --kafka
usage: ${SERVE_USAGE}`);
    return void 0;
  }
  if (values.data !== void 0)
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `--data and --kafka exclude each other: the state is in one or the other
usage: ${SERVE_USAGE}`
    );
  const brokers = bootstrap.split(",").map((b) => b.trim());
  if (brokers.some((b) => !/^[^\s:]+:\d+$/.test(b)))
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `--kafka must be a comma-separated list of host:port, got '${bootstrap}'
usage: ${SERVE_USAGE}`
    );
  const advertised = values["advertised-url"];
  if (advertised !== void 0 && !/^https?:\/\/[^/]+$/.test(advertised.replace(/\/$/, "")))
    throw new SchemagateError(
      "INVALID_ARGUMENT",
      `--advertised-url must be http(s)://host:port, got '${advertised}'
usage: ${SERVE_USAGE}`
    );
  return {
    brokers,
    ...values.topic === void 0 ? {} : { topic: values.topic },
    ...values["group-id"] === void 0 ? {} : { groupId: values["group-id"] },
    ...advertised === void 0 ? {} : { advertisedUrl: advertised.replace(/\/$/, "") }
  };
}
var command = {
  name: "registry",
  summary: "run a local Confluent-compatible schema registry (registry serve)",
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === "serve") return serve(rest, io);
    if (sub === "passwd") return passwd(rest, io);
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
