import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { CONFIG_FILE } from './config.js';
import { repoRoot, runGit } from './git.js';

/** The line that marks a hook schemagate wrote (and may therefore rewrite). */
export const HOOK_MARKER = 'schemagate-managed hook';

export const STARTER_CONFIG = `# yaml-language-server: $schema=./node_modules/schemagate/schemagate.schema.json
# schemagate: schemas are files; their versions are their git history. See docs/validator.md.
root: schemas
compatibility: BACKWARD
naming: file
allowDelete: false
# subjects:
#   - match: "schemas/shared/**"
#     compatibility: FULL_TRANSITIVE
# registry:
#   url: \${SCHEMA_REGISTRY_URL}
`;

export interface InitResult {
  config: { path: string; status: 'written' | 'exists' };
  hook: { path: string; status: 'installed' | 'updated' | 'unchanged' | 'foreign'; manager: 'husky' | 'git' };
}

/** The hook script shipped in the package's `hooks/` folder. */
export function hookScript(): string {
  return readFileSync(new URL('../../hooks/pre-commit', import.meta.url), 'utf8');
}

function usesHusky(top: string, hooksPath: string | undefined): boolean {
  if (existsSync(join(top, '.husky'))) return true;
  if (hooksPath !== undefined && /(^|\/)\.husky(\/|$)/.test(hooksPath)) return true;
  try {
    const pkg = JSON.parse(readFileSync(join(top, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, string> | undefined
    >;
    return pkg['devDependencies']?.['husky'] !== undefined || pkg['dependencies']?.['husky'] !== undefined;
  } catch {
    return false;
  }
}

/**
 * Writes a starter schemagate.yaml (never over an existing one) and installs the pre-commit hook:
 * `.husky/pre-commit` when the project uses husky, otherwise the hooks folder git uses (which honours
 * `core.hooksPath`). A hook that schemagate did not write is left alone and reported as `foreign`.
 */
export async function initProject(cwd: string): Promise<InitResult> {
  const top = await repoRoot(cwd);
  const configPath = join(top, CONFIG_FILE);
  let configStatus: InitResult['config']['status'] = 'exists';
  if (!existsSync(configPath)) {
    writeFileSync(configPath, STARTER_CONFIG, { flag: 'wx' });
    configStatus = 'written';
  }
  const hp = await runGit(['config', '--get', 'core.hooksPath'], { cwd: top, okCodes: [1] });
  const hooksPath = hp.code === 0 ? hp.stdout.toString('utf8').trim() : undefined;
  let hookFile: string;
  let manager: InitResult['hook']['manager'];
  if (usesHusky(top, hooksPath)) {
    hookFile = join(top, '.husky', 'pre-commit');
    manager = 'husky';
  } else {
    const dir = (await runGit(['rev-parse', '--git-path', 'hooks'], { cwd: top })).stdout
      .toString('utf8')
      .trim();
    hookFile = join(isAbsolute(dir) ? dir : join(top, dir), 'pre-commit');
    manager = 'git';
  }
  const script = hookScript();
  let status: InitResult['hook']['status'];
  if (existsSync(hookFile)) {
    const current = readFileSync(hookFile, 'utf8');
    if (!current.includes(HOOK_MARKER)) status = 'foreign';
    else if (current === script) status = 'unchanged';
    else status = 'updated';
  } else status = 'installed';
  if (status === 'installed' || status === 'updated') {
    mkdirSync(join(hookFile, '..'), { recursive: true });
    writeFileSync(hookFile, script);
    chmodSync(hookFile, 0o755);
  }
  return {
    config: { path: relative(top, configPath), status: configStatus },
    hook: { path: relative(top, hookFile), status, manager },
  };
}
