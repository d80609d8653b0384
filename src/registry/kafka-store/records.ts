/**
 * The records Confluent's Schema Registry keeps in its `_schemas` topic (and Karapace reads and writes
 * too): a JSON key naming what the record is about and a JSON value, or no value (a tombstone) when it
 * is gone. Pure: bytes in, typed records out, and back.
 *
 * Keys must come out byte for byte as Confluent writes them, because compaction keeps the last record
 * per key *bytes*: a tombstone we write for a version Confluent registered must carry the same key.
 * Confluent's Jackson mapper writes the properties in the order its classes declare, leaves out nulls
 * and empty lists, and always writes `magic` (1 for SCHEMA, 0 for the others).
 */
import { MODES, type JsonObject, type Mode, type RegistryConfig, type SchemaRef } from '../server/types.js';

export const DEFAULT_TENANT = 'default';

export type StoreKey =
  | { keytype: 'SCHEMA'; subject: string; version: number }
  | { keytype: 'CONFIG'; subject?: string }
  | { keytype: 'MODE'; subject?: string }
  | { keytype: 'DELETE_SUBJECT'; subject: string }
  | { keytype: 'CLEAR_SUBJECT'; subject: string }
  | { keytype: 'CONTEXT'; tenant: string; context: string }
  | { keytype: 'NOOP' };

/** A SCHEMA value: one subject-version, with the schema it holds (Confluent's SchemaValue). */
export interface SchemaValue {
  subject: string;
  version: number;
  id: number;
  /** Base64 MD5 Confluent may add; we neither need nor write it. */
  md5?: string;
  schemaType: string;
  references: SchemaRef[];
  metadata?: JsonObject;
  ruleSet?: JsonObject;
  schema: string;
  deleted: boolean;
}

export type StoreValue =
  | { keytype: 'SCHEMA'; value: SchemaValue }
  | { keytype: 'CONFIG'; value: RegistryConfig }
  | { keytype: 'MODE'; value: Mode }
  | { keytype: 'DELETE_SUBJECT'; value: { subject: string; version: number } }
  | { keytype: 'CLEAR_SUBJECT'; value: { subject: string } }
  | { keytype: 'CONTEXT'; value: { tenant: string; context: string } }
  | { keytype: 'NOOP'; value: undefined };

/** A record as it travels: key and value as JSON text, `null` value for a tombstone. */
export interface RawRecord {
  key: string;
  value: string | null;
}

/** A decoded record: its key and its value (`null` for a tombstone). */
export interface StoreRecord {
  key: StoreKey;
  value: StoreValue['value'] | null;
}

/** Why a record is not one the registry understands; the reader skips it and counts it. */
export class RecordFormatError extends Error {
  readonly code = 'KAFKA_STORE_RECORD';
}

// ---- encoding ------------------------------------------------------------------------------------

export function encodeKey(key: StoreKey): string {
  switch (key.keytype) {
    case 'SCHEMA':
      return JSON.stringify({
        keytype: 'SCHEMA',
        subject: key.subject,
        version: key.version,
        magic: 1,
      });
    case 'CONFIG':
    case 'MODE':
      return JSON.stringify({ keytype: key.keytype, subject: key.subject, magic: 0 });
    case 'DELETE_SUBJECT':
    case 'CLEAR_SUBJECT':
      return JSON.stringify({ keytype: key.keytype, subject: key.subject, magic: 0 });
    case 'CONTEXT':
      return JSON.stringify({ keytype: 'CONTEXT', tenant: key.tenant, context: key.context, magic: 0 });
    case 'NOOP':
      return JSON.stringify({ keytype: 'NOOP', magic: 0 });
  }
}

/** Confluent's ConfigValue property order; `subject` comes first and is left out for the global config. */
const CONFIG_FIELDS = [
  'alias',
  'normalize',
  'validateFields',
  'validateNewSchemas',
  'compatibilityLevel',
  'compatibilityPolicy',
  'compatibilityGroup',
  'defaultMetadata',
  'overrideMetadata',
  'defaultRuleSet',
  'overrideRuleSet',
] as const satisfies readonly (keyof RegistryConfig)[];

export function encodeSchemaValue(v: SchemaValue): string {
  return JSON.stringify({
    subject: v.subject,
    version: v.version,
    id: v.id,
    md5: v.md5,
    schemaType: v.schemaType,
    references: v.references.length > 0 ? v.references : undefined,
    metadata: v.metadata,
    ruleSet: v.ruleSet,
    schema: v.schema,
    deleted: v.deleted,
  });
}

export function encodeConfigValue(subject: string | undefined, c: RegistryConfig): string {
  const out: Record<string, unknown> = { subject };
  for (const f of CONFIG_FIELDS) out[f] = c[f];
  return JSON.stringify(out);
}

export function encodeModeValue(subject: string | undefined, mode: Mode): string {
  return JSON.stringify({ subject, mode });
}

export function encodeContextValue(context: string): string {
  return JSON.stringify({ tenant: DEFAULT_TENANT, context });
}

