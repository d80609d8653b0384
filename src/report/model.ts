import type { CompatibilityLevel, Direction } from '../compat/level.js';
import type { FormatId, SchemaChange } from '../formats/format.js';

/** Stable rule ids of findings that are not the engines' own error types. */
export type RepoRule =
  | 'SUBJECT_DELETED'
  | 'SUBJECT_RENAMED'
  | 'INVALID_SCHEMA'
  | 'REFERENCE_UNRESOLVED'
  | 'REFERENCE_CYCLE'
  | 'LEVEL_CHANGED'
  | 'SCHEMA_TYPE_CHANGED'
  | 'DUPLICATE_SUBJECT'
  | 'DOC_MISSING'
  | 'INTERNAL_ERROR';

export type Severity = 'error' | 'warning' | 'info';

export type SubjectStatus = 'ok' | 'new' | 'unchanged' | 'incompatible' | 'invalid' | 'deleted' | 'renamed';

/** One finding, as the JSON contract writes it. */
export interface Finding {
  /** The engine's error type (e.g. READER_FIELD_MISSING_DEFAULT_VALUE) or a RepoRule. */
  rule: string;
  severity: Severity;
  /** JSON pointer into the schema the finding is about ("" for the whole file). */
  path: string;
  /** The file and position an editor should jump to (1-based). */
  file: string;
  line: number;
  column: number;
  /** The earlier version (1 = oldest) and its commit the finding is against, or null. */
  version: number | null;
  commit: string | null;
  message: string;
  /** How to fix it, in a sentence. */
  fix?: string;
  direction?: Direction;
}

/** A semantic change with its effect under the subject's level. */
export interface ReportedChange extends SchemaChange {
  /** True when the change breaks a direction the subject's level checks. */
  breaking: boolean;
}

export interface SubjectReport {
  subject: string;
  file: string;
  format: FormatId;
  level: CompatibilityLevel;
  status: SubjectStatus;
  /** How many versions the history holds (the candidate not counted unless it is one of them). */
  versions: number;
  findings: Finding[];
  /** The file's earlier path when it was renamed in this change. */
  previousFile?: string;
  /** The semantic diff from the newest version to the candidate (empty when unchanged or new). */
  changes?: ReportedChange[];
}

export type CheckMode = 'worktree' | 'staged' | 'against' | 'all';

/** The JSON contract of `schemagate check --format json`, and what `runCheck` returns. */
export interface CheckReport {
  ok: boolean;
  mode: CheckMode;
  /** The history the candidates were checked against. */
  base: { ref: string | null; commit: string | null };
  subjects: SubjectReport[];
  /** Files under the schema root that were not checked (another extension, a symbolic link), and why. */
  skipped?: Array<{ file: string; reason: 'extension' | 'symlink' }>;
  summary: {
    subjects: number;
    errors: number;
    warnings: number;
    infos: number;
    byStatus: Partial<Record<SubjectStatus, number>>;
  };
}

/** The order findings are shown in, in every output: by file, line and column (stable otherwise). */
export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}

/** Every finding of a report, in the order of `compareFindings`, with its subject. */
export function sortedFindings(report: CheckReport): Array<Finding & { subject: string }> {
  return report.subjects
    .flatMap((s) => s.findings.map((f) => ({ ...f, subject: s.subject })))
    .sort(compareFindings);
}

export function summarize(subjects: SubjectReport[]): CheckReport['summary'] {
  const byStatus: Partial<Record<SubjectStatus, number>> = {};
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const s of subjects) {
    byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
    for (const f of s.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
    }
  }
  return { subjects: subjects.length, errors, warnings, infos, byStatus };
}
