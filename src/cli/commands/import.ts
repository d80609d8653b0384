import { SchemagateError } from '../../errors.js';
import type { Command } from '../io.js';

// Placeholder until the command lands; it says so instead of pretending to work.
const command: Command = {
  name: 'import',
  summary: '(not yet available)',
  usage: 'schemagate import',
  run() {
    return Promise.reject(new SchemagateError('INTERNAL', "'import' is not available yet"));
  },
};
export default command;
