import type { JsonValue } from '../json/parse.js';
import { ANNOTATION_CHANGES, type ChangeType } from './changes.js';
import type { JsonSchemaChange } from './diff.js';

/** What a change means for the data, in a sentence, and how to make it compatible. */
export interface ChangeExplanation {
  message: string;
  fix: string;
}

function tokens(path: string): string[] {
  const body = path.replace(/^#\/?/, '');
  return body === '' ? [] : body.split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function pathOf(t: readonly string[]): string {
  return `#/${t.map((x) => x.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

/** "property 'age'", "item 0", "the root schema", "the schema at #/allOf/1". */
export function subjectOf(t: readonly string[]): string {
  const n = t.length;
  if (n === 0) return 'the root schema';
  const last = t[n - 1]!;
  const parent = t[n - 2];
  if (parent === 'properties') return `property '${last}'`;
  if ((parent === 'items' || parent === 'prefixItems') && /^\d+$/.test(last)) return `item ${last}`;
  if (last === 'items' || last === 'additionalItems') return `the items of ${subjectOf(t.slice(0, -1))}`;
  if (last === 'additionalProperties') return `the additional properties of ${subjectOf(t.slice(0, -1))}`;
  return `the schema at ${pathOf(t)}`;
}

const fmt = (v: JsonValue | undefined): string => (v === undefined ? 'none' : JsonStringify(v));
function JsonStringify(v: JsonValue): string {
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

type Explain = (c: JsonSchemaChange, owner: string, last: string) => ChangeExplanation;

const bound = (
  what: string,
  looser: string,
  tighter: string,
): Record<'ADDED' | 'REMOVED' | 'INCREASED' | 'DECREASED', Explain> => {
  const make =
    (verb: string, fixText: (l: string) => string): Explain =>
    (c, owner, last) => ({
      message: `${what} (${last}) of ${owner} ${verb}${c.from !== undefined || c.to !== undefined ? ` (${fmt(c.from)} → ${fmt(c.to)})` : ''}`,
      fix: fixText(last),
    });
  const tightening = (l: string): string =>
    `keep '${l}' ${looser === 'higher' ? 'at least' : 'at most'} what it was (${tighter}), or accept the break with a new subject`;
  const fine = (): string => 'no change needed: every value accepted before is still accepted';
  return {
    ADDED: make('was added', (l) => `remove '${l}', or accept the break with a new subject`),
    REMOVED: make('was removed', fine),
    INCREASED: make('was increased', looser === 'higher' ? fine : tightening),
    DECREASED: make('was decreased', looser === 'higher' ? tightening : fine),
  };
};

const fixNewSubject = 'or publish the change under a new subject';

const EXPLAIN: Partial<Record<ChangeType, Explain>> = {
  ID_CHANGED: (c, o) => ({
    message: `the $id of ${o} changed (${fmt(c.from)} → ${fmt(c.to)})`,
    fix: 'no change needed: $id does not restrict data',
  }),
  TITLE_CHANGED: (_c, o) => ({ message: `the title of ${o} changed`, fix: 'no change needed' }),
  DESCRIPTION_CHANGED: (_c, o) => ({ message: `the description of ${o} changed`, fix: 'no change needed' }),
  DEFAULT_CHANGED: (c, o) => ({
    message: `the default of ${o} changed (${fmt(c.from)} → ${fmt(c.to)})`,
    fix: 'no change needed: defaults do not restrict data',
  }),
  SCHEMA_ADDED: (_c, _o, last) => ({
    message: `a '${last}' schema was added where there was none, so values it rejects are no longer accepted`,
    fix: `remove '${last}', or make it the empty schema {}, ${fixNewSubject}`,
  }),
  SCHEMA_REMOVED: (_c, _o, last) => ({
    message: `the '${last}' schema was removed`,
    fix: 'no change needed: the constraint is gone',
  }),
  TYPE_EXTENDED: (c, o) => ({
    message: `the type of ${o} was extended (${fmt(c.from)} → ${fmt(c.to)})`,
    fix: 'no change needed',
  }),
  TYPE_NARROWED: (c, o) => ({
    message: `the type of ${o} was narrowed (${fmt(c.from)} → ${fmt(c.to)}): values valid before are now rejected`,
    fix: `keep the type ${fmt(c.from)}, ${fixNewSubject}`,
  }),
  TYPE_CHANGED: (c, o) => ({
    message: `the type of ${o} changed (${fmt(c.from)} → ${fmt(c.to)})`,
    fix: `keep the type ${fmt(c.from)}, or accept both with {"oneOf": [old, new]}`,
  }),
  PATTERN_ADDED: (c, o) => ({
    message: `a pattern ${fmt(c.to)} was added to ${o}`,
    fix: `remove the pattern, ${fixNewSubject}`,
  }),
  PATTERN_REMOVED: (_c, o) => ({ message: `the pattern of ${o} was removed`, fix: 'no change needed' }),
  PATTERN_CHANGED: (c, o) => ({
    message: `the pattern of ${o} changed (${fmt(c.from)} → ${fmt(c.to)})`,
    fix: `keep the pattern ${fmt(c.from)}, ${fixNewSubject}`,
  }),
  MULTIPLE_OF_ADDED: (c, o) => ({
    message: `multipleOf ${fmt(c.to)} was added to ${o}`,
    fix: `remove multipleOf, ${fixNewSubject}`,
  }),
  MULTIPLE_OF_REMOVED: (_c, o) => ({ message: `multipleOf was removed from ${o}`, fix: 'no change needed' }),
  MULTIPLE_OF_REDUCED: (c, o) => ({
    message: `multipleOf of ${o} was reduced to a divisor (${fmt(c.from)} → ${fmt(c.to)})`,
    fix: 'no change needed',
  }),
  MULTIPLE_OF_EXPANDED: (c, o) => ({
    message: `multipleOf of ${o} was expanded to a multiple (${fmt(c.from)} → ${fmt(c.to)}): fewer numbers are accepted`,
    fix: `use a divisor of ${fmt(c.from)} instead`,
  }),
  MULTIPLE_OF_CHANGED: (c, o) => ({
    message: `multipleOf of ${o} changed (${fmt(c.from)} → ${fmt(c.to)}): numbers valid before are rejected`,
    fix: `use a divisor of ${fmt(c.from)} instead`,
  }),
  REQUIRED_ATTRIBUTE_ADDED: (_c, _o, last) => ({
    message: `'${last}' became required: documents without it are now rejected`,
    fix: `leave '${last}' optional, or give it a default`,
  }),
  REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED: (_c, _o, last) => ({
    message: `'${last}' became required and has a default`,
    fix: 'no change needed',
  }),
  REQUIRED_ATTRIBUTE_REMOVED: (_c, _o, last) => ({
    message: `'${last}' is no longer required`,
    fix: 'no change needed',
  }),
  DEPENDENCY_ARRAY_ADDED: (c, _o, last) => ({
    message: `a dependency of '${last}' on ${fmt(c.to)} was added`,
    fix: `remove the dependency of '${last}', ${fixNewSubject}`,
  }),
  DEPENDENCY_ARRAY_REMOVED: (_c, _o, last) => ({
    message: `the dependency of '${last}' was removed`,
    fix: 'no change needed',
  }),
  DEPENDENCY_ARRAY_EXTENDED: (c, _o, last) => ({
    message: `'${last}' now requires more properties (${fmt(c.from)} → ${fmt(c.to)})`,
    fix: `keep the dependency of '${last}' as it was (${fmt(c.from)})`,
  }),
  DEPENDENCY_ARRAY_NARROWED: (c, _o, last) => ({
    message: `'${last}' now requires fewer properties (${fmt(c.from)} → ${fmt(c.to)})`,
    fix: 'no change needed',
  }),
  DEPENDENCY_ARRAY_CHANGED: (c, _o, last) => ({
    message: `the properties '${last}' requires changed (${fmt(c.from)} → ${fmt(c.to)})`,
    fix: `keep the dependency of '${last}' a subset of ${fmt(c.from)}`,
  }),
  DEPENDENCY_SCHEMA_ADDED: (_c, _o, last) => ({
    message: `a schema dependency for '${last}' was added`,
    fix: `remove the schema dependency of '${last}', ${fixNewSubject}`,
  }),
  DEPENDENCY_SCHEMA_REMOVED: (_c, _o, last) => ({
    message: `the schema dependency of '${last}' was removed`,
    fix: 'no change needed',
  }),
  ADDITIONAL_PROPERTIES_ADDED: (_c, o) => ({
    message: `${o} now allows additional properties`,
    fix: 'no change needed',
  }),
  ADDITIONAL_PROPERTIES_REMOVED: (_c, o) => ({
    message: `${o} no longer allows additional properties (additionalProperties: false): documents with extra properties are rejected`,
    fix: 'leave additionalProperties open, or use the lenient policy',
  }),
  ADDITIONAL_PROPERTIES_EXTENDED: (_c, o) => ({
    message: `the schema for additional properties of ${o} was removed, so any additional property is allowed`,
    fix: 'no change needed',
  }),
  ADDITIONAL_PROPERTIES_NARROWED: (_c, o) => ({
    message: `additional properties of ${o} must now match a schema`,
    fix: 'leave additionalProperties open, or use the lenient policy',
  }),
  UNEVALUATED_PROPERTIES_ADDED: (_c, o) => ({
    message: `${o} now allows unevaluated properties`,
    fix: 'no change needed',
  }),
  UNEVALUATED_PROPERTIES_REMOVED: (_c, o) => ({
    message: `${o} no longer allows unevaluated properties`,
    fix: 'leave unevaluatedProperties open, or use the lenient policy',
  }),
  UNEVALUATED_PROPERTIES_EXTENDED: (_c, o) => ({
    message: `the schema for unevaluated properties of ${o} was removed`,
    fix: 'no change needed',
  }),
  UNEVALUATED_PROPERTIES_NARROWED: (_c, o) => ({
    message: `unevaluated properties of ${o} must now match a schema`,
    fix: 'leave unevaluatedProperties open, or use the lenient policy',
  }),
  PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' with an empty schema was added to an open object`,
    fix: 'no change needed',
  }),
  REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `required property '${last}' was added to an open object: old documents may lack it or hold any value under that name`,
    fix: `make '${last}' optional with an empty schema {}, or close the object in an earlier version`,
  }),
  REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `required property '${last}' (with a default) was added to an open object: old documents may hold any value under that name`,
    fix: `give '${last}' the empty schema {}, close the object in an earlier version, or use the lenient policy`,
  }),
  OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' was added to an open object: old documents may already hold any value under that name`,
    fix: `close the object (additionalProperties: false) in an earlier version, give '${last}' the empty schema {}, or use the lenient policy`,
  }),
  REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `required property '${last}' was added to a closed object: old documents do not have it`,
    fix: `make '${last}' optional or give it a default`,
  }),
  REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `required property '${last}' with a default was added to a closed object`,
    fix: 'no change needed',
  }),
  OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `optional property '${last}' was added to a closed object`,
    fix: 'no change needed',
  }),
  PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' was removed from an open object (it is still allowed as an additional property)`,
    fix: 'no change needed',
  }),
  PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' was removed from a closed object: old documents that have it are now rejected`,
    fix: `keep '${last}' (it may be deprecated in its description), set it to false only in a new subject, or use the lenient policy`,
  }),
  PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' (which was forbidden with false) was removed from a closed object`,
    fix: 'no change needed',
  }),
  PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' was added and accepts everything the additional/pattern properties accepted`,
    fix: 'no change needed',
  }),
  PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' was added with a schema narrower than the additional/pattern properties that covered it before`,
    fix: `give '${last}' a schema that accepts what additionalProperties/patternProperties accepted, or use the lenient policy`,
  }),
  PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' was removed and its values are still accepted by the additional/pattern properties`,
    fix: 'no change needed',
  }),
  PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' was removed and the additional/pattern properties reject values it accepted`,
    fix: `keep '${last}', widen additionalProperties/patternProperties to accept its values, or use the lenient policy`,
  }),
  UNIQUE_ITEMS_ADDED: (_c, o) => ({
    message: `${o} now requires unique items`,
    fix: `remove uniqueItems, ${fixNewSubject}`,
  }),
  UNIQUE_ITEMS_REMOVED: (_c, o) => ({
    message: `${o} no longer requires unique items`,
    fix: 'no change needed',
  }),
  ADDITIONAL_ITEMS_ADDED: (_c, o) => ({
    message: `${o} now allows additional items`,
    fix: 'no change needed',
  }),
  ADDITIONAL_ITEMS_REMOVED: (_c, o) => ({
    message: `${o} no longer allows additional items: longer arrays are rejected`,
    fix: 'leave additional items open',
  }),
  ADDITIONAL_ITEMS_EXTENDED: (_c, o) => ({
    message: `the schema for additional items of ${o} was removed`,
    fix: 'no change needed',
  }),
  ADDITIONAL_ITEMS_NARROWED: (_c, o) => ({
    message: `additional items of ${o} must now match a schema`,
    fix: 'leave additional items open',
  }),
  UNEVALUATED_ITEMS_ADDED: (_c, o) => ({
    message: `${o} now allows unevaluated items`,
    fix: 'no change needed',
  }),
  UNEVALUATED_ITEMS_REMOVED: (_c, o) => ({
    message: `${o} no longer allows unevaluated items`,
    fix: 'leave unevaluatedItems open',
  }),
  UNEVALUATED_ITEMS_EXTENDED: (_c, o) => ({
    message: `the schema for unevaluated items of ${o} was removed`,
    fix: 'no change needed',
  }),
  UNEVALUATED_ITEMS_NARROWED: (_c, o) => ({
    message: `unevaluated items of ${o} must now match a schema`,
    fix: 'leave unevaluatedItems open',
  }),
  ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `item ${last} with an empty schema was added to an open array`,
    fix: 'no change needed',
  }),
  ITEM_ADDED_TO_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `a schema for item ${last} was added to an array that accepted any item there`,
    fix: `give item ${last} the empty schema {}, or close the array (additional items false) in an earlier version`,
  }),
  ITEM_ADDED_TO_CLOSED_CONTENT_MODEL: (_c, _o, last) => ({
    message: `item ${last} was added to a closed array`,
    fix: 'no change needed',
  }),
  ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `the schema of item ${last} was removed from an open array`,
    fix: 'no change needed',
  }),
  ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL: (_c, _o, last) => ({
    message: `item ${last} was removed from a closed array: old arrays that have it are now rejected`,
    fix: `keep item ${last}, or allow additional items`,
  }),
  ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL: (_c, _o, last) => ({
    message: `item ${last} (forbidden with false) was removed from a closed array`,
    fix: 'no change needed',
  }),
  ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `item ${last} was added and accepts everything the additional items accepted`,
    fix: 'no change needed',
  }),
  ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `item ${last} was added with a schema narrower than the additional items that covered it before`,
    fix: `give item ${last} a schema that accepts what the additional items accepted`,
  }),
  ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `item ${last} was removed and its values are still accepted by the additional items`,
    fix: 'no change needed',
  }),
  ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `item ${last} was removed and the additional items reject values it accepted`,
    fix: `keep item ${last}, or widen the additional items schema`,
  }),
  ENUM_ARRAY_EXTENDED: (c, o) => ({
    message: `the allowed values of ${o} were extended (${fmt(c.from)} → ${fmt(c.to)})`,
    fix: 'no change needed',
  }),
  ENUM_ARRAY_NARROWED: (c, o) => ({
    message: `the allowed values of ${o} were narrowed (${fmt(c.from)} → ${fmt(c.to)}): old values are rejected`,
    fix: `keep every value of ${fmt(c.from)}`,
  }),
  ENUM_ARRAY_CHANGED: (c, o) => ({
    message: `the allowed values of ${o} changed (${fmt(c.from)} → ${fmt(c.to)}): old values are rejected`,
    fix: `keep every value of ${fmt(c.from)} and only add new ones`,
  }),
  COMBINED_TYPE_EXTENDED: (c, o) => ({
    message: `${o} changed from ${fmt(c.from)} to anyOf, which accepts more`,
    fix: 'no change needed',
  }),
  COMBINED_TYPE_CHANGED: (c, o) => ({
    message: `${o} changed from ${fmt(c.from)} to ${fmt(c.to)}`,
    fix: `keep ${fmt(c.from)}, or change it to anyOf`,
  }),
  PRODUCT_TYPE_EXTENDED: (_c, o) => ({
    message: `a constraint was added to ${o} (allOf grew)`,
    fix: `remove the added constraint, ${fixNewSubject}`,
  }),
  PRODUCT_TYPE_NARROWED: (_c, o) => ({
    message: `a constraint was removed from ${o} (allOf shrank)`,
    fix: 'no change needed',
  }),
  SUM_TYPE_EXTENDED: (_c, o) => ({
    message: `${o} accepts more alternatives (oneOf/anyOf grew)`,
    fix: 'no change needed',
  }),
  SUM_TYPE_NARROWED: (_c, o) => ({
    message: `an alternative was removed from ${o} (oneOf/anyOf shrank): data matching it is rejected`,
    fix: 'keep every alternative, and only add new ones',
  }),
  COMBINED_TYPE_SUBSCHEMAS_CHANGED: (c, o) => ({
    message: `the subschemas of ${o} changed so that some old subschema has no compatible counterpart${Array.isArray(c.from) && c.from.length > 0 ? ` (${c.from.join(', ')})` : ''}`,
    fix: 'keep each old subschema (reordering is fine) and only loosen them',
  }),
  NOT_TYPE_EXTENDED: (_c, o) => ({
    message: `the 'not' of ${o} excludes more values than before`,
    fix: "keep the 'not' schema as it was, or narrow it",
  }),
  NOT_TYPE_NARROWED: (_c, o) => ({
    message: `the 'not' of ${o} excludes fewer values than before`,
    fix: 'no change needed',
  }),
};

