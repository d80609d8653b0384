import type { CliIo, Command } from '../io.js';
import { SchemagateError } from '../../errors.js';
import { connectRegistry } from '../../registry/connect.js';
import { countActions, reportToJson, type PlanStep, type PublishReport } from '../../registry/plan/index.js';
import { publish } from '../../registry/publish.js';
import { collectCandidates } from '../../registry/repo-candidates.js';
import { progressBar } from './progress.js';
import { parseRegistryCommandArgs } from './registry-args.js';

const usage =
  'schemagate publish (--since <ref>[..<ref>] | --all) [--registry <url>] [--timeout 30s] [--dry-run] [--format text|json]';

const command: Command = {
  name: 'publish',
  summary: 'register approved schema versions in the registry (levels first, references first, idempotent)',
  usage,
  async run(args, io) {
    const {
      values,
      format,
      client: clientOptions,
    } = parseRegistryCommandArgs(
      args,
      { since: { type: 'string' }, all: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
      usage,
    );
    if ((values.since === undefined) === (values.all !== true)) {
      throw new SchemagateError(
        'INVALID_ARGUMENT',
        `give either --since <ref> (subjects changed since ref) or --all\nusage: ${usage}`,
      );
    }
    // `--since A` and `--since A..B` (git's range form; B defaults to HEAD).
    const [since, head] = values.since === undefined ? [undefined, undefined] : splitRange(values.since);
    const repo = await collectCandidates(io.cwd, {
      ...(since === undefined ? {} : { since }),
      ...(head === undefined ? {} : { head }),
    });
    const client = connectRegistry(values.registry, repo.config, io.env, clientOptions);
    const dryRun = values['dry-run'] === true;
    const bar = io.isTTY && format === 'text' ? progressBar(io) : undefined;
    const outcome = await publish(client, repo.candidates, {
      dryRun,
      ...(bar === undefined ? {} : { onProgress: bar.update }),
    });
    bar?.done();
    if (format === 'json') {
      const body = dryRun
        ? { ...(reportToJson(outcome.report) as object), dryRun: true, plan: outcome.steps }
        : reportToJson(outcome.report);
      io.stdout(`${JSON.stringify(body, null, 2)}\n`);
    } else {
      io.stdout(
        dryRun
          ? renderPlan(client.url, outcome.steps, outcome.report)
          : renderReport(client.url, outcome.report),
      );
    }
    return outcome.report.ok ? 0 : 1;
  },
};
export default command;

function splitRange(range: string): [string, string | undefined] {
  const at = range.indexOf('..');
  if (at < 0) return [range, undefined];
  const from = range.slice(0, at);
  const to = range.slice(at + 2).replace(/^\./, '');
  if (from === '')
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `--since '${range}': the range needs a start, such as origin/main~1..HEAD`,
    );
  return [from, to === '' ? undefined : to];
}

export function renderReport(url: string, report: PublishReport): string {
  const lines = [`Published to ${url}:`];
  if (report.results.length === 0) lines.push('  nothing to publish');
  const width = Math.max(0, ...report.results.map((r) => r.subject.length));
  for (const r of report.results) {
    const level = r.levelSet === undefined ? '' : ` (level set to ${r.levelSet})`;
    const where = r.id === undefined ? '' : `  id ${r.id}, version ${r.version ?? '?'}`;
    lines.push(`  ${r.action.padEnd(12)} ${r.subject.padEnd(width)}${where}${level}`);
    for (const m of r.messages) lines.push(`      ${m}`);
  }
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}

export function renderPlan(url: string, steps: readonly PlanStep[], report: PublishReport): string {
  const lines = [`Plan for ${url} (dry run: nothing is written):`];
  if (steps.length === 0) lines.push('  nothing to publish');
  const width = Math.max(0, ...steps.map((s) => s.subject.length));
  for (const [i, s] of steps.entries()) {
    const result = report.results[i];
    const level = s.setLevel === undefined ? '' : ` (set level ${s.setLevel} first)`;
    if (result?.action === 'failed') {
      lines.push(`  ${'fail'.padEnd(12)} ${s.subject.padEnd(width)}`);
      for (const m of result.messages) lines.push(`      ${m}`);
    } else if (s.action === 'unchanged') {
      lines.push(
        `  ${'unchanged'.padEnd(12)} ${s.subject.padEnd(width)}  id ${s.id ?? '?'}, version ${s.version ?? '?'}${level}`,
      );
    } else if (s.predictedIncompatible !== undefined) {
      lines.push(
        `  ${'refused'.padEnd(12)} ${s.subject.padEnd(width)}  the registry would refuse it as incompatible${level}`,
      );
      for (const m of s.predictedIncompatible) lines.push(`      ${m}`);
    } else {
      lines.push(
        `  ${'register'.padEnd(12)} ${s.subject.padEnd(width)}${s.reason === undefined ? '' : `  (${s.reason})`}${level}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function summaryLine(report: PublishReport): string {
  const c = countActions(report.results);
  return `${report.results.length} subject(s): ${c.registered} registered, ${c.unchanged} unchanged, ${c.incompatible} incompatible, ${c.failed} failed`;
}

export type { CliIo };
