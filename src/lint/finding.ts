import type { LintRuleId } from './rules.js';

/** One lint problem, before the configuration gives it a severity and the file a position. */
export interface LintProblem {
  rule: LintRuleId;
  /** JSON pointer to the value at fault ("" for the whole file). */
  pointer: string;
  /** Where it is, for formats not written as JSON (Protobuf); JSON-based formats place it by `pointer`. */
  position?: { line: number; column: number };
  message: string;
  fix: string;
}

/** What the rules need from the configuration. */
export interface LintOptions {
  fieldCase: 'camelCase' | 'snake_case' | 'PascalCase';
  /** The pattern namespaces must match (a regular expression source). */
  namespace: string;
  subjectStrategy: 'topic' | 'record' | 'topic-record';
}
