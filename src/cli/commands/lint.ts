import { parseCommandArgs, refuseArguments, reportFormatOption } from '../args.js';
import type { Command } from '../io.js';

const usage = 'schemagate lint [--strict] [--format text|json|github|junit|sarif|markdown] [--config <path>]';

const command: Command = {
  name: 'lint',
  summary: 'check the naming conventions of the schema files (subjects, names, cases, docs, enum defaults)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        strict: { type: 'boolean' },
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
      },
      usage,
    );
    refuseArguments(positionals, usage);
    const format = reportFormatOption(values.format);
    const [{ runLint }, { renderReport }] = await Promise.all([
      import('../../lint/run-lint.js'),
      import('../../report/render.js'),
    ]);
    const report = await runLint({
      cwd: io.cwd,
      strict: values.strict === true,
      ...(values.config === undefined ? {} : { configPath: values.config }),
    });
    const out = renderReport(report, format);
    // The text summary is check's; it names this command instead.
    io.stdout(
      format === 'text' ? out.replace(/^schemagate check (ok|failed):/m, 'schemagate lint $1:') : out,
    );
    return report.ok ? 0 : 1;
  },
};
export default command;
