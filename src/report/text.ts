import { groupFindings } from './group.js';
import { sortedFindings, type CheckReport, type Finding, type SubjectStatus } from './model.js';

/** `path:line:col: RULE message` (a warning or information says so), its fix indented below. */
export function formatFindingLine(f: Finding): string {
  const tag = f.severity === 'error' ? '' : ` (${f.severity})`;
  return `${f.file}:${f.line}:${f.column}: ${f.rule}${tag} ${f.message}`;
}

const STATUS_ORDER: SubjectStatus[] = [
  'incompatible',
  'invalid',
  'deleted',
  'renamed',
  'new',
  'ok',
  'unchanged',
];

/** The one-line summary every format ends with in a terminal. */
export function summaryLine(report: CheckReport): string {
  const s = report.summary;
  const statuses = STATUS_ORDER.filter((k) => (s.byStatus[k] ?? 0) > 0).map((k) => `${s.byStatus[k]} ${k}`);
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  const verdict = report.ok ? 'ok' : 'failed';
  return `schemagate check ${verdict}: ${plural(s.subjects, 'subject')}${statuses.length > 0 ? ` (${statuses.join(', ')})` : ''}, ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}`;
}

export function renderText(report: CheckReport): string {
  const lines: string[] = [];
  for (const f of groupFindings(sortedFindings(report))) {
    lines.push(formatFindingLine(f));
    if (f.fix !== undefined && f.severity !== 'info') lines.push(`  fix: ${f.fix}`);
  }
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}
