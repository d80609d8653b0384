import * as core from '@actions/core';
import { resolve } from 'node:path';
import { emitAnnotations, splitForAnnotations } from './annotations.js';
import { summaryLine } from '../src/report/text.js';
import { allFindings, countBySeverity, type CheckReport } from './check-report.js';
import { commentMarker, syncComment, type CommentOutcome } from './comment.js';
import type { CommentsApi } from './github-api.js';
import { ensureHistory } from './history.js';
import { pushedBranch, type ActionEvent } from './event.js';
import { redact, type ActionInputs } from './inputs.js';
import { setOutputs } from './outputs.js';
import { renderReportComment, renderResolvedComment, renderSummary, type CheckView } from './render.js';

export interface CheckLibrary {
  /** Runs `schemagate check` in `cwd` and returns its JSON report (with the semantic diff of each subject); `against` names the history's commit. */
  check(options: {
    cwd: string;
    config: string | undefined;
    against: string | undefined;
  }): Promise<CheckReport>;
  /** Runs `schemagate docs --out <out>` in `cwd`: the site of every subject and its history. */
  buildSite(options: { cwd: string; config: string | undefined; out: string }): Promise<void>;
}

export interface CheckContext {
  inputs: ActionInputs;
  event: ActionEvent;
  cwd: string;
  /** Maps a report path to a path from the repository root, for annotations. */
  fileOf: (file: string) => string;
  library: CheckLibrary;
  /** Present when a comment may be written: a pull request, `comment: true`, a token, not a fork. */
  comments: { api: CommentsApi; issue: number } | undefined;
  runUrl: string | undefined;
}

export interface CheckOutcome {
  passed: boolean;
  comment: CommentOutcome | { action: 'skipped'; reason: string } | { action: 'failed'; reason: string };
}

export async function runCheckMode(ctx: CheckContext): Promise<CheckOutcome> {
  const { inputs, event } = ctx;
  let against: string | undefined;
  if (event.kind === 'pull_request') {
    against = event.baseSha;
    await ensureHistory(
      ctx.cwd,
      { sha: event.baseSha, branch: event.baseRef, purpose: `the base branch ${event.baseRef}` },
      core.info,
    );
  } else if (event.kind === 'push' && !event.created) {
    against = event.before;
    await ensureHistory(
      ctx.cwd,
      { sha: event.before, branch: pushedBranch(event), purpose: 'the commit before the push' },
      core.info,
    );
  }

  const report = await core.group('schemagate check', async () => {
    core.info(`checking ${ctx.cwd}${against === undefined ? '' : ` against ${against}`}`);
    return ctx.library.check({ cwd: ctx.cwd, config: inputs.config, against });
  });

  const counts = countBySeverity(report);
  const failing = counts.error > 0 || (inputs.failOn === 'warning' && counts.warning > 0);
  const labelled = event.kind === 'pull_request' && event.labels.includes(inputs.approveLabel);
  const approvedBy = failing && labelled ? inputs.approveLabel : undefined;
  const passed = !failing || approvedBy !== undefined;

  // The history is read at the base commit; name it by its branch for readers ("main (a8ca3d4)").
  if (event.kind === 'pull_request' && report.base.commit === event.baseSha) report.base.ref = event.baseRef;
  core.info(summaryLine(report));
  if (approvedBy !== undefined)
    core.notice(
      `Breaking schema changes approved with the '${approvedBy}' label: the check passes and still reports them.`,
    );
  const findings = allFindings(report);
  const { annotated, overflow } = splitForAnnotations(findings);
  emitAnnotations(annotated, ctx.fileOf);

  const view: CheckView = {
    report,
    passed,
    approvedBy,
    failOn: inputs.failOn,
    overflow,
    headSha: event.kind === 'pull_request' ? event.headSha : event.kind === 'push' ? event.after : undefined,
    runUrl: ctx.runUrl,
    siteUrl: inputs.siteUrl,
  };
  setOutputs({ ok: passed, findings: findings.length, published: [], report });
  await core.summary.addRaw(redact(renderSummary(view))).write();

  let comment: CheckOutcome['comment'];
  if (event.kind !== 'pull_request') comment = { action: 'skipped', reason: 'not a pull request' };
  else if (!inputs.comment) comment = { action: 'skipped', reason: 'the comment input is false' };
  else if (event.fromFork) {
    comment = {
      action: 'skipped',
      reason: 'the pull request comes from a fork, whose token cannot write comments',
    };
    core.info(
      'Pull request from a fork: no comment (its token is read-only); the annotations and the job summary have the findings.',
    );
  } else if (ctx.comments === undefined) {
    comment = { action: 'skipped', reason: 'no GitHub token' };
    core.warning(
      'No GitHub token: set the github-token input (default: the workflow token) to get a pull-request comment.',
    );
  } else {
    const marker = commentMarker(inputs.workingDirectory === '.' ? 'default' : inputs.workingDirectory);
    try {
      comment = await syncComment(ctx.comments.api, ctx.comments.issue, {
        marker,
        clean: counts.error + counts.warning === 0,
        reportBody: redact(renderReportComment(view, marker)),
        resolvedBody: redact(renderResolvedComment(view, marker)),
      });
      core.info(`pull-request comment: ${comment.action}`);
    } catch (e) {
      const status = (e as { status?: number }).status;
      const hint = status === 403 ? ' (the job needs `permissions: pull-requests: write`)' : '';
      comment = { action: 'failed', reason: (e as Error).message };
      // The check's verdict stands on its own: a comment that cannot be written is a warning, not a failure.
      core.warning(`Could not write the pull-request comment${hint}: ${(e as Error).message}`);
    }
  }
  if (inputs.siteDir !== undefined) {
    const out = resolve(ctx.cwd, inputs.siteDir);
    // After the comment: the check's verdict and comment stand even when the site cannot be built.
    await core.group('schemagate docs', () =>
      ctx.library.buildSite({ cwd: ctx.cwd, config: inputs.config, out }),
    );
    core.info(`docs site written to ${out}`);
  }
  return { passed, comment };
}
