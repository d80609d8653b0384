import { mergeContract, type Contract } from './contracts.js';
import { canLookup, type LookupSide } from './equivalence.js';
import { identityKey, keyOf } from './identity.js';
import type { PreparedSchema } from './engine.js';
import { contextOf } from './qualified.js';
import type { RegistryState } from './state.js';
import type { RegistryConfig, SchemaEntry, VersionEntry } from './types.js';

/** What a lookup reads: the state, and stored schemas parsed (the service, which caches them). */
export interface LookupSource {
  readonly state: RegistryState;
  schemaOf(v: VersionEntry): SchemaEntry;
  storedSchema(entry: SchemaEntry, context: string): PreparedSchema;
}

export interface Found {
  version: VersionEntry;
  entry: SchemaEntry;
}

export interface FindOptions {
  /** Soft-deleted versions answer too. */
  deleted: boolean;
  /** Only the latest live version can answer (a register with `version: -1`). */
  latestOnly: boolean;
}

/** A stored version as a lookup compares it. */
export function storedSide(service: LookupSource, entry: SchemaEntry, context: string): LookupSide {
  return {
    prepared: service.storedSchema(entry, context),
    refs: entry.references,
    metadata: entry.metadata,
    ruleSet: entry.ruleSet,
  };
}

/**
 * One pass of the registry's `lookUpSchemaUnderSubject`: the version holding exactly this schema
 * (same identity), else the newest version it `canLookup` (the same schema written differently:
 * normalised or not, references inlined, `confluent:version` on one side only).
 */
export function findOnce(
  service: LookupSource,
  subject: string,
  candidate: LookupSide,
  options: FindOptions,
): Found | undefined {
  const { state } = service;
  const versions = options.latestOnly
    ? [state.latestLive(subject)].filter((v): v is VersionEntry => v !== undefined)
    : state.versions(subject, options.deleted);
  if (!options.latestOnly) {
    const p = candidate.prepared;
    const key = identityKey(p.schemaType, p.canonical, candidate.refs, candidate.metadata, candidate.ruleSet);
    for (let i = versions.length - 1; i >= 0; i--) {
      const v = versions[i] as VersionEntry;
      const entry = service.schemaOf(v);
      if (keyOf(entry) === key) return { version: v, entry };
    }
  }
  for (let i = versions.length - 1; i >= 0; i--) {
    const v = versions[i] as VersionEntry;
    const entry = service.schemaOf(v);
    if (canLookup(candidate, storedSide(service, entry, contextOf(subject)), v.version))
      return { version: v, entry };
  }
  return undefined;
}

/**
 * The registry's lookup under a subject: a first pass with the request as sent, then (when that finds
 * nothing) a second one with the metadata and rules a registration would give it, from the latest
 * version and the config's defaults and overrides.
 */
export function findInSubject(
  service: LookupSource,
  subject: string,
  config: RegistryConfig,
  candidate: LookupSide,
  options: FindOptions,
): Found | undefined {
  const found = findOnce(service, subject, candidate, options);
  if (found !== undefined) return found;
  const latest = service.state.latestLive(subject);
  if (latest === undefined) return undefined;
  const latestEntry = service.schemaOf(latest);
  const request: Contract = { metadata: candidate.metadata, ruleSet: candidate.ruleSet };
  const merged = mergeContract(config, request, latestEntry);
  if (merged.metadata === request.metadata && merged.ruleSet === request.ruleSet) return undefined;
  return findOnce(service, subject, { ...candidate, ...merged }, options);
}
