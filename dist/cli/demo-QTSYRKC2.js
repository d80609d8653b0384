import {
  startRegistryServer
} from "./chunk-FNMQAOM2.js";
import "./chunk-EKN6NJ4H.js";
import {
  SchemaRegistryClient
} from "./chunk-HWBZGNI2.js";
import {
  main
} from "./chunk-VZZHT3OD.js";
import "./chunk-LNGTUFGZ.js";
import {
  parseCommandArgs
} from "./chunk-ETRZGG5M.js";
import "./chunk-VYU3HDXB.js";
import "./chunk-HVEUTBOD.js";
import "./chunk-A7H2MM5I.js";
import "./chunk-37YVPKBY.js";
import "./chunk-OOMT5PNS.js";
import {
  CONFIG_FILE
} from "./chunk-GZ7YKJFV.js";
import "./chunk-MYU7MPXZ.js";
import "./chunk-KVYAH4SS.js";
import "./chunk-Q2EUGLQR.js";
import "./chunk-J5VQF3U6.js";
import "./chunk-L6DUB6QO.js";
import "./chunk-6BBU6Q3O.js";
import "./chunk-2Y665M2Q.js";

// src/demo/story.ts
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "yaml";

// src/demo/samples.ts
var SAMPLE_SCHEMAS = {
  "schemas/customers/address.avsc": `${JSON.stringify(
    {
      type: "record",
      name: "Address",
      namespace: "com.example.customers",
      doc: "A postal address.",
      fields: [
        { name: "street", type: "string" },
        { name: "city", type: "string" },
        { name: "country", type: "string", doc: "ISO 3166-1 alpha-2 code." }
      ]
    },
    null,
    2
  )}
`,
  "schemas/customers/customer.avsc": `${JSON.stringify(
    {
      type: "record",
      name: "Customer",
      namespace: "com.example.customers",
      doc: "A customer as the customer service publishes it.",
      fields: [
        { name: "id", type: "string" },
        { name: "name", type: "string" },
        { name: "address", type: "com.example.customers.Address" }
      ]
    },
    null,
    2
  )}
`,
  "schemas/orders/order-placed.avsc": `${JSON.stringify(
    {
      type: "record",
      name: "OrderPlaced",
      namespace: "com.example.orders",
      doc: "An order was placed.",
      fields: [
        { name: "orderId", type: "string" },
        { name: "customerId", type: "string" },
        { name: "amountCents", type: "long" },
        { name: "currency", type: "string", default: "EUR" }
      ]
    },
    null,
    2
  )}
`,
  "schemas/payments/payment-captured.json": `${JSON.stringify(
    {
      $schema: "http://json-schema.org/draft-07/schema#",
      title: "PaymentCaptured",
      type: "object",
      properties: {
        paymentId: { type: "string" },
        orderId: { type: "string" },
        amountCents: { type: "integer" }
      },
      required: ["paymentId", "orderId", "amountCents"]
    },
    null,
    2
  )}
`
};

