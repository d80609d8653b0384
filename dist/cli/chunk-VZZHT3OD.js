import {
  isSchemagateError
} from "./chunk-6BBU6Q3O.js";

// src/cli/main.ts
var COMMANDS = {
  compat: () => import("./compat-QR2SYNHI.js"),
  check: () => import("./check-4BH3ESCA.js"),
  log: () => import("./log-Q3QZMJDI.js"),
  diff: () => import("./diff-NBKHRBGN.js"),
  init: () => import("./init-D554E74S.js"),
  registry: () => import("./registry-J2SSYPQG.js"),
  publish: () => import("./publish-I6PNOFST.js"),
  status: () => import("./status-JCXHQBSJ.js"),
  import: () => import("./import-D2WD6G2N.js"),
  demo: () => import("./demo-QTSYRKC2.js"),
  generate: () => import("./generate-S7UGABKR.js"),
  lint: () => import("./lint-CLJGAXAO.js"),
  validate: () => import("./validate-LF5B5VWV.js"),
  types: () => import("./types-ENPA7Y2S.js"),
  docs: () => import("./docs-EHFDLZ5O.js")
};
var VERSION = "0.1.0";
async function help(io) {
  const lines = [
    "schemagate: git-native schema review and publishing for Kafka schema registries",
    "",
    "Commands:"
  ];
  for (const load of Object.values(COMMANDS)) {
    const { default: c } = await load();
    lines.push(`  ${c.name.padEnd(10)} ${c.summary}`);
  }
  lines.push(
    "",
    "Run `schemagate <command> --help` for its options. Global: --debug (stack traces), --version.",
    ""
  );
  io.stdout(lines.join("\n"));
}
async function main(argv, io) {
  const debug = argv.includes("--debug") || io.env.SCHEMAGATE_DEBUG === "1";
  const args = argv.filter((a) => a !== "--debug");
  const [name, ...rest] = args;
  try {
    if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
      await help(io);
      return name === void 0 ? 2 : 0;
    }
    if (name === "--version" || name === "-v") {
      io.stdout(`${VERSION}
`);
      return 0;
    }
    const load = COMMANDS[name];
    if (load === void 0) {
      io.stderr(`schemagate: unknown command '${name}'. Run \`schemagate --help\` for the list.
`);
      return 2;
    }
    const { default: command } = await load();
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout(`${command.summary}

usage: ${command.usage}
`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (e) {
    if (isSchemagateError(e)) {
      io.stderr(`schemagate: ${e.format()}
`);
      if (debug && e.stack !== void 0) io.stderr(`${e.stack}
`);
      return e.exitCode;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`schemagate: internal error: ${message}
`);
    if (debug && e instanceof Error && e.stack !== void 0) io.stderr(`${e.stack}
`);
    else io.stderr("Run again with --debug for details, and please report it.\n");
    return 2;
  }
}

export {
  main
};
