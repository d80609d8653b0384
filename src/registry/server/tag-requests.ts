import {
  canonicalMetadata,
  canonicalRuleSet,
  mergeRuleSets,
  PHASES,
  withConfluentVersion,
} from './contracts.js';
import { RegistryErrors } from './errors.js';
import { validateRuleSet } from './rule-validation.js';
import { isObject, LATEST, requireObject, type SchemaRequest } from './params.js';
import { contextOf } from './qualified.js';
import type { RegistryService } from './service.js';
import { applySchemaTags } from './tagging.js';
import { parseSchemaTagsList } from './tags.js';
import type { JsonObject } from './types.js';

function objectField(o: JsonObject, field: string): JsonObject | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  if (!isObject(v))
    throw RegistryErrors.badRequest(`Cannot deserialize field '${field}': expected an object`);
  return v;
}

function stringList(o: JsonObject, field: string): string[] | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
    throw RegistryErrors.badRequest(`Cannot deserialize field '${field}': expected an array of strings`);
  return v as string[];
}

/** The previous rules with `rulesToMerge` merged in and `rulesToRemove` taken out, by name. */
function modifiedRuleSet(
  previous: JsonObject | undefined,
  toMerge: JsonObject | undefined,
  toRemove: readonly string[] | undefined,
): JsonObject | undefined {
  let ruleSet = toMerge === undefined ? previous : mergeRuleSets(previous, toMerge);
  if (ruleSet !== undefined && toRemove !== undefined) {
    const kept: JsonObject = {};
    for (const phase of PHASES) {
      const list = ruleSet[phase];
      if (!Array.isArray(list)) continue;
      const left = (list as JsonObject[]).filter((r) => !toRemove.includes(String(r['name'])));
      if (left.length > 0) kept[phase] = left;
    }
    if (ruleSet['enableAt'] !== undefined) kept['enableAt'] = ruleSet['enableAt'];
    ruleSet = kept;
  }
  return ruleSet;
}

/**
 * `POST /subjects/{s}/versions/{v}/tags` (the older tags endpoint): the schema of version `v` with
 * tags added and removed, metadata and rules replaced or edited, registered as a new version.
 */
export function modifySchemaTags(
  service: RegistryService,
  subject: string,
  version: number,
  body: unknown,
): Record<string, unknown> {
  const o = requireObject(body);
  const { state } = service;
  const entry = version === LATEST ? state.latestLive(subject) : state.version(subject, version);
  if (entry === undefined || entry.deleted) {
    if (state.latestLive(subject) === undefined) throw RegistryErrors.subjectNotFound(subject);
    throw RegistryErrors.versionNotFound(version === LATEST ? 'latest' : version);
  }
  const stored = service.schemaOf(entry);
  const rawRuleSet = objectField(o, 'ruleSet');
  const rawToMerge = objectField(o, 'rulesToMerge');
  const toRemove = stringList(o, 'rulesToRemove');
  if ((rawToMerge !== undefined || toRemove !== undefined) && rawRuleSet !== undefined)
    throw RegistryErrors.invalidRuleSet(
      'ruleSet should be omitted if specifying rulesToMerge or rulesToRemove',
    );
  const toMerge = rawToMerge === undefined ? undefined : canonicalRuleSet(rawToMerge);
  validateRuleSet(toMerge);
  const requestRuleSet = rawRuleSet === undefined ? undefined : canonicalRuleSet(rawRuleSet);
  validateRuleSet(requestRuleSet);

  const newVersionRaw = o['newVersion'];
  if (newVersionRaw !== undefined && newVersionRaw !== null && !Number.isInteger(newVersionRaw))
    throw RegistryErrors.badRequest("Cannot deserialize field 'newVersion': expected an integer");
  const newVersion = typeof newVersionRaw === 'number' ? newVersionRaw : 0;

  let ruleSet = requestRuleSet;
  if (toMerge !== undefined || toRemove !== undefined) {
    // The rules of the version before the new one (the latest when no new version is named).
    const before = newVersion > 0 ? state.version(subject, newVersion - 1) : state.latestLive(subject);
    const previous = before === undefined || before.deleted ? undefined : service.schemaOf(before).ruleSet;
    ruleSet = modifiedRuleSet(previous, toMerge, toRemove);
  }
  const requestMetadata = objectField(o, 'metadata');
  const metadata = withConfluentVersion(
    requestMetadata === undefined ? stored.metadata : canonicalMetadata(requestMetadata),
    newVersion,
  );

  const prepared = service.storedSchema(stored, contextOf(subject));
  const add = parseSchemaTagsList(o['tagsToAdd'], 'tagsToAdd') ?? [];
  const remove = parseSchemaTagsList(o['tagsToRemove'], 'tagsToRemove') ?? [];
  const request: SchemaRequest = {
    schema: applySchemaTags(prepared.parsed, prepared.canonical, add, remove),
    schemaType: stored.schemaType,
    references: stored.references,
    metadata,
    ...(ruleSet === undefined ? {} : { ruleSet }),
    ...(newVersion > 0 ? { version: newVersion } : {}),
  };
  return service.register(subject, request, false);
}
