import { SchemagateError } from '../../errors.js';
import { renderChangesTable } from '../../report/markdown.js';
import { subjectDiff } from '../../repo/inspect.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../io.js';
import { configAt } from '../config-arg.js';

const usage =
  'schemagate diff <subject|file> [--from <rev>] [--to <rev>] [--format text|json|markdown] [--config <path>]';

const command: Command = {
  name: 'diff',
  summary: 'semantic diff of a subject between two revisions, with the compatibility effect of each change',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
      },
      usage,
    );
    const [subject, extra] = positionals;
    if (subject === undefined || extra !== undefined)
      throw new SchemagateError('INVALID_ARGUMENT', `give one subject or file\nusage: ${usage}`);
    const format = values.format ?? 'text';
    if (!['text', 'json', 'markdown'].includes(format))
      throw new SchemagateError('INVALID_ARGUMENT', `unknown --format '${format}' (text, json or markdown)`);
    const d = await subjectDiff({
      cwd: io.cwd,
      subject,
      ...(values.config === undefined ? {} : { config: await configAt(io.cwd, values.config) }),
      ...(values.from === undefined ? {} : { from: values.from }),
      ...(values.to === undefined ? {} : { to: values.to }),
    });
    const where = `${d.subject} (${d.file}, ${d.level}): ${d.from.rev}${d.from.commit === null ? '' : ` ${d.from.commit.slice(0, 7)}`} → ${d.to.rev}${d.to.commit === null ? '' : ` ${d.to.commit.slice(0, 7)}`}`;
    if (format === 'json') io.stdout(`${JSON.stringify(d, null, 2)}\n`);
    else if (format === 'markdown')
      io.stdout(
        `#### \`${d.subject}\`: ${d.from.rev} → ${d.to.rev}\n\n${renderChangesTable(d.changes, d.level)}`,
      );
    else {
      const lines = [where];
      if (d.changes.length === 0) lines.push('  no semantic changes');
      for (const c of d.changes)
        lines.push(
          `  ${c.kind === 'added' ? '+' : c.kind === 'removed' ? '-' : '~'} ${c.summary}  [${c.pointer || '/'}]  ${c.breaking ? `breaks ${d.level}` : 'compatible'}`,
        );
      io.stdout(`${lines.join('\n')}\n`);
    }
    return 0;
  },
};
export default command;
