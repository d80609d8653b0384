import { SchemagateError } from '../../errors.js';
import type { Command } from '../io.js';

// Placeholder until the command lands; it says so instead of pretending to work.
const command: Command = {
  name: 'check',
  summary: '(not yet available)',
  usage: 'schemagate check',
  run() {
    return Promise.reject(new SchemagateError('INTERNAL', "'check' is not available yet"));
  },
};
export default command;
