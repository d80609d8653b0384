import { normalizedAvro, type AvroSchema } from '../../formats/avro/index.js';
import type { PreparedSchema } from './engine.js';
import { confluentVersionOf, metadataKey, ruleSetKey, withoutConfluentVersion } from './contracts.js';
import type { JsonObject, SchemaRef } from './types.js';

/** A schema as it takes part in a lookup: parsed, with its references, metadata and rules. */
export interface LookupSide {
  prepared: PreparedSchema;
  refs: readonly SchemaRef[];
  metadata: JsonObject | undefined;
  ruleSet: JsonObject | undefined;
}

const shapeKeys = new WeakMap<PreparedSchema, string>();

/**
 * What the registry's `ParsedSchema.equivalent` compares of the schema itself. Avro compares the
 * parsed schemas (`Schema.equals` plus docs, aliases and enum defaults): the same types however
 * written, with referenced types inlined or by name, properties in any order. JSON Schema compares
 * the canonical strings.
 */
function shapeKey(p: PreparedSchema): string {
  let key = shapeKeys.get(p);
  if (key === undefined) {
    key = p.parsed.format === 'avro' ? normalizedAvro(p.parsed as AvroSchema) : p.canonical;
    shapeKeys.set(p, key);
  }
  return key;
}

function sameRefs(a: readonly SchemaRef[], b: readonly SchemaRef[]): boolean {
  return (
    a.length === b.length &&
    a.every((r, i) => r.name === b[i]?.name && r.subject === b[i]?.subject && r.version === b[i]?.version)
  );
}

/**
 * Confluent's `ParsedSchema.canLookup(prev)`: can `candidate` (a lookup or register request) be
 * answered with the stored version `prev`? The references must be the same list, unless the
 * candidate has none and `prev` has some (a schema sent with its references inlined). A
 * `confluent:version` on one side only is ignored, but a candidate's must name `prev`'s version.
 */
export function canLookup(candidate: LookupSide, prev: LookupSide, prevVersion: number): boolean {
  if (candidate.prepared.schemaType !== prev.prepared.schemaType) return false;
  const inlined = candidate.refs.length === 0 && prev.refs.length > 0;
  if (!inlined && !sameRefs(candidate.refs, prev.refs)) return false;
  if (shapeKey(candidate.prepared) !== shapeKey(prev.prepared)) return false;
  if (ruleSetKey(candidate.ruleSet) !== ruleSetKey(prev.ruleSet)) return false;
  const mine = confluentVersionOf(candidate.metadata);
  const theirs = confluentVersionOf(prev.metadata);
  if (mine === undefined && theirs !== undefined) {
    return metadataKey(candidate.metadata ?? {}) === metadataKey(withoutConfluentVersion(prev.metadata));
  }
  if (mine !== undefined && theirs === undefined) {
    if (mine !== prevVersion) return false;
    return metadataKey(withoutConfluentVersion(candidate.metadata)) === metadataKey(prev.metadata ?? {});
  }
  return metadataKey(candidate.metadata) === metadataKey(prev.metadata);
}
