import type { CompatibilityLevel } from '../compat/level.js';
import { SchemagateError } from '../errors.js';
import { isRegistryError, RegistryAnswerError, type RegistryError } from './client/errors.js';
import type { SchemaRegistryClient } from './client/index.js';
import type { RegistryReference, SchemaInput } from './client/types.js';
import { orderByReferences } from './plan/order.js';
import { planSubject, summarize } from './plan/decide.js';
import type {
  PlanStep,
  PublishCandidate,
  PublishReport,
  PublishResult,
  SubjectObservation,
} from './plan/types.js';
import { describeCycle, REFERENCE_CYCLE_FIX } from '../compat/reference-cycle.js';

export interface PublishOptions {
  /** Read only: observe the registry and return the plan; write nothing. */
  dryRun?: boolean;
  /** Called after each subject. */
  onProgress?: (done: number, total: number, subject: string) => void;
  /** Register attempts per subject when the answer is lost (5xx, reset, timeout). Default 3. */
  registerAttempts?: number;
  /**
   * Subjects in flight at once (default 8). A subject still waits for the subjects it references; the
   * report keeps reference order whatever the timing.
   */
  concurrency?: number;
}

export interface PublishOutcome {
  /** The plan, one step per subject in publishing order (references first). */
  steps: PlanStep[];
  /** What happened; for a dry run, what the plan predicts (register → registered without id). */
  report: PublishReport;
}

/**
 * Publishes the candidates to the registry, best effort: one subject's failure does not stop the others,
 * and every subject gets an outcome. Per subject, in reference order: read the level in force and look
 * the schema up; set the configured level when it differs (before registering); register when the
 * registry does not hold the schema. A second run with nothing new only reads.
 *
 * Retrying registration: the client never retries a register whose answer was lost, because it may have
 * been applied. Here we may, because registration is idempotent in the registry (registering a schema the
 * subject already holds live answers its id and version and writes nothing): after a lost answer we look
 * the schema up, and register again only when the registry does not have it. No duplicate versions.
 */
export async function publish(
  client: SchemaRegistryClient,
  candidates: readonly PublishCandidate[],
  options: PublishOptions = {},
): Promise<PublishOutcome> {
  const ordered = orderByReferences(candidates);
  if (!ordered.ok) {
    throw new SchemagateError(
      'REFERENCE_CYCLE',
      `REFERENCE_CYCLE: schema references form a cycle: ${describeCycle(ordered.cycle)}; fix: ${REFERENCE_CYCLE_FIX}`,
    );
  }
  const attempts = Math.max(1, options.registerAttempts ?? 3);
  const total = ordered.order.length;
  const steps: (PlanStep | undefined)[] = new Array<PlanStep | undefined>(total);
  const results: PublishResult[] = new Array<PublishResult>(total);
  /** Subject of this batch → its outcome, once known; subjects wait for the ones they reference. */
  const outcomes = new Map<string, Promise<PublishResult>>();
  // Read first, outside the per-subject best effort: a registry that cannot be reached at all is one
  // clear error (exit 2), not the same failure once per subject after every subject's retries.
  const globalLevel: CompatibilityLevel = (await client.getConfig())?.compatibilityLevel ?? 'BACKWARD';
  const levelInForce = async (subject: string): Promise<CompatibilityLevel> =>
    (await client.getConfig(subject))?.compatibilityLevel ?? globalLevel;
  const slots = new Semaphore(Math.max(1, options.concurrency ?? 8));
  let done = 0;
  /** Something that is not the registry answered: not one subject's problem, so the run ends in an error. */
  let notARegistry: RegistryAnswerError | undefined;

  const one = async (candidate: PublishCandidate, index: number): Promise<PublishResult> => {
    const result: PublishResult = { subject: candidate.subject, action: 'failed', messages: [] };
    if (candidate.file !== undefined) result.file = candidate.file;
    const depOutcomes = new Map<string, PublishResult>();
    for (const r of candidate.references) {
      const pending = outcomes.get(r.subject);
      if (pending !== undefined && r.subject !== candidate.subject) depOutcomes.set(r.subject, await pending);
    }
    await slots.acquire();
    try {
      const broken = [...depOutcomes.values()].filter((r) => !isGood(r));
      if (candidate.problems !== undefined && candidate.problems.length > 0) {
        result.messages.push(...candidate.problems);
        steps[index] = {
          subject: candidate.subject,
          action: 'register',
          reason: 'the file is not a valid schema',
        };
      } else if (broken.length > 0) {
        result.messages.push(
          `not published: referenced subject ${broken.map((r) => r.subject).join(', ')} was not published`,
        );
        steps[index] = {
          subject: candidate.subject,
          action: 'register',
          reason: 'a referenced subject failed',
        };
      } else {
        const changedDeps = [...depOutcomes.values()]
          .filter((r) => r.action === 'registered')
          .map((r) => r.subject);
        const references =
          options.dryRun === true && changedDeps.length > 0
            ? undefined
            : await resolveReferences(client, candidate, depOutcomes);
        const input = inputOf(candidate, references ?? []);
        const observation: SubjectObservation = {
          effectiveLevel: await levelInForce(candidate.subject),
          existing: changedDeps.length > 0 ? undefined : await findExisting(client, candidate.subject, input),
        };
        if (options.dryRun === true && observation.existing === undefined && references !== undefined) {
          observation.compatibility = await client.testCompatibility(candidate.subject, input, {
            verbose: true,
          });
        }
        const step = planSubject(candidate, observation, changedDeps);
        steps[index] = step;
        if (options.dryRun === true) {
          Object.assign(result, predicted(step));
        } else {
          if (step.setLevel !== undefined) {
            await client.setConfig(step.setLevel, candidate.subject);
            result.levelSet = step.setLevel;
          }
          if (step.action === 'unchanged') {
            Object.assign(result, { action: 'unchanged', id: step.id, version: step.version });
          } else {
            Object.assign(result, await registerSafely(client, candidate.subject, input, attempts));
          }
        }
      }
    } catch (e) {
      if (e instanceof RegistryAnswerError) notARegistry ??= e;
      result.action = 'failed';
      result.messages = [describe(e)];
    } finally {
      slots.release();
    }
    results[index] = result;
    options.onProgress?.(++done, total, candidate.subject);
    return result;
  };

  // In reference order, so every subject's dependencies are registered as promises before it.
  for (const [index, candidate] of ordered.order.entries())
    outcomes.set(candidate.subject, one(candidate, index));
  await Promise.all(outcomes.values());
  if (notARegistry !== undefined) throw notARegistry;
  return {
    steps: steps.map((s, i) => s ?? { subject: results[i]?.subject ?? '', action: 'register' }),
    report: summarize(results),
  };
}

