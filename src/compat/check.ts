import type { CompatFinding, CompatResult, PairContext, PairFinding } from './finding.js';
import { directionsOf, isTransitive, type CompatibilityLevel } from './level.js';

export type PairCheck<S> = (reader: S, writer: S, context: PairContext) => PairFinding[];

/**
 * Checks `candidate` against the earlier versions (oldest first) at `level`. Non-transitive levels
 * compare with the newest version only; transitive ones with every version, newest first. Unlike the
 * registry, which stops at the first failing version, every failing version is reported.
 */
export function checkCompatibility<S>(
  level: CompatibilityLevel,
  candidate: S,
  previous: readonly S[],
  check: PairCheck<S>,
): CompatResult {
  const findings: CompatFinding[] = [];
  const directions = directionsOf(level);
  if (directions.length > 0 && previous.length > 0) {
    const first = isTransitive(level) ? 0 : previous.length - 1;
    for (let i = previous.length - 1; i >= first; i--) {
      const old = previous[i] as S;
      for (const direction of directions) {
        const pair =
          direction === 'new-reads-old'
            ? check(candidate, old, { reader: 'new', writer: 'old' })
            : check(old, candidate, { reader: 'old', writer: 'new' });
        for (const f of pair) findings.push({ ...f, version: i + 1, direction });
      }
    }
  }
  return { compatible: findings.length === 0, level, findings };
}
