import type { Command } from '../io.js';
import { connectRegistry } from '../../registry/connect.js';
import { collectCandidates } from '../../registry/repo-candidates.js';
import { registryStatus, type StatusReport } from '../../registry/status.js';
import { parseRegistryCommandArgs } from './registry-args.js';

const usage = 'schemagate status [--registry <url>] [--timeout 30s] [--format text|json]';

const command: Command = {
  name: 'status',
  summary:
    'drift between the repository and the registry (subjects, latest versions, levels); exit 1 on drift',
  usage,
  async run(args, io) {
    const { values, format, client: clientOptions } = parseRegistryCommandArgs(args, {}, usage);
    const repo = await collectCandidates(io.cwd);
    const client = connectRegistry(values.registry, repo.config, io.env, clientOptions);
    const report = await registryStatus(client, repo.candidates);
    io.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderStatus(client.url, report));
    return report.inSync ? 0 : 1;
  },
};
export default command;

const LABEL: Record<string, string> = {
  'in-sync': 'in sync',
  'only-in-repo': 'repo only',
  'only-in-registry': 'registry only',
  'latest-differs': 'differs',
  'level-differs': 'level',
};

export function renderStatus(url: string, report: StatusReport): string {
  const lines = [`Repository vs ${url}:`];
  const width = Math.max(0, ...report.subjects.map((s) => s.subject.length));
  for (const s of report.subjects) {
    lines.push(
      `  ${s.kinds
        .map((k) => LABEL[k] ?? k)
        .join(', ')
        .padEnd(16)} ${s.subject.padEnd(width)}  ${s.detail}`,
    );
  }
  const drifting = report.subjects.filter((s) => s.kinds[0] !== 'in-sync').length;
  lines.push(
    report.inSync
      ? `in sync (${report.subjects.length} subject(s))`
      : `${drifting} of ${report.subjects.length} subject(s) drift`,
  );
  return `${lines.join('\n')}\n`;
}
