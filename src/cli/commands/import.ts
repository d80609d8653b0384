import { resolve } from 'node:path';
import type { Command } from '../io.js';
import { connectRegistry } from '../../registry/connect.js';
import { importRegistry } from '../../registry/import.js';
import { progressBar } from './progress.js';
import { parseRegistryCommandArgs } from './registry-args.js';

const usage =
  'schemagate import --registry <url> [--timeout 30s] [--into <dir>] [--root schemas] [--format text|json]';

const command: Command = {
  name: 'import',
  summary: "adopt or back up a registry: every subject's versions become commits of files, in registry order",
  usage,
  async run(args, io) {
    const {
      values,
      format,
      client: clientOptions,
    } = parseRegistryCommandArgs(args, { into: { type: 'string' }, root: { type: 'string' } }, usage);
    const client = connectRegistry(values.registry, undefined, io.env, clientOptions);
    const into = resolve(io.cwd, values.into ?? '.');
    const bar = io.isTTY && format === 'text' ? progressBar(io) : undefined;
    const report = await importRegistry(client, {
      into,
      ...(values.root === undefined ? {} : { root: values.root }),
      ...(bar === undefined ? {} : { onProgress: bar.update }),
    });
    bar?.done();
    if (format === 'json') {
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const held = report.alreadyHeld > 0 ? ` (${report.alreadyHeld} version(s) were there already)` : '';
      const lines =
        report.versions.length === 0
          ? [
              `Nothing to import from ${client.url}: ${into} already holds all ${report.alreadyHeld} version(s) of ${report.subjects} subject(s)`,
            ]
          : [
              `Imported ${report.versions.length} version(s) of ${report.subjects} subject(s) from ${client.url} into ${into}${held}:`,
            ];
      for (const v of report.versions)
        lines.push(`  ${v.commit.slice(0, 8)}  ${v.file}  ${v.subject} version ${v.version} (id ${v.id})`);
      if (report.configWritten)
        lines.push('  wrote schemagate.yaml (levels and subject names from the registry)');
      if (report.rulesAdded > 0)
        lines.push(
          `  added ${report.rulesAdded} subject rule(s) to schemagate.yaml (names and levels of new subjects)`,
        );
      io.stdout(`${lines.join('\n')}\n`);
    }
    return 0;
  },
};
export default command;
