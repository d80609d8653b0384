import type { PairContext, PairFinding } from '../../compat/finding.js';
import type { RegistrySchemaType } from '../../formats/format.js';

/**
 * The registry's verbose compatibility messages (§4.8, §6.3, §7.4), built from our engines' findings.
 * Avro descriptions follow Confluent's Avro `Difference` templates; JSON Schema ones carry our engine's
 * sentence in the JSON `Difference` envelope (whose closing quote is mismatched in the registry, sic);
 * Protobuf ones are the registry's own `Difference` strings, which the Protobuf core builds.
 */
export function findingMessage(type: RegistrySchemaType, f: PairFinding, ctx: PairContext): string {
  if (type === 'AVRO') {
    // Avro Java throws on a reader field that matches two writer fields; the registry reports the exception.
    if (f.errorType === 'AMBIGUOUS_FIELD_ALIAS')
      return `Unexpected exception during compatibility check: ${f.additionalInfo ?? ''}`;
    const info = f.additionalInfo ?? '';
    return `{errorType:'${f.errorType}', description:'${avroDescription(f, ctx)}', additionalInfo:'${info}'}`;
  }
  // The Protobuf core's additionalInfo is the registry's `Difference.toString()` already.
  if (type === 'PROTOBUF')
    return f.additionalInfo ?? `{errorType:"${f.errorType}", description:"${f.message}"}`;
  return `{errorType:"${f.errorType}", description:"${f.message}'}`;
}

function avroDescription(f: PairFinding, { reader, writer }: PairContext): string {
  // Avro Java's own location where it differs from ours (a repeated named type, a writer union's branch).
  const loc = f.registryPath ?? (f.path === '' ? '/' : f.path);
  switch (f.errorType) {
    case 'FIXED_SIZE_MISMATCH':
      return `The size of FIXED type field at path '${loc}' in the ${reader} schema does not match with the ${writer} schema`;
    case 'TYPE_MISMATCH':
      return `The type (path '${loc}') of a field in the ${reader} schema does not match with the ${writer} schema`;
    case 'NAME_MISMATCH':
      return `The name of the schema has changed (path '${loc}')`;
    case 'MISSING_ENUM_SYMBOLS':
      return `The ${reader} schema is missing enum symbols '${f.additionalInfo ?? ''}' at path '${loc}' in the ${writer} schema`;
    case 'MISSING_UNION_BRANCH':
      return `The ${reader} schema is missing a type inside a union field at path '${loc}' in the ${writer} schema`;
    case 'READER_FIELD_MISSING_DEFAULT_VALUE':
      return `The field '${f.additionalInfo ?? ''}' at path '${loc}' in the ${reader} schema has no default value and is missing in the ${writer} schema`;
    default:
      return f.message;
  }
}

const OLD_SCHEMA_LIMIT = 10 * 1024;

/** What follows the findings against one earlier version: its number and its schema (§4.8). */
export function versionSuffix(version: number, oldSchema: string): string[] {
  const shown =
    oldSchema.length > OLD_SCHEMA_LIMIT ? `${oldSchema.slice(0, OLD_SCHEMA_LIMIT)}<truncated>` : oldSchema;
  return [`{oldSchemaVersion: ${version}}`, `{oldSchema: '${shown}'}`];
}

/** The last message of every failing check. */
export function configSuffix(level: string, validateFields: boolean): string {
  return `{validateFields: '${validateFields}', compatibility: '${level}'}`;
}

export const DIFFERENT_TYPE_MESSAGE = 'Incompatible because of different schema type';