// src/demo/story.ts
var PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
var REGISTRY_ENV = "SCHEMAGATE_DEMO_REGISTRY";
var GIT_IDENTITY = {
  GIT_AUTHOR_NAME: "schemagate demo",
  GIT_AUTHOR_EMAIL: "demo@schemagate.invalid",
  GIT_COMMITTER_NAME: "schemagate demo",
  GIT_COMMITTER_EMAIL: "demo@schemagate.invalid"
};
async function runDemo(options) {
  const { io } = options;
  const out = new Narrator(io);
  const work = mkdtempSync(join(tmpdir(), "schemagate-demo-"));
  const repo = join(work, "repo");
  const dataDir = join(work, "registry");
  let server;
  try {
    out.step("Start a local schema registry (Confluent-compatible, Node only)");
    server = await startRegistryServer({ port: 0, dataDir });
    out.ok(`listening on ${server.url}, data in ${relativeToTmp(dataDir)}`);
    const env = { ...io.env, ...GIT_IDENTITY, [REGISTRY_ENV]: server.url };
    const git = (...args) => runGit(repo, env, args);
    out.step("Make a git repository from the schemas");
    const copied = seedRepository(repo, options.sourceRoot ?? PACKAGE_ROOT);
    git("init", "-q", "-b", "main");
    git("config", "core.hooksPath", ".git/hooks");
    git("config", "commit.gpgsign", "false");
    installHook(repo);
    git("add", "-A");
    const first = git("commit", "-q", "-m", "Add the event schemas");
    if (first.status !== 0) return out.fail(`the first commit failed:
${first.output}`);
    out.ok(`${copied.files.length} schema file(s) from ${copied.from}, committed in ${relativeToTmp(repo)}`);
    for (const f of copied.files) out.detail(f);
    out.detail("the pre-commit hook runs `schemagate check --staged`");
    out.step("Publish the approved schemas");
    const published = await runCommand(["publish", "--all"], repo, env);
    out.block(published.stdout);
    if (published.code !== 0) return out.fail(`publish exited ${published.code}:
${published.stderr}`);
    const target = pickRecordToChange(repo, copied.files);
    if (target === void 0) return out.fail("no Avro record among the schemas to change");
    const original = readFileSync(join(repo, target), "utf8");
    out.step(`A compatible change: ${target} gets an optional field`);
    writeFileSync(join(repo, target), withField(original, { name: "note", type: ["null", "string"], default: null, doc: "Added by the demo: optional, so old data still reads." }));
    git("add", target);
    const good = git("commit", "-q", "-m", `${target}: optional note`);
    out.block(good.output);
    if (good.status !== 0) return out.fail("the hook refused a compatible change");
    out.ok("the hook accepted it and the commit was made");
    const second = await runCommand(["publish", "--since", "HEAD~1"], repo, env);
    out.block(second.stdout);
    if (second.code !== 0) return out.fail(`publish exited ${second.code}:
${second.stderr}`);
    out.step(`An incompatible change: ${target} gets a required field without a default`);
    const changed = readFileSync(join(repo, target), "utf8");
    writeFileSync(join(repo, target), withField(changed, { name: "region", type: "string", doc: "Required, without a default: data written before cannot be read." }));
    git("add", target);
    const bad = git("commit", "-q", "-m", `${target}: required region`);
    out.block(bad.output);
    if (bad.status === 0) return out.fail("the hook let an incompatible change through");
    out.ok("the hook refused it: no commit, nothing to publish");
    const client = new SchemaRegistryClient({ url: server.url });
    const subject = /registered\s+(\S+)/.exec(second.stdout)?.[1];
    if (subject !== void 0) {
      const latest = await client.getLatest(subject);
      const input = { schema: readFileSync(join(repo, target), "utf8"), ...latest.references === void 0 ? {} : { references: latest.references } };
      const verdict = await client.testCompatibility(subject, input, { verbose: true });
      if (verdict.isCompatible) return out.fail("the registry accepted what the hook refused");
      const first2 = (verdict.messages[0] ?? "").replace(/\s+/g, " ");
      out.ok(`the registry agrees: it would refuse it too${first2 === "" ? "" : `:
       ${first2.length > 150 ? `${first2.slice(0, 150)}…` : first2}`}`);
    }
    git("checkout", "-q", "HEAD", "--", target);
    out.step("What the registry holds now");
    const subjects = await client.listSubjects();
    const width = Math.max(...subjects.map((s) => s.length));
    for (const s of subjects) {
      const versions = await client.listVersions(s);
      const latest = await client.getLatest(s);
      out.detail(`${s.padEnd(width)}  versions ${versions.join(", ").padEnd(6)} latest id ${latest.id}`);
    }
    const again = await runCommand(["publish", "--all"], repo, env);
    if (again.code !== 0 || /registered\s+\S/.test(again.stdout.split("\n").slice(1, -2).join("\n"))) {
      return out.fail(`a second publish should change nothing:
${again.stdout}`);
    }
    out.ok("publishing again changes nothing: every subject is unchanged");
    out.step("Stop the registry");
    await server.close();
    server = void 0;
    out.ok("stopped");
    io.stdout("\nDone. Next: `schemagate init` in your repository, then `schemagate check` and `schemagate publish`.\n");
    return 0;
  } finally {
    await server?.close();
    if (options.keep === true) io.stdout(`(kept ${work})
`);
    else rmSync(work, { recursive: true, force: true });
  }
}
var Narrator = class {
  constructor(io) {
    this.io = io;
  }
  io;
  n = 0;
  step(title) {
    this.io.stdout(`${this.n === 0 ? "" : "\n"}${++this.n}. ${title}
`);
  }
  ok(text) {
    this.io.stdout(`   ✔ ${text}
`);
  }
  detail(text) {
    this.io.stdout(`     ${text}
`);
  }
  block(text) {
    const trimmed = text.replace(/\s+$/, "");
    if (trimmed !== "") this.io.stdout(`${trimmed.split("\n").map((l) => `   │ ${l}`).join("\n")}
`);
  }
  fail(text) {
    this.io.stderr(`   ✘ the demo went wrong: ${text}
`);
    return 1;
  }
};
function seedRepository(repo, sourceRoot) {
  mkdirSync(repo, { recursive: true });
  const source = join(sourceRoot, "schemas");
  const files = existsSync(source) ? listSchemaFiles(source).map((f) => `schemas/${f}`) : [];
  let from = `${relative(process.cwd(), source) || "."}/`;
  if (files.length > 0) {
    for (const f of files) cpSync(join(sourceRoot, f), join(repo, f));
  } else {
    from = "the built-in samples";
    for (const [path, text] of Object.entries(SAMPLE_SCHEMAS)) {
      mkdirSync(dirname(join(repo, path)), { recursive: true });
      writeFileSync(join(repo, path), text);
      files.push(path);
    }
  }
  writeFileSync(join(repo, "schemagate.yaml"), demoConfig(sourceRoot, files.length > 0 && from !== "the built-in samples"));
  return { from, files: files.sort() };
}
function demoConfig(sourceRoot, useSourceConfig) {
  const url = `\${${REGISTRY_ENV}}`;
  const source = join(sourceRoot, CONFIG_FILE);
  if (useSourceConfig && existsSync(source)) {
    const doc = parseDocument(readFileSync(source, "utf8"));
    const root = doc.get("root");
    if (doc.errors.length === 0 && (root === void 0 || root === "schemas")) {
      doc.setIn(["registry", "url"], url);
      return `# ${CONFIG_FILE} of the source, with the registry set by \`schemagate demo\`.
${doc.toString()}`;
    }
  }
  return ["# Written by `schemagate demo`.", "root: schemas", "compatibility: BACKWARD", "registry:", `  url: ${url}`, ""].join("\n");
}
function listSchemaFiles(dir, prefix = "") {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    const rel = prefix === "" ? name : `${prefix}/${name}`;
    if (statSync(abs).isDirectory()) out.push(...listSchemaFiles(abs, rel));
    else if (/\.(avsc|json)$/i.test(name)) out.push(rel);
  }
  return out;
}
function installHook(repo) {
  const here = fileURLToPath(import.meta.url);
  const built = here.endsWith(".js");
  const bin = fileURLToPath(new URL(built ? "../cli/bin.js" : "../cli/bin.ts", import.meta.url));
  const node = JSON.stringify(process.execPath);
  const command2 = built ? `${node} ${JSON.stringify(bin)}` : `${node} --import ${JSON.stringify(import.meta.resolve("tsx"))} ${JSON.stringify(bin)}`;
  const hook = join(repo, ".git", "hooks", "pre-commit");
  writeFileSync(hook, `#!/bin/sh
# schemagate demo: refuse schema changes the registry would refuse.
exec ${command2} check --staged
`);
  chmodSync(hook, 493);
}
function pickRecordToChange(repo, files) {
  const texts = new Map(files.map((f) => [f, readFileSync(join(repo, f), "utf8")]));
  const records = files.filter((f) => f.endsWith(".avsc")).filter((f) => {
    try {
      const v = JSON.parse(texts.get(f) ?? "");
      return v.type === "record" && typeof v.name === "string" && Array.isArray(v.fields);
    } catch {
      return false;
    }
  });
  const unused = records.filter((f) => {
    const v = JSON.parse(texts.get(f) ?? "");
    const full = v.namespace === void 0 || v.name.includes(".") ? v.name : `${v.namespace}.${v.name}`;
    return ![...texts].some(([other, text]) => other !== f && (text.includes(`"${full}"`) || text.includes(`"${v.name}"`)));
  });
  return unused[0] ?? records[0];
}
function withField(text, field) {
  const v = JSON.parse(text);
  v.fields.push(field);
  return `${JSON.stringify(v, null, 2)}
`;
}
function runGit(cwd, env, args) {
  const r = spawnSync("git", args, { cwd, env, encoding: "utf8" });
  return { status: r.status ?? 1, output: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}
async function runCommand(args, cwd, env) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { cwd, env, isTTY: false, stdout: (t) => stdout += t, stderr: (t) => stderr += t });
  return { code, stdout, stderr };
}
function relativeToTmp(path) {
  return path.startsWith(tmpdir()) ? `$TMPDIR${path.slice(tmpdir().length)}` : path;
}

// src/cli/commands/demo.ts
var usage = "schemagate demo [--keep]";
var command = {
  name: "demo",
  summary: "the whole story on a local registry: check, a refused change, publish (temporary, cleans up)",
  usage,
  async run(args, io) {
    const { values } = parseCommandArgs(args, { keep: { type: "boolean" } }, usage);
    return runDemo({ io, ...values.keep === true ? { keep: true } : {} });
  }
};
var demo_default = command;
export {
  demo_default as default
};