// ---- decoding ------------------------------------------------------------------------------------

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function parseObject(text: string, what: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new RecordFormatError(`${what} is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isObject(parsed)) throw new RecordFormatError(`${what} is not a JSON object`);
  return parsed;
}

function str(o: Record<string, unknown>, field: string, what: string): string {
  const v = o[field];
  if (typeof v !== 'string') throw new RecordFormatError(`${what} has no string "${field}"`);
  return v;
}

function optStr(o: Record<string, unknown>, field: string, what: string): string | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new RecordFormatError(`${what}: "${field}" is not a string`);
  return v;
}

function int(o: Record<string, unknown>, field: string, what: string): number {
  const v = o[field];
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw new RecordFormatError(`${what} has no integer "${field}"`);
  return v;
}

/**
 * A key as Confluent's serializer reads it. `undefined`: a key type this registry has no use for
 * (ASSOC, or one from a newer version), which Confluent's own reader also passes over.
 */
export function decodeKey(text: string): StoreKey | undefined {
  const o = parseObject(text, 'key');
  const keytype = o.keytype;
  const magic = o.magic ?? 0;
  switch (keytype) {
    case 'SCHEMA':
      if (magic !== 0 && magic !== 1)
        throw new RecordFormatError(`SCHEMA key with magic byte ${String(magic)}`);
      return { keytype, subject: str(o, 'subject', 'SCHEMA key'), version: int(o, 'version', 'SCHEMA key') };
    case 'CONFIG':
    case 'MODE': {
      const subject = optStr(o, 'subject', `${keytype} key`);
      return subject === undefined ? { keytype } : { keytype, subject };
    }
    case 'DELETE_SUBJECT':
    case 'CLEAR_SUBJECT':
      return { keytype, subject: str(o, 'subject', `${keytype} key`) };
    case 'CONTEXT':
      return {
        keytype,
        tenant: optStr(o, 'tenant', 'CONTEXT key') ?? DEFAULT_TENANT,
        context: str(o, 'context', 'CONTEXT key'),
      };
    case 'NOOP':
      return { keytype };
    default:
      return undefined;
  }
}

function references(o: Record<string, unknown>): SchemaRef[] {
  const refs = o.references;
  if (refs === undefined || refs === null) return [];
  if (!Array.isArray(refs)) throw new RecordFormatError('SCHEMA value: "references" is not a list');
  return refs.map((r: unknown) => {
    if (!isObject(r)) throw new RecordFormatError('SCHEMA value: a reference is not an object');
    return {
      name: str(r, 'name', 'reference'),
      subject: str(r, 'subject', 'reference'),
      version: int(r, 'version', 'reference'),
    };
  });
}

function optObject(o: Record<string, unknown>, field: string): JsonObject | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw new RecordFormatError(`"${field}" is not an object`);
  return v;
}

export function decodeSchemaValue(text: string): SchemaValue {
  const o = parseObject(text, 'SCHEMA value');
  const md5 = optStr(o, 'md5', 'SCHEMA value');
  const metadata = optObject(o, 'metadata');
  const ruleSet = optObject(o, 'ruleSet');
  const deleted = o.deleted ?? false;
  if (typeof deleted !== 'boolean') throw new RecordFormatError('SCHEMA value: "deleted" is not a boolean');
  return {
    subject: str(o, 'subject', 'SCHEMA value'),
    version: int(o, 'version', 'SCHEMA value'),
    id: int(o, 'id', 'SCHEMA value'),
    ...(md5 === undefined ? {} : { md5 }),
    // Records written before schema types existed are Avro, as Confluent reads them.
    schemaType: optStr(o, 'schemaType', 'SCHEMA value') ?? 'AVRO',
    references: references(o),
    ...(metadata === undefined ? {} : { metadata }),
    ...(ruleSet === undefined ? {} : { ruleSet }),
    schema: str(o, 'schema', 'SCHEMA value'),
    deleted,
  };
}

function decodeConfigValue(text: string): RegistryConfig {
  const o = parseObject(text, 'CONFIG value');
  const out: Record<string, unknown> = {};
  for (const f of CONFIG_FIELDS) if (o[f] !== undefined && o[f] !== null) out[f] = o[f];
  return out as RegistryConfig;
}

/** A whole record; `undefined` for a key type the registry passes over. */
export function decodeRecord(raw: RawRecord): StoreRecord | undefined {
  const key = decodeKey(raw.key);
  if (key === undefined) return undefined;
  if (raw.value === null) return { key, value: null };
  switch (key.keytype) {
    case 'SCHEMA':
      return { key, value: decodeSchemaValue(raw.value) };
    case 'CONFIG':
      return { key, value: decodeConfigValue(raw.value) };
    case 'MODE': {
      const mode = str(parseObject(raw.value, 'MODE value'), 'mode', 'MODE value');
      if (!(MODES as readonly string[]).includes(mode))
        throw new RecordFormatError(`MODE value: unknown mode ${mode}`);
      return { key, value: mode as Mode };
    }
    case 'DELETE_SUBJECT': {
      const o = parseObject(raw.value, 'DELETE_SUBJECT value');
      return {
        key,
        value: {
          subject: str(o, 'subject', 'DELETE_SUBJECT value'),
          version: int(o, 'version', 'DELETE_SUBJECT value'),
        },
      };
    }
    case 'CLEAR_SUBJECT': {
      const o = parseObject(raw.value, 'CLEAR_SUBJECT value');
      return { key, value: { subject: str(o, 'subject', 'CLEAR_SUBJECT value') } };
    }
    case 'CONTEXT': {
      const o = parseObject(raw.value, 'CONTEXT value');
      return {
        key,
        value: {
          tenant: optStr(o, 'tenant', 'CONTEXT value') ?? DEFAULT_TENANT,
          context: str(o, 'context', 'CONTEXT value'),
        },
      };
    }
    case 'NOOP':
      return { key, value: undefined };
  }
}
