import { SchemagateError } from '../../errors.js';
import { subjectLog } from '../../repo/inspect.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../io.js';
import { configAt } from '../config-arg.js';

const usage = 'schemagate log <subject|file> [--ref <rev>] [--format text|json] [--config <path>]';

const command: Command = {
  name: 'log',
  summary: 'list the versions of a subject from git history, with the verdict of each step',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        ref: { type: 'string' },
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
      },
      usage,
    );
    const [subject, extra] = positionals;
    if (subject === undefined || extra !== undefined)
      throw new SchemagateError('INVALID_ARGUMENT', `give one subject or file\nusage: ${usage}`);
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json')
      throw new SchemagateError('INVALID_ARGUMENT', `unknown --format '${format}' (text or json)`);
    const log = await subjectLog({
      cwd: io.cwd,
      subject,
      ...(values.config === undefined ? {} : { config: await configAt(io.cwd, values.config) }),
      ...(values.ref === undefined ? {} : { ref: values.ref }),
    });
    if (format === 'json') {
      io.stdout(`${JSON.stringify(log, null, 2)}\n`);
      return 0;
    }
    const lines = [
      `${log.subject} (${log.file}, ${log.format}, ${log.level}): ${log.steps.length} version${log.steps.length === 1 ? '' : 's'}`,
    ];
    for (const s of log.steps) {
      const verdict =
        s.verdict === 'first'
          ? 'first version'
          : s.verdict === 'compatible'
            ? `compatible (${log.level})`
            : `INCOMPATIBLE (${log.level})`;
      lines.push(
        `v${s.version}  ${s.commit.slice(0, 7)}  ${s.date.slice(0, 10)}  ${s.author}  ${verdict}${s.file === log.file ? '' : `  [${s.file}]`}`,
      );
      for (const c of s.changes)
        lines.push(
          `      ${c.kind === 'added' ? '+' : c.kind === 'removed' ? '-' : '~'} ${c.summary}${c.breaking ? ' (breaking)' : ''}`,
        );
      for (const f of s.findings) lines.push(`      ${f.rule} against v${f.against}: ${f.message}`);
    }
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  },
};
export default command;
