import type { FormatHandler } from '../format.js';
import { positionOf } from '../json/parse.js';
import { canonicalAvro, normalizedAvro } from './canonical.js';
import { checkAvro } from './compat.js';
import { diffAvro } from './diff.js';
import type { AvroSchema } from './model.js';
import { parseAvro } from './parse.js';

export type {
  AvroSchema,
  AvroType,
  AvroNamed,
  AvroRecord,
  AvroEnum,
  AvroFixed,
  AvroField,
  AvroUnion,
  AvroArray,
  AvroMap,
  AvroPrimitive,
} from './model.js';
export { parseAvro, AVRO_RULES, AVRO_WARNINGS } from './parse.js';
export { checkAvro, canRead, AVRO_ERROR_TYPES } from './compat.js';
export { canonicalAvro, normalizedAvro, parsingCanonicalForm } from './canonical.js';
export { fingerprint64, fingerprint64Hex, fingerprintAvro } from './fingerprint.js';
export { diffAvro } from './diff.js';

/**
 * Avro for schemagate. `canonical` is the registry's identity string (Java `Schema.toString()`);
 * `normalized` is the registry's `normalize=true` form (§4.3): it also ignores the order of custom
 * properties and aliases and how names are qualified, while a change to doc, a default, aliases or a
 * property value stays a different schema, as the registry counts versions.
 */
export const avroFormat: FormatHandler<AvroSchema> = {
  id: 'avro',
  registryType: 'AVRO',
  parse: parseAvro,
  canonical: canonicalAvro,
  normalized: normalizedAvro,
  check: checkAvro,
  diff: diffAvro,
  locate: (schema, pointer) => positionOf(schema.doc, pointer === '/' ? '' : pointer),
};
