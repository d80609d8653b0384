import { SchemagateError } from '../../errors.js';
import { REPORT_FORMATS, type ReportFormat } from '../../report/formats.js';
import { parseCommandArgs } from '../args.js';
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
    if (positionals.length > 0)
      throw new SchemagateError(
        'INVALID_ARGUMENT',
        `unexpected argument '${positionals[0]}'\nusage: ${usage}`,
      );
    const format = (values.format ?? 'text') as ReportFormat;
    if (!REPORT_FORMATS.includes(format))
      throw new SchemagateError(
        'INVALID_ARGUMENT',
        `unknown --format '${values.format}' (one of ${REPORT_FORMATS.join(', ')})`,
      );
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
