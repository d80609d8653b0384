import { renderMarkdown } from '../src/report/markdown.js';
import { subjectDiffUrl } from '../src/site/paths.js';
import { countBySeverity, type CheckReport, type LocatedFinding } from './check-report.js';

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
  /** Findings that did not fit in the annotations. */
  overflow: readonly LocatedFinding[];
  /** The commit that was checked, shown so a reader knows which push the comment describes. */
  headSha: string | undefined;
  /** Link to the run, for the comment. */
  runUrl: string | undefined;
  /** The deployed docs site's root (the `site-url` input): each changed subject links to its diff there. */
  siteUrl?: string | undefined;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function findingLine(f: LocatedFinding): string {
  const icon = f.severity === 'error' ? '❌' : f.severity === 'warning' ? '⚠️' : 'ℹ️';
  const fix = f.fix !== undefined && f.fix !== '' ? ` **Fix:** ${f.fix}` : '';
  return `- ${icon} \`${f.rule}\` at \`${f.file}:${f.line}:${f.column}\` (\`${f.subject}\`): ${f.message}${fix}`;
}

/** What the Action adds above the validator's Markdown: the step's verdict when it differs from the report's. */
function verdictNote(view: CheckView): string[] {
  const counts = countBySeverity(view.report);
  if (view.approvedBy !== undefined) {
    return [
      `> [!NOTE]`,
      `> **Approved with the \`${view.approvedBy}\` label:** the check passes, and every breaking change is still listed below.`,
      '',
    ];
  }
  if (!view.passed && counts.error === 0 && counts.warning > 0) {
    return [
      `> [!WARNING]`,
      `> **Failing on warnings** (\`fail-on: warning\`): ${plural(counts.warning, 'warning')}.`,
      '',
    ];
  }
  return [];
}

/** With `site-url`: a link to each changed subject's diff on the docs site (unchanged subjects have none to show). */
function siteLinks(view: CheckView): string[] {
  if (view.siteUrl === undefined) return [];
  const changed = view.report.subjects.filter((s) => s.status !== 'unchanged');
  if (changed.length === 0) return [];
  return [
    '',
    '#### On the schema site',
    '',
    ...changed.map(
      (s) => `- [\`${s.subject}\`: history and diff](${subjectDiffUrl(view.siteUrl!, s.subject)})`,
    ),
  ];
}

/** The validator's report as Markdown, with the step's verdict; shared by the job summary and the comment. */
export function renderCheck(view: CheckView): string {
  return [...verdictNote(view), renderMarkdown(view.report).trimEnd(), ...siteLinks(view)].join('\n');
}

export function renderSummary(view: CheckView): string {
  const parts = [renderCheck(view)];
  if (view.overflow.length > 0) {
    parts.push(
      '',
      '#### Findings without an annotation',
      '',
      `GitHub shows at most 10 annotations of each level per step; ${plural(view.overflow.length, 'finding')} did not get one:`,
      '',
      ...view.overflow.map(findingLine),
    );
  }
  return truncate(
    parts.join('\n') + '\n',
    SUMMARY_LIMIT,
    "\n\n_The summary was cut at GitHub's size limit; the JSON report (the `report` output) has every finding._\n",
  );
}

function footer(view: CheckView): string {
  const bits: string[] = [];
  if (view.headSha !== undefined) bits.push(`checked at ${view.headSha.slice(0, 7)}`);
  if (view.runUrl !== undefined) bits.push(`[workflow run](${view.runUrl})`);
  return bits.length === 0 ? '' : `\n\n<sub>schemagate · ${bits.join(' · ')}</sub>`;
}

export function renderReportComment(view: CheckView, marker: string): string {
  const end = footer(view);
  const note = "\n\n_This comment was cut at GitHub's size limit; the job summary lists every finding._";
  return truncate(`${marker}\n${renderCheck(view)}`, COMMENT_LIMIT - end.length, note) + end;
}

export function renderResolvedComment(view: CheckView, marker: string): string {
  return (
    [
      marker,
      '### ✅ schemagate: resolved',
      '',
      `The schema problems reported earlier in this pull request are fixed: ${plural(view.report.subjects.length, 'subject')} checked, no errors or warnings.`,
    ].join('\n') + footer(view)
  );
}

/** Cuts text so that, with the note appended, it stays within `limit` UTF-16 units (GitHub counts characters). */
export function truncate(text: string, limit: number, note: string): string {
  if (text.length <= limit) return text;
  let cut = text.slice(0, Math.max(0, limit - note.length));
  // Never split a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + note;
}
