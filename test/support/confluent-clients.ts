// Confluent's Python and Go schema registry clients, each running our scenario
// (test/registry/clients/scenario.py and go/main.go) against a registry URL.
//
// Python: confluent-kafka[avro,json,schemaregistry] from PyPI into a venv under .cache/python-clients/.
// Go: confluent-kafka-go/v2 through the module proxy, built once into .cache/go-clients/ (module and
// build caches in .cache/go/). Both are keyed by a hash of their sources, so re-runs start at once.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pythonVenv } from './python-venv.js';
import { cacheKey, cachedTool, REPO_ROOT, runTool, type CachedTool } from './tool-cache.js';

const CLIENTS = join(REPO_ROOT, 'test', 'registry', 'clients');
const INSTALL_TIMEOUT_MS = 10 * 60_000;
const RUN_TIMEOUT_MS = 120_000;

export interface StepResult {
  name: string;
  ok: boolean;
  error?: string;
  trace?: string;
}

export interface ScenarioClient {
  /** How the client came to be: built now (and in how long) or from the cache. */
  install: CachedTool;
  /** Runs the named steps against `url`; `conf` is the client's own TLS/auth configuration. */
  run(url: string, steps: readonly string[], conf?: Record<string, string>): Promise<StepResult[]>;
}

function versionOf(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8' }).trim();
}

function parseSteps(stdout: string, what: string): StepResult[] {
  try {
    return (JSON.parse(stdout.trim().split('\n').pop() ?? '') as { steps: StepResult[] }).steps;
  } catch {
    throw new Error(`${what} printed no result:\n${stdout}`);
  }
}

export async function pythonClient(): Promise<ScenarioClient> {
  const requirements = join(CLIENTS, 'requirements.txt');
  const { install, python: bin } = await pythonVenv(
    'python-clients',
    requirements,
    'installing confluent-kafka into a venv',
  );
  return {
    install,
    async run(url, steps, conf = {}) {
      const what = 'the Python scenario';
      const out = await runTool(
        bin,
        [join(CLIENTS, 'scenario.py'), JSON.stringify({ url, conf, only: steps })],
        {
          timeoutMs: RUN_TIMEOUT_MS,
          what,
        },
      );
      return parseSteps(out, what);
    },
  };
}

export async function goClient(): Promise<ScenarioClient> {
  const source = join(CLIENTS, 'go');
  const files = ['main.go', 'go.mod', 'go.sum'].map((f) => join(source, f));
  const key = cacheKey(files, [versionOf('go', ['version'])]);
  const goCache = join(REPO_ROOT, '.cache', 'go');
  const env = {
    ...process.env,
    GOMODCACHE: join(goCache, 'mod'),
    GOCACHE: join(goCache, 'build'),
    GOPATH: join(goCache, 'path'),
    // go.sum is committed: nothing is resolved anew, and no other toolchain is fetched; the module
    // cache stays writable so that `rm -rf .cache` can clear it.
    GOFLAGS: '-mod=readonly -modcacherw',
    GOTOOLCHAIN: 'local',
    CGO_ENABLED: '1',
  };
  const install = await cachedTool(
    'go-clients',
    key,
    async (dir) => {
      await runTool('go', ['build', '-o', join(dir, 'scenario'), '.'], {
        cwd: source,
        env,
        timeoutMs: INSTALL_TIMEOUT_MS,
        what: 'building the Go scenario with confluent-kafka-go',
      });
    },
    INSTALL_TIMEOUT_MS,
  );
  const bin = join(install.dir, 'scenario');
  if (!existsSync(bin)) throw new Error(`${bin} is missing though its build was marked complete`);
  return {
    install,
    async run(url, steps, conf = {}) {
      const what = 'the Go scenario';
      const out = await runTool(bin, [JSON.stringify({ url, conf, only: steps })], {
        timeoutMs: RUN_TIMEOUT_MS,
        what,
      });
      return parseSteps(out, what);
    },
  };
}

/** The scenario's steps, in order (each client script has one function per name). */
export const SCENARIO_STEPS = [
  'register',
  'lookup',
  'lookup-normalize',
  'lookup-equivalent',
  'compatibility',
  'references',
  'config',
  'mode',
  'deletes',
  'avro-serde',
  'json-serde',
] as const;
export type ScenarioStep = (typeof SCENARIO_STEPS)[number];
