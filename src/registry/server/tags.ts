import type { AvroSchema, AvroType } from '../../formats/avro/model.js';
import type { JsonValue } from '../../formats/json/parse.js';
import { RegistryErrors } from './errors.js';
import type { JsonObject } from './types.js';

/**
 * Schema tags (§3.10): `confluent:tags` arrays on Avro records and fields, named by an entity
 * (`sr_record` with the record's name, `sr_field` with `record.field`), added and removed on
 * register (`schemaTagsToAdd`, `schemaTagsToRemove`, `propagateSchemaTags`) and listed with
 * `findTags`.
 */

export const TAGS = 'confluent:tags';

export type EntityType = 'sr_record' | 'sr_field';

export interface SchemaTags {
  entityPath: string;
  entityType: EntityType;
  tags: string[];
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function mismatch(field: string, expected: string): never {
  throw RegistryErrors.badRequest(`Cannot deserialize field '${field}': expected ${expected}`);
}

/** `[{schemaEntity: {entityPath, entityType}, tags: [...]}]` from a request body. */
export function parseSchemaTagsList(raw: unknown, field: string): SchemaTags[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) return mismatch(field, 'an array of {schemaEntity, tags}');
  return raw.map((item, i) => {
    const at = `${field}[${i}]`;
    if (!isObject(item)) return mismatch(at, 'an object');
    const entity = item['schemaEntity'];
    if (!isObject(entity)) return mismatch(`${at}.schemaEntity`, 'an object');
    const entityPath = entity['entityPath'];
    const entityType = entity['entityType'];
    if (typeof entityPath !== 'string') return mismatch(`${at}.schemaEntity.entityPath`, 'a string');
    if (entityType !== 'sr_record' && entityType !== 'sr_field')
      return mismatch(`${at}.schemaEntity.entityType`, 'sr_record or sr_field');
    const tags = item['tags'];
    if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string'))
      return mismatch(`${at}.tags`, 'an array of strings');
    return { entityPath, entityType, tags: tags as string[] };
  });
}

/** The response form of a list of tagged entities. */
export function schemaTagsView(list: readonly SchemaTags[]): JsonObject[] {
  return list.map((t) => ({
    schemaEntity: { entityPath: t.entityPath, entityType: t.entityType },
    tags: t.tags,
  }));
}

const keyOf = (t: { entityPath: string; entityType: EntityType }): string =>
  `${t.entityType}\u0000${t.entityPath}`;

/** Entries for the same entity are one set of tags, in first-seen order. */
export function byEntity(list: readonly SchemaTags[]): Map<string, SchemaTags> {
  const out = new Map<string, SchemaTags>();
  for (const t of list) {
    const seen = out.get(keyOf(t));
    if (seen === undefined) out.set(keyOf(t), { ...t, tags: [...new Set(t.tags)] });
    else seen.tags = [...new Set([...seen.tags, ...t.tags])];
  }
  return out;
}

/**
 * Finds the JSON node an entity names as the registry does: breadth-first from the root, a
 * record matching by name (and by the root's namespace when the path has one), then its field.
 */
function findEntity(root: JsonValue, entity: SchemaTags): JsonObject {
  const parts = entity.entityPath.split('.');
  const record = entity.entityType === 'sr_record';
  const recordName = parts[parts.length - (record ? 1 : 2)] ?? '';
  const space = parts.slice(0, parts.length - (record ? 1 : 2)).join('.');
  const fieldName = record ? undefined : parts[parts.length - 1];
  const rootSpace = isObject(root) && typeof root['namespace'] === 'string' ? root['namespace'] : undefined;
  const queue: JsonValue[] = [root];
  while (queue.length > 0) {
    const node = queue.shift() as JsonValue;
    if (Array.isArray(node)) {
      queue.push(...node);
      continue;
    }
    if (!isObject(node) || !('type' in node)) continue;
    const type = node['type'];
    const fields = Array.isArray(node['fields']) ? (node['fields'] as JsonValue[]) : [];
    if (type === 'record') {
      if ((space === '' || space === rootSpace) && node['name'] === recordName) {
        if (fieldName === undefined) return node;
        const found = fields.find((f) => isObject(f) && f['name'] === fieldName);
        if (isObject(found)) return found;
      } else queue.push(...fields);
    } else if (type === 'array') queue.push(node['items'] as JsonValue);
    else if (type === 'map') queue.push(node['values'] as JsonValue);
    else queue.push(type as JsonValue);
  }
  throw RegistryErrors.invalidSchema(
    `java.lang.IllegalArgumentException: No matching path '${entity.entityPath}' found in the schema`,
  );
}

/**
 * The schema text with tags added, then removed (the registry's `ParsedSchema.copy(add, remove)`
 * on the canonical string); an entity the schema does not have is 42201.
 */
export function applyAvroTags(
  canonical: string,
  add: readonly SchemaTags[],
  remove: readonly SchemaTags[],
): string {
  const root = JSON.parse(canonical) as JsonValue;
  const adds = byEntity(add);
  const removes = byEntity(remove);
  for (const key of new Set([...adds.keys(), ...removes.keys()])) {
    const entity = (adds.get(key) ?? removes.get(key)) as SchemaTags;
    const node = findEntity(root, entity);
    const current = Array.isArray(node[TAGS]) ? (node[TAGS] as unknown[]).map(String) : [];
    const tags = new Set(current);
    for (const t of adds.get(key)?.tags ?? []) tags.add(t);
    for (const t of removes.get(key)?.tags ?? []) tags.delete(t);
    if (tags.size === 0) delete node[TAGS];
    else node[TAGS] = [...tags];
  }
  return JSON.stringify(root);
}

function tagsIn(props: readonly [string, { value: JsonValue }][]): string[] {
  const value = props.find(([k]) => k === TAGS)?.[1].value;
  return Array.isArray(value) ? [...new Set(value.map(String))] : [];
}

/** The registry's `inlineTaggedEntities()`: every tagged record and field, depth first. */
export function inlineTaggedEntities(schema: AvroSchema): SchemaTags[] {
  const out: SchemaTags[] = [];
  const visited = new Set<string>();
  const walk = (t: AvroType): void => {
    if (t.kind === 'union') t.branches.forEach(walk);
    else if (t.kind === 'array') walk(t.items);
    else if (t.kind === 'map') walk(t.values);
    else if (t.kind === 'record') {
      if (visited.has(t.fullName)) return;
      visited.add(t.fullName);
      const own = tagsIn(t.props);
      if (own.length > 0) out.push({ entityPath: t.fullName, entityType: 'sr_record', tags: own });
      for (const f of t.fields) {
        const tags = tagsIn(f.props);
        if (tags.length > 0)
          out.push({ entityPath: `${t.fullName}.${f.name}`, entityType: 'sr_field', tags });
        walk(f.type);
      }
    }
  };
  walk(schema.root);
  return out;
}
