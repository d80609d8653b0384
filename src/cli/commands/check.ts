import { SchemagateError } from '../../errors.js';
import type { CheckMode } from '../../report/model.js';
import { dropEarlyGit } from '../../repo/git.js';
import { startBaseLookupEarly } from '../../repo/workspace.js';
import { parseCommandArgs, refuseArguments, reportFormatOption } from '../args.js';
import type { Command } from '../io.js';

const usage =
  'schemagate check [--staged | --against <ref> | --all] [--format text|json|github|junit|sarif|markdown] [--config <path>] [--no-fetch] [--strict]';

const command: Command = {
  name: 'check',
  summary: 'check schema changes against their git history with the registry’s compatibility rules',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        staged: { type: 'boolean' },
        against: { type: 'string' },
        all: { type: 'boolean' },
        format: { type: 'string', short: 'f' },
        'no-fetch': { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        strict: { type: 'boolean' },
      },
      usage,
    );
    refuseArguments(positionals, usage);
    const format = reportFormatOption(values.format);
    const modes = [values.staged === true, values.all === true].filter(Boolean).length;
    if (modes > 1 || (values.staged === true && values.against !== undefined)) {
      throw new SchemagateError(
        'INVALID_ARGUMENT',
        `--staged, --against and --all choose what is checked; give one\nusage: ${usage}`,
      );
    }
    const mode: CheckMode =
      values.staged === true
        ? 'staged'
        : values.all === true
          ? 'all'
          : values.against !== undefined
            ? 'against'
            : 'worktree';
    // git finds the repository and its branches while the checker's modules load (a hook's latency).
    startBaseLookupEarly(io.cwd, { staged: mode === 'staged' && values.config === undefined });
    try {
      const [{ runCheck }, { renderReport }] = await Promise.all([
        import('../../repo/check.js'),
        import('../../report/render.js'),
      ]);
      const report = await runCheck({
        cwd: io.cwd,
        mode,
        ...(values.against === undefined ? {} : { against: values.against }),
        ...(values['no-fetch'] === true ? { deepen: false } : {}),
        ...(values.strict === true ? { strict: true } : {}),
        ...(values.config === undefined ? {} : { configPath: values.config }),
      });
      // Notes go to stderr, so that every format's output stays what it is.
      for (const note of skippedNotes(report.skipped ?? [])) io.stderr(`schemagate: note: ${note}\n`);
      io.stdout(renderReport(report, format));
      return report.ok ? 0 : 1;
    } finally {
      dropEarlyGit();
    }
  },
};
export default command;

/** One line per reason for the files under the root that were not checked. */
function skippedNotes(skipped: ReadonlyArray<{ file: string; reason: 'extension' | 'symlink' }>): string[] {
  const list = (files: string[]): string =>
    `${files.slice(0, 5).join(', ')}${files.length > 5 ? ` and ${files.length - 5} more` : ''}`;
  const other = skipped.filter((s) => s.reason === 'extension').map((s) => s.file);
  const links = skipped.filter((s) => s.reason === 'symlink').map((s) => s.file);
  const notes: string[] = [];
  if (other.length > 0)
    notes.push(
      `skipped ${list(other)}: not .avsc, .json or .proto (schemagate checks Avro, JSON Schema and Protobuf files)`,
    );
  if (links.length > 0)
    notes.push(
      `skipped ${list(links)}: symbolic link${links.length === 1 ? '' : 's'} (git holds the link, not a schema; a target under the schema root is checked under its own path)`,
    );
  return notes;
}
