import {
  registryStatus
} from "./chunk-ZVVA4YSN.js";
import {
  collectCandidates
} from "./chunk-PSNFSWT3.js";
import "./chunk-RUNWJWTJ.js";
import "./chunk-F2EELNSZ.js";
import {
  parseRegistryCommandArgs
} from "./chunk-ULNI4LGI.js";
import {
  connectRegistry
} from "./chunk-AUSPXLXI.js";
import "./chunk-HWBZGNI2.js";
import "./chunk-ETRZGG5M.js";
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
import "./chunk-6BBU6Q3O.js";
import "./chunk-2Y665M2Q.js";
import "./chunk-4WLI5DVH.js";

// src/cli/commands/status.ts
var usage = "schemagate status [--registry <url>] [--timeout 30s] [--format text|json]";
var command = {
  name: "status",
  summary: "drift between the repository and the registry (subjects, latest versions, levels); exit 1 on drift",
  usage,
  async run(args, io) {
    const { values, format, client: clientOptions } = parseRegistryCommandArgs(args, {}, usage);
    const repo = await collectCandidates(io.cwd);
    const client = connectRegistry(values.registry, repo.config, io.env, clientOptions);
    const report = await registryStatus(client, repo.candidates);
    io.stdout(format === "json" ? `${JSON.stringify(report, null, 2)}
` : renderStatus(client.url, report));
    return report.inSync ? 0 : 1;
  }
};
var status_default = command;
var LABEL = {
  "in-sync": "in sync",
  "only-in-repo": "repo only",
  "only-in-registry": "registry only",
  "latest-differs": "differs",
  "level-differs": "level"
};
function renderStatus(url, report) {
  const lines = [`Repository vs ${url}:`];
  const width = Math.max(0, ...report.subjects.map((s) => s.subject.length));
  for (const s of report.subjects) {
    lines.push(
      `  ${s.kinds.map((k) => LABEL[k] ?? k).join(", ").padEnd(16)} ${s.subject.padEnd(width)}  ${s.detail}`
    );
  }
  const drifting = report.subjects.filter((s) => s.kinds[0] !== "in-sync").length;
  lines.push(
    report.inSync ? `in sync (${report.subjects.length} subject(s))` : `${drifting} of ${report.subjects.length} subject(s) drift`
  );
  return `${lines.join("\n")}
`;
}
export {
  status_default as default,
  renderStatus
};
