import { connectRegistry } from '../registry/connect.js';
import { collectCandidates } from '../registry/repo-candidates.js';
import { registryStatus } from '../registry/status.js';
import type { RegistryDrift } from '../site/model.js';

/** What `schemagate status` reports, per subject, for the site's registry column. Reads only. */
export async function readRegistryDrift(
  cwd: string,
  url: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<RegistryDrift> {
  const repo = await collectCandidates(cwd);
  const client = connectRegistry(url, repo.config, env);
  const report = await registryStatus(client, repo.candidates);
  return {
    url: client.url,
    subjects: Object.fromEntries(
      report.subjects.map((s) => [
        s.subject,
        {
          kinds: s.kinds,
          detail: s.detail,
          ...(s.registry === undefined ? {} : { version: s.registry.version }),
        },
      ]),
    ),
  };
}
