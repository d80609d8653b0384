import { isSchemagateError } from '../errors.js';
import type { CliIo, Command } from './io.js';

/** Commands load lazily so that `schemagate check` in a hook pays only for what it uses. */
const COMMANDS: Record<string, () => Promise<{ default: Command }>> = {
  compat: () => import('./commands/compat.js'),
  check: () => import('./commands/check.js'),
  log: () => import('./commands/log.js'),
  diff: () => import('./commands/diff.js'),
  init: () => import('./commands/init.js'),
  registry: () => import('./commands/registry.js'),
  publish: () => import('./commands/publish.js'),
  status: () => import('./commands/status.js'),
  import: () => import('./commands/import.js'),
  demo: () => import('./commands/demo.js'),
  generate: () => import('./commands/generate.js'),
  lint: () => import('./commands/lint.js'),
  validate: () => import('./commands/validate.js'),
  types: () => import('./commands/types.js'),
  docs: () => import('./commands/docs.js'),
};

const VERSION = '0.1.0';

async function help(io: CliIo): Promise<void> {
  const lines = [
    'schemagate: git-native schema review and publishing for Kafka schema registries',
    '',
    'Commands:',
  ];
  for (const load of Object.values(COMMANDS)) {
    const { default: c } = await load();
    lines.push(`  ${c.name.padEnd(10)} ${c.summary}`);
  }
  lines.push(
    '',
    'Run `schemagate <command> --help` for its options. Global: --debug (stack traces), --version.',
    '',
  );
  io.stdout(lines.join('\n'));
}

/** Runs the CLI and resolves to the exit code; never throws. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug') || io.env.SCHEMAGATE_DEBUG === '1';
  const args = argv.filter((a) => a !== '--debug');
  const [name, ...rest] = args;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      await help(io);
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    const load = COMMANDS[name];
    if (load === undefined) {
      io.stderr(`schemagate: unknown command '${name}'. Run \`schemagate --help\` for the list.\n`);
      return 2;
    }
    const { default: command } = await load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`${command.summary}\n\nusage: ${command.usage}\n`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (e) {
    if (isSchemagateError(e)) {
      io.stderr(`schemagate: ${e.format()}\n`);
      if (debug && e.stack !== undefined) io.stderr(`${e.stack}\n`);
      return e.exitCode;
    }
    // An unexpected failure is our bug, not the user's: say so, and show the stack only with --debug.
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`schemagate: internal error: ${message}\n`);
    if (debug && e instanceof Error && e.stack !== undefined) io.stderr(`${e.stack}\n`);
    else io.stderr('Run again with --debug for details, and please report it.\n');
    return 2;
  }
}
