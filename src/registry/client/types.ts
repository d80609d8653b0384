import type { CompatibilityLevel } from '../../compat/level.js';

/** The registry's schema types; a missing `schemaType` means AVRO on the wire. */
export type SchemaType = 'AVRO' | 'JSON' | 'PROTOBUF';

export interface RegistryReference {
  /** Avro: the referenced named type's full name; JSON Schema: the `$ref` URI; Protobuf: the import path. */
  name: string;
  subject: string;
  version: number;
}

/** What a client sends to register, look up or check a schema. */
export interface SchemaInput {
  schema: string;
  schemaType?: SchemaType;
  references?: RegistryReference[];
}

/** A schema as the registry holds it under an id (no subject). */
export interface StoredSchema {
  schema: string;
  schemaType?: SchemaType;
  references?: RegistryReference[];
}

/** One subject-version. */
export interface SubjectVersion extends StoredSchema {
  subject: string;
  id: number;
  version: number;
}

export interface RegisterResult {
  id: number;
  /** Absent from registries older than 7.4, which answer `{id}` only. */
  version?: number;
}

export interface CompatibilityResult {
  isCompatible: boolean;
  /** The registry's verbose messages; empty when compatible or when the registry gave none. */
  messages: string[];
}

export interface RegistryConfig {
  compatibilityLevel: CompatibilityLevel;
  normalize?: boolean;
}

export type RegistryMode = 'READWRITE' | 'READONLY' | 'READONLY_OVERRIDE' | 'IMPORT' | 'FORWARD';
