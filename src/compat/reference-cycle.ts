/**
 * Schemas whose references lead back to themselves. The registry registers a referenced schema before
 * the schema that uses it, so schemas that reference each other (across files or subjects) can never be
 * registered: `check` and `publish` both refuse them with this rule, naming the cycle.
 */
export const REFERENCE_CYCLE = 'REFERENCE_CYCLE';

export const REFERENCE_CYCLE_FIX =
  'move the definitions both need into a third schema that each references, or define one inside the other: ' +
  'the registry needs each referenced schema registered before the schema that uses it';

/** `a → b → a`, the way both commands name a cycle. */
export function describeCycle(names: readonly string[]): string {
  return names.join(' → ');
}

/**
 * The first cycle reachable from `start` in a graph given by its edges, as the list of its nodes with
 * the first one repeated at the end (`[a, b, a]`); `undefined` when there is none.
 */
export function findCycle(start: string, edges: (node: string) => readonly string[]): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    const s = state.get(node);
    if (s === 'done') return undefined;
    if (s === 'visiting') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of edges(node)) {
      if (next === node) continue;
      const cycle = visit(next);
      if (cycle !== undefined) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  return visit(start);
}
