import { RegistryHttpError, RegistryErrors } from './errors.js';
import type { JsonObject, RegistryConfig } from './types.js';

/**
 * Data contracts (§3.10): `metadata` and `ruleSet` as the registry reads, compares, merges and checks
 * them. Both are kept in the registry's own shape: metadata `{tags, properties, sensitive}` with keys
 * and sets sorted and empty parts left out; rules with their defaults (`kind` TRANSFORM, `mode`
 * WRITEREAD, `disabled` false) and sorted `tags` and `params`.
 */

export const CONFLUENT_VERSION = 'confluent:version';

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function mismatch(field: string, expected: string): never {
  throw RegistryErrors.badRequest(`Cannot deserialize field '${field}': expected ${expected}`);
}

/** Jackson reads a scalar into a String field as its text. */
function text(v: unknown, field: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return mismatch(field, 'a string');
}

function stringSet(v: unknown, field: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return mismatch(field, 'an array of strings');
  return [...new Set(v.map((x) => text(x, field)))].sort(byKey);
}

function stringMap(v: unknown, field: string): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (!isObject(v)) return mismatch(field, 'an object of strings');
  const out: Record<string, string> = {};
  for (const k of Object.keys(v).sort(byKey)) {
    const value = v[k];
    if (value !== null && value !== undefined) out[k] = text(value, `${field}.${k}`);
  }
  return out;
}

/** Metadata in the registry's shape; a wrong field type is a 400. */
export function canonicalMetadata(raw: JsonObject): JsonObject {
  const out: JsonObject = {};
  const tagsRaw = raw['tags'];
  if (tagsRaw !== undefined && tagsRaw !== null) {
    if (!isObject(tagsRaw)) mismatch('metadata.tags', 'an object of string arrays');
    const tags: Record<string, string[]> = {};
    for (const k of Object.keys(tagsRaw).sort(byKey)) tags[k] = stringSet(tagsRaw[k], `metadata.tags.${k}`);
    if (Object.keys(tags).length > 0) out['tags'] = tags;
  }
  const properties = stringMap(raw['properties'], 'metadata.properties');
  if (Object.keys(properties).length > 0) out['properties'] = properties;
  const sensitive = stringSet(raw['sensitive'], 'metadata.sensitive');
  if (sensitive.length > 0) out['sensitive'] = sensitive;
  return out;
}

const KINDS = ['TRANSFORM', 'CONDITION'];
const MODES = ['UPGRADE', 'DOWNGRADE', 'UPDOWN', 'WRITE', 'READ', 'WRITEREAD'];
const ENVIRONMENTS = ['CLIENT', 'SERVER', 'ALL'];

function enumValue(v: unknown, field: string, values: readonly string[], fallback: string): string {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'string' || !values.includes(v)) return mismatch(field, `one of ${values.join(', ')}`);
  return v;
}

function canonicalRule(raw: unknown, field: string): JsonObject {
  if (!isObject(raw)) return mismatch(field, 'an object');
  const out: JsonObject = {};
  for (const k of ['name', 'doc'] as const) {
    if (raw[k] !== undefined && raw[k] !== null) out[k] = text(raw[k], `${field}.${k}`);
  }
  out['kind'] = enumValue(raw['kind'], `${field}.kind`, KINDS, 'TRANSFORM');
  out['mode'] = enumValue(raw['mode'], `${field}.mode`, MODES, 'WRITEREAD');
  if (raw['type'] !== undefined && raw['type'] !== null) out['type'] = text(raw['type'], `${field}.type`);
  const tags = stringSet(raw['tags'], `${field}.tags`);
  if (tags.length > 0) out['tags'] = tags;
  const params = stringMap(raw['params'], `${field}.params`);
  if (Object.keys(params).length > 0) out['params'] = params;
  for (const k of ['expr', 'onSuccess', 'onFailure'] as const) {
    if (raw[k] !== undefined && raw[k] !== null) out[k] = text(raw[k], `${field}.${k}`);
  }
  const disabled = raw['disabled'];
  if (disabled !== undefined && disabled !== null && typeof disabled !== 'boolean')
    mismatch(`${field}.disabled`, 'a boolean');
  out['disabled'] = disabled === true;
  return out;
}

export const PHASES = ['migrationRules', 'domainRules', 'encodingRules'] as const;
export type RulePhase = (typeof PHASES)[number];

/** A rule set in the registry's shape; a wrong field type is a 400. */
export function canonicalRuleSet(raw: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const phase of PHASES) {
    const list = raw[phase];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) mismatch(`ruleSet.${phase}`, 'an array of rules');
    if (list.length > 0) out[phase] = list.map((r, i) => canonicalRule(r, `ruleSet.${phase}[${i}]`));
  }
  if (raw['enableAt'] !== undefined && raw['enableAt'] !== null)
    out['enableAt'] = enumValue(raw['enableAt'], 'ruleSet.enableAt', ENVIRONMENTS, 'ALL');
  return out;
}

/** The rules of one phase (none when absent). */
export function rules(ruleSet: JsonObject | undefined, phase: RulePhase): JsonObject[] {
  const list = ruleSet?.[phase];
  return Array.isArray(list) ? (list as JsonObject[]) : [];
}

// ---- comparing -------------------------------------------------------------------------------

