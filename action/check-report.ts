/**
 * The JSON report of `schemagate check` (the contract of issue 4), as the Action reads it. Declared
 * structurally so that the Action depends on the contract, not on the validator's internals.
 */
export type FindingSeverity = 'error' | 'warning' | 'info';

export interface ReportFinding {
  rule: string;
  severity: FindingSeverity | string;
  path?: string | null;
  line?: number | null;
  column?: number | null;
  version?: number | null;
  commit?: string | null;
  message: string;
}

export interface ReportSubject {
  subject: string;
  file: string;
  format: string;
  level: string;
  status: string;
  versions: number;
  findings: ReportFinding[];
}

export interface CheckReport {
  ok: boolean;
  subjects: ReportSubject[];
}

export interface LocatedFinding extends ReportFinding {
  subject: string;
  file: string;
}

export function allFindings(report: CheckReport): LocatedFinding[] {
  return report.subjects.flatMap((s) => s.findings.map((f) => ({ ...f, subject: s.subject, file: s.file })));
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
