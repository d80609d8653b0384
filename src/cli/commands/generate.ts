import { generateSchemas } from '../../codegen/generate.js';
import { SchemagateError } from '../../errors.js';
import { loadConfig } from '../../repo/config.js';
import { repoRoot } from '../../repo/git.js';
import { parseCommandArgs, refuseArguments } from '../args.js';
import { configAt } from '../config-arg.js';
import type { Command } from '../io.js';

const usage = 'schemagate generate [--check] [--config <path>]';

const command: Command = {
  name: 'generate',
  summary:
    'write the schema files of the zod models listed under generate: (--check: exit 1 if any is stale)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { check: { type: 'boolean' }, config: { type: 'string', short: 'c' } },
      usage,
    );
    refuseArguments(positionals, usage);
    const top = await repoRoot(io.cwd);
    const config = values.config === undefined ? loadConfig(top) : await configAt(io.cwd, values.config);
    if (config.generate.length === 0)
      throw new SchemagateError(
        'INVALID_CONFIG',
        `nothing to generate: ${config.file ?? 'schemagate.yaml'} lists no model modules under 'generate:'`,
        { file: config.file ?? 'schemagate.yaml' },
      );
    const check = values.check === true;
    const result = await generateSchemas(top, config, { check });
    for (const w of result.warnings)
      io.stderr(
        `schemagate: warning: model ${w.model}${w.path === '' ? '' : `, field ${w.path}`}: ${w.message}\n`,
      );
    const total = result.changed.length + result.unchanged.length;
    if (check) {
      if (result.changed.length === 0) {
        io.stdout(`${total} generated schema file${total === 1 ? '' : 's'} up to date\n`);
        return 0;
      }
      io.stdout(
        `${result.changed.length} schema file${result.changed.length === 1 ? ' is' : 's are'} stale (run \`schemagate generate\`):\n${result.changed.map((p) => `  ${p}\n`).join('')}`,
      );
      return 1;
    }
    for (const p of result.changed) io.stdout(`wrote ${p}\n`);
    io.stdout(`${result.changed.length} written, ${result.unchanged.length} unchanged\n`);
    return 0;
  },
};
export default command;
