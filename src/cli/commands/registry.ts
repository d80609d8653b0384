import { SchemagateError } from '../../errors.js';
import type { Command } from '../io.js';

// Placeholder until the command lands; it says so instead of pretending to work.
const command: Command = {
  name: 'registry',
  summary: '(not yet available)',
  usage: 'schemagate registry',
  run() {
    return Promise.reject(new SchemagateError('INTERNAL', "'registry' is not available yet"));
  },
};
export default command;
