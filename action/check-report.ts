/** Helpers over the validator's JSON report (the contract of issue 4) for annotations and verdicts. */
import type { CheckReport, Finding } from '../src/report/model.js';

export type { CheckReport, Finding };

export interface LocatedFinding extends Finding {
  subject: string;
}

export function allFindings(report: CheckReport): LocatedFinding[] {
  return report.subjects.flatMap((s) =>
    s.findings.map((f) => ({ ...f, subject: s.subject, file: f.file || s.file })),
  );
}

export function countBySeverity(report: CheckReport): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of allFindings(report)) {
    if (f.severity === 'error') counts.error++;
    else if (f.severity === 'warning') counts.warning++;
    else counts.info++;
  }
  return counts;
}
