import type { RegistrySchemaType } from '../../formats/format.js';

/** A JSON object as it travels in request and response bodies (metadata, ruleSet, config fields). */
export type JsonObject = { [key: string]: unknown };

/** `{name, subject, version}`: another subject-version this schema uses (§3.10, §4.7). */
export interface SchemaRef {
  name: string;
  subject: string;
  version: number;
}

/** One schema, by id. Ids are never reused for a different schema. */
export interface SchemaEntry {
  id: number;
  schemaType: RegistrySchemaType;
  /** The stored (canonical) string, returned by every GET. */
  schema: string;
  references: SchemaRef[];
  metadata?: JsonObject;
  ruleSet?: JsonObject;
  /** Identity (§4.2): canonical string + references + metadata + ruleSet; computed when first needed. */
  key?: string;
}

/** A schema as the log stores it; the identity key is derived again at replay. */
export type StoredSchema = Omit<SchemaEntry, 'key'>;

export interface VersionEntry {
  subject: string;
  version: number;
  id: number;
  deleted: boolean;
  /** When it was registered (ms since the epoch); absent in logs written before it was recorded. */
  ts?: number;
}

export const MODES = ['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT', 'FORWARD'] as const;
export type Mode = (typeof MODES)[number];

/** A subject-level or global config, in its response form (`compatibilityLevel`, not `compatibility`). */
export interface RegistryConfig {
  compatibilityLevel?: string;
  normalize?: boolean;
  validateFields?: boolean;
  /** false: new schemas are parsed as leniently as stored ones (invalid defaults accepted). */
  validateNewSchemas?: boolean;
  compatibilityGroup?: string;
  defaultMetadata?: JsonObject;
  overrideMetadata?: JsonObject;
  defaultRuleSet?: JsonObject;
  overrideRuleSet?: JsonObject;
  alias?: string;
  compatibilityPolicy?: string;
}

/**
 * One line of the append-only log: every change of state is one event, and replaying the events in
 * order rebuilds the state. `s` absent on config and mode means the global setting.
 */
export type LogEvent =
  | {
      t: 'reg';
      s: string;
      v: number;
      id: number;
      ts?: number;
      /** Present the first time an id is allocated. */
      schema?: StoredSchema;
      /** Soft-deleted versions of the subject with the same id, hard-deleted by this registration (§4.2). */
      drop?: number[];
      /** In the log only: the metadata key its sensitive values are sealed under (metadata-encoder.ts). */
      enc?: number;
    }
  | { t: 'soft'; s: string; v: number[] }
  | { t: 'hard'; s: string; v: number[] }
  | { t: 'config'; s?: string; c: RegistryConfig | null }
  | { t: 'mode'; s?: string; m: Mode | null }
  /** `DELETE /contexts/{c}`: the (empty) context is no longer listed; its ids are not reused. */
  | { t: 'ctxdel'; c: string };