function boundsFor(prefix: string, what: string, looser: 'higher' | 'lower'): void {
  const b = bound(what, looser, looser === 'higher' ? 'raise it or leave it' : 'lower it or leave it');
  for (const [suffix, fn] of Object.entries(b)) EXPLAIN[`${prefix}_${suffix}` as ChangeType] = fn;
}
boundsFor('MAX_LENGTH', 'the maximum length', 'higher');
boundsFor('MIN_LENGTH', 'the minimum length', 'lower');
boundsFor('MAXIMUM', 'the maximum', 'higher');
boundsFor('MINIMUM', 'the minimum', 'lower');
boundsFor('EXCLUSIVE_MAXIMUM', 'the exclusive maximum', 'higher');
boundsFor('EXCLUSIVE_MINIMUM', 'the exclusive minimum', 'lower');
boundsFor('MAX_PROPERTIES', 'the maximum number of properties', 'higher');
boundsFor('MIN_PROPERTIES', 'the minimum number of properties', 'lower');
boundsFor('MAX_ITEMS', 'the maximum number of items', 'higher');
boundsFor('MIN_ITEMS', 'the minimum number of items', 'lower');
boundsFor('MAX_CONTAINS', 'the maximum number of matching items', 'higher');
boundsFor('MIN_CONTAINS', 'the minimum number of matching items', 'lower');

