import { checkCompatibility } from '../compat/check.js';
import { directionsOf, type CompatibilityLevel } from '../compat/level.js';
import type { FormatHandler, ParsedSchema } from '../formats/format.js';
import type { StepChange, StepFinding } from './model.js';

export interface StepVerdict {
  compatible: boolean;
  findings: StepFinding[];
}

/**
 * The verdict of a candidate against the versions before it (oldest first) at `level`, as `log` and
 * `check` give it: transitive levels against every version, the others against the newest.
 */
export function verdictOf(
  handler: FormatHandler,
  level: CompatibilityLevel,
  candidate: ParsedSchema,
  previous: readonly ParsedSchema[],
): StepVerdict {
  const result = checkCompatibility(level, candidate, previous, (r, w, c) => handler.check(r, w, c));
  return {
    compatible: result.compatible,
    findings: result.findings.map((f) => ({
      rule: f.errorType,
      against: f.version,
      direction: f.direction,
      message: f.message,
      fix: f.fix,
    })),
  };
}

/** The semantic changes from `from` to `to`, each marked breaking when it breaks a direction `level` checks. */
export function changesBetween(
  handler: FormatHandler,
  level: CompatibilityLevel,
  from: ParsedSchema,
  to: ParsedSchema,
): StepChange[] {
  const checked = directionsOf(level);
  return handler.diff(from, to).map((c) => ({
    kind: c.kind,
    pointer: c.pointer,
    summary: c.summary,
    breaks: c.breaks,
    breaking: c.breaks.some((d) => checked.includes(d)),
  }));
}

/** The comparison of any two versions: `to` checked against `from` alone at the level (its directions, one step). */
export function compareVersions(
  handler: FormatHandler,
  level: CompatibilityLevel,
  from: ParsedSchema,
  to: ParsedSchema,
): { changes: StepChange[]; verdict: StepVerdict } {
  const oneStep = level.replace('_TRANSITIVE', '') as CompatibilityLevel;
  return {
    changes: changesBetween(handler, level, from, to),
    verdict: verdictOf(handler, oneStep, to, [from]),
  };
}
