import type { ActionEvent } from './event.js';
import type { ActionMode } from './inputs.js';

export type ResolvedMode = { mode: 'check' } | { mode: 'publish' } | { mode: 'skip'; reason: string };

/**
 * `auto` checks pull requests and publishes pushes to the base branch; a push elsewhere has nothing to
 * publish. Any other event needs an explicit mode, since neither answer is safe to guess.
 */
export function resolveMode(
  mode: ActionMode,
  event: ActionEvent,
  baseBranch: string | undefined,
): ResolvedMode {
  if (mode === 'check') return { mode: 'check' };
  if (mode === 'publish') {
    // Publishing from a pull request would register versions nobody has merged yet.
    if (event.kind === 'pull_request') {
      throw new Error(
        `mode publish runs on a push to the base branch (after the merge), not on a '${event.eventName}' event; use mode check (or auto) for pull requests`,
      );
    }
    return { mode: 'publish' };
  }
  if (event.kind === 'pull_request') return { mode: 'check' };
  if (event.kind === 'push') {
    if (baseBranch === undefined) return { mode: 'publish' };
    if (event.ref === `refs/heads/${baseBranch}`) return { mode: 'publish' };
    return {
      mode: 'skip',
      reason: `mode auto: ${event.ref} is not the base branch (${baseBranch}), so there is nothing to publish`,
    };
  }
  throw new Error(
    `mode auto checks pull_request events and publishes push events; for a '${event.eventName}' event set the mode input to check or publish`,
  );
}
