import { SchemagateError } from '../../errors.js';
import { parseCommandArgs, refuseArguments } from '../args.js';
import type { Command } from '../io.js';

const usage = 'schemagate types --out <dir> [--zod] [--config <path>]';

const command: Command = {
  name: 'types',
  summary:
    'write TypeScript types from the Avro and JSON Schema files (one module per schema, deterministic)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        out: { type: 'string', short: 'o' },
        zod: { type: 'boolean' },
        config: { type: 'string', short: 'c' },
      },
      usage,
    );
    refuseArguments(positionals, usage);
    if (values.out === undefined)
      throw new SchemagateError(
        'INVALID_ARGUMENT',
        `--out <dir> is needed: where the modules are written\nusage: ${usage}`,
      );
    const { runTypes } = await import('../../types/run-types.js');
    const r = await runTypes({
      cwd: io.cwd,
      out: values.out,
      zod: values.zod === true,
      ...(values.config === undefined ? {} : { configPath: values.config }),
    });
    for (const f of r.written) io.stdout(`wrote ${f}\n`);
    if (r.skipped.length > 0)
      io.stderr(
        `schemagate: note: skipped ${r.skipped.join(', ')}: types from Protobuf are not generated yet\n`,
      );
    io.stdout(`schemagate types: ${r.written.length} written, ${r.unchanged.length} unchanged\n`);
    return 0;
  },
};
export default command;
