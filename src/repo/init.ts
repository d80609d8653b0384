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
  /** `added`: the check was added to a husky hook schemagate did not write, keeping its lines. */
  hook: {
    path: string;
    status: 'installed' | 'updated' | 'unchanged' | 'added' | 'foreign';
    manager: 'husky' | 'git';
  };
  /** Things the user should know (husky declared but not installed in this clone). */
  warnings: string[];
}

/** The block `init` adds to a husky hook it did not write; it rewrites only what is between the markers. */
const BLOCK_START = '# >>> schemagate: check staged schema changes (added by `schemagate init`)';
const BLOCK_END = '# <<< schemagate';
export const HUSKY_BLOCK = `${BLOCK_START}
[ "\${SCHEMAGATE_SKIP:-}" = "1" ] || ! grep -q '^generate:' schemagate.yaml 2>/dev/null || \${SCHEMAGATE_BIN:-npx --no-install schemagate} generate --check || exit $?
[ "\${SCHEMAGATE_SKIP:-}" = "1" ] || \${SCHEMAGATE_BIN:-npx --no-install schemagate} check --staged || exit $?
${BLOCK_END}
`;

/** A hook of the user's with the schemagate block added at its end (or brought up to date in place). */
function withBlock(current: string): string {
  const start = current.indexOf(BLOCK_START);
  const end = current.indexOf(BLOCK_END, start);
  if (start >= 0 && end >= 0) {
    const after = current.slice(end + BLOCK_END.length).replace(/^\n/, '');
    return `${current.slice(0, start)}${HUSKY_BLOCK}${after}`;
  }
  return `${current}${current === '' || current.endsWith('\n') ? '' : '\n'}\n${HUSKY_BLOCK}`;
}

/** The hook script shipped in the package's `hooks/` folder. */
export function hookScript(): string {
  return readFileSync(new URL('../../hooks/pre-commit', import.meta.url), 'utf8');
}

const huskyHooksPath = (hooksPath: string | undefined): boolean =>
  hooksPath !== undefined && /(^|\/)\.husky(\/|$)/.test(hooksPath);

function declaresHusky(top: string): boolean {
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

function usesHusky(top: string, hooksPath: string | undefined): boolean {
  return existsSync(join(top, '.husky')) || huskyHooksPath(hooksPath) || declaresHusky(top);
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
  let script = hookScript();
  let status: InitResult['hook']['status'];
  if (existsSync(hookFile)) {
    const current = readFileSync(hookFile, 'utf8');
    if (current.includes(HOOK_MARKER)) status = current === script ? 'unchanged' : 'updated';
    else if (manager === 'husky') {
      // A husky hook is a list of commands (`npx husky init` writes one): the check joins them.
      script = withBlock(current);
      status = script === current ? 'unchanged' : current.includes(BLOCK_START) ? 'updated' : 'added';
    } else status = 'foreign';
  } else status = 'installed';
  if (status === 'installed' || status === 'updated' || status === 'added') {
    mkdirSync(join(hookFile, '..'), { recursive: true });
    writeFileSync(hookFile, script);
    chmodSync(hookFile, 0o755);
  }
  const warnings: string[] = [];
  if (manager === 'husky' && !huskyHooksPath(hooksPath))
    warnings.push(
      'husky is not installed in this clone (git does not run the hooks in .husky/ yet: core.hooksPath is not set); ' +
        "run `npm install` (husky's `prepare` script installs it) or `npx husky`",
    );
  return {
    config: { path: relative(top, configPath), status: configStatus },
    hook: { path: relative(top, hookFile), status, manager },
    warnings,
  };
}
