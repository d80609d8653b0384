import { allFindings, countBySeverity, type CheckReport, type LocatedFinding } from './check-report.js';

/** GitHub refuses comment bodies longer than this (HTTP 422). */
export const COMMENT_LIMIT = 65536;
/** GitHub accepts at most 1 MiB of job summary per step. */
export const SUMMARY_LIMIT = 1024 * 1024;

export interface CheckView {
  report: CheckReport;
  /** Whether the step passes (after fail-on and the approve label). */
  passed: boolean;
  /** Set when the approve label turned a failure into a pass. */
  approvedBy: string | undefined;
  failOn: 'error' | 'warning';
  /** Semantic diff in Markdown per subject, from the validator's renderer, when it has one. */
  diffs: ReadonlyMap<string, string>;
  /** Findings that did not fit in the annotations. */
  overflow: readonly LocatedFinding[];
  /** The commit that was checked, shown so a reader knows which push the comment describes. */
  headSha: string | undefined;
  /** Link to the run, for the comment. */
  runUrl: string | undefined;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function where(f: LocatedFinding): string {
  const line = typeof f.line === 'number' ? `:${f.line}${typeof f.column === 'number' ? `:${f.column}` : ''}` : '';
  return `${f.file}${line}`;
}

function against(f: LocatedFinding): string {
  const parts: string[] = [];
  if (typeof f.version === 'number') parts.push(`version ${f.version}`);
  if (typeof f.commit === 'string' && f.commit !== '') parts.push(`commit ${f.commit.slice(0, 7)}`);
  return parts.length === 0 ? '' : ` (against ${parts.join(', ')})`;
}

const SEVERITY_ICON: Record<string, string> = { error: '❌', warning: '⚠️', info: 'ℹ️' };

function findingLine(f: LocatedFinding): string {
  const icon = SEVERITY_ICON[f.severity] ?? 'ℹ️';
  return `- ${icon} \`${f.rule}\` at \`${where(f)}\`${against(f)}: ${f.message}`;
}

export function headline(view: CheckView): string {
  const counts = countBySeverity(view.report);
  const problems = [counts.error > 0 ? plural(counts.error, 'error') : '', counts.warning > 0 ? plural(counts.warning, 'warning') : '']
    .filter((s) => s !== '')
    .join(' and ');
  const subjects = plural(view.report.subjects.length, 'subject');
  if (problems === '') return `✅ schemagate: ${subjects} checked, no problems`;
  if (view.approvedBy !== undefined) {
    return `✅ schemagate: ${problems}, approved with the \`${view.approvedBy}\` label`;
  }
  return `${view.passed ? '⚠️' : '❌'} schemagate: ${problems} in ${subjects}`;
}

/** The Markdown shared by the job summary and the pull-request comment. */
export function renderCheck(view: CheckView): string {
  const out: string[] = [`### ${headline(view)}`, ''];
  if (view.approvedBy !== undefined) {
    out.push(
      `> The \`${view.approvedBy}\` label approves these breaking changes: the check passes, and every break is still listed below.`,
      '',
    );
  }
  if (view.report.subjects.length === 0) {
    out.push('No schema subjects changed.');
    return out.join('\n');
  }
  out.push('| Subject | File | Format | Level | Status | Versions | Findings |', '| --- | --- | --- | --- | --- | ---: | ---: |');
  for (const s of view.report.subjects) {
    out.push(
      `| \`${escapeCell(s.subject)}\` | \`${escapeCell(s.file)}\` | ${escapeCell(s.format)} | ${escapeCell(s.level)} | ${escapeCell(s.status)} | ${s.versions} | ${s.findings.length} |`,
    );
  }
  for (const s of view.report.subjects) {
    const diff = view.diffs.get(s.subject);
    if (s.findings.length === 0 && (diff === undefined || diff.trim() === '')) continue;
    out.push('', `#### \`${s.subject}\` (${s.level})`, '');
    for (const f of allFindings({ ok: view.report.ok, subjects: [s] })) out.push(findingLine(f));
    if (diff !== undefined && diff.trim() !== '') {
      out.push('', '<details open><summary>Semantic diff</summary>', '', diff.trim(), '', '</details>');
    }
  }
  return out.join('\n');
}

export function renderSummary(view: CheckView): string {
  const parts = [renderCheck(view)];
  if (view.overflow.length > 0) {
    parts.push(
      '',
      `#### Findings without an annotation`,
      '',
      `GitHub shows at most 10 annotations of each level per step; these ${plural(view.overflow.length, 'finding')} did not get one:`,
      '',
      ...view.overflow.map(findingLine),
    );
  }
  return truncate(parts.join('\n') + '\n', SUMMARY_LIMIT, '\n\n_The summary was cut at GitHub\'s size limit; the JSON report has every finding._\n');
}

function footer(view: CheckView): string {
  const bits: string[] = [];
  if (view.headSha !== undefined) bits.push(`checked at ${view.headSha.slice(0, 7)}`);
  if (view.runUrl !== undefined) bits.push(`[workflow run](${view.runUrl})`);
  return bits.length === 0 ? '' : `\n\n<sub>schemagate · ${bits.join(' · ')}</sub>`;
}

export function renderReportComment(view: CheckView, marker: string): string {
  const end = footer(view);
  const body = `${marker}\n${renderCheck(view)}`;
  const note = '\n\n_This comment was cut at GitHub\'s size limit; the job summary lists every finding._';
  return truncate(body, COMMENT_LIMIT - end.length, note) + end;
}

export function renderResolvedComment(view: CheckView, marker: string): string {
  return `${marker}\n### ✅ schemagate: resolved\n\nThe schema problems reported earlier in this pull request are fixed: ${plural(view.report.subjects.length, 'subject')} checked, no problems.${footer(view)}`;
}

/** Cuts text so that, with the note appended, it stays within `limit` UTF-16 units (GitHub counts characters). */
export function truncate(text: string, limit: number, note: string): string {
  if (text.length <= limit) return text;
  let cut = text.slice(0, Math.max(0, limit - note.length));
  // Never split a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + note;
}
