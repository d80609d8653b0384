import type { PairContext, PairFinding } from '../../compat/finding.js';
import type { Direction } from '../../compat/level.js';
import type { FormatHandler, SchemaChange, SchemaReference } from '../format.js';
import { canonicalProto, normalizedProto } from './canonical.js';
import { compareFiles } from './diff.js';
import { COMPATIBLE_CHANGES, type Difference } from './differences.js';
import { locatePath } from './locate.js';
import { KNOWN_FILES } from './known-types.js';
import { describe, fixFor, registryMessage } from './messages.js';
import { parseProtobuf, type ProtobufSchema } from './parse.js';
import { ProtoSyntaxError } from './reader.js';
import { parseProtoText } from './syntax.js';

export { parseProtobuf, PROTOBUF_RULES, type ProtobufSchema } from './parse.js';
export { DIFFERENCE_TYPES, COMPATIBLE_CHANGES, type Difference, type DifferenceType } from './differences.js';
export { canonicalProto, normalizedProto } from './canonical.js';
export { registryMessage } from './messages.js';

/**
 * The files a `.proto` text imports that are not built in: what a caller must supply as references.
 * A text that does not parse imports nothing (its parse reports the error).
 */
export function protoImports(text: string): string[] {
  try {
    const file = parseProtoText(text);
    return [...file.imports, ...file.publicImports, ...file.weakImports].filter((i) => !KNOWN_FILES.has(i));
  } catch (e) {
    if (e instanceof ProtoSyntaxError) return [];
    throw e;
  }
}

/** The registry's `SchemaDiff.compare(original, update)` of two parsed schemas. */
export function differences(original: ProtobufSchema, update: ProtobufSchema): Difference[] {
  return compareFiles({ index: original.index, ...original.proto }, { index: update.index, ...update.proto });
}

/** Compares two schema texts (read leniently, as the registry reads stored versions) the registry's way. */
export function compareProtobuf(
  original: { text: string; references?: SchemaReference[] },
  update: { text: string; references?: SchemaReference[] },
): { differences: Difference[]; compatible: boolean } {
  const parse = (s: { text: string; references?: SchemaReference[] }): ProtobufSchema => {
    const r = parseProtobuf(s.text, { lenient: true, references: s.references ?? [] });
    if (!r.ok) throw new Error(r.issues.map((i) => `${i.line}:${i.column}: ${i.message}`).join('; '));
    return r.schema;
  };
  const diffs = differences(parse(original), parse(update));
  return { differences: diffs, compatible: diffs.every((d) => COMPATIBLE_CHANGES.has(d.type)) };
}

/** "reader reads writer's data" ⇔ the registry's SchemaDiff.compare(original = writer, update = reader). */
function checkProtobuf(reader: ProtobufSchema, writer: ProtobufSchema, context: PairContext): PairFinding[] {
  return differences(writer, reader)
    .filter((d) => !COMPATIBLE_CHANGES.has(d.type))
    .map((d) => ({
      errorType: d.type,
      path: d.path,
      candidatePointer: d.at.slice(1),
      message: describe(d.type, d.path, context),
      fix: fixFor(d.type),
      additionalInfo: registryMessage(d.type, d.path, context),
    }));
}

function kindOf(type: string): SchemaChange['kind'] {
  if (type.endsWith('_ADDED')) return 'added';
  if (type.endsWith('_REMOVED')) return 'removed';
  return 'changed';
}

const NEW_READS_OLD: PairContext = { reader: 'new', writer: 'old' };

/** Every difference from `from` to `to`, with the directions in which it breaks readers. */
function diffProtobuf(from: ProtobufSchema, to: ProtobufSchema): SchemaChange[] {
  const reverse = new Set(
    differences(to, from)
      .filter((d) => !COMPATIBLE_CHANGES.has(d.type))
      .map((d) => d.path),
  );
  return differences(from, to).map((d) => {
    const breaks: Direction[] = [];
    if (!COMPATIBLE_CHANGES.has(d.type)) breaks.push('new-reads-old');
    if (reverse.has(d.path)) breaks.push('old-reads-new');
    return {
      kind: kindOf(d.type),
      pointer: d.at.slice(1),
      summary: `${d.type} ${d.path}${COMPATIBLE_CHANGES.has(d.type) ? '' : `: ${describe(d.type, d.path, NEW_READS_OLD)}`}`,
      breaks,
    };
  });
}

/**
 * Protobuf for schemagate, as the registry's protobuf-provider: `canonical` is its
 * `canonicalString()`, `normalized` its `normalize()` form, `check` its SchemaDiff rules. A pointer is
 * a registry path without the `#` (`/Order/lines/3`).
 */
export const protobufFormat: FormatHandler<ProtobufSchema> = {
  id: 'protobuf',
  registryType: 'PROTOBUF',
  parse: parseProtobuf,
  canonical: (schema) => canonicalProto(schema.proto),
  normalized: (schema) => normalizedProto(schema.proto, schema.index),
  check: checkProtobuf,
  diff: diffProtobuf,
  locate: (schema, pointer) => locatePath(schema.proto, pointer),
};
