import type { PublishCandidate } from './types.js';

export type OrderResult = { ok: true; order: PublishCandidate[] } | { ok: false; cycle: string[] };

/**
 * Referenced subjects before the subjects that use them (a depth-first topological order that otherwise
 * keeps the input order, so the output is stable). References to subjects outside the batch impose no
 * order. A cycle cannot be registered and is reported with the subjects on it.
 */
export function orderByReferences(candidates: readonly PublishCandidate[]): OrderResult {
  const bySubject = new Map(candidates.map((c) => [c.subject, c]));
  const state = new Map<string, 'visiting' | 'done'>();
  const order: PublishCandidate[] = [];
  const stack: string[] = [];

  const visit = (c: PublishCandidate): string[] | undefined => {
    const s = state.get(c.subject);
    if (s === 'done') return undefined;
    if (s === 'visiting') return [...stack.slice(stack.indexOf(c.subject)), c.subject];
    state.set(c.subject, 'visiting');
    stack.push(c.subject);
    for (const ref of c.references) {
      const dep = bySubject.get(ref.subject);
      if (dep === undefined || dep === c) continue;
      const cycle = visit(dep);
      if (cycle !== undefined) return cycle;
    }
    stack.pop();
    state.set(c.subject, 'done');
    order.push(c);
    return undefined;
  };

  for (const c of candidates) {
    const cycle = visit(c);
    if (cycle !== undefined) return { ok: false, cycle };
  }
  return { ok: true, order };
}
