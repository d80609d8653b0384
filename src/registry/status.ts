import type { CompatibilityLevel } from '../compat/level.js';
import { isRegistryError } from './client/errors.js';
import type { SchemaRegistryClient } from './client/index.js';
import type { RegistryReference } from './client/types.js';
import { orderByReferences } from './plan/order.js';
import type { PublishCandidate } from './plan/types.js';

export type DriftKind = 'in-sync' | 'only-in-repo' | 'only-in-registry' | 'latest-differs' | 'level-differs';

export interface SubjectDrift {
  subject: string;
  /** Every way this subject differs; `['in-sync']` when it does not. */
  kinds: DriftKind[];
  file?: string;
  /** The registry's latest live version and its id, when the subject is there. */
  registry?: { version: number; id: number; level: CompatibilityLevel };
  /** The configured level and, when the registry holds the repository's schema, the version that holds it. */
  repo?: { level: CompatibilityLevel; version?: number };
  detail: string;
}

export interface StatusReport {
  inSync: boolean;
  subjects: SubjectDrift[];
}

/**
 * Compares the repository's newest schemas with the registry: subjects on one side only, a registry
 * latest that is not the repository's schema, and levels that differ. Reads only.
 */
export async function registryStatus(
  client: SchemaRegistryClient,
  candidates: readonly PublishCandidate[],
): Promise<StatusReport> {
  const ordered = orderByReferences(candidates);
  const repoSubjects = ordered.ok ? ordered.order : [...candidates];
  const inRegistry = new Set(await client.listSubjects());
  const globalLevel = (await client.getConfig())?.compatibilityLevel ?? 'BACKWARD';
  const out: SubjectDrift[] = [];

  for (const c of repoSubjects) {
    const drift: SubjectDrift = { subject: c.subject, kinds: [], detail: '', repo: { level: c.level } };
    if (c.file !== undefined) drift.file = c.file;
    if (!inRegistry.has(c.subject)) {
      drift.kinds.push('only-in-repo');
      drift.detail = 'not in the registry yet (publish registers it)';
      out.push(drift);
      continue;
    }
    const latest = await client.getLatest(c.subject);
    const level = (await client.getConfig(c.subject))?.compatibilityLevel ?? globalLevel;
    drift.registry = { version: latest.version, id: latest.id, level };
    const details: string[] = [];
    const held = await lookupVersion(client, c, inRegistry);
    if (held !== undefined) drift.repo = { level: c.level, version: held };
    if (held !== latest.version) {
      drift.kinds.push('latest-differs');
      details.push(
        held === undefined
          ? `the repository's schema is not in the registry (registry latest is version ${latest.version})`
          : `the registry's latest is version ${latest.version}, the repository's schema is version ${held}`,
      );
    }
    if (level !== c.level) {
      drift.kinds.push('level-differs');
      details.push(`level ${level} in the registry, ${c.level} in the configuration`);
    }
    if (drift.kinds.length === 0) {
      drift.kinds.push('in-sync');
      details.push(`version ${latest.version}, id ${latest.id}`);
    }
    drift.detail = details.join('; ');
    out.push(drift);
  }
  const repoNames = new Set(candidates.map((c) => c.subject));
  for (const subject of [...inRegistry].sort()) {
    if (repoNames.has(subject)) continue;
    // Every version soft-deleted: 404, and nothing to show; any other failure is an error.
    const latest = await client.getLatest(subject).catch((e: unknown) => {
      if (isRegistryError(e) && e.isNotFound) return undefined;
      throw e;
    });
    const level = (await client.getConfig(subject))?.compatibilityLevel ?? globalLevel;
    out.push({
      subject,
      kinds: ['only-in-registry'],
      ...(latest === undefined ? {} : { registry: { version: latest.version, id: latest.id, level } }),
      detail: 'in the registry but no file in the repository (`schemagate import` adopts it)',
    });
  }
  return { inSync: out.every((d) => d.kinds.length === 1 && d.kinds[0] === 'in-sync'), subjects: out };
}

/** The version of the subject holding the repository's schema, with references at the registry's latest. */
async function lookupVersion(
  client: SchemaRegistryClient,
  c: PublishCandidate,
  inRegistry: Set<string>,
): Promise<number | undefined> {
  try {
    const references: RegistryReference[] = [];
    for (const r of c.references) {
      if (r.version === undefined && !inRegistry.has(r.subject)) return undefined;
      references.push({
        name: r.name,
        subject: r.subject,
        version: r.version ?? (await client.getLatest(r.subject)).version,
      });
    }
    const found = await client.lookup(c.subject, {
      schema: c.schema,
      schemaType: c.schemaType,
      ...(references.length > 0 ? { references } : {}),
    });
    return found.version;
  } catch (e) {
    if (isRegistryError(e) && e.isNotFound) return undefined;
    throw e;
  }
}
