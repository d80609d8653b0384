import { parseLevel, type CompatibilityLevel } from '../../compat/level.js';
import type { RegistryMode, RegistryReference, SchemaType, StoredSchema, SubjectVersion } from './types.js';

/**
 * The shapes of the registry's success answers, checked where they enter the client: a proxy or another
 * service answering 200 with JSON of some other shape must not be read as "no id" or "subjects `<`, `h`…".
 * Fields the client does not use are not checked, so newer registries may add fields.
 */

/** Why an answer does not have the endpoint's shape; the transport turns it into a RegistryAnswerError. */
export class ShapeMismatch extends Error {
  constructor(at: string, expected: string, value: unknown) {
    super(
      value === undefined
        ? `${at} is missing (should be ${expected})`
        : `${at} should be ${expected}, not ${describe(value)}`,
    );
    this.name = 'ShapeMismatch';
  }
}

export type Decoder<T> = (value: unknown) => T;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function record(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ShapeMismatch(at, 'an object', value);
  return value as Record<string, unknown>;
}

function integer(value: unknown, at: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw new ShapeMismatch(at, 'an integer', value);
  return value;
}

function text(value: unknown, at: string): string {
  if (typeof value !== 'string') throw new ShapeMismatch(at, 'a string', value);
  return value;
}

function list<T>(value: unknown, at: string, item: (v: unknown, at: string) => T): T[] {
  if (!Array.isArray(value)) throw new ShapeMismatch(at, 'an array', value);
  return value.map((v, i) => item(v, `${at}[${i}]`));
}

function optional<T>(value: unknown, at: string, read: (v: unknown, at: string) => T): T | undefined {
  return value === undefined || value === null ? undefined : read(value, at);
}

function oneOf<T extends string>(values: readonly T[]): (v: unknown, at: string) => T {
  return (v, at) => {
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
      throw new ShapeMismatch(at, `one of ${values.join(', ')}`, v);
    }
    return v as T;
  };
}

const schemaType = oneOf<SchemaType>(['AVRO', 'JSON', 'PROTOBUF']);
const mode = oneOf<RegistryMode>(['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT', 'FORWARD']);

function reference(v: unknown, at: string): RegistryReference {
  const r = record(v, at);
  return {
    name: text(r.name, `${at}.name`),
    subject: text(r.subject, `${at}.subject`),
    version: integer(r.version, `${at}.version`),
  };
}

function stored(v: unknown, at = 'the answer'): StoredSchema {
  const body = record(v, at);
  const out: StoredSchema = {
    schema: text(body.schema, 'schema'),
    schemaType: optional(body.schemaType, 'schemaType', schemaType) ?? 'AVRO',
  };
  const references = optional(body.references, 'references', (r, a) => list(r, a, reference));
  if (references !== undefined && references.length > 0) out.references = references;
  return out;
}

export const storedSchema: Decoder<StoredSchema> = (v) => stored(v);

export const subjectVersion: Decoder<SubjectVersion> = (v) => {
  const body = record(v, 'the answer');
  return {
    subject: text(body.subject, 'subject'),
    id: integer(body.id, 'id'),
    version: integer(body.version, 'version'),
    ...stored(body),
  };
};

export const registered: Decoder<{ id: number; version?: number }> = (v) => {
  const body = record(v, 'the answer');
  const version = optional(body.version, 'version', integer);
  return version === undefined ? { id: integer(body.id, 'id') } : { id: integer(body.id, 'id'), version };
};

export const strings: Decoder<string[]> = (v) => list(v, 'the answer', text);
export const integers: Decoder<number[]> = (v) => list(v, 'the answer', integer);
export const oneInteger: Decoder<number> = (v) => integer(v, 'the answer');

export const compatibility: Decoder<{ isCompatible: boolean; messages: string[] }> = (v) => {
  const body = record(v, 'the answer');
  if (typeof body.is_compatible !== 'boolean')
    throw new ShapeMismatch('is_compatible', 'true or false', body.is_compatible);
  // Verbose messages are strings in every registry we know; anything else is shown as JSON, not dropped.
  const messages = optional(body.messages, 'messages', (m, at) =>
    list(m, at, (x) => (typeof x === 'string' ? x : JSON.stringify(x))),
  );
  return { isCompatible: body.is_compatible, messages: messages ?? [] };
};

/** `GET /config`: the level under `compatibilityLevel` (or `compatibility`, as some registries answer). */
export const config: Decoder<{ level: CompatibilityLevel | undefined; normalize: boolean | undefined }> = (
  v,
) => {
  const body = record(v, 'the answer');
  const level = optional(body.compatibilityLevel ?? body.compatibility, 'compatibilityLevel', (l, at) => {
    const known = parseLevel(text(l, at));
    if (known === undefined) throw new ShapeMismatch(at, 'a compatibility level', l);
    return known;
  });
  const normalize = body.normalize;
  if (normalize !== undefined && normalize !== null && typeof normalize !== 'boolean')
    throw new ShapeMismatch('normalize', 'true or false', normalize);
  return { level, normalize: normalize ?? undefined };
};

export const modeAnswer: Decoder<RegistryMode> = (v) => mode(record(v, 'the answer').mode, 'mode');

/** PUT and DELETE answers the client does not read beyond "it is the registry's JSON object". */
export const anObject: Decoder<Record<string, unknown>> = (v) => record(v, 'the answer');

export const subjectVersions: Decoder<{ subject: string; version: number }[]> = (v) =>
  list(v, 'the answer', (item, at) => {
    const r = record(item, at);
    return { subject: text(r.subject, `${at}.subject`), version: integer(r.version, `${at}.version`) };
  });
