import type { CommentsApi } from './github-api.js';

/**
 * The hidden marker that finds the Action's comment again. The key keeps two schemagate jobs in one
 * repository (say, two working directories) from overwriting each other's comment.
 */
export function commentMarker(key = 'default'): string {
  return `<!-- schemagate:pr-comment key=${key.replace(/-->/g, '')} -->`;
}

export type CommentOutcome =
  | { action: 'created'; id: number }
  | { action: 'updated'; id: number }
  | { action: 'resolved'; id: number }
  /** A clean pull request that never had a problem gets no comment at all. */
  | { action: 'none' };

export interface CommentPlan {
  marker: string;
  /** True when the pull request has nothing to report (or nothing left). */
  clean: boolean;
  /** The body to post when there is something to report; must start with the marker. */
  reportBody: string;
  /** The body that replaces an earlier report once the pull request is clean; must start with the marker. */
  resolvedBody: string;
}

/**
 * Keeps exactly one comment per pull request: found by its marker, created on the first problem,
 * updated in place on each later run, and turned into a "resolved" note when the problems are gone.
 */
export async function syncComment(
  api: CommentsApi,
  issueNumber: number,
  plan: CommentPlan,
): Promise<CommentOutcome> {
  for (const body of [plan.reportBody, plan.resolvedBody]) {
    if (!body.startsWith(plan.marker)) throw new Error('comment body does not start with its marker');
  }
  // At the start only: a reviewer who quotes the comment ("> <!-- … -->") must not have theirs taken over.
  const existing = (await api.list(issueNumber)).find((c) => c.body.startsWith(plan.marker));
  if (plan.clean) {
    if (existing === undefined) return { action: 'none' };
    const updated = await api.update(existing.id, plan.resolvedBody);
    return { action: 'resolved', id: updated.id };
  }
  if (existing === undefined) {
    const created = await api.create(issueNumber, plan.reportBody);
    return { action: 'created', id: created.id };
  }
  const updated = await api.update(existing.id, plan.reportBody);
  return { action: 'updated', id: updated.id };
}
