import { asMap, canonicalProto } from '../../formats/protobuf/canonical.js';
import type {
  FieldElement,
  MessageElement,
  OptionElement,
  OptionValue,
  ProtoFile,
  TypeElement,
} from '../../formats/protobuf/model.js';
import { parseProtoText } from '../../formats/protobuf/syntax.js';
import { RegistryErrors } from './errors.js';
import type { SchemaTags } from './tags.js';

/**
 * Schema tags on Protobuf, as the registry's `ProtobufSchema`: a message's tags are its
 * `(confluent.message_meta).tags` option, a field's its `(confluent.field_meta).tags`. Entities are
 * named by message path without the package (`Outer.Inner`, `Outer.field`, `Outer.oneof.field`),
 * a leading dot ignored.
 */

const MESSAGE_META = 'confluent.message_meta';
const FIELD_META = 'confluent.field_meta';
const TAGS_FIELD = 'tags';

type MapValue = OptionValue & { kind: 'MAP' };
type EntryValue = MapValue['entries'][number][1];

const normalizedPath = (path: string): string => (path.startsWith('.') ? path.slice(1) : path);

/** Java's `String.hashCode()`. */
function javaHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * The iteration order of the `java.util.HashMap` that `Collectors.toMap` fills with these keys: the
 * registry merges an edited element's options into one such map and writes them back in its order.
 * Buckets in index order; `HashMap.merge` puts a new key at the head of its bucket, and resizes
 * only before an insert that finds the map over its threshold.
 */
