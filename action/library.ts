/**
 * The one place the Action calls into the schemagate library: check and publish are the same calls the
 * CLI makes, so the Action adds presentation only.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SchemagateError } from '../src/errors.js';
import { connectRegistry } from '../src/registry/connect.js';
import { reportToJson } from '../src/registry/plan/index.js';
import { publish } from '../src/registry/publish.js';
import { collectCandidates, toCandidate, type CollectedRepo } from '../src/registry/repo-candidates.js';
import {
  changedSubjects,
  loadConfig,
  loadConfigAt,
  readSubjects,
  repoRoot,
  runCheck,
  type SchemagateConfig,
} from '../src/repo/index.js';
import type { CheckLibrary } from './check-mode.js';
import type { PublishLibrary, PublishReport } from './publish-mode.js';

/** The `config` input: a schemagate.yaml anywhere in the repository, parsed with the library's own parser. */
async function configFromInput(
  cwd: string,
  config: string | undefined,
): Promise<SchemagateConfig | undefined> {
  return config === undefined ? undefined : loadConfigAt(await repoRoot(cwd), config, cwd, 'config input');
}

/** The configured base branch (`baseBranch`), which `auto` publishes from; undefined when not configured. */
export async function configuredBaseBranch(
  cwd: string,
  config: string | undefined,
): Promise<string | undefined> {
  const parsed = (await configFromInput(cwd, config)) ?? loadConfig(await repoRoot(cwd));
  return parsed.baseBranch;
}

export const checkLibrary: CheckLibrary = {
  async check({ cwd, config, against }) {
    const parsed = await configFromInput(cwd, config);
    return runCheck({
      cwd,
      ...(against === undefined ? {} : { mode: 'against' as const, against }),
      ...(parsed === undefined ? {} : { config: parsed }),
    });
  },
  buildSite: ({ cwd, config, out }) =>
    runBundledCli(cwd, ['docs', '--out', out, ...(config === undefined ? [] : ['--config', config])]),
};

/**
 * Runs the CLI bundle that ships beside the Action's (dist/cli/bin.js next to dist/index.js): the site
 * writer copies its page scripts from site-assets/ relative to its own file, which holds there and not in
 * the Action's single-file bundle. Its output goes to the log; a failure is one error with its message.
 */
async function runBundledCli(cwd: string, args: string[]): Promise<void> {
  const bin = fileURLToPath(new URL('./cli/bin.js', import.meta.url));
  const result = await new Promise<{ code: number | null; output: string }>((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const take = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      process.stdout.write(chunk);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
  if (result.code !== 0)
    throw new Error(`schemagate ${args[0]} failed (exit code ${result.code}): ${result.output.trim()}`);
}

/** collectCandidates with a configuration from the `config` input (the library's reads schemagate.yaml at the root). */
async function collect(
  cwd: string,
  since: string | undefined,
  config: SchemagateConfig | undefined,
): Promise<CollectedRepo> {
  if (config === undefined) return collectCandidates(cwd, since === undefined ? {} : { since });
  const root = await repoRoot(cwd);
  let only: string[] | undefined;
  if (since !== undefined) {
    only = (await changedSubjects({ cwd: root, from: since, to: 'HEAD', config }))
      .filter((c) => c.change !== 'deleted')
      .map((c) => c.file);
    if (only.length === 0) return { root, config, candidates: [] };
  }
  const { subjects } = await readSubjects({
    cwd: root,
    ref: 'HEAD',
    config,
    ...(only === undefined ? {} : { only }),
  });
  return { root, config, candidates: subjects.map(toCandidate) };
}

export const publishLibrary: PublishLibrary = {
  async publish({ cwd, config, since, registry }) {
    const repo = await collect(cwd, since, await configFromInput(cwd, config));
    const credentials = {
      ...(registry.userInfo === undefined ? {} : { userInfo: registry.userInfo }),
      ...(registry.token === undefined ? {} : { token: registry.token }),
    };
    let client: ReturnType<typeof connectRegistry>;
    try {
      client = connectRegistry(registry.url, repo.config, process.env, credentials);
    } catch (e) {
      // The library's message names the CLI's flag; name the Action's input instead.
      if (registry.url === undefined && e instanceof SchemagateError && e.code === 'INVALID_ARGUMENT') {
        throw new SchemagateError(
          'INVALID_ARGUMENT',
          'no registry to publish to: set the registry-url input, or registry.url in schemagate.yaml',
        );
      }
      throw e;
    }
    const outcome = await publish(client, repo.candidates);
    return reportToJson(outcome.report) as PublishReport;
  },
};
