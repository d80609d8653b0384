import type { CompatibilityLevel, Direction } from './level.js';

/** One incompatibility found between a reader and a writer schema, before it is tied to a version. */
export interface PairFinding {
  /** The registry's error type (Avro) or change type (JSON Schema): a stable rule id. */
  errorType: string;
  /** The registry's location: a JSON pointer (Avro: into the reader; JSON Schema: `#/…` change path). */
  path: string;
  /**
   * Where the registry itself says the finding is, when that differs from `path` (Avro: the location
   * Avro Java reports, which repeats a named type's first location and adds a writer union's branch index).
   * Registry-shaped messages use it; our own text uses `path`.
   */
  registryPath?: string;
  /** A pointer into the candidate (new) schema, where an editor should jump; defaults to `path`. */
  candidatePointer?: string;
  /** What is wrong, in a sentence. */
  message: string;
  /** How to make the change compatible, in a sentence. */
  fix: string;
  /** The registry's `additionalInfo` (Avro's own message), when there is one. */
  additionalInfo?: string;
}

/** A finding tied to the earlier version it was found against. */
export interface CompatFinding extends PairFinding {
  /** 1-based position of the earlier version among the versions given (oldest = 1). */
  version: number;
  direction: Direction;
}

export interface CompatResult {
  compatible: boolean;
  level: CompatibilityLevel;
  findings: CompatFinding[];
}

/** The labels the registry's messages use for the reader and the writer of one check. */
export interface PairContext {
  reader: 'new' | 'old';
  writer: 'new' | 'old';
}