/** How many trailing path tokens name the keyword rather than the schema it belongs to. */
function keywordDepth(type: ChangeType): number {
  if (type.startsWith('REQUIRED_ATTRIBUTE') || type.startsWith('DEPENDENCY_')) return 2;
  // Annotation changes carry the schema's own path (`#/properties/a`), as in the registry.
  if (ANNOTATION_CHANGES.has(type)) return 0;
  if (type.includes('TYPE') && !type.startsWith('NOT_')) return 0;
  if (type.includes('PROPERTY_') || type.startsWith('ITEM_')) return 0;
  return 1;
}

/** A sentence for what changed and one for how to make it compatible. */
export function explainChange(c: JsonSchemaChange): ChangeExplanation {
  const t = tokens(c.path);
  const last = t[t.length - 1] ?? '';
  const owner = subjectOf(t.slice(0, t.length - keywordDepth(c.type)));
  const explain = EXPLAIN[c.type];
  if (explain === undefined) return { message: `${c.type} at ${c.path}`, fix: 'revert this change' };
  return explain(c, owner, last);
}

/**
 * For FORWARD checks (old schema reads new data) the registry diffs from the new schema back to the old
 * one, so its change names describe the edit backwards. These sentences describe the user's own edit.
 */
const FORWARD: Partial<Record<ChangeType, Explain>> = {
  PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' was added, but the old schema is closed (additionalProperties: false), so its readers reject data that has it`,
    fix: `open the object in the old version first, or keep '${last}' out of the new schema`,
  }),
  PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' was added with values the old schema's additional/pattern properties reject`,
    fix: `give '${last}' a schema within what additionalProperties/patternProperties allowed`,
  }),
  REQUIRED_ATTRIBUTE_ADDED: (_c, _o, last) => ({
    message: `'${last}' is no longer required, but readers of the old schema require it`,
    fix: `keep '${last}' required (or give it a default in the old version)`,
  }),
  TYPE_NARROWED: (c, o) => ({
    message: `the type of ${o} was widened (${fmt(c.to)} → ${fmt(c.from)}): readers of the old schema reject the new values`,
    fix: `keep the type ${fmt(c.to)}`,
  }),
  TYPE_CHANGED: (c, o) => ({
    message: `the type of ${o} changed (${fmt(c.to)} → ${fmt(c.from)})`,
    fix: `keep the type ${fmt(c.to)}`,
  }),
  ENUM_ARRAY_NARROWED: (c, o) => ({
    message: `values were added to ${o} (${fmt(c.to)} → ${fmt(c.from)}): readers of the old schema reject them`,
    fix: `add values only where readers use a schema that has them`,
  }),
  SUM_TYPE_NARROWED: (_c, o) => ({
    message: `an alternative was added to ${o}: readers of the old schema reject data matching it`,
    fix: 'remove the new alternative',
  }),
  ADDITIONAL_PROPERTIES_REMOVED: (_c, o) => ({
    message: `${o} now allows additional properties, which readers of the old (closed) schema reject`,
    fix: 'keep additionalProperties: false',
  }),
  OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL: (_c, _o, last) => ({
    message: `property '${last}' was removed from an open object; readers of the old schema still expect its type there`,
    fix: `keep '${last}' in the schema (mark it deprecated in its description), or use the lenient policy`,
  }),
};

/** As `explainChange`, for a change found by a check in which the old schema is the reader. */
export function explainForwardChange(c: JsonSchemaChange): ChangeExplanation {
  const t = tokens(c.path);
  const last = t[t.length - 1] ?? '';
  const owner = subjectOf(t.slice(0, t.length - keywordDepth(c.type)));
  const forward = FORWARD[c.type];
  if (forward !== undefined) return forward(c, owner, last);
  const base = explainChange(c);
  return {
    message: `readers of the old schema cannot read all new data: going from the new schema back to the old one, ${base.message}`,
    fix: `make the new schema accept nothing at ${c.path} that the old one rejects`,
  };
}
