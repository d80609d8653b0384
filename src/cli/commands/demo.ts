import { runDemo } from '../../demo/story.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../io.js';

const usage = 'schemagate demo [--keep]';

const command: Command = {
  name: 'demo',
  summary: 'the whole story on a local registry: check, a refused change, publish (temporary, cleans up)',
  usage,
  async run(args, io) {
    const { values } = parseCommandArgs(args, { keep: { type: 'boolean' } }, usage);
    return runDemo({ io, ...(values.keep === true ? { keep: true } : {}) });
  },
};
export default command;
