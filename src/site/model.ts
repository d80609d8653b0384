import type { CompatibilityLevel, Direction } from '../compat/level.js';
import type { FormatId, SchemaReference } from '../formats/format.js';

/**
 * The documentation site's data: every subject with its versions, verdicts, fields and references. Built
 * from the same reading of git history as `schemagate log` and `check --all`; rendered to static HTML.
 */
export interface SiteModel {
  /** The commit the history was read at (null for a repository without commits). */
  commit: string | null;
  ref: string | null;
  subjects: SubjectModel[];
  edges: ReferenceEdge[];
  /** With `--registry`: the registry's view of each subject, as `schemagate status` reports it. */
  registry?: RegistryDrift;
}

export interface RegistryDrift {
  url: string;
  /** By subject (also subjects only the registry holds). */
  subjects: Record<string, { kinds: string[]; detail: string; version?: number }>;
}

/** `new`: no committed version; `changed`: the working tree differs from the last version; `deleted`: only in history. */
export type SubjectState = 'new' | 'changed' | 'unchanged' | 'deleted' | 'invalid';

export interface SubjectModel {
  subject: string;
  file: string;
  format: FormatId;
  level: CompatibilityLevel;
  /** The JSON Schema allow-list (config `jsonSchemaPolicy`), for checks run in the page. */
  policy: 'strict' | 'lenient';
  /** For `{topic}-key` / `{topic}-value` subjects, the topic; else undefined. */
  topic: string | undefined;
  state: SubjectState;
  /** The committed versions, then the working tree's content when it is a new version. */
  versions: VersionModel[];
  /** The schemas this one takes named types from (Avro), `$ref`s (JSON Schema), imports (Protobuf). */
  references: SchemaReference[];
  /** The newest content (the working tree's when there is one). */
  current: CurrentSchema;
}

export interface StepFinding {
  rule: string;
  /** The earlier version the finding is against. */
  against: number;
  direction: Direction;
  message: string;
  fix: string;
}

export interface StepChange {
  kind: 'added' | 'removed' | 'changed';
  pointer: string;
  summary: string;
  breaks: Direction[];
  /** Breaks a direction the subject's level checks. */
  breaking: boolean;
}

export interface VersionModel {
  version: number;
  /** null for the working tree's uncommitted content. */
  commit: string | null;
  author: string;
  date: string;
  message: string;
  file: string;
  text: string;
  verdict: 'first' | 'compatible' | 'incompatible';
  findings: StepFinding[];
  /** The changes from the version before. */
  changes: StepChange[];
}

export interface CurrentSchema {
  text: string;
  /** Problems that make the content unusable (the page shows them; the build goes on). */
  problems: string[];
  fields: FieldRow[];
  examples: ExampleMessage[];
}

/** One row of a subject's field table; nested records are rows with a deeper `depth`. */
export interface FieldRow {
  /** Dotted path from the top (`customer.address.city`). */
  path: string;
  depth: number;
  name: string;
  type: string;
  required: boolean;
  /** JSON text of the default, when there is one. */
  default: string | undefined;
  doc: string | undefined;
  aliases: string[];
  /** Where the field is written in the schema document (JSON pointer); undefined for one used by name or `$ref`. */
  pointer: string | undefined;
  /** Protobuf: the field number. */
  number?: number;
  /** Protobuf: `optional`, `required`, `repeated`, `map`, `singular` (proto3 without a label) or `oneof NAME`. */
  label?: string;
}

export interface ExampleMessage {
  kind: 'minimal' | 'full';
  value: unknown;
  /** Avro: the encoded size in bytes (binary encoding, without the wire-format header). */
  encodedBytes?: number;
  /** Protobuf: the full name of the message the example is of (the file's first). */
  message?: string;
}

/** `from` uses `name` defined in `to`. */
export interface ReferenceEdge {
  from: string;
  to: string;
  name: string;
}
