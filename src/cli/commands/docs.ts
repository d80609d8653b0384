import { resolve } from 'node:path';
import { SchemagateError } from '../../errors.js';
import { readSiteModel } from '../../site-node/read.js';
import { writeSite, type WrittenSite } from '../../site-node/write.js';
import { parseCommandArgs, refuseArguments } from '../args.js';
import { configAt } from '../config-arg.js';
import type { Command } from '../io.js';

const usage =
  'schemagate docs --out <dir> [--ref <rev>] [--config <path>] [--registry <url>]\n       schemagate docs --serve [--port 8090] [--host 127.0.0.1] [--ref <rev>] [--config <path>] [--registry <url>]';

const command: Command = {
  name: 'docs',
  summary: 'write a static site of every subject: fields, examples, history with verdicts, diffs, references',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        out: { type: 'string', short: 'o' },
        serve: { type: 'boolean' },
        port: { type: 'string' },
        host: { type: 'string' },
        ref: { type: 'string' },
        config: { type: 'string', short: 'c' },
        registry: { type: 'string' },
      },
      usage,
    );
    refuseArguments(positionals, usage);
    const options = {
      cwd: io.cwd,
      ...(values.config === undefined ? {} : { config: await configAt(io.cwd, values.config) }),
      ...(values.ref === undefined ? {} : { ref: values.ref }),
      ...(values.registry === undefined ? {} : { registry: { url: values.registry, env: io.env } }),
    };
    if (values.serve === true) {
      const { serveSite } = await import('../../site-node/serve.js');
      return serveSite({ ...options, port: parsePort(values.port), host: values.host ?? '127.0.0.1', io });
    }
    if (values.out === undefined)
      throw new SchemagateError('INVALID_ARGUMENT', `give --out <dir> or --serve\nusage: ${usage}`);
    const out = resolve(io.cwd, values.out);
    const data = await readSiteModel(options);
    const model = data.model;
    const written = writeOrExplain(data, out, values.out);
    const problems = model.subjects.filter((s) => s.current.problems.length > 0);
    io.stdout(
      `wrote ${written.pages} pages for ${model.subjects.length} subject${model.subjects.length === 1 ? '' : 's'} to ${out}/index.html${
        problems.length === 0
          ? ''
          : ` (${problems.length} with problems shown on their pages: ${problems
              .map((s) => s.subject)
              .slice(0, 5)
              .join(', ')})`
      }\n`,
    );
    if (model.subjects.length === 0)
      io.stdout('no schema files found under the schema root: the index is empty\n');
    return 0;
  },
};

/** A folder that cannot be written (a file in the way, no permission) is the user's --out, not an internal error. */
function writeOrExplain(data: Parameters<typeof writeSite>[0], out: string, given: string): WrittenSite {
  try {
    return writeSite(data, out);
  } catch (e) {
    const { code, path } = e as NodeJS.ErrnoException;
    if (code === undefined) throw e;
    throw new SchemagateError(
      'INVALID_ARGUMENT',
      `--out '${given}': cannot write the site there (${code}${path === undefined ? '' : ` at ${path}`})`,
    );
  }
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 8090;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new SchemagateError('INVALID_ARGUMENT', `--port '${text}' is not a port number (0-65535)`);
  return n;
}

export default command;
