import { canonicalMetadata, canonicalRuleSet } from './contracts.js';
import { RegistryErrors } from './errors.js';
import { GLOBAL_CONTEXT, normalizeSubject, parseSubject } from './qualified.js';
import { parseSchemaTagsList, type SchemaTags } from './tags.js';
import type { JsonObject, SchemaRef } from './types.js';

export const LATEST = -1;
const MAX_VERSION = 2 ** 31 - 1;

/** A `{version}` path segment: 1..2^31-1, `latest` (any case, trimmed) or -1 (= latest); else 42202 (§1). */
export function parseVersion(text: string): number {
  const t = text.trim();
  if (t.toLowerCase() === 'latest') return LATEST;
  if (/^-?\d+$/.test(t)) {
    const n = Number(t);
    if (n === -1) return LATEST;
    if (n >= 1 && n <= MAX_VERSION) return n;
  }
  throw RegistryErrors.invalidVersion(text);
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A subject name from a path, in its one spelling (`:.:s` → `s`, `:.ctx` → `:.ctx:`): no ISO control
 * characters, not a reserved name, and (except for config and mode) not in the `.__GLOBAL` context;
 * else 42208 (§1).
 */
export function checkSubject(raw: string, { allowGlobalContext = false } = {}): string {
  const subject = normalizeSubject(raw);
  const { context, name } = parseSubject(subject);
  if (CONTROL.test(raw) || name === '__GLOBAL' || name === '__EMPTY')
    throw RegistryErrors.invalidSubject(raw);
  if (!allowGlobalContext && context === GLOBAL_CONTEXT) throw RegistryErrors.invalidSubject(raw);
  return subject;
}

export function boolParam(q: URLSearchParams, name: string, fallback = false): boolean {
  const v = q.get(name);
  if (v === null) return fallback;
  return v.trim().toLowerCase() === 'true';
}

export function intParam(q: URLSearchParams, name: string, fallback: number): number {
  const v = q.get(name);
  if (v === null || v.trim() === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n))
    throw RegistryErrors.badRequest(`Query parameter '${name}' must be an integer, got '${v}'`);
  return n;
}

/** `offset`/`limit` paging after filtering; a negative limit means no limit. */
export function page<T>(items: readonly T[], q: URLSearchParams): T[] {
  const offset = Math.max(0, intParam(q, 'offset', 0));
  const limit = intParam(q, 'limit', -1);
  return items.slice(offset, limit < 0 ? undefined : offset + limit);
}

/** The request body of register, lookup and compatibility, checked field by field as the registry's JSON mapping does. */
export interface SchemaRequest {
  schema?: string;
  schemaType?: string;
  references: SchemaRef[];
  metadata?: JsonObject;
  ruleSet?: JsonObject;
  id?: number;
  version?: number;
  schemaTagsToAdd?: SchemaTags[];
  schemaTagsToRemove?: SchemaTags[];
  propagateSchemaTags?: boolean;
}

/** Parses a JSON body: malformed → 400/400, missing → 422/422 (§1). */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw RegistryErrors.unprocessable('Request body is required');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw RegistryErrors.badRequest(
      `Invalid JSON in request body: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function mismatch(field: string, expected: string): never {
  throw RegistryErrors.badRequest(`Cannot deserialize field '${field}': expected ${expected}`);
}

function optionalString(o: JsonObject, field: string): string | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  // Jackson coerces scalars into a String field, so a number or boolean is read as its text.
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return mismatch(field, 'a string');
}

function optionalInt(o: JsonObject, field: string): number | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return mismatch(field, 'an integer');
}

function optionalObject(o: JsonObject, field: string): JsonObject | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) return mismatch(field, 'an object');
  return Object.keys(v).length === 0 ? undefined : v;
}

export function parseSchemaRequest(body: unknown): SchemaRequest {
  if (body === null) throw RegistryErrors.unprocessable('Request body is required');
  if (!isObject(body)) return mismatch('(body)', 'an object');
  const refsRaw = body['references'];
  const references: SchemaRef[] = [];
  if (refsRaw !== undefined && refsRaw !== null) {
    if (!Array.isArray(refsRaw)) mismatch('references', 'an array');
    for (const r of refsRaw as unknown[]) {
      if (!isObject(r)) return mismatch('references', 'an array of {name, subject, version}');
      const name = optionalString(r, 'name');
      const subject = optionalString(r, 'subject');
      const version = optionalInt(r, 'version');
      if (name === undefined || subject === undefined || version === undefined) {
        throw RegistryErrors.invalidSchema(
          'Invalid reference: each reference needs a name, a subject and a version',
        );
      }
      references.push({ name, subject, version });
    }
  }
  const out: SchemaRequest = { references };
  const schema = optionalString(body, 'schema');
  if (schema !== undefined) out.schema = schema;
  const schemaType = optionalString(body, 'schemaType');
  if (schemaType !== undefined) out.schemaType = schemaType;
  // Metadata and rules in the registry's own shape (sorted, defaults filled in: §3.10).
  const metadata = optionalObject(body, 'metadata');
  if (metadata !== undefined) out.metadata = canonicalMetadata(metadata);
  // The registry's JSON creator accepts `ruleset` too (§3.10).
  const ruleSet = optionalObject(body, 'ruleSet') ?? optionalObject(body, 'ruleset');
  if (ruleSet !== undefined) out.ruleSet = canonicalRuleSet(ruleSet);
  const tagsToAdd = parseSchemaTagsList(body['schemaTagsToAdd'], 'schemaTagsToAdd');
  if (tagsToAdd !== undefined && tagsToAdd.length > 0) out.schemaTagsToAdd = tagsToAdd;
  const tagsToRemove = parseSchemaTagsList(body['schemaTagsToRemove'], 'schemaTagsToRemove');
  if (tagsToRemove !== undefined && tagsToRemove.length > 0) out.schemaTagsToRemove = tagsToRemove;
  if (body['propagateSchemaTags'] === true) out.propagateSchemaTags = true;
  const id = optionalInt(body, 'id');
  if (id !== undefined && id >= 0) out.id = id;
  const version = optionalInt(body, 'version');
  // -1 asks for the latest version; 0 and other negatives name none.
  if (version !== undefined && (version > 0 || version === LATEST)) out.version = version;
  return out;
}

export function requireObject(body: unknown): JsonObject {
  if (body === null) throw RegistryErrors.unprocessable('Request body is required');
  if (!isObject(body)) return mismatch('(body)', 'an object');
  return body;
}

export { isObject };
