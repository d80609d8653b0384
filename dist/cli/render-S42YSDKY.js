import {
  renderMarkdown
} from "./chunk-YMDCIFJM.js";
import {
  REPORT_FORMATS
} from "./chunk-2Y665M2Q.js";
import {
  compareFindings,
  sortedFindings
} from "./chunk-4WLI5DVH.js";

// src/report/group.ts
var AGAINST = / \(against version (\d+), [0-9a-f]+; ([A-Z_]+)\)$/;
function ranges(versions) {
  const sorted = [...new Set(versions)].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(", ");
}
function groupFindings(findings) {
  const out = [];
  const groups = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const m = AGAINST.exec(f.message);
    if (m === null || f.version === null) {
      out.push(f);
      continue;
    }
    const base = f.message.slice(0, m.index);
    const key = `${f.file}\0${f.line}\0${f.column}\0${f.rule}\0${base}\0${f.direction ?? ""}`;
    const g = groups.get(key);
    if (g === void 0) {
      const entry = { first: f, versions: [f.version], level: m[2], base };
      groups.set(key, entry);
      out.push(f);
    } else g.versions.push(f.version);
  }
  return out.map((f) => {
    const m = AGAINST.exec(f.message);
    if (m === null) return f;
    const g = groups.get(
      `${f.file}\0${f.line}\0${f.column}\0${f.rule}\0${f.message.slice(0, m.index)}\0${f.direction ?? ""}`
    );
    if (g === void 0 || g.first !== f || g.versions.length < 2) return f;
    return { ...f, message: `${g.base} (against versions ${ranges(g.versions)}; ${g.level})` };
  });
}

// src/report/text.ts
function formatFindingLine(f) {
  const tag = f.severity === "error" ? "" : ` (${f.severity})`;
  return `${f.file}:${f.line}:${f.column}: ${f.rule}${tag} ${f.message}`;
}
var STATUS_ORDER = [
  "incompatible",
  "invalid",
  "deleted",
  "renamed",
  "new",
  "ok",
  "unchanged"
];
function summaryLine(report) {
  const s = report.summary;
  const statuses = STATUS_ORDER.filter((k) => (s.byStatus[k] ?? 0) > 0).map((k) => `${s.byStatus[k]} ${k}`);
  const plural = (n, w) => `${n} ${w}${n === 1 ? "" : "s"}`;
  const verdict = report.ok ? "ok" : "failed";
  return `schemagate check ${verdict}: ${plural(s.subjects, "subject")}${statuses.length > 0 ? ` (${statuses.join(", ")})` : ""}, ${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}`;
}
function renderText(report) {
  const lines = [];
  for (const f of groupFindings(sortedFindings(report))) {
    lines.push(formatFindingLine(f));
    if (f.fix !== void 0 && f.severity !== "info") lines.push(`  fix: ${f.fix}`);
  }
  lines.push(summaryLine(report));
  return `${lines.join("\n")}
`;
}

// src/report/github.ts
var escapeData = (s) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
var escapeProperty = (s) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
var COMMAND = { error: "error", warning: "warning", info: "notice" };
function githubAnnotation(f) {
  const props = `file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(`schemagate ${f.rule}`)}`;
  const text = f.fix === void 0 ? f.message : `${f.message}
fix: ${f.fix}`;
  return `::${COMMAND[f.severity]} ${props}::${escapeData(text)}`;
}
function renderGithub(report) {
  const lines = groupFindings(sortedFindings(report)).map(githubAnnotation);
  lines.push(summaryLine(report));
  return `${lines.join("\n")}
`;
}

// src/report/json.ts
function renderJson(report) {
  return `${JSON.stringify(report, null, 2)}
`;
}

// src/report/junit.ts
var xml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD]/gu, "");
function renderJunit(report) {
  const failures = report.subjects.filter((s) => s.findings.some((f) => f.severity === "error")).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="schemagate" tests="${report.subjects.length}" failures="${failures}">`
  ];
  lines.push(
    `  <testsuite name="schemagate check" tests="${report.subjects.length}" failures="${failures}" errors="0" skipped="0">`
  );
  for (const s of report.subjects) {
    const name = xml(`${s.subject} (${s.file})`);
    const findings = [...s.findings].sort(compareFindings);
    const errors = findings.filter((f) => f.severity === "error");
    const others = findings.filter((f) => f.severity !== "error");
    lines.push(`    <testcase classname="schemagate.${xml(s.level)}" name="${name}">`);
    if (errors.length > 0) {
      const body = errors.map((f) => `${formatFindingLine(f)}${f.fix === void 0 ? "" : `
  fix: ${f.fix}`}`).join("\n");
      lines.push(
        `      <failure type="${xml(errors[0].rule)}" message="${xml(`${s.status}: ${errors[0].message}`)}">${xml(body)}</failure>`
      );
    }
    if (others.length > 0)
      lines.push(`      <system-out>${xml(others.map(formatFindingLine).join("\n"))}</system-out>`);
    lines.push("    </testcase>");
  }
  lines.push("  </testsuite>", "</testsuites>");
  return `${lines.join("\n")}
`;
}

// src/report/sarif.ts
function fileUri(path) {
  return path.split("/").map((segment) => encodeURIComponent(segment)).join("/");
}
var LEVEL = {
  error: "error",
  warning: "warning",
  info: "note"
};
function renderSarif(report, options = {}) {
  const findings = sortedFindings(report).map(({ subject, ...f }) => ({ f, subject }));
  const ruleIds = [...new Set(findings.map((x) => x.f.rule))].sort();
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "schemagate",
            version: options.version ?? "0.1.0",
            informationUri: "https://github.com/schemagate/schemagate",
            rules: ruleIds.map((id) => ({
              id,
              name: id,
              shortDescription: { text: id.toLowerCase().replace(/_/g, " ") }
            }))
          }
        },
        results: findings.map(({ f, subject }) => ({
          ruleId: f.rule,
          ruleIndex: ruleIds.indexOf(f.rule),
          level: LEVEL[f.severity],
          message: { text: f.fix === void 0 ? f.message : `${f.message} Fix: ${f.fix}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: fileUri(f.file) },
                region: { startLine: f.line, startColumn: f.column }
              }
            }
          ],
          properties: { subject, pointer: f.path, version: f.version, commit: f.commit }
        }))
      }
    ]
  };
  return `${JSON.stringify(sarif, null, 2)}
`;
}

// src/report/render.ts
function renderReport(report, format) {
  switch (format) {
    case "text":
      return renderText(report);
    case "json":
      return renderJson(report);
    case "github":
      return renderGithub(report);
    case "junit":
      return renderJunit(report);
    case "sarif":
      return renderSarif(report);
    case "markdown":
      return renderMarkdown(report);
  }
}
export {
  REPORT_FORMATS,
  renderReport
};
