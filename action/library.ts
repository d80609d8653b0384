/**
 * The one place the Action calls into the schemagate library: check, diff and publish are the same calls
 * the CLI makes, so the Action adds presentation only.
 */
import type { CheckLibrary } from './check-mode.js';
import type { PublishLibrary } from './publish-mode.js';

function notYet(what: string): never {
  throw new Error(`${what} is not available in this build of schemagate yet`);
}

export const checkLibrary: CheckLibrary = {
  check: async () => notYet('schemagate check'),
  diffs: async () => new Map(),
};

export const publishLibrary: PublishLibrary = {
  publish: async () => notYet('schemagate publish'),
};
