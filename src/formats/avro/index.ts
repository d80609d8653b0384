import type { FormatHandler } from '../format.js';
import { canonicalAvro } from './canonical.js';
import { checkAvro } from './compat.js';
import { diffAvro } from './diff.js';
import type { AvroSchema } from './model.js';
import { parseAvro } from './parse.js';

export type { AvroSchema, AvroType, AvroNamed, AvroRecord, AvroEnum, AvroFixed, AvroField, AvroUnion, AvroArray, AvroMap, AvroPrimitive } from './model.js';
export { parseAvro, AVRO_RULES } from './parse.js';
export { checkAvro, canRead, AVRO_ERROR_TYPES } from './compat.js';
export { canonicalAvro, normalizedAvro, parsingCanonicalForm } from './canonical.js';
export { fingerprint64, fingerprint64Hex } from './fingerprint.js';
export { diffAvro } from './diff.js';

/**
 * Avro for schemagate. `normalized` is the registry's identity string (`canonical`): it already ignores
 * whitespace, the order of Avro's own attributes, `{"type":"string"}` versus `"string"` and dotted
 * names versus `namespace`, while a change to doc, a default, aliases or a custom property (or the
 * order of custom properties) stays a new version, exactly as the registry counts versions.
 */
export const avroFormat: FormatHandler<AvroSchema> = {
  id: 'avro',
  registryType: 'AVRO',
  parse: parseAvro,
  canonical: canonicalAvro,
  normalized: canonicalAvro,
  check: checkAvro,
  diff: diffAvro,
};
