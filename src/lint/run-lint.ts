import { detectFormat } from '../formats/detect.js';
import { compareFindings, summarize, type CheckReport, type SubjectReport } from '../report/model.js';
import { loadConfig, loadConfigAt } from '../repo/config.js';
import { repoRoot } from '../repo/git.js';
import { loadSchema, NameIndex } from '../repo/schema-file.js';
import { subjectSettings } from '../repo/subjects.js';
import { candidateFiles } from '../repo/workspace.js';
import { SchemagateError } from '../errors.js';
import { lintFindings } from './findings.js';

export interface RunLintOptions {
  cwd: string;
  configPath?: string;
  /** Warnings become errors. */
  strict?: boolean;
}

/**
 * Lints every schema file of the working tree under the root. The report has the shape of `check`'s, so
 * every report format renders it; a file that is not a valid schema gets its INVALID_SCHEMA finding.
 */
export async function runLint(options: RunLintOptions): Promise<CheckReport> {
  const top = await repoRoot(options.cwd);
  const config =
    options.configPath === undefined ? loadConfig(top) : loadConfigAt(top, options.configPath, options.cwd);
  const candidates = await candidateFiles(top, config, { kind: 'worktree' });
  const paths = [...candidates.oids.keys()].sort();
  if (paths.length === 0)
    throw new SchemagateError(
      'NO_SCHEMA_FILES',
      `no schema files (.avsc, .json, .proto) under '${config.root}' in the working tree, so nothing was linted`,
    );
  const bytes = await candidates.read(paths);
  const index = new NameIndex(async () => bytes, config.root);
  const subjects: SubjectReport[] = [];
  for (const path of paths) {
    const settings = subjectSettings(path, config);
    const report: SubjectReport = {
      subject: settings.subject,
      file: path,
      format: settings.format ?? detectFormat(path),
      level: settings.level,
      status: 'ok',
      versions: 0,
      findings: [],
    };
    const loaded = await loadSchema(path, bytes.get(path) ?? Buffer.alloc(0), {
      ...(settings.format === undefined ? {} : { format: settings.format }),
      index,
      policy: config.jsonSchemaPolicy,
    });
    report.format = loaded.format;
    if (!loaded.ok) {
      report.status = 'invalid';
      for (const p of loaded.problems)
        report.findings.push({
          rule: p.rule,
          severity: 'error',
          path: p.pointer,
          file: path,
          line: p.line,
          column: p.column,
          version: null,
          commit: null,
          message: p.message,
          ...(p.fix === undefined ? {} : { fix: p.fix }),
        });
    } else {
      report.findings.push(
        ...lintFindings(path, settings.subject, loaded, config, {
          inCheck: false,
          strict: options.strict === true,
        }),
      );
      report.findings.sort(compareFindings);
    }
    subjects.push(report);
  }
  const summary = summarize(subjects);
  return { ok: summary.errors === 0, mode: 'worktree', base: { ref: null, commit: null }, subjects, summary };
}
