import * as core from '@actions/core';
import { ensureHistory } from './history.js';
import { pushedBranch, type ActionEvent } from './event.js';
import { redact, type ActionInputs } from './inputs.js';
import { setOutputs, type PublishedVersion } from './outputs.js';

/** The publish engine's JSON result (issue 5's contract). */
export interface PublishResult {
  subject: string;
  action: string;
  id?: number | null;
  version?: number | null;
  messages?: string[];
}

export interface PublishReport {
  ok: boolean;
  results: PublishResult[];
}

export interface PublishLibrary {
  publish(options: {
    cwd: string;
    config: string | undefined;
    /** Publish the subjects whose files changed since this commit; undefined: every subject. */
    since: string | undefined;
    registry: { url: string | undefined; userInfo: string | undefined; token: string | undefined };
  }): Promise<PublishReport>;
}

export interface PublishContext {
  inputs: ActionInputs;
  event: ActionEvent;
  cwd: string;
  library: PublishLibrary;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

const ICON: Record<string, string> = { registered: '🆕', unchanged: '✅', incompatible: '❌', failed: '❌' };

export function renderPublishSummary(report: PublishReport, range: string): string {
  const out: string[] = [];
  const failed = report.results.filter((r) => r.action === 'failed' || r.action === 'incompatible').length;
  const registered = report.results.filter((r) => r.action === 'registered').length;
  out.push(
    `### ${report.ok ? '✅' : '❌'} schemagate publish: ${registered} registered, ${report.results.length - registered - failed} unchanged, ${failed} failed`,
    '',
    `Range: ${range}`,
    '',
  );
  if (report.results.length === 0) {
    out.push('No schema subjects changed in this range.');
    return out.join('\n') + '\n';
  }
  out.push('| Subject | Result | Id | Version | Messages |', '| --- | --- | ---: | ---: | --- |');
  for (const r of report.results) {
    out.push(
      `| \`${cell(r.subject)}\` | ${ICON[r.action] ?? ''} ${cell(r.action)} | ${r.id ?? ''} | ${r.version ?? ''} | ${cell((r.messages ?? []).join('; '))} |`,
    );
  }
  return out.join('\n') + '\n';
}

export async function runPublishMode(ctx: PublishContext): Promise<{ passed: boolean }> {
  const { inputs, event } = ctx;
  let since: string | undefined;
  let range = 'every subject';
  if (event.kind === 'push' && !event.created) {
    since = event.before;
    range = `${event.before.slice(0, 7)}..${event.after.slice(0, 7)}`;
    await ensureHistory(
      ctx.cwd,
      { sha: event.before, branch: pushedBranch(event), purpose: 'the commit before the push' },
      core.info,
    );
  } else if (event.kind === 'push') {
    core.info('The push created the branch: publishing every subject.');
  }
  const report = await core.group('schemagate publish', () =>
    ctx.library.publish({
      cwd: ctx.cwd,
      config: inputs.config,
      since,
      registry: { url: inputs.registryUrl, userInfo: inputs.registryUserInfo, token: inputs.registryToken },
    }),
  );
  for (const r of report.results) {
    const line = `${r.subject}: ${r.action}${r.id == null ? '' : ` id ${r.id}`}${r.version == null ? '' : ` version ${r.version}`}`;
    if (r.action === 'failed' || r.action === 'incompatible')
      core.error(`${line}: ${(r.messages ?? []).join('; ')}`, { title: `schemagate publish: ${r.subject}` });
    else core.info(line);
  }
  const published: PublishedVersion[] = report.results
    .filter((r) => typeof r.id === 'number' && typeof r.version === 'number' && r.action === 'registered')
    .map((r) => ({ subject: r.subject, id: r.id as number, version: r.version as number }));
  const problems = report.results.filter((r) => r.action === 'failed' || r.action === 'incompatible').length;
  setOutputs({ ok: report.ok, findings: problems, published, report });
  await core.summary.addRaw(redact(renderPublishSummary(report, range))).write();
  return { passed: report.ok };
}