/** At most `size` subjects talk to the registry at once. */
class Semaphore {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(size: number) {
    this.free = size;
  }
  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next !== undefined) next();
    else this.free++;
  }
}

function isGood(r: PublishResult | undefined): boolean {
  return r !== undefined && (r.action === 'unchanged' || r.action === 'registered');
}

function predicted(step: PlanStep): Partial<PublishResult> {
  if (step.action === 'unchanged') return { action: 'unchanged', id: step.id, version: step.version };
  if (step.predictedIncompatible !== undefined)
    return { action: 'incompatible', messages: step.predictedIncompatible };
  return { action: 'registered' };
}

async function resolveReferences(
  client: SchemaRegistryClient,
  candidate: PublishCandidate,
  inBatch: ReadonlyMap<string, PublishResult>,
): Promise<RegistryReference[]> {
  const out: RegistryReference[] = [];
  for (const ref of candidate.references) {
    let version = ref.version ?? inBatch.get(ref.subject)?.version;
    if (version === undefined) {
      try {
        version = (await client.getLatest(ref.subject)).version;
      } catch (e) {
        if (!isRegistryError(e) || !e.isNotFound) throw e;
        throw new SchemagateError(
          'REFERENCE_UNRESOLVED',
          `references ${ref.name} from subject '${ref.subject}', which the registry does not have: publish it first (publish --all)`,
        );
      }
    }
    out.push({ name: ref.name, subject: ref.subject, version });
  }
  return out;
}

function inputOf(candidate: PublishCandidate, references: RegistryReference[]): SchemaInput {
  return {
    schema: candidate.schema,
    schemaType: candidate.schemaType,
    ...(references.length > 0 ? { references } : {}),
  };
}

/** The live subject-version that holds exactly this schema, or undefined when the registry has none. */
async function findExisting(
  client: SchemaRegistryClient,
  subject: string,
  input: SchemaInput,
): Promise<{ id: number; version: number } | undefined> {
  try {
    const found = await client.lookup(subject, input);
    return { id: found.id, version: found.version };
  } catch (e) {
    if (isRegistryError(e) && e.isNotFound) return undefined;
    throw e;
  }
}

async function registerSafely(
  client: SchemaRegistryClient,
  subject: string,
  input: SchemaInput,
  attempts: number,
): Promise<Partial<PublishResult>> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const r = await client.register(subject, input);
      // Registries before 7.4 answer `{id}` only: the lookup names the version.
      const version = r.version ?? (await client.lookup(subject, input)).version;
      return { action: 'registered', id: r.id, version, messages: [] };
    } catch (e) {
      if (!isRegistryError(e)) throw e;
      if (e.isIncompatible)
        return { action: 'incompatible', messages: await incompatibilityMessages(client, subject, input, e) };
      if (!answerWasLost(e)) throw e;
      lastError = e;
      // The register may have been applied before its answer was lost: ask before trying again.
      const existing = await findExisting(client, subject, input);
      if (existing !== undefined)
        return { action: 'registered', id: existing.id, version: existing.version, messages: [] };
    }
  }
  throw lastError;
}

function answerWasLost(e: RegistryError): boolean {
  return e.status === 0 || e.status >= 500 || e.status === 429;
}

/** The registry's own messages: the verbose check lists them; the 409 body is the fallback. */
async function incompatibilityMessages(
  client: SchemaRegistryClient,
  subject: string,
  input: SchemaInput,
  error: RegistryError,
): Promise<string[]> {
  try {
    const r = await client.testCompatibility(subject, input, { verbose: true });
    if (r.messages.length > 0) return r.messages;
  } catch {
    // fall back to the 409 body
  }
  return [error.message.replace(/^registry 409 \(\d+\) on [^:]+:\d*[^:]*: /, '')];
}

function describe(e: unknown): string {
  if (e instanceof SchemagateError) return e.message;
  return e instanceof Error ? e.message : String(e);
}
