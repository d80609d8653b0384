// src/report/model.ts
function compareFindings(a, b) {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}
function sortedFindings(report) {
  return report.subjects.flatMap((s) => s.findings.map((f) => ({ ...f, subject: s.subject }))).sort(compareFindings);
}
function summarize(subjects) {
  const byStatus = {};
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const s of subjects) {
    byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
    for (const f of s.findings) {
      if (f.severity === "error") errors++;
      else if (f.severity === "warning") warnings++;
      else infos++;
    }
  }
  return { subjects: subjects.length, errors, warnings, infos, byStatus };
}

export {
  compareFindings,
  sortedFindings,
  summarize
};
