import type { Finding, Severity } from '../report/model.js';
import type { SchemagateConfig } from '../repo/config.js';
import type { LoadedSchema } from '../repo/schema-file.js';
import { DEFAULT_NAMESPACE, type NameCase } from './naming.js';
import { lintSchema } from './lint-schema.js';
import type { LintRuleId } from './rules.js';
import type { ProtobufSchema } from '../formats/protobuf/parse.js';

export interface LintRunOptions {
  /** `check` runs the rules only when `lint.check` is on (DOC_MISSING alone with `lint.requireDoc`). */
  inCheck: boolean;
  /** Warnings become errors (`--strict`). */
  strict: boolean;
}

/** Whether `check` has any lint rule to run under this configuration. */
export function lintRunsInCheck(config: SchemagateConfig): boolean {
  return config.lint.check || config.lint.requireDoc;
}

/** The lint findings of one loaded schema file, with the configured severities and their positions. */
export function lintFindings(
  file: string,
  subject: string,
  loaded: Extract<LoadedSchema, { ok: true }>,
  config: SchemagateConfig,
  run: LintRunOptions,
): Finding[] {
  const { lint } = config;
  const problems = lintSchema(
    {
      format: loaded.format,
      subject,
      value: loaded.doc?.value,
      text: loaded.text,
      ...(loaded.format === 'protobuf' ? { proto: (loaded.schema as ProtobufSchema).proto } : {}),
    },
    {
      fieldCase: lint.fieldCase satisfies NameCase,
      namespace: lint.namespace ?? DEFAULT_NAMESPACE,
      subjectStrategy: lint.subjectStrategy,
    },
  );
  const out: Finding[] = [];
  for (const p of problems) {
    const severity = severityOf(p.rule, config, run);
    if (severity === undefined) continue;
    const pos = p.position ?? loaded.handler.locate(loaded.schema, p.pointer);
    out.push({
      rule: p.rule,
      severity,
      path: p.pointer,
      file,
      line: pos.line,
      column: pos.column,
      version: null,
      commit: null,
      message: p.message,
      fix: p.fix,
    });
  }
  return out;
}

function severityOf(rule: LintRuleId, config: SchemagateConfig, run: LintRunOptions): Severity | undefined {
  if (run.inCheck && !config.lint.check && !(rule === 'DOC_MISSING' && config.lint.requireDoc))
    return undefined;
  const configured = config.lint.rules[rule] ?? 'warning';
  if (configured === 'off') return undefined;
  return run.strict && configured === 'warning' ? 'error' : configured;
}
