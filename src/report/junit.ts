import { compareFindings, type CheckReport } from './model.js';
import { formatFindingLine } from './text.js';

const xml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD]/gu, '');

/** JUnit XML: one test case per subject; its errors are one failure, warnings go to system-out. */
export function renderJunit(report: CheckReport): string {
  const failures = report.subjects.filter((s) => s.findings.some((f) => f.severity === 'error')).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="schemagate" tests="${report.subjects.length}" failures="${failures}">`,
  ];
  lines.push(
    `  <testsuite name="schemagate check" tests="${report.subjects.length}" failures="${failures}" errors="0" skipped="0">`,
  );
  for (const s of report.subjects) {
    const name = xml(`${s.subject} (${s.file})`);
    const findings = [...s.findings].sort(compareFindings);
    const errors = findings.filter((f) => f.severity === 'error');
    const others = findings.filter((f) => f.severity !== 'error');
    lines.push(`    <testcase classname="schemagate.${xml(s.level)}" name="${name}">`);
    if (errors.length > 0) {
      const body = errors
        .map((f) => `${formatFindingLine(f)}${f.fix === undefined ? '' : `\n  fix: ${f.fix}`}`)
        .join('\n');
      lines.push(
        `      <failure type="${xml(errors[0]!.rule)}" message="${xml(`${s.status}: ${errors[0]!.message}`)}">${xml(body)}</failure>`,
      );
    }
    if (others.length > 0)
      lines.push(`      <system-out>${xml(others.map(formatFindingLine).join('\n'))}</system-out>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}
