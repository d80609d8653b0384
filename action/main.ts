import * as core from '@actions/core';
import { resolve, sep } from 'node:path';
import { runCheckMode } from './check-mode.js';
import { readEvent } from './event.js';
import { githubCommentsApi, parseRepository } from './github-api.js';
import { readInputs } from './inputs.js';
import { checkLibrary, configuredBaseBranch, publishLibrary } from './library.js';
import { resolveMode } from './mode.js';
import { setOutputs } from './outputs.js';
import { runPublishMode } from './publish-mode.js';

function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = env;
  return server && repo && id ? `${server}/${repo}/actions/runs/${id}` : undefined;
}

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const inputs = readInputs();
  const event = readEvent(env);
  const workspace =
    env.GITHUB_WORKSPACE !== undefined && env.GITHUB_WORKSPACE !== '' ? env.GITHUB_WORKSPACE : process.cwd();
  const cwd = resolve(workspace, inputs.workingDirectory);
  // The report's paths are from the repository root, which is how GitHub places annotations on a diff.
  const fileOf = (file: string): string => file.split(sep).join('/');

  // Only a push needs the base branch (to tell a merge from a push elsewhere); reading the config then also
  // reports a bad schemagate.yaml before anything is published.
  const baseBranch =
    inputs.mode === 'auto' && event.kind === 'push'
      ? ((await configuredBaseBranch(cwd, inputs.config)) ?? event.defaultBranch)
      : undefined;
  const mode = resolveMode(inputs.mode, event, baseBranch);
  core.info(`schemagate: mode ${mode.mode} for a ${event.eventName} event in ${cwd}`);

  if (mode.mode === 'skip') {
    core.notice(mode.reason);
    setOutputs({ ok: true, findings: 0, published: [], report: { ok: true, skipped: mode.reason } });
    return;
  }
  if (mode.mode === 'publish') {
    const { passed } = await runPublishMode({ inputs, event, cwd, library: publishLibrary });
    if (!passed) core.setFailed('schemagate publish: some subjects were not published (see the job summary)');
    return;
  }
  const comments =
    event.kind === 'pull_request' && inputs.githubToken !== undefined && inputs.comment && !event.fromFork
      ? {
          api: githubCommentsApi(
            inputs.githubToken,
            parseRepository(env.GITHUB_REPOSITORY),
            env.GITHUB_API_URL || undefined,
          ),
          issue: event.number,
        }
      : undefined;
  const { passed } = await runCheckMode({
    inputs,
    event,
    cwd,
    fileOf,
    library: checkLibrary,
    comments,
    runUrl: runUrl(env),
  });
  if (!passed)
    core.setFailed(
      'schemagate check: the schema changes break compatibility (see the annotations and the job summary)',
    );
}
