import { resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../io.js';
import { SchemagateError } from '../../errors.js';
import { connectRegistry } from '../../registry/connect.js';
import { importRegistry } from '../../registry/import.js';
import { progressBar } from './progress.js';

const usage = 'schemagate import --registry <url> [--into <dir>] [--root schemas] [--format text|json]';

const command: Command = {
  name: 'import',
  summary: "adopt or back up a registry: every subject's versions become commits of files, in registry order",
  usage,
  async run(args, io) {
    const { values } = parseCommandArgs(
      args,
      { registry: { type: 'string' }, into: { type: 'string' }, root: { type: 'string' }, format: { type: 'string', default: 'text' } },
      usage,
    );
    if (values.format !== 'text' && values.format !== 'json') {
      throw new SchemagateError('INVALID_ARGUMENT', `--format must be text or json, not '${values.format}'\nusage: ${usage}`);
    }
    const client = connectRegistry(values.registry, undefined, io.env);
    const into = resolve(io.cwd, values.into ?? '.');
    const bar = io.isTTY && values.format === 'text' ? progressBar(io) : undefined;
    const report = await importRegistry(client, { into, ...(values.root === undefined ? {} : { root: values.root }), ...(bar === undefined ? {} : { onProgress: bar.update }) });
    bar?.done();
    if (values.format === 'json') {
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const lines = [`Imported ${report.versions.length} version(s) of ${report.subjects} subject(s) from ${client.url} into ${into}:`];
      for (const v of report.versions) lines.push(`  ${v.commit.slice(0, 8)}  ${v.file}  ${v.subject} version ${v.version} (id ${v.id})`);
      if (report.configWritten) lines.push('  wrote schemagate.yaml (levels and subject names from the registry)');
      io.stdout(`${lines.join('\n')}\n`);
    }
    return 0;
  },
};
export default command;
