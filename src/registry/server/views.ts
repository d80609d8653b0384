import { createHash } from 'node:crypto';
import { keyOf } from './identity.js';
import type { SchemaEntry, VersionEntry } from './types.js';

export type Shapes = '7' | '8';

/** The schema's guid in 8.x responses: the MD5 of its identity written as a UUID (§4.2). */
export function guidOf(entry: SchemaEntry): string {
  const h = createHash('md5').update(keyOf(entry)).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Fields shared by every schema-bearing response, in the registry's order, with empty ones left out
 * (Jackson NON_EMPTY). 7.x leaves `schemaType` out for AVRO; 8.x always writes it (§3.10, §12).
 */
function schemaFields(
  entry: SchemaEntry,
  shapes: Shapes,
  out: Record<string, unknown>,
): Record<string, unknown> {
  if (shapes === '8') out['guid'] = guidOf(entry);
  if (shapes === '8' || entry.schemaType !== 'AVRO') out['schemaType'] = entry.schemaType;
  if (entry.references.length > 0) out['references'] = entry.references;
  if (entry.metadata !== undefined) out['metadata'] = entry.metadata;
  if (entry.ruleSet !== undefined) out['ruleSet'] = entry.ruleSet;
  out['schema'] = entry.schema;
  return out;
}

/** 8.x adds when the version was registered and whether it is soft-deleted. */
function versionFields(
  v: VersionEntry,
  shapes: Shapes,
  out: Record<string, unknown>,
): Record<string, unknown> {
  if (shapes === '8') {
    if (v.ts !== undefined) out['ts'] = v.ts;
    out['deleted'] = v.deleted;
  }
  return out;
}

/** GET version, lookup, GET /schemas. */
export function versionView(v: VersionEntry, entry: SchemaEntry, shapes: Shapes): Record<string, unknown> {
  return versionFields(
    v,
    shapes,
    schemaFields(entry, shapes, { subject: v.subject, version: v.version, id: entry.id }),
  );
}

/** The register answer: 7.4–7.9 `{id, version, schema, …}`. */
export function registerView(v: VersionEntry, entry: SchemaEntry, shapes: Shapes): Record<string, unknown> {
  return versionFields(v, shapes, schemaFields(entry, shapes, { id: entry.id, version: v.version }));
}

/** GET /schemas/ids/{id}. */
export function idView(
  entry: SchemaEntry,
  shapes: Shapes,
  extra: { maxId?: number; subject?: string; version?: number },
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (shapes === '8' && extra.subject !== undefined && extra.version !== undefined) {
    out['subject'] = extra.subject;
    out['version'] = extra.version;
  }
  schemaFields(entry, shapes, out);
  if (extra.maxId !== undefined) out['maxId'] = extra.maxId;
  return out;
}