function hashMapOrder<T>(entries: Array<[string, T]>): T[] {
  let capacity = 16;
  while (entries.length - 1 > capacity * 0.75) capacity *= 2;
  const bucket = (key: string): number => {
    const h = javaHash(key);
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  return entries
    .map(([key, value], i) => ({ b: bucket(key), i, value }))
    .sort((x, y) => x.b - y.b || y.i - x.i)
    .map((e) => e.value);
}

const asItems = (v: EntryValue): OptionValue[] => (Array.isArray(v) ? v : v.kind === 'LIST' ? v.items : [v]);

/** Two values of a repeated field: one list, each value once (a `LinkedHashSet`). */
function union(a: EntryValue, b: EntryValue): OptionValue {
  const seen = new Map<string, OptionValue>();
  for (const v of [...asItems(a), ...asItems(b)])
    seen.set(JSON.stringify(v), seen.get(JSON.stringify(v)) ?? v);
  return { kind: 'LIST', items: [...seen.values()] };
}

/** The registry's `merge`: two maps merge key by key (a key in both becomes a list); else the later wins. */
function merge(existing: OptionElement, replacement: OptionElement): OptionElement {
  if (existing.kind !== 'MAP' || replacement.kind !== 'MAP') return replacement;
  const entries: MapValue['entries'] = (existing.value as MapValue).entries.map(([k, v]) => [k, v]);
  for (const [key, value] of (replacement.value as MapValue).entries) {
    const at = entries.findIndex(([k]) => k === key);
    if (at < 0) entries.push([key, value]);
    else entries[at] = [key, union((entries[at] as [string, EntryValue])[1], value)];
  }
  return { ...replacement, value: { kind: 'MAP', entries } };
}

/** The registry's `mergeOptions`: one option per name (`(a).b = x` read as `(a) = { b: x }`). */
function mergeOptions(options: readonly OptionElement[]): Map<string, OptionElement> {
  const out = new Map<string, OptionElement>();
  for (const o of options) {
    const key = normalizedPath(o.name);
    const seen = out.get(key);
    out.set(key, seen === undefined ? asMap(o) : merge(seen, asMap(o)));
  }
  return out;
}

function tagsOf(options: readonly OptionElement[], metaName: string): string[] {
  const meta = mergeOptions(options).get(metaName);
  if (meta?.kind !== 'MAP') return [];
  const tags = (meta.value as MapValue).entries.find(([k]) => k === TAGS_FIELD)?.[1];
  if (tags === undefined) return [];
  return [...new Set(asItems(tags).flatMap((v) => ('value' in v ? [v.value] : [])))];
}

const messages = (types: readonly TypeElement[]): MessageElement[] =>
  types.filter((t): t is MessageElement => t.kind === 'message');

function noMatch(what: string, name: string): never {
  throw RegistryErrors.invalidSchema(
    `java.lang.IllegalArgumentException: No matching ${what} with name '${name}' found in the schema`,
  );
}

/** The registry's `findMatchingElement`: messages by nested name, then a field (possibly in a oneof). */
function findElement(file: ProtoFile, entity: SchemaTags): MessageElement | FieldElement {
  const ids = normalizedPath(entity.entityPath).split('.');
  const isField = entity.entityType === 'sr_field';
  const end = isField ? ids.length - 1 : ids.length;
  let message: MessageElement | undefined;
  let i = 0;
  for (; i < end; i++) {
    const name = ids[i] as string;
    const found = messages(message === undefined ? file.types : message.nestedTypes).find(
      (m) => m.name === name,
    );
    if (found !== undefined) message = found;
    else if (isField && i === end - 1) break;
    else return noMatch('Message', name);
  }
  if (!isField) return message as MessageElement;
  const fieldName = ids[ids.length - 1] as string;
  if (message === undefined) return noMatch('Field', fieldName);
  const oneOfs = i === end ? message.oneOfs : message.oneOfs.filter((o) => o.name === ids[i]).slice(-1);
  const candidates =
    i === end ? [...message.fields, ...oneOfs.flatMap((o) => o.fields)] : oneOfs.flatMap((o) => o.fields);
  return candidates.find((f) => f.name === fieldName) ?? noMatch('Field', fieldName);
}

function withoutTags(meta: OptionElement, remove: ReadonlySet<string>): OptionElement | undefined {
  if (meta.kind !== 'MAP') return meta;
  const entries: MapValue['entries'] = [];
  for (const [key, value] of (meta.value as MapValue).entries) {
    if (key !== TAGS_FIELD) entries.push([key, value]);
    else {
      const left = asItems(value).filter((v) => !('value' in v && remove.has(v.value)));
      if (left.length > 0) entries.push([key, { kind: 'LIST', items: left }]);
    }
  }
  return entries.length === 0 ? undefined : { ...meta, value: { kind: 'MAP', entries } };
}

/** The element's options with tags added, then removed, merged and ordered as the registry writes them. */
function editedOptions(
  options: readonly OptionElement[],
  metaName: string,
  add: readonly string[],
  remove: readonly string[],
): OptionElement[] {
  const all = [...options];
  if (add.length > 0) {
    const items: OptionValue[] = add.map((t) => ({ kind: 'STRING', value: t }));
    const pos = { line: 0, column: 0 };
    const tags: OptionElement = {
      name: TAGS_FIELD,
      parenthesized: false,
      kind: 'LIST',
      value: { kind: 'LIST', items },
      pos,
    };
    all.push({ name: metaName, parenthesized: true, kind: 'OPTION', value: tags, pos });
  }
  const merged = mergeOptions(all);
  const meta = merged.get(metaName);
  if (remove.length > 0 && meta !== undefined) {
    const kept = withoutTags(meta, new Set(remove));
    if (kept === undefined) merged.delete(metaName);
    else merged.set(metaName, kept);
  }
  return hashMapOrder([...merged]);
}

/** `ProtobufSchema.copy(tagsToAdd, tagsToRemove)` on the canonical text; an unknown entity is 42201. */
export function applyProtobufTags(
  canonical: string,
  add: ReadonlyMap<string, SchemaTags>,
  remove: ReadonlyMap<string, SchemaTags>,
): string {
  const file = parseProtoText(canonical);
  for (const key of new Set([...add.keys(), ...remove.keys()])) {
    const entity = (add.get(key) ?? remove.get(key)) as SchemaTags;
    const element = findElement(file, entity);
    const metaName = entity.entityType === 'sr_record' ? MESSAGE_META : FIELD_META;
    element.options = editedOptions(
      element.options,
      metaName,
      add.get(key)?.tags ?? [],
      remove.get(key)?.tags ?? [],
    );
  }
  return canonicalProto(file);
}

/** The registry's `inlineTaggedEntities()` for Protobuf: tagged messages and fields, oneof fields first. */
export function protobufTaggedEntities(file: ProtoFile): SchemaTags[] {
  const out: SchemaTags[] = [];
  const walk = (list: readonly TypeElement[], scope: string): void => {
    for (const m of messages(list)) {
      const path = scope + m.name;
      const own = tagsOf(m.options, MESSAGE_META);
      if (own.length > 0) out.push({ entityPath: path, entityType: 'sr_record', tags: own });
      for (const f of [...m.oneOfs.flatMap((o) => o.fields), ...m.fields]) {
        const tags = tagsOf(f.options, FIELD_META);
        if (tags.length > 0) out.push({ entityPath: `${path}.${f.name}`, entityType: 'sr_field', tags });
      }
      walk(m.nestedTypes, `${path}.`);
    }
  };
  walk(file.types, '');
  return out;
}

/** Entity paths as the registry compares them (`.A.b` is `A.b`). */
export const normalizedEntities = (list: readonly SchemaTags[]): SchemaTags[] =>
  list.map((t) => ({ ...t, entityPath: normalizedPath(t.entityPath) }));
