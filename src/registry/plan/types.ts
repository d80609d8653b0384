import type { CompatibilityLevel } from '../../compat/level.js';

export type SchemaTypeName = 'AVRO' | 'JSON' | 'PROTOBUF';

/**
 * A reference as the repository knows it: the subject it points at and, when the file pins one, the
 * version. Without a version the publisher uses the version that subject has after this run (or the
 * registry's latest when the subject is not being published).
 */
export interface CandidateReference {
  name: string;
  subject: string;
  version?: number;
}

/** One subject the repository wants in the registry: its newest approved schema and level. */
export interface PublishCandidate {
  subject: string;
  /** Where it comes from, for messages. */
  file?: string;
  schema: string;
  schemaType: SchemaTypeName;
  references: CandidateReference[];
  /** The level the configuration wants for this subject. */
  level: CompatibilityLevel;
  /** Why the file cannot be published as it is (it does not parse, a reference is missing); never sent. */
  problems?: string[];
}

/** What the registry said about one subject, read before anything is written. */
export interface SubjectObservation {
  /** The level in force for the subject: its own when it has one, else the global one. */
  effectiveLevel: CompatibilityLevel;
  /** The subject-version holding exactly this schema, when the registry has it live. */
  existing: { id: number; version: number } | undefined;
  /**
   * A read-only prediction for new schemas (dry runs): the registry's verbose compatibility answer.
   * `undefined` when it was not asked.
   */
  compatibility?: { isCompatible: boolean; messages: string[] };
}

export type PlannedAction = 'unchanged' | 'register';

export interface PlanStep {
  subject: string;
  file?: string;
  /** Set before registering, when the registry's level differs from the configuration. */
  setLevel?: CompatibilityLevel;
  action: PlannedAction;
  /** For `unchanged`: what the registry already holds. */
  id?: number;
  version?: number;
  /** Why a step registers although a lookup could not say (a referenced subject changes first). */
  reason?: string;
  /** For a dry run: the registry would refuse this one. */
  predictedIncompatible?: string[];
}

export type ResultAction = 'unchanged' | 'registered' | 'incompatible' | 'failed';

export interface PublishResult {
  subject: string;
  action: ResultAction;
  id?: number;
  version?: number;
  /** The registry's messages (incompatible) or what went wrong (failed); empty otherwise. */
  messages: string[];
  /** The level that was set on the subject during this run, if any. */
  levelSet?: string;
  file?: string;
}

export interface PublishReport {
  ok: boolean;
  results: PublishResult[];
}
