import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PublishedVersion {
  subject: string;
  id: number;
  version: number;
}

export interface ActionOutputs {
  ok: boolean;
  findings: number;
  published: PublishedVersion[];
  /** The JSON report to save; its path becomes the `report` output. */
  report: unknown;
}

/** Writes the JSON report where later steps can read it (RUNNER_TEMP on a runner) and sets every output. */
export function setOutputs(outputs: ActionOutputs, env: NodeJS.ProcessEnv = process.env): string {
  const dir = join(
    env.RUNNER_TEMP !== undefined && env.RUNNER_TEMP !== '' ? env.RUNNER_TEMP : tmpdir(),
    'schemagate',
  );
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `report-${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_ACTION ?? process.pid}.json`);
  writeFileSync(path, JSON.stringify(outputs.report, null, 2) + '\n');
  core.setOutput('ok', outputs.ok ? 'true' : 'false');
  core.setOutput('findings', String(outputs.findings));
  core.setOutput('published', JSON.stringify(outputs.published));
  core.setOutput('report', path);
  return path;
}
