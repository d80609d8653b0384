import { sortedFindings, type CheckReport, type Finding } from './model.js';

/**
 * A repository path as a SARIF `artifactLocation.uri`: a relative URI reference, each segment
 * percent-encoded (spaces, `%`, `#`, `?` and non-ASCII characters), `/` kept as the separator.
 */
export function fileUri(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

const LEVEL: Record<Finding['severity'], 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** SARIF 2.1.0 for code scanning: one rule per finding id, one result per finding. */
export function renderSarif(report: CheckReport, options: { version?: string } = {}): string {
  const findings = sortedFindings(report).map(({ subject, ...f }) => ({ f, subject }));
  const ruleIds = [...new Set(findings.map((x) => x.f.rule))].sort();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'schemagate',
            version: options.version ?? '0.1.0',
            informationUri: 'https://github.com/schemagate/schemagate',
            rules: ruleIds.map((id) => ({
              id,
              name: id,
              shortDescription: { text: id.toLowerCase().replace(/_/g, ' ') },
            })),
          },
        },
        results: findings.map(({ f, subject }) => ({
          ruleId: f.rule,
          ruleIndex: ruleIds.indexOf(f.rule),
          level: LEVEL[f.severity],
          message: { text: f.fix === undefined ? f.message : `${f.message} Fix: ${f.fix}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: fileUri(f.file) },
                region: { startLine: f.line, startColumn: f.column },
              },
            },
          ],
          properties: { subject, pointer: f.path, version: f.version, commit: f.commit },
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