/** A comparable text of metadata in any shape we may hold (stored entries may predate canonical shapes). */
export function metadataKey(m: JsonObject | undefined): string {
  if (m === undefined) return '';
  try {
    return JSON.stringify(canonicalMetadata(m));
  } catch (e) {
    if (e instanceof RegistryHttpError) return JSON.stringify(m);
    throw e;
  }
}

export function ruleSetKey(r: JsonObject | undefined): string {
  if (r === undefined) return '';
  try {
    return JSON.stringify(canonicalRuleSet(r));
  } catch (e) {
    if (e instanceof RegistryHttpError) return JSON.stringify(r);
    throw e;
  }
}

function propertiesOf(m: JsonObject | undefined): Record<string, string> {
  const p = m?.['properties'];
  return isObject(p) ? (p as Record<string, string>) : {};
}

/** `confluent:version` as a number, when it is one (the registry ignores one that does not parse). */
export function confluentVersionOf(m: JsonObject | undefined): number | undefined {
  const v = propertiesOf(m)[CONFLUENT_VERSION];
  if (typeof v !== 'string' || !/^[-+]?\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n >= -(2 ** 31) && n < 2 ** 31 ? n : undefined;
}

export function hasConfluentVersion(m: JsonObject | undefined): boolean {
  return propertiesOf(m)[CONFLUENT_VERSION] !== undefined;
}

export function withoutConfluentVersion(m: JsonObject | undefined): JsonObject {
  if (m === undefined) return {};
  const { [CONFLUENT_VERSION]: _dropped, ...properties } = propertiesOf(m);
  return canonicalMetadata({ ...m, properties });
}

export function withConfluentVersion(m: JsonObject | undefined, version: number): JsonObject {
  return canonicalMetadata({
    ...m,
    properties: { ...propertiesOf(m), [CONFLUENT_VERSION]: String(version) },
  });
}

// ---- merging ---------------------------------------------------------------------------------

function mergeObjects(a: unknown, b: unknown): unknown {
  const left = isObject(a) ? a : {};
  const right = isObject(b) ? b : {};
  if (Object.keys(left).length === 0) return b;
  if (Object.keys(right).length === 0) return a;
  return { ...left, ...right };
}

function mergeSets(a: unknown, b: unknown): unknown {
  const left = Array.isArray(a) ? a : [];
  const right = Array.isArray(b) ? b : [];
  if (left.length === 0) return b;
  if (right.length === 0) return a;
  return [...left, ...right];
}

/** `Metadata.mergeMetadata(old, new)`: `new`'s tags and properties over `old`'s, sensitive united. */
export function mergeMetadata(
  older: JsonObject | undefined,
  newer: JsonObject | undefined,
): JsonObject | undefined {
  if (older === undefined) return newer;
  if (newer === undefined) return older;
  return canonicalMetadata({
    tags: mergeObjects(older['tags'], newer['tags']),
    properties: mergeObjects(older['properties'], newer['properties']),
    sensitive: mergeSets(older['sensitive'], newer['sensitive']),
  });
}

/** `RuleSet.mergeRuleSets(old, new)`: per phase, `old`'s rules without those `new` names, then `new`'s. */
export function mergeRuleSets(
  older: JsonObject | undefined,
  newer: JsonObject | undefined,
): JsonObject | undefined {
  if (older === undefined) return newer;
  if (newer === undefined) return older;
  const out: JsonObject = {};
  for (const phase of PHASES) {
    const a = rules(older, phase);
    const b = rules(newer, phase);
    const names = new Set(b.map((r) => r['name']));
    const merged =
      a.length === 0 ? b : b.length === 0 ? a : [...a.filter((r) => !names.has(r['name'])), ...b];
    if (merged.length > 0) out[phase] = merged;
  }
  const enableAt = newer['enableAt'] ?? older['enableAt'];
  if (enableAt !== undefined) out['enableAt'] = enableAt;
  return out;
}

export interface Contract {
  metadata?: JsonObject | undefined;
  ruleSet?: JsonObject | undefined;
}

/**
 * `maybeSetMetadataRuleSet`: the request's metadata and rules (or, when it gives none, the previous
 * version's), under the config's defaults and over its overrides. With `newVersion`, the
 * `confluent:version` property is set to it when the request names a version or the merged metadata
 * already has one.
 */
export function mergeContract(
  config: RegistryConfig,
  request: Contract,
  previous: Contract | undefined,
  newVersion?: { version: number; requested: boolean },
): Contract {
  const specificMetadata = request.metadata ?? previous?.metadata;
  let metadata = mergeMetadata(
    mergeMetadata(config.defaultMetadata, specificMetadata),
    config.overrideMetadata,
  );
  const specificRules = request.ruleSet ?? previous?.ruleSet;
  const ruleSet = mergeRuleSets(mergeRuleSets(config.defaultRuleSet, specificRules), config.overrideRuleSet);
  if (newVersion !== undefined && (newVersion.requested || hasConfluentVersion(metadata)))
    metadata = withConfluentVersion(metadata, newVersion.version);
  return { metadata, ruleSet };
}

/** The value of the config's `compatibilityGroup` property in a schema's metadata. */
export function compatibilityGroupValue(metadata: JsonObject | undefined, group: string): string | undefined {
  return propertiesOf(metadata)[group];
}

export function hasDefaultsOrOverrides(config: RegistryConfig): boolean {
  return (
    config.defaultMetadata !== undefined ||
    config.overrideMetadata !== undefined ||
    config.defaultRuleSet !== undefined ||
    config.overrideRuleSet !== undefined
  );
}
