import { SchemagateError } from '../../errors.js';
import type { Command } from '../io.js';

// Placeholder until the command lands; it says so instead of pretending to work.
const command: Command = {
  name: 'publish',
  summary: '(not yet available)',
  usage: 'schemagate publish',
  run() {
    return Promise.reject(new SchemagateError('INTERNAL', "'publish' is not available yet"));
  },
};
export default command;
