import {
  compareFindings
} from "./chunk-4WLI5DVH.js";

// src/report/markdown.ts
var ICON = {
  ok: "✅",
  new: "🆕",
  unchanged: "➖",
  incompatible: "❌",
  invalid: "⛔",
  deleted: "🗑️",
  renamed: "🔀"
};
function cell(text) {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}
function renderChangesTable(changes, level) {
  if (changes.length === 0) return "_No semantic changes (formatting only)._\n";
  const rows = changes.map(
    (c) => `| ${c.kind} | ${cell(c.summary)} | \`${cell(c.pointer || "/")}\` | ${c.breaking ? `❌ breaks ${level}` : "✅ compatible"} |`
  );
  return ["| Change | What | Where | Effect |", "|---|---|---|---|", ...rows, ""].join("\n");
}
function subjectSection(s) {
  const parts = [
    `#### ${ICON[s.status]} \`${s.subject}\` (${s.status})`,
    "",
    `\`${s.file}\`${s.previousFile === void 0 ? "" : ` (was \`${s.previousFile}\`)`} · ${s.format} · ${s.level} · ${s.versions} version${s.versions === 1 ? "" : "s"} in history`,
    ""
  ];
  if (s.changes !== void 0) parts.push(renderChangesTable(s.changes, s.level));
  if (s.findings.length > 0) {
    parts.push("| | Rule | Where | Message | Fix |", "|---|---|---|---|---|");
    for (const f of [...s.findings].sort(compareFindings)) {
      const icon = f.severity === "error" ? "❌" : f.severity === "warning" ? "⚠️" : "ℹ️";
      parts.push(
        `| ${icon} | \`${f.rule}\` | \`${cell(f.file)}:${f.line}:${f.column}\` | ${cell(f.message)} | ${cell(f.fix ?? "")} |`
      );
    }
    parts.push("");
  }
  return parts.join("\n");
}
function renderMarkdown(report, options = {}) {
  const s = report.summary;
  const verdict = report.ok ? "✅ all schema changes are compatible" : `❌ ${s.errors} error${s.errors === 1 ? "" : "s"}`;
  const lines = [`### ${options.title ?? "schemagate"}: ${verdict}`, ""];
  const base = report.base.ref === null ? "no history" : `\`${report.base.ref}\`${report.base.commit === null ? "" : ` (${report.base.commit.slice(0, 7)})`}`;
  lines.push(
    `${s.subjects} subject${s.subjects === 1 ? "" : "s"} checked against ${base}; ${s.errors} error${s.errors === 1 ? "" : "s"}, ${s.warnings} warning${s.warnings === 1 ? "" : "s"}.`,
    ""
  );
  const shown = report.subjects.filter((x) => x.status !== "unchanged" || x.findings.length > 0);
  if (shown.length > 0) {
    lines.push("| | Subject | File | Level | Status | Versions |", "|---|---|---|---|---|---|");
    for (const x of shown)
      lines.push(
        `| ${ICON[x.status]} | \`${cell(x.subject)}\` | \`${cell(x.file)}\` | ${x.level} | ${x.status} | ${x.versions} |`
      );
    lines.push("");
    for (const x of shown)
      if (x.status !== "unchanged" || x.findings.length > 0) lines.push(subjectSection(x));
  }
  return `${lines.join("\n").trimEnd()}
`;
}

export {
  renderChangesTable,
  renderMarkdown
};
