import { initProject } from '../../repo/init.js';
import { parseCommandArgs, refuseArguments } from '../args.js';
import type { Command } from '../io.js';

const usage = 'schemagate init';

const command: Command = {
  name: 'init',
  summary: 'write a starter schemagate.yaml and install the pre-commit hook (husky or .git/hooks)',
  usage,
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {}, usage);
    refuseArguments(positionals, usage);
    const r = await initProject(io.cwd);
    io.stdout(
      r.config.status === 'written' ? `wrote ${r.config.path}\n` : `${r.config.path} exists; left as it is\n`,
    );
    switch (r.hook.status) {
      case 'installed':
        io.stdout(
          `installed the pre-commit hook: ${r.hook.path}${r.hook.manager === 'husky' ? ' (husky)' : ''}\n`,
        );
        break;
      case 'updated':
        io.stdout(`updated the pre-commit hook: ${r.hook.path}\n`);
        break;
      case 'added':
        io.stdout(`added the schema check to the husky hook ${r.hook.path} (its other lines are kept)\n`);
        break;
      case 'unchanged':
        io.stdout(`the pre-commit hook is up to date: ${r.hook.path}\n`);
        break;
      case 'foreign':
        io.stderr(
          `schemagate: ${r.hook.path} exists and was not written by schemagate; left as it is.\n` +
            'Add this line to it to check staged schema changes: npx --no-install schemagate check --staged\n',
        );
        return 1;
    }
    for (const w of r.warnings) io.stderr(`schemagate: warning: ${w}\n`);
    return 0;
  },
};
export default command;
