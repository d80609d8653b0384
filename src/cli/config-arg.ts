import { loadConfigAt, type SchemagateConfig } from '../repo/config.js';
import { repoRoot } from '../repo/git.js';

/** The configuration a `--config PATH` names (relative to where the command runs). */
export async function configAt(cwd: string, path: string): Promise<SchemagateConfig> {
  return loadConfigAt(await repoRoot(cwd), path, cwd);
}
