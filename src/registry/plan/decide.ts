import type { PlanStep, PublishCandidate, PublishReport, PublishResult, SubjectObservation } from './types.js';

/**
 * The step for one subject. `changedDependencies` are subjects this one references that the same run
 * registers anew: its references then point at versions the registry does not hold yet, so a lookup
 * cannot find it and it must be registered.
 */
export function planSubject(
  candidate: PublishCandidate,
  observation: SubjectObservation,
  changedDependencies: readonly string[] = [],
): PlanStep {
  const step: PlanStep = { subject: candidate.subject, action: 'register' };
  if (candidate.file !== undefined) step.file = candidate.file;
  if (observation.effectiveLevel !== candidate.level) step.setLevel = candidate.level;
  if (changedDependencies.length > 0) {
    step.reason = `references ${changedDependencies.join(', ')}, registered first`;
  } else if (observation.existing !== undefined) {
    step.action = 'unchanged';
    step.id = observation.existing.id;
    step.version = observation.existing.version;
  }
  if (step.action === 'register' && observation.compatibility?.isCompatible === false) {
    step.predictedIncompatible = observation.compatibility.messages;
  }
  return step;
}

/** Best effort: the run is good only when no subject failed or was refused. */
export function summarize(results: readonly PublishResult[]): PublishReport {
  return { ok: results.every((r) => r.action === 'unchanged' || r.action === 'registered'), results: [...results] };
}

/** The counts a summary line prints, in a fixed order. */
export function countActions(results: readonly PublishResult[]): Record<PublishResult['action'], number> {
  const counts = { unchanged: 0, registered: 0, incompatible: 0, failed: 0 };
  for (const r of results) counts[r.action]++;
  return counts;
}

/** The `--format json` shape: `{"ok", "results": [{"subject","action","id","version","messages"}]}`. */
export function reportToJson(report: PublishReport): unknown {
  return {
    ok: report.ok,
    results: report.results.map((r) => ({
      subject: r.subject,
      action: r.action,
      id: r.id ?? null,
      version: r.version ?? null,
      messages: r.messages,
      ...(r.levelSet === undefined ? {} : { levelSet: r.levelSet }),
    })),
  };
}
