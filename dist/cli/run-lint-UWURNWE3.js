import {
  lintFindings
} from "./chunk-UKMXE7KU.js";
import {
  NameIndex,
  loadSchema
} from "./chunk-AYQYXMTB.js";
import {
  candidateFiles
} from "./chunk-JG5DLF5R.js";
import "./chunk-OOMT5PNS.js";
import "./chunk-AACIVGT5.js";
import {
  loadConfig,
  loadConfigAt
} from "./chunk-GZ7YKJFV.js";
import {
  repoRoot
} from "./chunk-X223GS44.js";
import {
  subjectSettings
} from "./chunk-MYU7MPXZ.js";
import {
  detectFormat
} from "./chunk-KVYAH4SS.js";
import "./chunk-Q2EUGLQR.js";
import "./chunk-L6DUB6QO.js";
import {
  SchemagateError
} from "./chunk-6BBU6Q3O.js";
import {
  compareFindings,
  summarize
} from "./chunk-4WLI5DVH.js";

// src/lint/run-lint.ts
async function runLint(options) {
  const top = await repoRoot(options.cwd);
  const config = options.configPath === void 0 ? loadConfig(top) : loadConfigAt(top, options.configPath, options.cwd);
  const candidates = await candidateFiles(top, config, { kind: "worktree" });
  const paths = [...candidates.oids.keys()].sort();
  if (paths.length === 0)
    throw new SchemagateError(
      "NO_SCHEMA_FILES",
      `no schema files (.avsc, .json, .proto) under '${config.root}' in the working tree, so nothing was linted`
    );
  const bytes = await candidates.read(paths);
  const index = new NameIndex(async () => bytes, config.root);
  const subjects = [];
  for (const path of paths) {
    const settings = subjectSettings(path, config);
    const report = {
      subject: settings.subject,
      file: path,
      format: settings.format ?? detectFormat(path),
      level: settings.level,
      status: "ok",
      versions: 0,
      findings: []
    };
    const loaded = await loadSchema(path, bytes.get(path) ?? Buffer.alloc(0), {
      ...settings.format === void 0 ? {} : { format: settings.format },
      index,
      policy: config.jsonSchemaPolicy
    });
    report.format = loaded.format;
    if (!loaded.ok) {
      report.status = "invalid";
      for (const p of loaded.problems)
        report.findings.push({
          rule: p.rule,
          severity: "error",
          path: p.pointer,
          file: path,
          line: p.line,
          column: p.column,
          version: null,
          commit: null,
          message: p.message,
          ...p.fix === void 0 ? {} : { fix: p.fix }
        });
    } else {
      report.findings.push(
        ...lintFindings(path, settings.subject, loaded, config, {
          inCheck: false,
          strict: options.strict === true
        })
      );
      report.findings.sort(compareFindings);
    }
    subjects.push(report);
  }
  const summary = summarize(subjects);
  return { ok: summary.errors === 0, mode: "worktree", base: { ref: null, commit: null }, subjects, summary };
}
export {
  runLint
};
