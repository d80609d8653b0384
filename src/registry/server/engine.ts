import type { PairContext } from '../../compat/finding.js';
import { directionsOf, isTransitive, type CompatibilityLevel } from '../../compat/level.js';
import type {
  FormatHandler,
  ParsedSchema,
  RegistrySchemaType,
  SchemaIssue,
  SchemaReference,
} from '../../formats/format.js';
import type { AvroSchema } from '../../formats/avro/model.js';
import { normalizedAvroKeepingReferences } from '../../formats/avro/normalize-refs.js';
import { formatByRegistryType } from '../../formats/registry.js';
import { PROTOBUF_RULES } from '../../formats/protobuf/rules.js';
import { descriptorText } from '../../formats/protobuf/descriptor-to-proto.js';
import type { JsonObject } from './types.js';
import { configSuffix, DIFFERENT_TYPE_MESSAGE, findingMessage, versionSuffix } from './messages.js';

export const SCHEMA_TYPES: readonly RegistrySchemaType[] = ['AVRO', 'JSON', 'PROTOBUF'];

/** A schema parsed by its format's engine, with the string the registry stores for it. */
export interface PreparedSchema {
  schemaType: RegistrySchemaType;
  canonical: string;
  parsed: ParsedSchema;
  handler: FormatHandler;
}

export type PrepareResult = { ok: true; schema: PreparedSchema } | { ok: false; message: string };

export interface PrepareOptions {
  references: readonly SchemaReference[];
  /** Stored schemas are parsed leniently; new ones are validated (§4.4). */
  lenient: boolean;
  normalize: boolean;
  /**
   * The config's `validateFields`. Without it the registry registers a Protobuf schema whose field
   * types do not resolve (its non-strict validation only normalizes); with it, such a schema is 42201.
   */
  validateFields?: boolean;
}

const CACHE_LIMIT = 20_000;

/**
 * Parses schemas through the format engines, with a bounded cache: clients send the same schema text
 * over and over (every lookup of a producer), and parsing is the cost of a lookup.
 */
export class SchemaEngine {
  private readonly cache = new Map<string, PrepareResult>();

  prepare(text: string, schemaType: RegistrySchemaType, options: PrepareOptions): PrepareResult {
    const refKey = options.references.map((r) => `${r.name}\u0001${r.text}`).join('\u0002');
    const flags = `${options.lenient ? 1 : 0}${options.normalize ? 1 : 0}${options.validateFields === true ? 1 : 0}`;
    const key = `${schemaType}\u0000${flags}\u0000${refKey}\u0000${text}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const result = prepareUncached(text, schemaType, options);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }
}

function prepareUncached(
  text: string,
  schemaType: RegistrySchemaType,
  options: PrepareOptions,
): PrepareResult {
  const handler = formatByRegistryType(schemaType);
  if (handler === undefined) return { ok: false, message: `Invalid schema type ${schemaType}` };
  if (text.trim() === '') return { ok: false, message: 'Empty schema' };
  if (schemaType === 'PROTOBUF') text = protoSource(text);
  let parsed;
  try {
    parsed = handler.parse(text, { references: options.references, lenient: options.lenient });
  } catch (e) {
    return {
      ok: false,
      message: `Invalid schema ${text}, details: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  if (!parsed.ok && schemaType === 'PROTOBUF' && !options.lenient && options.validateFields !== true) {
    if (parsed.issues.every((i) => i.rule === PROTOBUF_RULES.unknownType))
      parsed = handler.parse(text, { references: options.references, lenient: true });
  }
  if (!parsed.ok && schemaType === 'PROTOBUF') return { ok: false, message: protobufInvalid(parsed.issues) };
  if (!parsed.ok) {
    const details = parsed.issues
      .map((i) => (i.pointer === '' ? i.message : `${i.message} (at ${i.pointer})`))
      .join('; ');
    return { ok: false, message: `Invalid schema ${text}, details: ${details}` };
  }
  const canonical = options.normalize
    ? registryNormalized(handler, parsed.schema)
    : handler.canonical(parsed.schema);
  return { ok: true, schema: { schemaType, canonical, parsed: parsed.schema, handler } };
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Confluent's clients register a Protobuf schema as a base64 FileDescriptorProto; the registry keeps
 * the `.proto` file it converts it to. No `.proto` text is a single base64 word, so the check is safe.
 */
function protoSource(text: string): string {
  const trimmed = text.trim();
  if (!BASE64.test(trimmed)) return text;
  const converted = descriptorText(Buffer.from(trimmed, 'base64'));
  // A descriptor that declares nothing stays as sent, so it fails as the text it is.
  return converted === undefined || converted.trim() === '' ? text : converted;
}

/**
 * The registry wraps the Protobuf parser's message twice (its provider, then its schema loader); the
 * details are the parser's, each with the line and column it points at.
 */
function protobufInvalid(issues: readonly SchemaIssue[]): string {
  const details = issues.map((i) => `${i.line}:${i.column}: ${i.message}`).join('; ');
  const wrap = (m: string): string => `Invalid schema of type PROTOBUF, details: ${m}`;
  return wrap(wrap(details));
}

/**
 * The string `normalize=true` stores. Avro keeps the types of its references by name, as the registry
 * does (inlining them would store a different schema that still lists the references).
 */
function registryNormalized(handler: FormatHandler, schema: ParsedSchema): string {
  if (schema.format === 'avro') return normalizedAvroKeepingReferences(schema as AvroSchema);
  return handler.normalized(schema);
}

/** An earlier live version as the compatibility check sees it. */
export interface PreviousVersion {
  version: number;
  schema: PreparedSchema;
  /** Its metadata: the config's `compatibilityGroup` picks versions by a property of it. */
  metadata?: JsonObject | undefined;
}

export interface CompatOutcome {
  compatible: boolean;
  messages: string[];
}

/**
 * The registry's check (§4.8, §5): the level picks the latest version or all of them, newest first;
 * it stops at the first failing version and reports that version's messages with the registry's
 * suffixes. `previous` is oldest first.
 */
export function checkLevel(
  level: CompatibilityLevel,
  candidate: PreparedSchema,
  previous: readonly PreviousVersion[],
  validateFields: boolean,
): CompatOutcome {
  const directions = directionsOf(level);
  if (directions.length === 0 || previous.length === 0) return { compatible: true, messages: [] };
  const first = isTransitive(level) ? 0 : previous.length - 1;
  for (let i = previous.length - 1; i >= first; i--) {
    const old = previous[i] as PreviousVersion;
    const messages: string[] = [];
    if (old.schema.schemaType !== candidate.schemaType) {
      messages.push(DIFFERENT_TYPE_MESSAGE);
    } else {
      for (const direction of directions) {
        const ctx: PairContext =
          direction === 'new-reads-old' ? { reader: 'new', writer: 'old' } : { reader: 'old', writer: 'new' };
        const findings =
          direction === 'new-reads-old'
            ? candidate.handler.check(candidate.parsed, old.schema.parsed, ctx)
            : candidate.handler.check(old.schema.parsed, candidate.parsed, ctx);
        for (const f of findings) messages.push(findingMessage(candidate.schemaType, f, ctx));
      }
    }
    if (messages.length > 0) {
      messages.push(...versionSuffix(old.version, old.schema.canonical), configSuffix(level, validateFields));
      return { compatible: false, messages };
    }
  }
  return { compatible: true, messages: [] };
}
